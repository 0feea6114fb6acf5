// Small helpers for building the page's DOM from data. Text always goes in
// through textContent: labels and sentences come from articles.

const devanagari = /[\u0900-\u097F]/;

// el makes an element with attributes and children (strings or nodes).
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  // Children may nest arrays to any depth (a list of [separator, node]
  // pairs, say): all are flattened, never turned into text.
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : text(c));
  }
  return e;
}

// text is a span marked lang="hi" when the string is Devanagari, so that
// the browser picks a Devanagari font and screen readers a Hindi voice.
export function text(s) {
  s = String(s);
  if (!devanagari.test(s)) return document.createTextNode(s);
  const span = document.createElement("span");
  span.lang = "hi";
  span.textContent = s;
  return span;
}

// sentences splits an export's evidence (" | "-joined) into sentences.
export function sentences(evidence) {
  if (!evidence) return [];
  return evidence.split(" | ").map((s) => s.trim()).filter(Boolean);
}

// twoLines turns "Kim Jong-un / किम जोंग-उन" into one line per language.
export function twoLines(label) {
  return String(label || "").split(" / ").join("\n");
}
