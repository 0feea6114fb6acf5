// The evidence panel: for whatever is selected (a line, an entity, an
// event of the timeline) the sentences it was read from and the article
// they are in.
import { el, sentences, text } from "./text.js";
import { className, rolesNamed, who } from "./timeline.js";

// ctx: { articles: Map id -> {headline, published}, events: Map node id ->
// timeline event, node(id) -> node data, edgesOf(id) -> edge data list }.

export function renderEmpty(container, message) {
  container.replaceChildren(el("h2", {}, "Evidence"), el("p", { class: "hint" }, message));
}

// renderEdge shows one line of the network: what it says, when, who
// reported it, and its evidence sentences.
export function renderEdge(container, edge, ctx) {
  const src = ctx.node(edge.source) || {};
  const tgt = ctx.node(edge.target) || {};
  const ev = edge.event ? ctx.events.get(edge.event) : null;
  container.replaceChildren(
    el("h2", {}, "Evidence"),
    el("p", { class: "claim", id: "evidence-claim" }, text(name(src)), el("span", { class: "rel" }, ` —${edge.label}→ `), text(name(tgt))),
    facts([
      ["event", ev ? className(ev) : null],
      ["date", dateOf(edge)],
      ["modality", edge.modality],
      ["reported by", edge.reported_by],
    ]),
    quotes(edge.evidence, "This line comes from a fixed phrase or an N-Quads load: it has no evidence sentence of its own."),
    articlesOf(edge.article, ctx, { event: ev ? ev.iri : null, sentences: sentences(edge.evidence) }),
  );
}

// renderEvent shows an event: its class, date, who took part, evidence.
export function renderEvent(container, ev, ctx) {
  container.replaceChildren(
    el("h2", {}, "Evidence"),
    el("p", { class: "claim", id: "evidence-claim" }, text(className(ev))),
    facts([
      ["date", dateOf(ev)],
      ["who", who(ev).join(", ")],
      ["where", rolesNamed(ev, ["location", "destination"]).join(", ")],
      ["about", rolesNamed(ev, ["theme", "topic", "occasion"]).join(", ")],
      ["quantity", ev.quantity],
      ["modality", ev.modality],
      ["reported by", ev.reported_by],
    ]),
    quotes(ev.evidence, "No evidence sentence."),
    articlesOf(ev.article, ctx, { event: ev.iri, sentences: sentences(ev.evidence) }),
  );
}

// renderEntity shows an entity: its names, and the evidence of every line
// that touches it in the drawing, by event.
export function renderEntity(container, node, ctx) {
  const seen = new Set();
  const items = [];
  for (const e of ctx.edgesOf(node.id)) {
    const key = e.event || e.id;
    if (seen.has(key) || !e.evidence) continue;
    seen.add(key);
    const otherId = e.source === node.id ? e.target : e.source;
    const other = ctx.node(otherId) || {};
    // An event drawn as a node is named by its class ("Phone call"), not
    // by its long English label.
    const ev = ctx.events.get(otherId);
    items.push(
      el(
        "li",
        {},
        el("span", { class: "rel" }, ev ? `${e.label} of ` : `${e.source === node.id ? "" : "←"}${e.label}${e.source === node.id ? "→" : ""} `),
        text(ev ? className(ev) : name(other)),
        e.date ? el("time", {}, ` ${e.date}`) : null,
        el("blockquote", {}, text(sentences(e.evidence)[0])),
      ),
    );
  }
  const wikidata = node.qid ? el("a", { href: `https://www.wikidata.org/wiki/${encodeURIComponent(node.qid)}`, rel: "noopener noreferrer", target: "_blank" }, node.qid) : null;
  container.replaceChildren(
    el("h2", {}, "Evidence"),
    el("p", { class: "claim", id: "evidence-claim" }, text(node.label_en || node.label), node.label_hi ? el("span", { class: "hi-name" }, " ", text(node.label_hi)) : null),
    facts([
      ["type", node.type],
      ["also called", node.alt_labels ? node.alt_labels.split("; ").join(", ") : null],
    ]),
    wikidata ? el("p", { class: "meta" }, "Wikidata: ", wikidata) : null,
    items.length ? el("h3", {}, "In this network") : el("p", { class: "hint" }, "No line of this drawing touching it has evidence."),
    items.length ? el("ul", { class: "mentions" }, items) : null,
  );
}

function name(n) {
  return n.label_en || n.label_hi || n.label || n.id || "?";
}

function dateOf(x) {
  if (!x.date) return null;
  return x.end_date ? `${x.date} – ${x.end_date}` : x.date;
}

function facts(rows) {
  const dl = el("dl", { class: "facts" });
  for (const [k, v] of rows) {
    if (!v) continue;
    dl.append(el("dt", {}, k), el("dd", {}, text(v)));
  }
  return dl;
}

function quotes(evidence, none) {
  const ss = sentences(evidence);
  if (!ss.length) return el("p", { class: "hint" }, none);
  return el("div", { class: "quotes", id: "evidence-sentences" }, ss.map((s) => el("blockquote", {}, text(s))));
}

// articlesOf names the articles (ids "; "-separated) with their headlines,
// each with a button that opens its full text with hl (the event and its
// sentences) marked.
function articlesOf(ids, ctx, hl) {
  if (!ids) return null;
  const list = el("ul", { class: "articles" });
  for (const id of String(ids).split("; ")) {
    const a = ctx.articles.get(id);
    const read = ctx.readArticle ? el("button", { type: "button", class: "link read", dataset: { article: id }, onclick: () => ctx.readArticle(id, hl) }, "Read the article") : null;
    list.append(el("li", {}, a ? text(a.headline || id) : id, a && a.published ? el("span", { class: "meta" }, ` · ${a.published}`) : null, el("div", { class: "meta id" }, id), read));
  }
  return el("div", { class: "source" }, el("h3", {}, "Article"), list);
}
