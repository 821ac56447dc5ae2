// Corrections in the event panel: what analysts changed (from what, who, when), and a form to
// flag the event as wrong or correct its type, place or date (with the server's token).
import { h } from "./panel.js";
import { TYPES } from "./types.js";
import { send } from "./watchlists.js";

const FIELD_WORDS = { type: "type", mode: "mode", location: "place", date: "date", date_precision: "date precision" };
const ANALYST_KEY = "lagebild.analyst";

function shown(field, value) {
  if (value === null || value === undefined) return "none";
  if (field === "location") return value.name ?? `${value.lat}, ${value.lon}`;
  if (field === "type") return TYPES[value]?.[2] ?? value;
  return String(value);
}

/** One line per logged correction: "2026-12-03 14:02, anna: type Assault → Protest (a march)". */
export function correctionLines(log) {
  return log.map((c) => {
    const when = (c.at ?? "").slice(0, 16).replace("T", " ");
    let what;
    if (c.kind === "flag") what = "flagged as wrong";
    else if (c.kind === "unflag") what = "flag lifted";
    else {
      what = Object.keys(c.changes)
        .filter((k) => k !== "date_precision" && !(k === "mode" && c.changes.mode === null && !c.before.mode))
        .map((k) => `${FIELD_WORDS[k] ?? k} ${shown(k, c.before[k])} → ${shown(k, c.changes[k])}`)
        .join(", ");
    }
    return `${when}, ${c.by}: ${what}${c.reason ? ` (${c.reason})` : ""}`;
  });
}

/** The body of POST /api/corrections from the form's values; null when nothing is to be sent. */
export function correctionBody(eventId, values) {
  const body = { event_id: eventId, by: values.by.trim() };
  if (values.reason?.trim()) body.reason = values.reason.trim();
  if (values.flag !== undefined) return { ...body, flag: values.flag };
  let any = false;
  for (const key of ["type", "place", "date"]) {
    const v = values[key]?.trim();
    if (v) {
      body[key] = v;
      any = true;
    }
  }
  return any ? body : null;
}

/**
 * The panel's corrections part for `ev` (an /api/events/{id} answer); `onChange(event)` is called
 * with the corrected event, to show it anew.
 */
export function correctionBox(ev, { api, onChange }) {
  const box = h("section", { class: "corrections", "aria-label": "Corrections" });
  if (ev.flagged) {
    box.append(h("p", { class: "flagged", text: `Flagged as wrong${ev.correction?.reason ? `: ${ev.correction.reason}` : ""}. Hidden from the map unless asked for.` }));
  }
  const log = ev.corrections ?? [];
  if (log.length) {
    box.append(h("h3", { text: "Corrected by analysts" }), h("ul", { class: "correction-log" }, correctionLines(log).map((t) => h("li", { text: t }))));
  }
  const typeSel = h("select", { name: "type" }, h("option", { value: "", text: "(unchanged)" }));
  for (const [code, [, , name]] of Object.entries(TYPES)) typeSel.append(h("option", { value: code, text: name }));
  const place = h("input", { name: "place", placeholder: "Kharkiv, UA or 49.99,36.23", size: 22 });
  const date = h("input", { name: "date", placeholder: "YYYY-MM-DD", size: 11, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" });
  const reason = h("input", { name: "reason", placeholder: "why (optional)", size: 22, maxlength: 2000 });
  let analyst = "";
  try {
    analyst = window.localStorage.getItem(ANALYST_KEY) ?? "";
  } catch {
    analyst = "";
  }
  const by = h("input", { name: "by", placeholder: "your name", size: 12, required: true, value: analyst });
  const status = h("p", { class: "correction-msg", role: "status" });
  const save = h("button", { type: "submit" }, "Save correction");
  const flag = h("button", { type: "button" }, ev.flagged ? "Lift the flag" : "Flag as wrong");
  const form = h(
    "form",
    { class: "correction-form" },
    h("label", {}, "Type ", typeSel),
    h("label", {}, "Place ", place),
    h("label", {}, "Date ", date),
    h("label", {}, "Reason ", reason),
    h("label", {}, "By ", by),
    h("div", { class: "correction-actions" }, save, flag),
    status,
  );
  const details = h("details", { class: "correct" }, h("summary", { text: "Flag or correct this event" }), form);
  box.append(details);

  async function submit(values) {
    if (!values.by.trim()) {
      status.textContent = "Say who you are (By).";
      by.focus();
      return;
    }
    const body = correctionBody(ev.id, values);
    if (!body) {
      status.textContent = "Nothing to correct: choose a type, or give a place or a date.";
      return;
    }
    try {
      window.localStorage.setItem(ANALYST_KEY, values.by.trim());
    } catch {
      // storage disabled: asked again next time
    }
    status.textContent = "Saving…";
    try {
      await send(`${api}corrections`, "POST", body);
      status.textContent = "Saved.";
      onChange?.();
    } catch (err) {
      status.textContent = `Not saved: ${err.message}`;
    }
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit({ type: typeSel.value, place: place.value, date: date.value, reason: reason.value, by: by.value });
  });
  flag.addEventListener("click", () => submit({ flag: !ev.flagged, reason: reason.value, by: by.value }));
  return box;
}
