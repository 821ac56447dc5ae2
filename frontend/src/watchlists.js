// Watch-lists and alerts on the map page: save the current view as a watch-list, see and remove
// the saved ones, the latest alerts, and a browser notification for each new alert (the server's
// /api/alerts/stream). Writing needs the server's token, asked once and kept for this tab only.
import { h } from "./panel.js";
import { TYPES } from "./types.js";

const TOKEN_KEY = "lagebild.token";

/** The write token of this tab (sessionStorage: it does not outlive the tab). */
export function token() {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) || "";
  } catch {
    return "";
  }
}

export function setToken(value) {
  try {
    if (value) window.sessionStorage.setItem(TOKEN_KEY, value);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token is asked again next time
  }
}

/** Ask for the token when none is kept; "" when the user declines. */
export function askToken() {
  let t = token();
  if (!t) {
    t = (window.prompt("The server's write token (printed by lagebild serve, or $LAGEBILD_TOKEN):") || "").trim();
    setToken(t);
  }
  return t;
}

/** POST/DELETE with the token; a 401 forgets it (so the next try asks again). */
export async function send(url, method, body) {
  const t = askToken();
  if (!t) throw new Error("no token given");
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${t}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status === 401) setToken("");
  if (!res.ok) {
    const detail = await res.json().then((d) => d.detail, () => res.statusText);
    throw new Error(detail || `HTTP ${res.status}`);
  }
  return res.status === 204 ? null : res.json();
}

/** The map's box as west,south,east,north, or null when it shows the whole world. */
export function viewBox(map) {
  const b = map.getBounds();
  if (b.getEast() - b.getWest() >= 360) return null;
  const wrap = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
  return [wrap(b.getWest()), Math.max(-90, b.getSouth()), wrap(b.getEast()), Math.min(90, b.getNorth())];
}

/** The watch-list filter of a view: the page's filters and the map's box (null: the whole world). */
export function filterFromView(filters, bbox) {
  const f = {};
  if (bbox) f.bbox = bbox.map((v) => Math.round(v * 1e4) / 1e4);
  if (filters.type) f.types = [filters.type];
  if (filters.country) f.countries = [filters.country.toUpperCase()];
  if (filters.actor) f.actors = [filters.actor];
  if (filters.q) f.words = filters.q.split(/\s+/).filter(Boolean);
  if (filters.min_confidence) f.min_confidence = Number(filters.min_confidence);
  if (filters.modality) f.modality = filters.modality === "all" ? ["all"] : [filters.modality];
  return f;
}

/** A watch-list's filter in a few words. */
export function describeFilter(f) {
  const parts = [];
  if (f.bbox) parts.push("an area of the map");
  if (f.polygon) parts.push(`a drawn area (${f.polygon.length} points)`);
  for (const [key, name] of [["types", "types"], ["countries", "countries"], ["actors", "actors"], ["words", "words"]]) {
    if (f[key]?.length) parts.push(`${name}: ${f[key].join(", ")}`);
  }
  if (f.min_confidence !== null && f.min_confidence !== undefined) parts.push(`confidence ≥ ${f.min_confidence}`);
  if (f.min_sources) parts.push(`≥ ${f.min_sources} sources`);
  return parts.join("; ") || "every event";
}

function alertLine(a) {
  const ev = a.event || {};
  const place = ev.location?.name || "unknown place";
  return `${a.watchlist}: ${TYPES[ev.type]?.[2] ?? ev.type ?? "?"} — ${place} — ${ev.date ?? "undated"}`;
}

/**
 * Put the watch-lists button in the header and follow the alert stream.
 * `getView()` gives {filters, bbox} of the page now; `openEvent(id)` opens an event's panel.
 */
export function initWatchlists({ api, getView, openEvent }) {
  const button = h("button", { type: "button", id: "watch-open", class: "watch-open", "aria-expanded": "false" }, "Watch-lists");
  const count = h("span", { class: "watch-count", hidden: true });
  button.append(count);
  const dialog = h("section", { id: "watch", class: "watch", "aria-label": "Watch-lists and alerts", hidden: true });
  document.querySelector(".bar")?.append(button);
  document.body.append(dialog);
  const toasts = h("div", { class: "watch-toasts", "aria-live": "polite" });
  document.body.append(toasts);
  let unseen = 0;

  const listEl = h("ul", { class: "watch-list" });
  const alertsEl = h("ol", { class: "watch-alerts" });
  const nameIn = h("input", { name: "name", required: true, maxlength: 100, placeholder: "e.g. Kharkiv shelling" });
  const hookIn = h("input", { name: "webhook", type: "url", placeholder: "https://… (optional)" });
  const viewWords = h("p", { class: "watch-view" });
  const message = h("p", { class: "watch-msg", role: "status" });
  const saveForm = h(
    "form",
    { class: "watch-form" },
    h("label", {}, "Name ", nameIn),
    h("label", {}, "Webhook ", hookIn),
    viewWords,
    h("button", { type: "submit" }, "Save this view as a watch-list"),
  );
  const notifyBtn = h("button", { type: "button", class: "watch-notify" }, "Browser notifications");
  const close = h("button", { type: "button", class: "watch-close", "aria-label": "Close watch-lists (Esc)" }, "✕");
  dialog.append(
    close,
    h("h2", { text: "Watch-lists" }),
    listEl,
    saveForm,
    message,
    h("h2", { text: "Latest alerts" }),
    notifyBtn,
    alertsEl,
  );

  async function refresh() {
    const [w, a] = await Promise.all([
      fetch(`${api}watchlists`).then((r) => r.json()),
      fetch(`${api}alerts?limit=20`).then((r) => r.json()),
    ]);
    listEl.replaceChildren(
      ...(w.watchlists.length
        ? w.watchlists.map((wl) => {
            const remove = h("button", { type: "button", class: "watch-remove", "aria-label": `Remove ${wl.name}` }, "Remove");
            remove.addEventListener("click", async () => {
              try {
                await send(`${api}watchlists/${encodeURIComponent(wl.id)}`, "DELETE");
                refresh();
              } catch (err) {
                message.textContent = `Could not remove it: ${err.message}`;
              }
            });
            return h("li", {}, h("strong", { text: wl.name }), ` — ${describeFilter(wl.filter)}`, wl.webhook ? " (webhook)" : "", " ", remove);
          })
        : [h("li", { class: "watch-none", text: "None yet: set the filters and the map, then save the view." })]),
    );
    renderAlerts(a.alerts);
  }

  function renderAlerts(alerts) {
    alertsEl.replaceChildren(
      ...alerts.map((a) => {
        const b = h("button", { type: "button", class: "watch-alert", "data-id": a.event_id }, alertLine(a));
        b.addEventListener("click", () => openEvent(a.event_id));
        const state = a.delivery?.state;
        const badge = state && state !== "none" ? h("span", { class: `watch-state watch-${state}`, text: state }) : null;
        return h("li", {}, b, badge);
      }),
    );
  }

  function describeView() {
    const { filters, bbox } = getView();
    viewWords.textContent = `Matches new events with: ${describeFilter(filterFromView(filters, bbox))}.`;
  }

  function toggle(open) {
    dialog.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    // Under the button, wherever the header's filters wrapped it to.
    dialog.style.top = `${Math.round(button.getBoundingClientRect().bottom + 6)}px`;
  }
  close.addEventListener("click", () => {
    toggle(false);
    button.focus();
  });
  button.addEventListener("click", () => {
    toggle(dialog.hidden);
    if (!dialog.hidden) {
      unseen = 0;
      count.hidden = true;
      describeView();
      refresh().catch((err) => (message.textContent = `Could not load watch-lists: ${err.message}`));
      nameIn.focus();
    }
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !dialog.hidden) {
      toggle(false);
      button.focus();
    }
  });

  saveForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const { filters, bbox } = getView();
    try {
      const made = await send(`${api}watchlists`, "POST", {
        name: nameIn.value.trim(),
        filter: filterFromView(filters, bbox),
        webhook: hookIn.value.trim() || null,
      });
      message.textContent = `Saved “${made.name}”: new matching events will raise alerts.`;
      nameIn.value = "";
      refresh();
    } catch (err) {
      message.textContent = `Not saved: ${err.message}`;
    }
  });

  function syncNotify() {
    const p = window.Notification?.permission;
    notifyBtn.hidden = !window.Notification || p === "granted";
    notifyBtn.disabled = p === "denied";
    notifyBtn.title = p === "denied" ? "Notifications are blocked for this site in the browser's settings" : "";
  }
  notifyBtn.addEventListener("click", async () => {
    await window.Notification?.requestPermission();
    syncNotify();
  });
  syncNotify();

  // Each new alert: a note on the page (always) and a browser notification (when allowed).
  const stream = new EventSource(`${api}alerts/stream`);
  stream.addEventListener("alert", (e) => {
    const a = JSON.parse(e.data);
    if (window.__lagebild) window.__lagebild.alerts = (window.__lagebild.alerts ?? 0) + 1;
    const note = h("button", { type: "button", class: "watch-toast" }, `Alert — ${alertLine(a)}`);
    note.addEventListener("click", () => {
      note.remove();
      openEvent(a.event_id);
    });
    toasts.append(note);
    setTimeout(() => note.remove(), 15000);
    while (toasts.children.length > 4) toasts.firstChild.remove();
    if (dialog.hidden) {
      unseen += 1;
      count.textContent = String(unseen);
      count.hidden = false;
    } else {
      refresh().catch(() => {});
    }
    if (window.Notification?.permission === "granted" && document.visibilityState !== "visible") {
      const n = new Notification(`lagebild: ${a.watchlist}`, { body: alertLine(a), tag: `alert-${a.id}` });
      n.onclick = () => {
        window.focus();
        openEvent(a.event_id);
      };
    }
  });
  return { refresh, stream };
}
