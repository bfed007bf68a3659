// The MapLibre style, built in code from the twin's own vector tiles only: no remote tiles,
// no glyphs, no sprites (so there are no symbol layers).

import { NO_DATA, serviceColours } from "./classify.js";
import { tileUrl } from "./api.js";

/** Colour of buildings not joined to any indicator value. */
export const BUILDING_COLOUR = "#d9d4cc";

/** Feature properties that identify units in each tile layer (MapLibre promoteId). */
export const UNIT_KEYS = { areas: "postal_code", districts: "district_id", grid: "cell_id", buildings: "building_id" };

/**
 * Tile layers drawn from the start, fetched as one composite tile per z/x/y (one request and
 * one worker job per tile instead of one per layer). The grid has its own source: MapLibre
 * fetches a source's tiles only while one of its style layers is visible.
 */
const TWIN_LAYERS = ["basemap_water", "basemap_green", "basemap_streets", "areas", "buildings", "services", "coverage"];

/** The style source holding each tile layer. */
export const SOURCE_OF = Object.fromEntries([...TWIN_LAYERS.map((l) => [l, "twin"]), ["grid", "grid"], ["districts", "districts"]]);

function vectorSource(layers, attribution) {
  const promoteId = Object.fromEntries(layers.filter((l) => UNIT_KEYS[l]).map((l) => [l, UNIT_KEYS[l]]));
  return {
    type: "vector",
    tiles: [tileUrl(layers.join(","))],
    minzoom: 0,
    maxzoom: 16,
    promoteId,
    attribution,
  };
}

/**
 * Street classes, drawn as one line layer each with a constant width: layers whose paint is all
 * constant share one shader program (with the area outlines), and each program costs a
 * compile on the first frame — the dearest part of a first map under software WebGL.
 */
const STREET_CLASSES = [
  ["major", ["motorway", "trunk", "primary"], 3],
  ["medium", ["secondary", "tertiary", "primary_link", "secondary_link", "tertiary_link"], 2],
  ["minor", ["residential", "unclassified", "living_street", "service"], 1.2],
];

function streetLayers() {
  const named = STREET_CLASSES.flatMap(([, types]) => types);
  const classes = [...STREET_CLASSES, ["path", null, 0.6]];
  return classes.map(([name, types, width]) => ({
    id: `basemap-streets-${name}`, type: "line", source: "twin", "source-layer": "basemap_streets",
    minzoom: 11,
    filter: types ? ["in", ["get", "highway"], ["literal", types]]
      : ["!", ["in", ["get", "highway"], ["literal", named]]],
    paint: { "line-color": "#ffffff", "line-width": width, "line-opacity": 0.85 },
  }));
}

/**
 * Water and green colour by the feature's `kind`: data-driven like the choropleth's colour, so
 * the base map and the choropleth share one fill shader program.
 */
const LAND_COLOUR = ["match", ["get", "kind"], "water", "#a9cfe8", "#c8e6b0"];

/**
 * The buildings' `fill-extrusion-color`: their own colour (feature-state) at building level,
 * otherwise the colour of their area or cell from `colourOf` (`{unit_id: colour}`).
 */
export function buildingColour(level, colourOf) {
  if (level === "buildings") return ["to-color", ["coalesce", ["feature-state", "colour"], NO_DATA]];
  const pairs = Object.entries(colourOf).flat();
  // Buildings take their area's or cell's colour; tiles without that key stay neutral.
  return pairs.length
    ? ["case", ["has", UNIT_KEYS[level]], ["match", ["to-string", ["get", UNIT_KEYS[level]]], ...pairs, NO_DATA], BUILDING_COLOUR]
    : NO_DATA;
}

/** Service points coloured by `service_type` (the legend's colours). */
function serviceColour(types) {
  const pairs = Object.entries(serviceColours(types)).flat();
  return pairs.length ? ["match", ["get", "service_type"], ...pairs, "#333333"] : "#333333";
}

/**
 * The districts' fill and outline (hidden until the district level is shown; fetched only
 * then). Districts of several tiers overlap: only those with a value are filled.
 */
function districtLayers(meta) {
  if (!(meta.tile_layers || []).includes("districts")) return [];
  return [
    {
      id: "districts-fill", type: "fill", source: "districts", "source-layer": "districts",
      layout: { visibility: "none" },
      paint: {
        "fill-color": STATE_COLOUR, "fill-antialias": false,
        "fill-opacity": ["case", ["==", ["feature-state", "colour"], null], 0, FILL_OPACITY],
      },
    },
    {
      id: "districts-outline", type: "line", source: "districts", "source-layer": "districts",
      layout: { visibility: "none" },
      paint: { "line-color": "#333333", "line-width": 1.2 },
    },
  ];
}

/** Opacity of the area and cell fills (the choropleth). */
export const FILL_OPACITY = 0.72;

/** Colour from the unit's feature-state `colour`, or grey when it has no value. */
const STATE_COLOUR = ["to-color", ["coalesce", ["feature-state", "colour"], NO_DATA]];

/**
 * A complete MapLibre style for a twin.
 *
 * @param {object} meta `/api/meta`
 * @param {*} buildingsColour the buildings' colour expression ({@link buildingColour})
 * @returns {object} style JSON
 */
export function buildStyle(meta, buildingsColour = BUILDING_COLOUR) {
  const osm = "© OpenStreetMap contributors";
  return {
    version: 8,
    name: "DikaS",
    // No animated paint changes: each animation frame is a full redraw, dear under software
    // WebGL, and a data map should show the new colours at once.
    transition: { duration: 0, delay: 0 },
    sources: {
      twin: vectorSource(TWIN_LAYERS.filter((l) => (meta.tile_layers || TWIN_LAYERS).includes(l)), osm),
      grid: vectorSource(["grid"]),
      ...((meta.tile_layers || []).includes("districts") ? { districts: vectorSource(["districts"]) } : {}),
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#f2efe9" } },
      {
        id: "basemap-green", type: "fill", source: "twin", "source-layer": "basemap_green",
        paint: { "fill-color": LAND_COLOUR, "fill-opacity": 0.9, "fill-antialias": false },
      },
      {
        id: "basemap-water", type: "fill", source: "twin", "source-layer": "basemap_water",
        paint: { "fill-color": LAND_COLOUR, "fill-antialias": false },
      },
      {
        id: "areas-fill", type: "fill", source: "twin", "source-layer": "areas",
        paint: { "fill-color": STATE_COLOUR, "fill-opacity": FILL_OPACITY, "fill-antialias": false },
      },
      {
        id: "grid-fill", type: "fill", source: "grid", "source-layer": "grid",
        layout: { visibility: "none" },
        paint: { "fill-color": STATE_COLOUR, "fill-opacity": FILL_OPACITY, "fill-antialias": false },
      },
      ...districtLayers(meta),
      ...streetLayers(),
      {
        id: "areas-outline", type: "line", source: "twin", "source-layer": "areas",
        paint: { "line-color": "#555555", "line-width": 0.6 },
      },
      {
        // The reach of the shown indicator's source (street network, timetable, raster…);
        // units outside it have no value for that reason, not because of privacy.
        id: "coverage-outline", type: "line", source: "twin", "source-layer": "coverage",
        filter: ["==", ["get", "kind"], ""],
        paint: { "line-color": "#08306b", "line-width": 2, "line-dasharray": [3, 2] },
      },
      {
        id: "selected-outline", type: "line", source: "twin", "source-layer": "areas",
        filter: ["==", ["get", "postal_code"], ""],
        paint: { "line-color": "#000000", "line-width": 3 },
      },
      {
        id: "selected-cell", type: "line", source: "grid", "source-layer": "grid",
        layout: { visibility: "none" },
        filter: ["==", ["get", "cell_id"], ""],
        paint: { "line-color": "#000000", "line-width": 3 },
      },
      {
        id: "buildings-3d", type: "fill-extrusion", source: "twin", "source-layer": "buildings",
        minzoom: 12,
        paint: {
          "fill-extrusion-color": buildingsColour,
          "fill-extrusion-height": ["coalesce", ["get", "height_m"], 6],
          // no fill-extrusion-opacity: below 1, MapLibre draws the extrusions in two passes
          // (depth, then colour) on every frame
        },
      },
      {
        id: "services", type: "circle", source: "twin", "source-layer": "services",
        paint: {
          "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 3, 16, 7],
          // in the style from the start: changing a data-driven colour later would make
          // MapLibre lay out every tile of the source again
          "circle-color": serviceColour(meta.service_types || []),
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 1,
        },
      },
    ],
  };
}
