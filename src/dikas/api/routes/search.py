"""Place search for the map app: postal areas and districts by name (Finnish or Swedish) or
code, and buildings by street address, each with a point to fly to."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from dikas.api.context import ApiContext
from dikas.api.routes.deps import Language, context, request_language

router = APIRouter(prefix="/api", tags=["DikaS"])

MAX_RESULTS = 500
"""Upper bound of `limit`: the whole list of a city's postal areas fits under it."""

_CENTROID = "ST_PointOnSurface(geometry)"


def _names(ctx: ApiContext, layer: str) -> list[str]:
    """The name columns a layer has (`name`, and `name_sv` where the source carries it)."""
    columns = set(ctx.twin().columns(layer))
    return [c for c in ("name", "name_sv") if c in columns]


def _units(ctx: ApiContext, layer: str, key: str, kind: str) -> list[dict[str, Any]]:
    """Every unit of an area layer with its names and a point inside it (CRS84)."""
    twin = ctx.twin()
    if not twin.has_layer(layer):
        return []
    names = _names(ctx, layer)
    latest = (
        "WHERE year = (SELECT max(year) FROM areas)"
        if layer == "areas" and "year" in twin.columns(layer)
        else ""
    )
    frame = twin.sql(
        f"SELECT CAST({key} AS VARCHAR) AS id, "
        + "".join(f"{n}, " for n in names)
        + f"ST_X({_CENTROID}) AS x, ST_Y({_CENTROID}) AS y FROM {layer} {latest} "
        f"ORDER BY id"
    )
    rows = []
    for record in frame.to_dict("records"):
        lon, lat = ctx.to_wgs84.transform(record["x"], record["y"])
        rows.append(
            {
                "kind": kind,
                "id": record["id"],
                "name": record.get("name") or "",
                "name_sv": record.get("name_sv") or None,
                "lon": round(float(lon), 6),
                "lat": round(float(lat), 6),
            }
        )
    return rows


def _catalogue(ctx: ApiContext) -> list[dict[str, Any]]:
    return _units(ctx, "areas", "postal_code", "area") + _units(
        ctx, "districts", "district_id", "district"
    )


def _addresses(ctx: ApiContext, query: str, limit: int) -> list[dict[str, Any]]:
    twin = ctx.twin()
    if not twin.has_layer("buildings") or "address" not in twin.columns("buildings"):
        return []
    frame = twin.sql(
        "SELECT CAST(building_id AS VARCHAR) AS id, address, "
        f"CAST(postal_code AS VARCHAR) AS postal_code, ST_X({_CENTROID}) AS x, "
        f"ST_Y({_CENTROID}) AS y FROM buildings WHERE address ILIKE ? "
        "ORDER BY address LIMIT ?",
        [f"%{query}%", limit],
    )
    rows = []
    for record in frame.to_dict("records"):
        lon, lat = ctx.to_wgs84.transform(record["x"], record["y"])
        rows.append(
            {
                "kind": "address",
                "id": record["id"],
                "name": record["address"],
                "name_sv": None,
                "postal_code": record["postal_code"],
                "lon": round(float(lon), 6),
                "lat": round(float(lat), 6),
            }
        )
    return rows


def _matches(row: dict[str, Any], query: str) -> int | None:
    """How well a unit matches (0 = code or name starts with the query), None if not at all."""
    texts = [row["id"].lower(), row["name"].lower(), (row["name_sv"] or "").lower()]
    if any(t.startswith(query) for t in texts):
        return 0
    if any(query in t for t in texts):
        return 1
    return None


@router.get(
    "/search",
    summary="Find postal areas, districts and addresses",
    description="Postal areas and districts whose code or Finnish or Swedish name "
    "contains `q` (case-insensitive; an empty `q` lists them all), then "
    "buildings whose address contains it. `name` is in the language asked "
    "for where the twin has it (`lang`, else Accept-Language). Each result "
    "has `kind` (`area`, `district`, `address`), `id` and a point inside "
    "it (`lon`, `lat`, CRS84).",
)
def search(
    ctx: Annotated[ApiContext, Depends(context)],
    request: Request,
    q: Annotated[str, Query(max_length=100)] = "",
    lang: Annotated[Language | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_RESULTS)] = 20,
) -> dict[str, Any]:
    language = request_language(lang, request)
    query = q.strip().lower()
    units: list[dict[str, Any]] = ctx.memo(("search-units",), lambda: _catalogue(ctx))
    ranked = sorted(
        (
            (score, i, row)
            for i, row in enumerate(units)
            if (score := _matches(row, query)) is not None
        ),
        key=lambda t: t[:2],
    )
    results = []
    for _, _, row in ranked[:limit]:
        shown = dict(row)
        if language == "sv" and row["name_sv"]:
            shown["name"] = row["name_sv"]
        results.append(shown)
    if query and len(query) >= 3 and len(results) < limit:
        results += _addresses(ctx, query, limit - len(results))
    return {"query": q, "language": language, "results": results}
