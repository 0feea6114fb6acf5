// name: relationships
// summary: every direct relation of an entity, in both directions, most stated first
// arg: entity ENTITY  the entity: any label or alias, Hindi or English, any case
// columns: direction relation other other_en other_hi articles latest first
// returns: one row per claim of the entity: a relation to another entity
//   that any number of articles state. direction is "out" (entity relation
//   other), "in" (other relation entity) or "with" (both are partners of
//   an event that yields no direct edge, e.g. a planned meeting, and no
//   direct relation joins them); relation the rel: edge's name
//   (spoke_with), the office a position stands for (president_of), or for
//   "with" rows the event class and, when not asserted, its modality
//   ("Meeting (planned)"); other the other entity's IRI, other_en and
//   other_hi its labels; articles how many articles state it; latest and
//   first the latest and the earliest of, per article, the latest date of
//   its events in which both take part, else its publication date. Ranked
//   by articles, then latest (newest first), then relation and other_en;
//   paged by --limit and --offset.

var e = params.entity;
// The entity's claims busiest first, until the page (and its ties) is read.
var found = topLinks([e], wanted(), function (c, n, other) { return other !== e && isEntity(other); });
var rows = found.links.map(function (c) {
  var other = c.sbj === e ? c.obj : c.sbj;
  var dir = isWith(c.rel) ? "with" : c.sbj === e ? "out" : "in";
  return { direction: dir, relation: relName(c.rel), other: other, other_en: null, other_hi: null,
    articles: c.articles, latest: c.last, first: c.first };
});
function rank(a, b) {
  if (a.articles !== b.articles) return b.articles - a.articles;
  return laterFirst(a.latest, b.latest) || (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0);
}
rows.sort(rank);
// Labels only for the page, and for the rows tied with its last one (the
// tie is broken by label).
var n = Math.min(rows.length, wanted());
while (n > 0 && n < rows.length && rank(rows[n - 1], rows[n]) === 0) n++;
var head = rows.slice(0, n);
var lbl = labels(head.map(function (r) { return r.other; }));
head.forEach(function (r) { r.other_en = lbl[r.other].en; r.other_hi = lbl[r.other].hi; });
head.sort(function (a, b) {
  return rank(a, b) || ((a.other_en || "") < (b.other_en || "") ? -1 : (a.other_en || "") > (b.other_en || "") ? 1 : 0) ||
    (a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : 0);
});
emitPage(head);
