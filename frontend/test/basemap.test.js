import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { splitLine, unwrapRing, worldLayers } from "../src/basemap.js";

const topology = JSON.parse(
  readFileSync(new URL("../node_modules/world-atlas/countries-50m.json", import.meta.url)),
);

function jumps(ring) {
  let n = 0;
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) n++;
  return n;
}

test("no country ring jumps across the map (no horizontal stripes)", () => {
  const { countries } = worldLayers(topology);
  const byName = Object.fromEntries(countries.features.map((f) => [f.properties.name, f]));
  for (const name of ["Russia", "Fiji", "Antarctica", "United States of America"]) {
    assert.ok(byName[name], `${name} is in the atlas`);
  }
  for (const f of countries.features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      for (const ring of poly) {
        assert.equal(jumps(ring), 0, `${f.properties.name} has a ring crossing the map`);
        assert.deepEqual(ring[0], ring[ring.length - 1], `${f.properties.name} ring is closed`);
      }
    }
  }
});

test("a ring crossing the antimeridian stays on one side", () => {
  const ring = unwrapRing([
    [179, 0],
    [-179, 0],
    [-179, 1],
    [179, 1],
    [179, 0],
  ]);
  assert.deepEqual(ring, [
    [179, 0],
    [181, 0],
    [181, 1],
    [179, 1],
    [179, 0],
  ]);
});

test("a ring round the south pole is closed along the bottom edge", () => {
  const ring = unwrapRing([
    [-180, -70],
    [-90, -72],
    [0, -70],
    [90, -72],
    [180, -70],
  ]);
  assert.equal(jumps(ring), 0);
  assert.ok(ring.some((p) => p[1] === -85));
  assert.deepEqual(ring[0], ring[ring.length - 1]);
});

test("border lines are split where they cross the antimeridian", () => {
  const parts = splitLine([
    [178, 60],
    [179.9, 61],
    [-179.9, 61],
    [-178, 62],
  ]);
  assert.equal(parts.length, 2);
});
