// name: path
// summary: the shortest connections between two entities, claim by claim
// arg: a ENTITY  where the path starts
// arg: b ENTITY  where it ends
// flag: max-hops INT=4  longest path to look for, in claims
// columns: hops path nodes steps
// returns: one row per shortest path (all of the same length), sorted by
//   path. A hop is one claim — a relation between two entities that any
//   number of articles state — followed either way. hops is the number of
//   claims; path reads "Donald Trump –Meeting (planned)– Vladimir Putin
//   ←spoke_with– Kim Jong-un"; nodes lists the IRIs along the path; steps
//   lists {from, relation, to} in the claims' direction. Paged by --limit
//   and --offset.

var A = params.a, B = params.b, maxHops = params.max_hops;
// Breadth-first from both ends at once, always widening the cheaper
// frontier (fewer articles mention it, or fewer nodes when both are
// large): a busy entity and a rare one meet near the rare one without the
// busy one's neighbourhood being read. Before widening, when the two
// frontiers make few pairs, their pair nodes say whether they touch: a
// hub at one end is then never widened at all.
var side = [
  { dist: {}, parents: {}, frontier: [A], depth: 0 },
  { dist: {}, parents: {}, frontier: [B], depth: 0 }
];
side[0].dist[A] = 0; side[1].dist[B] = 0;
var length = A === B ? null : -1;
var probePairs = 256;
function weight(f) { var w = 0; f.forEach(function (n) { w += 1 + entityStats(n).articles; }); return w; }
function cheaper(f, g2) {
  if (f.length <= edgeBatch && g2.length <= edgeBatch) return weight(f) <= weight(g2);
  return f.length <= g2.length;
}
// touching links the frontiers of s and t by the claims between them (as
// linksOf: a "with" claim only when no direct relation joins the two),
// widening s onto t's frontier; it says whether they touch.
function touching(s, t) {
  var pairs = [];
  s.frontier.forEach(function (n) { t.frontier.forEach(function (m) { if (n !== m) pairs.push([n, m]); }); });
  var between = claimsBetweenMany(pairs), met = false;
  pairs.forEach(function (p) {
    var cs = between[pairKey(p[0], p[1])], direct = cs.some(function (c) { return !isWith(c.rel); });
    cs.forEach(function (c) {
      if (isWith(c.rel) && direct) return;
      var n = p[0], other = p[1];
      if (s.dist[other] === undefined) { s.dist[other] = s.depth + 1; s.parents[other] = []; }
      if (s.dist[other] === s.depth + 1) { s.parents[other].push({ node: n, claim: c }); met = true; }
    });
  });
  return met;
}
while (length === -1 && side[0].frontier.length > 0 && side[1].frontier.length > 0 &&
       side[0].depth + side[1].depth < maxHops) {
  if (side[0].frontier.length * side[1].frontier.length <= probePairs && touching(side[0], side[1])) {
    side[0].depth++;
    length = side[0].depth + side[1].depth;
    break;
  }
  var s = cheaper(side[0].frontier, side[1].frontier) ? side[0] : side[1];
  var t = s === side[0] ? side[1] : side[0];
  var next = [];
  var links = linksOfMany(s.frontier);
  s.frontier.forEach(function (n) {
    links[n].forEach(function (c) {
      var other = c.sbj === n ? c.obj : c.sbj;
      if (other === n) return;
      if (s.dist[other] === undefined) { s.dist[other] = s.depth + 1; s.parents[other] = []; next.push(other); }
      if (s.dist[other] === s.depth + 1) s.parents[other].push({ node: n, claim: c });
    });
  });
  s.frontier = next;
  s.depth++;
  next.forEach(function (n) {
    if (t.dist[n] !== undefined && (length === -1 || s.dist[n] + t.dist[n] < length)) length = s.dist[n] + t.dist[n];
  });
}

// Every shortest path: halves from A to a meeting node and from it to B.
var maxPaths = 1000;
function halves(sd, node) {
  if (sd.dist[node] === 0) return [[]];
  var out = [];
  (sd.parents[node] || []).forEach(function (p) {
    if (out.length >= maxPaths) return;
    halves(sd, p.node).forEach(function (h) { if (out.length < maxPaths) out.push(h.concat([{ from: p.node, to: node, claim: p.claim }])); });
  });
  return out;
}
var paths = [];
if (length !== null && length > 0) {
  Object.keys(side[0].dist).forEach(function (m) {
    if (paths.length >= maxPaths || side[1].dist[m] === undefined || side[0].dist[m] + side[1].dist[m] !== length) return;
    var left = halves(side[0], m), right = halves(side[1], m);
    left.forEach(function (l) {
      right.forEach(function (r) {
        if (paths.length >= maxPaths) return;
        var back = r.slice().reverse().map(function (st) { return { from: st.to, to: st.from, claim: st.claim }; });
        paths.push(l.concat(back));
      });
    });
  });
}

// The rows are sorted by their text, so every path's text is spelled, from
// fragments kept per step (paths share steps); a path through several
// meeting nodes was found once for each, and comes once. Only the page's
// rows are built. goja compares strings that hold other than ASCII (the
// path's arrows, Hindi labels) by converting both to Go strings each time,
// so the paths are sorted by an ASCII key that orders as their texts do:
// each UTF-16 unit of the text as four hex digits (what JavaScript's < and
// sort compare), then a space, which sorts before any digit (a text before
// the longer ones it begins), and the path's place, as a stable sort by
// text would break a tie.
var nodes = [];
paths.forEach(function (p) { p.forEach(function (st) { nodes.push(st.from, st.to); }); });
labels(uniq(nodes));
// units is kept per text (a name, an arrow): "\u0001" before it keeps a
// name such as "constructor" from meeting the object's own properties.
var unitsOf = {};
function units(text) {
  var k = "\u0001" + text;
  if (!(k in unitsOf)) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var u = text.charCodeAt(i).toString(16);
      out += "0000".substring(u.length) + u;
    }
    unitsOf[k] = out;
  }
  return unitsOf[k];
}
// claimKey of a claim, kept on it (paths share claims).
function keyOf(c) { return c.__key || (c.__key = claimKey(c)); }
// A step's fragment of text is its arrow (kept per relation and
// direction) and the name it reaches; its key the two keys.
var fragments = {};
function fragment(st) {
  var c = st.claim, k = keyOf(c) + "\u0001" + st.from;
  if (!(k in fragments)) {
    var rel = relName(c.rel);
    var arrow = isWith(c.rel) ? " –" + rel + "– " : c.sbj === st.from ? " –" + rel + "→ " : " ←" + rel + "– ";
    fragments[k] = { text: arrow + name(st.to), key: units(arrow) + units(name(st.to)) };
  }
  return fragments[k];
}
var stepKeys = {};
function stepKey(st) {
  var k = keyOf(st.claim);
  if (!(k in stepKeys)) stepKeys[k] = st.claim.sbj + "\u0001" + relName(st.claim.rel) + "\u0001" + st.claim.obj;
  return stepKeys[k];
}
var once = {}, keyed = [], head = name(A), headKey = units(head);
paths.forEach(function (p, i) {
  var k = p.map(stepKey).join("\u0002");
  if (once[k]) return;
  once[k] = true;
  var n = String(i);
  while (n.length < 6) n = "0" + n;
  keyed.push(headKey + p.map(function (st) { return fragment(st).key; }).join("") + " " + n);
});
keyed.sort();
var rows = keyed.slice(pageOffset, pageOffset + pageLimit + 1).map(function (k) {
  var p = paths[parseInt(k.substring(k.lastIndexOf(" ") + 1), 10)];
  return { hops: p.length, path: head + p.map(function (st) { return fragment(st).text; }).join(""),
    nodes: [A].concat(p.map(function (st) { return st.to; })),
    steps: p.map(function (st) { return { from: st.claim.sbj, relation: relName(st.claim.rel), to: st.claim.obj }; }) };
});
emitAll(rows);
