// Loading events from the API. The GeoJSON export writes one feature per line, so a large
// result is read as it streams in and drawn page by page instead of after the last byte.
import { actorName } from "./words.js";

/** The slim record the page keeps per event (the full event is fetched when it is opened). */
export function slim(ev, isNew = false) {
  const loc = ev.location ?? null;
  const actors = [...new Set((ev.actors ?? []).map(actorName).filter(Boolean))];
  const recipients = [...new Set((ev.recipients ?? []).map(actorName).filter(Boolean))];
  return {
    id: ev.id,
    type: ev.type,
    mode: ev.mode ?? null,
    date: ev.date ?? null,
    datePrecision: ev.date_precision ?? null,
    confidence: ev.confidence ?? null,
    lon: loc && Number.isFinite(loc.lon) ? loc.lon : null,
    lat: loc && Number.isFinite(loc.lat) ? loc.lat : null,
    place: loc?.name ?? null,
    country: loc?.country ?? null,
    precision: loc?.precision ?? null,
    who: actors.join(", "),
    whom: recipients.join(", "),
    sources: ev.num_sources ?? 1,
    modality: ev.modality ?? "asserted",
    fatalities: ev.fatalities ?? null,
    isNew,
  };
}

/** A GeoJSON feature (properties = event contract minus coordinates) as an event dict. */
export function eventFromFeature(f) {
  const ev = f.properties ?? {};
  if (f.geometry?.type === "Point" && ev.location) {
    const [lon, lat] = f.geometry.coordinates;
    ev.location = { ...ev.location, lon, lat };
  }
  if (!ev.id && f.id) ev.id = f.id;
  return ev;
}

/**
 * Stream /api/events.geojson and call `onBatch(events)` every `batch` features.
 * Lines that are not whole features (the collection's first and last line) are skipped; if
 * the server ever writes the collection differently, the whole body is parsed at the end.
 */
export async function streamGeoJSON(url, { onBatch, batch = 5000, signal }) {
  const res = await fetch(url, { signal, headers: { Accept: "application/geo+json" } });
  if (!res.ok) throw new Error(await problem(res));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  let pending = [];
  let all = "";
  let parsedAny = false;
  const flush = () => {
    if (pending.length) onBatch(pending);
    pending = [];
  };
  const take = (line) => {
    let s = line.trim();
    if (s.endsWith(",")) s = s.slice(0, -1);
    if (!s.startsWith('{"type": "Feature"') && !s.startsWith('{"type":"Feature"')) return;
    try {
      pending.push(eventFromFeature(JSON.parse(s)));
      parsedAny = true;
    } catch {
      return;
    }
    if (pending.length >= batch) flush();
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    if (!parsedAny && all.length < 1e6) all += text;
    rest += text;
    const lines = rest.split("\n");
    rest = lines.pop();
    for (const line of lines) take(line);
    flush();
  }
  take(rest);
  flush();
  if (!parsedAny && all.trim()) {
    const fc = JSON.parse(all);
    const events = (fc.features ?? []).map(eventFromFeature);
    if (events.length) onBatch(events);
  }
}

export async function getJSON(url, signal) {
  const res = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(await problem(res));
  return res.json();
}

async function problem(res) {
  try {
    const body = await res.json();
    const detail = body.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) return detail.map((d) => d.msg ?? String(d)).join("; ");
  } catch {
    /* not JSON */
  }
  return `${res.status} ${res.statusText}`;
}
