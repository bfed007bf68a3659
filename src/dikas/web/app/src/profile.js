// The area/cell profile panel: key figures against the city average, age pyramid, income and
// education, accessibility per service type, heat and vulnerability, and trends over years.

import { agePyramid, barChart, esc, lineChart } from "./charts.js";
import { formatNumber, formatPercent } from "./classify.js";

const pretty = (key) => String(key).replace(/^share:/, "share of ").replace(/_/g, " ");

/** Person counts, which the server nulls below the privacy threshold at cell/building level. */
const PERSON_COUNT = /inhabitants|residents|population|persons|^age_|^children|^pensioners|^unemployed|^employed/;

/** Text for a value; a null person count at cell level was suppressed by the server. */
function valueText(value, { suppressed, minCount, name = "" }) {
  if (value === null || value === undefined) {
    return suppressed && PERSON_COUNT.test(name) ? `suppressed (&lt; ${minCount})` : "n/a";
  }
  return esc(formatNumber(value));
}

/**
 * The units of a section's values, told by their key names (the first match wins). Each unit
 * gets a chart of its own: on one scale with euros or with a count of residents, shares and
 * 0–1 indices shrink to nothing. `strip` is the part of a key its chart's heading says already;
 * `table` units are listed as figures, not drawn.
 */
const UNITS = [
  // 1 = the area (cell) with the highest index; the city value of a rank (the mean rank)
  // says nothing, so it is left out
  { id: "rank", test: /(^|_)rank$/, table: true, noRef: true, note: "1 = highest in the city" },
  { id: "probability", test: /(^|_)probability$/, heading: "probability (%)", strip: /_probability$/, format: formatPercent },
  { id: "share", test: /(^|_)share(_|$)|_rate$/, heading: "share (%)", strip: /_share$/, format: formatPercent },
  { id: "euro", test: /(^|_)income$/, heading: "€ per year", strip: /_income$/ },
  { id: "persons", test: /(^|_)(residents|inhabitants|population|persons|people)$/, heading: "persons" },
];

/** Values no name rule places that all lie within 0–1: indices (heat exposure, vulnerability). */
const INDEX = { id: "index", heading: "index (0–1)" };

/** Values of an unknown unit: listed one by one, never charted together. */
const OTHER = { id: "other", table: true };

const withinZeroOne = (v) => v === null || v === undefined || (v >= 0 && v <= 1);

function unitOf({ key, value, ref }) {
  return UNITS.find((unit) => unit.test.test(key))
    || (typeof value === "number" && withinZeroOne(value) && withinZeroOne(ref) ? INDEX : OTHER);
}

/**
 * A section's rows `{key, label, value, ref}` from either form the server sends:
 * `{key: {value, city_value}}` (heat, vulnerability) or `{key: value, …, city: {key: value}}`
 * (income, education). `prefix` (e.g. `heat_`) is left out of the labels: the section's title
 * says it.
 */
function sectionRows(object, prefix) {
  const city = object.city && typeof object.city === "object" ? object.city : {};
  return Object.entries(object).filter(([key]) => key !== "city").map(([key, entry]) => {
    const paired = entry !== null && typeof entry === "object" && !Array.isArray(entry);
    const label = prefix && key.startsWith(prefix) && key !== prefix ? key.slice(prefix.length) : key;
    return { key, label, value: paired ? entry.value : entry, ref: paired ? entry.city_value : city[key] };
  });
}

/** The rows of a section by unit, in the order the units first appear. */
function byUnit(rows) {
  const groups = new Map();
  for (const row of rows) {
    const unit = unitOf(row);
    groups.set(unit, [...(groups.get(unit) || []), row]);
  }
  return groups;
}

/** One unit's values as bars (here) with ticks (city). */
function unitChart(unit, rows) {
  const bars = rows.map((r) => ({
    name: r.key, label: pretty((unit.strip && r.label.replace(unit.strip, "")) || r.label), value: r.value, ref: r.ref,
  }));
  return `<h4>${esc(unit.heading)} · bar = here, tick = city</h4>${barChart(bars, { unit: unit.id, format: unit.format })}`;
}

/** Text for a figure in its unit's format; missing values as {@link valueText} says. */
function figureText(value, unit, context) {
  return typeof value === "number" && unit.format ? esc(unit.format(value)) : valueText(value, context);
}

/** Figures a chart would not help with: ranks, lone values, unknown units, missing values. */
function figuresTable(rows, options) {
  const body = rows.map(({ key, label, value, ref, unit }) => `<tr data-name="${esc(key)}">`
    + `<td>${esc(pretty(label))}${unit.note ? ` <span class="muted">(${esc(unit.note)})</span>` : ""}</td>`
    + `<td class="num">${figureText(value, unit, { ...options, name: key })}</td>`
    + `<td class="num">${unit.noRef ? "" : figureText(ref, unit, { suppressed: false })}</td></tr>`);
  return `<table class="figures"><thead><tr><th></th><th>here</th><th>city</th></tr></thead><tbody>${body.join("")}</tbody></table>`;
}

function section(title, body, id = "") {
  return `<section${id ? ` data-section="${esc(id)}"` : ""}><h3>${esc(title)}</h3>${body}</section>`;
}

/**
 * A section of `{name: value}` figures: a bar chart per unit where it has two or more values,
 * everything else in a table of figures.
 */
function dictSection(title, object, options, prefix = "") {
  const id = title.toLowerCase();
  title += dataYears(object);
  if (!object || typeof object !== "object" || !Object.keys(object).length) {
    return section(title, '<p class="muted">Not in this twin.</p>', id);
  }
  const charts = [];
  const figures = [];
  for (const [unit, rows] of byUnit(sectionRows(object, prefix))) {
    const numeric = unit.table ? [] : rows.filter((r) => typeof r.value === "number");
    const drawn = numeric.length > 1 ? numeric : [];
    if (drawn.length) charts.push(unitChart(unit, drawn));
    figures.push(...rows.filter((r) => !drawn.includes(r)).map((r) => ({ ...r, unit })));
  }
  return section(title, charts.join("") + (figures.length ? figuresTable(figures, options) : ""), id);
}

/**
 * The data years of a section's `{value, city_value, year}` entries, e.g. " (2023 data)":
 * heat and vulnerability come from their own vintages, whatever year the profile shows.
 */
function dataYears(object) {
  const years = [...new Set(Object.values(object || {}).map((entry) => entry && entry.year)
    .filter((year) => typeof year === "number"))].sort();
  return years.length ? ` (${years.join(", ")} data)` : "";
}

/** `object` without the keys `shown` has (the server lists `vulnerability_heat…` under heat too). */
function withoutKeysOf(object, shown) {
  if (!object || !shown) return object;
  return Object.fromEntries(Object.entries(object).filter(([key]) => !(key in shown)));
}

function keyFigures(figures, options) {
  if (!figures || !figures.length) return section("Key figures", '<p class="muted">Not in this twin.</p>');
  const rows = figures.map((f) => `<tr data-name="${esc(f.name)}"><td>${esc(f.label || pretty(f.name))}</td>`
    + `<td class="num">${valueText(f.value, { ...options, name: f.name })}</td>`
    + `<td class="num">${valueText(f.city_value, { suppressed: false })}</td></tr>`);
  return section("Key figures", `<table class="figures"><thead><tr><th></th><th>here</th><th>city</th></tr></thead><tbody>${rows.join("")}</tbody></table>`);
}

const minutesOf = (row) => [row.walk_min, row.bike_min, row.transit_min];

function accessibility(rows, coverage = {}) {
  if (!rows || !rows.some((r) => minutesOf(r).some((m) => typeof m === "number"))) {
    return section("Accessibility", '<p class="muted">Not computed in this twin.</p>');
  }
  const body = rows.map((r) => `<tr><td>${esc(pretty(r.service_type))}</td><td class="num">${formatNumber(r.walk_min)}</td>`
    + `<td class="num">${formatNumber(r.bike_min)}</td><td class="num">${formatNumber(r.transit_min)}</td></tr>`);
  return section("Accessibility (minutes to nearest)",
    `<table class="figures"><thead><tr><th></th><th>walk</th><th>bike</th><th>transit</th></tr></thead><tbody>${body.join("")}</tbody></table>`
    + coverageNote(coverage));
}

/**
 * Which share of the area's inhabitants its accessibility stands for (`{mode: share}`), where
 * the street network does not reach them all: the values average the cells it reaches.
 */
function coverageNote(coverage) {
  const partial = Object.entries(coverage || {}).filter(([, share]) => share < 0.995);
  if (!partial.length) return "";
  const shares = partial.map(([mode, share]) => `${formatPercent(share)} (${mode})`).join(", ");
  return `<p class="muted coverage">These values average the cells the street network reaches: ${esc(shares)} of the area's inhabitants.</p>`;
}

function trends(rows) {
  if (!rows || !rows.length) return section("Trends", '<p class="muted">No yearly data.</p>');
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => k !== "year")))];
  const charts = keys.slice(0, 6).map((key) => `<div class="trend"><h4>${esc(pretty(key))}</h4>`
    + `${lineChart(rows.map((r) => ({ year: r.year, value: r[key] })))}</div>`);
  return section(`Trends ${rows[0].year}–${rows[rows.length - 1].year}`, charts.join(""));
}

/**
 * Render a profile response into the panel element.
 *
 * @param {HTMLElement} panel
 * @param {object} profile `/api/areas/{id}/profile` or `/api/cells/{id}/profile`
 * @param {{level: string, minCount: number}} context
 */
export function renderProfile(panel, profile, { level, minCount }) {
  const options = { suppressed: level !== "areas", minCount };
  const pyramid = profile.age_pyramid && profile.age_pyramid.length
    ? agePyramid(profile.age_pyramid) : '<p class="muted">Not in this twin.</p>';
  panel.querySelector(".profile-body").innerHTML = [
    `<h2 id="profile-title">${esc(profile.name || profile.id)} <small>${esc(profile.id)}</small></h2>`,
    keyFigures(profile.key_figures, options),
    section("Age structure (% of inhabitants; tick = city)", pyramid),
    dictSection("Income", profile.income, options),
    dictSection("Education", profile.education, options),
    accessibility(profile.accessibility, profile.accessibility_coverage),
    dictSection("Heat", withoutKeysOf(profile.heat, profile.vulnerability), options, "heat_"),
    dictSection("Vulnerability", profile.vulnerability, options, "vulnerability_"),
    trends(profile.trends),
    profile.attribution ? `<p class="attribution">Sources: ${esc(profile.attribution)}</p>` : "",
  ].join("");
}
