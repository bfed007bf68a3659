// The area/cell profile panel: its year, key figures against the city (and district, with
// the rank "k of N" where the server gives them), age pyramid, income and education,
// accessibility per service type, heat and vulnerability, and trends over all years; two or
// more areas side by side. Every chart has its data table. Words from the app's catalogs.

import { agePyramid, barChart, esc, lineChart } from "./charts.js";
import { formatNumber, formatPercent } from "./classify.js";
import { t } from "./i18n.js";
import { describe } from "./registry.js";

const tr = (key, params) => t("app", key, params);

let registryNow = null;

/** A person's words for a figure's key: the catalog's, the registry's, or "other figure". */
function pretty(key) {
  const name = String(key);
  const own = `field.${name}`;
  if (tr(own) !== own) return tr(own);
  if (registryNow && registryNow.byId.has(name)) return registryNow.byId.get(name).label;
  const service = `service.${name}`;
  if (tr(service) !== service) return tr(service);
  return tr("field.unknown");
}

/** Person counts, which the server nulls below the privacy threshold at cell/building level. */
const PERSON_COUNT = /inhabitants|residents|population|persons|^age_|^children|^pensioners|^unemployed|^employed/;

/** Text for a value; a null person count at cell level was suppressed by the server. */
function valueText(value, { suppressed, minCount, name = "" }) {
  if (value === null || value === undefined) {
    return esc(suppressed && PERSON_COUNT.test(name) ? tr("profile.suppressed", { n: minCount }) : tr("profile.na"));
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
  { id: "rank", test: /(^|_)rank$/, table: true, noRef: true, note: "profile.rank_note" },
  { id: "probability", test: /(^|_)probability$/, heading: "unit.probability", format: formatPercent },
  { id: "share", test: /(^|_)share(_|$)|_rate$/, heading: "unit.share", format: formatPercent },
  { id: "euro", test: /(^|_)income$/, heading: "unit.euro" },
  { id: "persons", test: /(^|_)(residents|inhabitants|population|persons|people)$/, heading: "unit.persons" },
];

/** Values no name rule places that all lie within 0–1: indices (heat exposure, vulnerability). */
const INDEX = { id: "index", heading: "unit.index" };

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
  const bars = rows.map((r) => ({ name: r.key, label: pretty(r.key), value: r.value, ref: r.ref }));
  const heading = tr(unit.heading);
  return `<h4>${esc(heading)} · ${esc(tr("profile.bar_tick"))}</h4>${barChart(bars, { unit: unit.id, format: unit.format, title: heading })}`;
}

/** Text for a figure in its unit's format; missing values as {@link valueText} says. */
function figureText(value, unit, context) {
  return typeof value === "number" && unit.format ? esc(unit.format(value)) : valueText(value, context);
}

/** Figures a chart would not help with: ranks, lone values, unknown units, missing values. */
function figuresTable(rows, options) {
  const body = rows.map(({ key, label, value, ref, unit }) => `<tr data-name="${esc(key)}">`
    + `<td>${esc(pretty(key))}${unit.note ? ` <span class="muted">(${esc(tr(unit.note))})</span>` : ""}</td>`
    + `<td class="num">${figureText(value, unit, { ...options, name: key })}</td>`
    + `<td class="num">${unit.noRef ? "" : figureText(ref, unit, { suppressed: false })}</td></tr>`);
  return `<table class="figures">${headRow()}<tbody>${body.join("")}</tbody></table>`;
}

function headRow(extra = []) {
  return `<thead><tr><th scope="col">${esc(tr("profile.figure"))}</th><th scope="col" class="num">${esc(tr("profile.here"))}</th>`
    + `<th scope="col" class="num">${esc(tr("profile.city"))}</th>${extra.map((h) => `<th scope="col" class="num">${esc(h)}</th>`).join("")}</tr></thead>`;
}

function section(title, body, id = "") {
  return `<section${id ? ` data-section="${esc(id)}"` : ""}><h3>${esc(title)}</h3>${body}</section>`;
}

function notInTwin() {
  return `<p class="muted">${esc(tr("profile.not_in_twin"))}</p>`;
}

/**
 * A section of `{name: value}` figures: a bar chart per unit where it has two or more values,
 * everything else in a table of figures.
 */
function dictSection(id, title, object, options, prefix = "") {
  title += dataYears(object);
  if (!object || typeof object !== "object" || !Object.keys(object).length) {
    return section(title, notInTwin(), id);
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
  return years.length ? ` ${tr("profile.data_years", { years: years.join(", ") })}` : "";
}

/** `object` without the keys `shown` has (the server lists `vulnerability_heat…` under heat too). */
function withoutKeysOf(object, shown) {
  if (!object || !shown) return object;
  return Object.fromEntries(Object.entries(object).filter(([key]) => !(key in shown)));
}

/** Text of a key figure: a percentage for shares and rates, else a number. */
function figureValue(figure, value, options) {
  const share = /_share$|_rate$|^share:/.test(figure.name) || (registryNow && describe(registryNow, figure.name).percent);
  return typeof value === "number" && share ? esc(formatPercent(value)) : valueText(value, { ...options, name: figure.name });
}

/** "k of N" where the server ranks the figure (1 = highest). */
function rankText(figure) {
  const n = figure.rank_of ?? figure.of ?? figure.n;
  return typeof figure.rank === "number" && typeof n === "number" ? esc(tr("profile.rank", { rank: figure.rank, n })) : "";
}

function keyFigures(figures, options) {
  if (!figures || !figures.length) return section(tr("profile.key_figures"), notInTwin());
  const districts = figures.some((f) => f.district_value !== undefined);
  const ranks = figures.some((f) => typeof f.rank === "number");
  const extra = [...(districts ? [tr("profile.district")] : []), ...(ranks ? [tr("profile.rank_col")] : [])];
  const rows = figures.map((f) => `<tr data-name="${esc(f.name)}"><td>${esc(pretty(f.name) === tr("field.unknown") ? f.label || pretty(f.name) : pretty(f.name))}</td>`
    + `<td class="num">${figureValue(f, f.value, options)}</td>`
    + `<td class="num">${figureValue(f, f.city_value, { suppressed: false })}</td>`
    + (districts ? `<td class="num">${figureValue(f, f.district_value, { suppressed: false })}</td>` : "")
    + (ranks ? `<td class="num">${rankText(f)}</td>` : "") + "</tr>");
  return section(tr("profile.key_figures"), `<table class="figures">${headRow(extra)}<tbody>${rows.join("")}</tbody></table>`, "key");
}

const minutesOf = (row) => [row.walk_min, row.bike_min, row.transit_min];

function accessibility(rows, coverage = {}) {
  if (!rows || !rows.some((r) => minutesOf(r).some((m) => typeof m === "number"))) {
    return section(tr("profile.access"), `<p class="muted">${esc(tr("profile.not_computed"))}</p>`, "accessibility");
  }
  const body = rows.map((r) => `<tr><th scope="row">${esc(pretty(r.service_type))}</th><td class="num">${formatNumber(r.walk_min)}</td>`
    + `<td class="num">${formatNumber(r.bike_min)}</td><td class="num">${formatNumber(r.transit_min)}</td></tr>`);
  const head = ["profile.service", "profile.walk", "profile.bike", "profile.transit"]
    .map((k, i) => `<th scope="col"${i ? ' class="num"' : ""}>${esc(tr(k))}</th>`).join("");
  return section(tr("profile.access"),
    `<table class="figures"><thead><tr>${head}</tr></thead><tbody>${body.join("")}</tbody></table>`
    + coverageNote(coverage), "accessibility");
}

/**
 * Which share of the area's inhabitants its accessibility stands for (`{mode: share}`), where
 * the street network does not reach them all: the values average the cells it reaches.
 */
function coverageNote(coverage) {
  const partial = Object.entries(coverage || {}).filter(([, share]) => share < 0.995);
  if (!partial.length) return "";
  const shares = partial.map(([mode, share]) => `${formatPercent(share)} (${tr(`profile.${mode}`)})`).join(", ");
  return `<p class="muted coverage">${esc(tr("profile.coverage_note", { shares }))}</p>`;
}

const isShare = (key) => /_share$|_rate$/.test(key);

function trends(rows) {
  if (!rows || !rows.length) return section(tr("profile.trends", { from: "–", to: "–" }), `<p class="muted">${esc(tr("profile.trends_none"))}</p>`, "trends");
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => k !== "year")))];
  const charts = keys.map((key) => `<div class="trend" data-name="trend:${esc(key)}"><h4>${esc(pretty(key))}</h4>`
    + `${lineChart(rows.map((r) => ({ year: r.year, value: r[key] })), { title: pretty(key), format: isShare(key) ? formatPercent : formatNumber })}</div>`);
  return section(tr("profile.trends", { from: rows[0].year, to: rows[rows.length - 1].year }),
    `<p class="muted">${esc(tr("profile.axis_zero"))}</p>${charts.join("")}`, "trends");
}

/** Sources, each once (Paavo is listed once per year by the server). */
function sources(text) {
  const seen = new Set(String(text || "").split(/;\s*/).map((p) => p.replace(/\s*\((19|20)\d\d\)\s*$/, "").trim()).filter(Boolean));
  return seen.size ? `<details class="attribution"><summary>${esc(tr("attribution.more", { n: seen.size }))}</summary><p>${esc([...seen].join("; "))}</p></details>` : "";
}

/**
 * Render a profile response into the panel element.
 *
 * @param {HTMLElement} panel
 * @param {object} profile `/api/areas/{id}/profile` or `/api/cells/{id}/profile`
 * @param {{level: string, minCount: number, registry: object}} context
 */
export function renderProfile(panel, profile, { level, minCount, registry }) {
  registryNow = registry;
  panel.classList.remove("comparing");
  const options = { suppressed: level !== "areas", minCount };
  const pyramid = profile.age_pyramid && profile.age_pyramid.length ? agePyramid(profile.age_pyramid) : notInTwin();
  const year = profile.year ? ` <span class="year">${esc(tr("profile.year", { year: profile.year }))}</span>` : "";
  const district = profile.district && profile.district.name ? `<p class="muted">${esc(tr("profile.district_of", { name: profile.district.name }))}</p>` : "";
  const compare = level === "areas"
    ? `<p><button type="button" id="profile-compare">${esc(tr("profile.compare_add"))}</button></p><p class="muted compare-hint" hidden>${esc(tr("profile.compare_hint"))}</p>` : "";
  panel.querySelector(".profile-body").innerHTML = [
    `<h2 id="profile-title">${esc(profile.name || profile.id)} <small>${esc(profile.id)}</small>${year}</h2>`,
    district, compare,
    keyFigures(profile.key_figures, options),
    section(tr("profile.age"), pyramid, "age"),
    dictSection("income", tr("profile.income"), profile.income, options),
    dictSection("education", tr("profile.education"), profile.education, options),
    accessibility(profile.accessibility, profile.accessibility_coverage),
    dictSection("heat", tr("profile.heat"), withoutKeysOf(profile.heat, profile.vulnerability), options, "heat_"),
    dictSection("vulnerability", tr("profile.vulnerability"), profile.vulnerability, options, "vulnerability_"),
    trends(profile.trends),
    sources(profile.attribution),
  ].join("");
}

/**
 * Two or more areas side by side: each key figure per area, with the district (where the
 * server gives it), the city and the rank "k of N". `compared` is `/api/profiles/compare`'s
 * answer when the server has that route (ranks, districts), else null.
 */
export function renderComparison(panel, profiles, compared, { minCount, registry }) {
  registryNow = registry;
  const options = { suppressed: false, minCount };
  const byArea = new Map();
  for (const item of (compared && (compared.areas || compared.profiles)) || []) byArea.set(String(item.id), item);
  const names = [...new Set(profiles.flatMap((p) => (p.key_figures || []).map((f) => f.name)))];
  const figureOf = (profile, name) => {
    const richer = byArea.get(String(profile.id));
    const list = (richer && richer.key_figures) || profile.key_figures || [];
    return list.find((f) => f.name === name) || { name };
  };
  const head = `<thead><tr><th scope="col">${esc(tr("profile.figure"))}</th>`
    + profiles.map((p) => `<th scope="col" class="num">${esc(p.name || p.id)} <small>${esc(p.id)}</small></th>`).join("")
    + `<th scope="col" class="num">${esc(tr("profile.city_title"))}</th></tr></thead>`;
  const rows = names.map((name) => {
    const first = figureOf(profiles[0], name);
    const cells = profiles.map((p) => {
      const f = figureOf(p, name);
      const district = f.district_value !== undefined ? `<br><span class="muted">${esc(tr("profile.district"))}: ${figureValue(f, f.district_value, options)}</span>` : "";
      const rank = rankText(f) ? `<br><span class="muted">${rankText(f)}</span>` : "";
      return `<td class="num">${figureValue(f, f.value, options)}${district}${rank}</td>`;
    }).join("");
    return `<tr data-name="${esc(name)}"><th scope="row">${esc(pretty(name) === tr("field.unknown") ? first.label || pretty(name) : pretty(name))}</th>${cells}`
      + `<td class="num">${figureValue(first, first.city_value, options)}</td></tr>`;
  });
  const year = profiles[0] && profiles[0].year;
  const remove = profiles.map((p) => `<button type="button" data-remove="${esc(p.id)}">${esc(tr("profile.remove", { name: p.name || p.id }))}</button>`).join(" ");
  const trendKeys = [...new Set(profiles.flatMap((p) => (p.trends || []).flatMap((r) => Object.keys(r).filter((k) => k !== "year"))))];
  const trendCharts = trendKeys.map((key) => `<div class="trend-row" data-name="trend:${esc(key)}"><h4>${esc(pretty(key))}</h4><div class="side-by-side">`
    + profiles.map((p) => `<div><h5>${esc(p.name || p.id)}</h5>${lineChart((p.trends || []).map((r) => ({ year: r.year, value: r[key] })),
      { width: 220, title: `${pretty(key)}, ${p.name || p.id}`, format: isShare(key) ? formatPercent : formatNumber })}</div>`).join("")
    + "</div></div>").join("");
  panel.querySelector(".profile-body").innerHTML = [
    `<h2 id="profile-title">${esc(tr("profile.comparison", { year: year || "–" }))}</h2>`,
    `<p class="compare-actions">${remove} <button type="button" id="compare-end">${esc(tr("profile.clear_compare"))}</button></p>`,
    `<p class="muted">${esc(tr("profile.compare_hint"))}</p>`,
    section(tr("profile.key_figures"), `<div class="table-wrap wide" tabindex="0" role="region" aria-label="${esc(tr("profile.key_figures"))}"><table class="figures compare">${head}<tbody>${rows.join("")}</tbody></table></div>`, "compare"),
    section(tr("profile.trends", { from: "", to: "" }).replace(/\s*–\s*$/, ""), `<p class="muted">${esc(tr("profile.axis_zero"))}</p>${trendCharts}`, "compare-trends"),
    sources(profiles[0] && profiles[0].attribution),
  ].join("");
  panel.classList.add("comparing");
}
