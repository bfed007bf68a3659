// The area/cell profile panel: key figures against the city average, age pyramid, income and
// education, accessibility per service type, heat and vulnerability, and trends over years.

import { agePyramid, barChart, esc, lineChart } from "./charts.js";
import { formatNumber } from "./classify.js";

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

/** Flatten `{a: 1, b: {c: 2}}` into labelled numeric rows and text rows. */
function flatten(object, prefix = "") {
  const numeric = [];
  const text = [];
  for (const [key, value] of Object.entries(object || {})) {
    const label = prefix ? `${prefix} ${pretty(key)}` : pretty(key);
    if (typeof value === "number" || value === null) numeric.push({ key, label, value });
    else if (value && typeof value === "object" && !Array.isArray(value)) {
      const inner = flatten(value, label);
      numeric.push(...inner.numeric);
      text.push(...inner.text);
    } else text.push({ label, value });
  }
  return { numeric, text };
}

function section(title, body) {
  return `<section><h3>${esc(title)}</h3>${body}</section>`;
}

function dictSection(title, object, options) {
  if (!object || typeof object !== "object" || !Object.keys(object).length) {
    return section(title, '<p class="muted">Not in this twin.</p>');
  }
  const { numeric, text } = flatten(object);
  const nulls = numeric.filter((r) => r.value === null)
    .map((r) => `<li>${esc(r.label)}: ${valueText(null, { ...options, name: r.key })}</li>`).join("");
  const texts = text.map((r) => `<li>${esc(r.label)}: ${esc(r.value)}</li>`).join("");
  return section(title, barChart(numeric) + (nulls || texts ? `<ul class="plain">${nulls}${texts}</ul>` : ""));
}

function keyFigures(figures, options) {
  if (!figures || !figures.length) return section("Key figures", '<p class="muted">Not in this twin.</p>');
  const rows = figures.map((f) => `<tr data-name="${esc(f.name)}"><td>${esc(f.label || pretty(f.name))}</td>`
    + `<td class="num">${valueText(f.value, { ...options, name: f.name })}</td>`
    + `<td class="num">${valueText(f.city_value, { suppressed: false })}</td></tr>`);
  return section("Key figures", `<table class="figures"><thead><tr><th></th><th>here</th><th>city</th></tr></thead><tbody>${rows.join("")}</tbody></table>`);
}

function accessibility(rows) {
  if (!rows || !rows.length) return section("Accessibility", '<p class="muted">Not computed in this twin.</p>');
  const body = rows.map((r) => `<tr><td>${esc(pretty(r.service_type))}</td><td class="num">${formatNumber(r.walk_min)}</td>`
    + `<td class="num">${formatNumber(r.bike_min)}</td><td class="num">${formatNumber(r.transit_min)}</td></tr>`);
  return section("Accessibility (minutes to nearest)",
    `<table class="figures"><thead><tr><th></th><th>walk</th><th>bike</th><th>transit</th></tr></thead><tbody>${body.join("")}</tbody></table>`);
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
    section("Age structure (share; tick = city)", pyramid),
    dictSection("Income", profile.income, options),
    dictSection("Education", profile.education, options),
    accessibility(profile.accessibility),
    dictSection("Heat", profile.heat, options),
    dictSection("Vulnerability", profile.vulnerability, options),
    trends(profile.trends),
    profile.attribution ? `<p class="attribution">Sources: ${esc(profile.attribution)}</p>` : "",
  ].join("");
}
