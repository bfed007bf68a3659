// The MapLibre style, built in code from the twin's own vector tiles only: no remote tiles,
// no glyphs, no sprites (so there are no symbol layers).

import { NO_DATA } from "./classify.js";
import { tileUrl } from "./api.js";

/** Colour of buildings not joined to any indicator value. */
export const BUILDING_COLOUR = "#d9d4cc";

/** Feature properties that identify units in each tile layer (MapLibre promoteId). */
export const UNIT_KEYS = { areas: "postal_code", grid: "cell_id", buildings: "building_id" };

function vectorSource(layer, attribution, maxzoom = 16) {
  return {
    type: "vector",
    tiles: [tileUrl(layer)],
    minzoom: 0,
    maxzoom,
    promoteId: UNIT_KEYS[layer] ? { [layer]: UNIT_KEYS[layer] } : undefined,
    attribution,
  };
}

const STREET_WIDTH = [
  "match", ["get", "highway"],
  ["motorway", "trunk", "primary"], 3,
  ["secondary", "tertiary", "primary_link", "secondary_link", "tertiary_link"], 2,
  ["residential", "unclassified", "living_street", "service"], 1.2,
  0.6,
];

/** Colour from the unit's feature-state `colour`, or grey when it has no value. */
const STATE_COLOUR = ["to-color", ["coalesce", ["feature-state", "colour"], NO_DATA]];

/**
 * A complete MapLibre style for a twin.
 *
 * @param {object} meta `/api/meta`
 * @returns {object} style JSON
 */
export function buildStyle(meta) {
  const osm = "© OpenStreetMap contributors";
  return {
    version: 8,
    name: "DikaS",
    sources: {
      basemap_water: vectorSource("basemap_water", osm),
      basemap_green: vectorSource("basemap_green", osm),
      basemap_streets: vectorSource("basemap_streets", osm),
      areas: vectorSource("areas"),
      grid: vectorSource("grid"),
      buildings: vectorSource("buildings"),
      services: vectorSource("services"),
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#f2efe9" } },
      {
        id: "basemap-green", type: "fill", source: "basemap_green", "source-layer": "basemap_green",
        paint: { "fill-color": "#c8e6b0", "fill-opacity": 0.9 },
      },
      {
        id: "basemap-water", type: "fill", source: "basemap_water", "source-layer": "basemap_water",
        paint: { "fill-color": "#a9cfe8" },
      },
      {
        id: "areas-fill", type: "fill", source: "areas", "source-layer": "areas",
        paint: { "fill-color": STATE_COLOUR, "fill-opacity": 0.72 },
      },
      {
        id: "grid-fill", type: "fill", source: "grid", "source-layer": "grid",
        layout: { visibility: "none" },
        paint: { "fill-color": STATE_COLOUR, "fill-opacity": 0.72 },
      },
      {
        id: "basemap-streets", type: "line", source: "basemap_streets", "source-layer": "basemap_streets",
        minzoom: 11,
        paint: { "line-color": "#ffffff", "line-width": STREET_WIDTH, "line-opacity": 0.85 },
      },
      {
        id: "areas-outline", type: "line", source: "areas", "source-layer": "areas",
        paint: { "line-color": "#555555", "line-width": 0.6 },
      },
      {
        id: "selected-outline", type: "line", source: "areas", "source-layer": "areas",
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
        id: "buildings-3d", type: "fill-extrusion", source: "buildings", "source-layer": "buildings",
        minzoom: 12,
        paint: {
          "fill-extrusion-color": BUILDING_COLOUR,
          "fill-extrusion-height": ["coalesce", ["get", "height_m"], 6],
          "fill-extrusion-opacity": 0.92,
        },
      },
      {
        id: "services", type: "circle", source: "services", "source-layer": "services",
        paint: {
          "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 3, 16, 7],
          "circle-color": "#333333",
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 1,
        },
      },
    ],
  };
}
