"""Events as a terminal table: one line per event, in words, that fits the terminal it is shown on.

At 80 columns a desk reads date, what, where, who and how many sources; wider terminals add the
casualties, languages, confidence and the first evidence sentence. Cells are cut with an ellipsis
rather than wrapped: a wrapped table of a few hundred events is unreadable.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from lagebild.model import Actor, Event

# Words for the sector codes of actors/data/SECTORS.md, for people who do not know CAMEO.
SECTOR_WORDS: dict[str, str] = {
    "GOV": "government",
    "MIL": "armed forces",
    "COP": "police",
    "SPY": "intelligence service",
    "JUD": "judiciary",
    "LEG": "legislature",
    "OPP": "opposition",
    "PTY": "political party",
    "REB": "rebels",
    "SEP": "separatists",
    "UAF": "militia or armed group",
    "CVL": "civilians",
    "MED": "media",
    "EDU": "education",
    "LAB": "workers or unions",
    "BUS": "business",
    "REF": "refugees",
    "HLH": "health workers",
    "REL": "religious leaders",
    "PKO": "peacekeepers",
    "CRM": "criminals",
    "HRI": "human-rights activists",
    "ELI": "elites",
    "AGR": "farmers",
    "NGO": "NGOs",
    "POL": "politicians",
    "SEC": "security forces",
}

# Wider terminals get more columns, in this order of importance.
WIDE = 110
WIDEST = 150


def country_name(code: str | None) -> str:
    if not code:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    return getattr(country, "common_name", None) or getattr(country, "name", None) or code


def actor_words(actor: Actor) -> str:
    """The actor by its English name: the canonical one, else country and sector in words."""
    if actor.canonical:
        return actor.canonical
    if actor.sector in SECTOR_WORDS:
        country = country_name(actor.country)
        return f"{country} {SECTOR_WORDS[actor.sector]}".strip()
    return actor.igo or actor.name


def type_words(event: Event) -> str:
    what = event.type.capitalize()
    if event.mode:
        what += f" ({event.mode})"
    if event.modality != "asserted":
        what += f" [{event.modality}]"
    return what


def place_words(event: Event) -> str:
    loc = event.location
    if loc is None:
        return "-"
    if loc.precision in ("country", "region") or not loc.country:
        return loc.name
    return f"{loc.name}, {loc.country}"


def casualty_words(event: Event) -> str:
    parts = []
    if event.fatalities:
        parts.append(f"{event.fatalities} killed")
    if event.injured:
        parts.append(f"{event.injured} injured")
    return ", ".join(parts)


def events_table(events: list[Event], width: int) -> Table:
    """One row per event; the columns that fit `width`."""
    table = Table(header_style="bold", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("what", no_wrap=True, overflow="ellipsis", max_width=22)
    table.add_column("where", no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column("who", no_wrap=True, overflow="ellipsis", ratio=1)
    table.add_column("src", no_wrap=True, justify="right")
    if width >= WIDE:
        table.add_column("casualties", no_wrap=True, overflow="ellipsis", max_width=22)
        table.add_column("lang", no_wrap=True, overflow="ellipsis", max_width=12)
        table.add_column("conf", no_wrap=True, justify="right")
    if width >= WIDEST:
        table.add_column("evidence", no_wrap=True, overflow="ellipsis", ratio=2)
    for e in events:
        row = [
            e.date or "undated",
            type_words(e),
            place_words(e),
            ", ".join(dict.fromkeys(actor_words(a) for a in e.actors)) or "-",
            str(e.num_sources),
        ]
        if width >= WIDE:
            row += [casualty_words(e), ",".join(e.languages), f"{e.confidence:.2f}"]
        if width >= WIDEST:
            row.append(e.evidence[0].sentence if e.evidence else "")
        table.add_row(*row)
    return table


def print_events(events: list[Event], console: Console) -> None:
    console.print(events_table(events, console.width), highlight=False)
    console.print(f"{len(events)} events", highlight=False)
