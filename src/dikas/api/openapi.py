"""The API definition at ``/openapi.json``, made to tell the truth about what is sent.

FastAPI declares only the success response and a 422 whose schema (a list of validation
errors) is not what :mod:`dikas.api.errors` sends. This module rewrites the generated
document once:

- every operation declares each error status the server can answer it with, all with the
  one error body ``{"detail": "<one line>"}`` (schema ``Error``) as ``application/json``, and
  ``Retry-After`` on 429;
- success responses sent as GeoJSON, vector tiles or HTML declare that media type (and a
  GeoJSON schema), not ``application/json``;
- operations that need a bearer token say so (``security``), and query parameters the routes
  parse themselves (``bbox``) get their real schema.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

GEOJSON = "application/geo+json"
MVT = "application/vnd.mapbox-vector-tile"
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "required": ["detail"],
    "additionalProperties": False,
    "properties": {"detail": {"type": "string", "description": "What went wrong, one line"}},
}
ERROR_DESCRIPTIONS = {
    400: "Invalid parameters (or a host name the server does not serve)",
    401: "Not signed in, or the token is invalid, expired or revoked",
    403: "Signed in without the role the action needs, or a request from another site",
    404: "No such resource (or the twin lacks the layer it needs)",
    409: "Conflicts with the current state",
    413: "Request body or requested result larger than the server's limits",
    415: "Request body is not application/json",
    422: "Request body does not match its schema",
    429: "Too many requests (failed sign-ins, or the server is busy); see Retry-After",
    501: "This twin or server cannot serve the endpoint",
    503: "The server is not ready or overloaded; see Retry-After",
}
COMMON = frozenset({400, 404, 413})
"""Every operation: query/path parameters are checked (400), data may be missing in the
twin (404) and any request body is bounded (413)."""
WITH_BODY = frozenset({415})
"""Operations a body may be sent to (POST): only JSON is accepted."""
EXTRA: dict[tuple[str, str], frozenset[int]] = {
    ("post", "/api/auth/token"): frozenset({401, 403, 429}),
    ("post", "/api/auth/logout"): frozenset({401, 403}),
    ("post", "/api/comments"): frozenset({401, 403}),
    ("post", "/api/comments/{comment_id}/hide"): frozenset({401, 403, 409}),
    ("post", "/api/comments/{comment_id}/restore"): frozenset({401, 403, 409}),
    ("get", "/api/comments/export"): frozenset({401, 403}),
    ("get", "/api/moderation/log"): frozenset({401, 403}),
    ("post", "/api/invitations"): frozenset({401, 403}),
    ("post", "/api/auth/accept-invitation"): frozenset({403, 409}),
    ("post", "/api/auth/password"): frozenset({401, 403, 429}),
    ("post", "/api/users/{username}/reset-password"): frozenset({401, 403}),
    ("post", "/api/auth/reset-password"): frozenset({403}),
    ("get", "/api/me/data"): frozenset({401}),
    ("delete", "/api/me"): frozenset({401, 403}),
    ("post", "/api/scenarios"): frozenset({429}),
    # per-client rate limits of costly requests
    ("get", "/api/isochrone"): frozenset({429}),
    ("get", "/api/report"): frozenset({429}),
    # surveys: closed or already answered (409), per-client submission limit (429)
    ("post", "/api/surveys/{survey_id}/responses"): frozenset({403, 409, 429}),
    ("get", "/api/surveys/{survey_id}/export"): frozenset({401, 403}),
}
"""Statuses particular to an operation, by (method, path)."""
WITHOUT_TWIN = {
    ("get", "/ogc/conformance"),
    ("post", "/api/auth/token"),
    ("post", "/api/auth/logout"),
    ("get", "/api/scenarios/{scenario_id}"),
    ("get", "/api/scenarios/compare"),
    ("post", "/api/comments/{comment_id}/hide"),
    ("post", "/api/comments/{comment_id}/restore"),
    ("get", "/api/moderation/log"),
    ("post", "/api/invitations"),
    ("post", "/api/auth/accept-invitation"),
    ("post", "/api/auth/password"),
    ("post", "/api/users/{username}/reset-password"),
    ("post", "/api/auth/reset-password"),
    ("get", "/api/privacy"),
    ("get", "/api/me/data"),
    ("delete", "/api/me"),
}
"""Operations that never read the twin; every other one answers 503 when it cannot (damaged
twin pages, a failed start-up)."""
SUCCESS_MEDIA: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {
    ("get", "/ogc/collections/{collection_id}/items"): (
        GEOJSON,
        {"$ref": "#/components/schemas/FeatureCollection"},
    ),
    ("get", "/ogc/collections/{collection_id}/items/{feature_id}"): (
        GEOJSON,
        {"$ref": "#/components/schemas/Feature"},
    ),
    ("get", "/api/comments"): (GEOJSON, {"$ref": "#/components/schemas/FeatureCollection"}),
    ("post", "/api/comments"): (GEOJSON, {"$ref": "#/components/schemas/Feature"}),
    ("get", "/api/comments/export"): (GEOJSON, {"$ref": "#/components/schemas/FeatureCollection"}),
    ("get", "/api/isochrone"): ("application/json", {"$ref": "#/components/schemas/Feature"}),
    ("get", "/api/tiles/{layers}/{z}/{x}/{y}.mvt"): (MVT, {"type": "string", "format": "binary"}),
    ("get", "/api/report"): ("text/html", {"type": "string"}),
}
"""Success media type and schema of operations that do not answer plain JSON."""
GEOJSON_SCHEMAS: dict[str, dict[str, Any]] = {
    "Feature": {
        "type": "object",
        "required": ["type", "geometry", "properties"],
        "properties": {
            "type": {"const": "Feature"},
            "id": {"type": ["string", "integer"]},
            "geometry": {"type": ["object", "null"]},
            "properties": {"type": ["object", "null"]},
            "links": {"type": "array", "items": {"type": "object"}},
        },
    },
    "FeatureCollection": {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"const": "FeatureCollection"},
            "features": {"type": "array", "items": {"$ref": "#/components/schemas/Feature"}},
            "numberMatched": {"type": "integer", "minimum": 0},
            "numberReturned": {"type": "integer", "minimum": 0},
            "timeStamp": {"type": "string"},
            "links": {"type": "array", "items": {"type": "object"}},
        },
    },
}
SIGNED_IN = {
    ("post", "/api/auth/logout"),
    ("post", "/api/comments"),
    ("post", "/api/comments/{comment_id}/hide"),
    ("post", "/api/comments/{comment_id}/restore"),
    ("get", "/api/comments/export"),
    ("get", "/api/moderation/log"),
    ("post", "/api/invitations"),
    ("post", "/api/auth/password"),
    ("post", "/api/users/{username}/reset-password"),
    ("get", "/api/me/data"),
    ("delete", "/api/me"),
    ("get", "/api/surveys/{survey_id}/export"),
}
"""Operations that need ``Authorization: Bearer <token>``."""
BBOX = {
    "name": "bbox",
    "in": "query",
    "required": False,
    "style": "form",
    "explode": False,
    "description": "minlon,minlat,maxlon,maxlat in CRS84",
    "schema": {
        "type": "array",
        "minItems": 4,
        "maxItems": 4,
        "items": {"type": "number", "minimum": -180, "maximum": 180},
    },
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again",
        "schema": {"type": "integer", "minimum": 1},
    }
}


def error_statuses(method: str, path: str, operation: dict[str, Any]) -> frozenset[int]:
    """The error statuses one operation can be answered with."""
    statuses = set(COMMON) | EXTRA.get((method, path), frozenset())
    if (method, path) not in WITHOUT_TWIN:
        statuses.add(503)
    if method in ("post", "put", "patch"):
        statuses |= WITH_BODY
    if "requestBody" in operation:
        statuses.add(422)  # a body not matching its schema (parameters are 400)
    return frozenset(statuses)


def truthful_openapi(document: dict[str, Any]) -> dict[str, Any]:
    """Rewrite a generated OpenAPI document in place (see the module docstring)."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Error"] = ERROR_SCHEMA
    schemas.update(GEOJSON_SCHEMAS)
    document["components"]["securitySchemes"] = {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "Token from POST /api/auth/token",
        }
    }
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)  # FastAPI's, with a schema that is not what is sent
            if (method, path) in SIGNED_IN:
                operation["security"] = [{"bearer": []}]
            operation["parameters"] = [
                BBOX if p.get("name") == "bbox" and p.get("in") == "query" else p
                for p in operation.get("parameters", [])
            ]
            if not operation["parameters"]:
                del operation["parameters"]
            media = SUCCESS_MEDIA.get((method, path))
            if media is not None:
                for status, response in responses.items():
                    if str(status).startswith("2"):
                        response["content"] = {media[0]: {"schema": media[1]}}
            for status in sorted(error_statuses(method, path, operation)):
                response = {
                    "description": ERROR_DESCRIPTIONS[status],
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
                if status in (429, 503):
                    response["headers"] = RETRY_AFTER
                if status == 401:
                    response["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
                responses[str(status)] = response
    return document


def install_openapi(app: FastAPI) -> None:
    """Serve :func:`truthful_openapi` of the app's generated document at ``/openapi.json``."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = truthful_openapi(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    openapi_version=app.openapi_version,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
