// The network view: an entity's claims drawn with Cytoscape.js — one line
// per claim, as thick as the number of articles that state it — in the
// colours and shapes of kg's exports, laid out in rings by distance.
import cytoscape from "cytoscape";
import { labelRules, step } from "./labels.js";

const font = '"Noto Sans", "Noto Sans Devanagari", "Nirmala UI", "Mangal", sans-serif';

const baseStyle = [
  { selector: "node", style: { label: "data(display)", "text-wrap": "wrap", "text-max-width": "160px", "text-valign": "bottom", "text-margin-y": "3px", "font-family": font, "font-size": "11px", "text-outline-color": "#ffffff", "text-outline-width": "2px", color: "#222222", "border-width": "1px", "border-color": "#888888", width: "26px", height: "26px", "background-color": "#bbbbbb" } },
  { selector: "node.root", style: { width: "42px", height: "42px", "border-width": "3px", "border-color": "#333333", "font-size": "13px", "font-weight": "bold" } },
  { selector: "edge", style: { label: "data(label)", "font-family": font, "font-size": "9px", width: "data(width)", "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#999999", "target-arrow-color": "#999999", "text-rotation": "autorotate", "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": "1px", "control-point-step-size": 36 } },
  { selector: "edge.with", style: { "target-arrow-shape": "none" } },
  { selector: "edge.planned", style: { "line-style": "dashed" } },
  { selector: "node.hl", style: { "border-color": "#d62728", "border-width": "3px", color: "#b01010", "z-index": 10 } },
  { selector: "edge.hl", style: { "line-color": "#d62728", "target-arrow-color": "#d62728", color: "#b01010", "z-index": 10 } },
  { selector: "node:selected", style: { "border-color": "#d62728", "border-width": "4px" } },
  { selector: "edge:selected", style: { "line-color": "#d62728", "target-arrow-color": "#d62728", "z-index": 11 } },
  { selector: ".faded", style: { opacity: 0.25 } },
  { selector: ".filtered", style: { display: "none" } },
];

// width is a claim's line width: one article is a hairline, a hundred a
// thick line (logarithmic, so a hub's lines stay readable).
export function width(articles) {
  return Math.min(12, 1 + 2 * Math.log2(Math.max(1, articles)));
}

// settleStyles makes Cytoscape apply every style it has left pending.
// Cytoscape restyles lazily (a class added or a style sheet replaced is
// applied when the element's style is next read) but keeps what a style
// implies in caches (whether a line takes up space, whether it is drawn in
// a bundle with its parallel lines) that only applying the style clears.
// Left pending, the styles got applied halfway through a fit, while it
// laid out the lines of the nodes just hidden: a line counted in a bundle
// then found none (TypeError "reading 'source'" in findEdgeControlPoints).
// Whether a fit applied them in that order depended on the zoom the fit
// chose, so on the size of the drawing's box when the page opened.
export function settleStyles(cy) {
  cy.nodes().forEach((n) => void n.style("display"));
  cy.edges().forEach((e) => void e.style("display"));
}

// createNetwork draws into container; onSelect gets {kind: "node"|"edge",
// id} for a tap on an element, or null for a tap on the background.
export function createNetwork(container, onSelect) {
  const cy = cytoscape({ container, elements: [], style: baseStyle, minZoom: 0.1, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: false });
  cy.on("tap", "node, edge", (e) => onSelect({ kind: e.target.isNode() ? "node" : "edge", id: e.target.id() }));
  cy.on("tap", (e) => {
    if (e.target === cy) onSelect(null);
  });

  // The style sheet: the page's, a rule per class, and label sizes for
  // the zoom (see labels.js), rebuilt when the zoom moves to another step.
  let base = baseStyle;
  let zoomStep = 0;
  function restyle(force) {
    const z = step(cy.zoom());
    if (!force && z === zoomStep) return;
    zoomStep = z;
    cy.style().fromJson([...base, ...labelRules(z)]).update();
    settleStyles(cy);
  }
  cy.on("zoom", () => restyle(false));
  restyle(true);

  // setStyles adds a rule per class: node.type-Person {...}.
  function setStyles(classes) {
    const rules = classes.filter((c) => c.kind === "entity").map((c) => ({ selector: `node.type-${c.class}`, style: { "background-color": c.fill, shape: c.shape } }));
    base = [...baseStyle, ...rules];
    restyle(true);
  }

  // clear empties the drawing.
  function clear() {
    cy.elements().remove();
  }

  // add draws rows of the neighbours query (one per claim) and lays the
  // whole drawing out again: rings by depth, then a short force-directed
  // pass that starts from them (no random start: the same network is drawn
  // the same way).
  function add(rows, rootId) {
    const els = [];
    const node = (id, en, hi, type, depth) => {
      if (cy.getElementById(id).nonempty() || els.some((e) => e.data.id === id)) return;
      els.push({ group: "nodes", data: { id, kind: "entity", label_en: en, label_hi: hi, type, depth, display: [en, hi].filter(Boolean).join("\n") || id }, classes: type ? `type-${type}` : "" });
    };
    for (const r of rows) {
      node(r.source, r.source_en, r.source_hi, r.source_type, r.source === rootId ? 0 : r.depth);
      node(r.target, r.target_en, r.target_hi, r.target_type, r.target === rootId ? 0 : r.depth);
      const id = `${r.source}|${r.relation}|${r.target}`;
      if (cy.getElementById(id).nonempty()) continue;
      // A relation in brackets ("(Meeting)") is taking part in the same
      // events: a line without an arrow.
      const kind = /\(/.test(r.relation) ? "with" : "claim";
      const modality = /planned/.test(r.relation) ? "planned" : "";
      const cls = [kind === "with" ? "with" : "", modality].filter(Boolean);
      els.push({ group: "edges", data: { id, kind, modality, source: r.source, target: r.target, relation: r.relation, label: r.relation.replace(/_/g, " "), articles: r.articles, latest: r.latest, width: width(r.articles) }, classes: cls.join(" ") });
    }
    cy.add(els);
    const root = cy.getElementById(rootId);
    root.addClass("root");
    const far = Math.max(1, ...cy.nodes().map((n) => n.data("depth") || 0));
    cy.layout({ name: "concentric", concentric: (n) => far + 1 - (n.data("depth") || 0), levelWidth: () => 1, minNodeSpacing: 60, animate: false }).run();
    if (cy.nodes().length <= 400) {
      cy.layout({ name: "cose", randomize: false, animate: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 110, nodeRepulsion: () => 60000, gravity: 0.8, numIter: 400, padding: 24 }).run();
    }
    fit(false);
  }

  // fit shows everything drawn (and not filtered out).
  function fit(animate) {
    // What is drawn: not the filtered nodes, nor the lines they take along.
    const eles = cy.elements(":visible");
    // Labels are sized for the zoom, so the fit is made again once they
    // have their size at the new zoom.
    const settle = () => {
      restyle(false);
      cy.fit(eles, 24);
      restyle(false);
    };
    if (animate) cy.animate({ fit: { eles, padding: 24 } }, { duration: 250, complete: settle });
    else {
      cy.fit(eles, 24);
      settle();
    }
  }

  // highlight marks elements and fades the rest; none clears it.
  function highlight(eles) {
    cy.elements().removeClass("hl faded");
    if (!eles || eles.empty()) return;
    const keep = eles.union(eles.connectedNodes());
    keep.addClass("hl");
    cy.elements().not(keep).addClass("faded");
  }

  return { cy, setStyles, clear, add, fit, highlight };
}
