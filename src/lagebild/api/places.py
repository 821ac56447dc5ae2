"""`GET /api/places`: the map's search box over our gazetteer (lagebild.places.search).

A thin layer: the parameters are checked here, the search and its ranking live in the core."""

from __future__ import annotations

import json
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel

from lagebild.api.schemas import Problem
from lagebild.places.search import MAX_QUERY

router = APIRouter()
MAX_PLACES = 50


class PlaceOut(BaseModel):
    name: str
    matched: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    precision: str
    feature: str
    population: int
    geonameid: int | None
    zoom: float


class PlacesOut(BaseModel):
    query: str
    places: list[PlaceOut]


@router.get(
    "/api/places",
    summary="Places whose name begins with the query: the map's place search",
    description=(
        "Countries, regions and towns of our gazetteer (GeoNames, CLDR), by the beginning of any "
        "of their names, in any case and with or without accents (`sao pa` finds São Paulo, "
        "`київ` finds Kyiv); a whole name in any language the gazetteer holds is found however "
        "small the place. Best first: larger places, whole names and main names first. `matched` "
        "is the name the query met, `zoom` the map zoom that shows the place."
    ),
    response_class=Response,
    responses={200: {"model": PlacesOut}, 422: {"model": Problem, "description": "Bad parameters"}},
)
async def places(
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="The beginning of a name")],
    limit: Annotated[int, Query(ge=1, le=MAX_PLACES, description="At most this many places")] = 10,
    country: Annotated[
        str | None,
        Query(pattern="^(?:[A-Za-z]{2})?$", description="Only places in this country (ISO alpha-2)"),
    ] = None,
) -> Response:
    from lagebild.places.search import search_places

    # The first search loads (or builds) the index: off the event loop.
    found: list[dict[str, Any]] = await anyio.to_thread.run_sync(search_places, q, limit, country or None)
    body = json.dumps({"query": q, "places": found}, ensure_ascii=False, separators=(",", ":"))
    return Response(body.encode("utf-8"), media_type="application/json")
