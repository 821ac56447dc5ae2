"""`GET /api/now` and `GET /api/escalation`: what matters now (lagebild.now), for the map's column.

Both take the event filters of /api/events (a type, a country, a modality ...); the time window
is theirs: `days` up to `at`. Without `at` they look back from the newest event date that is not
after today (UTC), so a store that is no longer fed still shows its last days; the answer says
which day that was."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from lagebild.api.params import DAY_PATTERN, event_filters
from lagebild.api.pool import StorePool
from lagebild.api.schemas import Problem
from lagebild.now import BASELINE_DAYS, Window, escalation
from lagebild.store import EventQuery, StoreError

MAX_NOW = 100
_PROBLEMS: dict[int | str, dict[str, Any]] = {422: {"model": Problem, "description": "Bad parameters"}}

At = Annotated[
    str | None,
    Query(
        description="The last day of the window (YYYY-MM-DD); default: the newest event day not after today",
        json_schema_extra={"pattern": DAY_PATTERN},
    ),
]


def _json(data: Any) -> Response:
    return Response(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), media_type="application/json"
    )


def _window(store: Any, filters: EventQuery, at: str | None, days: int) -> Window | None:
    if at:
        try:
            return Window.ending(at, days)
        except ValueError:
            raise StoreError(f"at must be a day YYYY-MM-DD, got {at!r}") from None
    today = datetime.now(UTC).date().isoformat()
    latest = store.latest_day(replace(filters, since=None, until=None), today)
    return Window.ending(latest, days) if latest else None


def router(pool: StorePool) -> APIRouter:
    """The two routes over the stores of `pool`."""
    api = APIRouter()

    @api.get(
        "/api/now",
        summary="The most important current events: most sources, most recent, highest confidence",
        description=(
            "Events dated to a day in the last `days` days up to `at`, ranked by "
            "`num_sources * confidence / (1 + age_days / 2)` (`score`). Each is the event contract."
        ),
        response_class=Response,
        responses={
            200: {"description": '{"at": day, "since": day, "events": [{...event, "score"}]}'},
            **_PROBLEMS,
        },
    )
    def now(
        filters: Annotated[EventQuery, Depends(event_filters)],
        days: Annotated[int, Query(ge=1, le=90, description="How many days back, `at` included")] = 7,
        limit: Annotated[int, Query(ge=1, le=MAX_NOW, description="At most this many events")] = 20,
        at: At = None,
    ) -> Response:
        with pool.store() as store:
            window = _window(store, filters, at, days)
            if window is None:
                return _json({"at": None, "since": None, "events": []})
            ranked = store.now_events(filters, window.recent_start, window.at, limit)
        events = [{**e.to_dict(), "score": round(score, 4)} for e, score in ranked]
        return _json({"at": window.at, "since": window.recent_start, "events": events})

    @api.get(
        "/api/escalation",
        summary="Per country: the last day or days against the 30 days before (an escalation signal)",
        description=(
            "Events per country dated in the recent window (`days` up to `at`: 1 = the day `at`, "
            f"7 = the last week) against the {BASELINE_DAYS} days before it. `expected` is what the "
            "baseline's daily rate predicts for the window, `z` = (recent - expected) / "
            "sqrt(max(expected, 1)), `trend` rising (z >= 2 and 3 events or more), falling or "
            "steady. Most escalating first. Only events dated to a day count."
        ),
        response_class=Response,
        responses={
            200: {"description": '{"at", "recent_since", "baseline_since", "days", "countries": [...]}'},
            **_PROBLEMS,
        },
    )
    def escalation_view(
        filters: Annotated[EventQuery, Depends(event_filters)],
        days: Annotated[int, Query(ge=1, le=30, description="Days of the recent window, `at` included")] = 7,
        limit: Annotated[int, Query(ge=1, le=300, description="At most this many countries")] = 50,
        at: At = None,
    ) -> Response:
        with pool.store() as store:
            window = _window(store, filters, at, days)
            if window is None:
                return _json({"at": None, "days": days, "countries": []})
            rows = store.country_counts(filters, window.baseline_start, window.recent_start, window.at)
        return _json(
            {
                "at": window.at,
                "recent_since": window.recent_start,
                "baseline_since": window.baseline_start,
                "days": days,
                "baseline_days": BASELINE_DAYS,
                "countries": escalation(rows, window)[:limit],
            }
        )

    return api
