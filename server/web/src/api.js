// The page's only link to the server: kg's public JSON API.

// getJSON fetches a URL and returns its JSON body, or throws an Error whose
// message is the server's own ("error" in every kg error answer).
export async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await r.json();
  } catch (_) {
    // not JSON: the status line says enough
  }
  if (!r.ok) {
    const e = new Error(body && body.error ? body.error : `${r.status} ${r.statusText}`);
    e.status = r.status;
    e.body = body;
    throw e;
  }
  return body;
}

const enc = encodeURIComponent;

// Entities whose Hindi or English names or aliases match the text.
export function searchEntities(text, limit = 8) {
  return getJSON(`/api/entities?match=${enc(text)}&limit=${limit}`);
}

// query runs a canned query: params by name, then the page.
export function query(name, params, offset, limit) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  q.set("offset", String(offset || 0));
  q.set("limit", String(limit));
  return getJSON(`/api/queries/${enc(name)}?${q}`);
}

// network is a page of the root's claims within depth hops, busiest first.
export function network(root, depth, from, to, offset, limit) {
  return query("neighbours", { entity: root, depth, from, to }, offset, limit);
}

// exportURL is the address of an export of the root's network.
export function exportURL(format, root, depth, download) {
  let u = `/api/export?format=${enc(format)}&root=${enc(root)}&depth=${enc(depth)}`;
  if (download) u += "&download=1";
  return u;
}

// styles are the colours and shapes of kg's classes.
export function styles() {
  return getJSON("/api/style");
}
