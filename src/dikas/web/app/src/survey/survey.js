// The public survey page /surveys/{id}: answered without an account, in Finnish, Swedish or
// English, on a phone or with a keyboard and a screen reader.
//
// Every map question can be answered on the map (click or tap; with a keyboard, pan with the
// arrow keys and "Mark the map centre") or, instead, by choosing an area from a searchable
// list. One submission per browser: a random token kept in localStorage (the server stores
// only its hash).

import maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import "./survey.css";
import { ApiError, getJson, postJson } from "../api.js";
import { buildStyle } from "../style.js";
import {
  LANGUAGES, LANGUAGE_NAMES, detectLanguage, formatNumber, language, register, setLanguage, t,
} from "../i18n.js";
import en from "../locales/survey.en.json";
import fi from "../locales/survey.fi.json";
import sv from "../locales/survey.sv.json";

register("survey", { en, fi, sv });
const s = (key, params) => t("survey", key, params);

const MAP_KINDS = ["map_point", "map_line", "map_area"];
const state = { id: null, survey: null, meta: null, places: {}, drafts: {}, values: {}, maps: [] };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function surveyId() {
  const parts = window.location.pathname.split("/").filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] || "");
}

function storageKey(kind) { return `dikas.survey.${state.id}.${kind}`; }

function browserToken() {
  let token = null;
  try { token = window.localStorage.getItem(storageKey("token")); } catch (_) { /* blocked */ }
  if (!token) {
    const bytes = new Uint8Array(24);
    window.crypto.getRandomValues(bytes);
    token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    try { window.localStorage.setItem(storageKey("token"), token); } catch (_) { /* blocked */ }
  }
  return token;
}

function answered() {
  try { return window.localStorage.getItem(storageKey("done")) === "1"; } catch (_) { return false; }
}

function setStatus(message) { document.getElementById("status").textContent = message || ""; }
function setProblem(message) { document.getElementById("problem").textContent = message || ""; }

function questionLegend(question) {
  return el("legend", { text: question.required ? `${question.text} ${s("required")}` : question.text });
}

// -- non-map questions --------------------------------------------------------------------
function choiceInputs(question, name, value) {
  const multiple = question.kind === "multiple_choice";
  const chosen = multiple ? new Set(value || []) : new Set(value ? [value] : []);
  return question.options.map((option) => el("label", { class: "option" },
    el("input", { type: multiple ? "checkbox" : "radio", name, value: option.id,
      checked: chosen.has(option.id) }),
    el("span", { text: option.text })));
}

function likertInputs(question, name, value) {
  const scale = el("div", { class: "scale" });
  for (let n = 1; n <= question.scale; n += 1) {
    const label = n === 1 && question.low ? `${n} – ${question.low}`
      : n === question.scale && question.high ? `${n} – ${question.high}` : String(n);
    scale.append(el("label", { class: "option" },
      el("input", { type: "radio", name, value: String(n), checked: Number(value) === n }),
      el("span", { text: label })));
  }
  return [scale];
}

function textInput(question, name, value) {
  const hintId = `${name}-hint`;
  const input = question.max_length > 200
    ? el("textarea", { id: name, name, rows: 3, maxlength: question.max_length, "aria-describedby": hintId })
    : el("input", { id: name, name, type: "text", maxlength: question.max_length, "aria-describedby": hintId,
      autocomplete: question.background === "postal_code" ? "postal-code" : "off" });
  input.value = value || "";
  return [el("label", { for: name, class: "visually-hidden", text: question.text }), input,
    el("p", { class: "hint", id: hintId, text: s("free.hint", { n: question.max_length }) })];
}

function questionField(question, name, value) {
  const field = el("fieldset", { id: `q-${name}`, "data-question": question.id }, questionLegend(question));
  if (question.kind === "likert") field.append(...likertInputs(question, name, value));
  else if (question.kind === "free_text") field.append(...textInput(question, name, value));
  else field.append(...choiceInputs(question, name, value));
  return field;
}

function readValue(question, name, root = document) {
  if (question.kind === "free_text") {
    const input = root.querySelector(`[name="${name}"]`);
    return input && input.value.trim() ? input.value.trim() : null;
  }
  const checked = [...root.querySelectorAll(`[name="${name}"]:checked`)].map((i) => i.value);
  if (question.kind === "multiple_choice") return checked.length ? checked : null;
  if (question.kind === "likert") return checked.length ? Number(checked[0]) : null;
  return checked[0] || null;
}

// -- map questions ------------------------------------------------------------------------
function placesGeoJson(question) {
  const features = (state.places[question.id] || []).filter((p) => p.geometry)
    .map((p) => ({ type: "Feature", geometry: p.geometry, properties: {} }));
  const draft = state.drafts[question.id] || [];
  for (const position of draft) features.push({ type: "Feature", geometry: { type: "Point", coordinates: position }, properties: { draft: 1 } });
  if (draft.length > 1) features.push({ type: "Feature", geometry: { type: "LineString", coordinates: draft }, properties: { draft: 1 } });
  return { type: "FeatureCollection", features };
}

// Lines and areas: points are collected into a draft, then finished into one place.
const MIN_POINTS = { map_line: 2, map_area: 3 };

function addDraftPoint(question, position) {
  const draft = state.drafts[question.id] ||= [];
  draft.push(position);
  refreshMarkers(question);
  setStatus(s("map.draft", { n: draft.length }));
}

function finishDraft(question) {
  const draft = state.drafts[question.id] || [];
  const needed = MIN_POINTS[question.kind];
  if (draft.length < needed) {
    setProblem(s("map.needMore", { n: needed }));
    return;
  }
  const geometry = question.kind === "map_line" ? { type: "LineString", coordinates: [...draft] }
    : { type: "Polygon", coordinates: [[...draft, draft[0]]] };
  state.drafts[question.id] = [];
  addPlace(question, { geometry });
}

function refreshMarkers(question) {
  for (const { map, id } of state.maps) {
    if (id !== question.id || !map.getSource(`places-${id}`)) continue;
    map.getSource(`places-${id}`).setData(placesGeoJson(question));
  }
}

function addPlace(question, place) {
  capture();
  const places = state.places[question.id] ||= [];
  if (places.length >= question.max_answers) {
    setProblem(s("map.max", { n: question.max_answers }));
    return;
  }
  setProblem("");
  places.push({ ...place, follow_ups: {} });
  renderPlaces(question);
  refreshMarkers(question);
  const list = document.getElementById(`places-${question.id}`);
  setStatus(list.lastElementChild ? list.lastElementChild.querySelector("h3").textContent : "");
}

function renderPlaces(question) {
  const list = document.getElementById(`places-${question.id}`);
  list.replaceChildren();
  const places = state.places[question.id] || [];
  if (!places.length) list.append(el("li", { class: "none", text: s("places.none") }));
  places.forEach((place, index) => {
    const n = index + 1;
    const area = place.area && (state.survey.areas.find((a) => a.code === place.area) || { name: "" });
    const drawn = { Point: "place.point", LineString: "place.line", Polygon: "place.shape" };
    const heading = place.area ? s("place.area", { n, name: `${place.area} ${area.name}` })
      : s(drawn[place.geometry.type], { n });
    const item = el("li", { "data-place": String(index) }, el("h3", { text: heading }));
    for (const followUp of question.follow_ups || []) {
      item.append(questionField(followUp, `${question.id}-${index}-${followUp.id}`, place.follow_ups[followUp.id]));
    }
    const remove = el("button", { type: "button", text: s("place.remove", { n }) });
    remove.addEventListener("click", () => {
      capture();
      places.splice(index, 1);
      renderPlaces(question);
      refreshMarkers(question);
    });
    item.append(remove);
    list.append(item);
  });
}

function mapField(question) {
  const id = question.id;
  const hintId = `hint-${id}`;
  const shape = question.kind !== "map_point";
  const field = el("fieldset", { id: `q-${id}`, "data-question": id }, questionLegend(question),
    el("p", { class: "hint", id: hintId, text: s(shape ? "map.hintShape" : "map.hint") }));
  const container = el("div", { class: "map", id: `map-${id}`, role: "region", "aria-label": s("map.label"),
    "aria-describedby": hintId });
  const mark = el("button", { type: "button", "data-mark": id, text: s(shape ? "map.addCentre" : "map.markCentre") });
  const tools = [];
  if (shape) {
    const finish = el("button", { type: "button", "data-finish": id,
      text: s(question.kind === "map_line" ? "map.finishLine" : "map.finishArea") });
    finish.addEventListener("click", () => finishDraft(question));
    const clear = el("button", { type: "button", "data-clear": id, text: s("map.clearDraft") });
    clear.addEventListener("click", () => { state.drafts[id] = []; refreshMarkers(question); setStatus(""); });
    tools.push(finish, clear);
  }
  const inputId = `area-${id}`;
  const options = el("datalist", { id: `areas-${id}` },
    ...state.survey.areas.filter((a) => !question.within.length || question.within.includes(a.code))
      .map((a) => el("option", { value: `${a.code} ${a.name}` })));
  const areaInput = el("input", { id: inputId, type: "text", list: `areas-${id}`, autocomplete: "off" });
  const addArea = el("button", { type: "button", "data-add-area": id, text: s("area.add") });
  addArea.addEventListener("click", () => {
    const code = areaInput.value.trim().split(/\s+/)[0];
    if (!state.survey.areas.some((a) => a.code === code)) {
      setProblem(s("area.unknown"));
      areaInput.focus();
      return;
    }
    areaInput.value = "";
    addPlace(question, { area: code });
  });
  const places = el("ol", { class: "places", id: `places-${id}`, "aria-label": s("places.legend") });
  field.append(container, mark, ...tools, el("label", { for: inputId, text: s("area.label") }), areaInput, options,
    addArea, places);
  return { field, container, mark };
}

function startMap(question, container, mark) {
  if (!state.meta) return;
  const map = new maplibregl.Map({
    container, style: buildStyle(state.meta), center: state.meta.center || [0, 0], zoom: 12,
    attributionControl: false,
  });
  map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: state.meta.attribution }));
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  // the whole twin: people look for their own places, then zoom in
  const box = state.meta.bbox || state.meta.focus_bbox;
  if (box) map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { padding: 10, duration: 0 });
  const point = (lngLat) => ({ geometry: { type: "Point", coordinates: [lngLat.lng, lngLat.lat] } });
  map.on("load", () => {
    // the areas as a light outline only: no indicator is shown here, so no "no data" grey
    if (map.getLayer("areas-fill")) map.setPaintProperty("areas-fill", "fill-opacity", 0.08);
    map.addSource(`places-${question.id}`, { type: "geojson", data: placesGeoJson(question) });
    const source = `places-${question.id}`;
    map.addLayer({ id: `${source}-fill`, type: "fill", source, filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": "#c0392b", "fill-opacity": 0.25 } });
    map.addLayer({ id: `${source}-line`, type: "line", source, filter: ["!=", ["geometry-type"], "Point"],
      paint: { "line-color": "#c0392b", "line-width": 3 } });
    map.addLayer({ id: source, type: "circle", source, filter: ["==", ["geometry-type"], "Point"],
      paint: { "circle-radius": ["case", ["has", "draft"], 5, 8], "circle-color": "#c0392b",
        "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 } });
  });
  const position = (lngLat) => [lngLat.lng, lngLat.lat];
  if (question.kind === "map_point") {
    map.on("click", (event) => addPlace(question, point(event.lngLat)));
    mark.addEventListener("click", () => addPlace(question, point(map.getCenter())));
  } else {
    map.on("click", (event) => addDraftPoint(question, position(event.lngLat)));
    mark.addEventListener("click", () => addDraftPoint(question, position(map.getCenter())));
  }
  state.maps.push({ map, id: question.id });
}

// -- who has answered (public, small counts blanked by the server) ------------------------
function resultsView() {
  return new URL(window.location.href).searchParams.get("view") === "results";
}

function viewUrl(results) {
  const url = new URL(window.location.href);
  if (results) url.searchParams.set("view", "results");
  else url.searchParams.delete("view");
  return url.pathname + url.search;
}

async function showResults() {
  const data = await getJson(`/api/surveys/${encodeURIComponent(state.id)}/representativeness`,
    { lang: language() });
  const section = el("section", { id: "results", "aria-labelledby": "results-title" },
    el("h2", { id: "results-title", text: s("results.title") }),
    el("p", { text: s("results.total", { n: formatNumber(data.respondents) }) }),
    el("p", { class: "hint", text: s("results.hint", { n: data.min_count }) }));
  for (const dimension of data.dimensions) {
    const caption = dimension.dimension === "areas" ? s("results.areas") : dimension.label;
    const head = el("tr", {}, ...["results.unit", "results.residents", "results.respondents",
      "results.per1000", "results.weight", "results.flag"].map((key) => el("th", { scope: "col", text: s(key) })));
    const rows = dimension.units.map((unit) => el("tr", {},
      el("th", { scope: "row", text: unit.label }),
      el("td", { text: formatNumber(unit.residents) }),
      el("td", { text: unit.suppressed ? s("results.blanked", { n: data.min_count }) : formatNumber(unit.respondents) }),
      el("td", { text: formatNumber(unit.per_1000, { decimals: 2 }) }),
      el("td", { text: formatNumber(unit.weight, { decimals: 2 }) }),
      el("td", { text: unit.under_represented ? s("results.yes") : "" })));
    section.append(el("table", {}, el("caption", { text: caption }), el("thead", {}, head), el("tbody", {}, ...rows)),
      el("p", { text: s("results.score", { score: formatNumber(dimension.score, { decimals: 2 }) }) }));
  }
  section.append(el("p", {}, el("a", { href: viewUrl(false), text: s("results.back") })));
  document.getElementById("results")?.remove();
  document.getElementById("main").append(section);
}

// -- the page -----------------------------------------------------------------------------
function capture() {
  if (!state.survey) return;
  for (const question of state.survey.questions) {
    if (MAP_KINDS.includes(question.kind)) {
      (state.places[question.id] || []).forEach((place, index) => {
        for (const followUp of question.follow_ups || []) {
          place.follow_ups[followUp.id] = readValue(followUp, `${question.id}-${index}-${followUp.id}`);
        }
      });
    } else {
      state.values[question.id] = readValue(question, question.id);
    }
  }
  const consent = document.getElementById("consent");
  if (consent) state.values.__consent = consent.checked;
}

function render() {
  const survey = state.survey;
  document.title = survey.title;
  document.getElementById("title").textContent = survey.title;
  document.getElementById("introduction").textContent = survey.introduction;
  for (const { map } of state.maps) map.remove();
  state.maps = [];
  const form = document.getElementById("survey-form");
  form.replaceChildren();
  form.hidden = false;
  const pending = [];
  const background = el("fieldset", { id: "background" }, el("legend", { text: s("background.legend") }),
    el("p", { class: "hint", text: s("background.hint") }));
  for (const question of survey.questions) {
    if (MAP_KINDS.includes(question.kind)) {
      const { field, container, mark } = mapField(question);
      form.append(field);
      pending.push([question, container, mark]);
    } else {
      (question.background ? background : form).append(questionField(question, question.id, state.values[question.id]));
    }
  }
  if (background.querySelector("fieldset")) form.append(background);
  form.append(el("fieldset", {}, el("legend", { text: s("consent.legend") }),
    el("p", { text: survey.consent }),
    el("label", { class: "option" }, el("input", { type: "checkbox", id: "consent", checked: !!state.values.__consent }),
      el("span", { text: s("consent.label") }))));
  form.append(el("button", { type: "submit", class: "primary", text: s("send") }));
  for (const question of survey.questions) if (MAP_KINDS.includes(question.kind)) renderPlaces(question);
  for (const args of pending) startMap(...args);
}

function collect() {
  capture();
  const answers = {};
  for (const question of state.survey.questions) {
    if (MAP_KINDS.includes(question.kind)) {
      const places = (state.places[question.id] || []).map((place) => {
        const out = place.area ? { area: place.area } : { geometry: place.geometry };
        const followUps = Object.fromEntries(Object.entries(place.follow_ups).filter(([, v]) => v !== null));
        if (Object.keys(followUps).length) out.follow_ups = followUps;
        return out;
      });
      if (places.length) answers[question.id] = places;
      else if (question.required) return { missing: question };
    } else if (state.values[question.id] !== null && state.values[question.id] !== undefined) {
      answers[question.id] = state.values[question.id];
    } else if (question.required) {
      return { missing: question };
    }
  }
  return { answers };
}

async function submit(event) {
  event.preventDefault();
  const { answers, missing } = collect();
  if (missing) {
    setProblem(s("missing", { question: missing.text }));
    const target = document.querySelector(`#q-${missing.id} input, #q-${missing.id} button`);
    if (target) target.focus();
    return;
  }
  if (!state.values.__consent) {
    setProblem(s("consent.required"));
    document.getElementById("consent").focus();
    return;
  }
  setProblem("");
  setStatus(s("sending"));
  const button = document.querySelector("#survey-form button[type=submit]");
  button.disabled = true;
  try {
    await postJson(`/api/surveys/${encodeURIComponent(state.id)}/responses`,
      { token: browserToken(), language: language(), answers });
    try { window.localStorage.setItem(storageKey("done"), "1"); } catch (_) { /* blocked */ }
    finish(s("thanks"));
  } catch (error) {
    button.disabled = false;
    if (error instanceof ApiError && error.status === 409) {
      finish(state.survey.open ? s("already") : s("closed"));
      return;
    }
    setStatus("");
    setProblem(s("error", { detail: error.message.replace(/^[^:]*: /, "") }));
  }
}

function finish(message) {
  for (const { map } of state.maps) map.remove();
  state.maps = [];
  document.getElementById("survey-form").hidden = true;
  setProblem("");
  setStatus(message);
  document.body.dataset.state = "done";
  const heading = document.getElementById("title");
  heading.setAttribute("tabindex", "-1");
  heading.focus();
  if (!document.getElementById("results-link")) {
    document.getElementById("status").after(el("p", {}, el("a", { id: "results-link", href: viewUrl(true),
      text: s("results.link") })));
  }
}

async function load() {
  document.body.dataset.state = "loading";
  setStatus(s("loading"));
  try {
    state.survey = await getJson(`/api/surveys/${encodeURIComponent(state.id)}`, { lang: language() });
  } catch (error) {
    setStatus("");
    setProblem(s("notFound", { detail: error.message.replace(/^[^:]*: /, "") }));
    document.body.dataset.state = "error";
    return;
  }
  setStatus("");
  document.title = state.survey.title;
  document.getElementById("title").textContent = state.survey.title;
  document.getElementById("introduction").textContent = state.survey.introduction;
  document.getElementById("results-link")?.parentElement.remove();
  if (resultsView()) {
    document.getElementById("survey-form").hidden = true;
    await showResults().catch((error) => setProblem(error.message.replace(/^[^:]*: /, "")));
    document.body.dataset.state = "results";
    return;
  }
  if (answered()) { finish(s("already")); return; }
  if (!state.survey.open) { finish(s("closed")); return; }
  render();
  document.body.dataset.state = "ready";
}

function languageSwitch() {
  const select = document.getElementById("language");
  select.replaceChildren(...LANGUAGES.map((lang) => el("option", { value: lang, lang, text: LANGUAGE_NAMES[lang],
    selected: lang === language() })));
  document.getElementById("language-label").textContent = s("language");
  document.querySelector(".skip").textContent = s("skip");
  select.onchange = async () => {
    capture();
    setLanguage(select.value);
    languageSwitch();
    await load();
  };
}

async function start() {
  state.id = surveyId();
  setLanguage(detectLanguage());
  languageSwitch();
  document.getElementById("survey-form").addEventListener("submit", submit);
  try { state.meta = await getJson("/api/meta"); } catch (_) { state.meta = null; /* the list still works */ }
  await load();
}

start();
