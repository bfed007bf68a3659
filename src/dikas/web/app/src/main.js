// DikaS map app: a 3D map of the twin coloured by any indicator and year, area profiles,
// what-if scenarios and stakeholder comments, drawn only from the local DikaS server.

import maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";

import "./app.css";
import { getJson } from "./api.js";
import { esc } from "./charts.js";
import {
  DIVERGING, NO_DATA, OUTSIDE_COVERAGE, SEQUENTIAL, classOf, divergingBins, formatNumber, paletteOf, serviceColours,
} from "./classify.js";
import { CommentBoard } from "./comments.js";
import { renderProfile } from "./profile.js";
import { ScenarioEditor } from "./scenario.js";
import { FILL_OPACITY, SOURCE_OF, UNIT_KEYS, buildStyle, buildingColour } from "./style.js";

const $ = (selector) => document.querySelector(selector);

const state = {
  meta: null,
  map: null,
  overlay: null,
  mode: "profile",
  indicator: null,
  year: null,
  classification: "quantiles",
  painted: { areas: false, grid: false, buildings: false },
  level: "areas",
  selectedArea: null,
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

function setBusy(text) {
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

/**
 * Show the fill of the level drawn. At building level the areas' fill stays, transparent, so
 * that a click anywhere still finds its postal area (`queryRenderedFeatures` skips hidden
 * layers; MapLibre draws nothing for a fill of opacity 0). At area level the opacity is the
 * style's own, so the opening map's paint is unchanged.
 */
function unitLayerVisibility(level) {
  const map = state.map;
  state.level = level;
  map.setLayoutProperty("areas-fill", "visibility", level === "grid" ? "none" : "visible");
  map.setLayoutProperty("grid-fill", "visibility", level === "grid" ? "visible" : "none");
  map.setPaintProperty("areas-fill", "fill-opacity", level === "buildings" ? 0 : FILL_OPACITY);
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
  clearPaint("areas");
  clearPaint("grid");
  clearPaint("buildings");
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
  map.setPaintProperty("buildings-3d", "fill-extrusion-color", buildingColour(level, colourOf));
}

/** Legend rows for units without a value, one per reason, with how many units have it. */
function missingRows(missing, coverage) {
  const counts = {};
  for (const [reason, ids] of Object.entries(missing || {})) counts[reason] = ids.length;
  const minCount = state.meta.min_count;
  const rows = [];
  if (counts.suppressed) {
    rows.push(`<li><span class="swatch" style="background:${NO_DATA}"></span>suppressed: fewer than ${minCount} people (${counts.suppressed})</li>`);
  }
  if (counts.outside_coverage) {
    const what = COVERAGE_TEXT[coverage] || "the source";
    rows.push(`<li><span class="swatch" style="background:${OUTSIDE_COVERAGE}"></span>outside coverage: ${what} reaches only the dashed outline (${counts.outside_coverage})</li>`);
  }
  if (counts.not_computed) {
    rows.push(`<li><span class="swatch" style="background:${NO_DATA}"></span>not computed (${counts.not_computed})</li>`);
  }
  if (counts.no_data || !missing) {
    rows.push(`<li><span class="swatch" style="background:${NO_DATA}"></span>no data${missing ? ` (${counts.no_data})` : ` / suppressed (&lt; ${minCount})`}</li>`);
  }
  return rows;
}

/** What each coverage kind stands for, in the legend. */
const COVERAGE_TEXT = {
  street_network: "the street network",
  transit: "the timetable (stops and the street network)",
  heat: "the heat raster",
};

function renderLegend({ title, subtitle, bins, palette, attribution, diverging = false, missing = null, coverage = null }) {
  const legend = $("#legend");
  const lows = [null, ...bins.slice(0, -1)];
  const rows = bins.map((upper, i) => {
    const low = lows[i];
    const range = low === null ? `≤ ${formatNumber(upper)}` : `${formatNumber(low)} – ${formatNumber(upper)}`;
    return `<li><span class="swatch" style="background:${palette[i]}"></span>${range}</li>`;
  });
  rows.push(...missingRows(missing, coverage));
  legend.innerHTML = `<h3>${esc(title)}</h3><p class="muted">${esc(subtitle)}${diverging ? " · blue = decrease, red = increase" : ""}</p>`
    + `<ul class="legend-rows">${rows.join("")}</ul>`
    + (attribution && attribution !== state.meta.attribution ? `<p class="attribution">Sources: ${esc(attribution)}</p>` : "");
}

function indicatorByName(name) {
  return state.meta.indicators.find((i) => `${i.level}|${i.name}` === name);
}

/** Nearest year the indicator has to the chosen one (yearly layers may miss some years). */
function effectiveYear(indicator, year) {
  const years = indicator.years && indicator.years.length ? indicator.years : [year];
  return years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best), years[0]);
}

/** The indicator, level and year chosen in the controls, and the request for its values. */
function chosenIndicator() {
  return requestIndicator(indicatorByName($("#indicator").value), Number($("#year").value));
}

/** The request for an indicator's values in `year` (or the nearest year it has). */
function requestIndicator(indicator, year) {
  if (!indicator) return null;
  const used = effectiveYear(indicator, year);
  const request = getJson("/api/indicators", { indicator: indicator.name, level: indicator.level, year: used });
  request.catch(() => {}); // handled where awaited
  return { indicator, year, used, request };
}

/** Draw the chosen indicator; `chosen` may carry a request already in flight. */
async function updateChoropleth(chosen = chosenIndicator()) {
  if (!chosen || !chosen.indicator) return;
  const { indicator, year, used } = chosen;
  const yearly = indicator.years && indicator.years.length;
  $("#year-label").textContent = !yearly ? `${year} (not a yearly indicator)`
    : used === year ? String(year) : `${year} (data: ${used})`;
  state.classification = $("#classification").value;
  setBusy("Loading indicator…");
  document.body.dataset.choropleth = "loading";
  try {
    const response = await chosen.request;
    const bins = (response.breaks && response.breaks[state.classification]) || [];
    const palette = paletteOf(SEQUENTIAL, bins.length);
    paintUnits(indicator.level, response.values || {}, bins, palette, response.missing || {});
    if (state.map.getLayer("coverage-outline")) {
      state.map.setFilter("coverage-outline", ["==", ["get", "kind"], response.coverage || ""]);
    }
    renderLegend({
      title: indicator.label || indicator.name,
      subtitle: `${indicator.level}${yearly ? ` · ${used}` : ""} · ${state.classification.replace("_", " ")}${indicator.unit ? ` · ${indicator.unit}` : ""}`,
      bins, palette, attribution: response.attribution,
      missing: response.missing || {}, coverage: response.coverage,
    });
    document.body.dataset.choropleth = `${indicator.level}:${indicator.name}:${used}`;
    setBusy("");
  } catch (error) {
    document.body.dataset.choropleth = "error";
    reportError(`Indicator ${indicator.name}: ${error.message}`);
    setBusy("");
  }
  await markRendered();
}

// ---------------------------------------------------------------- profile ------------------

async function openProfile(level, id) {
  const panel = $("#profile");
  panel.hidden = false;
  panel.dataset.state = "loading";
  panel.dataset.unit = id;
  panel.querySelector(".profile-body").innerHTML = `<p>Loading ${esc(id)}…</p>`;
  const map = state.map;
  map.setFilter("selected-outline", ["==", ["to-string", ["get", "postal_code"]], level === "areas" ? id : ""]);
  map.setFilter("selected-cell", ["==", ["to-string", ["get", "cell_id"]], level === "grid" ? id : ""]);
  map.setLayoutProperty("selected-cell", "visibility", level === "grid" ? "visible" : "none");
  if (level === "areas") state.selectedArea = id;
  const year = Number($("#year").value);
  try {
    const profile = level === "areas"
      ? await getJson(`/api/areas/${encodeURIComponent(id)}/profile`, { year })
      : await getJson(`/api/cells/${encodeURIComponent(id)}/profile`);
    renderProfile(panel, profile, { level, minCount: state.meta.min_count });
    panel.dataset.state = "ready";
  } catch (error) {
    panel.querySelector(".profile-body").innerHTML = `<p class="error">${esc(error.message)}</p>`;
    panel.dataset.state = "error";
  }
}

// ---------------------------------------------------------------- scenario maps ------------

function showScenarioMap(name, spec, kind) {
  const values = spec[kind] || {};
  const numbers = Object.values(values);
  let bins;
  let palette;
  if (kind === "change") {
    bins = divergingBins(numbers);
    palette = DIVERGING;
  } else {
    const finite = numbers.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
    const k = Math.min(5, new Set(finite).size);
    bins = [];
    for (let i = 1; i <= k; i += 1) bins.push(finite[Math.min(finite.length - 1, Math.ceil((i * finite.length) / k) - 1)]);
    bins = [...new Set(bins)];
    palette = paletteOf(SEQUENTIAL, bins.length);
  }
  paintUnits(spec.level, values, bins, palette);
  renderLegend({
    title: `${spec.label || name} — ${kind === "change" ? "difference" : kind}`,
    subtitle: `scenario · ${spec.level}`, bins, palette, diverging: kind === "change",
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
    reportError(`Overlay: ${error.message}`);
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

const MODE_HINTS = {
  profile: "",
  "add-service": "Click the map where the new service goes.",
  "move-pick": "Click the service point to move.",
  "move-target": "Click its new location.",
  "draw-housing": "Click the corners of the development, then ‘Finish polygon’.",
  comment: "Click the place your comment is about.",
  "comment-draw": "Click the corners of the area your comment is about, then ‘Finish area’.",
  isochrone: "Click the starting point.",
};

function setMode(mode) {
  state.mode = mode;
  document.body.dataset.mode = mode;
  $("#mode-hint").textContent = MODE_HINTS[mode] || "";
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
    $("#isochrone-result").textContent = `${minutes} min by ${mode}: ${nodes.toLocaleString()} street nodes reached.`;
    panel.dataset.state = "ready";
  } catch (error) {
    $("#isochrone-result").textContent = "";
    reportError(`Isochrone: ${error.message}`);
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
  const feature = building || map.queryRenderedFeatures(point, { layers: [`${level}-fill`] })[0];
  return feature ? { level, id: String(feature.properties[key]) } : null;
}

// ---------------------------------------------------------------- controls -----------------

/** The indicator the map opens with: the low-income share of areas where there is one. */
function openingIndicator(meta) {
  return meta.indicators.find((i) => i.level === "areas" && /^share:lowest_income/.test(i.name))
    || meta.indicators.find((i) => i.level === "areas" && /lowest_income/.test(i.name))
    || meta.indicators.find((i) => /heat|vulnerab/.test(i.name)) || meta.indicators[0];
}

/** The years of the year slider: the twin's, or this year when it has none. */
function sliderYears(meta) {
  return meta.years.length ? meta.years : [new Date().getFullYear()];
}

function buildControls(meta, opening) {
  document.title = meta.title || `DikaS — ${meta.city}`;
  $("#title").textContent = meta.title || meta.city;
  const groups = {};
  for (const ind of meta.indicators) (groups[ind.level] ||= []).push(ind);
  $("#indicator").innerHTML = Object.entries(groups).map(([level, list]) => `<optgroup label="${esc(level)}">`
    + list.map((i) => `<option value="${esc(`${i.level}|${i.name}`)}">${esc(i.label || i.name)}</option>`).join("")
    + "</optgroup>").join("");
  if (opening) $("#indicator").value = `${opening.level}|${opening.name}`;
  const years = sliderYears(meta);
  const slider = $("#year");
  slider.min = String(Math.min(...years));
  slider.max = String(Math.max(...years));
  slider.value = slider.max;
  $("#year-label").textContent = slider.value;
  $("#indicator").addEventListener("change", () => updateChoropleth());
  $("#year").addEventListener("change", () => updateChoropleth());
  $("#year").addEventListener("input", () => { $("#year-label").textContent = $("#year").value; });
  $("#classification").addEventListener("change", () => updateChoropleth());
  const colours = serviceColours(meta.service_types);
  $("#services").innerHTML = meta.service_types.map((t) => `<label><input type="checkbox" value="${esc(t)}" checked>`
    + `<span class="swatch round" style="background:${colours[t]}"></span>${esc(t.replace(/_/g, " "))}</label>`).join("");
  $("#profile-close").addEventListener("click", () => { $("#profile").hidden = true; });
  document.querySelectorAll("#tabs button").forEach((button) => button.addEventListener("click", () => {
    document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b === button));
    document.querySelectorAll(".tab").forEach((tab) => { tab.hidden = tab.id !== button.dataset.tab; });
  }));
}

/** The map side of the controls: the service filter and building visibility. */
function styleServices(meta) {
  $("#services").addEventListener("change", () => {
    const chosen = [...document.querySelectorAll("#services input:checked")].map((i) => i.value);
    state.map.setFilter("services", ["in", ["get", "service_type"], ["literal", chosen]]);
  });
  $("#show-buildings").addEventListener("change", (event) => {
    state.map.setLayoutProperty("buildings-3d", "visibility", event.target.checked ? "visible" : "none");
  });
}

async function start() {
  document.body.dataset.state = "loading";
  maplibregl.prewarm(); // start the tile worker while /api/meta (preloaded by index.html) arrives
  let meta;
  try {
    meta = await getJson("/api/meta");
  } catch (error) {
    reportError(`Cannot reach the DikaS server: ${error.message}`);
    document.body.dataset.state = "error";
    return;
  }
  meta.indicators ||= [];
  meta.service_types ||= [];
  meta.years ||= [];
  state.meta = meta;
  const opening = openingIndicator(meta);
  const firstIndicator = requestIndicator(opening, Math.max(...sliderYears(meta)));
  // The style opens with the buildings already in the first indicator's colours: changing a
  // data-driven paint property later makes MapLibre lay out every building tile again.
  const first = firstIndicator && await firstIndicator.request.catch(() => null);
  // The controls and the map are set up in one task: one page redraw instead of two (each
  // is a full-window composite under software WebGL, which the map's WebGL setup waits for).
  buildControls(meta, opening);
  const bins = (first && first.breaks && first.breaks[state.classification]) || [];
  const colours = first ? unitColours(first.values || {}, bins, paletteOf(SEQUENTIAL, bins.length)) : {};
  // Read before the map exists: with `hash` set, MapLibre writes its own view into the URL.
  const viewInUrl = new URLSearchParams(window.location.hash.slice(1)).has("map");
  const map = new maplibregl.Map({
    container: "map",
    style: buildStyle(meta, buildingColour(opening ? opening.level : "areas", colours)),
    center: meta.center || [0, 0],
    zoom: 11,
    pitch: 45,
    bearing: -12,
    attributionControl: false,
    hash: "map",
  });
  const styleLoaded = new Promise((resolve) => map.once("style.load", resolve));
  state.map = map;
  window.dikas = { map, state };
  map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: meta.attribution }), "bottom-right");
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
    const url = event.sourceId ? ` (${event.sourceId})` : "";
    reportError(`Map${url}: ${event.error ? event.error.message : "error"}`);
  });
  await styleLoaded;
  styleServices(meta);
  state.scenario = new ScenarioEditor($("#scenario"), {
    serviceTypes: meta.service_types, setMode, refreshOverlay, showScenarioMap,
    clearScenarioMap: updateChoropleth,
  });
  state.comments = new CommentBoard($("#comments"), {
    setMode, refreshOverlay, get selectedArea() { return state.selectedArea; }, locate: locateGeometry,
  });
  setUpIsochrones(map);
  map.on("click", onMapClick);
  setMode("profile");
  await updateChoropleth(firstIndicator);
  state.comments.refresh();
  const shared = new URLSearchParams(window.location.hash.slice(1)).get("scenario");
  if (shared) {
    document.querySelector('#tabs button[data-tab="scenario"]').click();
    state.scenario.load(shared);
  }
}

start();
