import assert from "node:assert/strict";
import { test } from "node:test";
import { actorName, casualtyWords, dateWords, disagreementWords } from "../src/words.js";

test("actors by their English name, codes as words", () => {
  assert.equal(actorName({ name: "Українські військові", country: "UA", sector: "MIL" }), "Ukraine armed forces");
  assert.equal(actorName({ name: "Bundeswehr", canonical: "German armed forces" }), "German armed forces");
  assert.equal(actorName({ name: "some group" }), "some group");
});

test("dates, casualties and disagreements in words", () => {
  assert.equal(dateWords("2024-03-04", "day"), "4 March 2024");
  assert.equal(dateWords("2024-03-01", "month"), "March 2024");
  assert.equal(dateWords(null), "date unknown");
  assert.equal(casualtyWords({ fatalities: 4, injured: 10, disagreement: { fatalities: [4, 6] } }), "4–6 killed, 10 injured");
  assert.deepEqual(disagreementWords({ place: ["Kyiv", "Irpin"], fatalities: [4, 6] }), [
    "Reports differ on the place: Kyiv or Irpin.",
    "Reports give between 4 and 6 killed.",
  ]);
});

test("CAMEO roots and escalation trends in words, codes only in tooltips", async () => {
  const { cameoWords, trendWords } = await import("../src/words.js");
  assert.equal(cameoWords("13"), "threaten");
  assert.equal(cameoWords(18), "assault");
  assert.equal(cameoWords("7"), "provide aid");
  assert.equal(cameoWords("99"), "code 99");
  const row = { trend: "rising", recent: 11, expected: 0.47, before: 2 };
  assert.equal(trendWords(row, 7), "rising: 11 in the last 7 days, 0.47 expected from the 2 in the 30 days before");
  assert.ok(trendWords(row, 1).includes("the last day"));
});

test("a display name, when the event has one, beats the canonical name", async () => {
  const { actorName } = await import("../src/words.js");
  assert.equal(actorName({ name: "ВСУ", canonical: "UKR-MIL", display_name: "Ukrainian Armed Forces" }), "Ukrainian Armed Forces");
});
