// PLOVER event types: one colour and one small shape each, drawn on a canvas so the map needs
// no icon sprite and no font. The legend draws the same shapes, so map and legend agree.

/** type -> [colour, shape, label]. Conflict types are warm, cooperation types cool. */
export const TYPES = {
  ASSAULT: ["#d7263d", "cross", "Assault"],
  PROTEST: ["#f46036", "triangle", "Protest"],
  COERCE: ["#c2185b", "square", "Coerce"],
  MOBILIZE: ["#8e44ad", "chevron", "Mobilize"],
  THREATEN: ["#e67e22", "bang", "Threaten"],
  SANCTION: ["#a0522d", "bar", "Sanction"],
  REJECT: ["#b8860b", "slash", "Reject"],
  ACCUSE: ["#d4a017", "dot", "Accuse"],
  REQUEST: ["#7f8c8d", "ring", "Request"],
  RETREAT: ["#16a085", "arrow", "Retreat"],
  AID: ["#27ae60", "plus", "Aid"],
  COOPERATE: ["#2e86de", "link", "Cooperate"],
  CONCEDE: ["#48c9b0", "down", "Concede"],
  SUPPORT: ["#5dade2", "heart", "Support"],
  CONSULT: ["#3f51b5", "pair", "Consult"],
  AGREE: ["#1abc9c", "check", "Agree"],
};
export const OTHER = ["#6c757d", "dot", "Other"];

export function typeInfo(type) {
  const [colour, shape, label] = TYPES[type] ?? OTHER;
  return { colour, shape, label };
}

/** Draw a type's marker (filled disc with a white shape) into a 2D context of size `s`. */
export function drawIcon(ctx, type, s) {
  const { colour, shape } = typeInfo(type);
  const c = s / 2;
  ctx.clearRect(0, 0, s, s);
  ctx.beginPath();
  ctx.arc(c, c, s / 2 - 1, 0, Math.PI * 2);
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.lineWidth = Math.max(1, s / 16);
  ctx.strokeStyle = "#ffffff";
  ctx.stroke();
  ctx.fillStyle = "#ffffff";
  ctx.strokeStyle = "#ffffff";
  ctx.lineWidth = Math.max(1.5, s / 9);
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  const r = s * 0.22;
  const line = (...pts) => {
    ctx.beginPath();
    ctx.moveTo(c + pts[0] * r, c + pts[1] * r);
    for (let i = 2; i < pts.length; i += 2) ctx.lineTo(c + pts[i] * r, c + pts[i + 1] * r);
    ctx.stroke();
  };
  const poly = (...pts) => {
    ctx.beginPath();
    ctx.moveTo(c + pts[0] * r, c + pts[1] * r);
    for (let i = 2; i < pts.length; i += 2) ctx.lineTo(c + pts[i] * r, c + pts[i + 1] * r);
    ctx.closePath();
    ctx.fill();
  };
  const disc = (x, y, rr) => {
    ctx.beginPath();
    ctx.arc(c + x * r, c + y * r, rr * r, 0, Math.PI * 2);
    ctx.fill();
  };
  switch (shape) {
    case "cross":
      line(-1, -1, 1, 1);
      line(-1, 1, 1, -1);
      break;
    case "triangle":
      poly(0, -1.1, 1, 0.8, -1, 0.8);
      break;
    case "square":
      poly(-0.8, -0.8, 0.8, -0.8, 0.8, 0.8, -0.8, 0.8);
      break;
    case "chevron":
      line(-1, 0.6, 0, -0.5, 1, 0.6);
      break;
    case "bang":
      line(0, -1.1, 0, 0.3);
      disc(0, 0.95, 0.22);
      break;
    case "bar":
      line(-1, 0, 1, 0);
      break;
    case "slash":
      line(-0.8, 1, 0.8, -1);
      break;
    case "ring":
      ctx.beginPath();
      ctx.arc(c, c, r * 0.8, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case "arrow":
      line(1, 0, -1, 0);
      line(-0.3, -0.7, -1, 0, -0.3, 0.7);
      break;
    case "plus":
      line(-1, 0, 1, 0);
      line(0, -1, 0, 1);
      break;
    case "link":
      disc(-0.6, 0, 0.45);
      disc(0.6, 0, 0.45);
      line(-0.6, 0, 0.6, 0);
      break;
    case "down":
      poly(-1, -0.6, 1, -0.6, 0, 0.9);
      break;
    case "heart":
      poly(0, 1, -1, -0.1, -0.6, -0.9, 0, -0.4, 0.6, -0.9, 1, -0.1);
      break;
    case "pair":
      disc(-0.55, 0, 0.4);
      disc(0.55, 0, 0.4);
      break;
    case "check":
      line(-0.9, 0, -0.25, 0.7, 0.9, -0.7);
      break;
    default:
      disc(0, 0, 0.5);
  }
}

/** Canvas image data for MapLibre's addImage, drawn at the device's pixel ratio. */
export function iconImage(type, size, ratio) {
  const px = Math.round(size * ratio);
  const canvas = document.createElement("canvas");
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext("2d");
  drawIcon(ctx, type, px);
  return ctx.getImageData(0, 0, px, px);
}

const iconUrls = new Map(); // "type:px" -> data: URL, drawn once

/**
 * A small image of the type's icon, for the legend, the list and the panel. An <img> of a data:
 * URL drawn once per type, not a canvas per row: hundreds of canvases in the list each cost a
 * canvas resource on every frame the page composites (slow in software rendering).
 */
export function typeIcon(type, size = 16) {
  const px = Math.round(size * (window.devicePixelRatio || 1));
  const key = `${type}:${px}`;
  let url = iconUrls.get(key);
  if (!url) {
    const canvas = document.createElement("canvas");
    canvas.width = px;
    canvas.height = px;
    drawIcon(canvas.getContext("2d"), type, px);
    url = canvas.toDataURL("image/png");
    iconUrls.set(key, url);
  }
  const img = document.createElement("img");
  img.src = url;
  img.alt = "";
  img.width = size;
  img.height = size;
  img.className = "type-icon";
  img.setAttribute("aria-hidden", "true");
  return img;
}
