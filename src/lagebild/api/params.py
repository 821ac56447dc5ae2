"""Query parameters shared by the event endpoints, parsed into an `EventQuery`.

Values the store checks itself (dates, country codes, modalities, the cursor) are passed on as
given: its `StoreError` becomes a 422 with the store's message, so each rule lives in one place.
"""

from __future__ import annotations

import math
import re
from typing import Annotated

from fastapi import Query

from lagebild.model import MODALITIES
from lagebild.store import EventQuery, StoreError

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100

# Patterns for the OpenAPI document only (json_schema_extra): they tell clients, and schemathesis,
# which values are valid, exactly where a regular expression can say it; the store still checks
# (and says why in a 422), and an empty value still means "no filter".
_YEAR = r"(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"  # no 0000
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_DAY = rf"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
DATE = rf"(?:{_DAY}|{_YEAR}-(?:0[1-9]|1[0-2])|{_YEAR})"
DATE_PATTERN = rf"^(?:{DATE})?$"
DAY_PATTERN = rf"^(?:{_DAY})?$"
TIMESTAMP_PATTERN = (
    rf"^(?:{DATE}|{_DAY}T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{{1,6}})?)?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?$"
)
_NUMBER = r"-?[0-9]{1,3}(?:\.[0-9]{1,8})?"
BBOX_PATTERN = rf"^(?:{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER})?$"
_MODALITY = "(?:" + "|".join(MODALITIES) + ")"
MODALITY_PATTERN = rf"^(?:all|{_MODALITY}(?:,{_MODALITY})*)?$"


def _country_pattern() -> str:
    import pycountry

    alpha3 = sorted(c.alpha_3 for c in pycountry.countries)
    return "^(?:[A-Za-z]{2}|" + "|".join(alpha3 + [a.lower() for a in alpha3]) + ")?$"


def _schema(pattern: str) -> dict[str, str]:
    return {"pattern": pattern}


# -- known values: a filter value nothing can match is a 422 naming the allowed ones ------------


def _types() -> tuple[str, ...]:
    from lagebild.events.ontology import PLOVER_TYPES

    return PLOVER_TYPES


def _modes() -> tuple[str, ...]:
    from lagebild.events.ontology import EVENT_TYPES

    return tuple(sorted({m.name for t in EVENT_TYPES.values() for m in t.modes}))


def _languages() -> tuple[str, ...]:
    from lagebild.lang import LANGUAGES

    return (*LANGUAGES, "und")


def _one_of(values: tuple[str, ...]) -> str:
    return "^(?:" + "|".join(re.escape(v) for v in values) + ")?$"


def check_known(name: str, value: str | None, allowed: tuple[str, ...], fold: str = "upper") -> str | None:
    """`value` as the store takes it, or a StoreError (422) naming the allowed values."""
    if value is None or not value.strip():
        return None
    text = value.strip().upper() if fold == "upper" else value.strip().lower()
    if text not in allowed:
        raise StoreError(f"{name}: unknown value {value.strip()!r} (expected one of {', '.join(allowed)})")
    return text


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """`W,S,E,N` in degrees. Map views report latitudes beyond the poles and longitudes beyond
    +-180: latitudes are clamped, longitudes wrapped; south and north may come in either order."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    # Found by the property test: "inf" parses as a float and wrapped into NaN.
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise StoreError(f"bbox must be four numbers west,south,east,north in degrees, got {value!r}")
    west, south, east, north = numbers
    south, north = sorted((max(-90.0, min(90.0, south)), max(-90.0, min(90.0, north))))
    # Map views that pan across the antimeridian report longitudes beyond +-180.
    if east - west >= 360:
        west, east = -180.0, 180.0
    else:
        west, east = _wrap(west), _wrap(east)
    return west, south, east, north


def _wrap(lon: float) -> float:
    return lon if -180.0 <= lon <= 180.0 else (lon + 180.0) % 360.0 - 180.0


def parse_modality(value: str | None) -> tuple[str, ...] | None:
    """A comma list of modalities, or "all" for no modality filter."""
    if value is None or not value.strip():
        return ("asserted",)
    if value.strip().lower() == "all":
        return None
    modalities = tuple(m.strip().lower() for m in value.split(",") if m.strip())
    unknown = [m for m in modalities if m not in MODALITIES]
    if unknown or not modalities:
        raise StoreError(
            f"unknown modality {', '.join(unknown) or value!r} (expected some of {', '.join(MODALITIES)}, or all)"
        )
    return modalities


def _blank(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None


def event_filters(
    bbox: Annotated[
        str | None,
        Query(
            description="West,south,east,north in degrees; west > east crosses the antimeridian.",
            json_schema_extra=_schema(BBOX_PATTERN),
        ),
    ] = None,
    since: Annotated[
        str | None,
        Query(
            description="Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).",
            json_schema_extra=_schema(DATE_PATTERN),
        ),
    ] = None,
    until: Annotated[
        str | None,
        Query(
            description="Events on or before this date; a partial date includes its whole period.",
            json_schema_extra=_schema(DATE_PATTERN),
        ),
    ] = None,
    type: Annotated[
        str | None,
        Query(
            description="PLOVER event type, e.g. PROTEST (any case); an unknown type is a 422.",
            json_schema_extra=_schema(_one_of(_types())),
        ),
    ] = None,
    mode: Annotated[
        str | None,
        Query(
            description="PLOVER mode, e.g. withdraw (any case); an unknown mode is a 422.",
            json_schema_extra=_schema(_one_of(_modes())),
        ),
    ] = None,
    acled_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles.")] = None,
    country: Annotated[
        str | None,
        Query(
            description="Country of the location, ISO 3166 alpha-2 or alpha-3.",
            json_schema_extra=_schema(_country_pattern()),
        ),
    ] = None,
    actor: Annotated[
        str | None, Query(description="Part of an actor's name, canonical name or IGO code (any case).")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description='Full text over evidence sentences and titles; all words must match, "phrases", prefix*.'
        ),
    ] = None,
    lang: Annotated[
        str | None,
        Query(
            description="Language of an evidence sentence (ISO 639-1, one of ours, or und); others are a 422.",
            json_schema_extra=_schema(_one_of(_languages())),
        ),
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="Minimum confidence.")] = None,
    modality: Annotated[
        str | None,
        Query(
            description=f"Comma list of {', '.join(MODALITIES)}, or all. Default: asserted only.",
            json_schema_extra=_schema(MODALITY_PATTERN),
        ),
    ] = None,
    updated_since: Annotated[
        str | None,
        Query(
            description="Events written or changed at or after this ISO date/time (keeping a copy in sync).",
            json_schema_extra=_schema(TIMESTAMP_PATTERN),
        ),
    ] = None,
    flagged: Annotated[
        str | None,
        Query(
            description="Events analysts flagged as wrong: false (default, hidden), true (only them) or all.",
            json_schema_extra=_schema("^(?:false|true|all)?$"),
        ),
    ] = None,
) -> EventQuery:
    """The filters of a request, as the store takes them."""
    return EventQuery(
        since=_blank(since),
        until=_blank(until),
        type=check_known("type", type, _types()),
        mode=check_known("mode", mode, _modes(), fold="lower"),
        acled_type=_blank(acled_type),
        country=_blank(country),
        actor=_blank(actor),
        bbox=parse_bbox(bbox),
        q=_blank(q),
        lang=check_known("lang", lang, _languages(), fold="lower"),
        min_confidence=min_confidence,
        modality=parse_modality(modality),
        updated_since=_blank(updated_since),
        flagged=parse_flagged(flagged),
    )


def parse_flagged(value: str | None) -> bool | None:
    """`flagged`: false (hide flagged events, the default), true (only them), all (both)."""
    text = (value or "").strip().lower()
    if text in ("", "false"):
        return False
    if text == "true":
        return True
    if text == "all":
        return None
    raise StoreError(f"flagged: expected false, true or all, got {value!r}")
