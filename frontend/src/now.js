// The "Now" tab beside the map: the most important current events (/api/now) and, per country,
// the last day or week against the 30 days before (/api/escalation), with the numbers shown.
import { h, label } from "./panel.js";
import { slim } from "./data.js";
import { countryWords, dateWords, trendWords } from "./words.js";
import { typeIcon } from "./types.js";

/** The list of current events, most important first: each a button that opens the event. */
export function renderNow(container, body, open) {
  if (!body.at) {
    container.replaceChildren(h("p", { class: "now-empty", text: "No dated events yet." }));
    return;
  }
  const items = body.events.map((ev) => {
    const r = slim(ev);
    const sources = `${ev.num_sources} source${ev.num_sources === 1 ? "" : "s"}`;
    const b = h(
      "button",
      { type: "button", class: "list-item now-item", "data-id": ev.id, title: `importance ${ev.score}: sources × confidence, halved every 2 days` },
      typeIcon(ev.type, 16),
      h(
        "span",
        { class: "li-text" },
        h("span", { dir: "auto", text: label(r) }),
        h("span", { class: "now-meta", text: `${sources} · ${Math.round((ev.confidence ?? 0) * 100)} % confidence` }),
      ),
    );
    b.addEventListener("click", () => open(ev.id));
    return h("li", {}, b);
  });
  const span = body.since === body.at ? dateWords(body.at, "day") : `${dateWords(body.since, "day")} to ${dateWords(body.at, "day")}`;
  container.replaceChildren(
    h("p", { class: "now-head", text: `Most important, ${span}` }),
    items.length ? h("ol", { class: "event-list now-list" }, items) : h("p", { class: "now-empty", text: "No events in these days." }),
  );
}

/** Countries, most escalating first: recent events, the 30 days before, and the trend in words. */
export function renderEscalation(container, body, pickCountry) {
  if (!body.at || !body.countries.length) {
    container.replaceChildren(h("p", { class: "now-empty", text: "No dated events with a country in these days." }));
    return;
  }
  const span = body.days === 1 ? dateWords(body.at, "day") : `${dateWords(body.recent_since, "day")} to ${dateWords(body.at, "day")}`;
  const head = h(
    "tr",
    {},
    h("th", { scope: "col", text: "Country" }),
    h("th", { scope: "col", text: body.days === 1 ? "Last day" : `Last ${body.days} days` }),
    h("th", { scope: "col", text: "30 days before" }),
    h("th", { scope: "col", text: "Trend" }),
  );
  const rows = body.countries.map((c) => {
    const name = countryWords(c.country);
    const pick = h("button", { type: "button", class: "link-button", "data-country": c.country, title: `Show only ${name}`, text: name });
    pick.addEventListener("click", () => pickCountry(c.country));
    const times = c.ratio === null ? (c.recent ? "new" : "") : `×${c.ratio}`;
    return h(
      "tr",
      { class: `trend-${c.trend}`, "data-country": c.country },
      h("th", { scope: "row" }, pick),
      h("td", { class: "num", text: String(c.recent) }),
      h("td", { class: "num", text: String(c.before) }),
      h("td", { class: "trend", title: `${trendWords(c, body.days)} (z = ${c.z})`, text: `${c.trend}${times ? ` ${times}` : ""}` }),
    );
  });
  container.replaceChildren(
    h("p", { class: "now-head", text: `${span} against the 30 days before` }),
    h("table", { class: "escalation" }, h("thead", {}, head), h("tbody", {}, rows)),
  );
}
