"""The API of analysts' corrections: POST /api/corrections (token) and GET /api/corrections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from lagebild.api.pool import StorePool
from lagebild.api.schemas import EventOut, Problem
from lagebild.corrections import CorrectionError, changes_of, check_author, check_reason
from lagebild.store import StoreError

_KEYS = {"event_id", "flag", "type", "mode", "place", "date", "reason", "by"}


class CorrectionOut(BaseModel):
    id: int
    event_id: str | None = Field(description="The event it applies to now; null when its sentence gives none")
    kind: str = Field(description="correct, flag or unflag")
    changes: dict[str, Any] = Field(description="The fields set: type, mode, location, date, date_precision")
    before: dict[str, Any] = Field(description="The same fields as they were")
    reason: str | None = None
    by: str
    at: str
    anchor: dict[str, Any] = Field(
        description="The lead mention and its sentence: found again after a rebuild"
    )


class CorrectionsOut(BaseModel):
    corrections: list[CorrectionOut]


class CorrectionResult(BaseModel):
    correction: CorrectionOut
    event: EventOut = Field(description="The event with the correction applied")


_WRITE: dict[int | str, dict[str, Any]] = {
    201: {"model": CorrectionResult, "description": "Recorded and applied"},
    400: {"model": Problem, "description": "A Host this server does not serve, or a body that is not JSON"},
    401: {"model": Problem, "description": "No or wrong token"},
    404: {"model": Problem, "description": "No such event"},
    413: {"model": Problem, "description": "A body over the size limit"},
    422: {"model": Problem, "description": "A correction that cannot be made: the message says why"},
    429: {"model": Problem, "description": "Too many writes from this client: see Retry-After"},
}


def router(
    pool: StorePool, require_token: Callable[..., None], json_response: Callable[..., Response]
) -> APIRouter:
    api = APIRouter(tags=["corrections"])

    @api.post(
        "/api/corrections",
        summary="Flag an event as wrong, or correct its type, place or date",
        description=(
            'Body: {"event_id": "...", "by": "who", "reason": "...", and either "flag": true (false '
            'lifts a flag) or any of "type", "mode", "place" (a name, "Name, CC", "lat,lon" or a '
            'location object) and "date" (YYYY-MM-DD, YYYY-MM, YYYY)}. The correction is recorded '
            "and applied: the event's answer (201) carries the corrected values and `correction`."
        ),
        dependencies=[Depends(require_token)],
        status_code=201,
        response_class=Response,
        responses=_WRITE,
    )
    async def add_correction(body: Annotated[dict[str, Any], Body()]) -> Response:
        unknown = sorted(set(body) - _KEYS)
        if unknown:
            raise StoreError(f"unknown key {', '.join(unknown)} (allowed: {', '.join(sorted(_KEYS))})")
        event_id = body.get("event_id")
        if not isinstance(event_id, str) or not event_id:
            raise StoreError("event_id: say which event")
        try:
            author = check_author(body.get("by"))
            reason = check_reason(body.get("reason"))
            flag = body.get("flag")
            if flag is not None and not isinstance(flag, bool):
                raise CorrectionError("flag: true or false")
            # The place is looked up in the gazetteer (loaded on first use): off the event loop.
            changes = await run_in_threadpool(
                changes_of, body.get("type"), body.get("mode"), body.get("place"), body.get("date")
            )
        except CorrectionError as exc:
            raise StoreError(str(exc)) from None
        if flag is not None and changes:
            raise StoreError("a correction either flags or corrects: send flag alone, or the fields alone")
        if flag is None and not changes:
            raise StoreError("nothing to correct: send flag, or type, place or date")
        kind = "correct" if changes else ("flag" if flag else "unflag")

        def write() -> tuple[Any, Any]:
            with pool.store() as store:
                if store.get_event(event_id) is None:
                    raise HTTPException(404, f"no event with id {event_id!r}")
                made = store.add_correction(event_id, kind, changes, reason, author)
                return made, store.get_event(event_id)

        made, event = await run_in_threadpool(write)
        return json_response({"correction": made.to_dict(), "event": event.to_dict()}, 201)

    @api.get(
        "/api/corrections",
        summary="Every correction (or those of one event), oldest first",
        response_class=Response,
        responses={
            200: {"model": CorrectionsOut},
            422: {"model": Problem, "description": "Bad parameters"},
        },
    )
    def list_corrections(
        event_id: Annotated[str | None, Query(description="Only this event's")] = None,
        limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    ) -> Response:
        with pool.store() as store:
            found = store.corrections(event_id, limit)
        return json_response({"corrections": [c.to_dict() for c in found]})

    return api
