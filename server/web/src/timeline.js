// The timeline: the root entity's events in date order, a page at a time,
// from kg's timeline query (each row: date, class, who, where, modality,
// the first evidence sentence, the article and how many articles report
// the same event).
import { el, text } from "./text.js";

// render starts the list in container, with a "More events" button that
// calls onMore; append adds a page of rows and shows the button while
// there are more.
export function render(container, rootLabel, onMore) {
  const more = el("button", { type: "button", class: "more", id: "more-timeline", hidden: true, onclick: onMore }, "More events");
  container.replaceChildren(el("h2", {}, "Timeline"), el("p", { class: "hint", id: "timeline-hint" }, `Events of ${rootLabel}, oldest first`), el("ol", { class: "timeline", id: "timeline-list" }), more);
}

// append adds a page of rows; className names an event class in words.
export function append(container, rows, more, onPick, className) {
  const list = container.querySelector("#timeline-list");
  let year = list.dataset.year || null;
  for (const ev of rows) {
    const y = ev.date ? ev.date.slice(0, 4) : "undated";
    if (y !== year) {
      list.append(el("li", { class: "year", "aria-hidden": "true" }, y));
      year = y;
    }
    const range = ev.end_date ? `${ev.date}–${ev.end_date}` : ev.date || "—";
    const who = (ev.participants || []).join(", ") + ((ev.place || []).length ? ` · ${ev.place.join(", ")}` : "") + (ev.modality && ev.modality !== "asserted" ? ` · ${ev.modality}` : "");
    const item = el(
      "li",
      { class: "event" + (ev.modality === "planned" ? " planned" : ""), dataset: { event: ev.event, date: ev.date || "" }, tabindex: "0", role: "button" },
      el("time", { datetime: ev.date || undefined }, range),
      el("span", { class: "what" }, text(className(ev.type))),
      el("span", { class: "who" }, text(who)),
      ev.reports > 1 ? el("span", { class: "meta" }, ` · reported by ${ev.reports} articles`) : null,
      ev.evidence ? el("q", { class: "snippet" }, text(ev.evidence)) : null,
    );
    item.addEventListener("click", () => onPick(ev));
    item.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onPick(ev);
      }
    });
    list.append(item);
  }
  list.dataset.year = year || "";
  container.querySelector("#more-timeline").hidden = !more;
}

// mark shows which entry is selected.
export function mark(container, eventId) {
  for (const li of container.querySelectorAll("li.event")) li.classList.toggle("selected", li.dataset.event === eventId);
}
