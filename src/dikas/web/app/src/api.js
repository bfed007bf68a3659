// Thin client for the DikaS web API (docs/web-api.md). Every call resolves to parsed JSON or
// throws an Error whose message is the server's one-line `detail`.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

import { language } from "./i18n.js";

let bearerToken = null;

/** Remember the signed-in user's bearer token for the requests that need one. */
export function setToken(token) {
  bearerToken = token;
}

async function parse(response, url) {
  if (response.ok) {
    if (response.status === 204) return null;
    return response.json();
  }
  let detail = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (body && body.detail) {
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    }
  } catch (_) {
    // not JSON: keep the status line
  }
  throw new ApiError(`${url}: ${detail}`, response.status);
}

/** GET a JSON resource under the app's origin. */
export async function getJson(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  // the server answers in the app's language (summaries, registry, names)
  const headers = { "Accept-Language": language() };
  if (bearerToken) headers.Authorization = `Bearer ${bearerToken}`;
  const response = await fetch(url, { headers });
  return parse(response, url.pathname);
}

/** POST a JSON body (the API takes no form posts). */
export async function postJson(path, body) {
  const headers = { "Accept-Language": language() };
  if (bearerToken) headers.Authorization = `Bearer ${bearerToken}`;
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(new URL(path, window.location.origin), {
    method: "POST",
    headers,
    body: payload,
  });
  return parse(response, path);
}

/** Absolute URL template of a vector-tile layer (MapLibre needs absolute tile URLs). */
export function tileUrl(layer) {
  return `${window.location.origin}/api/tiles/${layer}/{z}/{x}/{y}.mvt`;
}

/** DELETE a resource (signed in); resolves to null for 204. */
export async function deleteJson(path) {
  const headers = bearerToken ? { Authorization: `Bearer ${bearerToken}` } : {};
  const response = await fetch(new URL(path, window.location.origin), { method: "DELETE", headers });
  return parse(response, path);
}

/** GET a file (with the bearer token) and save it under `filename` in the browser. */
export async function download(path, filename) {
  const headers = bearerToken ? { Authorization: `Bearer ${bearerToken}` } : {};
  const response = await fetch(new URL(path, window.location.origin), { headers });
  if (!response.ok) await parse(response, path);
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return blob.size;
}
