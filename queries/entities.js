// name: entities
// summary: the entities in the store, optionally of one type or matching a text
// flag: type CLASS  only entities of this class (Person, Country, NewsMediaOrganization, ...)
// flag: match TEXT  only entities with a label or alias containing this text (any case)
// flag: discovered BOOL  only entities kg discovered in the text (names its lexicon lacks), to review
// columns: entity label_en label_hi types alt_labels articles discovered first_seen last_seen
// returns: one row per entity: its IRI, labels (label_en is the romanised
//   Hindi name of a discovered entity), class names, aliases, the number of
//   articles that mention it, whether kg discovered it, and the publication
//   dates of the first and last dated article that mention it; most
//   mentioned first, then by label_en.

// articleDates maps article ids to their publication dates, through the
// one datePublished quad each has (not all their edges: an article node has
// hundreds).
function articleDates(articles) {
  var out = {};
  for (var i = 0; i < articles.length; i += edgeBatch) {
    start(articles.slice(i, i + edgeBatch)).Tag("a").Out(iri(KG.datePublished)).Tag("d").TagArray().forEach(function (r) {
      var a = idOf(r.a), d = textOf(r.d);
      if (a !== null && d && (!out[a] || d < out[a])) out[a] = d;
    });
  }
  return out;
}

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
var discovered = {};
ids.forEach(function (id) {
  edgeCache.out[id].forEach(function (e) {
    if (e.p === KG.discovered && textOf(e.o) === "true") discovered[id] = true;
  });
});
if (params.discovered) ids = ids.filter(function (id) { return discovered[id]; });
var mentions = {}, mentionedIn = {};
edges(ids, [KG.mentions], true).forEach(function (e) {
  mentions[e.s] = (mentions[e.s] || 0) + 1;
  var a = idOf(e.o);
  if (a !== null) (mentionedIn[e.s] = mentionedIn[e.s] || []).push(a);
});
var published = articleDates(uniq([].concat.apply([], ids.map(function (id) { return mentionedIn[id] || []; }))));
var want = params.match ? fold(params.match) : null;
var rows = [];
ids.forEach(function (id) {
  var row = { entity: id, label_en: lbl[id].en, label_hi: lbl[id].hi,
    types: uniq((types[id] || []).map(idOf).filter(function (t) { return t !== null; }).map(localName)).sort(),
    alt_labels: uniq((alts[id] || []).map(textOf)).sort(), articles: mentions[id] || 0,
    discovered: !!discovered[id], first_seen: null, last_seen: null };
  (mentionedIn[id] || []).forEach(function (a) {
    var d = published[a];
    if (!d) return;
    if (row.first_seen === null || d < row.first_seen) row.first_seen = d;
    if (row.last_seen === null || d > row.last_seen) row.last_seen = d;
  });
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
