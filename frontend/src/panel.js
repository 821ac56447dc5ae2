// The event panel: everything known about one event and every source behind it. Every piece
// of text from the data is set with textContent: an article that contains markup shows it.
import { typeIcon, typeInfo } from "./types.js";
import {
  actorName,
  cameoWords,
  casualtyWords,
  countryWords,
  dateWords,
  disagreementWords,
  languageWords,
  modeWords,
  MODALITY_SHORT,
  MODALITY_WORDS,
  sectorWords,
} from "./words.js";

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

/** The actor by its English name, the words as the article wrote them beside it, codes in tooltips. */
function actorNode(a) {
  const name = actorName(a);
  const node = h("span", { class: "actor" }, h("span", { class: "actor-name", text: name }));
  if (a.name && a.name !== name) node.append(" ", h("span", { class: "as-written", dir: "auto", text: `(“${a.name}”)` }));
  const tags = [];
  if (a.country) tags.push(h("span", { title: a.country, text: countryWords(a.country) }));
  if (a.igo) tags.push(h("span", { text: a.igo }));
  if (a.sector) tags.push(h("abbr", { class: "sector", title: `sector code ${a.sector}`, text: sectorWords(a.sector) }));
  if (tags.length) node.append(" — ", ...tags.flatMap((t, i) => (i ? [", ", t] : [t])));
  return node;
}

function actorList(actors, none) {
  if (!actors?.length) return [none];
  return actors.flatMap((a, i) => (i ? ["; ", actorNode(a)] : [actorNode(a)]));
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
  const title = h("h2", { id: "panel-title" }, typeIcon(ev.type, 20), ` ${headline(ev)}`);
  const acled = ev.acled_event_type
    ? `${ev.acled_event_type}${ev.acled_sub_event_type ? ` — ${ev.acled_sub_event_type}` : ""}`
    : "none (ACLED does not count this kind of event)";
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
    ? `${dateWords(ev.date, ev.date_precision)} (${DATE_WORDS[ev.date_precision] ?? ev.date_precision ?? "precision unknown"}${
        ev.date_from === "published" ? "; from the publication date, the text gives none" : ""
      })`
    : "not known";
  const groups = sourceGroups(ev);
  const nSources = new Set(groups.map((g) => g.source || g.url)).size || ev.num_sources || 0;
  const langs = [...new Set(groups.map((g) => g.lang))];
  const casualties = casualtyWords(ev);
  const disagreements = disagreementWords(ev.disagreement);
  const dl = h(
    "dl",
    { class: "facts" },
    row(
      "Type",
      h("abbr", { title: `PLOVER ${ev.type}`, text: info.label }),
      ev.mode ? [" — ", h("abbr", { class: "mode", title: `PLOVER mode ${ev.mode}`, text: modeWords(ev.mode) })] : null,
    ),
    row("ACLED", acled),
    ev.cameo_root ? row("CAMEO", h("abbr", { class: "cameo", title: `CAMEO root code ${ev.cameo_root}`, text: cameoWords(ev.cameo_root) })) : null,
    row("Actors", ...actorList(ev.actors, "not named")),
    row("Acted upon", ...actorList(ev.recipients, "—")),
    row("Place", ...place),
    row("Date", date),
    casualties ? row("Casualties", h("span", { class: "casualties", text: casualties })) : null,
    row("Confidence", `${Math.round((ev.confidence ?? 0) * 100)} %`),
    row("Modality", MODALITY_WORDS[ev.modality ?? "asserted"] ?? ev.modality),
    row(
      "Reports",
      h("span", {
        class: "reach",
        text: `${nSources} source${nSources === 1 ? "" : "s"} in ${langs.length || 1} language${langs.length > 1 ? "s" : ""}`,
      }),
      ev.num_articles > 1 ? ` (${ev.num_articles} articles)` : null,
    ),
  );
  const disputed = disagreements.length
    ? h("div", { class: "disagreement", role: "note" }, h("h3", { text: "Where reports disagree" }), h("ul", {}, disagreements.map((t) => h("li", { text: t }))))
    : null;
  const byLang = h("div", { class: "by-language" });
  for (const lang of langs) {
    const list = h("ol", { class: "sources" });
    for (const g of groups.filter((x) => x.lang === lang)) {
      for (const e of g.evidence) list.append(sourceItem(e, g, documents));
    }
    byLang.append(h("section", { class: "lang-group", "data-lang": lang }, h("h4", { text: languageWords(lang) }), list));
  }
  container.replaceChildren(
    ...[title, dl, disputed].filter(Boolean),
    h("h3", { text: `Evidence (${ev.evidence?.length ?? 0}) by language` }),
    byLang,
    h("p", { class: "event-id" }, "Event ", h("code", { text: ev.id })),
  );
}

/** The evidence grouped by language then source: the API's `sources`, or built from `evidence`. */
function sourceGroups(ev) {
  if (Array.isArray(ev.sources)) return ev.sources;
  const groups = new Map();
  for (const e of ev.evidence ?? []) {
    const key = `${e.lang}\u0000${e.source || e.url || e.document_id}`;
    if (!groups.has(key)) groups.set(key, { lang: e.lang, source: e.source, url: e.url, evidence: [] });
    groups.get(key).evidence.push(e);
  }
  return [...groups.values()];
}

function sourceItem(e, g, documents) {
  const doc = documents[e.document_id] ?? {};
  const url = safeUrl(e.url ?? doc.url ?? g.url);
  const name = doc.title || e.source || g.source || doc.source || url || e.document_id;
  const link = url
    ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: name })
    : h("span", { text: name });
  const meta = [e.source || g.source || doc.source, languageWords(e.lang), doc.published].filter(Boolean).join(" · ");
  return h(
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
  );
}

/** "Assault (shelling) — Kyiv, Ukraine — 4 March 2024": type, place and date in words. */
export function headline(ev) {
  const loc = ev.location;
  const where = loc ? [loc.name, loc.precision !== "country" && loc.country ? countryWords(loc.country) : null].filter(Boolean).join(", ") : "place unknown";
  const mode = ev.mode ? ` (${modeWords(ev.mode)})` : "";
  return `${typeInfo(ev.type).label}${mode} — ${where} — ${dateWords(ev.date, ev.date_precision)}`;
}

/** Several events at one spot (rings at a country's centre): let the user pick one. */
export function renderChooser(container, records, open) {
  const list = h("ul", { class: "chooser" });
  for (const r of records) {
    const b = h("button", { type: "button", class: "list-item" }, typeIcon(r.type, 16), ` ${label(r)}`);
    b.addEventListener("click", () => open(r.id));
    list.append(h("li", {}, b));
  }
  container.replaceChildren(h("h2", { id: "panel-title", text: `${records.length} events here` }), list);
}

/** The list's label: the headline, the actors in English, and the modality when not asserted. */
export function label(r) {
  const what = typeInfo(r.type).label + (r.mode ? ` (${modeWords(r.mode)})` : "");
  const where = r.place ? [r.place, r.precision !== "country" && r.country ? countryWords(r.country) : null].filter(Boolean).join(", ") : "place unknown";
  const who = r.who ? ` — ${r.who}` : "";
  const modality = r.modality && r.modality !== "asserted" ? ` [${MODALITY_SHORT[r.modality] ?? r.modality}]` : "";
  return `${what} — ${where} — ${dateWords(r.date, r.datePrecision)}${who}${modality}`;
}
