// Unit tests of the map's pure classification helpers (node --test, no browser).
import assert from "node:assert/strict";
import { test } from "node:test";

import { classOf, divergingBins, paletteOf, SEQUENTIAL } from "../src/classify.js";

test("classOf follows mapclassify's rule: the first upper bound a value does not exceed", () => {
  const bins = [1, 2, 5];
  assert.equal(classOf(0.5, bins), 0);
  assert.equal(classOf(1, bins), 0);
  assert.equal(classOf(1.01, bins), 1);
  assert.equal(classOf(5, bins), 2);
  assert.equal(classOf(99, bins), 2);
  assert.equal(classOf(null, bins), -1);
  assert.equal(classOf(Number.NaN, bins), -1);
});

test("paletteOf spreads k colours over the palette, ends included", () => {
  assert.deepEqual(paletteOf(SEQUENTIAL, 3), [SEQUENTIAL[0], SEQUENTIAL[3], SEQUENTIAL[6]]);
  assert.deepEqual(paletteOf(SEQUENTIAL, 1), [SEQUENTIAL[3]]);
  assert.deepEqual(paletteOf(SEQUENTIAL, 0), []);
  assert.equal(paletteOf(SEQUENTIAL, 12).length, SEQUENTIAL.length);
});

test("divergingBins are symmetric around zero, the middle class holding no change", () => {
  const bins = divergingBins([-2, 0.5, 7, null], 7);
  assert.equal(bins.length, 7);
  assert.equal(bins[6], 7);
  assert.ok(Math.abs(bins[2] + 1) < 1e-12 && Math.abs(bins[3] - 1) < 1e-12);
  assert.equal(classOf(0, bins), 3);
  assert.deepEqual(divergingBins([0, 0], 3).map((b) => Math.round(b * 1000) / 1000), [-0.333, 0.333, 1]);
});
