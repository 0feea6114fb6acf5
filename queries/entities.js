// name: entities
// summary: the entities in the store, most mentioned first, optionally of one type or matching a text
// flag: type CLASS  only entities of this class (Person, Country, NewsMediaOrganization, ...)
// flag: match TEXT  only entities with a label or alias containing this text as whole words (any case)
// flag: discovered BOOL  only entities kg discovered in the text (names its lexicon lacks), to review
// columns: entity label_en label_hi types alt_labels articles discovered first_seen last_seen
// returns: one row per entity: its IRI, labels (label_en is the romanised
//   Hindi name of a discovered entity), class names, aliases, the number of
//   articles that mention it, whether kg discovered it, and the publication
//   dates of the first and last dated article that mention it; most
//   mentioned first, then by label_en. Paged by --limit and --offset.

function fold(s) {
  s = String(s);
  if (s.normalize) s = s.normalize("NFC");
  return s.toLowerCase().replace(/['’"]/g, "").replace(/[\s\-_.‐–]+/g, " ").trim();
}

// describe reads what a row shows of an entity, one predicate at a time
// (an entity's other edges, from every article, are many).
function describe(id) {
  var l = labels([id])[id], st = entityStats(id);
  var types = valuesOf(id, KG.type).map(idOf).filter(function (t) { return t !== null; }).map(localName);
  var alts = valuesOf(id, KG.altLabel).map(textOf);
  var disc = valuesOf(id, KG.discovered).some(function (v) { return textOf(v) === "true"; });
  return { entity: id, label_en: l.en, label_hi: l.hi, types: uniq(types).sort(), alt_labels: uniq(alts).sort(),
    articles: st.articles, discovered: disc, first_seen: st.first, last_seen: st.last };
}

function byMentions(a, b) {
  if (a.articles !== b.articles) return b.articles - a.articles;
  var x = a.label_en || a.label_hi || a.entity, y = b.label_en || b.label_hi || b.entity;
  return x < y ? -1 : x > y ? 1 : 0;
}

function fits(row) {
  if (params.type && row.types.indexOf(localName(params.type)) < 0) return false;
  if (params.discovered && !row.discovered) return false;
  if (want !== null) {
    var names = [row.label_en, row.label_hi].concat(row.alt_labels).filter(function (n) { return n; });
    if (!names.some(function (n) { return (" " + fold(n) + " ").indexOf(" " + want + " ") >= 0; })) return false;
  }
  return true;
}

var want = params.match ? fold(params.match) : null;
var out = [];
if (want !== null) {
  // The name index: entities the text names, or whose names have all its words.
  var nodes = params.match_names, cands = {};
  [KG.nameLabel, KG.nameAlias, KG.nameWord].forEach(function (p) {
    valuesOf(nodes[0], p).forEach(function (v) { cands[textOf(v)] = true; });
  });
  if (nodes.length > 1) {
    var common = null;
    nodes.slice(1).forEach(function (n) {
      var these = {};
      valuesOf(n, KG.nameWord).forEach(function (v) { if (common === null || common[textOf(v)]) these[textOf(v)] = true; });
      common = these;
    });
    Object.keys(common || {}).forEach(function (e) { cands[e] = true; });
  }
  out = Object.keys(cands).map(describe).filter(fits);
  out.sort(byMentions);
} else {
  // Rank buckets, busiest first: entities of a kind mentioned by 2^(k-1)
  // to 2^k - 1 articles. A bucket is read whole, the next only when the
  // page reaches it.
  // Within a bucket entities are read in order of their counts, and
  // described (labels, classes, aliases) only as far as the page and the
  // entities tied with its last.
  var kind = params.discovered ? "discovered" : params.type ? localName(params.type) : "all";
  var lastCount = -1;
  for (var k = 40; k >= 1; k--) {
    var members = valuesOf(KG.indexNS + "entities/" + kind + "/" + k, KG.indexMember).map(textOf);
    var counted = members.map(function (e) { return { e: e, n: entityStats(e).articles }; });
    counted.sort(function (a, b) { return b.n - a.n || (a.e < b.e ? -1 : 1); });
    var done = false;
    for (var i = 0; i < counted.length; i++) {
      if (out.length >= wanted() && counted[i].n !== lastCount) { done = true; break; }
      var row = describe(counted[i].e);
      if (!fits(row)) continue;
      out.push(row);
      lastCount = row.articles;
    }
    if (done) break;
  }
  out.sort(byMentions);
}
emitPage(out);
