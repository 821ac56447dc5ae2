// The page's state lives in the URL's query string, so a copied link reproduces the view:
// filters, time range, the map's centre and zoom, and the open event.

export const FILTER_KEYS = ["type", "country", "actor", "q", "lang", "min_confidence", "modality", "since", "until"];
export const MODALITY_CHOICES = ["all", "future", "negated", "hypothetical"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Read the state from a query string; values that make no sense are dropped, not obeyed. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const state = { filters: {}, view: null, event: null, style: null };
  for (const key of FILTER_KEYS) {
    const v = (p.get(key) ?? "").trim();
    if (!v) continue;
    if ((key === "since" || key === "until") && !DATE.test(v)) continue;
    if (key === "modality" && !MODALITY_CHOICES.includes(v)) continue;
    if (key === "min_confidence") {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 1) continue;
      state.filters[key] = String(n);
      continue;
    }
    state.filters[key] = v;
  }
  const z = Number(p.get("z"));
  const [lat, lon] = (p.get("c") ?? "").split(",").map(Number);
  if (p.has("z") && p.has("c") && Number.isFinite(z) && Number.isFinite(lat) && Number.isFinite(lon)) {
    if (Math.abs(lat) <= 90 && z >= 0 && z <= 22) {
      state.view = { zoom: z, center: [((((lon + 180) % 360) + 360) % 360) - 180, lat] };
    }
  }
  state.event = p.get("event") || null;
  state.style = p.get("style") || null;
  return state;
}

/** The query string for a state (keys in a fixed order, so equal states give equal links). */
export function formatState(state) {
  const p = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = state.filters[key];
    if (v !== undefined && v !== null && v !== "") p.set(key, v);
  }
  if (state.view) {
    p.set("z", state.view.zoom.toFixed(2));
    p.set("c", `${state.view.center[1].toFixed(4)},${state.view.center[0].toFixed(4)}`);
  }
  if (state.event) p.set("event", state.event);
  if (state.style) p.set("style", state.style);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Query parameters for the API from the filters (`omit` leaves some out, e.g. the time range). */
export function apiParams(filters, omit = []) {
  const p = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (omit.includes(key)) continue;
    const v = filters[key];
    if (v !== undefined && v !== null && v !== "") p.set(key, v);
  }
  return p;
}

/**
 * Whether an event (the API's JSON) passes the filters: live events from the stream arrive
 * unfiltered and must be checked here. Text filters are approximate (the server's full-text
 * search is stricter), so they err towards showing.
 */
export function matchesFilters(ev, filters) {
  if (ev.flagged) return false; // an analyst said it is wrong: the API hides it too (flagged=false)
  if (filters.type && !filters.type.split(",").includes(ev.type)) return false;
  const modality = ev.modality ?? "asserted";
  if (filters.modality !== "all" && modality !== (filters.modality ?? "asserted")) return false;
  const country = ev.location?.country ?? null;
  if (filters.country && (country ?? "").toUpperCase() !== filters.country.toUpperCase()) return false;
  if (filters.min_confidence && (ev.confidence ?? 0) < Number(filters.min_confidence)) return false;
  if (filters.since && (!ev.date || ev.date < filters.since)) return false;
  if (filters.until && (!ev.date || ev.date > filters.until)) return false;
  if (filters.lang && !(ev.evidence ?? []).some((e) => e.lang === filters.lang)) return false;
  if (filters.actor) {
    const needle = filters.actor.toLowerCase();
    const names = [...(ev.actors ?? []), ...(ev.recipients ?? [])].flatMap((a) => [a.name, a.canonical, a.igo]);
    if (!names.some((n) => n && n.toLowerCase().includes(needle))) return false;
  }
  if (filters.q) {
    const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
    const text = (ev.evidence ?? []).map((e) => e.sentence).join(" ").toLowerCase();
    if (!words.every((w) => text.includes(w.replace(/[*"]/g, "")))) return false;
  }
  return true;
}

/** Today minus `days` as YYYY-MM-DD (UTC: event dates are days without a time zone). */
export function daysAgo(days, now = new Date()) {
  return new Date(now.getTime() - days * 86400000).toISOString().slice(0, 10);
}

/** Links that download what is in view: the filters plus the map's bounding box. */
export function downloadLinks(api, filters, bbox) {
  const p = apiParams(filters);
  if (bbox) p.set("bbox", bbox.map((x) => x.toFixed(4)).join(","));
  const q = p.toString();
  return { geojson: `${api}events.geojson?${q}`, csv: `${api}events.flat.csv?${q}`, acled: `${api}events.csv?${q}` };
}
