// kg serve's page: search an entity, see its network of claims (one line
// per relation, however many articles state it), its timeline and the
// evidence behind whatever is selected, a page at a time, and export it.
import * as api from "./api.js";
import { showArticle } from "./article.js";
import { appendEvidence, renderClaim, renderEmpty, renderEntity, renderEvent } from "./evidence.js";
import { applyFilter, renderLegend } from "./legend.js";
import { createNetwork } from "./network.js";
import { createSearch } from "./search.js";
import * as timeline from "./timeline.js";
import { readView, writeView } from "./view.js";

const $ = (id) => document.getElementById(id);

// Lines drawn per page of the network (the claims of the busiest entity
// run to thousands: "Show more" draws the next page), and rows per page of
// the timeline and of a line's evidence.
const networkPage = 150;
const listPage = 30;

const state = {
  root: null, // {entity, label_en, label_hi}
  depth: 2,
  from: "",
  to: "",
  offset: 0, // lines drawn so far
  more: false,
  timelineOffset: 0,
  evidence: null, // {edge, offset}
  hide: new Set(), // legend entries unticked
  sel: "", // id of the selected entity or line
};

// saveView puts what is shown into the address (see view.js).
function saveView() {
  if (!state.root) return;
  writeView({ root: state.root.entity, q: $("q").value.trim(), depth: state.depth, from: state.from, to: state.to, hide: state.hide, sel: state.sel });
}

const status = $("status");
function say(msg, isError) {
  status.textContent = msg || "";
  status.className = "status" + (isError ? " error" : "");
}

const net = createNetwork($("cy"), select);

// readArticle opens an article's full text with its evidence marked.
const readArticle = (id, hl) => showArticle($("article-view"), id, hl).catch((e) => say(e.message, true));

// classNames names event classes in words, from kg's style table
// ("TreatySigning" is "Treaty signing").
const classNames = new Map();
const className = (c) => {
  const n = classNames.get(c) || c || "Event";
  return n.charAt(0).toUpperCase() + n.slice(1);
};

function showTab(name) {
  for (const t of ["evidence", "timeline"]) {
    $(`tab-${t}`).setAttribute("aria-selected", String(t === name));
    $(t).hidden = t !== name;
  }
}

function nodeData(id) {
  const n = net.cy.getElementById(id);
  return n.nonempty() ? n.data() : { id };
}

// select shows the evidence of a tapped element, or of the entity when
// the background is tapped.
async function select(sel) {
  if (!state.root) return;
  state.sel = sel ? sel.id : "";
  saveView();
  if (!sel) {
    net.highlight(null);
    net.cy.elements().unselect();
    showEntity(state.root.entity);
    return;
  }
  const ele = net.cy.getElementById(sel.id);
  if (sel.kind === "edge") {
    net.highlight(ele);
    const d = ele.data();
    renderClaim($("evidence"), d, nodeData(d.source), nodeData(d.target), () => moreEvidence());
    state.evidence = { edge: d, offset: 0 };
    showTab("evidence");
    await moreEvidence();
  } else {
    net.highlight(ele.union(ele.connectedEdges()));
    await showEntity(sel.id);
  }
}

// moreEvidence adds the next page of a line's evidence: the events in
// which both its entities take part, then what states it without one.
async function moreEvidence() {
  const ev = state.evidence;
  if (!ev) return;
  try {
    const r = await api.query("evidence", { a: ev.edge.source, b: ev.edge.target }, ev.offset, listPage);
    if (state.evidence !== ev) return;
    appendEvidence($("evidence"), r.rows, r.truncated, readArticle);
    ev.offset += r.rows.length;
  } catch (e) {
    say(e.message, true);
  }
}

// shown counts the entities asked for, so that only the last one asked
// for is rendered, whichever answer comes last.
let shown = 0;
async function showEntity(id) {
  const ask = ++shown;
  const node = nodeData(id);
  const lines = net.cy.getElementById(id).connectedEdges().map((e) => {
    const d = e.data();
    const other = nodeData(d.source === id ? d.target : d.source);
    return { ...d, otherName: other.label_en || other.label_hi || other.id };
  });
  lines.sort((a, b) => b.articles - a.articles);
  let info = null;
  try {
    const r = await api.searchEntities(id, 1);
    info = r.entities && r.entities[0];
  } catch (_) {
    // the names drawn will do
  }
  if (ask !== shown) return;
  renderEntity($("evidence"), node, info, lines.slice(0, 50));
  showTab("evidence");
}

function pickEvent(ev) {
  timeline.mark($("timeline"), ev.event);
  renderEvent($("evidence"), { ...ev, type: className(ev.type) }, readArticle);
  showTab("evidence");
}

// open draws an entity's network and starts its timeline.
async function open(root) {
  state.root = root;
  state.offset = 0;
  state.timelineOffset = 0;
  state.evidence = null;
  document.body.dataset.state = "loading";
  const label = root.label_en || root.label_hi || root.entity;
  say(`Loading the network of ${label}…`);
  const started = performance.now();
  try {
    net.clear();
    timeline.render($("timeline"), label, () => moreTimeline().catch((e) => say(e.message, true)));
    await Promise.all([moreNetwork(), moreTimeline()]);
    updateExports();
    const ms = Math.round(performance.now() - started);
    report(ms);
    // A selection restored from the address, or kept across a redraw.
    const keep = state.sel && net.cy.getElementById(state.sel);
    if (keep && keep.nonempty()) {
      keep.select();
      await select({ kind: keep.isNode() ? "node" : "edge", id: state.sel });
    } else {
      state.sel = "";
      saveView();
      await showEntity(root.entity);
    }
    document.body.dataset.state = "ready";
    document.body.dataset.drawnMs = String(ms);
  } catch (e) {
    say(e.message, true);
    // where it failed, for a test that finds the page in error
    document.body.dataset.error = String((e && e.stack) || e);
    document.body.dataset.state = "error";
  }
}

function report(ms) {
  const label = state.root.label_en || state.root.label_hi;
  const n = net.cy.nodes().length, m = net.cy.edges().length;
  const window = state.from || state.to ? ` between ${state.from || "…"} and ${state.to || "…"}` : "";
  say(`${label}: ${n} entities, ${m} lines (one per relation, as thick as the articles that state it) within ${state.depth} ${state.depth === 1 ? "hop" : "hops"}${window}${state.more ? "; the busiest drawn first" : ""}. ${ms} ms. Click a line for its evidence.`);
}

// moreNetwork draws the next page of the root's claims.
async function moreNetwork() {
  $("more-network").disabled = true;
  const r = await api.network(state.root.entity, state.depth, state.from, state.to, state.offset, networkPage);
  net.add(r.rows, state.root.entity);
  applyFilter(net.cy, state.hide);
  net.fit(false);
  renderLegend($("legend"), net.cy, state.hide, () => saveView());
  state.offset += r.rows.length;
  state.more = r.truncated;
  $("more-network").hidden = !r.truncated;
  $("more-network").disabled = false;
}

async function moreTimeline() {
  const r = await api.query("timeline", { entity: state.root.entity, from: state.from, to: state.to }, state.timelineOffset, listPage);
  timeline.append($("timeline"), r.rows, r.truncated, pickEvent, className);
  state.timelineOffset += r.rows.length;
}

const formats = [
  ["graphml", "GraphML"],
  ["gexf", "GEXF"],
  ["dot", "DOT"],
  ["cyjs", "Cytoscape JSON"],
  ["jsonld", "JSON-LD"],
  ["nquads", "N-Quads"],
  ["csv", "CSV (zip)"],
];

function updateExports() {
  for (const a of $("exports").querySelectorAll("a[data-format]")) {
    if (!state.root) {
      a.removeAttribute("href");
      a.setAttribute("aria-disabled", "true");
      continue;
    }
    a.href = api.exportURL(a.dataset.format, state.root.entity, state.depth, true);
    a.removeAttribute("aria-disabled");
  }
}

// dateOK accepts what kg's date options take: YYYY, YYYY-MM, YYYY-MM-DD.
function dateOK(s) {
  return s === "" || /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(s);
}

function init() {
  const nav = $("exports");
  for (const [f, label] of formats) {
    const a = document.createElement("a");
    a.dataset.format = f;
    a.textContent = label;
    a.setAttribute("download", "");
    nav.append(a, " ");
  }
  updateExports();
  const styled = api.styles().then((s) => {
    net.setStyles(s.classes);
    for (const c of s.classes) if (c.en) classNames.set(c.class, c.en);
  }).catch((e) => say(e.message, true));
  $("tab-evidence").addEventListener("click", () => showTab("evidence"));
  $("tab-timeline").addEventListener("click", () => showTab("timeline"));
  $("depth").addEventListener("change", (e) => {
    state.depth = Number(e.target.value);
    state.sel = "";
    if (state.root) open(state.root);
  });
  $("dates").addEventListener("submit", (e) => {
    e.preventDefault();
    const from = $("from").value.trim(), to = $("to").value.trim();
    if (!dateOK(from) || !dateOK(to)) {
      say("Dates are YYYY, YYYY-MM or YYYY-MM-DD.", true);
      return;
    }
    state.from = from;
    state.to = to;
    state.sel = "";
    if (state.root) open(state.root);
  });
  $("more-network").addEventListener("click", async () => {
    const started = performance.now();
    try {
      await moreNetwork();
      report(Math.round(performance.now() - started));
    } catch (e) {
      say(e.message, true);
    }
  });
  $("fit").addEventListener("click", () => net.fit(true));
  createSearch($("search"), $("q"), $("suggestions"), (h) => {
    state.sel = "";
    open(h);
  }, (e) => say(e.message, true));
  renderEmpty($("evidence"), "Search an entity by any of its names, in Hindi or English (किम, पुतिन, Trump, रूस), to draw its network.");
  $("timeline").replaceChildren();
  // A link to a view (see view.js) opens it: the search box, depth, date
  // window, hidden kinds and selection as they were.
  const v = readView(location.hash);
  if (v.depth) $("depth").value = state.depth = v.depth;
  if (v.from && dateOK(v.from)) $("from").value = state.from = v.from;
  if (v.to && dateOK(v.to)) $("to").value = state.to = v.to;
  state.hide = v.hide;
  state.sel = v.sel;
  if (v.root) {
    styled
      .then(() => api.searchEntities(v.root, 1))
      .then((r) => {
        const e = r.entities && r.entities[0];
        if (!e) return say(`No entity ${v.root} in the store.`, true);
        $("q").value = v.q || e.label_en || e.label_hi;
        open(e);
      })
      .catch((e) => say(e.message, true));
  }
  say("");
  window.kgPage = { cy: net.cy, state };
  document.body.dataset.state = "idle";
}

init();
