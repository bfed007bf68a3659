// What-if scenarios in the browser: place or move services, draw housing, run, compare.
// Edits follow the scenario format of `dikas scenario run` (docs/web-api.md).

import { getJson, postJson } from "./api.js";
import { esc } from "./charts.js";
import { formatNumber } from "./classify.js";

/** Centroid of a closed ring (lon/lat), by the shoelace formula; vertex mean if degenerate. */
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

function table(rows, maxRows = 200) {
  if (!rows || !rows.length) return '<p class="muted">No rows.</p>';
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = keys.map((k) => `<th>${esc(k.replace(/_/g, " "))}</th>`).join("");
  const body = rows.slice(0, maxRows).map((r) => `<tr>${keys.map((k) => {
    const v = r[k];
    const cls = typeof v === "number" ? ' class="num"' : "";
    return `<td${cls}>${typeof v === "number" ? formatNumber(v) : esc(v ?? "—")}</td>`;
  }).join("")}</tr>`).join("");
  const more = rows.length > maxRows ? `<p class="muted">${rows.length - maxRows} more rows.</p>` : "";
  return `<div class="table-wrap"><table class="diff"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}`;
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
    this.root.querySelector("#scenario-service-type").innerHTML = app.serviceTypes
      .map((t) => `<option value="${esc(t)}">${esc(t.replace(/_/g, " "))}</option>`).join("");
    root.querySelector("#scenario-add-service").addEventListener("click", () => app.setMode("add-service"));
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

  setStatus(state, text) {
    this.root.dataset.state = state;
    this.root.querySelector(".scenario-status").textContent = text;
  }

  renderEdits() {
    const list = this.root.querySelector("#scenario-edits");
    list.innerHTML = this.edits.map((edit, i) => {
      const [kind, spec] = Object.entries(edit)[0];
      let text = kind.replace(/_/g, " ");
      if (spec.service_type) text += `: ${spec.service_type}`;
      if (spec.service_id !== undefined) text += ` ${spec.service_id}`;
      if (spec.residents) text += `: ${spec.residents} residents, ${spec.dwellings} dwellings`;
      text += ` @ ${spec.lon.toFixed(4)}, ${spec.lat.toFixed(4)}`;
      return `<li>${esc(text)} <button data-index="${i}" class="link">remove</button></li>`;
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
        this.setStatus("idle", "Click a service point to move it.");
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
      this.setStatus("idle", "A housing development needs at least 3 corners.");
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
    return { name: this.root.querySelector("#scenario-name").value || "What-if from the map", edits };
  }

  async run() {
    this.setStatus("running", "Running scenario…");
    try {
      const result = await postJson("/api/scenarios", this.body());
      this.show(result);
      const params = new URLSearchParams(window.location.hash.slice(1));
      params.set("scenario", result.id);
      window.history.replaceState(null, "", `#${params.toString().replace(/%2F/g, "/")}`);
    } catch (error) {
      this.setStatus("error", `Scenario failed: ${error.message}`);
    }
  }

  /**
   * Load a saved scenario (shared URL `#scenario=<id>`): its edits back into the editor and
   * onto the map, so that whoever opens the link sees the what-if and can change and re-run it,
   * then its results.
   */
  async load(id) {
    this.setStatus("running", `Loading scenario ${id}…`);
    try {
      const result = await getJson(`/api/scenarios/${encodeURIComponent(id)}`);
      // the scenario as it was posted (outlines, capacities), as far as this editor makes it
      const submitted = (result.submitted && Array.isArray(result.submitted.edits)) ? result.submitted.edits : [];
      const edits = submitted.filter(editable);
      const skipped = submitted.length - edits.length;
      this.edits = await withMoveOrigins(edits);
      this.root.querySelector("#scenario-name").value = result.name || "";
      this.renderEdits();
      this.show(result, skipped ? ` ${skipped} edit(s) of other kinds are not in the editor.` : "");
    } catch (error) {
      this.setStatus("error", `Scenario ${id}: ${error.message}`);
    }
  }

  /** Show a run's results and its first difference map; `note` is added to the status line. */
  show(result, note = "") {
    this.result = { ...result, maps: normalizeMaps(result) };
    const diff = result.diff || {};
    this.root.querySelector("#scenario-result").innerHTML = `<h3>${esc(result.name || result.id)}</h3>`
      + `<p>Share: <a id="scenario-link" href="#scenario=${encodeURIComponent(result.id)}">${esc(window.location.origin)}/#scenario=${esc(result.id)}</a></p>`
      + `<h4>City, by population group</h4>${table(diff.city)}`
      + `<h4>Postal areas</h4>${table(diff.areas, 100)}`;
    const maps = this.result.maps;
    const names = Object.keys(maps);
    const select = this.root.querySelector("#scenario-map-indicator");
    select.innerHTML = names.map((n) => `<option value="${esc(n)}">${esc(maps[n].label || n)}</option>`).join("");
    this.root.querySelector(".scenario-maps").hidden = names.length === 0;
    this.drawMap();
    this.setStatus("done", `${names.length ? "Scenario ready: showing its difference map." : "Scenario ready (no maps returned)."}${note}`);
  }

  drawMap() {
    const maps = (this.result && this.result.maps) || {};
    const name = this.root.querySelector("#scenario-map-indicator").value;
    if (!name || !maps[name]) return;
    this.app.showScenarioMap(name, maps[name], this.root.querySelector("#scenario-map-kind").value);
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
