"""The FastAPI application: the event API, the live stream, ingestion and the map page.

Handlers are thin: parameters become an `EventQuery`, the store answers, JSON goes out as the
event contract (`Event.to_dict()`). Store errors about bad values become 422 with the store's
message; nothing a client sends should produce a 500.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import anyio.to_thread
import orjson
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.staticfiles import StaticFiles

import lagebild
from lagebild.api import alerts as alerts_api
from lagebild.api import corrections as corrections_api
from lagebild.api import now as now_api
from lagebild.api import pages
from lagebild.api import places as places_api
from lagebild.api.extraction import Extractors
from lagebild.api.guard import Guard, HostRule, RateLimit, token_problem
from lagebild.api.params import DEFAULT_LIMIT, MAX_LIMIT, event_filters, parse_modality
from lagebild.api.points import MEDIA_TYPE as POINTS_MEDIA_TYPE
from lagebild.api.points import write_points
from lagebild.api.pool import StorePool
from lagebild.api.schemas import (
    DocumentIn,
    EventDetail,
    EventsPage,
    IngestResult,
    Problem,
    StatusOut,
    Timeline,
)
from lagebild.api.streaming import live_events, stream_export
from lagebild.export import FORMATS, MEDIA_TYPES
from lagebild.model import Document, Event
from lagebild.store import EventQuery, StoreError, StoreUnavailable

STATIC_DIR = Path(lagebild.__file__).parent / "web" / "static"
MAX_BODY_BYTES = 20 * 1024 * 1024  # one article, even as a full web page, is far smaller
EXPORT_PAGE = 5000  # events per store query while streaming an export: fewer, larger queries
MAX_TIMELINE_BUCKETS = 5000
# A page's total is counted up to this many events: a zoomed-out view of a large store matches
# hundreds of thousands, and counting them all cost more than the page (p99 of the map's reads).
MAX_TOTAL = 10_000
MAX_EXTRACTORS = 2  # documents extracted at once for POST /api/documents; more wait their turn


# Same-origin only; scripts strictly so. MapLibre needs blob: workers and data:/blob: images,
# and sets style attributes on its markers.
def content_security_policy(tile_origin: str | None = None) -> str:
    """The page's policy; an online tile style's origin is allowed for its tiles, glyphs, sprites."""
    extra = f" {tile_origin}" if tile_origin else ""
    return (
        "default-src 'self'; script-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; "
        f"img-src 'self' data: blob:{extra}; style-src 'self' 'unsafe-inline'; connect-src 'self'{extra}; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )


CONTENT_SECURITY_POLICY = content_security_policy()
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# The stores' meta keys of folded events (store/sqlite.py and postgres.py): "folded:<id>" -> survivor.
FOLDED_PREFIX = "folded:"

ExportLimit = Annotated[int | None, Query(ge=1, description="At most this many events (default: all)")]
_PROBLEMS: dict[int | str, dict[str, Any]] = {422: {"model": Problem, "description": "Bad parameters"}}
# Every route: the guard's answer to a Host this server does not serve (api/guard.py).
_ANY_ROUTE: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "A Host header naming a host this server does not serve"},
}
_WRITE_PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "A Host this server does not serve, or a body that is not JSON"},
    401: {"model": Problem, "description": "No or wrong token"},
    413: {"model": Problem, "description": "A body over the size limit (20 MiB)"},
    422: {
        "model": Problem,
        "description": "A body that is not one document (text or html), or one that took longer than the time limit to read",
    },
    429: {"model": Problem, "description": "Too many writes from this client: see Retry-After"},
}
_bearer = HTTPBearer(auto_error=False, description="The server's write token (LAGEBILD_TOKEN)")

DESCRIPTION = (
    "Events read from news articles: who did what to whom, where and when, with the evidence "
    "sentence behind each. Events follow the event contract of docs/events.md. Errors are JSON "
    '{"detail": "..."}; bad parameters give 422. Writing needs `Authorization: Bearer TOKEN`.'
)


def json_response(data: Any, status_code: int = 200) -> Response:
    """JSON as the event contract writes it (UTF-8, no pydantic round trip: pages are large).
    orjson writes a page of 100 events several times faster than the json module: on the map's
    read, encoding was a tenth of the server's CPU per request."""
    return Response(orjson.dumps(data), status_code=status_code, media_type="application/json")


class _Static(StaticFiles):
    """The map's files; always revalidated (ETag), so a rebuilt page is never served stale."""

    async def get_response(self, path: str, scope: Any) -> Response:
        response = await super().get_response(path, scope)
        response.headers.setdefault("Cache-Control", "no-cache")
        return response


def create_app(
    db_url: str,
    *,
    token: str | None = None,
    static_dir: Path | None = None,
    stream_poll_s: float = 1.0,
    keepalive_s: float = 15.0,
    tile_style: str | None = None,
    allowed_hosts: HostRule | None = None,
    write_rate: RateLimit | None = None,
    time_limit: float | None = None,
) -> FastAPI:
    """The whole server for the store at `db_url`.

    `token` is what `POST /api/documents` must present as a Bearer token; without one, writing
    is disabled. `static_dir` holds the built map page (default: the package's web/static).
    `tile_style` is the URL of an online MapLibre style the page uses instead of its offline
    base map; the page may then load from that style's host (and only from it).
    `allowed_hosts` is what the Host header may name (`HostRule.serving(bound address)`; None: any,
    for tests and embedding); `write_rate` limits POSTs per client (default 120 a minute, 30 at once).
    `time_limit` (seconds) bounds the reading of a POSTed document, in worker processes (None: no
    limit, read in a server thread).
    """
    pool = StorePool(db_url)
    extractors = anyio.CapacityLimiter(MAX_EXTRACTORS)
    readers = Extractors(MAX_EXTRACTORS, time_limit)
    headers_out = dict(SECURITY_HEADERS)
    if tile_style:
        parts = urlsplit(tile_style)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"tile style must be an http(s) URL, got {tile_style!r}")
        headers_out["Content-Security-Policy"] = content_security_policy(f"{parts.scheme}://{parts.netloc}")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()
        readers.close()

    app = FastAPI(
        title="lagebild",
        version=lagebild.__version__,
        description=DESCRIPTION,
        docs_url=None,  # the default pages load their scripts from a CDN; /docs is ours
        redoc_url=None,
        lifespan=lifespan,
        responses=_ANY_ROUTE,
    )
    app.state.pool = pool

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return json_response({"detail": str(exc)}, 503 if is_unavailable(exc) else 422)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return json_response({"detail": validation_message(exc)}, 422)

    # Before the body is read: Host, token, rate, size, OPTIONS (see api/guard.py); it also adds
    # the security headers to every response.
    app.add_middleware(
        Guard,
        routes=lambda: app.routes,
        token=token,
        write_paths={"/api/documents", "/api/watchlists", "/api/corrections"},
        max_body=MAX_BODY_BYTES,
        hosts=allowed_hosts,
        rate=write_rate if write_rate is not None else RateLimit(),
        headers=headers_out,
    )

    # -- events -------------------------------------------------------------------------------

    @app.get(
        "/api/events",
        summary="Events matching the filters, newest first, one page at a time",
        description=(
            "Ordered by event date (newest first, undated last), then by insertion. `next` is the "
            "cursor of the following page: pass it unchanged as `cursor` with the same filters. "
            "Pages neither repeat nor skip events while new ones are stored. `total` counts the "
            "matching events up to 10,000; `total_exact` is false when more match."
        ),
        response_class=Response,
        responses={200: {"model": EventsPage}, **_PROBLEMS},
    )
    def list_events(
        filters: Annotated[EventQuery, Depends(event_filters)],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page")] = DEFAULT_LIMIT,
        cursor: Annotated[str | None, Query(description="`next` of the previous page")] = None,
    ) -> Response:
        query = replace(filters, limit=limit, cursor=cursor or None)
        with pool.store() as store:
            # The contract straight from the rows, and the total counted with the page where the
            # store can (the map's read: its CPU per request is the server's capacity).
            events, next_cursor, counted = store.event_page(query, count_at_most=MAX_TOTAL + 1)
        if next_cursor is None and query.cursor is None:
            total, exact = len(events), True  # the whole answer is on this page: nothing to count
        else:
            total, exact = min(counted, MAX_TOTAL), counted <= MAX_TOTAL
        body = {"events": events, "next": next_cursor}
        return json_response({**body, "total": total, "total_exact": exact})

    def export(
        fmt: str, filters: EventQuery, limit: int | None, filename: str | None, evidence: bool = True
    ) -> Response:
        # The first page is read before the response starts: bad filters still get their 422.
        query = replace(filters, limit=None, cursor=None)
        first_size = EXPORT_PAGE if limit is None else min(EXPORT_PAGE, limit)
        with pool.store() as store:
            first, cursor = store.query_events(replace(query, limit=first_size))
        events = _pages(pool, query, first, cursor, limit)
        if not evidence:
            events = _without_evidence(events)
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'} if filename else None
        media_type = MEDIA_TYPES[fmt] + ("; charset=utf-8" if MEDIA_TYPES[fmt].startswith("text/") else "")
        return StreamingResponse(stream_export(FORMATS[fmt], events), media_type=media_type, headers=headers)

    @app.get(
        "/api/events.geojson",
        summary="Events matching the filters as a GeoJSON FeatureCollection (streamed)",
        description=(
            "One Point feature per event, properties as the event contract without the coordinates; "
            "events without a location have a null geometry. `location.precision` says how exact a "
            "point is: country-level events are not city pins."
        ),
        response_class=StreamingResponse,
        responses={200: {"content": {"application/geo+json": {}}}, **_PROBLEMS},
    )
    def events_geojson(
        filters: Annotated[EventQuery, Depends(event_filters)],
        limit: ExportLimit = None,
        evidence: Annotated[
            bool,
            Query(
                description="false: leave out the evidence (`[]`), smaller and faster for maps of many events"
            ),
        ] = True,
    ) -> Response:
        return export("geojson", filters, limit, None, evidence)

    @app.get(
        "/api/events.points",
        summary="Events matching the filters as map points: one JSON object a line (streamed)",
        description=(
            "What the map draws of an event, newest first as in /api/events: the keys id, type, mode, "
            "modality, date, date_precision, confidence, location (name, lat, lon, country, "
            "precision), actors and recipients (name, canonical, country, igo, sector: those set), "
            "num_sources, fatalities and flagged of the event contract, nothing else (coordinates "
            "rounded to 5 decimals); `/api/events/{id}` has the whole event. The map page loads "
            "every event in view this way."
        ),
        response_class=StreamingResponse,
        responses={200: {"content": {POINTS_MEDIA_TYPE: {}}}, **_PROBLEMS},
    )
    def events_points(
        filters: Annotated[EventQuery, Depends(event_filters)], limit: ExportLimit = None
    ) -> Response:
        query = replace(filters, limit=None, cursor=None)
        first_size = EXPORT_PAGE if limit is None else min(EXPORT_PAGE, limit)
        with pool.store() as store:  # the first page before the response: bad filters get their 422
            first, cursor = store.query_events(replace(query, limit=first_size))
        events = _pages(pool, query, first, cursor, limit)
        return StreamingResponse(stream_export(write_points, events), media_type=POINTS_MEDIA_TYPE)

    @app.get(
        "/api/events.csv",
        summary="Events matching the filters as CSV in ACLED's columns (streamed)",
        description="Events without an ACLED event type are left out; unknown values stay empty.",
        response_class=StreamingResponse,
        responses={200: {"content": {"text/csv": {}}}, **_PROBLEMS},
    )
    def events_csv(
        filters: Annotated[EventQuery, Depends(event_filters)], limit: ExportLimit = None
    ) -> Response:
        return export("acled", filters, limit, "lagebild-events.acled.csv")

    @app.get(
        "/api/events.flat.csv",
        summary="Events matching the filters as plain CSV, one row per event (streamed)",
        description="The event contract flattened for spreadsheets (lagebild.export.flat_csv): every event, its place, date, actors and first evidence sentence.",
        response_class=StreamingResponse,
        responses={200: {"content": {"text/csv": {}}}, **_PROBLEMS},
    )
    def events_flat_csv(
        filters: Annotated[EventQuery, Depends(event_filters)], limit: ExportLimit = None
    ) -> Response:
        return export("csv", filters, limit, "lagebild-events.csv")

    @app.get(
        "/api/events/{event_id}",
        summary="One event with every source and evidence sentence",
        description="`documents` adds the title, URL and source of each document behind the evidence.",
        response_class=Response,
        responses={200: {"model": EventDetail}, 404: {"model": Problem, "description": "No such event"}},
    )
    def get_event(event_id: str) -> Response:
        with pool.store() as store:
            event = store.get_event(event_id)
            if event is None:
                raise HTTPException(404, f"no event with id {event_id!r}")
            documents = {}
            for doc_id in dict.fromkeys(ev.document_id for ev in event.evidence):
                doc = store.get_document(doc_id)
                if doc is not None:
                    documents[doc_id] = {
                        "title": doc.title,
                        "url": doc.url,
                        "source": doc.source,
                        "published": doc.published,
                        "lang": doc.lang,
                    }
            corrections = [c.to_dict() for c in store.corrections(event.id)]
        body = {**event.to_dict(), "documents": documents, "sources": sources_of(event)}
        return json_response({**body, "corrections": corrections})

    @app.get(
        "/api/timeline",
        summary="Events per day, week or month and type, for the histogram",
        description=(
            "Counts of the dated events matching the filters. `bucket=auto` (default) takes days "
            "for up to 120 days, weeks (starting Monday) up to about three years, months beyond; "
            "the range is since..until when both are given, else that of the matching events. The "
            "series holds every bucket from the first to the last event, empty ones included. An "
            "event dated only to a month or year counts on the first day of its period."
        ),
        response_class=Response,
        responses={200: {"model": Timeline}, **_PROBLEMS},
    )
    def timeline(
        filters: Annotated[EventQuery, Depends(event_filters)],
        bucket: Annotated[
            str, Query(pattern="^(auto|day|week|month)$", description="auto, day, week or month")
        ] = "auto",
    ) -> Response:
        # One query: "auto" counts per day and rolls the days up once their span is known.
        with pool.store() as store:
            rows = store.timeline(filters, "day" if bucket == "auto" else bucket)
        if bucket == "auto":
            days = [start for start, _, _ in rows if start]
            bucket = _auto_bucket(filters, (min(days), max(days)) if days else (None, None))
            rows = _roll_up(rows, bucket)
        return json_response(_timeline_body(rows, bucket))

    # -- live ----------------------------------------------------------------------------------

    @app.get(
        "/api/stream",
        summary="Server-Sent Events: events as they are stored, also by other processes",
        description=(
            'First an `event: ready` message whose data is {"mark": N}; then `event: events` '
            'messages whose data is {"events": [...event contract...], "mark": N}, for new and '
            "updated events (an update sends the whole event again). When a report tied two stored "
            'events into one, the message also holds "removed": [{"id": ..., "folded_into": ...}]: '
            "the folded event is gone (its id now answers with the survivor, which is in the same "
            "message when it matches `modality`); drop its pin. Each message's id is its mark: "
            "a reconnecting client sends it as Last-Event-ID (browsers do) and misses nothing. "
            "Comment lines keep the connection alive. `modality` filters as in /api/events."
        ),
        response_class=StreamingResponse,
        responses={200: {"content": {"text/event-stream": {}}}, **_PROBLEMS},
    )
    async def stream(
        request: Request,
        modality: Annotated[str | None, Query(description="As in /api/events; default asserted")] = None,
        last_event_id: Annotated[
            str | None, Query(description="Resume after this mark (the Last-Event-ID header does the same)")
        ] = None,
    ) -> Response:
        wanted = parse_modality(modality)
        resume = request.headers.get("last-event-id") or last_event_id
        start = None
        if resume:
            start = parse_mark(resume)

        def last_change() -> int:
            with pool.store() as store:
                return store.last_change()

        def changed_since(mark: int, limit: int) -> tuple[list[Event], int]:
            with pool.store() as store:
                return store.events_changed_since(mark, limit)

        def folds() -> dict[str, str]:
            with pool.store() as store:
                return {
                    key.removeprefix(FOLDED_PREFIX): value for key, value in store.meta_items(FOLDED_PREFIX)
                }

        body = live_events(
            last_change,
            changed_since,
            lambda e: wanted is None or e.modality in wanted,
            start=start,
            poll_s=stream_poll_s,
            keepalive_s=keepalive_s,
            is_disconnected=request.is_disconnected,
            folds=folds,
            wait=pool.wait_for_change,  # PostgreSQL: woken by every commit (NOTIFY), from any process
        )
        return StreamingResponse(
            body,
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    @app.get("/api/config", summary="What the map page needs to know: the online tile style, if any")
    def config() -> dict[str, Any]:
        return {"tile_style": tile_style}

    @app.get(
        "/api/status",
        summary="What the store holds and which server serves it",
        response_class=Response,
        responses={200: {"model": StatusOut}},
    )
    def status() -> Response:
        from lagebild.watch.state import feed_health

        with pool.store() as store:
            stats = store.stats()
            last = store.last_change()
            feeds = feed_health(store)  # per-feed health of `lagebild watch`/`up`; [] without one
        return json_response(
            {
                "version": lagebild.__version__,
                "writes_enabled": token is not None,
                "last_change": last,
                **stats,
                "feeds": feeds,
            }
        )

    # -- writing -------------------------------------------------------------------------------

    def require_token(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> None:
        # The guard has refused a bad token before the body was read; this documents the
        # scheme in the OpenAPI and stays as a second check.
        header = f"{credentials.scheme} {credentials.credentials}" if credentials else None
        problem = token_problem(header, token)
        if problem is not None:
            raise HTTPException(401, problem, {"WWW-Authenticate": "Bearer"})

    @app.post(
        "/api/documents",
        summary="Ingest one document and extract its events",
        description=(
            "The body is one record as a JSON Lines input line: `text` (kept as given, invisible characters removed) or `html`, and "
            "optionally url, title, published, lang, source, author. 201 with the new events when it "
            "was stored; 200 when the same text was stored before (with its events)."
        ),
        dependencies=[Depends(require_token)],
        status_code=201,
        response_class=Response,
        responses={
            201: {"model": IngestResult, "description": "Stored"},
            200: {"model": IngestResult, "description": "Already stored"},
            **_WRITE_PROBLEMS,
        },
    )
    async def post_document(document: DocumentIn) -> Response:
        # Extraction is CPU-bound: it runs in a worker thread, the event loop keeps serving. Its
        # own limiter keeps writers off the threads that the read endpoints run on.
        record = document.model_dump()
        status_code, body = await anyio.to_thread.run_sync(
            _ingest_record, pool, record, readers.read, limiter=extractors
        )
        return json_response(body, status_code)

    app.include_router(
        alerts_api.router(pool, require_token, token, json_response, stream_poll_s, keepalive_s)
    )
    app.include_router(corrections_api.router(pool, require_token, json_response))
    app.include_router(places_api.router)  # the map's place search
    app.include_router(now_api.router(pool))  # the map's "Now" column: /api/now, /api/escalation

    # -- pages ---------------------------------------------------------------------------------

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(pages.api_reference(app.openapi()))

    site = static_dir or STATIC_DIR
    if (site / "index.html").is_file():
        app.mount("/", _Static(directory=site, html=True), name="static")
    else:

        @app.get("/", include_in_schema=False)
        def map_not_built() -> HTMLResponse:
            return HTMLResponse(pages.map_not_built(), headers={"Cache-Control": "no-cache"})

    return app


_MAX_MARK = 2**63 - 1  # marks are SQLite integers


def parse_mark(value: str) -> int:
    """A stream mark from Last-Event-ID: ASCII digits within SQLite's integers, else a StoreError.

    str.isdigit() also accepts "²" and other digits int() refuses, and a 5,000-digit number is
    beyond what int() parses by default: both once ended in a 500."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19 or int(text) > _MAX_MARK:
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise StoreError(f"Last-Event-ID must be a mark from this stream (a whole number), got {shown!r}")
    return int(text)


def is_unavailable(exc: StoreError) -> bool:
    """A database the server cannot use (503), as opposed to a value the store refuses (422)."""
    return isinstance(exc, StoreUnavailable)


def validation_message(exc: RequestValidationError) -> str:
    """One line per problem, naming the parameter: `limit: Input should be less than or equal to 1000`."""
    lines = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "header")]
        where = ".".join(loc) or "request"
        message = error.get("msg", "invalid")
        if error.get("type") == "json_invalid":
            message = "malformed JSON: " + str((error.get("ctx") or {}).get("error", message))
            where = "body"
        elif loc == ["body"] and error.get("type") in ("missing", "model_attributes_type", "dict_type"):
            message = "expected a JSON object with 'text' or 'html'"
        lines.append(f"{where}: {message}")
    return "; ".join(lines)


def _pages(
    pool: StorePool, query: EventQuery, first: list[Event], cursor: str | None, limit: int | None
) -> Iterator[Event]:
    """`first`, then the following pages, each read with a store borrowed just for that page."""
    remaining = limit
    page = first
    while True:
        if remaining is not None:
            page = page[:remaining]
            remaining -= len(page)
        yield from page
        if cursor is None or remaining == 0:
            return
        size = EXPORT_PAGE if remaining is None else min(EXPORT_PAGE, remaining)
        with pool.store() as store:
            page, cursor = store.query_events(replace(query, limit=size, cursor=cursor))


def _without_evidence(events: Iterator[Event]) -> Iterator[Event]:
    for event in events:
        event.evidence = []
        yield event


def _ingest_record(
    pool: StorePool, record: dict[str, Any], read: Callable[[Document], list[Event]]
) -> tuple[int, dict[str, Any]]:
    from lagebild.bounded import TaskFailed, TimeLimitExceeded
    from lagebild.ingest import link_and_store, prepare
    from lagebild.merge import embedder
    from lagebild.sources.base import Defaults, IngestError
    from lagebild.sources.jsonl import read_record

    doc = read_record({k: v for k, v in record.items() if v is not None}, Defaults(), "request body")
    if isinstance(doc, IngestError):
        raise StoreError(f"body: {doc.message}")
    with pool.store() as store:
        if store.has_document(doc.id):
            return 200, _ingested("already stored", doc.id, store.events_of_document(doc.id))
    doc = prepare(doc)
    try:
        mentions = read(doc)
    except TimeLimitExceeded as exc:  # the document, not the server: nothing of it is stored
        raise HTTPException(422, f"body: the document {exc}") from None
    except TaskFailed as exc:  # the extractor raised, or its worker died
        raise HTTPException(500, f"extraction failed: {exc}") from None
    except Exception as exc:  # an extractor bug: say so rather than a bare 500
        raise HTTPException(500, f"extraction failed: {type(exc).__name__}: {exc}") from None
    with pool.store() as store:
        stored = link_and_store(store, doc, mentions, embedder())
        status = (201, "stored") if stored.new else (200, "already stored")
        events = store.events_of_document(doc.id)
        return status[0], _ingested(status[1], doc.id, events, doc.capped if stored.new else None)


def sources_of(event: Event) -> list[dict[str, Any]]:
    """The event's evidence grouped by language, then by source: who reported it, in which words."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for ev in event.evidence:
        key = (ev.lang, ev.source or ev.url or ev.document_id)
        group = groups.setdefault(
            key, {"lang": ev.lang, "source": ev.source, "url": ev.url, "documents": [], "evidence": []}
        )
        if ev.document_id not in group["documents"]:
            group["documents"].append(ev.document_id)
        group["evidence"].append(ev.to_dict())
    return sorted(groups.values(), key=lambda g: (g["lang"], g["source"] or g["url"] or ""))


def _ingested(
    status: str, document_id: str, events: list[Event], capped: dict[str, list[int]] | None = None
) -> dict[str, Any]:
    return {
        "status": status,
        "document_id": document_id,
        "events": [e.to_dict() for e in events],
        "capped": capped,  # what was left unread (the caps per document), or None
    }


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return None


def _auto_bucket(filters: EventQuery, data_range: tuple[str | None, str | None]) -> str:
    first = _day(filters.since) or _day(data_range[0])
    last = _day(filters.until) or _day(data_range[1])
    if first is None or last is None:
        return "day"
    span = (last - first).days
    if span <= 120:
        return "day"
    if span <= 3 * 366:
        return "week"
    return "month"


def _bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _roll_up(rows: list[tuple[str | None, str, int]], bucket: str) -> list[tuple[str | None, str, int]]:
    """Daily timeline rows summed into weeks or months (the same buckets as the store's SQL)."""
    if bucket == "day":
        return rows
    sums: dict[tuple[str | None, str], int] = {}
    for start, type_, n in rows:
        key = (_bucket_start(date.fromisoformat(start), bucket).isoformat() if start else None, type_)
        sums[key] = sums.get(key, 0) + n
    return [(start, type_, n) for (start, type_), n in sums.items()]


def _next_bucket(day: date, bucket: str) -> date:
    if bucket == "day":
        return day + timedelta(days=1)
    if bucket == "week":
        return day + timedelta(days=7)
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _timeline_body(rows: list[tuple[str | None, str, int]], bucket: str) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}
    per_type: dict[str, int] = {}
    undated = 0
    for start, type_, n in rows:
        if start is None:
            undated += n
            continue
        counts.setdefault(start, {})[type_] = n
        per_type[type_] = per_type.get(type_, 0) + n
    series = []
    if counts:
        first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
        day = first
        while day <= last:
            if len(series) >= MAX_TIMELINE_BUCKETS:
                raise StoreError(
                    f"the events span more than {MAX_TIMELINE_BUCKETS} {bucket}s: narrow since/until "
                    "or ask for a coarser bucket (week, month)"
                )
            found = counts.get(day.isoformat(), {})
            series.append({"date": day.isoformat(), "counts": found, "total": sum(found.values())})
            if day == last:
                break  # the bucket after 9999-12-31 is no date
            day = _next_bucket(day, bucket)
    total = sum(per_type.values())
    return {
        "bucket": bucket,
        "types": sorted(per_type, key=lambda t: (-per_type[t], t)),
        "series": series,
        "total": total,
        "undated": undated,
    }
