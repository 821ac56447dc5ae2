import assert from "node:assert/strict";
import { test } from "node:test";
import { formatState, matchesFilters, parseState } from "../src/state.js";

test("a link reproduces filters and view", () => {
  const state = {
    filters: { type: "ASSAULT", country: "UA", since: "2024-01-01", min_confidence: "0.6", q: "drone" },
    view: { zoom: 5.5, center: [30.5, 50.45] },
    event: "abc",
    style: null,
  };
  const back = parseState(formatState(state));
  assert.deepEqual(back.filters, state.filters);
  assert.equal(back.view.zoom, 5.5);
  assert.deepEqual(back.view.center, [30.5, 50.45]);
  assert.equal(back.event, "abc");
});

test("nonsense in the URL is dropped", () => {
  const s = parseState("?since=yesterday&min_confidence=7&z=3&c=95,10&type=PROTEST");
  assert.deepEqual(s.filters, { type: "PROTEST" });
  assert.equal(s.view, null);
});

test("live events are checked against the filters", () => {
  const ev = {
    type: "PROTEST",
    modality: "asserted",
    confidence: 0.7,
    date: "2024-03-02",
    location: { country: "FR" },
    actors: [{ name: "farmers", canonical: null }],
    recipients: [],
    evidence: [{ lang: "fr", sentence: "Des agriculteurs ont bloqué la route" }],
  };
  assert.ok(matchesFilters(ev, {}));
  assert.ok(matchesFilters(ev, { type: "PROTEST", country: "fr", lang: "fr", actor: "farm" }));
  assert.ok(!matchesFilters(ev, { type: "ASSAULT" }));
  assert.ok(!matchesFilters(ev, { since: "2024-04-01" }));
  assert.ok(!matchesFilters(ev, { min_confidence: "0.8" }));
  assert.ok(!matchesFilters({ ...ev, modality: "negated" }, {}));
});
