import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { imageId, labelCollections, labelLayers, parseImageId } from "../src/labels.js";

test("an image id carries kind, scheme and text, also text with colons", () => {
  const id = imageId("p", "dark", "Ho Chi Minh City: centre");
  assert.deepEqual(parseImageId(id), { kind: "p", scheme: "dark", text: "Ho Chi Minh City: centre" });
  assert.equal(parseImageId("ev-ASSAULT"), null); // the type icons are not labels
});

test("the bundled labels name countries and the big cities, biggest first", () => {
  const data = JSON.parse(readFileSync(new URL("../src/data/labels.json", import.meta.url)));
  const { countries, cities } = labelCollections(data);
  const names = new Set(cities.features.map((f) => f.properties.name));
  for (const city of ["Kyiv", "Paris", "Lagos", "Tokyo"]) assert.ok(names.has(city), city);
  assert.ok(countries.features.some((f) => f.properties.name === "Ukraine"));
  const ranks = cities.features.map((f) => f.properties.rank);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  // A city of 100,000 is named only when zoomed in, a megacity at a continent's view.
  const z = Object.fromEntries(cities.features.map((f) => [f.properties.name, f.properties.z]));
  assert.ok(z.Lviv > z.Kyiv && z.Kyiv > z.Moscow - 1);
});

test("each zoom tier of the labels is a layer of its own, countries drawn over cities", () => {
  const layers = labelLayers("light");
  const ids = layers.map((l) => l.id);
  assert.ok(ids.indexOf("country-labels-0") > ids.indexOf("city-labels-0"));
  for (const l of layers) assert.equal(l.filter[2], l.minzoom);
});
