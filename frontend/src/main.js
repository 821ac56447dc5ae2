// The map page: wires the URL state, the filters, the map, the list, the panel, the timeline
// and the live stream together. Data flows one way: state -> API -> records -> views.
import { GeoJSONSource, LngLatBounds, Map as MapLibre, NavigationControl, prewarm, setWorkerUrl } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import coarseAtlasUrl from "world-atlas/countries-110m.json?url";
import atlasUrl from "world-atlas/countries-50m.json?url";
import "./style.css";
import { baseStyle, worldLayers } from "./basemap.js";
import labelsUrl from "./data/labels.json?url";
import { labelCollections, provideLabelImages, setLabelScheme } from "./labels.js";
import { getJSON, getPoints, slim, streamPoints } from "./data.js";
import { PIN_PRECISIONS, addEventLayers, setCountScheme, setSelected, toCollections } from "./layers.js";
import { correctionBox } from "./corrections.js";
import { renderEscalation, renderNow } from "./now.js";
import { h, label, renderEvent } from "./panel.js";
import { setupPlaceSearch } from "./search.js";
import { apiParams, daysAgo, downloadLinks, formatState, matchesFilters, parseState } from "./state.js";
import { Timeline, bucketEnd } from "./timeline.js";
import { TYPES, typeIcon } from "./types.js";
import { initWatchlists, viewBox } from "./watchlists.js";
import "./watchlists.css";

// The worker is a file of the build, served by our own server: no blob: or remote worker.
setWorkerUrl(new URL(workerUrl, document.baseURI).href);
// Start the worker now: its script loads and compiles while the page fetches its data, not after.
prewarm();

const API = new URL("api/", document.baseURI);
const MAX_EVENTS = 200_000; // what one page holds in memory; beyond it the view says so
const FIRST_PAGE = 1000; // the newest events, drawn before the rest streams in
const LIST_MAX = 300;
const FIT = { padding: 60, maxZoom: 6, animate: false }; // the first view: all loaded events

const PALETTES = {
  light: {
    water: "#c6d9ea",
    land: "#f4f1ea",
    border: "#a8a39a",
    cluster: "#34495e",
    clusterStroke: "#ffffff",
    fresh: "#ff00aa",
    selected: "#111111",
  },
  dark: {
    water: "#0e1620",
    land: "#27303a",
    border: "#55606c",
    cluster: "#a9c3dc",
    clusterStroke: "#0e1620",
    fresh: "#ff4fd8",
    selected: "#ffffff",
  },
};
const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
const scheme = () => (darkQuery.matches ? "dark" : "light");
const palette = () => PALETTES[scheme()];

const state = parseState(window.location.search);
const records = new Map(); // id -> slim record of every loaded event
let loadController = null;
let playing = null;
let panelReturnFocus = null;
let timelineLabel = "";
let listScope = null; // a cluster opened into the list: {ids, count, center, zoom}; null: what is in view

const $ = (sel) => document.querySelector(sel);
const form = $("#filters");

let resolveReady;
const ready = new Promise((r) => (resolveReady = r));
// For tests and the benchmark: the map, the loaded records and when the page got usable.
window.__lagebild = { ready, records, state, map: null, loads: 0, live: 0, timings: {}, longTasks: [] };
if (window.PerformanceObserver?.supportedEntryTypes?.includes("longtask")) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lagebild.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask" });
}

// ---------------------------------------------------------------- URL state

function syncUrl() {
  const url = `${window.location.pathname}${formatState(state)}`;
  window.history.replaceState(null, "", url);
}

function fillForm() {
  const f = state.filters;
  $("#f-type").value = f.type ?? "";
  $("#f-country").value = f.country ?? "";
  $("#f-actor").value = f.actor ?? "";
  $("#f-q").value = f.q ?? "";
  $("#f-lang").value = f.lang ?? "";
  $("#f-conf").value = f.min_confidence ?? "0";
  $("#f-conf-out").value = f.min_confidence ?? "0";
  $("#f-since").value = f.since ?? "";
  $("#f-until").value = f.until ?? "";
  $("#f-modality").value = f.modality ?? "";
  for (const b of document.querySelectorAll(".legend-item")) {
    b.setAttribute("aria-pressed", String(b.dataset.type === f.type));
  }
}

function readForm() {
  const data = new FormData(form);
  const f = {};
  for (const [k, v] of data.entries()) {
    const s = String(v).trim();
    if (!s || (k === "min_confidence" && Number(s) === 0)) continue;
    f[k] = k === "country" ? s.toUpperCase() : s;
  }
  return f;
}

function setFilters(filters) {
  state.filters = filters;
  fillForm();
  syncUrl();
  updateDownloads(); // the links follow the filters at once, not when the new events are in
  stopPlay();
  reload();
}

// ---------------------------------------------------------------- map

// The first page of events is asked for at once, while the base map loads and the map starts:
// the server's answer and the page's setup overlap (interactive sooner; see reload()).
const firstPage = { params: apiParams(state.filters).toString(), controller: new AbortController() };
firstPage.promise = getPoints(`${API}events.points?${firstPage.params}&limit=${FIRST_PAGE}`, firstPage.controller.signal);
firstPage.promise.catch(() => {}); // a failure is reported when reload() uses it
// An online style: ?style=URL in the link, else the server's --tile-style; else the offline map.
// The world view starts from the 1:110m countries (a seventh of the 1:50m file, and as much less
// for the worker to cut): the finer coasts only show from DETAIL_ZOOM on, when they are loaded.
const DETAIL_ZOOM = 2.5;
const detailFirst = (state.view?.zoom ?? 0) >= DETAIL_ZOOM;
const [world, labels, config] = await Promise.all([
  fetch(detailFirst ? atlasUrl : coarseAtlasUrl)
    .then((r) => r.json())
    .then(worldLayers),
  fetch(labelsUrl)
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null),
  fetch("/api/config")
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({})),
]);
window.__lagebild.timings.base = performance.now();
const onlineStyle = state.style || config.tile_style || null;
const map = new MapLibre({
  container: "map",
  style: onlineStyle ? onlineStyle : baseStyle(world, palette(), detailFirst ? labels : withoutCities(labels), scheme()),
  center: state.view?.center ?? [20, 25],
  zoom: state.view?.zoom ?? 1.3,
  attributionControl: { compact: true, customAttribution: "Natural Earth" },
  renderWorldCopies: true,
  maxPitch: 0,
  // No fade-in of labels and pins: each fade is 300 ms of redrawn frames after every move, which
  // in software rendering (or on a slow GPU) keeps the map busy many times longer than the move.
  fadeDuration: 0,
});
window.__lagebild.map = map;
// The first view fits the first page's events unless the link gave a view or the user moved the
// map first. Moves of the map's own (a resize while the page lays out also ends in "moveend")
// do not count: they used to leave the world view at its default instead of the events' extent.
const linkedView = Boolean(state.view);
let userMoved = false;
map.on("movestart", (e) => {
  if (e.originalEvent) userMoved = true;
});
const mayFit = () => !linkedView && !userMoved && !window.__lagebild.timings.ready;
// The first page usually arrives before the map has loaded: fitting to it then means the base
// map is tiled and drawn once, at the view the user gets, not first at the world view.
firstPage.promise
  ?.then((events) => {
    if (!mayFit()) return;
    const b = new LngLatBounds();
    for (const ev of events) if (Number.isFinite(ev.location?.lon)) b.extend([ev.location.lon, ev.location.lat]);
    if (!b.isEmpty()) map.fitBounds(b, FIT);
  })
  .catch(() => {});
provideLabelImages(map);
map.addControl(new NavigationControl({ showCompass: false }), "top-right");
map.keyboard.enable();

map.on("style.load", () => {
  addEventLayers(map, palette(), scheme());
  refreshSources();
});

darkQuery.addEventListener("change", () => {
  const p = palette();
  if (!onlineStyle) {
    map.setPaintProperty("background", "background-color", p.water);
    map.setPaintProperty("land", "fill-color", p.land);
    map.setPaintProperty("borders", "line-color", p.border);
    setLabelScheme(map, scheme());
  }
  setCountScheme(map, scheme());
  map.setPaintProperty("clusters", "circle-color", p.cluster);
  map.setPaintProperty("clusters", "circle-stroke-color", p.clusterStroke);
  map.setPaintProperty("area-clusters", "circle-color", p.cluster);
  map.setPaintProperty("area-clusters", "circle-stroke-color", p.cluster);
});

let detail = detailFirst ? Promise.resolve() : null;
window.__lagebild.detail = detailFirst;
/** The world view without city names: none shows below DETAIL_ZOOM (labels.json), yet the worker
 * would cut all 6,000 into every tile of the world view. They come with the finer coasts. */
function withoutCities(data) {
  return data && { ...data, cities: [] };
}
/** The 1:50m countries replace the 1:110m ones, and the city names come, the first time the map is
 * zoomed in that far. */
function loadDetail() {
  if (detail || onlineStyle || map.getZoom() < DETAIL_ZOOM) return;
  if (labels) map.getSource("city-labels")?.setData(labelCollections(labels).cities);
  detail = fetch(atlasUrl)
    .then((r) => r.json())
    .then(worldLayers)
    .then((fine) => {
      map.getSource("countries")?.setData(fine.countries);
      map.getSource("borders")?.setData(fine.borders);
      window.__lagebild.detail = true;
    })
    .catch((err) => {
      detail = null; // the coarse map stays; the next zoom tries again
      console.warn("the finer coasts did not load:", err);
    });
}

map.on("moveend", () => {
  loadDetail();
  const c = map.getCenter().wrap();
  state.view = { center: [c.lng, c.lat], zoom: map.getZoom() };
  syncUrl();
  renderList();
});

for (const layer of ["points", "areas", "clusters", "area-clusters"]) {
  map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
  map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = ""));
}

// Hover: what a pin is, in words, before a click (a cluster says how many it holds).
const tooltip = h("div", { id: "map-tooltip", class: "map-tooltip", role: "tooltip", hidden: true });
$("#map").append(tooltip);
for (const layer of ["points", "areas", "clusters", "area-clusters"]) {
  map.on("mousemove", layer, (e) => {
    const f = e.features?.[0];
    if (!f) return;
    const r = records.get(f.properties.id);
    tooltip.textContent = f.properties.point_count ? `${f.properties.point_count} events: click to see them` : r ? label(r) : "";
    tooltip.style.left = `${e.point.x + 12}px`;
    tooltip.style.top = `${e.point.y + 12}px`;
    tooltip.hidden = !tooltip.textContent;
  });
  map.on("mouseleave", layer, () => (tooltip.hidden = true));
}

map.on("click", async (e) => {
  const hits = map.queryRenderedFeatures(e.point, { layers: ["points", "areas", "clusters", "area-clusters"] });
  if (!hits.length) return;
  const cluster = hits.find((f) => f.layer.id === "clusters" || f.layer.id === "area-clusters");
  const events = [...new Set(hits.filter((f) => !f.properties.cluster_id).map((f) => f.properties.id))];
  if (events.length === 1) return openEvent(events[0]);
  if (events.length > 1) {
    // Several events on one spot (rings at a country's centre): their list, to pick one.
    listScope = { ids: events, count: events.length, center: [e.lngLat.lng, e.lngLat.lat], zoom: Math.min(map.getZoom() + 2, 16) };
    renderList();
    return;
  }
  if (cluster) openCluster(cluster);
});

// A cluster opens into the list of its events (however many share one spot), newest first;
// "Zoom in" still spreads it apart on the map.
async function openCluster(cluster) {
  const source = map.getSource(cluster.layer.source);
  const id = cluster.properties.cluster_id;
  const count = cluster.properties.point_count;
  const [leaves, zoom] = await Promise.all([source.getClusterLeaves(id, LIST_MAX, 0), source.getClusterExpansionZoom(id)]);
  listScope = {
    ids: leaves.map((f) => f.properties.id),
    count,
    center: cluster.geometry.coordinates,
    zoom: Math.min(Math.max(zoom, map.getZoom() + 1), 16),
  };
  renderList();
  $("#event-list button[data-id]")?.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- data

let refreshTimer = null;
function refreshSources() {
  clearTimeout(refreshTimer);
  refreshTimer = null;
  const events = map.getSource("events");
  const areas = map.getSource("areas");
  if (!(events instanceof GeoJSONSource) || !areas) return;
  let shown = [...records.values()];
  if (playing) shown = shown.filter((r) => r.date && r.date >= playing.from && r.date <= playing.to);
  const { pins, areas: rings } = toCollections(shown);
  events.setData(pins);
  areas.setData(rings);
  if (state.event) setSelected(map, records.get(state.event) ?? null);
  renderList();
  renderStatus();
}
function refreshSoon(ms = 200) {
  if (!refreshTimer) refreshTimer = setTimeout(refreshSources, ms);
}

async function reload() {
  loadController?.abort();
  const controller = new AbortController();
  loadController = controller;
  records.clear();
  listScope = null;
  window.__lagebild.loading = true;
  renderStatus("Loading…");
  loadNow(controller.signal);
  const params = apiParams(state.filters);
  const firstAnswer = firstPageFor(params, controller);
  // The timeline's counts are the heaviest read of the page (a scan of every matching event):
  // asked for once the first page is in, so that a busy server answers the map first.
  firstAnswer.catch(() => {}).then(() => loadTimeline(controller.signal));
  try {
    // The newest events first, in one small page, so the map is usable at once ...
    const first = await firstAnswer;
    window.__lagebild.timings.firstPage ??= performance.now();
    for (const ev of first) records.set(ev.id, slim(ev));
    refreshSources();
    if (mayFit() && records.size) fitToRecords();
    await idle();
    window.__lagebild.timings.ready ??= performance.now();
    resolveReady();
    // ... then all of them, streamed, drawn as they arrive.
    if (first.length >= FIRST_PAGE) {
      params.set("limit", String(MAX_EVENTS));
      await streamPoints(`${API}events.points?${params}`, {
        signal: controller.signal,
        batch: 20000,
        onBatch: (events) => {
          for (const ev of events) if (!records.has(ev.id)) records.set(ev.id, slim(ev));
          refreshSoon(50);
        },
      });
      refreshSources();
    }
  } catch (err) {
    if (err.name === "AbortError") return;
    renderStatus(`Could not load events: ${err.message}`);
    resolveReady();
    return;
  } finally {
    if (loadController === controller) window.__lagebild.loading = false;
  }
  window.__lagebild.loads += 1;
  renderStatus();
  await idle();
  window.__lagebild.timings.complete ??= performance.now();
}

/** The prefetched first page when the filters are still those it was asked with, else a new one. */
function firstPageFor(params, controller) {
  const pre = firstPage.promise && firstPage.params === params.toString() ? firstPage.promise : null;
  if (!pre) firstPage.controller.abort();
  firstPage.promise = null;
  if (pre) {
    controller.signal.addEventListener("abort", () => firstPage.controller.abort());
    return pre;
  }
  return getPoints(`${API}events.points?${params}&limit=${FIRST_PAGE}`, controller.signal);
}

function idle() {
  return new Promise((resolve) => {
    if (map.loaded() && !map.isMoving()) map.once("idle", resolve);
    else map.once("idle", resolve);
    map.triggerRepaint();
  });
}

function fitToRecords() {
  const b = new LngLatBounds();
  for (const r of records.values()) if (r.lon !== null) b.extend([r.lon, r.lat]);
  if (!b.isEmpty()) map.fitBounds(b, FIT);
}

// ---------------------------------------------------------------- list of events in view

function inView(r, bounds) {
  if (r.lon === null) return false;
  if (r.lat < bounds.getSouth() || r.lat > bounds.getNorth()) return false;
  const w = bounds.getWest();
  const e = bounds.getEast();
  if (e - w >= 360) return true;
  let lon = r.lon;
  while (lon < w) lon += 360;
  return lon <= e;
}

function renderList() {
  const list = $("#event-list");
  const bounds = map.getBounds();
  const visible = [];
  let count = 0;
  if (listScope) {
    for (const id of listScope.ids) {
      const r = records.get(id);
      if (r) visible.push(r);
    }
    count = Math.max(listScope.count, visible.length);
  } else {
    for (const r of records.values()) {
      if (playing && !(r.date && r.date >= playing.from && r.date <= playing.to)) continue;
      if (!inView(r, bounds)) continue;
      count++;
      visible.push(r);
    }
  }
  // Newest first, new (live) ones on top; plain comparison: localeCompare is slow on 100k.
  visible.sort((a, b) => b.isNew - a.isNew || ((b.date ?? "") > (a.date ?? "") ? 1 : (b.date ?? "") < (a.date ?? "") ? -1 : 0));
  const items = visible.slice(0, LIST_MAX).map((r) => {
    const b = h(
      "button",
      { type: "button", class: "list-item", "data-id": r.id, "aria-current": r.id === state.event ? "true" : null },
      typeIcon(r.type, 16),
      h("span", { class: "li-text", dir: "auto", text: label(r) }),
      r.isNew ? h("span", { class: "badge-new", text: "new" }) : null,
      PIN_PRECISIONS.has(r.precision ?? "city") ? null : h("span", { class: "badge-prec", text: r.precision }),
    );
    return h("li", {}, b);
  });
  if (count > visible.length || count > LIST_MAX) {
    items.push(h("li", { class: "list-more", text: `… and ${count - Math.min(LIST_MAX, visible.length)} more: zoom in or filter` }));
  }
  // Drawn anew on every map move: keyboard focus stays on the same event.
  const focused = list.contains(document.activeElement) ? document.activeElement.dataset?.id : null;
  list.replaceChildren(...items);
  if (focused) list.querySelector(`button[data-id="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
  updateDownloads();
  $("#list-title").textContent = listScope ? `${count} events in this cluster` : `Events in view (${count})`;
  $("#list-scope").hidden = !listScope;
  window.__lagebild.inView = count;
}

$("#event-list").addEventListener("click", (e) => {
  const b = e.target.closest("button[data-id]");
  if (b) openEvent(b.dataset.id);
});
$("#event-list").addEventListener("keydown", (e) => {
  const buttons = [...$("#event-list").querySelectorAll("button[data-id]")];
  const i = buttons.indexOf(document.activeElement);
  let next = null;
  if (e.key === "ArrowDown") next = buttons[Math.min(buttons.length - 1, i + 1)];
  else if (e.key === "ArrowUp") next = buttons[Math.max(0, i - 1)];
  else if (e.key === "Home") next = buttons[0];
  else if (e.key === "End") next = buttons[buttons.length - 1];
  if (next) {
    e.preventDefault();
    next.focus();
  }
});
$("#event-list").addEventListener("focusin", (e) => {
  const b = e.target.closest("button[data-id]");
  if (b) setSelected(map, records.get(b.dataset.id));
});
$("#event-list").addEventListener("focusout", () => setSelected(map, state.event ? records.get(state.event) : null));
$("#list-all").addEventListener("click", () => {
  listScope = null;
  renderList();
});
$("#list-zoom").addEventListener("click", () => {
  if (listScope) map.easeTo({ center: listScope.center, zoom: listScope.zoom });
});

// ---------------------------------------------------------------- panel

/** The open event is marked in the list too (aria-current), wherever the list is scrolled. */
function markCurrent(id) {
  for (const b of document.querySelectorAll("#event-list button[aria-current]")) b.removeAttribute("aria-current");
  if (id) document.querySelector(`#event-list button[data-id="${CSS.escape(id)}"]`)?.setAttribute("aria-current", "true");
}

/** With the panel open the map is narrower: keep the open event in sight. */
function keepInView(id) {
  const r = records.get(id);
  if (!r || r.lon === null) return;
  map.resize();
  const p = map.project([r.lon, r.lat]);
  const c = map.getContainer();
  if (p.x < 20 || p.y < 20 || p.x > c.clientWidth - 20 || p.y > c.clientHeight - 20) map.easeTo({ center: [r.lon, r.lat] });
}

async function openEvent(id) {
  const panel = $("#panel");
  if (panel.hidden) panelReturnFocus = document.activeElement;
  state.event = id;
  syncUrl();
  setSelected(map, records.get(id));
  markCurrent(id);
  const body = $("#panel-body");
  body.replaceChildren(h("p", { text: "Loading…" }));
  showPanel();
  keepInView(id);
  try {
    const ev = await getJSON(`${API}events/${encodeURIComponent(id)}`);
    if (state.event !== id) return;
    renderEvent(body, ev);
    body.append(correctionBox(ev, { api: API, onChange: () => openEvent(id) }));
  } catch (err) {
    body.replaceChildren(h("p", { text: `Could not load the event: ${err.message}` }));
  }
  $("#panel-close").focus();
}

/** The panel takes a column beside the list (the map narrows), or a bottom sheet on phones. */
function showPanel() {
  $("#panel").hidden = false;
  $(".layout").classList.add("with-panel");
}

function closePanel() {
  $("#panel").hidden = true;
  $(".layout").classList.remove("with-panel");
  state.event = null;
  syncUrl();
  setSelected(map, null);
  markCurrent(null);
  // The list may have been drawn anew meanwhile (the map narrowed): the same event's button then.
  const again = panelReturnFocus?.dataset?.id && $(`#event-list button[data-id="${CSS.escape(panelReturnFocus.dataset.id)}"]`);
  if (panelReturnFocus && document.contains(panelReturnFocus)) panelReturnFocus.focus();
  else if (again) again.focus();
}
$("#panel-close").addEventListener("click", closePanel);
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !$("#panel").hidden) closePanel();
});

// ---------------------------------------------------------------- filters and legend

for (const [type, [, , name]] of Object.entries(TYPES)) {
  $("#f-type").append(h("option", { value: type, text: name }));
  const b = h("button", { type: "button", class: "legend-item", "data-type": type }, typeIcon(type, 16), ` ${name}`);
  b.addEventListener("click", () => {
    const f = { ...state.filters };
    if (f.type === type) delete f.type;
    else f.type = type;
    setFilters(f);
  });
  b.title = `Show only ${name} events (again: all types)`;
  $("#legend-types").append(h("li", {}, b));
}

form.addEventListener("submit", (e) => e.preventDefault());
form.addEventListener("change", () => setFilters(readForm()));
$("#f-conf").addEventListener("input", () => ($("#f-conf-out").value = $("#f-conf").value));
for (const id of ["#f-actor", "#f-q", "#f-country"]) {
  $(id).addEventListener("input", debounce(() => setFilters(readForm()), 500));
}
$("#f-reset").addEventListener("click", () => setFilters({}));

// ---------------------------------------------------------------- place search

setupPlaceSearch({
  input: $("#place-q"),
  results: $("#place-results"),
  api: API,
  getJSON,
  flyTo: (p) => {
    map.flyTo({ center: [p.lon, p.lat], zoom: p.zoom, essential: true });
    $("#announce").textContent = `Map moved to ${p.name}`;
  },
});

// ---------------------------------------------------------------- now: tabs of the list column

let nowDays = 7;
let tab = "view";
function showTab(name) {
  tab = name;
  for (const t of ["view", "now", "countries"]) {
    $(`#tab-${t}`).setAttribute("aria-selected", String(t === name));
    $(`#pane-${t}`).hidden = t !== name;
  }
  $("#now-window").hidden = name === "view";
  if (name !== "view") loadNow(loadController?.signal);
}
for (const t of ["view", "now", "countries"]) $(`#tab-${t}`).addEventListener("click", () => showTab(t));
$(".tabs").addEventListener("keydown", (e) => {
  const order = ["view", "now", "countries"];
  const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
  if (!step) return;
  const next = order[(order.indexOf(tab) + step + order.length) % order.length];
  showTab(next);
  $(`#tab-${next}`).focus();
});
for (const b of document.querySelectorAll(".now-days")) {
  b.addEventListener("click", () => {
    nowDays = Number(b.dataset.days);
    for (const o of document.querySelectorAll(".now-days")) o.setAttribute("aria-pressed", String(o === b));
    loadNow(loadController?.signal);
  });
}

/** The Now and Countries panes, with the filters (not the time range: they have their own). */
async function loadNow(signal) {
  if (tab === "view") return;
  const params = apiParams(state.filters, ["since", "until"]);
  params.set("days", String(nowDays));
  try {
    if (tab === "now") {
      params.set("limit", "30");
      renderNow($("#pane-now"), await getJSON(`${API}now?${params}`, signal), openEvent);
    } else {
      renderEscalation($("#pane-countries"), await getJSON(`${API}escalation?${params}`, signal), (country) =>
        setFilters({ ...state.filters, country }),
      );
    }
    window.__lagebild.nowLoads = (window.__lagebild.nowLoads ?? 0) + 1;
  } catch (err) {
    if (err.name !== "AbortError") $(`#pane-${tab}`).replaceChildren(h("p", { class: "now-empty", text: `Unavailable: ${err.message}` }));
  }
}

// ---------------------------------------------------------------- timeline

const timeline = new Timeline($("#timeline"), {
  onRange: (since, until) => setFilters({ ...state.filters, since, until }),
});
for (const b of document.querySelectorAll(".preset")) {
  b.addEventListener("click", () => {
    const f = { ...state.filters, since: daysAgo(Number(b.dataset.days)) };
    delete f.until;
    setFilters(f);
  });
}

/** Keep the download links on the current filters and the map's view. */
function updateDownloads() {
  const b = map.getBounds();
  const wide = b.getEast() - b.getWest() >= 360;
  const bbox = wide ? null : [b.getWest(), Math.max(-90, b.getSouth()), b.getEast(), Math.min(90, b.getNorth())];
  const links = downloadLinks(API, state.filters, bbox);
  $("#dl-geojson").href = links.geojson;
  $("#dl-csv").href = links.csv;
  $("#dl-acled").href = links.acled;
}
window.__lagebild.updateDownloads = () => updateDownloads();

$("#all-time").addEventListener("click", () => {
  const f = { ...state.filters };
  delete f.since;
  delete f.until;
  setFilters(f);
});

async function loadTimeline(signal) {
  const params = apiParams(state.filters, ["since", "until"]);
  try {
    const data = await getJSON(`${API}timeline?${params}`, signal);
    timeline.set(data);
    timeline.setRange(state.filters.since, state.filters.until);
    const range =
      state.filters.since || state.filters.until
        ? `${state.filters.since ?? "…"} to ${state.filters.until ?? "…"}`
        : "all time";
    timelineLabel = `${data.total} dated events per ${data.bucket}; shown: ${range}`;
    if (!playing) $("#tl-label").textContent = timelineLabel;
  } catch (err) {
    if (err.name !== "AbortError") $("#tl-label").textContent = `Timeline unavailable: ${err.message}`;
  }
}

function stopPlay() {
  if (!playing) return;
  clearTimeout(playing.timer);
  playing = null;
  timeline.setCursor(null);
  $("#announce").textContent = "Replay stopped";
  $("#tl-label").textContent = timelineLabel;
  $("#play").textContent = "▶ Play";
  $("#play").setAttribute("aria-pressed", "false");
  refreshSources();
}

$("#play").addEventListener("click", () => {
  if (playing) return stopPlay();
  const buckets = timeline.bucketsInRange();
  if (!buckets.length) return;
  const from = state.filters.since ?? buckets[0].date;
  // Replays cumulatively: each step adds the events of the next bucket, over about 15 s.
  const delay = Math.max(250, Math.min(1200, 15000 / buckets.length));
  playing = { from, to: from, i: 0, timer: null };
  $("#announce").textContent = `Replaying events from ${from}`;
  $("#play").textContent = "■ Stop";
  $("#play").setAttribute("aria-pressed", "true");
  const step = () => {
    if (!playing) return;
    const b = buckets[playing.i];
    playing.to = timelineEnd(b.date);
    timeline.setCursor(b.date);
    $("#tl-label").textContent = `Replaying: events from ${from} to ${playing.to}`;
    refreshSources();
    playing.i += 1;
    if (playing.i < buckets.length) playing.timer = setTimeout(step, delay);
    else playing.timer = setTimeout(stopPlay, delay * 2);
  };
  step();
});

function timelineEnd(date) {
  const end = bucketEnd(date, timeline.data?.bucket ?? "day");
  return state.filters.until && end > state.filters.until ? state.filters.until : end;
}

// ---------------------------------------------------------------- live stream

function connectStream() {
  const source = new EventSource(`${API}stream`);
  source.addEventListener("events", (msg) => {
    let data;
    try {
      data = JSON.parse(msg.data);
    } catch {
      return;
    }
    const events = Array.isArray(data) ? data : (data.events ?? [data]);
    // Events folded into another (a report tied them together) are gone: their pins and rows go,
    // and an open panel shows the event they became part of.
    let removed = 0;
    for (const r of data.removed ?? []) {
      if (records.delete(r.id)) removed++;
      if (state.event === r.id && r.folded_into) openEvent(r.folded_into);
    }
    window.__lagebild.removed = (window.__lagebild.removed ?? 0) + removed;
    let added = 0;
    for (const ev of events) {
      if (!ev?.id) continue;
      if (!matchesFilters(ev, state.filters)) {
        records.delete(ev.id); // an update can move an event out of the filters
        continue;
      }
      records.set(ev.id, slim(ev, true));
      added++;
    }
    if (removed && !added) refreshSoon();
    if (!added) return;
    window.__lagebild.live += added;
    $("#seen").hidden = false;
    $("#announce").textContent = `${added} new event${added === 1 ? "" : "s"}`;
    refreshSoon();
    clearTimeout(connectStream.timelineTimer);
    connectStream.timelineTimer = setTimeout(() => {
      loadTimeline(loadController?.signal);
      loadNow(loadController?.signal);
    }, 2000);
  });
  source.addEventListener("error", () => renderStatus());
  window.__lagebild.stream = source;
}

$("#seen").addEventListener("click", () => {
  for (const r of records.values()) r.isNew = false;
  $("#seen").hidden = true;
  refreshSources();
});

// ---------------------------------------------------------------- status line

function renderStatus(message) {
  const el = $("#status");
  if (message) {
    el.textContent = message;
    return;
  }
  let unplaced = 0;
  let rings = 0;
  let fresh = 0;
  for (const r of records.values()) {
    if (r.lon === null) unplaced++;
    else if (!PIN_PRECISIONS.has(r.precision ?? "city")) rings++;
    if (r.isNew) fresh++;
  }
  const parts = [`${records.size.toLocaleString("en")} events loaded`];
  if (records.size >= MAX_EVENTS) parts.push("(the newest: zoom in or filter for the others)");
  if (rings) parts.push(`· ${rings.toLocaleString("en")} known only to region or country`);
  if (unplaced) parts.push(`· ${unplaced.toLocaleString("en")} without a place (list only in exports)`);
  if (fresh) parts.push(`· ${fresh} new`);
  if (window.__lagebild.loading) parts.push("· loading…");
  el.textContent = parts.join(" ");
}

// ---------------------------------------------------------------- helpers

function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
// ---------------------------------------------------------------- start

fillForm();
if (window.matchMedia("(max-width: 760px)").matches) {
  // Phones: the map first; filters and legend open on demand (active filters stay visible).
  $(".filters-wrap").open = Object.keys(state.filters).length > 0;
  $(".legend").open = false;
}
map.once("load", () => (window.__lagebild.timings.mapLoad = performance.now()));
// Events go on the map as soon as its style (and so the event sources) exists, not at "load",
// which waits for the base map's tiles: the worker then cuts the base map and clusters the first
// page in one go, and the page is drawn complete in fewer frames.
map.once("style.load", () => {
  window.__lagebild.timings.style = performance.now();
  reload();
  connectStream();
  initWatchlists({ api: API, getView: () => ({ filters: state.filters, bbox: viewBox(map) }), openEvent });
  if (state.event) openEvent(state.event);
});
