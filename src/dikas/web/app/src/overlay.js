// deck.gl layers over the map: scenario edits being drawn and stakeholder comments. Loaded on
// first use (a dynamic import), so the first map never waits for deck.gl or its shaders.

import { MapboxOverlay } from "@deck.gl/mapbox";
import { PathLayer, PolygonLayer, ScatterplotLayer } from "@deck.gl/layers";

import { CATEGORY_COLOURS } from "./comments.js";

function tooltip({ object }) {
  const p = object && object.properties;
  return p && `${p.category}: ${p.text}${p.author ? ` — ${p.author}` : ""}`;
}

/** A deck.gl overlay for a MapLibre map (add it with `map.addControl`). */
export function createOverlay() {
  return new MapboxOverlay({ interleaved: false, layers: [], getTooltip: tooltip });
}

/**
 * The overlay's layers.
 *
 * @param {{points: object[], moves: object[], polygons: object[], drawing: number[][]}} edits
 *   scenario edits in progress (ScenarioEditor.overlayData)
 * @param {object[]} comments GeoJSON point features of the comments
 */
export function overlayLayers(edits, comments) {
  return [
    new PolygonLayer({
      id: "scenario-housing", data: edits.polygons, getPolygon: (d) => d.polygon,
      getFillColor: [128, 0, 128, 90], getLineColor: [128, 0, 128, 255], lineWidthMinPixels: 2,
    }),
    new PathLayer({
      id: "scenario-drawing", data: edits.drawing.length > 1 ? [{ path: edits.drawing }] : [],
      getPath: (d) => d.path, getColor: [128, 0, 128, 255], widthMinPixels: 2,
    }),
    new PathLayer({
      id: "scenario-moves", data: edits.moves, getPath: (d) => d.path,
      getColor: [0, 0, 0, 200], widthMinPixels: 2,
    }),
    new ScatterplotLayer({
      id: "scenario-points", data: [...edits.points, ...edits.drawing.map(([lon, lat]) => ({ lon, lat }))],
      getPosition: (d) => [d.lon, d.lat], getFillColor: [128, 0, 128, 255], getLineColor: [255, 255, 255, 255],
      stroked: true, billboard: true, radiusUnits: "pixels", getRadius: 6, lineWidthUnits: "pixels", getLineWidth: 2,
    }),
    new ScatterplotLayer({
      id: "comments", data: comments, pickable: true,
      getPosition: (f) => f.geometry.coordinates,
      getFillColor: (f) => [...(CATEGORY_COLOURS[f.properties.category] || [90, 90, 90]), f.properties.hidden ? 90 : 255],
      getLineColor: [0, 0, 0, 255], stroked: true, billboard: true,
      radiusUnits: "pixels", getRadius: 7, lineWidthUnits: "pixels", getLineWidth: 1.5,
    }),
  ];
}
