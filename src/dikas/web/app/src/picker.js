// The indicator picker: a combobox with a listbox grouped by challenge (segregation, access,
// climate, population), filtered as one types (labels and explanations in the app's language).
// Keyboard: ArrowDown/ArrowUp move, Enter chooses, Escape closes, Home/End jump.

import { esc } from "./charts.js";
import { t } from "./i18n.js";
import { CHALLENGES, describe, matches } from "./registry.js";

const tr = (key, params) => t("app", key, params);

export class IndicatorPicker {
  /**
   * @param {HTMLElement} root the `.combo` holding `#indicator-search`, `#indicator-list`, `#indicator-current`
   * @param {{indicators: object[], registry: () => object, onChoose: (key: string) => void}} options
   */
  constructor(root, { indicators, registry, onChoose }) {
    this.root = root;
    this.indicators = indicators;
    this.registry = registry;
    this.onChoose = onChoose;
    this.input = root.querySelector("#indicator-search");
    this.list = root.querySelector("#indicator-list");
    this.current = root.querySelector("#indicator-current");
    this.level = "areas";
    this.key = null;
    this.options = [];
    this.active = -1;
    this.input.addEventListener("input", () => { this.open(); this.filter(this.input.value); });
    this.input.addEventListener("focus", () => this.input.select());
    this.input.addEventListener("click", () => { if (this.list.hidden) { this.open(); this.filter(""); } });
    this.input.addEventListener("keydown", (event) => this.keydown(event));
    this.input.addEventListener("blur", () => setTimeout(() => { if (!root.contains(document.activeElement)) this.close(); }, 150));
    this.list.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the input
    this.list.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.choose(option.dataset.key);
    });
  }

  /** Entries of the indicators at `level`, with their registry entries. */
  entries() {
    const registry = this.registry();
    return this.indicators.filter((i) => i.level === this.level)
      .map((i) => ({ key: `${i.level}|${i.name}`, indicator: i, entry: describe(registry, i.name, i) }));
  }

  /** Show the indicators of `level`, `key` chosen (the input shows its label). */
  show(level, key) {
    this.level = level;
    this.key = key;
    const chosen = this.entries().find((e) => e.key === key);
    this.input.value = chosen ? chosen.entry.label : "";
    this.describeChosen(chosen);
    if (!this.list.hidden) this.filter("");
  }

  describeChosen(chosen) {
    if (!chosen) { this.current.innerHTML = ""; return; }
    const { entry } = chosen;
    const direction = { higher_better: "indicator.higher_better", higher_is_better: "indicator.higher_better",
      higher_worse: "indicator.higher_worse", lower_is_better: "indicator.higher_worse" }[entry.direction];
    const parts = [];
    if (entry.explanation) parts.push(esc(entry.explanation));
    if (entry.unit) parts.push(esc(tr("indicator.unit", { unit: entry.unit })));
    if (direction) parts.push(esc(tr(direction)));
    if (entry.method_url && /^https?:\/\//.test(entry.method_url)) parts.push(`<a href="${esc(entry.method_url)}">${esc(tr("indicator.method"))}</a>`);
    this.current.innerHTML = parts.join(" ");
  }

  challengeLabel(id) {
    const fromServer = this.registry().challenges[id];
    return fromServer || tr(`challenge.${CHALLENGES.includes(id) ? id : "other"}`);
  }

  filter(query) {
    const q = query === (this.entries().find((e) => e.key === this.key) || { entry: {} }).entry.label ? "" : query.trim();
    const groups = new Map();
    for (const item of this.entries()) {
      const challenge = CHALLENGES.includes(item.entry.challenge) ? item.entry.challenge : "other";
      // the app's own name for the ready-made indicators counts as a synonym of the registry's
      const own = t("app", `ind.${item.indicator.name}`);
      const synonyms = `${this.challengeLabel(challenge)} ${own === `ind.${item.indicator.name}` ? "" : own}`;
      if (q && !matches(item.entry, q, synonyms)) continue;
      if (!groups.has(challenge)) groups.set(challenge, []);
      groups.get(challenge).push(item);
    }
    const order = [...CHALLENGES, "other"].filter((c) => groups.has(c));
    this.options = [];
    let html = "";
    for (const challenge of order) {
      const items = groups.get(challenge).sort((a, b) => a.entry.label.localeCompare(b.entry.label));
      html += `<div role="group" aria-labelledby="challenge-${challenge}"><div class="group-label" role="presentation" id="challenge-${challenge}">${esc(this.challengeLabel(challenge))}</div>`;
      for (const item of items) {
        const id = `indicator-option-${this.options.length}`;
        this.options.push({ id, key: item.key });
        const unit = item.entry.unit ? ` <span class="unit">(${esc(item.entry.unit)})</span>` : "";
        html += `<div role="option" id="${id}" data-key="${esc(item.key)}" aria-selected="${item.key === this.key}">${esc(item.entry.label)}${unit}</div>`;
      }
      html += "</div>";
    }
    this.list.innerHTML = html || `<p class="muted" role="presentation">${esc(tr("indicator.none", { q }))}</p>`;
    this.list.setAttribute("aria-label", tr("indicator.count", { n: this.options.length }));
    this.setActive(this.options.findIndex((o) => o.key === this.key));
  }

  setActive(index) {
    this.active = index;
    this.list.querySelectorAll(".active").forEach((e) => e.classList.remove("active"));
    if (index < 0 || index >= this.options.length) { this.input.removeAttribute("aria-activedescendant"); return; }
    const element = this.list.querySelector(`#${this.options[index].id}`);
    element.classList.add("active");
    element.scrollIntoView({ block: "nearest" });
    this.input.setAttribute("aria-activedescendant", this.options[index].id);
  }

  open() {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    const chosen = this.entries().find((e) => e.key === this.key);
    if (chosen) this.input.value = chosen.entry.label;
  }

  choose(key) {
    this.key = key;
    this.close();
    this.onChoose(key);
  }

  keydown(event) {
    const moves = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      if (this.list.hidden) { this.open(); this.filter(""); return; }
      const n = this.options.length;
      if (n) this.setActive(this.active < 0 ? 0 : (this.active + moves[event.key] + n) % n);
    } else if ((event.key === "Home" || event.key === "End") && !this.list.hidden) {
      event.preventDefault();
      this.setActive(event.key === "Home" ? 0 : this.options.length - 1);
    } else if (event.key === "Enter") {
      if (this.list.hidden) return;
      event.preventDefault();
      if (this.active >= 0) this.choose(this.options[this.active].key);
    } else if (event.key === "Escape" && !this.list.hidden) {
      event.preventDefault(); // handled here: the profile stays open
      event.stopPropagation();
      this.close();
    }
  }
}
