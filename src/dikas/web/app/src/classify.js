// Classification of indicator values into colour classes, and the palettes used to draw them.

/** Sequential palette (ColorBrewer YlOrRd, 7 classes), light = low. */
export const SEQUENTIAL = ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"];

/** Diverging palette (ColorBrewer RdBu reversed, 7 classes) for before/after differences. */
export const DIVERGING = ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"];

/** Colour of units whose value is missing or suppressed. */
export const NO_DATA = "#bdbdbd";

/** Colour of units outside the reach of the indicator's source (see the dashed outline). */
export const OUTSIDE_COVERAGE = "#eeeeee";

/** Categorical colours for service types (ColorBrewer Paired + Set1 extras). */
const CATEGORICAL = [
  "#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928",
  "#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#e7298a",
];

/** A stable colour per service type, in the order the server lists them. */
export function serviceColours(serviceTypes) {
  const colours = {};
  serviceTypes.forEach((type, i) => {
    colours[type] = CATEGORICAL[i % CATEGORICAL.length];
  });
  return colours;
}

/** Pick `k` colours spread evenly over a palette. */
export function paletteOf(palette, k) {
  if (k <= 0) return [];
  if (k >= palette.length) return palette.slice();
  if (k === 1) return [palette[Math.floor(palette.length / 2)]];
  const out = [];
  for (let i = 0; i < k; i += 1) out.push(palette[Math.round((i * (palette.length - 1)) / (k - 1))]);
  return out;
}

/**
 * Class index of a value given ascending upper bounds (mapclassify `bins`): the first i with
 * value <= bins[i]; values above the last bound fall in the last class. null → -1.
 */
export function classOf(value, bins) {
  if (value === null || value === undefined || Number.isNaN(value)) return -1;
  for (let i = 0; i < bins.length; i += 1) if (value <= bins[i]) return i;
  return bins.length - 1;
}

/**
 * Symmetric breaks for a difference map: k classes centred on zero, so that the middle
 * colour means "no change".
 */
export function divergingBins(values, k = 7) {
  const finite = values.filter((v) => v !== null && Number.isFinite(v));
  const extent = finite.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const step = (2 * extent) / k;
  const bins = [];
  for (let i = 1; i <= k; i += 1) bins.push(-extent + i * step);
  bins[k - 1] = extent;
  return bins;
}

/** Short human formatting of a number (null → em dash). */
export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  if (typeof value !== "number") return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && abs < 1) return value.toFixed(abs < 0.01 ? 4 : 3);
  if (abs < 100) return value.toFixed(1).replace(/\.0$/, "");
  return Math.round(value).toLocaleString("en-US");
}

/** A share (0–1) as a percentage, e.g. `0.1925` → `19.3 %` (null → em dash). */
export function formatPercent(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return `${(100 * value).toFixed(1)} %`;
}
