// Loading events from the API. The map reads points (/api/events.points: one event a line, only
// what a pin and its row show), so a large result is drawn batch by batch as it streams in.
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

/**
 * Read /api/events.points (one event a line, the map's keys of the event contract) as it streams
 * in, calling `onBatch(events)` every `batch` events and once more at the end; resolves to how
 * many were read. A line that is not JSON ends the read with an error: a cut answer must not
 * pass for a smaller one.
 */
export async function streamPoints(url, { onBatch, batch = 5000, signal }) {
  const res = await fetch(url, { signal, headers: { Accept: "application/x-ndjson" } });
  if (!res.ok) throw new Error(await problem(res));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  let pending = [];
  let n = 0;
  const take = (line) => {
    if (!line.trim()) return;
    pending.push(JSON.parse(line));
    n++;
    if (pending.length >= batch) {
      onBatch(pending);
      pending = [];
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
    const lines = rest.split("\n");
    rest = lines.pop();
    for (const line of lines) take(line);
  }
  take(rest + decoder.decode());
  if (pending.length) onBatch(pending);
  return n;
}

/** All points of a (small) answer at once: the first page. */
export async function getPoints(url, signal) {
  const events = [];
  await streamPoints(url, { signal, batch: Infinity, onBatch: (b) => events.push(...b) });
  return events;
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
