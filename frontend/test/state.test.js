import assert from "node:assert/strict";
import { test } from "node:test";
import { daysAgo, downloadLinks, formatState, matchesFilters, parseState } from "../src/state.js";

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

test("the modality switch lives in the URL and decides which live events pass", () => {
  assert.equal(parseState("?modality=future").filters.modality, "future");
  assert.equal(parseState("?modality=maybe").filters.modality, undefined);
  const planned = { type: "PROTEST", modality: "future" };
  const happened = { type: "PROTEST", modality: "asserted" };
  assert.equal(matchesFilters(planned, {}), false);
  assert.equal(matchesFilters(happened, {}), true);
  assert.equal(matchesFilters(planned, { modality: "future" }), true);
  assert.equal(matchesFilters(happened, { modality: "future" }), false);
  assert.equal(matchesFilters(planned, { modality: "all" }), true);
});

test("time presets count back from today and downloads carry the filters and the view", () => {
  assert.equal(daysAgo(7, new Date("2024-03-10T08:00:00Z")), "2024-03-03");
  const links = downloadLinks("/api/", { type: "ASSAULT", since: "2024-03-03" }, [30, 45, 40.5, 52]);
  const geo = new URL(links.geojson, "http://x");
  assert.equal(geo.pathname, "/api/events.geojson");
  assert.equal(geo.searchParams.get("type"), "ASSAULT");
  assert.equal(geo.searchParams.get("since"), "2024-03-03");
  assert.equal(geo.searchParams.get("bbox"), "30.0000,45.0000,40.5000,52.0000");
  assert.equal(new URL(links.acled, "http://x").pathname, "/api/events.csv");
  assert.equal(new URL(downloadLinks("/api/", {}, null).geojson, "http://x").searchParams.has("bbox"), false);
});
