// kg serve's page: search an entity, see its network, its timeline and the
// evidence behind whatever is selected, and export what is drawn.
import * as api from "./api.js";
import { showArticle } from "./article.js";
import { renderEdge, renderEmpty, renderEntity, renderEvent } from "./evidence.js";
import { applyFilter, renderLegend } from "./legend.js";
import { createNetwork } from "./network.js";
import { createSearch } from "./search.js";
import * as timeline from "./timeline.js";
import { readView, writeView } from "./view.js";

const $ = (id) => document.getElementById(id);

const state = {
  root: null, // {entity, label_en, label_hi}
  depth: 2,
  eventsAs: "edges", // how the drawing shows events: "edges" or "nodes"
  graph: null, // the export drawn
  eventDoc: null, // export with events as nodes, for the timeline
  events: new Map(), // event node id -> timeline event
  articles: new Map(),
  hide: new Set(), // legend entries unticked
  sel: "", // id of the selected node or line
};

// saveView puts what is shown into the address (see view.js).
function saveView() {
  if (!state.root) return;
  writeView({ root: state.root.entity, q: $("q").value.trim(), depth: state.depth, events: state.eventsAs, hide: state.hide, sel: state.sel });
}

const status = $("status");
function say(msg, isError) {
  status.textContent = msg || "";
  status.className = "status" + (isError ? " error" : "");
}

const net = createNetwork($("cy"), select);

// The context the evidence panel reads the drawing through.
const ctx = {
  articles: state.articles,
  events: state.events,
  node: (id) => {
    const n = net.cy.getElementById(id);
    if (n.nonempty() && n.isNode()) return n.data();
    const ev = state.events.get(id);
    return ev || null;
  },
  edgesOf: (id) => net.cy.getElementById(id).connectedEdges().map((e) => e.data()),
  readArticle: (id, hl) => showArticle($("article-view"), id, hl).catch((e) => say(e.message, true)),
};

function showTab(name) {
  for (const t of ["evidence", "timeline"]) {
    $(`tab-${t}`).setAttribute("aria-selected", String(t === name));
    $(t).hidden = t !== name;
  }
}

// select shows the evidence of a tapped element, or of the entity when
// the background is tapped.
function select(sel) {
  if (!state.graph) return;
  state.sel = sel ? sel.id : "";
  saveView();
  if (!sel) {
    net.highlight(null);
    net.cy.elements().unselect();
    timeline.mark($("timeline"), null);
    showRoot();
    return;
  }
  const ele = net.cy.getElementById(sel.id);
  const d = ele.data();
  if (sel.kind === "edge") {
    net.highlight(ele);
    if (d.kind === "role" && state.events.has(d.source)) renderEvent($("evidence"), state.events.get(d.source), ctx);
    else renderEdge($("evidence"), d, ctx);
    timeline.mark($("timeline"), d.event || d.source);
  } else if (d.kind === "event" && state.events.has(d.id)) {
    net.highlight(net.edgesOfEvent(d.id));
    renderEvent($("evidence"), state.events.get(d.id), ctx);
    timeline.mark($("timeline"), d.id);
  } else {
    net.highlight(ele.union(ele.connectedEdges()));
    renderEntity($("evidence"), d, ctx);
    timeline.mark($("timeline"), null);
  }
  showTab("evidence");
}

function pickEvent(id) {
  const ev = state.events.get(id);
  if (!ev) return;
  const eles = net.edgesOfEvent(id);
  net.cy.elements().unselect();
  net.highlight(eles);
  timeline.mark($("timeline"), id);
  renderEvent($("evidence"), ev, ctx);
  if (eles.nonempty()) net.cy.animate({ fit: { eles: eles.union(eles.connectedNodes()), padding: 60 } }, { duration: 250 });
}

function showRoot() {
  const rootNode = net.cy.nodes(".root");
  if (rootNode.nonempty()) renderEntity($("evidence"), rootNode.data(), ctx);
}

async function loadArticles() {
  try {
    const resp = await api.articles();
    state.articles.clear();
    for (const a of resp.articles) state.articles.set(a.id, a);
  } catch (e) {
    say(`Could not list the articles: ${e.message}`, true);
  }
}

// open draws an entity's network and timeline.
async function open(root) {
  state.root = root;
  document.body.dataset.state = "loading";
  say(`Loading the network of ${root.label_en || root.label_hi}…`);
  try {
    const [graph, eventDoc] = await Promise.all([
      api.network(root.entity, state.depth, state.eventsAs),
      state.eventsAs === "nodes" ? null : api.network(root.entity, state.depth, "nodes"),
      state.articles.size ? null : loadArticles(),
    ]);
    state.graph = graph;
    state.eventDoc = eventDoc || graph;
    state.events.clear();
    const evs = timeline.events(state.eventDoc);
    for (const ev of evs) state.events.set(ev.id, ev);
    const rootId = (graph.elements.nodes.find((n) => n.data.iri === root.entity) || { data: {} }).data.id;
    net.show(graph, rootId);
    applyFilter(net.cy, state.hide);
    net.fit(false);
    renderLegend($("legend"), net.cy, state.hide, () => saveView());
    timeline.render($("timeline"), evs, root.label_en || root.label_hi, pickEvent);
    showRoot();
    updateExports();
    const n = graph.elements.nodes.length, m = graph.elements.edges.length;
    say(`${root.label_en || root.label_hi}: ${n} nodes, ${m} lines, ${evs.length} events within ${state.depth} ${state.depth === 1 ? "hop" : "hops"}. Click a line for its evidence.`);
    // A selection restored from the address, or kept across a redraw.
    const keep = state.sel && net.cy.getElementById(state.sel);
    if (keep && keep.nonempty()) {
      keep.select();
      select({ kind: keep.isNode() ? "node" : "edge", id: state.sel });
    }
    else {
      state.sel = "";
      saveView();
    }
    document.body.dataset.state = "ready";
  } catch (e) {
    say(e.message, true);
    document.body.dataset.state = "error";
  }
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
const rdf = new Set(["jsonld", "nquads"]);

function updateExports() {
  for (const a of $("exports").querySelectorAll("a[data-format]")) {
    const f = a.dataset.format;
    if (!state.root) {
      a.removeAttribute("href");
      a.setAttribute("aria-disabled", "true");
      continue;
    }
    a.href = api.exportURL(f, state.root.entity, state.depth, rdf.has(f) ? null : state.eventsAs, true);
    a.removeAttribute("aria-disabled");
  }
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
  $("tab-evidence").addEventListener("click", () => showTab("evidence"));
  $("tab-timeline").addEventListener("click", () => showTab("timeline"));
  $("depth").addEventListener("change", (e) => {
    state.depth = Number(e.target.value);
    if (state.root) open(state.root);
  });
  $("events").addEventListener("change", (e) => {
    state.eventsAs = e.target.value;
    state.sel = ""; // lines and event nodes have other ids
    if (state.root) open(state.root);
  });
  $("fit").addEventListener("click", () => net.fit(true));
  createSearch($("search"), $("q"), $("suggestions"), (h) => {
    state.sel = "";
    open(h);
  }, (e) => say(e.message, true));
  renderEmpty($("evidence"), "Search an entity by any of its names, in Hindi or English (किम, पुतिन, Trump, रूस), to draw its network.");
  renderEmpty($("timeline"), "The events of the drawn network appear here in date order.");
  // A link to a view (see view.js) opens it: the search box, depth,
  // events, hidden kinds and selection as they were.
  const v = readView(location.hash);
  if (v.depth) $("depth").value = state.depth = v.depth;
  if (v.events) $("events").value = state.eventsAs = v.events;
  state.hide = v.hide;
  state.sel = v.sel;
  if (v.root) {
    api.searchEntities(v.root, 1)
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
