// The network view: an entity's neighbourhood drawn with Cytoscape.js, in
// the colours and shapes of kg's exports (the style sheet comes with the
// Cytoscape.js export), laid out in rings by distance from the entity.
import cytoscape from "cytoscape";
import { labelRules, step } from "./labels.js";
import { twoLines } from "./text.js";

const font = '"Noto Sans", "Noto Sans Devanagari", "Nirmala UI", "Mangal", sans-serif';

// pageStyle comes after the export's style sheet: labels on two lines,
// the searched entity and the selection stand out.
const pageStyle = [
  { selector: "node", style: { label: "data(display)", "font-family": font, "font-size": "11px", "text-outline-color": "#ffffff", "text-outline-width": "2px", color: "#222222" } },
  { selector: "node.event", style: { "font-size": "9px" } },
  { selector: "node.root", style: { width: "42px", height: "42px", "border-width": "3px", "border-color": "#333333", "font-size": "13px", "font-weight": "bold" } },
  { selector: "edge", style: { "font-family": font, "font-size": "9px", width: "1.5px", "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": "1px", "control-point-step-size": 36 } },
  { selector: "node.hl", style: { "border-color": "#d62728", "border-width": "3px", color: "#b01010", "z-index": 10 } },
  { selector: "edge.hl", style: { "line-color": "#d62728", "target-arrow-color": "#d62728", width: "3px", color: "#b01010", "z-index": 10 } },
  { selector: "node:selected", style: { "border-color": "#d62728", "border-width": "4px" } },
  { selector: "edge:selected", style: { "line-color": "#d62728", "target-arrow-color": "#d62728", width: "4px", "z-index": 11 } },
  // With events as lines: what an event is about (its topic, theme or
  // occasion) hangs from it by a dotted line.
  { selector: "edge.about", style: { "line-style": "dotted", "line-color": "#8c8c8c", "target-arrow-shape": "none", color: "#666666" } },
  { selector: ".faded", style: { opacity: 0.25 } },
  { selector: ".filtered", style: { display: "none" } },
];

// createNetwork draws into container; onSelect gets {kind: "node"|"edge",
// id} for a tap on an element, or null for a tap on the background.
export function createNetwork(container, onSelect) {
  const cy = cytoscape({
    container,
    elements: [],
    style: pageStyle,
    minZoom: 0.2,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
  });
  cy.on("tap", "node, edge", (e) => onSelect({ kind: e.target.isNode() ? "node" : "edge", id: e.target.id() }));
  cy.on("tap", (e) => {
    if (e.target === cy) onSelect(null);
  });

  // The style sheet: the export's, the page's, and label sizes for the
  // zoom, rebuilt when the zoom moves to another step.
  let base = pageStyle;
  let zoomStep = 0;
  function restyle(force) {
    const z = step(cy.zoom());
    if (!force && z === zoomStep) return;
    zoomStep = z;
    cy.style().fromJson([...base, ...labelRules(z)]).update();
  }
  cy.on("zoom", () => restyle(false));

  // show replaces the drawing with an export document centred on rootId.
  function show(doc, rootId) {
    cy.elements().remove();
    base = [...(doc.style || []), ...pageStyle];
    restyle(true);
    const nodes = doc.elements.nodes.map((n) => ({ group: "nodes", data: { ...n.data, display: twoLines(n.data.label) }, classes: n.classes }));
    const edges = doc.elements.edges.map((e) => ({ group: "edges", data: { ...e.data }, classes: e.classes }));
    cy.add(nodes.concat(edges));
    const root = cy.getElementById(rootId);
    root.addClass("root");
    const dist = distances(root);
    const far = Math.max(0, ...dist.values());
    // Rings by distance from the entity give a stable start; a
    // force-directed pass from there (no random start, so the same network
    // is drawn the same way) pulls the events' lines apart.
    cy.layout({
      name: "concentric",
      concentric: (n) => far + 1 - (dist.has(n.id()) ? dist.get(n.id()) : far + 1),
      levelWidth: () => 1,
      minNodeSpacing: 90,
      animate: false,
    }).run();
    cy.layout({
      name: "cose",
      randomize: false,
      animate: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 120,
      nodeRepulsion: () => 90000,
      edgeElasticity: () => 60,
      nodeOverlap: 20,
      gravity: 0.6,
      numIter: 1500,
      padding: 24,
    }).run();
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

  // distances counts hops from the root, edges followed either way.
  function distances(root) {
    const d = new Map();
    if (root.empty()) return d;
    cy.elements().bfs({
      roots: root,
      directed: false,
      visit: (v, e, u, i, depth) => {
        d.set(v.id(), depth);
      },
    });
    return d;
  }

  // highlight marks elements and fades the rest; none clears it.
  function highlight(eles) {
    cy.elements().removeClass("hl faded");
    if (!eles || eles.empty()) return;
    const keep = eles.union(eles.connectedNodes());
    keep.addClass("hl");
    cy.elements().not(keep).addClass("faded");
  }

  // edgesOfEvent finds what stands for an event: the edges an event became
  // (events drawn as edges), or the event's node and its role edges.
  function edgesOfEvent(eventId) {
    const node = cy.getElementById(eventId);
    if (node.nonempty()) return node.union(node.connectedEdges());
    return cy.edges().filter((e) => e.data("event") === eventId);
  }

  return { cy, show, fit, highlight, edgesOfEvent };
}
