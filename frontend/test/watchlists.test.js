// The page's watch-list and correction helpers: what is sent to the API for a view or a form.
import assert from "node:assert/strict";
import { test } from "node:test";
import { correctionBody, correctionLines } from "../src/corrections.js";
import { matchesFilters } from "../src/state.js";
import { describeFilter, filterFromView } from "../src/watchlists.js";

test("a view becomes the watch-list filter of its filters and box", () => {
  const f = filterFromView({ type: "ASSAULT", country: "ua", q: "drone  strike", min_confidence: "0.6", modality: "all" }, [30.12345, 49, 37, 51]);
  assert.deepEqual(f, { bbox: [30.1235, 49, 37, 51], types: ["ASSAULT"], countries: ["UA"], words: ["drone", "strike"], min_confidence: 0.6, modality: ["all"] });
  assert.deepEqual(filterFromView({}, null), {});
  assert.equal(describeFilter({}), "every event");
  assert.equal(describeFilter({ bbox: [0, 0, 1, 1], types: ["PROTEST"], min_sources: 2 }), "an area of the map; types: PROTEST; ≥ 2 sources");
});

test("the correction form sends only what was given", () => {
  assert.equal(correctionBody("e1", { by: "anna", type: "", place: " ", date: "" }), null);
  assert.deepEqual(correctionBody("e1", { by: " anna ", type: "PROTEST", place: "Kharkiv, UA", date: "", reason: "" }), {
    event_id: "e1", by: "anna", type: "PROTEST", place: "Kharkiv, UA",
  });
  assert.deepEqual(correctionBody("e1", { by: "ben", flag: true, reason: "hoax" }), { event_id: "e1", by: "ben", reason: "hoax", flag: true });
});

test("the correction log reads as sentences", () => {
  const lines = correctionLines([
    { kind: "correct", at: "2026-12-03T14:02:11+00:00", by: "anna", reason: "a march", changes: { type: "PROTEST", mode: null }, before: { type: "ASSAULT", mode: null } },
    { kind: "flag", at: "2026-12-03T15:00:00+00:00", by: "ben", reason: null, changes: {}, before: {} },
  ]);
  assert.equal(lines[0], "2026-12-03 14:02, anna: type Assault → Protest (a march)");
  assert.equal(lines[1], "2026-12-03 15:00, ben: flagged as wrong");
});

test("a flagged event arriving live is not drawn (the API hides flagged events too)", () => {
  const ev = { id: "e", type: "ASSAULT", modality: "asserted", flagged: false };
  assert.equal(matchesFilters(ev, {}), true);
  assert.equal(matchesFilters({ ...ev, flagged: true }, {}), false);
});
