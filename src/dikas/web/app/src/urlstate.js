// The app's state in the URL's fragment, next to MapLibre's own `map=zoom/lat/lon/…` and the
// shared scenario's `scenario=<id>`: indicator, level, year, the areas shown and the language.
// A link restores all of it.

const KEYS = ["indicator", "level", "year", "areas", "lang"];

export function readUrlState(win = window) {
  const params = new URLSearchParams(win.location.hash.slice(1));
  const query = new URLSearchParams(win.location.search);
  const areas = params.get("areas");
  return {
    indicator: params.get("indicator"),
    level: params.get("level"),
    year: params.get("year") ? Number(params.get("year")) : null,
    areas: areas ? areas.split(",").filter(Boolean) : [],
    lang: params.get("lang") || query.get("lang"),
  };
}

/** Write `values` (null or empty leaves a key out) and keep every other key of the fragment. */
export function writeUrlState(values, win = window) {
  const params = new URLSearchParams(win.location.hash.slice(1));
  for (const key of KEYS) {
    const value = Array.isArray(values[key]) ? values[key].join(",") : values[key];
    if (value === null || value === undefined || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  const text = params.toString().replace(/%2F/g, "/").replace(/%2C/g, ",").replace(/%3A/g, ":");
  win.history.replaceState(win.history.state, "", `${win.location.pathname}${win.location.search}#${text}`);
}
