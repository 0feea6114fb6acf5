// The evidence panel: for a line (a claim) the sentences that state it,
// listed once per event and paged; for an entity its names and its lines;
// for an event of the timeline what it says. Each article named has a
// button that opens its full text with the evidence marked (readArticle,
// given by the page, takes the article's id and what to mark: {event:
// IRI, sentences: [..]}).
import { el, text } from "./text.js";

export function renderEmpty(container, message) {
  container.replaceChildren(el("h2", {}, "Evidence"), el("p", { class: "hint" }, message));
}

// renderClaim starts the evidence of a claim: what it says, how many
// articles and when; appendEvidence adds a page of the evidence query.
export function renderClaim(container, edge, src, tgt, onMore) {
  container.replaceChildren(
    el("h2", {}, "Evidence"),
    el("p", { class: "claim", id: "evidence-claim" }, text(name(src)), el("span", { class: "rel" }, ` —${edge.label}→ `), text(name(tgt))),
    facts([
      ["articles", String(edge.articles)],
      ["latest", edge.latest],
    ]),
    el("div", { class: "quotes", id: "evidence-sentences" }),
    el("button", { type: "button", class: "more", id: "more-evidence", hidden: true, onclick: onMore }, "More evidence"),
  );
}

export function appendEvidence(container, rows, more, readArticle) {
  container.querySelector("#more-evidence").hidden = !more;
  const box = container.querySelector("#evidence-sentences");
  for (const r of rows) {
    box.append(
      el(
        "div",
        { class: "source" },
        r.evidence ? el("blockquote", {}, text(r.evidence)) : el("p", { class: "hint" }, `${r.relation.replace(/_/g, " ")}: stated without a sentence kg read as an event`),
        el("p", { class: "meta" }, [r.relation, r.date].filter(Boolean).join(" · ")),
        el("div", { class: "meta id" }, r.article),
        readButton(r.article, { event: r.event, sentences: r.evidence ? [r.evidence] : [] }, readArticle),
      ),
    );
  }
}

// renderEntity shows an entity: its names and the lines drawn from it.
export function renderEntity(container, node, info, lines) {
  const items = lines.map((e) => el("li", {}, el("span", { class: "rel" }, `${e.source === node.id ? "" : "← "}${e.label}${e.source === node.id ? " →" : ""} `), text(e.otherName), el("span", { class: "meta" }, ` · ${e.articles} ${e.articles === 1 ? "article" : "articles"}`)));
  container.replaceChildren(
    el("h2", {}, "Evidence"),
    el("p", { class: "claim", id: "evidence-claim" }, text(node.label_en || node.label_hi || node.id), node.label_hi && node.label_en ? el("span", { class: "hi-name" }, " ", text(node.label_hi)) : null),
    facts([
      ["type", (info && info.types && info.types.join(", ")) || node.type],
      ["also called", info && info.alt_labels && info.alt_labels.length ? info.alt_labels.join(", ") : null],
    ]),
    items.length ? el("h3", {}, "Lines drawn") : null,
    items.length ? el("ul", { class: "mentions" }, items) : null,
  );
}

// renderEvent shows an event of the timeline.
export function renderEvent(container, ev, readArticle) {
  container.replaceChildren(
    el("h2", {}, "Evidence"),
    el("p", { class: "claim", id: "evidence-claim" }, text(ev.type)),
    facts([
      ["date", ev.end_date ? `${ev.date} – ${ev.end_date}` : ev.date],
      ["who", (ev.participants || []).join(", ")],
      ["where", (ev.place || []).join(", ")],
      ["about", (ev.about || []).join(", ")],
      ["modality", ev.modality],
      ["reported by", ev.reported_by],
      ["reports", ev.reports > 1 ? `${ev.reports} articles report this event` : null],
    ]),
    ev.evidence ? el("div", { class: "quotes", id: "evidence-sentences" }, el("blockquote", {}, text(ev.evidence))) : el("p", { class: "hint" }, "No evidence sentence."),
    el("div", { class: "source" }, el("h3", {}, "Article"), el("div", { class: "meta id" }, ev.article), readButton(ev.article, { event: ev.event, sentences: ev.evidence ? [ev.evidence] : [] }, readArticle)),
  );
}

// readButton opens an article's full text with hl marked.
function readButton(id, hl, readArticle) {
  if (!id || !readArticle) return null;
  return el("button", { type: "button", class: "link read", dataset: { article: id }, onclick: () => readArticle(id, hl) }, "Read the article");
}

function name(n) {
  return (n && (n.label_en || n.label_hi || n.id)) || "?";
}

function facts(rows) {
  const dl = el("dl", { class: "facts" });
  for (const [k, v] of rows) {
    if (!v) continue;
    dl.append(el("dt", {}, k), el("dd", {}, text(v)));
  }
  return dl;
}
