// The place search: a box in the bar that asks /api/places as you type and flies the map to
// the place picked (Enter takes the first). By keyboard: arrows move through the results.
import { h } from "./panel.js";
import { countryWords } from "./words.js";

const PRECISION = { country: "country", region: "region", admin1: "province or state", admin2: "district", city: "town or city" };

/** "Lviv — town or city, Ukraine (as “Lemberg”)": what a result is, in words. */
export function placeWords(p) {
  const kind = PRECISION[p.precision] ?? p.precision;
  const where = [p.admin1 && p.precision !== "admin1" ? p.admin1 : null, p.precision !== "country" ? countryWords(p.country) : null]
    .filter(Boolean)
    .join(", ");
  const as = p.matched && p.matched !== p.name ? ` (as “${p.matched}”)` : "";
  return `${p.name}${as} — ${kind}${where ? `, ${where}` : ""}`;
}

/** Wire the search box: `flyTo(place)` moves the map. */
export function setupPlaceSearch({ input, results, api, flyTo, getJSON }) {
  let controller = null;
  let timer = null;
  let found = [];
  const close = () => {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const pick = (p) => {
    close();
    input.value = p.name;
    flyTo(p);
  };
  const show = (places) => {
    found = places;
    const items = places.map((p, i) => {
      const b = h("button", { type: "button", class: "place-result", role: "option", "data-i": i, text: placeWords(p) });
      b.addEventListener("click", () => pick(p));
      return h("li", {}, b);
    });
    if (!places.length) items.push(h("li", { class: "place-none", text: "No place of that name" }));
    results.replaceChildren(...items);
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };
  const ask = async () => {
    const q = input.value.trim();
    controller?.abort();
    if (!q) return close();
    controller = new AbortController();
    try {
      const body = await getJSON(`${api}places?${new URLSearchParams({ q, limit: "8" })}`, controller.signal);
      if (input.value.trim() === q) show(body.places);
    } catch (err) {
      if (err.name !== "AbortError") show([]);
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });
  input.addEventListener("keydown", async (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      clearTimeout(timer);
      await ask(); // the answer to what is in the box now, not to a keystroke ago
      if (found.length) pick(found[0]);
    } else if (e.key === "ArrowDown" && !results.hidden) {
      e.preventDefault();
      results.querySelector("button")?.focus();
    } else if (e.key === "Escape") close();
  });
  results.addEventListener("keydown", (e) => {
    const buttons = [...results.querySelectorAll("button")];
    const i = buttons.indexOf(document.activeElement);
    if (e.key === "ArrowDown") buttons[Math.min(buttons.length - 1, i + 1)]?.focus();
    else if (e.key === "ArrowUp") (i <= 0 ? input : buttons[i - 1]).focus();
    else if (e.key === "Escape") {
      close();
      input.focus();
    } else return;
    e.preventDefault();
  });
  document.addEventListener("click", (e) => {
    if (!results.contains(e.target) && e.target !== input) close();
  });
}
