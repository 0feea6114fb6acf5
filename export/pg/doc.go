// Package pg is kg's one projection from quads to a property graph: nodes
// (entities and events) and edges with plain string attributes, which every
// visual export format writes. Because all writers read the same Graph,
// GraphML, GEXF, DOT, Cytoscape.js and CSV never disagree on content.
package pg
