// The place search in the header: postal areas and districts by name (Finnish or Swedish) or
// code, and addresses (`GET /api/search`), as a combobox; choosing one flies the map there and
// opens the area's profile.

import { getJson } from "./api.js";
import { esc } from "./charts.js";
import { language, t } from "./i18n.js";

const tr = (key, params) => t("app", key, params);

export class PlaceSearch {
  constructor(root, { onChoose, reportError }) {
    this.input = root.querySelector("#place-search");
    this.list = root.querySelector("#place-results");
    this.onChoose = onChoose;
    this.reportError = reportError;
    this.results = [];
    this.active = -1;
    this.timer = null;
    this.input.addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(this.input.value), 200);
    });
    this.input.addEventListener("keydown", (event) => this.keydown(event));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    this.list.addEventListener("mousedown", (event) => event.preventDefault());
    this.list.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.choose(Number(option.dataset.index));
    });
  }

  async search(query) {
    const q = query.trim();
    if (!q) { this.close(); return; }
    try {
      const body = await getJson("/api/search", { q, lang: language(), limit: 12 });
      if (this.input.value.trim() !== q) return; // a newer query is on its way
      this.results = body.results || [];
      this.render(q);
    } catch (error) {
      this.reportError(error.message);
    }
  }

  render(q) {
    this.list.innerHTML = this.results.length
      ? this.results.map((place, i) => `<li role="option" id="place-${i}" data-index="${i}" aria-selected="false">`
        + `${esc(place.name || place.id)} <span class="muted">${esc(place.kind === "area" ? place.id : "")} ${esc(tr(`search.kind.${place.kind}`))}</span></li>`).join("")
      : `<li role="option" aria-disabled="true" aria-selected="false">${esc(tr("search.none", { q }))}</li>`;
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.setActive(this.results.length ? 0 : -1);
  }

  setActive(index) {
    this.active = index;
    this.list.querySelectorAll("[role=option]").forEach((li, i) => {
      li.classList.toggle("active", i === index);
      li.setAttribute("aria-selected", String(i === index));
    });
    if (index >= 0) this.input.setAttribute("aria-activedescendant", `place-${index}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  choose(index) {
    const place = this.results[index];
    if (!place) return;
    this.input.value = place.name || place.id;
    this.close();
    this.onChoose(place);
  }

  keydown(event) {
    const moves = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves && !this.list.hidden && this.results.length) {
      event.preventDefault();
      const n = this.results.length;
      this.setActive((this.active + moves[event.key] + n) % n);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!this.list.hidden && this.active >= 0) this.choose(this.active);
      else this.search(this.input.value);
    } else if (event.key === "Escape" && !this.list.hidden) {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  }
}
