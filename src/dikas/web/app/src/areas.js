// The list of areas: the route to every profile and what-if without the map (a keyboard or
// screen-reader user's way in), filtered by name (Finnish or Swedish) or postal code.

import { esc } from "./charts.js";
import { language, t } from "./i18n.js";

const tr = (key, params) => t("app", key, params);

export class AreaList {
  constructor(root, { places, openProfile, compare, whatIf }) {
    this.root = root;
    this.places = places;
    this.filter = root.querySelector("#area-filter");
    this.list = root.querySelector("#area-list");
    this.count = root.querySelector("#area-count");
    this.filter.addEventListener("input", () => this.show());
    this.list.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      ({ profile: openProfile, compare, whatif: whatIf })[button.dataset.action](button.dataset.id);
    });
  }

  name(place) {
    return language() === "sv" && place.name_sv ? place.name_sv : place.name;
  }

  show() {
    const q = this.filter.value.trim().toLocaleLowerCase();
    const areas = this.places().filter((p) => p.kind === "area")
      .filter((p) => !q || [p.id, p.name, p.name_sv || ""].some((text) => text.toLocaleLowerCase().includes(q)));
    this.count.textContent = tr("areas.count", { n: areas.length });
    this.list.innerHTML = areas.map((place) => {
      const name = this.name(place);
      const both = `${name} ${place.id}`;
      return `<li data-id="${esc(place.id)}"><span class="area-name">${esc(name)} <span class="muted">${esc(place.id)}</span></span>`
        + `<span class="area-actions"><button type="button" data-action="profile" data-id="${esc(place.id)}" aria-label="${esc(tr("areas.profile_of", { name: both }))}">${esc(tr("areas.profile"))}</button>`
        + `<button type="button" data-action="compare" data-id="${esc(place.id)}" aria-label="${esc(tr("areas.compare_of", { name: both }))}">${esc(tr("areas.compare"))}</button>`
        + `<button type="button" data-action="whatif" data-id="${esc(place.id)}" aria-label="${esc(tr("areas.whatif_of", { name: both }))}">${esc(tr("areas.whatif"))}</button></span></li>`;
    }).join("");
  }

  relabel() {
    if (!this.root.hidden) this.show();
  }
}
