// The timeline: the events of the drawn network in date order, read from
// the network exported with events as nodes (each event node carries its
// date, class, evidence and article; its role edges name who took part).
import { el, sentences, text } from "./text.js";

// events lists the event nodes of an export, with their participants by
// role, sorted as kg's timeline query sorts: partial dates before the days
// they hold (2024-06 before 2024-06-15), undated events last. Offices
// (position nodes, linked by holder/of) are not events of a timeline.
export function events(doc) {
  const nodes = new Map(doc.elements.nodes.map((n) => [n.data.id, n.data]));
  const roles = new Map();
  for (const e of doc.elements.edges) {
    if (e.data.kind !== "role") continue;
    if (!roles.has(e.data.source)) roles.set(e.data.source, []);
    roles.get(e.data.source).push({ role: e.data.label, who: nodes.get(e.data.target) });
  }
  const out = [];
  for (const n of doc.elements.nodes) {
    const d = n.data;
    if (d.kind !== "event") continue;
    const rs = roles.get(d.id) || [];
    if (rs.some((r) => r.role === "holder")) continue;
    out.push({ ...d, roles: rs });
  }
  out.sort((a, b) => {
    if (!a.date !== !b.date) return a.date ? -1 : 1;
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    return String(a.label).localeCompare(String(b.label));
  });
  return out;
}

// className is an event's class in English and Hindi: "Treaty signing /
// संधि पर हस्ताक्षर" from the label "Treaty signing / संधि पर हस्ताक्षर / 2024-06".
export function className(ev) {
  const parts = String(ev.label || ev.type || "").split(" / ");
  if (ev.date && parts.length > 1 && parts[parts.length - 1] === ev.date) parts.pop();
  return parts.join(" / ");
}

// who names the participants: agents first, then the others.
export function who(ev) {
  const order = ["agent", "participant", "recipient", "addressee", "patient", "target"];
  const people = ev.roles.filter((r) => order.includes(r.role)).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  const names = [];
  for (const r of people) {
    const n = r.who ? r.who.label_en || r.who.label : "?";
    if (!names.includes(n)) names.push(n);
  }
  return names;
}

// where and about name the places and the themes.
export function rolesNamed(ev, roleNames) {
  return ev.roles.filter((r) => roleNames.includes(r.role)).map((r) => (r.who ? r.who.label_en || r.who.label : "?"));
}

// render draws the list into container; onPick gets an event's node id.
export function render(container, evs, rootLabel, onPick) {
  container.replaceChildren();
  container.append(el("h2", {}, "Timeline"), el("p", { class: "hint" }, `${evs.length} events in ${rootLabel}'s network, oldest first`));
  const list = el("ol", { class: "timeline", id: "timeline-list" });
  let year = null;
  for (const ev of evs) {
    const y = ev.date ? ev.date.slice(0, 4) : "undated";
    if (y !== year) {
      list.append(el("li", { class: "year", "aria-hidden": "true" }, y));
      year = y;
    }
    const range = ev.end_date ? `${ev.date}–${ev.end_date}` : ev.date || "—";
    const first = sentences(ev.evidence)[0];
    const places = rolesNamed(ev, ["location", "destination"]);
    const item = el(
      "li",
      { class: "event" + (ev.modality === "planned" ? " planned" : ""), dataset: { event: ev.id, date: ev.date || "" }, tabindex: "0", role: "button" },
      el("time", { datetime: ev.date || undefined }, range),
      el("span", { class: "what" }, text(className(ev))),
      el("span", { class: "who" }, who(ev).join(", ") + (places.length ? ` · ${places.join(", ")}` : "") + (ev.modality && ev.modality !== "asserted" ? ` · ${ev.modality}` : "")),
      first ? el("q", { class: "snippet" }, text(first)) : null,
    );
    item.addEventListener("click", () => onPick(ev.id));
    item.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onPick(ev.id);
      }
    });
    list.append(item);
  }
  container.append(list);
}

// mark shows which entry is selected.
export function mark(container, eventId) {
  for (const li of container.querySelectorAll("li.event")) li.classList.toggle("selected", li.dataset.event === eventId);
}
