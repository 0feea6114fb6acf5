// Readable labels at every zoom. Cytoscape.js sizes labels in the graph's
// own units, so a label set to 11px is 3px on screen when a large network
// is fitted and 40px when zoomed in. labelRules sizes them for the zoom,
// so that names stay near their reading size on screen (within bounds, so
// that zooming in still magnifies), and leaves out labels that would be
// too small to read: lines' first, then events'.

// Reading sizes on screen, in CSS pixels.
const entityPx = 12;
const rootPx = 14;
const eventPx = 10;
const edgePx = 10;
// Below these zoom levels a kind of label is not drawn.
export const hideEdgeLabelsBelow = 0.4;
export const hideEventLabelsBelow = 0.25;

// sizeFor is the font size, in graph units, that draws at about px on
// screen at zoom z, kept between half and four times px: at the least
// zoom (0.2) a name is still about 10px.
export function sizeFor(px, z) {
  return Math.min(px * 4, Math.max(px / 2, px / z));
}

// step rounds a zoom to quarter powers of two, so that the style sheet is
// rebuilt only when the zoom has changed by a fifth or so.
export function step(z) {
  return Math.pow(2, Math.round(Math.log2(z) * 4) / 4);
}

// labelRules are the style rules for labels at zoom z.
export function labelRules(z) {
  const px = (n) => `${sizeFor(n, z).toFixed(2)}px`;
  return [
    { selector: "node", style: { "font-size": px(entityPx) } },
    { selector: "node.root", style: { "font-size": px(rootPx) } },
    { selector: "node.event", style: { "font-size": px(eventPx), "text-opacity": z < hideEventLabelsBelow ? 0 : 1 } },
    { selector: "edge", style: { "font-size": px(edgePx), "text-opacity": z < hideEdgeLabelsBelow ? 0 : 1, "text-background-opacity": z < hideEdgeLabelsBelow ? 0 : 0.85 } },
  ];
}
