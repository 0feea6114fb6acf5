// kg serve's page: search an entity, see its network, its timeline and the
// evidence behind whatever is selected, and export what is drawn.
import * as api from "./api.js";
import { renderEdge, renderEmpty, renderEntity, renderEvent } from "./evidence.js";
import { createNetwork } from "./network.js";
import { createSearch } from "./search.js";
import * as timeline from "./timeline.js";

const $ = (id) => document.getElementById(id);

const state = {
  root: null, // {entity, label_en, label_hi}
  depth: 2,
  eventsAs: "edges", // how the drawing shows events: "edges" or "nodes"
  graph: null, // the export drawn
  eventDoc: null, // export with events as nodes, for the timeline
  events: new Map(), // event node id -> timeline event
  articles: new Map(),
};

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
    timeline.render($("timeline"), evs, root.label_en || root.label_hi, pickEvent);
    showRoot();
    updateExports();
    const n = graph.elements.nodes.length, m = graph.elements.edges.length;
    say(`${root.label_en || root.label_hi}: ${n} nodes, ${m} lines, ${evs.length} events within ${state.depth} ${state.depth === 1 ? "hop" : "hops"}. Click a line for its evidence.`);
    history.replaceState(null, "", `#root=${encodeURIComponent(root.entity)}&depth=${state.depth}&events=${state.eventsAs}`);
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
    if (state.root) open(state.root);
  });
  createSearch($("search"), $("q"), $("suggestions"), open, (e) => say(e.message, true));
  renderEmpty($("evidence"), "Search an entity by any of its names, in Hindi or English (किम, पुतिन, Trump, रूस), to draw its network.");
  renderEmpty($("timeline"), "The events of the drawn network appear here in date order.");
  // A link to #root=IRI&depth=N opens that network.
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get("depth")) $("depth").value = state.depth = Number(h.get("depth")) || 2;
  if (h.get("events") === "nodes") $("events").value = state.eventsAs = "nodes";
  if (h.get("root")) {
    api.searchEntities(h.get("root"), 1).then((r) => r.entities && r.entities[0] && open(r.entities[0])).catch((e) => say(e.message, true));
  }
  say("");
  window.kgPage = { cy: net.cy, state };
  document.body.dataset.state = "idle";
}

init();
