// Small SVG charts for the profile panel, generated as strings (no chart library, no CDN).

import { formatNumber, formatPercent } from "./classify.js";
import { t } from "./i18n.js";

const esc = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Horizontal bars, one per row, all on one scale (so all rows must share one unit); an
 * optional reference value per row (the city's) is drawn as a tick, not as a bar of its own.
 * `unit` names that unit on the chart (`data-unit`), `format` writes its values.
 */
export function barChart(rows, { width = 300, colour = "#3182bd", refColour = "#000", unit = "", format = formatNumber, title = "" } = {}) {
  const data = rows.filter((r) => typeof r.value === "number");
  if (!data.length) return `<p class="muted">${esc(t("app", "profile.no_data"))}</p>`;
  const rowH = 18;
  const labelW = 120;
  const max = Math.max(...data.map((r) => Math.max(r.value, r.ref ?? 0)), 1e-9);
  const scale = (v) => ((width - labelW - 50) * Math.max(v, 0)) / max;
  const bars = data.map((r, i) => {
    const y = i * rowH;
    const hasRef = typeof r.ref === "number";
    // the bar carries its row's figures (`data-name`, `data-value`, `data-ref`) for tests
    const attrs = `${r.name === undefined ? "" : ` data-name="${esc(r.name)}"`} data-value="${r.value}"${hasRef ? ` data-ref="${r.ref}"` : ""}`;
    const ref = hasRef
      ? `<line x1="${labelW + scale(r.ref)}" x2="${labelW + scale(r.ref)}" y1="${y}" y2="${y + rowH - 3}" stroke="${refColour}" stroke-width="2"><title>city: ${format(r.ref)}</title></line>`
      : "";
    return `<text x="${labelW - 4}" y="${y + 12}" text-anchor="end">${esc(r.label)}</text>`
      + `<rect x="${labelW}" y="${y + 2}" width="${scale(r.value)}" height="${rowH - 6}" fill="${colour}"${attrs}><title>${esc(r.label)}: ${format(r.value)}</title></rect>`
      // the figure goes right of the bar and of the tick, so the tick never crosses it
      + `<text x="${labelW + Math.max(scale(r.value), scale(r.ref ?? 0)) + 4}" y="${y + 12}">${format(r.value)}</text>${ref}`;
  });
  const svg = `<svg class="chart bars" data-unit="${esc(unit)}" width="${width}" height="${data.length * rowH}" role="img" aria-label="${esc(title || unit)}">${bars.join("")}</svg>`;
  return svg + dataTable(data.map((r) => [r.label, format(r.value), typeof r.ref === "number" ? format(r.ref) : "–"]),
    ["", t("app", "profile.here"), t("app", "profile.city")]);
}

/** The figures of a chart as a table (its text alternative), folded under the chart. */
export function dataTable(rows, head) {
  return `<details class="chart-table"><summary>${esc(t("app", "profile.table"))}</summary><table class="figures">`
    + `<thead><tr>${head.map((h, i) => (i ? `<th scope="col" class="num">${esc(h)}</th>` : `<th scope="col">${esc(h)}</th>`)).join("")}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i ? `<td class="num">${esc(c)}</td>` : `<th scope="row">${esc(c)}</th>`)).join("")}</tr>`).join("")}</tbody></table></details>`;
}

/** Age pyramid as a single-sided bar chart from youngest (bottom) to oldest (top). */
export function agePyramid(bands, { width = 300 } = {}) {
  const shares = bands.every((b) => b.share === undefined || b.share === null || typeof b.share === "number")
    && bands.some((b) => typeof b.share === "number");
  const rows = bands.filter((b) => b && b.band !== undefined).slice().reverse()
    .map((b) => (shares
      ? { name: b.band, label: `${b.band} (${formatNumber(b.value)})`, value: b.share, ref: b.city_share }
      : { name: b.band, label: b.band, value: b.value }));
  const suppressed = bands.filter((b) => b && b.value === null).length;
  const unit = shares ? { unit: "share", format: formatPercent } : { unit: "persons" };
  const chart = barChart(rows, { width, colour: "#756bb1", ...unit });
  return suppressed ? `${chart}<p class="muted">${esc(t("app", "profile.suppressed_bands", { n: suppressed }))}</p>` : chart;
}

/**
 * A line chart of one series over all its years. The value axis starts at zero (an honest
 * picture of the change) and is labelled at 0 and at the top; a data table follows.
 */
export function lineChart(points, { width = 300, height = 100, colour = "#c0440a", format = formatNumber, title = "" } = {}) {
  const data = points.filter((p) => typeof p.value === "number");
  if (data.length < 1) return `<p class="muted">${esc(t("app", "profile.no_data"))}</p>`;
  const pad = 30;
  const xs = points.map((p) => p.year);
  const ys = data.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const y0 = Math.min(0, ...ys);
  let y1 = Math.max(0, ...ys);
  if (y1 === y0) y1 = y0 + 1;
  const sx = (x) => pad + 14 + ((width - 2 * pad - 14) * (x - x0)) / Math.max(x1 - x0, 1);
  const sy = (y) => height - 16 - ((height - 26) * (y - y0)) / (y1 - y0);
  const path = data.map((p, i) => `${i ? "L" : "M"}${sx(p.year).toFixed(1)},${sy(p.value).toFixed(1)}`).join("");
  const dots = data.map((p) => `<circle cx="${sx(p.year)}" cy="${sy(p.value)}" r="3" fill="${colour}"><title>${p.year}: ${format(p.value)}</title></circle>`).join("");
  const years = xs.map((y) => `<text x="${sx(y)}" y="${height - 2}" text-anchor="middle">${y}</text>`).join("");
  const svg = `<svg class="chart line" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" data-y0="${y0}">`
    + `<line x1="${pad + 10}" x2="${width - pad}" y1="${sy(y0)}" y2="${sy(y0)}" stroke="#767676"/>`
    + `<text x="2" y="14">${format(y1)}</text><text x="2" y="${sy(y0) + 3}">${format(y0)}</text>`
    + `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>${dots}${years}</svg>`;
  return svg + dataTable(points.map((p) => [String(p.year), format(p.value)]), [t("app", "year.label"), title]);
}

export { esc };
