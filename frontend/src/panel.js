// The event panel: everything known about one event and every source behind it. Every piece
// of text from the data is set with textContent: an article that contains markup shows it.
import { iconCanvas, typeInfo } from "./types.js";

const PRECISION_WORDS = {
  exact: "exact point",
  city: "city or town",
  admin2: "district (second-level region)",
  admin1: "province or state only; the ring marks its centre",
  country: "country only; the ring marks the country's centre, not a place in it",
  region: "wider region only; the ring marks its centre",
};
const DATE_WORDS = { day: "to the day", week: "to the week", month: "to the month", year: "to the year" };

export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function countryName(code) {
  if (!code) return "";
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code.toUpperCase());
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function actorText(a) {
  const parts = [a.canonical && a.canonical !== a.name ? `${a.name} → ${a.canonical}` : a.name];
  const tags = [a.country && countryName(a.country), a.igo, a.sector].filter(Boolean);
  if (tags.length) parts.push(`(${tags.join(", ")})`);
  return parts.join(" ");
}

function row(label, ...value) {
  return [h("dt", { text: label }), h("dd", {}, ...value)];
}

/** Only http(s) links become links: a javascript: URL in the data must never be clickable. */
export function safeUrl(url) {
  try {
    const u = new URL(url, window.location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

export function renderEvent(container, ev) {
  const info = typeInfo(ev.type);
  const loc = ev.location;
  const documents = ev.documents ?? {};
  const title = h("h2", { id: "panel-title" }, iconCanvas(ev.type, 20), ` ${info.label}`);
  if (ev.mode) title.append(h("span", { class: "mode", text: ` / ${ev.mode}` }));
  const acled = ev.acled_event_type
    ? `${ev.acled_event_type}${ev.acled_sub_event_type ? ` — ${ev.acled_sub_event_type}` : ""}`
    : "not an ACLED event type";
  const place = loc
    ? [
        h("span", { text: [loc.name, loc.admin1, countryName(loc.country)].filter(Boolean).join(", ") }),
        h("br"),
        h("span", {
          class: `precision precision-${loc.precision}`,
          text: `Precision: ${PRECISION_WORDS[loc.precision] ?? loc.precision}`,
        }),
      ]
    : [h("span", { text: "not known (not on the map)" })];
  const date = ev.date
    ? `${ev.date} (${DATE_WORDS[ev.date_precision] ?? ev.date_precision ?? "precision unknown"})`
    : "not known";
  const dl = h(
    "dl",
    { class: "facts" },
    row("Type", `${ev.type}${ev.mode ? ` / ${ev.mode}` : ""}`),
    row("ACLED", acled),
    ev.cameo_root ? row("CAMEO root", ev.cameo_root) : null,
    row("Actors", ev.actors?.length ? ev.actors.map(actorText).join("; ") : "not named"),
    row("Acted upon", ev.recipients?.length ? ev.recipients.map(actorText).join("; ") : "—"),
    row("Place", ...place),
    row("Date", date),
    row("Confidence", `${Math.round((ev.confidence ?? 0) * 100)} %`),
    row("Modality", ev.modality ?? "asserted"),
    row("Sources", String(ev.num_sources ?? ev.evidence?.length ?? 0)),
  );
  const sources = h("ol", { class: "sources" });
  for (const e of ev.evidence ?? []) {
    const doc = documents[e.document_id] ?? {};
    const url = safeUrl(e.url ?? doc.url);
    const name = doc.title || e.source || doc.source || url || e.document_id;
    const link = url
      ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: name })
      : h("span", { text: name });
    const meta = [e.source || doc.source, e.lang, doc.published].filter(Boolean).join(" · ");
    sources.append(
      h(
        "li",
        { class: "source" },
        h("div", { class: "source-head" }, link),
        meta ? h("div", { class: "source-meta", text: meta }) : null,
        h(
          "blockquote",
          // dir=auto: Arabic and Persian sentences read right to left.
          { class: "evidence", lang: e.lang && e.lang !== "und" ? e.lang : null, dir: "auto" },
          h("mark", { text: e.sentence }),
        ),
        h("div", { class: "source-meta", text: `characters ${e.start}–${e.end} of the article` }),
      ),
    );
  }
  container.replaceChildren(
    title,
    dl,
    h("h3", { text: `Evidence (${ev.evidence?.length ?? 0})` }),
    sources,
    h("p", { class: "event-id" }, "Event ", h("code", { text: ev.id })),
  );
}

/** Several events at one spot (rings at a country's centre): let the user pick one. */
export function renderChooser(container, records, open) {
  const list = h("ul", { class: "chooser" });
  for (const r of records) {
    const b = h("button", { type: "button", class: "list-item" }, iconCanvas(r.type, 16), ` ${label(r)}`);
    b.addEventListener("click", () => open(r.id));
    list.append(h("li", {}, b));
  }
  container.replaceChildren(h("h2", { id: "panel-title", text: `${records.length} events here` }), list);
}

export function label(r) {
  const what = typeInfo(r.type).label + (r.mode ? ` / ${r.mode}` : "");
  const where = r.place ? ` — ${r.place}` : "";
  const who = r.who ? ` — ${r.who}` : "";
  return `${r.date ?? "undated"} · ${what}${where}${who}`;
}
