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

// exportURL is the address of an export of the root's network.
export function exportURL(format, root, depth, events, download) {
  let u = `/api/export?format=${enc(format)}&root=${enc(root)}&depth=${enc(depth)}`;
  if (events) u += `&events=${enc(events)}`;
  if (download) u += "&download=1";
  return u;
}

// network fetches the root's network as Cytoscape.js JSON: events drawn as
// edges between their participants, or as nodes linked to them by role.
export function network(root, depth, events) {
  return getJSON(exportURL("cyjs", root, depth, events, false));
}

export function articles() {
  return getJSON("/api/articles");
}
