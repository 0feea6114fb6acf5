// The view in the page's address, so that a bookmark or a shared link
// opens the same thing: #root=IRI&q=TEXT&depth=N&from=DATE&to=DATE
// &hide=KEY,KEY&sel=ID. q is what the search box showed; from and to the
// date window; sel the selected entity or line (its id in the drawing);
// hide the legend's unticked kinds.

// readView parses the address's fragment.
export function readView(hash) {
  const h = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  const depth = Number(h.get("depth"));
  return {
    root: h.get("root") || "",
    q: h.get("q") || "",
    depth: depth >= 1 && depth <= 3 ? depth : 0,
    from: h.get("from") || "",
    to: h.get("to") || "",
    hide: new Set((h.get("hide") || "").split(",").filter(Boolean)),
    sel: h.get("sel") || "",
  };
}

// writeView records the view in the address, without a history entry
// for every click.
export function writeView(v) {
  const h = new URLSearchParams();
  if (v.root) h.set("root", v.root);
  if (v.q) h.set("q", v.q);
  if (v.depth) h.set("depth", String(v.depth));
  if (v.from) h.set("from", v.from);
  if (v.to) h.set("to", v.to);
  if (v.hide && v.hide.size) h.set("hide", [...v.hide].sort().join(","));
  if (v.sel) h.set("sel", v.sel);
  history.replaceState(null, "", "#" + h.toString());
}
