// What-if scenarios in the browser: place or move services, draw housing, run, compare.
// Edits follow the scenario format of `dikas scenario run` (docs/web-api.md).

import { getJson, postJson } from "./api.js";
import { esc } from "./charts.js";
import { formatNumber } from "./classify.js";
import { t } from "./i18n.js";

const tr = (key, params) => t("app", key, params);

/** Centroid of a closed ring (lon/lat), by the shoelace formula; vertex mean if degenerate. */
/** An error's message without the request path the API client puts in front of it. */
function plainError(error) {
  return String(error.message || error).replace(/^\/api\/[^:]*:\s*/, "");
}

export function ringCentroid(ring) {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(area) < 1e-15) {
    const n = ring.length - 1;
    return [ring.slice(0, n).reduce((s, p) => s + p[0], 0) / n, ring.slice(0, n).reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * area), cy / (3 * area)];
}

/** The key of a diff row in `maps`: `indicator|measure|population_group` (parts present). */
function diffKey(row) {
  return [row.indicator, row.measure, row.population_group].filter((p) => p !== undefined && p !== null).join("|");
}

/**
 * Scenario maps as `{key: {level, label, before, after, change}}`, from either form the server
 * may send: the full form, or `{key: {postal_code: change}}` with before/after taken from the
 * matching `diff.areas` rows.
 */
export function normalizeMaps(result) {
  const out = {};
  for (const [key, spec] of Object.entries(result.maps || {})) {
    if (spec && typeof spec.change === "object" && spec.change !== null) {
      out[key] = { level: spec.level || "areas", label: spec.label || key, ...spec };
      continue;
    }
    const before = {};
    const after = {};
    for (const row of (result.diff && result.diff.areas) || []) {
      if (diffKey(row) !== key || row.postal_code === undefined) continue;
      before[row.postal_code] = row.before ?? null;
      after[row.postal_code] = row.after ?? null;
    }
    out[key] = { level: "areas", label: key.split("|").join(" · ").replace(/_/g, " "), before, after, change: spec || {} };
  }
  return out;
}

/** "better" / "worse" / "no change" of a row's change, as a word and a class. */
function verdict(better, change) {
  if (change === 0 || change === null || change === undefined) return ["unchanged", tr("scenario.unchanged")];
  if (better === true) return ["better", tr("scenario.better")];
  if (better === false) return ["worse", tr("scenario.worse")];
  return ["", ""];
}

/**
 * The summary's before/after/change table (`summary.table`), labelled by the server in the
 * reader's language; the change is coloured and worded by direction (better/worse). Each row
 * is one line per group, so the table fits the sidebar (indicator as a row header above).
 */
export function summaryTable(rows) {
  if (!rows || !rows.length) return "";
  const head = ["scenario.col.group", "scenario.col.before", "scenario.col.after", "scenario.col.change"]
    .map((k, i) => `<th scope="col"${i ? ' class="num"' : ""}>${esc(tr(k))}</th>`).join("");
  let body = "";
  let last = null;
  for (const row of rows) {
    if (row.label !== last) {
      body += `<tr class="indicator-row"><th scope="colgroup" colspan="4">${esc(row.label)}${row.unit ? ` <span class="muted">(${esc(row.unit)})</span>` : ""}</th></tr>`;
      last = row.label;
    }
    const [cls, word] = verdict(row.better, row.change);
    const text = (value, written) => esc(written ?? formatNumber(value));
    body += `<tr class="${cls}" data-indicator="${esc(row.indicator || "")}" data-group="${esc(row.population_group || "")}">`
      + `<th scope="row">${esc(row.group || "")}</th><td class="num">${text(row.before, row.before_text)}</td>`
      + `<td class="num">${text(row.after, row.after_text)}</td>`
      + `<td class="num change">${text(row.change, row.change_text)}${word ? ` <span class="verdict">${esc(word)}</span>` : ""}</td></tr>`;
  }
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(tr("scenario.table_caption"))}"><table class="diff summary"><caption>${esc(tr("scenario.table_caption"))}</caption>`
    + `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Two runs side by side (`/api/scenarios/compare`): the shared before and each run's after and change. */
export function comparisonTable(body) {
  const a = body.a.name || body.a.id;
  const b = body.b.name || body.b.id;
  const head = [tr("scenario.col.group"), tr("scenario.col.before"), tr("scenario.col.change_of", { name: a }), tr("scenario.col.change_of", { name: b })]
    .map((h, i) => `<th scope="col"${i ? ' class="num"' : ""}>${esc(h)}</th>`).join("");
  let rows = "";
  let last = null;
  for (const row of body.table || []) {
    if (row.label !== last) {
      rows += `<tr class="indicator-row"><th scope="colgroup" colspan="4">${esc(row.label)}</th></tr>`;
      last = row.label;
    }
    const cell = (suffix) => {
      const [cls, word] = verdict(row[`better_${suffix}`], row[`change_${suffix}`]);
      const text = row[`change_text_${suffix}`] ?? formatNumber(row[`change_${suffix}`]);
      return `<td class="num change ${cls}">${esc(text)}${word ? ` <span class="verdict">${esc(word)}</span>` : ""}</td>`;
    };
    rows += `<tr><th scope="row">${esc(row.group || "")}</th><td class="num">${esc(row.before_text ?? formatNumber(row.before))}</td>${cell("a")}${cell("b")}</tr>`;
  }
  const title = tr("scenario.compare_title", { a, b });
  return `<h4>${esc(title)}</h4><div class="table-wrap" tabindex="0" role="region" aria-label="${esc(title)}"><table class="diff compare">`
    + `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The editor's own kinds of edit, placed at lon/lat: the ones a shared run brings back into it. */
const EDITABLE = ["add_service", "move_service", "add_housing"];

function editable(edit) {
  const [kind, spec] = (edit && typeof edit === "object" && Object.entries(edit)[0]) || [];
  return EDITABLE.includes(kind) && typeof spec.lon === "number" && typeof spec.lat === "number";
}

/** Moves with where each service stood (`_from`, from the twin's services), for the overlay's arrow. */
async function withMoveOrigins(edits) {
  return Promise.all(edits.map(async (edit) => {
    if (!edit.move_service) return edit;
    try {
      const service = await getJson(`/ogc/collections/services/items/${encodeURIComponent(edit.move_service.service_id)}`);
      return { ...edit, _from: service.geometry.coordinates };
    } catch (_) {
      return edit; // drawn as its new point only
    }
  }));
}

/**
 * The scenario editor. `app` gives access to the map state: `setMode(mode)`, `refreshOverlay()`,
 * `showScenarioMap(map, kind)`, `clearScenarioMap()`, `serviceTypes`.
 */
export class ScenarioEditor {
  constructor(root, app) {
    this.root = root;
    this.app = app;
    this.edits = [];
    this.drawing = [];
    this.moving = null;
    this.result = null;
    this.area = null;
    this.runs = [];
    this.relabel();
    root.querySelector("#scenario-name").value = tr("scenario.name_default");
    root.querySelector("#scenario-add-service").addEventListener("click", () => app.setMode("add-service"));
    root.querySelector("#scenario-add-at-area").addEventListener("click", () => this.addAtArea());
    root.querySelector("#scenario-compare-run").addEventListener("click", () => this.compare());
    root.querySelector("#scenario-move-service").addEventListener("click", () => app.setMode("move-pick"));
    root.querySelector("#scenario-draw-housing").addEventListener("click", () => {
      this.drawing = [];
      app.setMode("draw-housing");
    });
    root.querySelector("#scenario-finish-housing").addEventListener("click", () => this.finishHousing());
    root.querySelector("#scenario-run").addEventListener("click", () => this.run());
    root.querySelector("#scenario-clear").addEventListener("click", () => this.clear());
    root.querySelector("#scenario-map-kind").addEventListener("change", () => this.drawMap());
    root.querySelector("#scenario-map-indicator").addEventListener("change", () => this.drawMap());
  }

  /** Words that depend on the language: service types, the selected area, the result. */
  relabel() {
    const select = this.root.querySelector("#scenario-service-type");
    const chosen = select.value;
    select.innerHTML = this.app.serviceTypes
      .map((type) => `<option value="${esc(type)}">${esc(this.app.serviceLabel(type))}</option>`).join("");
    if (chosen) select.value = chosen;
    this.showArea();
    if (this.edits) this.renderEdits();
    if (this.result && this.result.id) this.reload(this.result.id);
  }

  /** The area a keyboard user places a service in (the Areas list, the search, a click). */
  setArea(id, name) {
    this.area = { id, name };
    this.showArea();
  }

  showArea() {
    const text = this.area ? tr("scenario.selected_area", { name: `${this.area.name} ${this.area.id}` }) : tr("scenario.no_area");
    this.root.querySelector("#scenario-area").textContent = text;
    this.root.querySelector("#scenario-add-at-area").disabled = !this.area;
  }

  /** A new service of the chosen type at a point inside the selected area (no map needed). */
  addAtArea() {
    const place = this.area && this.app.place(this.area.id);
    if (!place) { this.setStatus("idle", tr("scenario.no_area")); return; }
    const capacity = Number(this.root.querySelector("#scenario-capacity").value) || null;
    const spec = { service_type: this.root.querySelector("#scenario-service-type").value, lon: place.lon, lat: place.lat };
    if (capacity) spec.capacity = capacity;
    this.edits.push({ add_service: spec });
    this.renderEdits();
    this.root.querySelector("#scenario-run").focus();
  }

  setStatus(state, text) {
    this.root.dataset.state = state;
    this.root.querySelector(".scenario-status").textContent = text;
  }

  renderEdits() {
    const list = this.root.querySelector("#scenario-edits");
    list.innerHTML = this.edits.map((edit, i) => {
      const [kind, spec] = Object.entries(edit).find(([k]) => !k.startsWith("_"));
      let text = tr("scenario.edit.other");
      if (kind === "add_service") text = tr("scenario.edit.add_service", { type: this.app.serviceLabel(spec.service_type) });
      if (kind === "move_service") text = tr("scenario.edit.move_service", { id: spec.service_id });
      if (kind === "add_housing") text = tr("scenario.edit.add_housing", { residents: formatNumber(spec.residents), dwellings: formatNumber(spec.dwellings) });
      text += ` (${formatNumber(Number(spec.lat.toFixed(4)))}, ${formatNumber(Number(spec.lon.toFixed(4)))})`;
      return `<li>${esc(text)} <button type="button" data-index="${i}" class="link" aria-label="${esc(tr("scenario.remove_of", { edit: text }))}">${esc(tr("scenario.remove"))}</button></li>`;
    }).join("");
    list.querySelectorAll("button").forEach((button) => button.addEventListener("click", () => {
      this.edits.splice(Number(button.dataset.index), 1);
      this.renderEdits();
    }));
    this.root.querySelector("#scenario-run").disabled = this.edits.length === 0;
    this.app.refreshOverlay();
  }

  /** Handle a map click in one of the editing modes; returns true when consumed. */
  handleClick(mode, lngLat, feature) {
    const lon = lngLat.lng;
    const lat = lngLat.lat;
    if (mode === "add-service") {
      const capacity = Number(this.root.querySelector("#scenario-capacity").value) || null;
      const spec = { service_type: this.root.querySelector("#scenario-service-type").value, lon, lat };
      if (capacity) spec.capacity = capacity;
      this.edits.push({ add_service: spec });
      this.app.setMode("profile");
      this.renderEdits();
      return true;
    }
    if (mode === "move-pick") {
      if (!feature) {
        this.setStatus("idle", tr("scenario.click_service"));
        return true;
      }
      this.moving = { service_id: feature.properties.service_id, from: feature.geometry.coordinates };
      this.app.setMode("move-target");
      return true;
    }
    if (mode === "move-target" && this.moving) {
      this.edits.push({ move_service: { service_id: this.moving.service_id, lon, lat }, _from: this.moving.from });
      this.moving = null;
      this.app.setMode("profile");
      this.renderEdits();
      return true;
    }
    if (mode === "draw-housing") {
      this.drawing.push([lon, lat]);
      this.app.refreshOverlay();
      return true;
    }
    return false;
  }

  finishHousing() {
    if (this.drawing.length < 3) {
      this.setStatus("idle", tr("scenario.need3"));
      return;
    }
    const ring = [...this.drawing, this.drawing[0]];
    const [lon, lat] = ringCentroid(ring);
    this.edits.push({
      add_housing: {
        lon,
        lat,
        polygon: { type: "Polygon", coordinates: [ring] },
        dwellings: Number(this.root.querySelector("#scenario-dwellings").value) || 0,
        residents: Number(this.root.querySelector("#scenario-residents").value) || 0,
      },
    });
    this.drawing = [];
    this.app.setMode("profile");
    this.renderEdits();
  }

  /** The scenario as sent to the server (without the editor's private keys). */
  body() {
    const edits = this.edits.map((edit) => Object.fromEntries(Object.entries(edit).filter(([k]) => !k.startsWith("_"))));
    return { name: this.root.querySelector("#scenario-name").value || tr("scenario.name_default"), edits };
  }

  async run() {
    this.setStatus("running", tr("scenario.running"));
    try {
      const result = await postJson("/api/scenarios", this.body());
      this.show(result);
      const params = new URLSearchParams(window.location.hash.slice(1));
      params.set("scenario", result.id);
      window.history.replaceState(null, "", `#${params.toString().replace(/%2F/g, "/")}`);
    } catch (error) {
      this.setStatus("error", tr("scenario.failed", { message: plainError(error) }));
    }
  }

  /**
   * Load a saved scenario (shared URL `#scenario=<id>`): its edits back into the editor and
   * onto the map, so that whoever opens the link sees the what-if and can change and re-run it,
   * then its results.
   */
  async load(id) {
    this.setStatus("running", tr("scenario.loading"));
    try {
      const result = await getJson(`/api/scenarios/${encodeURIComponent(id)}`);
      // the scenario as it was posted (outlines, capacities), as far as this editor makes it
      const submitted = (result.submitted && Array.isArray(result.submitted.edits)) ? result.submitted.edits : [];
      const edits = submitted.filter(editable);
      const skipped = submitted.length - edits.length;
      this.edits = await withMoveOrigins(edits);
      this.root.querySelector("#scenario-name").value = result.name || "";
      this.renderEdits();
      this.show(result, skipped ? ` ${tr("scenario.skipped", { n: skipped })}` : "");
    } catch (error) {
      this.setStatus("error", tr("scenario.load_failed", { message: plainError(error) }));
    }
  }

  /** The shown run again, in the current language (its summary is written per request). */
  async reload(id) {
    try {
      const result = await getJson(`/api/scenarios/${encodeURIComponent(id)}`);
      this.show(result, "", { redraw: false });
    } catch (_) { /* keep the run as shown */ }
  }

  /** Two runs of this session side by side (`GET /api/scenarios/compare`). */
  async compare() {
    const other = this.root.querySelector("#scenario-compare-with").value;
    const out = this.root.querySelector("#scenario-compare-result");
    if (!other || !this.result) { out.textContent = tr("scenario.compare_none"); return; }
    try {
      const body = await getJson("/api/scenarios/compare", { a: other, b: this.result.id });
      out.innerHTML = comparisonTable(body);
      this.app.announce(tr("scenario.compare_title", { a: body.a.name || body.a.id, b: body.b.name || body.b.id }));
    } catch (error) {
      out.textContent = tr("scenario.compare_failed", { message: plainError(error) });
    }
  }

  updateCompare() {
    const box = this.root.querySelector("#scenario-compare");
    const others = this.runs.filter((run) => !this.result || run.id !== this.result.id);
    box.hidden = others.length === 0;
    this.root.querySelector("#scenario-compare-with").innerHTML = others
      .map((run) => `<option value="${esc(run.id)}">${esc(run.name || run.id)}</option>`).join("");
  }

  /** Show a run's summary, its table and its first difference map; `note` goes in the status line. */
  show(result, note = "", { redraw = true } = {}) {
    this.result = { ...result, maps: normalizeMaps(result) };
    if (!this.runs.some((run) => run.id === result.id)) this.runs.push({ id: result.id, name: result.name });
    const summary = result.summary || { sentences: [], table: [], no_change: false };
    const sentences = (summary.sentences || []).map((s) => `<li>${esc(s)}</li>`).join("");
    const noChange = summary.no_change
      ? `<p class="no-change" data-no-change="true">${esc(tr("scenario.no_change"))}</p>` : "";
    const link = `${window.location.origin}/#scenario=${encodeURIComponent(result.id)}`;
    this.root.querySelector("#scenario-result").innerHTML = `<h3>${esc(result.name || result.id)}</h3>`
      + `<section class="summary" aria-labelledby="scenario-summary-title"><h4 id="scenario-summary-title">${esc(tr("scenario.summary"))}</h4>`
      + `${noChange}${sentences ? `<ul class="sentences">${sentences}</ul>` : ""}</section>`
      + summaryTable(summary.table)
      + (this.edits.some((e) => e.add_service) ? `<p class="new-service-key"><span class="swatch round new-service"></span>${esc(tr("scenario.new_service"))}</p>` : "")
      + `<p>${esc(tr("scenario.share"))}: <a id="scenario-link" href="#scenario=${encodeURIComponent(result.id)}">${esc(link)}</a></p>`;
    const maps = this.result.maps;
    const names = Object.keys(maps);
    const select = this.root.querySelector("#scenario-map-indicator");
    const chosen = select.value;
    select.innerHTML = names.map((n) => `<option value="${esc(n)}">${esc(this.mapLabel(n, maps[n]))}</option>`).join("");
    // the first map whose values changed, so a run opens on a difference there is to see
    const changed = names.find((n) => Object.values(maps[n].change || {}).some((v) => v));
    if (!redraw && chosen && names.includes(chosen)) select.value = chosen;
    else if (changed) select.value = changed;
    this.root.querySelector(".scenario-maps").hidden = names.length === 0;
    this.updateCompare();
    if (redraw) this.drawMap();
    this.setStatus("done", `${names.length ? tr("scenario.ready") : tr("scenario.ready_nomaps")}${note}`);
    if (redraw) this.app.announce(tr("status.scenario_done"));
  }

  /** A map's name in words: the summary row of that indicator and group, else the registry's. */
  mapLabel(key, spec) {
    const [indicator, measure, group] = key.split("|");
    const rows = (this.result.summary && this.result.summary.table) || [];
    const row = rows.find((r) => r.indicator === indicator && (r.measure ?? null) === (measure ?? null) && (r.population_group ?? null) === (group ?? null))
      || rows.find((r) => r.indicator === indicator && (r.population_group ?? null) === (group ?? null))
      || rows.find((r) => r.indicator === indicator);
    if (row) return row.group ? `${row.label} · ${row.group}` : row.label;
    return spec.label && !/_/.test(spec.label) ? spec.label : tr("field.unknown");
  }

  drawMap() {
    const maps = (this.result && this.result.maps) || {};
    const name = this.root.querySelector("#scenario-map-indicator").value;
    if (!name || !maps[name]) return;
    const summary = this.result.summary || {};
    const [indicator] = name.split("|");
    const row = (summary.table || []).find((r) => r.indicator === indicator);
    this.app.showScenarioMap(name, maps[name], this.root.querySelector("#scenario-map-kind").value,
      { noChange: Boolean(summary.no_change), direction: row ? row.direction : null, label: this.mapLabel(name, maps[name]) });
  }

  clear() {
    this.edits = [];
    this.drawing = [];
    this.result = null;
    this.root.querySelector("#scenario-result").innerHTML = "";
    this.root.querySelector(".scenario-maps").hidden = true;
    this.app.clearScenarioMap();
    const params = new URLSearchParams(window.location.hash.slice(1));
    params.delete("scenario");
    window.history.replaceState(null, "", `#${params.toString().replace(/%2F/g, "/")}`);
    this.setStatus("idle", "");
    this.renderEdits();
  }

  /** deck.gl data for the overlay: points, moves, polygons and the polygon being drawn. */
  overlayData() {
    const points = [];
    const moves = [];
    const polygons = [];
    for (const edit of this.edits) {
      if (edit.add_service) points.push(edit.add_service);
      if (edit.move_service) {
        points.push(edit.move_service);
        if (edit._from) moves.push({ path: [edit._from, [edit.move_service.lon, edit.move_service.lat]] });
      }
      // a development posted without an outline (through the API) is drawn as its point
      if (edit.add_housing && edit.add_housing.polygon) polygons.push({ polygon: edit.add_housing.polygon.coordinates[0] });
      else if (edit.add_housing) points.push(edit.add_housing);
    }
    return { points, moves, polygons, drawing: this.drawing };
  }
}
