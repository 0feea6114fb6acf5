// name: evidence
// summary: the sentences and articles that support any relation between two entities
// arg: a ENTITY  one entity
// arg: b ENTITY  the other
// flag: no-generic BOOL  leave out generic events (kg:generic: clauses no frame covers)
// columns: date relation evidence article evidence_start evidence_end event
// returns: one row per event in which both take part (relation is the event
//   type; evidence the sentence, with its code-point offsets in the
//   article), in date order; then one row per direct edge between them that
//   an article asserts without such an event (relation is the edge's name,
//   evidence and event are null).

function eventsOf(id) {
  return edges([id], KG.roles, true).map(function (e) { return idOf(e.o); }).filter(isEvent);
}
var evA = eventsOf(params.a), evB = eventsOf(params.b);
var shared = evA.filter(function (e) { return evB.indexOf(e) >= 0; });
var rows = eventRows(shared);
rows.sort(byDate);
var explained = {};
rows.forEach(function (r) { explained[r.article] = true; });
var out = rows.map(function (r) {
  return { date: r.date, relation: r.type, evidence: r.evidence, article: r.article,
    evidence_start: r.evidence_start, evidence_end: r.evidence_end, event: r.event };
});

// Direct edges between the two, with the articles that assert them.
var bare = [];
[false, true].forEach(function (inward) {
  assertedEdges(params.a, inward).forEach(function (x) {
    var art = localName(x.article);
    if (explained[art] || !isRel(x.p) || idOf(x.o) !== params.b) return;
    bare.push({ date: null, relation: localName(x.p), evidence: null, article: art,
      evidence_start: null, evidence_end: null, event: null });
  });
});
bare = uniq(bare);
bare.sort(function (x, y) { return x.article < y.article ? -1 : x.article > y.article ? 1 : x.relation < y.relation ? -1 : 1; });
emitAll(out.concat(bare));
