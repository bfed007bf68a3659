// Classification of indicator values into colour classes, and the palettes used to draw them.

import { language } from "./i18n.js";

const LOCALES = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** Sequential palette (ColorBrewer YlOrRd, 7 classes), light = low. */
export const SEQUENTIAL = ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"];

/**
 * Diverging palette (ColorBrewer PuOr, 7 classes) for before/after differences, from worse
 * (orange) to better (purple); where an indicator has no direction, from decrease to increase.
 * Distinct for the common kinds of colour-vision deficiency.
 */
export const DIVERGING = ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"];

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

/** Short human formatting of a number in the app's language (null → en dash). */
export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  if (typeof value !== "number") return String(value);
  const abs = Math.abs(value);
  let decimals = 0;
  if (abs !== 0 && abs < 1) decimals = abs < 0.01 ? 4 : 3;
  else if (abs < 100) decimals = 1;
  return new Intl.NumberFormat(LOCALES[language()] || "en-GB", { maximumFractionDigits: decimals }).format(value);
}

/** A share (0–1) as a percentage in the app's language, e.g. `0.1925` → `19.3 %` / `19,3 %`. */
export function formatPercent(value, decimals = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return new Intl.NumberFormat(LOCALES[language()] || "en-GB", {
    style: "percent", minimumFractionDigits: decimals, maximumFractionDigits: decimals,
  }).format(value);
}

/** A value as its registry entry says: a percentage for shares, else a plain number. */
export function formatValue(value, entry) {
  if (entry && entry.percent) return formatPercent(value, entry.decimals ?? 1);
  if (entry && typeof entry.decimals === "number" && typeof value === "number") {
    return new Intl.NumberFormat(LOCALES[language()] || "en-GB", {
      minimumFractionDigits: entry.decimals, maximumFractionDigits: entry.decimals,
    }).format(value);
  }
  return formatNumber(value);
}
