// The legend of the drawing: a swatch for each kind of node drawn (its
// colour and shape come from the export's style sheet) and each kind of
// line, with how many there are. Each entry is also a filter: unticking it
// hides those nodes (and their lines) or lines; the hidden kinds go into
// the page's address with the rest of the view.
import { settleStyles } from "./network.js";
import { el } from "./text.js";

// lineKinds are the kinds of line the page draws (one per claim), in
// legend order.
const lineKinds = [
  { key: "line:asserted", name: "stated or reported", test: (e) => e.data("kind") !== "with" && e.data("modality") !== "planned", css: "solid" },
  { key: "line:planned", name: "planned", test: (e) => e.data("modality") === "planned", css: "dashed" },
  { key: "line:with", name: "in the same events", test: (e) => e.data("kind") === "with" && e.data("modality") !== "planned", css: "solid thin" },
];

// nodeKinds lists the kinds of node drawn: "Person", "PhoneCall" ...
function nodeKinds(cy) {
  const kinds = new Map();
  cy.nodes().forEach((n) => {
    const type = n.data("type") || "Thing";
    const k = kinds.get(type) || { key: type, kind: n.data("kind"), count: 0, sample: n };
    k.count++;
    kinds.set(type, k);
  });
  return [...kinds.values()].sort((a, b) => (a.kind === b.kind ? b.count - a.count || a.key.localeCompare(b.key) : a.kind === "entity" ? -1 : 1));
}

// words splits a class name: "PhoneCall" -> "phone call".
function words(s) {
  return String(s).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

// matches says which elements a legend entry stands for.
export function matches(cy, key) {
  const line = lineKinds.find((l) => l.key === key);
  if (line) return cy.edges().filter(line.test);
  return cy.nodes().filter((n) => (n.data("type") || "Thing") === key);
}

// applyFilter hides what the hidden keys stand for.
export function applyFilter(cy, hidden) {
  cy.batch(() => {
    cy.elements().removeClass("filtered");
    for (const key of hidden) matches(cy, key).addClass("filtered");
  });
  // Hidden now, not when a fit or a frame next reads them (see settleStyles).
  settleStyles(cy);
}

// renderLegend fills container with the legend of what cy draws; onToggle
// gets the set of hidden keys after each change.
export function renderLegend(container, cy, hidden, onToggle) {
  const items = [];
  for (const k of nodeKinds(cy)) {
    const n = k.sample;
    const swatch = el("span", { class: `swatch ${n.style("shape")}`, "aria-hidden": "true" });
    swatch.style.background = n.style("background-color");
    items.push(entry(k.key, swatch, words(k.key), k.count));
  }
  for (const l of lineKinds) {
    const count = cy.edges().filter(l.test).length;
    if (!count) continue;
    items.push(entry(l.key, el("span", { class: `stroke ${l.css}`, "aria-hidden": "true" }), l.name, count));
  }
  function entry(key, swatch, name, count) {
    const box = el("input", { type: "checkbox", checked: !hidden.has(key), dataset: { key } });
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(key);
      else hidden.add(key);
      applyFilter(cy, hidden);
      onToggle(hidden);
    });
    return el("li", {}, el("label", {}, box, swatch, " ", name, el("span", { class: "count" }, ` ${count}`)));
  }
  container.replaceChildren(el("h2", {}, "Legend"), el("ul", {}, items));
  container.hidden = items.length === 0;
}
