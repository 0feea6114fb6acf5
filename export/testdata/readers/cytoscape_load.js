// Loads a Cytoscape.js JSON export with the real cytoscape package, headless,
// and prints what it holds as JSON. Any warning or error cytoscape prints
// (an edge to a missing node, a bad style) makes the run fail.
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');

const problems = [];
for (const k of ['warn', 'error']) {
  console[k] = (...args) => problems.push(args.join(' '));
}

const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cy = cytoscape({ headless: true, styleEnabled: true, elements: doc.elements, style: doc.style });
const out = { nodes: cy.nodes().length, edges: cy.edges().length, labels: {}, names: {}, classes: {}, problems };
cy.nodes().forEach((n) => {
  out.labels[n.id()] = n.data('label');
  out.names[n.id()] = n.data('name');
  out.classes[n.id()] = n.classes();
});
out.edge_labels = {};
cy.edges().forEach((e) => {
  out.edge_labels[e.id()] = [e.source().id(), e.target().id(), e.data('label')];
});
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(problems.length ? 1 : 0);
