// Text on the map without map fonts: the offline map has no glyph server, so every name and
// cluster count is drawn on a canvas with the system's own font and handed to MapLibre as an
// image, when a layer first asks for it (the map's missing-image resolver). MapLibre then places these
// images like any symbol: no overlap, biggest places first, nothing fetched from anywhere.

/** Image ids: "lbl:<kind>:<scheme>:<text>"; kinds: c country, p place (a city, with its dot),
 * n cluster count (on a dark disc), r ring-cluster count (on the map). */
export const LABEL_PREFIX = "lbl:";

export function imageId(kind, scheme, text) {
  return `${LABEL_PREFIX}${kind}:${scheme}:${text}`;
}

/** The expression of a symbol layer's icon-image for `kind` from the feature property `prop`. */
export function imageExpression(kind, scheme, prop) {
  return ["concat", `${LABEL_PREFIX}${kind}:${scheme}:`, ["to-string", ["get", prop]]];
}

export function parseImageId(id) {
  if (!id.startsWith(LABEL_PREFIX)) return null;
  const rest = id.slice(LABEL_PREFIX.length);
  const a = rest.indexOf(":");
  const b = rest.indexOf(":", a + 1);
  if (a < 0 || b < 0) return null;
  return { kind: rest.slice(0, a), scheme: rest.slice(a + 1, b), text: rest.slice(b + 1) };
}

const STYLES = {
  c: { font: "600 11px system-ui, sans-serif", upper: true, spacing: 1 },
  p: { font: "12px system-ui, sans-serif", dot: true },
  n: { font: "700 12px system-ui, sans-serif" },
  r: { font: "700 12px system-ui, sans-serif" },
};

const INK = {
  light: { c: ["#6b6257", "#f4f1ea"], p: ["#2f2a24", "#f4f1ea"], n: ["#ffffff", null], r: ["#1b1f23", "#ffffff"], dot: "#2f2a24" },
  dark: { c: ["#aab4be", "#27303a"], p: ["#e4e8ec", "#27303a"], n: ["#0e1620", null], r: ["#e4e8ec", "#12171d"], dot: "#e4e8ec" },
};

const DOT = 3; // radius of a city's dot, CSS pixels; the label starts right of it
const DOT_PAD = 5;

/** Draw one label; returns {image: {width, height, data}, pixelRatio, dotX} for map.addImage. */
export function drawLabel(kind, scheme, text, ratio = 1) {
  const style = STYLES[kind] ?? STYLES.p;
  const ink = (INK[scheme] ?? INK.light)[kind] ?? INK.light.p;
  const shown = style.upper ? text.toUpperCase() : text;
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d");
  ctx.font = style.font;
  if (style.spacing && "letterSpacing" in ctx) ctx.letterSpacing = `${style.spacing}px`;
  const width = Math.ceil(ctx.measureText(shown).width) + 6 + (style.dot ? 2 * DOT + DOT_PAD : 0);
  const height = 17;
  canvas.width = Math.max(1, Math.ceil(width * ratio));
  canvas.height = Math.ceil(height * ratio);
  ctx.scale(ratio, ratio);
  ctx.font = style.font;
  if (style.spacing && "letterSpacing" in ctx) ctx.letterSpacing = `${style.spacing}px`;
  ctx.textBaseline = "middle";
  let x = 3;
  if (style.dot) {
    ctx.fillStyle = (INK[scheme] ?? INK.light).dot;
    ctx.beginPath();
    ctx.arc(x + DOT, height / 2, DOT, 0, 2 * Math.PI);
    ctx.fill();
    x += 2 * DOT + DOT_PAD;
  }
  if (kind === "n") x = (width - ctx.measureText(shown).width) / 2;
  if (kind === "r") x = (width - ctx.measureText(shown).width) / 2;
  if (ink[1]) {
    // A halo in the land's colour keeps the text readable over borders and water.
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = ink[1];
    ctx.strokeText(shown, x, height / 2 + 0.5);
  }
  ctx.fillStyle = ink[0];
  ctx.fillText(shown, x, height / 2 + 0.5);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { image: { width: canvas.width, height: canvas.height, data: data.data }, pixelRatio: ratio };
}

/** Answer MapLibre's requests for label images (call once per map). */
export function provideLabelImages(map) {
  const ratio = Math.max(1, Math.min(window.devicePixelRatio || 1, 3));
  map.setMissingStyleImageResolver((name) => {
    const id = parseImageId(name);
    if (!id || map.hasImage(name)) return;
    const { image, pixelRatio } = drawLabel(id.kind, id.scheme, id.text, ratio);
    map.addImage(name, image, { pixelRatio });
  });
}

/** The bundled label list (frontend/src/data/labels.json) as two GeoJSON collections. */
export function labelCollections(data) {
  const toFeatures = (rows) =>
    rows.map(([name, lon, lat, z], i) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [lon, lat] },
      properties: { name, z, rank: i },
    }));
  return {
    countries: { type: "FeatureCollection", features: toFeatures(data.countries ?? []) },
    cities: { type: "FeatureCollection", features: toFeatures(data.cities ?? []) },
  };
}

/** Symbol layers for country and city names, shown from each place's own zoom on. */
export function labelLayers(scheme) {
  // Zoom in a filter must be a step at the top level: one layer per zoom tier instead. The map
  // places the topmost layer's names first: the smallest places go at the bottom, countries on top.
  const tiers = [6.5, 5.5, 4.5, 3.5, 3, 2.5, 2, 0];
  const layers = [];
  for (const z of tiers) {
    layers.push({
      id: `city-labels-${z}`,
      type: "symbol",
      source: "city-labels",
      minzoom: z,
      filter: ["==", ["get", "z"], z],
      layout: {
        "icon-image": imageExpression("p", scheme, "name"),
        "icon-anchor": "left",
        "icon-offset": [-(3 + DOT), 0],
        "symbol-sort-key": ["get", "rank"],
        "icon-padding": 1,
      },
    });
  }
  for (const z of [4.5, 3, 2, 0]) {
    layers.push({
      id: `country-labels-${z}`,
      type: "symbol",
      source: "country-labels",
      minzoom: z,
      filter: ["==", ["get", "z"], z],
      layout: {
        "icon-image": imageExpression("c", scheme, "name"),
        "symbol-sort-key": ["get", "rank"],
        "icon-padding": 2,
      },
    });
  }
  return layers;
}

/** Switch the label layers to another colour scheme's images. */
export function setLabelScheme(map, scheme) {
  for (const layer of map.getStyle().layers) {
    if (layer.id.startsWith("city-labels-")) map.setLayoutProperty(layer.id, "icon-image", imageExpression("p", scheme, "name"));
    else if (layer.id.startsWith("country-labels-")) map.setLayoutProperty(layer.id, "icon-image", imageExpression("c", scheme, "name"));
  }
}
