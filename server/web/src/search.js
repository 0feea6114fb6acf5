// Entity search: suggestions in Hindi and English as one types, from
// GET /api/entities; arrow keys and Enter pick one.
import { searchEntities } from "./api.js";
import { el, text } from "./text.js";

export function createSearch(form, input, list, onPick, onError) {
  let hits = [];
  let active = -1;
  let seq = 0;
  let timer = null;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function show(resp) {
    hits = resp.entities || [];
    list.replaceChildren();
    active = -1;
    if (!hits.length) {
      const sugg = resp.suggestions || [];
      const links = sugg.flatMap((s, i) => [i ? ", " : "", el("button", { type: "button", class: "link", onclick: () => { input.value = s; lookup(); } }, text(s))]);
      list.append(el("li", { class: "none", id: "no-match" }, sugg.length ? "Nothing by that name. Did you mean: " : "Nothing by that name.", links));
    }
    hits.forEach((h, i) => {
      const alias = h.matched && h.matched !== h.label_en && h.matched !== h.label_hi ? h.matched : null;
      const li = el(
        "li",
        { role: "option", id: `sugg-${i}`, dataset: { iri: h.entity } },
        el("span", { class: "en" }, h.label_en || h.label_hi),
        h.label_hi && h.label_en ? el("span", { class: "hi" }, text(h.label_hi)) : null,
        el("span", { class: "type" }, (h.types || []).join(", ")),
        alias ? el("span", { class: "alias" }, "“", text(alias), "”") : null,
      );
      li.addEventListener("mousedown", (e) => e.preventDefault()); // keep focus in the input
      li.addEventListener("click", () => pick(i));
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  async function lookup() {
    const q = input.value.trim();
    const my = ++seq;
    if (!q) {
      close();
      return;
    }
    try {
      const resp = await searchEntities(q);
      if (my === seq) show(resp);
    } catch (e) {
      if (my === seq) onError(e);
    }
  }

  function pick(i) {
    const h = hits[i];
    if (!h) return;
    input.value = h.label_en || h.label_hi;
    close();
    onPick(h);
  }

  function move(d) {
    const items = list.querySelectorAll("li[role=option]");
    if (!items.length) return;
    active = (active + d + items.length) % items.length;
    items.forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(lookup, 120);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      move(1);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      move(-1);
    } else if (e.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearTimeout(timer);
    if (active >= 0) {
      pick(active);
      return;
    }
    await lookup();
    if (hits.length) pick(0);
  });
}
