// lib.js: helpers shared by the canned queries. Before it come KG (kg's
// vocabulary, built from package schema) and params (the arguments, entity
// names already resolved to IRIs). Values from ToArray and TagArray are
// JSON-LD: {"@id": IRI}, {"@value", "@language"}, {"@value", "@type"}.

function idOf(v) {
  return v !== null && typeof v === "object" && v["@id"] !== undefined ? v["@id"] : null;
}

function textOf(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return v["@value"] !== undefined ? String(v["@value"]) : (v["@id"] || null);
  return String(v);
}

function langOf(v) {
  return (v !== null && typeof v === "object" && v["@language"]) || "";
}

function localName(id) {
  return id.substring(Math.max(id.lastIndexOf("/"), id.lastIndexOf("#")) + 1);
}

function isEntity(id) { return id !== null && id.indexOf(KG.entityNS) === 0; }
function isEvent(id) { return id !== null && id.indexOf(KG.eventNS) === 0; }
function isRel(p) { return p !== null && p.indexOf(KG.relNS) === 0; }
function isRole(p) { return KG.roles.indexOf(p) >= 0; }

function uniq(list) {
  var seen = {}, out = [];
  for (var i = 0; i < list.length; i++) {
    var k = typeof list[i] === "string" ? list[i] : JSON.stringify(list[i]);
    if (!seen[k]) { seen[k] = true; out.push(list[i]); }
  }
  return out;
}

function iris(ids) { return ids.map(function (x) { return iri(x); }); }

// start is a path at the given nodes. g.V() with no argument would be every
// node, so callers never pass an empty list (edges() checks).
function start(ids) { return g.V.apply(g, iris(ids)); }

// Every edge of a node is fetched once, in both directions as asked, and
// kept: the canned queries look at the same nodes again and again.
var edgeCache = { out: {}, in: {} };

// Start nodes go in batches of this many, through all predicates: Cayley
// checks membership in a set of start nodes by a linear scan, and with a
// named predicate it scans every quad of that predicate, so one path from
// thousands of nodes, or through one busy predicate, costs quadratic time.
var edgeBatch = 64;

// valueKey identifies a value cheaply (JSON.stringify of a Go map is slow).
function valueKey(v) {
  var id = idOf(v);
  if (id !== null) return "<" + id;
  if (v !== null && typeof v === "object") return textOf(v) + "\u0001" + (v["@language"] || "") + "\u0001" + (v["@type"] || "");
  return String(v);
}

// fetchEdges fills the cache for ids; toValue makes a start value of an id,
// fromResult the id of a result's start value.
function fetchEdges(ids, inward, toValue, fromResult) {
  var cache = inward ? edgeCache.in : edgeCache.out;
  var need = uniq(ids.filter(function (id) { return !(id in cache); }));
  var seen = {};
  need.forEach(function (id) { cache[id] = []; });
  for (var i = 0; i < need.length; i += edgeBatch) {
    var batch = need.slice(i, i + edgeBatch);
    var path = g.V.apply(g, batch.map(toValue)).Tag("s");
    path = inward ? path.In(null, "p") : path.Out(null, "p");
    path.Tag("o").TagArray().forEach(function (r) {
      var s = fromResult(r.s);
      var e = { p: idOf(r.p), o: r.o };
      var k = s + "\u0000" + e.p + "\u0000" + valueKey(e.o);
      if (!seen[k] && cache[s]) { seen[k] = true; cache[s].push(e); }
    });
  }
}

// edges returns {s, p, o} for the quads leaving ids (or entering them, if
// inward: then o is the quad's subject), through preds (null: all). The
// same triple asserted by two articles comes once.
function edges(ids, preds, inward) {
  fetchEdges(ids, inward, function (id) { return iri(id); }, idOf);
  var cache = inward ? edgeCache.in : edgeCache.out;
  var want = null;
  if (preds) { want = {}; preds.forEach(function (p) { want[p] = true; }); }
  var out = [];
  uniq(ids).forEach(function (id) {
    cache[id].forEach(function (e) {
      if (want === null || want[e.p]) out.push({ s: id, p: e.p, o: e.o });
    });
  });
  return out;
}

// props maps each id to the values of one predicate.
function props(ids, pred) {
  var m = {};
  edges(ids, [pred], false).forEach(function (e) { (m[e.s] = m[e.s] || []).push(e.o); });
  return m;
}

function firstText(m, id) {
  var l = m[id];
  return l && l.length ? textOf(l[0]) : null;
}

var labelCache = {};

// labels maps ids to their rdfs:label in English and Hindi.
function labels(ids) {
  var need = uniq(ids.filter(function (id) { return !(id in labelCache); }));
  // rdfs:label is only in the entity graph (articles assert kg:assertedLabel)
  // and on events, so every out-edge with it is a description.
  fetchEdges(need, false, function (id) { return iri(id); }, idOf);
  need.forEach(function (id) {
    var l = labelCache[id] = { en: null, hi: null };
    edgeCache.out[id].forEach(function (e) {
      if (e.p !== KG.label) return;
      if (langOf(e.o) === "hi") { if (l.hi === null) l.hi = textOf(e.o); }
      else if (l.en === null) l.en = textOf(e.o);
    });
  });
  var out = {};
  ids.forEach(function (id) { out[id] = labelCache[id]; });
  return out;
}

// name is the label to show: English, else Hindi, else the IRI's last part.
function name(id) {
  var l = labelCache[id] || labels([id])[id];
  return l.en || l.hi || localName(id);
}

// articleOf maps one node to the articles (graph labels) of the quads that
// touch it, the entity graph left out. (Labels() after several start nodes
// yields each label once, not once per node, hence one node at a time.)
function articlesOf(id) {
  var out = [];
  start([id]).Labels().ToArray().forEach(function (v) {
    var a = idOf(v);
    if (a !== null && a !== KG.entityGraph && out.indexOf(a) < 0) out.push(a);
  });
  return out.sort();
}

// assertedEdges returns {p, o, article} for the quads leaving id (entering
// it if inward), each with the article that asserts it: the same triple
// from two articles comes twice. One query per article: a LabelContext
// over many labels, or one that tags its label, is slow and loses rows at
// scale in this Cayley.
function assertedEdges(id, inward) {
  var out = [];
  articlesOf(id).forEach(function (art) {
    var path = start([id]).LabelContext(iri(art));
    path = inward ? path.In(null, "p") : path.Out(null, "p");
    path.Tag("o").TagArray().forEach(function (r) {
      out.push({ p: idOf(r.p), o: r.o, article: art });
    });
  });
  return out;
}

// articleOfNode is the article of an article-scoped node: ev:ID/N and
// ent:local/ID/x belong to art:ID (null for any other node).
function articleOfNode(n) {
  var rest = null;
  if (n.indexOf(KG.eventNS) === 0) rest = n.substring(KG.eventNS.length);
  else if (n.indexOf(KG.entityNS + "local/") === 0) rest = n.substring(KG.entityNS.length + 6);
  if (rest === null) return null;
  var i = rest.lastIndexOf("/");
  return i > 0 ? KG.articleNS + rest.substring(0, i) : null;
}

// eventArticles maps events (and other article-scoped nodes) to their
// article, which their IRI names.
function eventArticles(evs) {
  var m = {};
  uniq(evs).forEach(function (ev) { var a = articleOfNode(ev); if (a !== null) m[ev] = a; });
  return m;
}

// Partial dates (2024, 2024-06, 2024-06-12) as the first and last day they
// can mean, for comparing; "-31" ends every month well enough for that.
function dateFrom(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d; }
function dateTo(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d; }

// inRange: the event [date, end] overlaps [params.from, params.to].
function inRange(date, end) {
  if (!params.from && !params.to) return true;
  if (!date) return false;
  if (params.from && dateTo(end || date) < dateFrom(params.from)) return false;
  if (params.to && dateFrom(date) > dateTo(params.to)) return false;
  return true;
}

function ordinal(id) {
  var n = parseInt(localName(id), 10);
  return isNaN(n) ? 0 : n;
}

var roleGroups = {
  participants: [KG.agent, KG.participant, KG.recipient, KG.addressee, KG.patient, KG.target, KG.involves],
  place: [KG.location, KG.destination],
  about: [KG.theme, KG.topic, KG.occasion, KG.under]
};

// withoutGeneric leaves out the generic events (kg:generic, clauses no
// frame covers) when the query's --no-generic flag asks.
function withoutGeneric(evs) {
  if (!params.no_generic || evs.length === 0) return evs;
  var generic = {};
  edges(evs, [KG.generic], false).forEach(function (e) { if (textOf(e.o) === "true") generic[e.s] = true; });
  return evs.filter(function (ev) { return !generic[ev]; });
}

// eventRows describes events: date, type, who, where, what about, how sure,
// who says so, the sentence and the article.
function eventRows(evs) {
  evs = withoutGeneric(uniq(evs));
  if (evs.length === 0) return [];
  edges(evs, null, false); // fetch once; read from the cache below
  var facts = {}, others = [];
  evs.forEach(function (ev) {
    var f = facts[ev] = {};
    edgeCache.out[ev].forEach(function (e) {
      (f[e.p] = f[e.p] || []).push(e.o);
      var o = idOf(e.o);
      if (o !== null && (isRole(e.p) || e.p === KG.reportedBy)) others.push(o);
    });
  });
  labels(others);
  var arts = eventArticles(evs);
  function one(f, p) { return f[p] && f[p].length ? textOf(f[p][0]) : null; }
  return evs.map(function (ev) {
    var f = facts[ev];
    var lbl = null;
    (f[KG.label] || []).forEach(function (v) { if (lbl === null || langOf(v) === "en") lbl = textOf(v); });
    var by = f[KG.reportedBy] ? idOf(f[KG.reportedBy][0]) : null;
    var start = one(f, KG.evidenceStart), end = one(f, KG.evidenceEnd);
    var row = {
      date: one(f, KG.date),
      end_date: one(f, KG.endDate),
      type: null,
      label: lbl,
      modality: one(f, KG.modality),
      reported_by: by !== null ? name(by) : null,
      evidence: one(f, KG.evidence),
      evidence_start: start !== null ? parseInt(start, 10) : null,
      evidence_end: end !== null ? parseInt(end, 10) : null,
      article: arts[ev] ? localName(arts[ev]) : null,
      event: ev
    };
    var cls = (f[KG.type] || []).map(idOf).filter(function (t) { return t && t !== KG.event && t !== KG.position; }).map(localName).sort();
    row.type = cls.length ? cls[0] : "Event";
    for (var grp in roleGroups) {
      var names = [];
      roleGroups[grp].forEach(function (p) {
        (f[p] || []).map(idOf).filter(function (x) { return x !== null; }).map(name).sort().forEach(function (n) {
          if (names.indexOf(n) < 0) names.push(n);
        });
      });
      row[grp] = names;
    }
    return row;
  });
}

// byDate orders events by date, partial dates before the days they hold
// (1910, then 2024-06, then 2024-06-12), ranges by their start; undated
// events last, then by article and position in it.
function byDate(a, b) {
  if ((a.date === null) !== (b.date === null)) return a.date === null ? 1 : -1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  var ae = a.end_date || "", be = b.end_date || "";
  if (ae !== be) return ae < be ? -1 : 1;
  if (a.article !== b.article) return a.article < b.article ? -1 : 1;
  return ordinal(a.event) - ordinal(b.event);
}

// step returns the edges of the graph of entities and events that touch
// ids, both ways: role edges (event to entity) and rel: edges (entity to
// entity). from is the node in ids, to the other end; s and o keep the
// stored direction.
function step(ids) {
  var out = [];
  [false, true].forEach(function (inward) {
    edges(ids, null, inward).forEach(function (e) {
      var other = idOf(e.o);
      if (other === null || !(isRole(e.p) || isRel(e.p)) || !(isEntity(other) || isEvent(other))) return;
      out.push({ from: e.s, to: other, p: e.p, s: inward ? other : e.s, o: inward ? e.s : other });
    });
  });
  return out;
}

function emitAll(rows) { rows.forEach(function (r) { g.Emit(r); }); }
