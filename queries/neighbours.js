// name: neighbours
// summary: the ego network of an entity: one edge per claim within N hops
// arg: entity ENTITY  the centre
// flag: depth INT=1  how many hops out to go
// flag: from DATE  only claims whose dates end on or after this date
// flag: to DATE  only claims whose dates start on or before this date
// columns: depth source source_en source_hi source_type relation target target_en target_hi target_type articles latest
// returns: one row per claim (a relation between two entities that any
//   number of articles state) with an end at most depth-1 hops from the
//   centre; a hop is one claim, whether a direct edge, an office or two
//   partners of one event (relation "Meeting (planned)"). depth is that
//   end's distance plus one; source and target are IRIs in the claim's
//   direction, with their labels and classes; articles how many articles
//   state it, latest its latest date. With --from/--to, only claims whose
//   first to last date meets the window (an undated claim goes). Ranked by
//   depth, then articles, then latest (newest first); paged by --limit and
//   --offset.

var dist = {}, out = [], seen = {};
dist[params.entity] = 0;
var frontier = [params.entity];
function rank(a, b) {
  if (a.depth !== b.depth) return a.depth - b.depth;
  if (a.articles !== b.articles) return b.articles - a.articles;
  return laterFirst(a.latest, b.latest) || (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0) ||
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
}
// A level is read busiest first, for all its entities at once, until the
// page is full; the next level only when the page reaches it (then this
// one has been read whole).
for (var h = 1; h <= params.depth && frontier.length > 0 && out.length < wanted(); h++) {
  var next = [];
  var found = topLinks(frontier, wanted() - out.length, function (c) {
    return !seen[claimKey(c)] && inRange(c.first, c.last);
  });
  var level = found.links.map(function (c) {
    seen[claimKey(c)] = true;
    [c.sbj, c.obj].forEach(function (x) {
      if (dist[x] === undefined) { dist[x] = h; next.push(x); }
    });
    return { depth: h, source: c.sbj, relation: relName(c.rel), target: c.obj, articles: c.articles, latest: c.last };
  });
  level.sort(rank);
  out = out.concat(level);
  frontier = next;
}
var page = out.slice(pageOffset, pageOffset + pageLimit + 1);
var lbl = labels(uniq(page.map(function (r) { return r.source; }).concat(page.map(function (r) { return r.target; }))));
var cls = {};
function classOf(id) {
  if (!(id in cls)) {
    var ts = valuesOf(id, KG.type).map(idOf).filter(function (t) { return t !== null; }).map(localName).sort();
    cls[id] = ts.length ? ts[0] : null;
  }
  return cls[id];
}
page.forEach(function (r) {
  r.source_en = lbl[r.source].en; r.source_hi = lbl[r.source].hi; r.source_type = classOf(r.source);
  r.target_en = lbl[r.target].en; r.target_hi = lbl[r.target].hi; r.target_type = classOf(r.target);
});
emitAll(page);
