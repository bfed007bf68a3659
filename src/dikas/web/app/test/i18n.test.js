// Unit tests of the app's translation module (node --test, no browser).
import assert from "node:assert/strict";
import { test } from "node:test";

import { detectLanguage, formatNumber, formatYear, missingKeys, register, t } from "../src/i18n.js";

register("unit", {
  en: { hello: "Hello {name}", only_en: "English only" },
  fi: { hello: "Hei {name}" },
  sv: { hello: "Hej {name}", only_en: "Bara engelska" },
});

test("t fills placeholders, falls back to English, then to the key", () => {
  assert.equal(t("unit", "hello", { name: "Kallio" }, "fi"), "Hei Kallio");
  assert.equal(t("unit", "only_en", {}, "fi"), "English only");
  assert.equal(t("unit", "nowhere", {}, "sv"), "nowhere");
  assert.equal(t("unit", "hello", {}, "sv"), "Hej {name}");
});

test("missingKeys names what a Finnish or Swedish catalog lacks", () => {
  assert.deepEqual(missingKeys().filter(([ns]) => ns === "unit"), [["unit", "fi", "only_en"]]);
});

test("the language comes from the URL, then the stored choice, then the browser", () => {
  const win = (href, stored, languages) => ({
    location: { href },
    localStorage: { getItem: () => stored },
    navigator: { languages },
  });
  assert.equal(detectLanguage(win("http://x/?lang=sv", "fi", ["en"])), "sv");
  assert.equal(detectLanguage(win("http://x/", "fi", ["sv-FI"])), "fi");
  assert.equal(detectLanguage(win("http://x/", null, ["de-DE", "sv-FI"])), "sv");
  assert.equal(detectLanguage(win("http://x/", null, ["de-DE"])), "en");
});

test("numbers, percentages and years are written per locale", () => {
  assert.equal(formatNumber(1240.5, { decimals: 1, lang: "fi" }), "1\u00a0240,5");
  assert.equal(formatNumber(1240.5, { decimals: 1, lang: "en" }), "1,240.5");
  assert.equal(formatNumber(0.144, { decimals: 1, percent: true, lang: "fi" }), "14,4\u00a0%");
  assert.equal(formatNumber(null), "–");
  assert.equal(formatYear(2023), "2023");
});
