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

// Start nodes go in batches of this many: Cayley checks membership in a
// set of start nodes by a linear scan, so one path from thousands of nodes
// costs quadratic time. From several start nodes Cayley reads every quad of
// each node (their [subject] prefix), named predicate or not: a batch suits
// nodes with few quads (index, claim and row nodes), not entities, whose
// own edges are many (the labels of 100 busy entities: 9 ms one by one,
// 400 ms in batches, on the 10,000-article store); and a named predicate
// spares the tag of every other value (a value a tag holds costs more than
// the read).
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

// labels maps ids to their rdfs:label in English and Hindi (a discovered
// name's romanised label stands for the English one). Each id's labels are
// read through the (subject, predicate) index: an entity's other edges —
// every direct edge from it in every article — are never read.
function labels(ids) {
  uniq(ids).forEach(function (id) {
    if (id in labelCache) return;
    var l = labelCache[id] = { en: null, hi: null };
    g.V(iri(id)).Out(iri(KG.label)).ToArray().forEach(function (v) {
      if (langOf(v) === "hi") { if (l.hi === null) l.hi = textOf(v); }
      else if (l.en === null || langOf(v) === "en") l.en = textOf(v);
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

// sortByDate orders events as byDate orders their rows' keys (rowKey),
// stably, by sorting strings that spell those keys natively instead of
// calling byDate, with two new keys, for every comparison: that sort was a
// quarter of the evidence between two hubs (1,455 events). In a key, the
// fields are apart by U+0000, which sorts before any character of a date or
// an id, so that a shorter date sorts before the longer ones it begins, as
// it does in byDate; an undated event goes after the dated; the ordinal is
// zero-padded, and the event's place in evs breaks ties, as a stable sort
// would.
function sortByDate(evs, rs) {
  var pad = function (n, w) { var s = String(n); while (s.length < w) s = "0" + s; return s; };
  var keys = evs.map(function (ev, i) {
    var r = rs[ev], d = r.d || null;
    return (d === null ? "1" : "0" + d) + "\u0000" + (r.e || "") + "\u0000" + r.a + "\u0000" +
      pad(ordinal(ev), 12) + "\u0000" + pad(i, 9);
  });
  keys.sort();
  return keys.map(function (k) { return evs[parseInt(k.substring(k.lastIndexOf("\u0000") + 1), 10)]; });
}

function emitAll(rows) { rows.forEach(function (r) { g.Emit(r); }); }

// ---- paging ----------------------------------------------------------
// params.offset and params.limit say which page of its rows a query
// emits; it emits one row more than the page when there are more, so that
// the runner can say so. Queries read in proportion to the page: they stop
// reading once they have offset + limit + 1 rows in their order.
var pageOffset = params.offset || 0;
var pageLimit = params.limit > 0 ? params.limit : 100;
function wanted() { return pageOffset + pageLimit + 1; }
function emitPage(rows) { emitAll(rows.slice(pageOffset, pageOffset + pageLimit + 1)); }

// ---- the index -------------------------------------------------------
// Values of a node through one predicate, read through the (subject,
// predicate) or (object, predicate) index.
function valuesOf(id, pred) { return g.V(iri(id)).Out(iri(pred)).ToArray(); }
function subjectsOf(id, pred) { return g.V(iri(id)).In(iri(pred)).ToArray().map(idOf); }

function indexOf(e) { return isEntity(e) ? KG.indexNS + "entity/" + e.substring(KG.entityNS.length) : null; }

// entityStats is how many articles mention an entity and the first and
// last of their dates: {articles, first, last}.
var statsCache = {};
function entityStats(e) {
  if (e in statsCache) return statsCache[e];
  var st = { articles: 0, events: 0, reported: 0, first: null, last: null }, idx = indexOf(e);
  if (idx !== null) {
    valuesOf(idx, KG.entityStats).forEach(function (v) {
      var s = JSON.parse(textOf(v));
      if (s.articles > st.articles) st = { articles: s.articles, events: s.events || 0, reported: s.reported || 0, first: s.first || null, last: s.last || null };
    });
  }
  return statsCache[e] = st;
}

// storeTotals is how many articles and events the store holds.
var totalsCache = null;
function storeTotals() {
  if (totalsCache !== null) return totalsCache;
  totalsCache = { articles: 0, events: 0 };
  valuesOf(KG.timelineIndex, KG.entityStats).forEach(function (v) {
    var t = JSON.parse(textOf(v));
    if (t.articles >= totalsCache.articles) totalsCache = t;
  });
  return totalsCache;
}

// scanCheaper says whether the first n of an entity's events are found
// sooner by walking the timeline's date buckets (reading about n × all /
// its events rows) than by reading all its events (its own role edges):
// a busy entity is in a good share of every bucket.
function scanCheaper(e, pred, n) {
  var st = entityStats(e), t = storeTotals();
  var mine = pred ? st.reported : st.events;
  return mine > 0 && isFinite(n) && mine * mine > n * t.events;
}

function rowIRI(ev) { return KG.indexNS + "row/" + ev.substring(KG.eventNS.length); }

// rows reads the index rows of events (what timeline, claims and evidence
// show of an event, with entity IRIs), in batches of start nodes through
// all predicates (a row node has one quad): {ev: row}. A row is parsed
// only when asked for: goja's JSON.parse costs more than reading it.
var rowText = {}, rowCache = {};
function fetchRows(evs) {
  var need = uniq(evs.filter(function (ev) { return !(ev in rowText); }));
  for (var i = 0; i < need.length; i += edgeBatch) {
    var batch = need.slice(i, i + edgeBatch), back = {};
    batch.forEach(function (ev) { back[rowIRI(ev)] = ev; rowText[ev] = null; });
    g.V.apply(g, batch.map(function (ev) { return iri(rowIRI(ev)); })).Tag("s").Out(null, "p").Tag("o").TagArray().forEach(function (r) {
      if (idOf(r.p) === KG.indexRow) rowText[back[idOf(r.s)]] = textOf(r.o);
    });
  }
}

function rowOf(ev) {
  if (!(ev in rowCache)) {
    var t = rowText[ev];
    rowCache[ev] = t === null || t === undefined ? null : JSON.parse(t);
  }
  return rowCache[ev];
}

function rows(evs) {
  fetchRows(evs);
  var out = {};
  evs.forEach(function (ev) { out[ev] = rowOf(ev); });
  return out;
}

// rowNames: the event's row names every one of the IRIs (anywhere: a
// row names entities by IRI, as JSON strings), a test on its text that a
// row must pass to have them in a role or as its source, made before the
// row is parsed. names is null when there is nothing to test, and an IRI
// that Go's JSON would escape differently from goja's is not tested.
function rowNames(ev, names) {
  var t = rowText[ev];
  if (t === null || t === undefined) return false;
  if (names === null) return true;
  for (var i = 0; i < names.length; i++) {
    if (/[<>&\u2028\u2029]/.test(names[i])) continue;
    if (t.indexOf(JSON.stringify(names[i])) < 0) return false;
  }
  return true;
}

function inRow(r, e) {
  for (var role in r.roles || {}) if (r.roles[role].indexOf(e) >= 0) return true;
  return false;
}

// keepRow: not an office, not generic when --no-generic asks, in the date
// window.
function keepRow(r) {
  return r !== null && !r.pos && !(params.no_generic && r.g) && inRange(r.d || null, r.e || null);
}

// sortKey orders rows as byDate does, without reading them twice.
function rowKey(ev, r) {
  return { date: r.d || null, end_date: r.e || null, article: r.a, event: ev };
}

// directEvents lists the events an entity takes part in (any role), or
// is the source of (pred = KG.reportedBy), through its own in-edges of
// each role: the (object, predicate) index.
function directEvents(e, pred) {
  var preds = pred ? [pred] : KG.roles, out = [];
  preds.forEach(function (p) { subjectsOf(e, p).forEach(function (ev) { if (isEvent(ev)) out.push(ev); }); });
  return uniq(out);
}

// A timeline is an index node and a kind of buckets: the store's
// (KG.timelineIndex, ""), or an entity's own: the events it has a role in
// (its index node, "events") or is the source of ("reported").
var storeTimeline = { node: KG.timelineIndex, kind: "" };

// months lists a timeline's buckets in date order: partial dates before
// the days they hold, "undated" last; "span" (events with an end date) is
// apart, for date windows.
function timelineMonths(tl) {
  tl = tl || storeTimeline;
  var prefix = tl.kind === "" ? "" : tl.kind + "/";
  var ms = [];
  valuesOf(tl.node, KG.indexMonth).map(textOf).forEach(function (m) {
    if (prefix === "" ? m.indexOf("/") < 0 : m.indexOf(prefix) === 0) ms.push(m.substring(prefix.length));
  });
  ms = ms.filter(function (m) { return m !== "span"; });
  ms.sort(function (a, b) {
    if ((a === "undated") !== (b === "undated")) return a === "undated" ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return ms;
}

function bucketMembers(m, tl) {
  tl = tl || storeTimeline;
  var node = tl.kind === "" ? tl.node + "/" + m : tl.node + "/" + tl.kind + "/" + m;
  return valuesOf(node, KG.indexMember).map(textOf).sort();
}

// memberEvent reads a bucket member "DATE END ID NNNNNN EVENT".
function memberEvent(k) { return k.substring(k.lastIndexOf(" ") + 1); }

// scanTimeline walks the timeline's buckets in date order and returns the
// first n events, in order, whose rows accept takes; with a date window it
// starts at the window and also reads the events with an end date that
// began before it.
function scanTimeline(accept, n, names, tl) {
  if (names === undefined) names = null;
  tl = tl || storeTimeline;
  var take = function (ev) { return rowNames(ev, names) && rowOf(ev) !== null && accept(rowOf(ev)); };
  var out = [];
  var from = params.from ? dateFrom(params.from).substring(0, 7) : null;
  var to = params.to ? dateTo(params.to).substring(0, 7) : null;
  var extra = [];
  if (params.from || params.to) {
    // a member names its dates: only the events that meet the window
    // are read
    var span = bucketMembers("span", tl).filter(function (k) {
      var f = k.split(" ");
      return inRange(f[0] || null, f[1] || null);
    }).map(memberEvent);
    fetchRows(span);
    span.forEach(function (ev) { if (take(ev)) extra.push(ev); });
  }
  var months = timelineMonths(tl);
  for (var i = 0; i < months.length && out.length < n; i++) {
    var m = months[i];
    if (m !== "undated") {
      if (from !== null && dateTo(m).substring(0, 7) < from) continue;
      if (to !== null && dateFrom(m).substring(0, 7) > to) break;
    } else if (from !== null || to !== null) {
      break; // an undated event is in no window
    }
    var evs = bucketMembers(m, tl).map(memberEvent);
    for (var j = 0; j < evs.length && out.length < n; j += edgeBatch) {
      var batch = evs.slice(j, j + edgeBatch);
      fetchRows(batch);
      batch.forEach(function (ev) { if (out.length < n && take(ev)) out.push(ev); });
    }
  }
  if (extra.length === 0) return out;
  out = uniq(out.concat(extra));
  out = sortByDate(out, rows(out));
  return out.slice(0, n);
}

// eventsOf returns the first n events (by date) an entity takes part in
// (or is the source of, with pred = KG.reportedBy) whose rows keep takes.
// A shared entity's events are read from its own date buckets, as far as
// n; an article's own group's (no buckets: a handful) through its role
// edges. Rows that do not name e (or the others of names) are not parsed.
function eventsOf(e, pred, keep, n, names) {
  names = [e].concat(names || []);
  var idx = indexOf(e);
  if (idx !== null && e.indexOf(KG.entityNS + "local/") !== 0) {
    return scanTimeline(function (r) {
      if (!keep(r)) return false;
      return pred ? (r.r || []).indexOf(e) >= 0 : inRow(r, e);
    }, n, names, { node: idx, kind: pred ? "reported" : "events" });
  }
  if (scanCheaper(e, pred, n)) {
    return scanTimeline(function (r) {
      if (!keep(r)) return false;
      return pred ? (r.r || []).indexOf(e) >= 0 : inRow(r, e);
    }, n, names);
  }
  var evs = directEvents(e, pred), rs;
  fetchRows(evs);
  evs = evs.filter(function (ev) { return rowNames(ev, names) && rowOf(ev) !== null && keep(rowOf(ev)); });
  evs = sortByDate(evs, rows(evs));
  return evs.slice(0, n);
}

// eventRows describes events from their index rows: date, type, who,
// where, what about, how sure, who says so, the sentence, the article, and
// how many reports of the same event other articles make.
function eventRows(evs) {
  evs = uniq(evs);
  var rs = rows(evs), ents = [];
  evs.forEach(function (ev) {
    var r = rs[ev];
    if (!r) return;
    // pushed, not concatenated: a new list per role made this quadratic
    for (var role in r.roles || {}) Array.prototype.push.apply(ents, r.roles[role]);
    Array.prototype.push.apply(ents, r.r || []);
  });
  labels(ents);
  return evs.filter(function (ev) { return rs[ev]; }).map(function (ev) {
    var r = rs[ev];
    var row = {
      date: r.d || null, end_date: r.e || null, type: r.t, label: r.l || null,
      modality: r.m || null, reported_by: r.r && r.r.length ? name(r.r[0]) : null,
      evidence: r.v || null,
      evidence_start: r.vs !== undefined ? r.vs : null, evidence_end: r.ve !== undefined ? r.ve : null,
      article: r.a, event: ev, reports: 1 + valuesOf(ev, KG.sameEvent).length
    };
    for (var grp in roleGroups) {
      var names = [];
      roleGroups[grp].forEach(function (p) {
        ((r.roles || {})[localName(p)] || []).map(name).sort().forEach(function (n) {
          if (names.indexOf(n) < 0) names.push(n);
        });
      });
      row[grp] = names;
    }
    return row;
  });
}

// ---- claims ----------------------------------------------------------
// A claim as the queries use it, from its stats literal: {claim, sbj, rel,
// obj, articles, first, last}.
function claimOf(v) {
  var s = JSON.parse(textOf(v));
  return { claim: s.claim, sbj: s.sbj, rel: s.rel, obj: s.obj, articles: s.articles, first: s.first || s.last || null, last: s.last || null };
}

function claimKey(c) { return c.sbj + " " + c.rel + " " + c.obj; }

// keepLarger records claim c under its key in seen, or, for a second
// version of one claim's stats (a write may leave the older beside the
// newer for a while), keeps the larger count and the wider dates. It says
// whether c is new.
function keepLarger(seen, key, c) {
  var old = seen[key];
  if (!old) { seen[key] = c; return true; }
  if (c.articles > old.articles) { old.articles = c.articles; old.first = c.first; old.last = c.last; }
  return false;
}

// An entity's claims sit in rank buckets by how many articles state them:
// bucket k holds those of 2^(k-1) to 2^k - 1 articles, each member the
// claim's stats literal. No claim has more articles than the store.
function bitLength(n) { var k = 0; while (n >= 1) { k++; n = Math.floor(n / 2); } return k; }
function topRank() { return bitLength(storeTotals().articles); }
function rankNode(e, k) { var idx = indexOf(e); return idx === null ? null : idx + "/claims/" + k; }

// rankBuckets reads bucket k of several entities, in batches of start
// nodes through the member predicate (a bucket node has only members; a
// value a tag holds costs more than the read, so the predicate is not
// tagged): {entity: [claims]}.
function rankBuckets(ents, k) {
  var out = {}, back = {}, nodes = [];
  uniq(ents).forEach(function (e) {
    out[e] = [];
    var n = rankNode(e, k);
    if (n !== null) { back[n] = e; nodes.push(n); }
  });
  var seen = {};
  for (var i = 0; i < nodes.length; i += edgeBatch) {
    var batch = nodes.slice(i, i + edgeBatch);
    g.V.apply(g, iris(batch)).Tag("s").Out(iri(KG.indexMember)).TagArray().forEach(function (r) {
      var e = back[idOf(r.s)], c = claimOf(r.id);
      if (keepLarger(seen, e + "\u0000" + claimKey(c), c)) out[e].push(c);
    });
  }
  return out;
}

// claimReader reads an entity's claims busiest first: each call returns
// the claims of its next bucket that holds any (unsorted), null after the
// last. A claim comes once, from its highest bucket.
function claimReader(e) {
  var k = topRank() + 1, seen = {};
  return function () {
    while (--k >= 1) {
      var out = rankBuckets([e], k)[e].filter(function (c) { return keepLarger(seen, claimKey(c), c); });
      if (out.length > 0) return out;
    }
    return null;
  };
}

// claimsOfMany lists every claim of each entity: {entity: [claims]}.
var claimCache = {};
function claimsOfMany(ents) {
  var need = uniq(ents.filter(function (e) { return !(e in claimCache); }));
  var seen = {};
  need.forEach(function (e) { claimCache[e] = []; seen[e] = {}; });
  if (need.length > 0) {
    for (var k = topRank(); k >= 1; k--) {
      var b = rankBuckets(need, k);
      need.forEach(function (e) {
        b[e].forEach(function (c) { if (keepLarger(seen[e], claimKey(c), c)) claimCache[e].push(c); });
      });
    }
  }
  var out = {};
  ents.forEach(function (e) { out[e] = claimCache[e]; });
  return out;
}

// claimsOf lists the claims an entity is the subject or object of.
function claimsOf(e) { return claimsOfMany([e])[e]; }

// The claims between two entities are also listed on their pair node
// (as xsd:anyURI literals), whose IRI spells both: what joins two hubs is
// read without reading either one's claims.
function pairNode(a, b) {
  if (b < a) { var t = a; a = b; b = t; }
  var idx = indexOf(a);
  return idx === null || !isEntity(b) ? null : idx + "/pair/" + b.substring(KG.entityNS.length);
}

function pairKey(a, b) { return a < b ? a + " " + b : b + " " + a; }

// claimsBetweenMany returns the claims joining each pair [a, b]: {pairKey:
// [claims]}.
var pairCache = {};
function claimsBetweenMany(pairs) {
  var nodes = [], back = {};
  pairs.forEach(function (p) {
    var key = pairKey(p[0], p[1]);
    if (key in pairCache) return;
    pairCache[key] = [];
    var n = pairNode(p[0], p[1]);
    if (n !== null && !(n in back)) { back[n] = key; nodes.push(n); }
  });
  var claims = [], claimPair = {};
  for (var i = 0; i < nodes.length; i += edgeBatch) {
    var batch = nodes.slice(i, i + edgeBatch);
    g.V.apply(g, iris(batch)).Tag("s").Out(iri(KG.indexMember)).TagArray().forEach(function (r) {
      var c = textOf(r.id);
      if (!(c in claimPair)) { claimPair[c] = back[idOf(r.s)]; claims.push(c); }
    });
  }
  // A claim node's stats through their predicate: its other edges (its
  // parts, its sources) are three or more a claim, and each value a tag
  // holds costs more than the read.
  var seen = {};
  for (var j = 0; j < claims.length; j += edgeBatch) {
    var cb = claims.slice(j, j + edgeBatch);
    g.V.apply(g, iris(cb)).Tag("s").Out(iri(KG.claimStats)).TagArray().forEach(function (r) {
      var c = claimOf(r.id), key = claimPair[idOf(r.s)];
      if (key !== undefined && keepLarger(seen, claimKey(c), c)) pairCache[key].push(c);
    });
  }
  var out = {};
  pairs.forEach(function (p) { var key = pairKey(p[0], p[1]); out[key] = pairCache[key]; });
  return out;
}

// claimsBetween returns the claims joining two entities.
function claimsBetween(a, b) { return claimsBetweenMany([[a, b]])[pairKey(a, b)]; }

function isWith(rel) { return rel.indexOf(KG.withNS) === 0; }

// linksOf are an entity's claims as edges of its network: a "with" claim
// (partners of an event with no direct edge between them) only when no
// direct relation joins the two.
function linksOf(e) { return linksOfMany([e])[e]; }

// linksOfMany: {entity: its links}, every entity's claims read at once.
function linksOfMany(ents) {
  var all = claimsOfMany(ents), out = {};
  ents.forEach(function (e) {
    var cs = all[e], related = {};
    cs.forEach(function (c) { if (!isWith(c.rel)) related[c.sbj === e ? c.obj : c.sbj] = true; });
    out[e] = cs.filter(function (c) { return !isWith(c.rel) || !related[c.sbj === e ? c.obj : c.sbj]; });
  });
  return out;
}

// directRelations says, for pairs [a, b], whether a direct relation (no
// "with" claim) joins them: {pairKey: bool}.
function directRelations(pairs) {
  var m = claimsBetweenMany(pairs), out = {};
  pairs.forEach(function (p) {
    var key = pairKey(p[0], p[1]);
    out[key] = m[key].some(function (c) { return !isWith(c.rel); });
  });
  return out;
}

// topLinks reads the links (as linksOf) of the entities ents, busiest
// first, a rank bucket at a time for all of them, until it has at least
// need links that accept(claim, entity, other) takes, or has read them
// all: {links, complete}. A bucket is read whole, so every link with more
// articles than the last one read, or as many, is in links. Each link is
// a claim with from, the entity of ents it was read from. Whether a
// direct relation joins the two ends of a "with" claim is known from the
// claims read once they are all read; before, the pair nodes say.
function topLinks(ents, need, accept) {
  var links = [], seen = {}, related = {}, asked = {};
  function kept(l) { return !isWith(l.rel) || !(related[l.pair] || asked[l.pair]); }
  function count() { var n = 0; links.forEach(function (l) { if (kept(l)) n++; }); return n; }
  ents = uniq(ents);
  for (var k = topRank(); k >= 1; k--) {
    var b = rankBuckets(ents, k);
    ents.forEach(function (n) {
      b[n].forEach(function (c) {
        var other = c.sbj === n ? c.obj : c.sbj, pair = pairKey(n, other);
        // any direct relation counts, whether or not accept takes it
        if (!isWith(c.rel)) related[pair] = true;
        if (!keepLarger(seen, claimKey(c), c) || !accept(c, n, other)) return;
        c.from = n;
        c.pair = pair;
        c.ends = [n, other];
        links.push(c);
      });
    });
    if (k > 1 && count() >= need) {
      var ask = [], once = {};
      links.forEach(function (l) {
        if (isWith(l.rel) && !related[l.pair] && !(l.pair in asked) && !once[l.pair]) { once[l.pair] = true; ask.push(l.ends); }
      });
      var d = directRelations(ask);
      for (var p in d) asked[p] = d[p];
      if (count() >= need) return { links: links.filter(kept), complete: false };
    }
  }
  return { links: links.filter(kept), complete: true };
}

// relName is a claim's relation as the queries show it: spoke_with,
// president_of, or for two partners of an event with no edge between
// them the event's class and modality, "Meeting (planned)".
function relName(rel) {
  if (!isWith(rel)) return localName(rel);
  var r = rel.substring(KG.withNS.length), i = r.indexOf("-");
  return i < 0 ? r : r.substring(0, i) + " (" + r.substring(i + 1) + ")";
}

// supportOf lists what supports a claim: its events, and the articles
// that state it without one.
function supportOf(c) {
  var sup = c.claim + "/support";
  return {
    events: valuesOf(sup, KG.claimEvent).map(textOf),
    articles: valuesOf(sup, KG.claimArticle).map(idOf)
  };
}

// laterFirst orders partial dates, the later first.
function laterFirst(a, b) {
  var x = a ? dateFrom(a) : "", y = b ? dateFrom(b) : "";
  return x > y ? -1 : x < y ? 1 : 0;
}
