// Unit tests of the map state kept in the URL fragment (node --test, no browser).
import assert from "node:assert/strict";
import { test } from "node:test";

import { readUrlState, writeUrlState } from "../src/urlstate.js";

function fakeWindow(href) {
  const url = new URL(href);
  const win = {
    location: { hash: url.hash, search: url.search, pathname: url.pathname },
    history: {
      state: null,
      replaceState(_state, _title, next) {
        const moved = new URL(next, url);
        win.location.hash = moved.hash;
        win.location.search = moved.search;
      },
    },
  };
  return win;
}

test("a written state reads back, and MapLibre's own keys survive", () => {
  const win = fakeWindow("http://x/?lang=sv#map=12/60.17/24.94");
  writeUrlState({ indicator: "areas|median_income", level: "areas", year: 2021,
                  areas: ["00530", "00980"], lang: "fi" }, win);
  assert.match(win.location.hash, /map=12\/60\.17\/24\.94/);
  assert.deepEqual(readUrlState(win), { indicator: "areas|median_income", level: "areas",
                                        year: 2021, areas: ["00530", "00980"], lang: "fi" });
  writeUrlState({ indicator: null, level: "grid", year: null, areas: [], lang: null }, win);
  assert.deepEqual(readUrlState(win), { indicator: null, level: "grid", year: null, areas: [],
                                        lang: "sv" });
});
