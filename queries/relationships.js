// name: relationships
// summary: every direct relation of an entity, in both directions
// arg: entity ENTITY  the entity: any label or alias, Hindi or English, any case
// columns: direction relation other other_en other_hi articles latest
// returns: one row per relation and other entity. direction is "out"
//   (entity relation other), "in" (other relation entity) or "with" (both
//   take part in an event that yields no direct edge, e.g. a planned
//   meeting); relation the rel: edge's name (spoke_with), the office a
//   position stands for (president_of), or for "with" rows the event class
//   and, when not asserted, its modality ("Meeting (planned)"); other the
//   other entity's IRI, other_en and other_hi its labels; articles how many
//   articles support it; latest the latest date of an event of those
//   articles in which both take part, else the latest publication date of
//   those articles. Sorted by articles, then latest (newest first), then
//   relation and other_en.

var e = params.entity;
var groups = {}, order = [];
[false, true].forEach(function (inward) {
  assertedEdges(e, inward).forEach(function (x) {
    var other = idOf(x.o);
    if (!isRel(x.p) || !isEntity(other) || other === e) return;
    var dir = inward ? "in" : "out";
    var k = dir + " " + x.p + " " + other;
    if (!groups[k]) { groups[k] = { direction: dir, pred: x.p, other: other, arts: [] }; order.push(k); }
    if (groups[k].arts.indexOf(x.article) < 0) groups[k].arts.push(x.article);
  });
});

// Offices: a position node (kg:holder, kg:of) reads as the relation it
// stands for, from holder to office.
[[KG.holder, KG.of, "out"], [KG.of, KG.holder, "in"]].forEach(function (h) {
  var pos = edges([e], [h[0]], true).map(function (x) { return idOf(x.o); }).filter(isEvent);
  if (pos.length === 0) return;
  var rel = props(pos, KG.relation), other = props(pos, h[1]), art = eventArticles(pos);
  pos.forEach(function (p) {
    var r = firstText(rel, p);
    (other[p] || []).map(idOf).forEach(function (o) {
      if (r === null || !isEntity(o) || o === e || !art[p]) return;
      var k = h[2] + " " + KG.relNS + r + " " + o;
      if (!groups[k]) { groups[k] = { direction: h[2], pred: KG.relNS + r, other: o, arts: [] }; order.push(k); }
      if (groups[k].arts.indexOf(art[p]) < 0) groups[k].arts.push(art[p]);
    });
  });
});

// Events of e, who else takes part, when, and in which article.
var evs = uniq(edges([e], KG.roles, true).map(function (x) { return idOf(x.o); }).filter(isEvent));
var withOther = {};
edges(evs, KG.roles, false).forEach(function (x) {
  var o = idOf(x.o);
  if (o !== null) (withOther[o] = withOther[o] || []).push(x.s);
});
var evDate = props(evs, KG.date), evArt = eventArticles(evs);

// Those e shares an event with but no direct edge (a planned meeting yields
// none) are related through the event: "with", its class and modality.
var related = {};
order.forEach(function (k) { related[groups[k].other] = true; });
var evType = props(evs, KG.type), evMod = props(evs, KG.modality);
var partner = {};
edges(evs, roleGroups.participants, false).forEach(function (x) {
  var o = idOf(x.o);
  if (o !== null) (partner[o] = partner[o] || []).push(x.s);
});
Object.keys(partner).forEach(function (o) {
  if (!isEntity(o) || o === e || related[o]) return;
  partner[o].forEach(function (ev) {
    if (evs.indexOf(ev) < 0 || !evArt[ev]) return;
    var cls = (evType[ev] || []).map(idOf).filter(function (t) { return t && t !== KG.event && t !== KG.position; }).map(localName).sort();
    var mod = firstText(evMod, ev);
    var rel = (cls.length ? cls[0] : "Event") + (mod && mod !== "asserted" && mod !== "reported" ? " (" + mod + ")" : "");
    var k = "with " + rel + " " + o;
    if (!groups[k]) { groups[k] = { direction: "with", pred: rel, other: o, arts: [] }; order.push(k); }
    if (groups[k].arts.indexOf(evArt[ev]) < 0) groups[k].arts.push(evArt[ev]);
  });
});
var allArts = uniq(order.reduce(function (acc, k) { return acc.concat(groups[k].arts); }, []));
var published = allArts.length ? props(allArts, KG.datePublished) : {};

// later is the later of two partial dates (null: none).
function later(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  if (dateFrom(a) !== dateFrom(b)) return dateFrom(b) > dateFrom(a) ? b : a;
  return b > a ? b : a;
}

var others = order.map(function (k) { return groups[k].other; });
var lbl = labels(others);
var rows = order.map(function (k) {
  var gr = groups[k], latest = null;
  (withOther[gr.other] || []).forEach(function (ev) {
    if (gr.arts.indexOf(evArt[ev]) >= 0) latest = later(latest, firstText(evDate, ev));
  });
  if (latest === null) gr.arts.forEach(function (a) { latest = later(latest, firstText(published, a)); });
  return { direction: gr.direction, relation: localName(gr.pred), other: gr.other,
    other_en: lbl[gr.other].en, other_hi: lbl[gr.other].hi, articles: gr.arts.length, latest: latest };
});
rows.sort(function (a, b) {
  if (a.articles !== b.articles) return b.articles - a.articles;
  var la = a.latest ? dateFrom(a.latest) : "", lb = b.latest ? dateFrom(b.latest) : "";
  if (la !== lb) return la > lb ? -1 : 1;
  if (a.relation !== b.relation) return a.relation < b.relation ? -1 : 1;
  if ((a.other_en || "") !== (b.other_en || "")) return (a.other_en || "") < (b.other_en || "") ? -1 : 1;
  return a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : 0;
});
emitAll(rows);
