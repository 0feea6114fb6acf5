// name: evidence
// summary: the sentences and articles that support any relation between two entities
// arg: a ENTITY  one entity
// arg: b ENTITY  the other
// flag: no-generic BOOL  leave out generic events (kg:generic: clauses no frame covers)
// columns: date relation evidence article evidence_start evidence_end event
// returns: one row per event in which both take part (relation is the event
//   type; evidence the sentence, with its code-point offsets in the
//   article), in date order; then one row per direct relation between them
//   that an article states without such an event (relation is the edge's
//   name, evidence and event are null). Paged by --limit and --offset.

var A = params.a, B = params.b;
var keep = function (r) { return r !== null && !(params.no_generic && r.g); };
var both = function (r) { return keep(r) && inRow(r, A) && inRow(r, B); };
var between = claimsBetween(A, B);
var evs;
var small = entityStats(A).events <= entityStats(B).events ? A : B;
if (entityStats(small).events * entityStats(small).events <= wanted() * storeTotals().events) {
  // the events of the entity fewer articles mention, with the other in them
  evs = eventsOf(small, null, both, Infinity, [small === A ? B : A]);
} else if (storeTotals().pairs && A !== B && A.indexOf(KG.entityNS + "local/") !== 0 && B.indexOf(KG.entityNS + "local/") !== 0) {
  // two busy entities: the events both take part in, from the pair's own
  // date buckets, as far as the page (the store keeps them complete: see
  // graph's storeTotals.Pairs). Only a scan that ran out of events leaves
  // room on the page for the relations stated without one, so the
  // articles those need explained are all read then.
  var pe = pairNode(A, B);
  evs = pe === null ? [] : scanTimeline(both, wanted(), [A, B], { node: pe + "/events", kind: "" });
} else {
  // two busy entities in a store without pair buckets (an older kg's):
  // the events that support their claims
  evs = [];
  between.forEach(function (c) { evs = evs.concat(supportOf(c).events); });
  evs = uniq(evs);
  fetchRows(evs);
  evs = evs.filter(function (ev) { return rowNames(ev, [A, B]) && rowOf(ev) !== null && both(rowOf(ev)); });
  evs = sortByDate(evs, rows(evs));
}
var out = [], explained = {};
var rs = rows(evs);
evs.forEach(function (ev) {
  var r = rs[ev];
  explained[r.a] = true;
  if (out.length < wanted()) {
    out.push({ date: r.d || null, relation: r.t, evidence: r.v || null, article: r.a,
      evidence_start: r.vs !== undefined ? r.vs : null, evidence_end: r.ve !== undefined ? r.ve : null, event: ev });
  }
});
// Direct relations an article states without an event both take part in.
var bare = [];
if (out.length < wanted()) {
  between.forEach(function (c) {
    if (!isRel(c.rel)) return;
    supportOf(c).articles.forEach(function (art) {
      var id = localName(art);
      if (!explained[id]) {
        bare.push({ date: null, relation: relName(c.rel), evidence: null, article: id,
          evidence_start: null, evidence_end: null, event: null });
      }
    });
  });
  bare = uniq(bare);
  bare.sort(function (x, y) { return x.article < y.article ? -1 : x.article > y.article ? 1 : x.relation < y.relation ? -1 : 1; });
}
emitPage(out.concat(bare));
