// Small SVG charts for the profile panel, generated as strings (no chart library, no CDN).

import { formatNumber, formatPercent } from "./classify.js";

const esc = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Horizontal bars, one per row, all on one scale (so all rows must share one unit); an
 * optional reference value per row (the city's) is drawn as a tick, not as a bar of its own.
 * `unit` names that unit on the chart (`data-unit`), `format` writes its values.
 */
export function barChart(rows, { width = 300, colour = "#3182bd", refColour = "#000", unit = "", format = formatNumber } = {}) {
  const data = rows.filter((r) => typeof r.value === "number");
  if (!data.length) return '<p class="muted">No data.</p>';
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
  return `<svg class="chart bars" data-unit="${esc(unit)}" width="${width}" height="${data.length * rowH}" role="img">${bars.join("")}</svg>`;
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
  return suppressed ? `${chart}<p class="muted">${suppressed} age band(s) suppressed.</p>` : chart;
}

/** A line chart of one series over years. */
export function lineChart(points, { width = 300, height = 90, colour = "#e6550d" } = {}) {
  const data = points.filter((p) => typeof p.value === "number");
  if (data.length < 1) return '<p class="muted">No data.</p>';
  const pad = 26;
  const xs = data.map((p) => p.year);
  const ys = data.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const sx = (x) => pad + ((width - 2 * pad) * (x - x0)) / Math.max(x1 - x0, 1);
  const sy = (y) => height - pad + 10 - ((height - pad) * (y - y0)) / (y1 - y0);
  const path = data.map((p, i) => `${i ? "L" : "M"}${sx(p.year).toFixed(1)},${sy(p.value).toFixed(1)}`).join("");
  const dots = data.map((p) => `<circle cx="${sx(p.year)}" cy="${sy(p.value)}" r="3" fill="${colour}"><title>${p.year}: ${formatNumber(p.value)}</title></circle>`
    + `<text x="${sx(p.year)}" y="${height - 2}" text-anchor="middle">${p.year}</text>`).join("");
  return `<svg class="chart" width="${width}" height="${height}" role="img">`
    + `<text x="2" y="10">${formatNumber(y1)}</text><text x="2" y="${height - pad + 10}">${formatNumber(y0)}</text>`
    + `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>${dots}</svg>`;
}

export { esc };
