// The JSON API, as the UI uses it. Errors carry the server's message.

export async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, v);
  }
  const url = "api/" + path + (q.toString() ? "?" + q : "");
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await resp.json();
  } catch (_) {
    throw new Error(`${resp.status} ${resp.statusText}`);
  }
  if (!resp.ok) throw new Error(body.error || `${resp.status} ${resp.statusText}`);
  return body;
}

export function exportURL(format, params) {
  const q = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(params)) {
    if (v && k !== "limit" && k !== "offset") q.set(k, v);
  }
  return "api/export?" + q;
}
