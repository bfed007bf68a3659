// The app's catalogs and the words of the static page: `data-i18n` elements get their text,
// `data-i18n-<attribute>` elements that attribute, from the `app` catalog of the language.

import en from "./locales/app.en.json";
import fi from "./locales/app.fi.json";
import sv from "./locales/app.sv.json";
import { register, t } from "./i18n.js";

export function registerCatalogs() {
  register("app", { en, fi, sv });
}

const ATTRIBUTES = ["placeholder", "aria-label", "title"];

/** Fill every marked element under `root` in the current language. */
export function translatePage(root) {
  root.querySelectorAll("[data-i18n]").forEach((element) => { element.textContent = t("app", element.dataset.i18n); });
  for (const attribute of ATTRIBUTES) {
    root.querySelectorAll(`[data-i18n-${attribute}]`).forEach((element) => {
      element.setAttribute(attribute, t("app", element.getAttribute(`data-i18n-${attribute}`)));
    });
  }
}

/** MapLibre's own control texts (zoom, compass, attribution) in the current language. */
export function maplibreLocale() {
  return {
    "AttributionControl.ToggleAttribution": t("app", "map.toggle_attribution"),
    "AttributionControl.MapFeedback": t("app", "map.feedback"),
    "Map.Title": t("app", "map.title"),
    "Marker.Title": t("app", "map.marker"),
    "NavigationControl.ResetBearing": t("app", "map.reset_bearing"),
    "NavigationControl.ZoomIn": t("app", "map.zoom_in"),
    "NavigationControl.ZoomOut": t("app", "map.zoom_out"),
  };
}
