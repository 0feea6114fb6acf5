// name: entities
// summary: the entities in the store, optionally of one type or matching a text
// flag: type CLASS  only entities of this class (Person, Country, NewsMediaOrganization, ...)
// flag: match TEXT  only entities with a label or alias containing this text (any case)
// columns: entity label_en label_hi types alt_labels articles
// returns: one row per entity: its IRI, labels, class names, aliases and
//   the number of articles that mention it; most mentioned first, then by
//   label_en.

function fold(s) {
  s = String(s);
  if (s.normalize) s = s.normalize("NFC");
  return s.toLowerCase().replace(/['’"]/g, "").replace(/[\s\-_.‐–]+/g, " ").trim();
}
var classes = params.type ? [params.type] : KG.entityClasses;
var ids = uniq(start(classes).LabelContext(iri(KG.entityGraph)).In(iri(KG.type)).ToArray().map(idOf));
// rdf:type and skos:altLabel are only in the entity graph (articles assert
// kg:assertedType and kg:assertedAltLabel).
var lbl = labels(ids), alts = {}, types = {};
ids.forEach(function (id) {
  edgeCache.out[id].forEach(function (e) {
    if (e.p === KG.altLabel) (alts[id] = alts[id] || []).push(e.o);
    if (e.p === KG.type) (types[id] = types[id] || []).push(e.o);
  });
});
var mentions = {};
edges(ids, [KG.mentions], true).forEach(function (e) { mentions[e.s] = (mentions[e.s] || 0) + 1; });
var want = params.match ? fold(params.match) : null;
var rows = [];
ids.forEach(function (id) {
  var row = { entity: id, label_en: lbl[id].en, label_hi: lbl[id].hi,
    types: uniq((types[id] || []).map(idOf).filter(function (t) { return t !== null; }).map(localName)).sort(),
    alt_labels: uniq((alts[id] || []).map(textOf)).sort(), articles: mentions[id] || 0 };
  if (want !== null) {
    var names = [row.label_en, row.label_hi].concat(row.alt_labels).filter(function (n) { return n; });
    if (!names.some(function (n) { return fold(n).indexOf(want) >= 0; })) return;
  }
  rows.push(row);
});
rows.sort(function (a, b) {
  if (a.articles !== b.articles) return b.articles - a.articles;
  var x = a.label_en || a.label_hi || a.entity, y = b.label_en || b.label_hi || b.entity;
  return x < y ? -1 : x > y ? 1 : 0;
});
emitAll(rows);
