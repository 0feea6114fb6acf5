// name: path
// summary: the shortest connections between two entities, through entities and events
// arg: a ENTITY  where the path starts
// arg: b ENTITY  where it ends
// flag: max-hops INT=4  longest path to look for, in edges
// columns: hops path nodes steps
// returns: one row per shortest path (all of the same length), sorted by
//   path. An edge is a direct rel: edge between entities or a role edge
//   between an event and an entity, followed either way. hops is the number
//   of edges; path reads "Donald Trump –meets→ Vladimir Putin ←spoke_with–
//   Kim Jong-un" with events in brackets; nodes lists the IRIs along the
//   path; steps lists {from, relation, to} in the stored direction.

var A = params.a, B = params.b, maxHops = params.max_hops;
var dist = {}, parents = {};
dist[A] = 0;
var frontier = [A];
for (var h = 1; h <= maxHops && frontier.length > 0 && dist[B] === undefined; h++) {
  var next = [];
  step(frontier).forEach(function (e) {
    if (dist[e.to] === undefined) { dist[e.to] = h; parents[e.to] = []; next.push(e.to); }
    if (dist[e.to] === h) parents[e.to].push(e);
  });
  frontier = next;
}

// Walk back from B along the parents; enough paths for any result limit.
var maxPaths = 1000;
function walk(node) {
  if (node === A) return [[]];
  var out = [];
  (parents[node] || []).forEach(function (e) {
    if (out.length >= maxPaths) return;
    walk(e.from).forEach(function (p) { if (out.length < maxPaths) out.push(p.concat([e])); });
  });
  return out;
}
var paths = A === B || dist[B] === undefined ? [] : walk(B);

function show(id) { return isEvent(id) ? "[" + name(id) + "]" : name(id); }
var rows = paths.map(function (p) {
  var text = show(A), nodes = [A];
  p.forEach(function (e) {
    var rel = localName(e.p);
    text += e.s === e.from ? " –" + rel + "→ " : " ←" + rel + "– ";
    text += show(e.to);
    nodes.push(e.to);
  });
  return { hops: p.length, path: text, nodes: nodes,
    steps: p.map(function (e) { return { from: e.s, relation: localName(e.p), to: e.o }; }) };
});
rows.sort(function (x, y) { return x.path < y.path ? -1 : x.path > y.path ? 1 : 0; });
emitAll(rows);
