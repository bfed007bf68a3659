// deck.gl layers over the map: scenario edits being drawn and stakeholder comments. Loaded on
// first use (a dynamic import), so the first map never waits for deck.gl or its shaders.

import { MapboxOverlay } from "@deck.gl/mapbox";
import { IconLayer, PathLayer, PolygonLayer, ScatterplotLayer } from "@deck.gl/layers";

import { CATEGORY_COLOURS } from "./comments.js";

function tooltip({ object }) {
  const p = object && object.properties;
  return p && `${p.text}${p.author_name ? ` — ${p.author_name}` : ""}`;
}

// A speech balloon, not a dot: comments must not look like the service points (circles).
// Drawn once into a canvas (an icon URL would be fetched, which the CSP's connect-src
// refuses for data: URLs); white, so that deck.gl tints it with the category colour.
const BALLOON_PATH = "M6 4h36a4 4 0 0 1 4 4v22a4 4 0 0 1-4 4H22l-10 11v-11H6a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4z";
const BALLOON_MAPPING = { balloon: { x: 0, y: 0, width: 48, height: 48, anchorY: 45, mask: true } };
let balloonAtlas = null;
function balloon() {
  if (!balloonAtlas) {
    balloonAtlas = document.createElement("canvas");
    balloonAtlas.width = 48;
    balloonAtlas.height = 48;
    const context = balloonAtlas.getContext("2d");
    context.fillStyle = "#fff";
    context.fill(new Path2D(BALLOON_PATH));
  }
  return balloonAtlas;
}
/** Name of the symbol comments are drawn with. */
export const COMMENT_SYMBOL = "balloon";

/** A deck.gl overlay for a MapLibre map (add it with `map.addControl`). */
export function createOverlay() {
  return new MapboxOverlay({ interleaved: false, layers: [], getTooltip: tooltip });
}

function categoryColour(f, alpha) {
  return [...(CATEGORY_COLOURS[f.properties.category] || [90, 90, 90]), f.properties.hidden ? Math.round(alpha / 3) : alpha];
}

/**
 * The overlay's layers.
 *
 * @param {{points: object[], moves: object[], polygons: object[], drawing: number[][]}} edits
 *   scenario edits in progress (ScenarioEditor.overlayData)
 * @param {{points: object[], areas: object[], drawing: number[][]}} comments comment points
 *   and areas (GeoJSON features) and an area comment being drawn (CommentBoard.overlayData)
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
    new PolygonLayer({
      id: "comment-areas", data: comments.areas, pickable: true,
      getPolygon: (f) => f.geometry.coordinates,
      getFillColor: (f) => categoryColour(f, 60), getLineColor: (f) => categoryColour(f, 255),
      lineWidthUnits: "pixels", getLineWidth: 2, lineWidthMinPixels: 2,
    }),
    new PathLayer({
      id: "comment-drawing", data: comments.drawing.length > 1 ? [{ path: comments.drawing }] : [],
      getPath: (d) => d.path, getColor: [33, 33, 33, 255], widthMinPixels: 2,
    }),
    new ScatterplotLayer({
      id: "comment-corners", data: comments.drawing, getPosition: (d) => d,
      getFillColor: [33, 33, 33, 255], radiusUnits: "pixels", getRadius: 4,
    }),
    new IconLayer({
      id: "comments", data: comments.points, pickable: true,
      getPosition: (f) => f.geometry.coordinates,
      iconAtlas: balloon(), iconMapping: BALLOON_MAPPING, getIcon: () => COMMENT_SYMBOL,
      getColor: (f) => categoryColour(f, 255), sizeUnits: "pixels", getSize: 26,
      billboard: true,
    }),
  ];
}
