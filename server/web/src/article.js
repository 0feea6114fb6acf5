// The full-article view: the article's text as kg read it, with the
// selected evidence sentence marked where it stands (GET /api/text gives
// its code-point offsets for an event; a line that no event stands for is
// found by its sentence), in a dialog over the page.
import { getJSON } from "./api.js";
import { el, text } from "./text.js";

const enc = encodeURIComponent;

// findSentences gives the code-point spans of sentences in text, for a
// line whose evidence has no stored offsets.
export function findSentences(chars, sentences) {
  const joined = chars.join("");
  const out = [];
  for (const s of sentences) {
    const at = joined.indexOf(s);
    if (at < 0) continue;
    const start = Array.from(joined.slice(0, at)).length;
    out.push({ start, end: start + Array.from(s).length });
  }
  return out;
}

// marked is the text with each span in a <mark>, as nodes; offsets count
// code points (Array.from), as kg counts them.
export function marked(chars, spans) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const sp of sorted) {
    if (sp.start < at || sp.end > chars.length) continue;
    if (sp.start > at) nodes.push(text(chars.slice(at, sp.start).join("")));
    nodes.push(el("mark", { class: "evidence" }, text(chars.slice(sp.start, sp.end).join(""))));
    at = sp.end;
  }
  if (at < chars.length) nodes.push(text(chars.slice(at).join("")));
  return nodes;
}

// showArticle opens the article id in dialog; hl is {event: IRI,
// sentences: [..]}, what to mark.
export async function showArticle(dialog, id, hl) {
  const r = await getJSON(`/api/text?article=${enc(id)}` + (hl && hl.event ? `&event=${enc(hl.event)}` : ""));
  const chars = Array.from(r.text);
  let spans = r.evidence || [];
  if (!spans.length && hl && hl.sentences) spans = findSentences(chars, hl.sentences);
  const close = el("button", { type: "button", class: "close", onclick: () => dialog.close() }, "Close");
  dialog.replaceChildren(
    el("header", {}, el("h2", { id: "article-headline" }, text(r.headline || id)), close),
    el("p", { class: "meta" }, r.published ? `${r.published} · ` : "", id, spans.length ? ` · ${spans.length} evidence sentence${spans.length > 1 ? "s" : ""} marked` : " · the sentence is not found in the text"),
    el("div", { class: "article-text", id: "article-text" }, marked(chars, spans)),
  );
  if (!dialog.open) dialog.showModal();
  const first = dialog.querySelector("mark.evidence");
  if (first) first.scrollIntoView({ block: "center" });
  return spans.length;
}
