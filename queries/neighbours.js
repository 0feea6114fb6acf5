// name: neighbours
// summary: the ego network of an entity: every edge within N hops
// arg: entity ENTITY  the centre
// flag: depth INT=1  how many hops out to go
// columns: depth source source_en source_hi relation target target_en target_hi
// returns: one row per edge (direct rel: edges between entities, role edges
//   from events to entities) with an end at most depth-1 hops from the
//   centre; depth is that end's distance plus one. source and target are
//   IRIs in the stored direction, with their labels (an event's label is
//   "PhoneCall: Kim Jong-un, Vladimir Putin"); relation is the edge's name.
//   Sorted by depth, source_en, relation, target_en, source, target.

var dist = {}, rows = [], seen = {};
dist[params.entity] = 0;
var frontier = [params.entity];
for (var h = 1; h <= params.depth && frontier.length > 0; h++) {
  var next = [];
  step(frontier).forEach(function (e) {
    if (dist[e.to] === undefined) { dist[e.to] = h; next.push(e.to); }
    var k = e.s + " " + e.p + " " + e.o;
    if (seen[k]) return;
    seen[k] = true;
    rows.push({ depth: h, source: e.s, relation: localName(e.p), target: e.o });
  });
  frontier = next;
}
var lbl = labels(uniq(rows.map(function (r) { return r.source; }).concat(rows.map(function (r) { return r.target; }))));
rows.forEach(function (r) {
  r.source_en = lbl[r.source].en; r.source_hi = lbl[r.source].hi;
  r.target_en = lbl[r.target].en; r.target_hi = lbl[r.target].hi;
});
function cmp(a, b) { a = a || ""; b = b || ""; return a < b ? -1 : a > b ? 1 : 0; }
rows.sort(function (a, b) {
  // the IRIs last: rows of equal labels come in an order of their own,
  // not the order a backend happens to return edges in
  return a.depth - b.depth || cmp(a.source_en, b.source_en) || cmp(a.relation, b.relation) || cmp(a.target_en, b.target_en) ||
    cmp(a.source, b.source) || cmp(a.target, b.target);
});
emitAll(rows);
