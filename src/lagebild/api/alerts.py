"""The API of watch-lists and alerts: /api/watchlists (GET, POST, DELETE) and /api/alerts.

Writing needs the server's token; reading does not, but a webhook URL is shown in full only to
who sends the token (a Slack or Teams URL is itself a secret).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from lagebild.alerts.watchlists import Filter, Watchlist, WatchlistError, check_name, check_webhook
from lagebild.api.guard import token_problem
from lagebild.api.pool import StorePool
from lagebild.api.schemas import EventOut, Problem
from lagebild.api.streaming import sse_message
from lagebild.store import StoreError

MAX_ALERTS = 1000


class FilterOut(BaseModel):
    bbox: list[float] | None = Field(None, description="west, south, east, north")
    polygon: list[list[float]] | None = Field(None, description="[lon, lat] points of a drawn area")
    countries: list[str] = []
    types: list[str] = []
    actors: list[str] = []
    words: list[str] = []
    min_confidence: float | None = None
    min_sources: int | None = None
    modality: list[str] = []


class WatchlistOut(BaseModel):
    id: int
    name: str
    filter: FilterOut
    webhook: str | None = Field(None, description="In full only with the token")
    created: str
    since_change: int = Field(description="Events written after this change mark may alert")


class WatchlistsOut(BaseModel):
    watchlists: list[WatchlistOut]


class DeliveryOut(BaseModel):
    state: str = Field(description="none, pending, sending, delivered or failed")
    attempts: int
    next_attempt: float | None = None
    last_error: str | None = None
    delivered: str | None = None


class AlertOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    watchlist_id: int
    watchlist: str
    event_id: str
    raised: str
    reason: str = Field(description="new, or update: an event that matches after a merge or correction")
    delivery: DeliveryOut
    event: EventOut = Field(description="The event contract as it matched")


class AlertsOut(BaseModel):
    alerts: list[AlertOut]


_READ: dict[int | str, dict[str, Any]] = {422: {"model": Problem, "description": "Bad parameters"}}
_WRITE: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "A Host this server does not serve, or a body that is not JSON"},
    401: {"model": Problem, "description": "No or wrong token"},
    413: {"model": Problem, "description": "A body over the size limit"},
    422: {"model": Problem, "description": "A watch-list that cannot be saved: the message says why"},
    429: {"model": Problem, "description": "Too many writes from this client: see Retry-After"},
}


def _shown(w: Watchlist, authorised: bool) -> dict[str, Any]:
    data = w.to_dict()
    if w.webhook and not authorised:
        parts = urlsplit(w.webhook)
        data["webhook"] = f"{parts.scheme}://{parts.netloc}/…"
    return data


def router(
    pool: StorePool,
    require_token: Callable[..., None],
    token: str | None,
    json_response: Callable[..., Response],
    poll_s: float = 1.0,
    keepalive_s: float = 15.0,
) -> APIRouter:
    api = APIRouter(tags=["alerts"])

    @api.get(
        "/api/watchlists",
        summary="Every watch-list: a saved filter with a name (and its webhook)",
        response_class=Response,
        responses={200: {"model": WatchlistsOut}},
    )
    def list_watchlists(request: Request) -> Response:
        authorised = token_problem(request.headers.get("authorization"), token) is None
        with pool.store() as store:
            found = store.watchlists()
        return json_response({"watchlists": [_shown(w, authorised) for w in found]})

    @api.post(
        "/api/watchlists",
        summary="Save a watch-list; events written from now on that match it raise alerts",
        description=(
            'Body: {"name": "...", "filter": {bbox, polygon, countries, types, actors, words, '
            'min_confidence, min_sources, modality}, "webhook": "an http(s) URL"}. Every key of the filter '
            "is optional; within a list any item is enough, all given keys must hold. 409 when the "
            "name is taken."
        ),
        dependencies=[Depends(require_token)],
        status_code=201,
        response_class=Response,
        responses={
            201: {"model": WatchlistOut, "description": "Saved"},
            409: {"model": Problem, "description": "The name is taken"},
            **_WRITE,
        },
    )
    def add_watchlist(body: Annotated[dict[str, Any], Body()]) -> Response:
        unknown = sorted(set(body) - {"name", "filter", "webhook"})
        if unknown:
            raise StoreError(f"unknown key {', '.join(unknown)} (allowed: name, filter, webhook)")
        try:
            name = check_name(body.get("name"))
            flt = Filter.from_dict(body.get("filter") or {})
            hook = check_webhook(body.get("webhook"))
        except WatchlistError as exc:
            raise StoreError(str(exc)) from None
        with pool.store() as store:
            if store.get_watchlist(name) is not None:
                raise HTTPException(409, f"a watch-list named {name!r} exists already; remove it first")
            created = store.add_watchlist(name, flt, hook)
        return json_response(_shown(created, True), 201)

    @api.delete(
        "/api/watchlists/{key}",
        summary="Remove a watch-list (by id or name) and its alerts",
        dependencies=[Depends(require_token)],
        status_code=204,
        response_class=Response,
        responses={
            204: {"description": "Removed"},
            404: {"model": Problem, "description": "No such watch-list"},
            **{k: v for k, v in _WRITE.items() if k != 422},
        },
    )
    def remove_watchlist(key: str) -> Response:
        with pool.store() as store:
            if not store.remove_watchlist(key):
                raise HTTPException(404, f"no watch-list {key!r}")
        return Response(status_code=204)

    @api.get(
        "/api/alerts",
        summary="Alerts, newest first, each with its event and the state of its webhook delivery",
        response_class=Response,
        responses={
            200: {"model": AlertsOut},
            404: {"model": Problem, "description": "No such watch-list"},
            **_READ,
        },
    )
    def list_alerts(
        watchlist: Annotated[str | None, Query(description="A watch-list's id or name")] = None,
        after: Annotated[
            int | None, Query(ge=0, description="Only alerts with a larger id (oldest first)")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_ALERTS)] = 100,
    ) -> Response:
        with pool.store() as store:
            wid = None
            if watchlist:
                found = store.get_watchlist(watchlist)
                if found is None:
                    raise HTTPException(404, f"no watch-list {watchlist!r}")
                wid = found.id
            alerts = store.alerts(watchlist=wid, after=after, limit=limit)
        return json_response({"alerts": [a.to_dict() for a in alerts]})

    @api.get(
        "/api/alerts/stream",
        summary="Server-Sent Events: each new alert as it is raised (the map's browser notifications)",
        description=(
            "`event: alert` messages whose data is the alert (as in /api/alerts) and whose id is the "
            "alert's id; a reconnecting browser sends it as Last-Event-ID and misses none. Starts "
            "with the alerts raised from now on."
        ),
        response_class=StreamingResponse,
        responses={200: {"content": {"text/event-stream": {}}}},
    )
    async def stream(request: Request) -> Response:
        resume = request.headers.get("last-event-id", "").strip()
        start = int(resume) if resume.isascii() and resume.isdigit() and len(resume) < 19 else None
        return StreamingResponse(
            _alert_events(pool, start, request, poll_s, keepalive_s),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    return api


async def _alert_events(
    pool: StorePool, start: int | None, request: Request, poll_s: float, keepalive_s: float
) -> AsyncIterator[str]:
    def newest() -> int:
        with pool.store() as store:
            found = store.alerts(limit=1)
        return found[0].id if found else 0

    def after(mark: int) -> list[Any]:
        with pool.store() as store:
            return store.alerts(after=mark, limit=100)

    mark = start if start is not None else await run_in_threadpool(newest)
    yield f"retry: 3000\n\n{sse_message({'mark': mark}, event='ready', id=mark)}"
    quiet = 0.0
    while not await request.is_disconnected():
        for alert in await run_in_threadpool(after, mark):
            mark = alert.id
            yield sse_message(alert.to_dict(), event="alert", id=mark)
            quiet = 0.0
        quiet += poll_s
        if quiet >= keepalive_s:
            yield ": keepalive\n\n"
            quiet = 0.0
        await asyncio.sleep(poll_s)
