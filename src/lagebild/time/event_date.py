"""The date of an event, from the time expressions around its evidence sentence.

What an analyst wants is the most precise date the text supports, and an honest precision:

1. a date inside the evidence sentence (the finest one; a sentence that says "on Tuesday,
   January 13" gives the day, not the month);
2. else the nearest point date (day precision) before the sentence in the same paragraph: news
   and narratives state the date once and then go on ("On 13 January ... Later, troops ...");
3. else the publication date at day precision: an undated report in news is about the day of
   publication or the day before, the convention of newswire event coding (GDELT, ACLED code
   the report date); the merge stage tolerates a day either side.

Durations, sets, vague references (PAST_REF) and the starts of periods ("since 2013") never
date an event. Dates after the
publication date are skipped unless `future_ok` (an event reported as having happened cannot
lie after the report; a planned one can).
"""

from __future__ import annotations

from datetime import date

from lagebild.time.tagger import Timex
from lagebild.time.values import parse_iso_date, value_start

_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _point(t: Timex, dct: date | None, future_ok: bool) -> tuple[date, str] | None:
    if t.type not in ("DATE", "TIME") or t.opens_period:
        return None
    got = value_start(t.value)
    if got is None:
        return None
    if dct and not future_ok and got[0] > dct:
        return None
    return got


def event_date(
    timexes: list[Timex],
    start: int,
    end: int,
    dct: str | None,
    *,
    text: str | None = None,
    future_ok: bool = False,
) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, precision) of an event whose evidence sentence is text[start:end].

    The date is the first day of the period at coarser precisions. `text`, when given, bounds
    the search for a preceding date to the sentence's paragraph (line). (None, None) when
    nothing dates the event and there is no DCT.
    """
    dct_day = parse_iso_date(dct)
    inside = [(p, t) for t in timexes if start <= t.start < end and (p := _point(t, dct_day, future_ok))]
    if inside:
        (day, prec), _ = min(inside, key=lambda pt: (_RANK[pt[0][1]], pt[1].start))
        return day.isoformat(), prec
    paragraph_start = 0
    if text is not None:
        paragraph_start = text.rfind("\n", 0, start) + 1
    before = [t for t in timexes if paragraph_start <= t.start and t.end <= start]
    for t in reversed(before):
        p = _point(t, dct_day, future_ok)
        if p and p[1] == "day":
            return p[0].isoformat(), "day"
    if dct_day:
        return dct_day.isoformat(), "day"
    return None, None
