// The event layers on top of the base map. Pins (known to a city or better) are clustered;
// events known only to a region or country get a hollow ring at the area's centre, in a
// layer of their own that is never clustered with pins, so nobody reads them as a city.
import { imageExpression } from "./labels.js";
import { OTHER, TYPES, iconImage } from "./types.js";

export const PIN_PRECISIONS = new Set(["exact", "city", "admin2"]);
const ICON_SIZE = 22;

export function typeColourExpression() {
  const m = ["match", ["get", "type"]];
  for (const [type, [colour]] of Object.entries(TYPES)) m.push(type, colour);
  m.push(OTHER[0]);
  return m;
}

/** Add sources, icons and layers for events (again after a style change). */
export function addEventLayers(map, colours, scheme = "light") {
  const ratio = Math.max(1, Math.min(window.devicePixelRatio || 1, 3));
  for (const type of [...Object.keys(TYPES), "OTHER"]) {
    const name = `ev-${type}`;
    if (!map.hasImage(name)) map.addImage(name, iconImage(type, ICON_SIZE, ratio), { pixelRatio: ratio });
  }
  const empty = { type: "FeatureCollection", features: [] };
  map.addSource("events", {
    type: "geojson",
    data: empty,
    cluster: true,
    clusterRadius: 46,
    clusterMaxZoom: 13,
    clusterProperties: { fresh: ["+", ["get", "fresh"]] },
    promoteId: "id",
  });
  // Rings are clustered too, but only with each other: a cluster of rings is drawn as a
  // hollow double ring, never as a pin cluster, so coarse events never pose as precise ones.
  map.addSource("areas", {
    type: "geojson",
    data: empty,
    cluster: true,
    clusterRadius: 40,
    clusterMaxZoom: 9,
    clusterProperties: { fresh: ["+", ["get", "fresh"]] },
    promoteId: "id",
  });
  const colour = typeColourExpression();
  map.addLayer({
    id: "area-clusters",
    type: "circle",
    source: "areas",
    filter: ["has", "point_count"],
    paint: {
      "circle-color": colours.cluster,
      "circle-opacity": 0.1,
      "circle-stroke-color": colours.cluster,
      "circle-stroke-width": 3,
      "circle-radius": ["step", ["get", "point_count"], 15, 10, 18, 100, 22, 1000, 27, 10000, 32],
    },
  });
  map.addLayer({
    id: "areas",
    type: "circle",
    source: "areas",
    filter: ["!", ["has", "point_count"]],
    paint: {
      "circle-color": colour,
      "circle-opacity": 0.08,
      "circle-stroke-color": colour,
      "circle-stroke-width": 2.5,
      "circle-radius": ["match", ["get", "precision"], "admin1", 10, "country", 14, 18],
    },
  });
  map.addLayer({
    id: "clusters",
    type: "circle",
    source: "events",
    filter: ["has", "point_count"],
    paint: {
      "circle-color": colours.cluster,
      "circle-opacity": 0.85,
      "circle-stroke-color": colours.clusterStroke,
      "circle-stroke-width": 2,
      "circle-radius": ["step", ["get", "point_count"], 14, 10, 17, 100, 21, 1000, 26, 10000, 31],
    },
  });
  map.addLayer({
    id: "points",
    type: "symbol",
    source: "events",
    filter: ["!", ["has", "point_count"]],
    layout: {
      "icon-image": ["coalesce", ["image", ["concat", "ev-", ["get", "type"]]], ["image", "ev-OTHER"]],
      "icon-allow-overlap": true,
      "icon-ignore-placement": true,
    },
    // Planned, denied and possible events are faded: seen, but never mistaken for what happened.
    paint: { "icon-opacity": ["case", ["==", ["get", "unreal"], 1], 0.45, 1] },
  });
  map.addLayer({
    id: "unreal",
    type: "circle",
    source: "events",
    filter: ["all", ["!", ["has", "point_count"]], ["==", ["get", "unreal"], 1]],
    paint: {
      "circle-color": "rgba(0,0,0,0)",
      "circle-stroke-color": "#444444",
      "circle-stroke-width": 1.5,
      "circle-radius": 13,
    },
  });
  // New (live) events: a ring in the accent colour round the pin, the area or the cluster.
  map.addLayer({
    id: "fresh",
    type: "circle",
    source: "events",
    filter: [">", ["coalesce", ["get", "fresh"], 0], 0],
    paint: {
      "circle-color": "rgba(0,0,0,0)",
      "circle-stroke-color": colours.fresh,
      "circle-stroke-width": 3,
      "circle-radius": ["case", ["has", "point_count"], 36, 16],
    },
  });
  map.addLayer({
    id: "fresh-areas",
    type: "circle",
    source: "areas",
    filter: [">", ["coalesce", ["get", "fresh"], 0], 0],
    paint: {
      "circle-color": "rgba(0,0,0,0)",
      "circle-stroke-color": colours.fresh,
      "circle-stroke-width": 3,
      "circle-radius": ["case", ["has", "point_count"], 37, ["match", ["get", "precision"], "admin1", 15, "country", 19, 23]],
    },
  });
  // Cluster counts: images of the numbers (labels.js), placed by MapLibre on each cluster.
  for (const [id, source, kind] of [
    ["cluster-counts", "events", "n"],
    ["area-cluster-counts", "areas", "r"],
  ]) {
    map.addLayer({
      id,
      type: "symbol",
      source,
      filter: ["has", "point_count"],
      layout: {
        "icon-image": imageExpression(kind, scheme, "point_count_abbreviated"),
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
      },
    });
  }
  // The selected event in a source of its own, never clustered: its ring shows where it is,
  // also when it sits inside a cluster.
  map.addSource("selected", { type: "geojson", data: empty });
  map.addLayer({
    id: "selected",
    type: "circle",
    source: "selected",
    paint: {
      "circle-color": "rgba(0,0,0,0)",
      "circle-stroke-color": colours.selected,
      "circle-stroke-width": 3,
      "circle-radius": 17,
    },
  });
  map.addLayer({
    id: "selected-dot",
    type: "circle",
    source: "selected",
    paint: { "circle-color": colours.fresh, "circle-radius": 4, "circle-stroke-color": "#ffffff", "circle-stroke-width": 1.5 },
  });
}

/** Ring the event `record` and dot its exact spot, on a pin or inside a cluster (null: none). */
export function setSelected(map, record) {
  const source = map.getSource("selected");
  if (!source) return;
  const features =
    record && record.lon !== null
      ? [
          {
            type: "Feature",
            geometry: { type: "Point", coordinates: [record.lon, record.lat] },
            properties: { id: record.id },
          },
        ]
      : [];
  source.setData({ type: "FeatureCollection", features });
}

/** Switch the cluster counts to another colour scheme's images. */
export function setCountScheme(map, scheme) {
  if (map.getLayer("cluster-counts")) map.setLayoutProperty("cluster-counts", "icon-image", imageExpression("n", scheme, "point_count_abbreviated"));
  if (map.getLayer("area-cluster-counts")) map.setLayoutProperty("area-cluster-counts", "icon-image", imageExpression("r", scheme, "point_count_abbreviated"));
}

/** Split slim records into the two sources' feature collections. */
export function toCollections(records) {
  const pins = [];
  const areas = [];
  for (const r of records) {
    if (r.lon === null || r.lat === null) continue;
    const feature = {
      type: "Feature",
      geometry: { type: "Point", coordinates: [r.lon, r.lat] },
      properties: {
        id: r.id,
        type: r.type,
        precision: r.precision ?? "city",
        fresh: r.isNew ? 1 : 0,
        unreal: r.modality && r.modality !== "asserted" ? 1 : 0,
      },
    };
    (PIN_PRECISIONS.has(r.precision ?? "city") ? pins : areas).push(feature);
  }
  return {
    pins: { type: "FeatureCollection", features: pins },
    areas: { type: "FeatureCollection", features: areas },
  };
}
