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
