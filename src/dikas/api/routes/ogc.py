"""OGC API – Features Part 1 (Core, GeoJSON) for every twin layer with geometry.

Reference: OGC 17-069r4, *OGC API – Features – Part 1: Core*. The API definition at
``/openapi.json`` is OpenAPI 3.1 (what FastAPI writes), so the OpenAPI 3.0 conformance class
is not claimed; the items parameters are declared in it all the same.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from dikas.api.context import ApiContext
from dikas.api.features import (
    RESERVED_PARAMETERS,
    ItemsQuery,
    now_stamp,
    parse_bbox,
    parse_datetime,
    parse_limit,
    parse_offset,
    parse_property,
    select_feature,
)
from dikas.api.routes.deps import context
from dikas.api.security import public_base, public_url_of
from dikas.errors import ParameterError

router = APIRouter(prefix="/ogc", tags=["OGC API – Features"])

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
]
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GEOJSON = "application/geo+json"
Context = Annotated[ApiContext, Depends(context)]


def _base(request: Request) -> str:
    """Base of absolute links: the configured public URL, never the ``Host`` header."""
    return public_base(request, request.app.state.context.settings.public_url)


def _self(request: Request) -> str:
    return public_url_of(request, request.app.state.context.settings.public_url)


@router.get("", summary="Landing page")
def landing(request: Request, ctx: Context) -> dict[str, Any]:
    base = _base(request)
    city = str(ctx.twin().build_info().get("city", ""))
    return {
        "title": f"DikaS social digital twin – {city}",
        "description": "Layers of the twin (areas, grid, buildings, services, …) as OGC API "
        "– Features collections in GeoJSON (WGS84).",
        "links": [
            {
                "href": f"{base}/ogc",
                "rel": "self",
                "type": "application/json",
                "title": "This document",
            },
            {
                "href": f"{base}/openapi.json",
                "rel": "service-desc",
                "type": "application/vnd.oai.openapi+json;version=3.1",
                "title": "API definition",
            },
            {
                "href": f"{base}/docs",
                "rel": "service-doc",
                "type": "text/html",
                "title": "API documentation",
            },
            {
                "href": f"{base}/ogc/conformance",
                "rel": "conformance",
                "type": "application/json",
                "title": "Conformance classes",
            },
            {
                "href": f"{base}/ogc/collections",
                "rel": "data",
                "type": "application/json",
                "title": "Collections",
            },
        ],
    }


@router.get("/conformance", summary="Conformance classes")
def conformance() -> dict[str, list[str]]:
    return {"conformsTo": CONFORMANCE}


def _collection(request: Request, ctx: ApiContext, name: str) -> dict[str, Any]:
    base = _base(request)
    spec = ctx.spec(name)
    extent: dict[str, Any] = {}
    box = ctx.extent_wgs84(name)
    if box is not None:
        extent["spatial"] = {"bbox": [box], "crs": CRS84}
    years = ctx.years(name)
    if years:
        extent["temporal"] = {
            "interval": [[f"{years[0]}-01-01T00:00:00Z", f"{years[-1]}-12-31T23:59:59Z"]],
            "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
        }
    return {
        "id": name,
        "title": spec.title,
        "description": f"{spec.title}; feature id: {spec.key}"
        + (" and year (KEY-YYYY)" if years else ""),
        "itemType": "feature",
        "crs": [CRS84],
        "extent": extent,
        "links": [
            {
                "href": f"{base}/ogc/collections/{name}",
                "rel": "self",
                "type": "application/json",
                "title": spec.title,
            },
            {
                "href": f"{base}/ogc/collections/{name}/items",
                "rel": "items",
                "type": GEOJSON,
                "title": f"{spec.title} (items)",
            },
        ],
    }


@router.get("/collections", summary="Collections")
def collections(request: Request, ctx: Context) -> dict[str, Any]:
    base = _base(request)
    return {
        "links": [
            {
                "href": f"{base}/ogc/collections",
                "rel": "self",
                "type": "application/json",
                "title": "Collections",
            }
        ],
        "collections": [_collection(request, ctx, name) for name in ctx.collection_names],
    }


@router.get("/collections/{collection_id}", summary="One collection")
def collection(collection_id: str, request: Request, ctx: Context) -> dict[str, Any]:
    ctx.require_collection(collection_id)
    return _collection(request, ctx, collection_id)


def items_query(
    request: Request, ctx: ApiContext, name: str, columns: dict[str, str]
) -> ItemsQuery:
    """Validate the query string of an items request against the collection's columns."""
    params = request.query_params
    unknown = [k for k in params if k not in RESERVED_PARAMETERS and k not in columns]
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {', '.join(map(repr, unknown))} for "
            f"collection {name!r}; properties: {', '.join(columns)}"
        )
    if params.get("f") not in (None, "json", "geojson"):
        raise ParameterError("f must be 'json' or 'geojson'")
    years = None
    if params.get("datetime") is not None:
        if "year" not in columns:
            raise ParameterError(f"collection {name!r} has no time dimension (no datetime)")
        years = parse_datetime(params["datetime"])
    properties = {
        k: parse_property(k, v, columns[k])
        for k, v in params.items()
        if k not in RESERVED_PARAMETERS
    }
    return ItemsQuery(
        limit=parse_limit(
            params.get("limit"), default=ctx.settings.default_limit, maximum=ctx.settings.max_limit
        ),
        offset=parse_offset(params.get("offset")),
        bbox=parse_bbox(params["bbox"]) if params.get("bbox") is not None else None,
        years=years,
        properties=properties,
    )


def _page_link(request: Request, rel: str, offset: int, limit: int) -> dict[str, str]:
    query = request.url.include_query_params(offset=offset, limit=limit).query
    return {"href": f"{_base(request)}{request.url.path}?{query}", "rel": rel, "type": GEOJSON}


ITEMS_PARAMETERS = [
    {
        "name": "bbox",
        "in": "query",
        "required": False,
        "style": "form",
        "explode": False,
        "description": "minlon,minlat,maxlon,maxlat in CRS84",
        "schema": {"type": "array", "minItems": 4, "maxItems": 4, "items": {"type": "number"}},
    },
    {
        "name": "limit",
        "in": "query",
        "required": False,
        "style": "form",
        "explode": False,
        "schema": {"type": "integer", "minimum": 1},
    },
    {
        "name": "offset",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 0, "default": 0},
    },
    {
        "name": "datetime",
        "in": "query",
        "required": False,
        "style": "form",
        "explode": False,
        "description": "yearly layers: a year or an interval (`2023`, `2020/2022`, `../2021`, "
        "RFC 3339 dates)",
        "schema": {"type": "string"},
    },
    {
        "name": "f",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "enum": ["json", "geojson"]},
    },
]
"""The items query parameters of OGC 17-069r4 §7.15, read from the query string by
:func:`items_query` (property filters are free-form and described in the text)."""


@router.get(
    "/collections/{collection_id}/items",
    summary="Features of a collection",
    response_class=Response,
    openapi_extra={"parameters": ITEMS_PARAMETERS},
    description="Query parameters: `bbox` (minlon,minlat,maxlon,maxlat, CRS84), "
    "`limit` (1–max, default 100), `offset`, `datetime` (yearly layers: "
    "`2023`, `2020/2022`, `../2021`), and `<property>=<value>` equality "
    "filters on any property of the collection.",
)
def items(collection_id: str, request: Request, ctx: Context) -> Response:
    ctx.require_collection(collection_id)
    columns = ctx.columns(collection_id)
    query = items_query(request, ctx, collection_id, columns)
    matched, features = ctx.served.select(collection_id, query, key=ctx.spec(collection_id).key)
    links = [
        {"href": _self(request), "rel": "self", "type": GEOJSON},
        {
            "href": f"{_base(request)}/ogc/collections/{collection_id}",
            "rel": "collection",
            "type": "application/json",
        },
    ]
    if query.offset + len(features) < matched:
        links.append(_page_link(request, "next", query.offset + query.limit, query.limit))
    if query.offset > 0:
        links.append(_page_link(request, "prev", max(0, query.offset - query.limit), query.limit))
    body = (
        '{"type":"FeatureCollection","features":['
        + ",".join(features)
        + "],"
        + f'"numberMatched":{matched},"numberReturned":{len(features)},'
        + f'"timeStamp":"{now_stamp()}","links":{json.dumps(links)}'
        + "}"
    )
    return Response(body, media_type=GEOJSON)


@router.get(
    "/collections/{collection_id}/items/{feature_id}",
    summary="One feature",
    response_class=Response,
)
def item(collection_id: str, feature_id: str, request: Request, ctx: Context) -> Response:
    ctx.require_collection(collection_id)
    columns = ctx.columns(collection_id)
    years = ctx.years(collection_id)
    feature = select_feature(
        ctx.served.cursor(),
        collection_id,
        list(columns),
        key=ctx.spec(collection_id).key,
        identifier=feature_id,
        latest_year=years[-1] if years else None,
    )
    base = _base(request)
    links = [
        {"href": _self(request), "rel": "self", "type": GEOJSON},
        {
            "href": f"{base}/ogc/collections/{collection_id}",
            "rel": "collection",
            "type": "application/json",
        },
    ]
    body = feature[:-1] + ',"links":' + json.dumps(links) + "}"
    return Response(body, media_type=GEOJSON)
