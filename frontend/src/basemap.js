// The offline base map: Natural Earth countries from the world-atlas package, drawn by
// MapLibre from a GeoJSON source, so no tile server or glyph host is ever asked.
import { feature, mesh } from "topojson-client";
import { labelCollections, labelLayers } from "./labels.js";

/**
 * Make a ring continuous in longitude: TopoJSON rings that cross the antimeridian jump from
 * +180 to -180, which a flat projection draws as a stripe across the whole world. Shifting
 * the points after a jump by 360 degrees keeps the ring in one piece (MapLibre draws
 * longitudes beyond 180 on the neighbouring world copy, which is where they belong).
 * A ring that goes round a pole (Antarctica) cannot close that way: it is closed along the
 * pole's edge of the map instead.
 */
export function unwrapRing(ring) {
  if (ring.length < 2) return ring.map((p) => [p[0], p[1]]);
  const out = [[ring[0][0], ring[0][1]]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const prev = out[out.length - 1][0];
    let lon = ring[i][0] + offset;
    if (lon - prev > 180) offset -= 360;
    else if (lon - prev < -180) offset += 360;
    lon = ring[i][0] + offset;
    out.push([lon, ring[i][1]]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (Math.abs(last[0] - first[0]) >= 180) {
    // Round a pole: walk along the map's edge on that pole's side back to the start.
    const mean = out.reduce((s, p) => s + p[1], 0) / out.length;
    const edge = mean < 0 ? -85 : 85;
    out.push([last[0], edge]);
    const step = last[0] > first[0] ? -90 : 90;
    for (let lon = last[0] + step; step < 0 ? lon > first[0] : lon < first[0]; lon += step) {
      out.push([lon, edge]);
    }
    out.push([first[0], edge], [first[0], first[1]]);
  } else if (last[0] !== first[0] || last[1] !== first[1]) {
    out.push([first[0], first[1]]);
  }
  return out;
}

/** Unwrap every ring of a Polygon or MultiPolygon geometry (other geometries pass through). */
export function unwrapGeometry(geometry) {
  if (!geometry) return geometry;
  if (geometry.type === "Polygon") {
    return { type: "Polygon", coordinates: geometry.coordinates.map(unwrapRing) };
  }
  if (geometry.type === "MultiPolygon") {
    return {
      type: "MultiPolygon",
      coordinates: geometry.coordinates.map((poly) => poly.map(unwrapRing)),
    };
  }
  if (geometry.type === "MultiLineString") {
    return { type: "MultiLineString", coordinates: geometry.coordinates.flatMap(splitLine) };
  }
  return geometry;
}

/** Split a line where it jumps across the antimeridian (borders are lines, not rings). */
export function splitLine(line) {
  const parts = [];
  let current = [];
  for (const p of line) {
    const prev = current[current.length - 1];
    if (prev && Math.abs(p[0] - prev[0]) > 180) {
      if (current.length > 1) parts.push(current);
      current = [];
    }
    current.push([p[0], p[1]]);
  }
  if (current.length > 1) parts.push(current);
  return parts;
}

/** Countries as a GeoJSON FeatureCollection and their shared borders as lines. */
export function worldLayers(topology) {
  const countries = feature(topology, topology.objects.countries);
  countries.features = countries.features.map((f) => ({
    type: "Feature",
    id: f.id,
    properties: { name: f.properties?.name ?? "" },
    geometry: unwrapGeometry(f.geometry),
  }));
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  return {
    countries,
    borders: { type: "Feature", properties: {}, geometry: unwrapGeometry(borders) },
  };
}

/**
 * The base style: background, land, borders and, given `labels` (labels.json), country and city
 * names drawn without fonts (labels.js). Colours follow the colour scheme `scheme`.
 */
export function baseStyle(world, colours, labels = null, scheme = "light") {
  const named = labels ? labelCollections(labels) : null;
  return {
    version: 8,
    sources: {
      countries: { type: "geojson", data: world.countries },
      borders: { type: "geojson", data: world.borders },
      ...(named
        ? {
            "country-labels": { type: "geojson", data: named.countries },
            "city-labels": { type: "geojson", data: named.cities },
          }
        : {}),
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": colours.water } },
      { id: "land", type: "fill", source: "countries", paint: { "fill-color": colours.land } },
      {
        id: "borders",
        type: "line",
        source: "borders",
        paint: { "line-color": colours.border, "line-width": 0.6 },
      },
      ...(named ? labelLayers(scheme) : []),
    ],
  };
}
