// DikaS map app: a 3D map of the twin coloured by any indicator, level and year, area profiles
// side by side, what-if scenarios and stakeholder comments, drawn only from the local DikaS
// server, in Finnish, Swedish or English.

import maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";

import "./app.css";
import { getJson } from "./api.js";
import { AreaList } from "./areas.js";
import { esc } from "./charts.js";
import {
  DIVERGING, NO_DATA, OUTSIDE_COVERAGE, SEQUENTIAL, classOf, divergingBins, formatNumber, formatValue, paletteOf,
  serviceColours,
} from "./classify.js";
import { CommentBoard } from "./comments.js";
import { IndicatorPicker } from "./picker.js";
import { PlaceSearch } from "./search.js";
import { exportPng, printMap } from "./export.js";
import { LANGUAGES, LANGUAGE_NAMES, detectLanguage, language, onLanguageChange, setLanguage, t } from "./i18n.js";
import { registerCatalogs, translatePage, maplibreLocale } from "./locale.js";
import { renderComparison, renderProfile } from "./profile.js";
import { describe, loadRegistry } from "./registry.js";
import { ScenarioEditor } from "./scenario.js";
import { FILL_OPACITY, SOURCE_OF, UNIT_KEYS, buildStyle, buildingColour } from "./style.js";
import { readUrlState, writeUrlState } from "./urlstate.js";

const $ = (selector) => document.querySelector(selector);
const tr = (key, params) => t("app", key, params);

const DEFAULT_SERVICES = ["health_station", "library", "school"];

const state = {
  meta: null,
  registry: null,
  map: null,
  overlay: null,
  mode: "profile",
  indicatorKey: null,
  classification: "quantiles",
  painted: { areas: false, districts: false, grid: false, buildings: false },
  level: "areas",
  selectedArea: null,
  compare: [],
  comparing: false,
  places: [],
  lastLegend: null,
  renders: 0,
};

/** Show a one-line problem in the error bar (the app keeps running). */
function reportError(message) {
  const bar = $("#errors");
  if ([...bar.children].some((li) => li.textContent === message)) return;
  const item = document.createElement("li");
  item.textContent = message;
  bar.appendChild(item);
  bar.hidden = false;
  document.body.dataset.errors = String(bar.children.length);
}

/** Say something in the aria-live status region (read by screen readers, shown in the header). */
function announce(text) {
  $("#status").textContent = text;
}

/** Resolve once the map has drawn everything currently requested. */
function whenIdle(map) {
  return new Promise((resolve) => {
    if (map.loaded() && map.areTilesLoaded()) {
      map.once("idle", resolve);
      map.triggerRepaint();
    } else map.once("idle", resolve);
  });
}

/** Mark the page as rendered: `body[data-state=ready]`, `data-renders` and `window.dikasReady`. */
async function markRendered() {
  await whenIdle(state.map);
  state.renders += 1;
  document.body.dataset.renders = String(state.renders);
  if (!window.dikasReady) {
    window.dikasTimings = { firstMapMs: performance.now() };
    window.dikasReady = true;
    document.body.dataset.state = "ready";
  }
}

// ---------------------------------------------------------------- choropleth ---------------

const FILL_LAYERS = { areas: "areas-fill", districts: "districts-fill", grid: "grid-fill" };

/**
 * Show the fill of the level drawn. At building and district level the areas' fill stays,
 * transparent, so that a click anywhere still finds its postal area (`queryRenderedFeatures`
 * skips hidden layers; MapLibre draws nothing for a fill of opacity 0).
 */
function unitLayerVisibility(level) {
  const map = state.map;
  state.level = level;
  map.setLayoutProperty("areas-fill", "visibility", level === "grid" ? "none" : "visible");
  map.setLayoutProperty("grid-fill", "visibility", level === "grid" ? "visible" : "none");
  if (map.getLayer("districts-fill")) {
    map.setLayoutProperty("districts-fill", "visibility", level === "districts" ? "visible" : "none");
    map.setLayoutProperty("districts-outline", "visibility", level === "districts" ? "visible" : "none");
  }
  map.setPaintProperty("areas-fill", "fill-opacity", level === "buildings" || level === "districts" ? 0 : FILL_OPACITY);
}

function clearPaint(level) {
  if (state.painted[level]) {
    state.map.removeFeatureState({ source: SOURCE_OF[level], sourceLayer: level });
    state.painted[level] = false;
  }
}

/** `{unit_id: colour}` of the units that have a value in one of the classes `bins`. */
function unitColours(values, bins, palette) {
  const colourOf = {};
  for (const [id, value] of Object.entries(values)) {
    const cls = classOf(value, bins);
    if (cls >= 0) colourOf[id] = palette[cls];
  }
  return colourOf;
}

/**
 * Colour the units of a level from `{unit_id: value}` with class bounds `bins`; buildings
 * follow their area/cell colour (or their own at building level).
 */
function paintUnits(level, values, bins, palette, missing = {}) {
  const map = state.map;
  for (const painted of Object.keys(state.painted)) clearPaint(painted);
  const colourOf = unitColours(values, bins, palette);
  for (const id of missing.outside_coverage || []) colourOf[id] = OUTSIDE_COVERAGE;
  for (const [id, value] of Object.entries(values)) {
    map.setFeatureState({ source: SOURCE_OF[level], sourceLayer: level, id }, { colour: colourOf[id] || null, value });
  }
  // Units without a row (outside the source's reach) are coloured apart too.
  for (const id of missing.outside_coverage || []) {
    if (!(id in values)) map.setFeatureState({ source: SOURCE_OF[level], sourceLayer: level, id }, { colour: OUTSIDE_COVERAGE, value: null });
  }
  state.painted[level] = true;
  unitLayerVisibility(level);
  // Unchanged (e.g. the colours the style opened with) → MapLibre keeps its building tiles.
  map.setPaintProperty("buildings-3d", "fill-extrusion-color", buildingColour(level === "districts" ? "areas" : level, level === "districts" ? {} : colourOf));
}

/** What each coverage kind stands for, in the legend. */
function coverageText(coverage) {
  return { street_network: tr("coverage.street_network"), transit: tr("coverage.transit"), heat: tr("coverage.heat") }[coverage]
    || tr("coverage.source");
}

/** Legend rows for units without a value, one per reason, with how many units have it. */
function missingRows(missing, coverage) {
  const counts = {};
  for (const [reason, ids] of Object.entries(missing || {})) counts[reason] = ids.length;
  const count = (n) => formatNumber(n);
  const rows = [];
  const row = (colour, text, reason) => `<li data-reason="${reason}"><span class="swatch" style="background:${colour}"></span>${esc(text)}</li>`;
  if (counts.suppressed) rows.push(row(NO_DATA, tr("legend.suppressed", { n: state.meta.min_count, count: count(counts.suppressed) }), "suppressed"));
  if (counts.outside_coverage) {
    rows.push(row(OUTSIDE_COVERAGE, tr("legend.outside", { what: coverageText(coverage), count: count(counts.outside_coverage) }), "outside_coverage"));
  }
  if (counts.not_computed) rows.push(row(NO_DATA, tr("legend.not_computed", { count: count(counts.not_computed) }), "not_computed"));
  if (counts.unreachable) rows.push(row(NO_DATA, tr("legend.unreachable", { count: count(counts.unreachable) }), "unreachable"));
  if (counts.no_data) rows.push(row(NO_DATA, tr("legend.no_data", { count: count(counts.no_data) }), "no_data"));
  // the last swatch always says "no data" (also when every unit has a value)
  if (!rows.length) rows.push(row(NO_DATA, tr("legend.no_data_plain"), "none"));
  return rows;
}

/**
 * The legend: class rows with units (percentages for shares), the reasons units have no
 * value, and the sources of this indicator once each. `entry` is the registry entry.
 */
function renderLegend({ title, subtitle, bins, palette, entry = null, note = "", missing = null, coverage = null, sources = "", labels = null }) {
  const fmt = (v) => formatValue(v, entry);
  const lows = [null, ...bins.slice(0, -1)];
  const rows = bins.map((upper, i) => {
    const low = lows[i];
    const range = labels ? labels[i] : low === null ? tr("legend.up_to", { value: fmt(upper) }) : `${fmt(low)} – ${fmt(upper)}`;
    return `<li><span class="swatch" style="background:${palette[i]}"></span>${esc(range)}</li>`;
  });
  rows.push(...missingRows(missing, coverage));
  if (coverage) rows.push(`<li><span class="swatch dashed"></span>${esc(tr("coverage.outline"))}</li>`);
  state.lastLegend = { title, subtitle, note, rows: rows.length };
  $("#legend").innerHTML = `<h2>${esc(title)}</h2><p class="muted">${esc(subtitle)}${note ? ` · ${esc(note)}` : ""}</p>`
    + `<ul class="legend-rows">${rows.join("")}</ul>`
    + (sources ? `<p class="attribution">${esc(tr("attribution.label"))}: ${esc(sources)}</p>` : "");
}

/** The meta entry of an indicator key `level|name`. */
function indicatorByKey(key) {
  return state.meta.indicators.find((i) => `${i.level}|${i.name}` === key);
}

/** Nearest year the indicator has to the chosen one (yearly layers may miss some years). */
function effectiveYear(indicator, year) {
  const years = indicator.years && indicator.years.length ? indicator.years : [year];
  return years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best), years[0]);
}

/** The indicator, level and year chosen in the controls, and the request for its values. */
function chosenIndicator() {
  return requestIndicator(indicatorByKey(state.indicatorKey), Number($("#year").value));
}

/** The request for an indicator's values in `year` (or the nearest year it has). */
function requestIndicator(indicator, year) {
  if (!indicator) return null;
  const used = effectiveYear(indicator, year);
  const request = getJson("/api/indicators", { indicator: indicator.name, level: indicator.level, year: used });
  request.catch(() => {}); // handled where awaited
  return { indicator, year, used, request };
}

const levelLabel = (level) => (state.registry && state.registry.levels[level]) || tr(`level.${level}`);

/** The sources of an indicator's response, each once (Paavo is listed once per year). */
function uniqueSources(text) {
  const seen = new Set();
  for (const part of String(text || "").split(/;\s*/)) {
    const clean = part.replace(/\s*\((19|20)\d\d\)\s*$/, "").trim();
    if (clean) seen.add(clean);
  }
  return [...seen];
}

/** Draw the chosen indicator; `chosen` may carry a request already in flight. */
async function updateChoropleth(chosen = chosenIndicator()) {
  if (!chosen || !chosen.indicator) return;
  const { indicator, year, used } = chosen;
  const entry = describe(state.registry, indicator.name, indicator);
  const yearly = indicator.years && indicator.years.length;
  $("#year-label").textContent = !yearly ? tr("year.undated", { year })
    : used === year ? String(year) : tr("year.data", { year, used });
  state.classification = $("#classification").value;
  announce(tr("status.loading_indicator"));
  document.body.dataset.choropleth = "loading";
  try {
    const response = await chosen.request;
    const bins = (response.breaks && response.breaks[state.classification]) || [];
    const palette = paletteOf(SEQUENTIAL, bins.length);
    paintUnits(indicator.level, response.values || {}, bins, palette, response.missing || {});
    if (state.map.getLayer("coverage-outline")) {
      state.map.setFilter("coverage-outline", ["==", ["get", "kind"], response.coverage || ""]);
    }
    const classes = $("#classification").selectedOptions[0].textContent;
    const subtitle = [levelLabel(indicator.level), yearly ? String(used) : null, classes, entry.unit || null].filter(Boolean).join(" · ");
    renderLegend({
      title: entry.label, subtitle, bins, palette, entry,
      missing: response.missing || {}, coverage: response.coverage,
      sources: uniqueSources(response.attribution).length < uniqueSources(state.meta.attribution).length
        ? uniqueSources(response.attribution).join("; ") : "",
    });
    document.body.dataset.choropleth = `${indicator.level}:${indicator.name}:${used}`;
    announce(tr("status.map_ready", { label: entry.label, level: levelLabel(indicator.level), year: yearly ? used : "–" }));
  } catch (error) {
    document.body.dataset.choropleth = "error";
    reportError(tr("error.indicator", { label: entry.label, message: error.message }));
    announce("");
  }
  syncUrl();
  await markRendered();
}

/** Choose an indicator by its key `level|name` (the picker, the URL and the tests call it). */
function chooseIndicator(key, { draw = true } = {}) {
  const indicator = indicatorByKey(key);
  if (!indicator) return false;
  state.indicatorKey = key;
  if (state.level !== indicator.level) setLevelRadio(indicator.level);
  state.level = indicator.level;
  state.picker.show(indicator.level, key);
  if (draw) updateChoropleth();
  return true;
}

// ---------------------------------------------------------------- levels -------------------

function levelsWithIndicators() {
  const have = new Set(state.meta.indicators.map((i) => i.level));
  return (state.meta.levels || ["areas"]).filter((level) => have.has(level));
}

function buildLevelSwitch() {
  const box = $("#level-switch .levels");
  box.innerHTML = levelsWithIndicators().map((level) => `<label class="inline"><input type="radio" name="level" value="${esc(level)}"`
    + `${level === state.level ? " checked" : ""}> ${esc(levelLabel(level))}</label>`).join("");
  box.querySelectorAll("input").forEach((input) => input.addEventListener("change", () => switchLevel(input.value)));
}

function setLevelRadio(level) {
  const input = document.querySelector(`#level-switch input[value="${level}"]`);
  if (input) input.checked = true;
}

/** Show another level: the same indicator where it exists there, else that level's first. */
function switchLevel(level) {
  const name = (indicatorByKey(state.indicatorKey) || {}).name;
  const same = state.meta.indicators.find((i) => i.level === level && i.name === name);
  const target = same || openingIndicator(state.meta, level);
  if (target) chooseIndicator(`${target.level}|${target.name}`);
}

// ---------------------------------------------------------------- profile ------------------

/** The place name of an area in the current language (the twin's Swedish name where it has one). */
function placeName(id) {
  const place = state.places.find((p) => p.kind === "area" && p.id === id);
  if (!place) return id;
  return language() === "sv" && place.name_sv ? place.name_sv : place.name;
}

async function openProfile(level, id) {
  const panel = $("#profile");
  panel.hidden = false;
  panel.dataset.state = "loading";
  panel.dataset.unit = id;
  panel.querySelector(".profile-body").innerHTML = `<p>${esc(tr("profile.loading", { id }))}</p>`;
  const map = state.map;
  map.setFilter("selected-outline", ["==", ["to-string", ["get", "postal_code"]], level === "areas" ? id : ""]);
  map.setFilter("selected-cell", ["==", ["to-string", ["get", "cell_id"]], level === "grid" ? id : ""]);
  map.setLayoutProperty("selected-cell", "visibility", level === "grid" ? "visible" : "none");
  if (level === "areas") {
    state.selectedArea = id;
    state.scenario.setArea(id, placeName(id));
    if (state.comparing && !state.compare.includes(id)) state.compare.push(id);
  }
  syncUrl();
  if (level === "areas" && state.comparing && state.compare.length > 1) {
    await showComparison();
    return;
  }
  const year = Number($("#year").value);
  try {
    const profile = level === "areas"
      ? await getJson(`/api/areas/${encodeURIComponent(id)}/profile`, { year, lang: language() })
      : await getJson(`/api/cells/${encodeURIComponent(id)}/profile`, { lang: language() });
    renderProfile(panel, profile, { level, minCount: state.meta.min_count, registry: state.registry });
    const compare = panel.querySelector("#profile-compare");
    if (compare) compare.addEventListener("click", () => startComparison(id));
    panel.dataset.state = "ready";
    announce(tr("status.profile_ready", { name: profile.name || id }));
    panel.focus();
  } catch (error) {
    panel.querySelector(".profile-body").innerHTML = `<p class="error">${esc(error.message)}</p>`;
    panel.dataset.state = "error";
  }
}

function startComparison(id) {
  state.comparing = true;
  if (!state.compare.includes(id)) state.compare = [id, ...state.compare];
  const hint = $("#profile .compare-hint");
  if (hint) hint.hidden = false;
  syncUrl();
}

/** Add an area to the comparison (the Areas list's "Compare" button). */
function addToComparison(id) {
  state.comparing = true;
  if (state.selectedArea && !state.compare.length && state.selectedArea !== id) state.compare.push(state.selectedArea);
  if (!state.compare.includes(id)) state.compare.push(id);
  if (state.compare.length > 1) showComparison();
  else openProfile("areas", id);
}

/** Two or more areas side by side, each against its district and the city. */
async function showComparison() {
  const panel = $("#profile");
  panel.hidden = false;
  panel.dataset.state = "loading";
  panel.dataset.unit = state.compare.join(",");
  const year = Number($("#year").value);
  try {
    const profiles = await Promise.all(state.compare.map((id) => getJson(`/api/areas/${encodeURIComponent(id)}/profile`, { year, lang: language() })));
    let compared = null;
    try {
      compared = await getJson("/api/profiles/compare", { level: "areas", ids: state.compare.join(","), year, lang: language() });
    } catch (_) {
      compared = null; // a server without the comparison route: the profiles alone
    }
    renderComparison(panel, profiles, compared, { minCount: state.meta.min_count, registry: state.registry });
    panel.querySelectorAll("button[data-remove]").forEach((button) => button.addEventListener("click", () => {
      state.compare = state.compare.filter((id) => id !== button.dataset.remove);
      if (state.compare.length > 1) showComparison();
      else { state.comparing = false; openProfile("areas", state.compare[0] || button.dataset.remove); }
    }));
    const end = panel.querySelector("#compare-end");
    if (end) end.addEventListener("click", () => { const first = state.compare[0]; state.compare = []; state.comparing = false; openProfile("areas", first); });
    panel.dataset.state = "ready";
    announce(tr("status.compare_ready", { names: profiles.map((p) => p.name || p.id).join(", ") }));
    syncUrl();
    panel.focus();
  } catch (error) {
    panel.querySelector(".profile-body").innerHTML = `<p class="error">${esc(error.message)}</p>`;
    panel.dataset.state = "error";
  }
}

function closeProfile() {
  $("#profile").hidden = true;
  state.comparing = false;
  state.compare = [];
  syncUrl();
}

// ---------------------------------------------------------------- scenario maps ------------

/** The registry entry of a scenario map's key `indicator|measure|group`. */
function scenarioEntry(name) {
  return describe(state.registry, String(name).split("|")[0]);
}

function showScenarioMap(name, spec, kind, { noChange = false, direction = null, label = null } = {}) {
  const values = spec[kind] || {};
  const numbers = Object.values(values);
  const entry = scenarioEntry(name);
  let bins;
  let palette;
  let note = "";
  let labels = null;
  const finite = numbers.filter((v) => v !== null && Number.isFinite(v));
  if (kind === "change") {
    const dir = direction || entry.direction;
    const unchanged = noChange || finite.every((v) => v === 0);
    if (unchanged) {
      bins = [0];
      palette = [DIVERGING[3]];
      labels = [tr("legend.no_change")];
      document.body.dataset.noChange = "true";
    } else {
      delete document.body.dataset.noChange;
      bins = divergingBins(numbers);
      const worseUp = dir === "higher_worse" || dir === "lower_is_better";
      palette = worseUp ? DIVERGING.slice().reverse() : DIVERGING;
      note = dir && dir !== "neutral" ? tr("legend.better_worse") : tr("legend.increase_decrease");
    }
  } else {
    const sorted = finite.slice().sort((a, b) => a - b);
    const k = Math.min(5, new Set(sorted).size);
    bins = [];
    for (let i = 1; i <= k; i += 1) bins.push(sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / k) - 1)]);
    bins = [...new Set(bins)];
    palette = paletteOf(SEQUENTIAL, bins.length);
  }
  paintUnits(spec.level, values, bins, palette);
  renderLegend({
    title: `${label || entry.label} — ${tr(`scenario.kind.${kind}`)}`,
    subtitle: tr("legend.scenario", { kind: levelLabel(spec.level) }), bins, palette,
    entry, note, labels,
  });
  document.body.dataset.choropleth = `scenario:${name}:${kind}`;
  markRendered();
}

// ---------------------------------------------------------------- overlay (deck.gl) --------

/** The deck.gl overlay, created (and deck.gl loaded) the first time there is something to draw. */
function overlay() {
  state.overlay ||= import("./overlay.js").then(({ createOverlay, overlayLayers }) => {
    const deck = createOverlay();
    state.map.addControl(deck);
    return { deck, overlayLayers };
  });
  return state.overlay;
}

async function refreshOverlay() {
  const edits = state.scenario ? state.scenario.overlayData() : { points: [], moves: [], polygons: [], drawing: [] };
  const comments = state.comments ? state.comments.overlayData() : { points: [], areas: [], drawing: [] };
  const empty = Object.values(comments).every((list) => !list.length) && Object.values(edits).every((list) => !list.length);
  if (empty && !state.overlay) return;
  try {
    const { deck, overlayLayers } = await overlay();
    state.overlayLayers = overlayLayers(edits, comments); // what is drawn (tests read it)
    deck.setProps({ layers: state.overlayLayers });
  } catch (error) {
    reportError(tr("error.overlay", { message: error.message }));
  }
}

/** Show a GeoJSON point (fly to it) or polygon (fit its bounds) on the map. */
function locateGeometry(geometry) {
  if (!geometry) return;
  if (geometry.type === "Point") {
    state.map.flyTo({ center: geometry.coordinates, zoom: Math.max(state.map.getZoom(), 15) });
    return;
  }
  const ring = geometry.coordinates[0];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  state.map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]],
    { padding: 60, maxZoom: 17 });
}

// ---------------------------------------------------------------- modes & clicks -----------

function setMode(mode) {
  state.mode = mode;
  document.body.dataset.mode = mode;
  $("#mode-hint").textContent = mode === "profile" ? "" : tr(`mode.${mode}`);
  state.map.getCanvas().style.cursor = mode === "profile" ? "" : "crosshair";
}

// ---------------------------------------------------------------- isochrones ---------------

const EMPTY = { type: "FeatureCollection", features: [] };

/** Draw the area reachable from a clicked point (`/api/isochrone`) as a map layer. */
async function showIsochrone(lngLat) {
  const panel = $("#isochrone");
  const mode = $("#isochrone-mode").value;
  const minutes = Number($("#isochrone-minutes").value) || 15;
  panel.dataset.state = "loading";
  setMode("profile");
  try {
    const feature = await getJson("/api/isochrone", { lon: lngLat.lng, lat: lngLat.lat, mode, minutes });
    isochroneSource(state.map).setData(feature);
    const nodes = feature.properties.reached_nodes;
    $("#isochrone-result").textContent = tr("iso.result", { minutes, mode: tr(`iso.${mode}`), nodes: formatNumber(nodes) });
    panel.dataset.state = "ready";
  } catch (error) {
    $("#isochrone-result").textContent = "";
    reportError(tr("error.isochrone", { message: error.message }));
    panel.dataset.state = "error";
  }
}

/** The isochrone's GeoJSON source and layers, added the first time one is drawn. */
function isochroneSource(map) {
  if (!map.getSource("isochrone")) {
    map.addSource("isochrone", { type: "geojson", data: EMPTY });
    map.addLayer({ id: "isochrone-fill", type: "fill", source: "isochrone",
      paint: { "fill-color": "#2b8cbe", "fill-opacity": 0.25, "fill-antialias": false } });
    map.addLayer({ id: "isochrone-line", type: "line", source: "isochrone",
      paint: { "line-color": "#045a8d", "line-width": 2 } });
  }
  return map.getSource("isochrone");
}

function setUpIsochrones(map) {
  $("#isochrone-pick").addEventListener("click", () => setMode("isochrone"));
  $("#isochrone-clear").addEventListener("click", () => {
    if (map.getSource("isochrone")) map.getSource("isochrone").setData(EMPTY);
    $("#isochrone-result").textContent = "";
    $("#isochrone").dataset.state = "idle";
  });
}

function onMapClick(event) {
  const map = state.map;
  if (state.mode === "isochrone") {
    showIsochrone(event.lngLat);
    return;
  }
  const service = map.queryRenderedFeatures(event.point, { layers: ["services"] })[0];
  if (state.scenario.handleClick(state.mode, event.lngLat, service)) return;
  if (state.comments.handleClick(state.mode, event.lngLat)) return;
  const unit = clickedUnit(event.point);
  if (unit) openProfile(unit.level, unit.id);
}

/**
 * The unit whose profile a click opens: the grid cell or postal area under it. At building
 * level that is the postal area of the clicked building (in a tilted view the ground under a
 * roof may lie in the next area), else the area under the ground clicked.
 */
function clickedUnit(point) {
  const map = state.map;
  const level = state.level === "grid" ? "grid" : "areas";
  const key = UNIT_KEYS[level];
  const building = state.level === "buildings"
    && map.queryRenderedFeatures(point, { layers: ["buildings-3d"] }).find((f) => f.properties[key] !== undefined);
  const feature = building || map.queryRenderedFeatures(point, { layers: [FILL_LAYERS[level]] })[0];
  return feature ? { level, id: String(feature.properties[key]) } : null;
}

// ---------------------------------------------------------------- place labels -------------

/** Area names on the map (HTML labels: the style has no glyphs), shown from zoom 12 on. */
function addPlaceLabels(map) {
  for (const marker of state.labelMarkers || []) marker.remove();
  state.labelMarkers = state.places.filter((p) => p.kind === "area").map((place) => {
    const element = document.createElement("div");
    element.className = "place-label";
    element.setAttribute("aria-hidden", "true");
    element.textContent = language() === "sv" && place.name_sv ? place.name_sv : place.name;
    return new maplibregl.Marker({ element, anchor: "center" }).setLngLat([place.lon, place.lat]).addTo(map);
  });
  const toggle = () => $("#map").classList.toggle("labels-on", map.getZoom() >= 12 && map.getZoom() <= 15.5);
  map.on("zoomend", toggle);
  toggle();
}

async function loadPlaces() {
  try {
    const body = await getJson("/api/search", { q: "", limit: 500, lang: language() });
    state.places = body.results || [];
  } catch (_) {
    state.places = [];
  }
}

// ---------------------------------------------------------------- URL state ----------------

function syncUrl() {
  if (!state.meta) return;
  const indicator = indicatorByKey(state.indicatorKey);
  writeUrlState({
    indicator: indicator ? indicator.name : null,
    level: indicator ? indicator.level : state.level,
    year: $("#year").value,
    areas: state.compare.length ? state.compare : (state.selectedArea && !$("#profile").hidden ? [state.selectedArea] : []),
    lang: language(),
  });
}

// ---------------------------------------------------------------- controls -----------------

/** The indicator the map opens with: the low-income share of areas where there is one. */
function openingIndicator(meta, level = "areas") {
  const at = meta.indicators.filter((i) => i.level === level);
  return at.find((i) => /^share:lowest_income/.test(i.name))
    || at.find((i) => /lowest_income/.test(i.name))
    || at.find((i) => /heat|vulnerab/.test(i.name)) || at[0] || meta.indicators[0];
}

/** The years of the year slider: the twin's, or this year when it has none. */
function sliderYears(meta) {
  return meta.years.length ? meta.years : [new Date().getFullYear()];
}

function selectTab(name, { focus = false } = {}) {
  document.querySelectorAll("#tabs [role=tab]").forEach((tab) => {
    const on = tab.dataset.tab === name;
    tab.classList.toggle("active", on);
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
  });
  document.querySelectorAll(".tab").forEach((panel) => { panel.hidden = panel.id !== name; });
  if (name === "areas") state.areaList.show();
}

/** Tabs after the WAI-ARIA pattern: click or Enter/Space selects, arrow keys move between tabs. */
function setUpTabs() {
  const tabs = [...document.querySelectorAll("#tabs [role=tab]")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => selectTab(tab.dataset.tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) {
        event.preventDefault();
        selectTab(tabs[(i + step + tabs.length) % tabs.length].dataset.tab, { focus: true });
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        selectTab(tabs[event.key === "Home" ? 0 : tabs.length - 1].dataset.tab, { focus: true });
      }
    });
  });
}

function serviceLabel(type) {
  const key = `service.${type}`;
  const text = tr(key);
  return text === key ? tr("service.other") : text;
}

function buildServices(meta) {
  const colours = serviceColours(meta.service_types);
  const chosen = new Set([...document.querySelectorAll("#services input:checked")].map((i) => i.value));
  const initial = chosen.size ? chosen : new Set(DEFAULT_SERVICES.filter((s) => meta.service_types.includes(s)));
  $("#services").innerHTML = meta.service_types.map((type) => `<label class="inline"><input type="checkbox" value="${esc(type)}"`
    + `${initial.has(type) ? " checked" : ""}><span class="swatch round" style="background:${colours[type]}"></span>${esc(serviceLabel(type))}</label>`).join("");
}

function filterServices() {
  const chosen = [...document.querySelectorAll("#services input:checked")].map((i) => i.value);
  state.map.setFilter("services", ["in", ["get", "service_type"], ["literal", chosen]]);
}

function buildLanguageSwitch() {
  const select = $("#lang");
  select.innerHTML = LANGUAGES.map((lang) => `<option value="${lang}" lang="${lang}">${esc(LANGUAGE_NAMES[lang])}</option>`).join("");
  select.value = language();
  select.addEventListener("change", () => setLanguage(select.value));
}

function buildControls(meta, openingKey) {
  document.title = `DikaS — ${meta.title || meta.city}`;
  $("#title").textContent = meta.title || meta.city;
  buildLanguageSwitch();
  state.picker = new IndicatorPicker($("#indicator-picker"), {
    indicators: meta.indicators, registry: () => state.registry, onChoose: (key) => chooseIndicator(key),
  });
  buildLevelSwitch();
  if (openingKey) chooseIndicator(openingKey, { draw: false });
  const years = sliderYears(meta);
  const slider = $("#year");
  slider.min = String(Math.min(...years));
  slider.max = String(Math.max(...years));
  if (!slider.dataset.fromUrl) slider.value = slider.max;
  slider.setAttribute("aria-valuetext", slider.value);
  $("#year-label").textContent = slider.value;
  slider.addEventListener("change", () => updateChoropleth());
  slider.addEventListener("input", () => { $("#year-label").textContent = slider.value; slider.setAttribute("aria-valuetext", slider.value); });
  $("#classification").addEventListener("change", () => updateChoropleth());
  buildServices(meta);
  $("#profile-close").addEventListener("click", closeProfile);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (state.mode !== "profile") { setMode("profile"); return; }
    if (!$("#profile").hidden && !event.defaultPrevented) closeProfile();
  });
  setUpTabs();
  // the skip link moves the focus (a fragment link would replace the state in the URL)
  document.querySelector(".skip").addEventListener("click", (event) => { event.preventDefault(); $("#indicator-search").focus(); });
  if (window.matchMedia("(max-width: 700px)").matches) {
    document.body.classList.add("sidebar-closed"); // a phone opens on the map
    $("#menu-toggle").setAttribute("aria-expanded", "false");
  }
  $("#menu-toggle").addEventListener("click", () => {
    const open = document.body.classList.toggle("sidebar-closed") === false;
    $("#menu-toggle").setAttribute("aria-expanded", String(open));
    if (state.map) state.map.resize();
  });
}

/** The map side of the controls: the service filter and building visibility. */
function styleServices() {
  $("#services").addEventListener("change", filterServices);
  filterServices();
  $("#show-buildings").addEventListener("change", (event) => {
    state.map.setLayoutProperty("buildings-3d", "visibility", event.target.checked ? "visible" : "none");
  });
}

/** The sources of the whole twin, each once, for the map's compact (expandable) attribution. */
function attributionHtml(meta) {
  return uniqueSources(meta.attribution).map((s) => esc(s)).join(" · ");
}

/** Re-draw everything that has words in it in the new language. */
async function relabel() {
  syncUrl();
  translatePage(document);
  state.registry = await loadRegistry(language(), state.meta);
  buildLevelSwitch();
  buildServices(state.meta);
  state.picker.show(state.level, state.indicatorKey);
  state.scenario.relabel();
  state.areaList.relabel();
  if (state.labelMarkers) addPlaceLabels(state.map);
  syncUrl();
  await updateChoropleth();
  if (!$("#profile").hidden) {
    if (state.compare.length > 1) await showComparison();
    else if ($("#profile").dataset.unit) await openProfile(state.level === "grid" ? "grid" : "areas", $("#profile").dataset.unit);
  }
}

/** Show the accessibility statement (the `/accessibility` route, or its link). */
function showStatement(show) {
  $("#statement").hidden = !show;
  document.body.classList.toggle("statement-open", show);
  if (show) $("#statement").focus();
}

async function start() {
  document.body.dataset.state = "loading";
  registerCatalogs();
  const fromUrl = readUrlState();
  setLanguage(fromUrl.lang || detectLanguage());
  translatePage(document);
  if (window.location.pathname.endsWith("/accessibility")) showStatement(true);
  $("#statement-link").addEventListener("click", (event) => { event.preventDefault(); history.pushState(null, "", `accessibility${window.location.hash}`); showStatement(true); });
  $("#statement-back").addEventListener("click", (event) => { event.preventDefault(); history.pushState(null, "", `./${window.location.hash}`); showStatement(false); });
  maplibregl.prewarm(); // start the tile worker while /api/meta (preloaded by index.html) arrives
  let meta;
  try {
    meta = await getJson("/api/meta");
  } catch (error) {
    reportError(tr("error.server", { message: error.message }));
    document.body.dataset.state = "error";
    return;
  }
  meta.indicators ||= [];
  meta.service_types ||= [];
  meta.years ||= [];
  state.meta = meta;
  const registryRequest = loadRegistry(language(), meta);
  const placesRequest = loadPlaces();
  const fromLink = fromUrl.indicator && meta.indicators.find((i) => i.name === fromUrl.indicator && i.level === (fromUrl.level || "areas"));
  const opening = fromLink || openingIndicator(meta, fromUrl.level && meta.levels.includes(fromUrl.level) ? fromUrl.level : "areas");
  if (fromUrl.year && sliderYears(meta).includes(Number(fromUrl.year))) {
    $("#year").value = String(fromUrl.year);
    $("#year").dataset.fromUrl = "1";
  }
  const openingYear = $("#year").dataset.fromUrl ? Number(fromUrl.year) : Math.max(...sliderYears(meta));
  const firstIndicator = requestIndicator(opening, openingYear);
  // The style opens with the buildings already in the first indicator's colours: changing a
  // data-driven paint property later makes MapLibre lay out every building tile again.
  const first = firstIndicator && await firstIndicator.request.catch(() => null);
  state.registry = await registryRequest;
  // The controls and the map are set up in one task: one page redraw instead of two (each
  // is a full-window composite under software WebGL, which the map's WebGL setup waits for).
  state.level = opening ? opening.level : "areas";
  buildControls(meta, opening ? `${opening.level}|${opening.name}` : null);
  const bins = (first && first.breaks && first.breaks[state.classification]) || [];
  const colours = first ? unitColours(first.values || {}, bins, paletteOf(SEQUENTIAL, bins.length)) : {};
  // Read before the map exists: with `hash` set, MapLibre writes its own view into the URL.
  const viewInUrl = new URLSearchParams(window.location.hash.slice(1)).has("map");
  const map = new maplibregl.Map({
    container: "map",
    style: buildStyle(meta, buildingColour(opening && opening.level !== "districts" ? opening.level : "areas", colours)),
    center: meta.center || [0, 0],
    zoom: 11,
    pitch: 45,
    bearing: -12,
    attributionControl: false,
    hash: "map",
    locale: maplibreLocale(),
    preserveDrawingBuffer: false,
  });
  const styleLoaded = new Promise((resolve) => map.once("style.load", resolve));
  state.map = map;
  window.dikas = { map, state, chooseIndicator, openProfile, switchLevel };
  const attribution = new maplibregl.AttributionControl({ compact: true, customAttribution: attributionHtml(meta) });
  map.addControl(attribution, "bottom-right");
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), "top-right");
  map.addControl(new maplibregl.ScaleControl(), "bottom-left");
  // Open where the 3D buildings are (`focus_bbox`), unless the URL has a view
  // (`#map=zoom/lat/lon/bearing/pitch`, kept up to date). The view is set before the style
  // loads, so no tile of another view is ever requested.
  const focus = meta.focus_bbox || meta.bbox;
  if (focus && !viewInUrl) {
    const camera = map.cameraForBounds([[focus[0], focus[1]], [focus[2], focus[3]]], { padding: 20 });
    // Buildings are tiled from zoom 12 on: open close enough to see them in 3D.
    if (camera) map.jumpTo({ center: camera.center, zoom: Math.max(camera.zoom, 12.5), pitch: 50, bearing: -12 });
  }
  map.on("error", (event) => {
    reportError(tr("error.map", { source: event.sourceId || "–", message: event.error ? event.error.message : "–" }));
  });
  await styleLoaded;
  // the compact attribution starts folded: it must not cover the map on a phone
  const attrib = document.querySelector(".maplibregl-ctrl-attrib");
  if (attrib) attrib.classList.remove("maplibregl-compact-show");
  styleServices();
  state.scenario = new ScenarioEditor($("#scenario"), {
    serviceTypes: meta.service_types, serviceLabel, setMode, refreshOverlay, showScenarioMap,
    clearScenarioMap: updateChoropleth, announce, place: (id) => state.places.find((p) => p.kind === "area" && p.id === id),
  });
  state.comments = new CommentBoard($("#comments"), {
    setMode, refreshOverlay, get selectedArea() { return state.selectedArea; }, locate: locateGeometry,
  });
  state.areaList = new AreaList($("#areas"), {
    places: () => state.places,
    openProfile: (id) => { state.comparing = false; state.compare = []; openProfile("areas", id); },
    compare: addToComparison,
    whatIf: (id) => { state.selectedArea = id; state.scenario.setArea(id, placeName(id)); selectTab("scenario"); $("#scenario-add-at-area").focus(); },
  });
  state.search = new PlaceSearch($("#search-box"), {
    onChoose: (place) => {
      map.flyTo({ center: [place.lon, place.lat], zoom: Math.max(map.getZoom(), place.kind === "address" ? 15 : 13) });
      const area = place.kind === "area" ? place.id : place.postal_code;
      if (area) openProfile("areas", area);
    },
    reportError: (message) => reportError(tr("error.search", { message })),
  });
  setUpIsochrones(map);
  map.on("click", onMapClick);
  setMode("profile");
  $("#export-png").addEventListener("click", async () => { await exportPng(map, $("#legend")); announce(tr("export.done")); });
  $("#export-print").addEventListener("click", () => printMap(map));
  onLanguageChange(() => { relabel(); });
  await updateChoropleth(firstIndicator);
  state.comments.refresh();
  await placesRequest;
  addPlaceLabels(map);
  if (window.location.pathname.endsWith("/areas")) selectTab("areas");
  if (fromUrl.areas && fromUrl.areas.length > 1) {
    state.compare = fromUrl.areas.slice();
    state.comparing = true;
    showComparison();
  } else if (fromUrl.areas && fromUrl.areas.length === 1) openProfile("areas", fromUrl.areas[0]);
  const shared = new URLSearchParams(window.location.hash.slice(1)).get("scenario");
  if (shared) {
    selectTab("scenario");
    state.scenario.load(shared);
  }
}

start();
