// Codes of the event contract as words a reader understands (sector codes, modes, languages,
// dates). No DOM here: the list, the panel, the tooltip and the Node tests share it.

/** CAMEO/PLOVER sector codes (src/lagebild/actors/data/SECTORS.md). */
export const SECTORS = {
  GOV: "government",
  MIL: "armed forces",
  COP: "police",
  SPY: "intelligence service",
  JUD: "judiciary",
  LEG: "legislature",
  OPP: "opposition",
  PTY: "political party",
  REB: "rebels",
  SEP: "separatists",
  UAF: "militia or armed group",
  CVL: "civilians",
  MED: "media",
  EDU: "education",
  LAB: "workers or unions",
  BUS: "business",
  REF: "refugees",
  HLH: "health workers",
  REL: "religious leaders",
  PKO: "peacekeepers",
  CRM: "criminals",
  HRI: "human-rights activists",
  ELI: "elites",
  AGR: "farmers",
  NGO: "NGOs",
  POL: "politicians",
  SEC: "security forces",
};

/** The same, short, for list labels: "[planned]" rather than "[future]". */
export const MODALITY_SHORT = { negated: "denied", future: "planned", hypothetical: "possible" };

export const MODALITY_WORDS = {
  asserted: "reported as having happened",
  negated: "reported as not having happened",
  future: "planned or announced",
  hypothetical: "possible, claimed or conditional",
};

function displayNames(type) {
  try {
    return new Intl.DisplayNames(["en"], { type });
  } catch {
    return null;
  }
}
const REGIONS = displayNames("region");
const LANGS = displayNames("language");

export function countryWords(code) {
  if (!code) return "";
  try {
    return REGIONS?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function languageWords(code) {
  if (!code || code === "und") return "unknown language";
  try {
    return LANGS?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function sectorWords(code) {
  return SECTORS[code] ?? code;
}

/** An actor by its English name: a display name when the event has one, the canonical one, else
 * its country and sector in words. */
export function actorName(a) {
  const display = a.display_name ?? a.display;
  if (display) return display;
  if (a.canonical) return a.canonical;
  if (a.sector && SECTORS[a.sector]) return [countryWords(a.country), SECTORS[a.sector]].filter(Boolean).join(" ");
  return a.igo || a.name;
}

// A table, not toLocaleString: the list labels hundreds of events on every map move.
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "12 March 2024", "March 2024", "week of 4 March 2024", "2024"; never a bare code. */
export function dateWords(date, precision) {
  if (!date) return "date unknown";
  const [y, m, d] = date.split("-").map(Number);
  if (!m || precision === "year") return String(y);
  const month = MONTHS[m - 1] ?? String(m);
  if (!d || precision === "month") return `${month} ${y}`;
  return `${precision === "week" ? "week of " : ""}${d} ${month} ${y}`;
}

/** The 20 CAMEO root codes in words (the CAMEO codebook's headings). */
export const CAMEO_ROOTS = {
  "01": "make a public statement",
  "02": "appeal",
  "03": "express intent to cooperate",
  "04": "consult",
  "05": "engage in diplomatic cooperation",
  "06": "engage in material cooperation",
  "07": "provide aid",
  "08": "yield",
  "09": "investigate",
  10: "demand",
  11: "disapprove",
  12: "reject",
  13: "threaten",
  14: "protest",
  15: "exhibit force posture",
  16: "reduce relations",
  17: "coerce",
  18: "assault",
  19: "fight",
  20: "use unconventional mass violence",
};

export function cameoWords(code) {
  if (!code) return "";
  const key = String(code).padStart(2, "0");
  return CAMEO_ROOTS[key] ?? `code ${code}`; // object keys are strings: 10 and "10" alike
}

/** Escalation trend in words, with the numbers: "rising: 11 in the last 7 days, 0.5 expected". */
export function trendWords(row, days) {
  const span = days === 1 ? "the last day" : `the last ${days} days`;
  const word = { rising: "rising", falling: "falling", steady: "steady" }[row.trend] ?? row.trend;
  return `${word}: ${row.recent} in ${span}, ${row.expected} expected from the ${row.before} in the 30 days before`;
}

export function modeWords(mode) {
  return mode ? mode.replaceAll("_", " ") : "";
}

/** What reports disagree on, in sentences: {date: [...], place: [...], fatalities: [lo, hi]}. */
export function disagreementWords(dis) {
  const out = [];
  for (const [key, value] of Object.entries(dis ?? {})) {
    if (Array.isArray(value) && value.length === 2 && value.every(Number.isFinite)) {
      const what = { fatalities: "killed", injured: "injured" }[key] ?? key;
      out.push(`Reports give between ${value[0]} and ${value[1]} ${what}.`);
    } else if (Array.isArray(value) && value.length) {
      const items = value.map((v) => (typeof v === "object" && v !== null ? v.name ?? JSON.stringify(v) : String(v)));
      out.push(`Reports differ on the ${key}: ${items.join(" or ")}.`);
    } else if (value !== null && value !== undefined && value !== "") {
      out.push(`Reports differ on the ${key}: ${typeof value === "object" ? JSON.stringify(value) : value}.`);
    }
  }
  return out;
}

export function casualtyWords(ev) {
  const range = (key, n, word) => {
    const r = ev.disagreement?.[key];
    if (Array.isArray(r) && r.length === 2 && r[0] !== r[1]) return `${r[0]}–${r[1]} ${word}`;
    return Number.isFinite(n) ? `${n} ${word}` : null;
  };
  return [range("fatalities", ev.fatalities, "killed"), range("injured", ev.injured, "injured")].filter(Boolean).join(", ");
}
