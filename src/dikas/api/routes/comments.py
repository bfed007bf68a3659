"""Stakeholder comments: sign in, pin comments to places or draw them as areas, moderate
(with a reason, logged, undoable), export (moderators).

Anyone reads the visible comments with their author's display name, date and the postal
area's name; moderators also see hidden ones, the reasons, the user names and the audit log.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import geopandas as gpd
import shapely
import shapely.geometry
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field, field_validator, model_validator

from dikas.api.community import (
    CATEGORIES,
    MODERATOR_COLUMNS,
    PUBLIC_COLUMNS,
    REASON_MAX_CHARS,
    SQLITE_MAX_INTEGER,
    User,
)
from dikas.api.context import ApiContext
from dikas.api.errors import AuthenticationError, NotFoundError
from dikas.api.features import parse_bbox
from dikas.api.routes.deps import context
from dikas.api.security import check_same_origin, has_role, require_json, require_role
from dikas.errors import ParameterError
from dikas.twin.schema import unit_key

router = APIRouter(prefix="/api", tags=["Comments"])
Context = Annotated[ApiContext, Depends(context)]
GEOJSON = "application/geo+json"


def current_user(request: Request, ctx: Context) -> User:
    """The signed-in user from an ``Authorization: Bearer <token>`` header (401 otherwise)."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise AuthenticationError(
            "sign in first: send Authorization: Bearer <token> (POST /api/auth/token)"
        )
    return ctx.community.user_for_token(token.strip())


def optional_user(request: Request, ctx: Context) -> User | None:
    """The signed-in user, or ``None`` for anonymous readers: a missing, stale or foreign
    ``Authorization`` header reads public data as anyone would, not a 401."""
    try:
        return current_user(request, ctx)
    except AuthenticationError:
        return None


def same_origin(request: Request, ctx: Context) -> None:
    """403 for a browser request sent from another site (``Origin`` header)."""
    check_same_origin(request, ctx.settings.public_url)


class SignIn(BaseModel):
    """User name and password (JSON only: a form post from another site is refused)."""

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class Token(BaseModel):
    """A bearer token for ``Authorization: Bearer <access_token>``."""

    access_token: str
    token_type: Literal["bearer"]
    role: str


@router.post(
    "/auth/token",
    summary="Sign in (JSON: username, password)",
    dependencies=[Depends(require_json), Depends(same_origin)],
)
def token(credentials: SignIn, request: Request, response: Response, ctx: Context) -> Token:
    response.headers["Cache-Control"] = "no-store"  # RFC 6749 §5.1: never cache a token
    client = request.client.host if request.client else ""
    ctx.sign_ins.check(credentials.username, client)
    try:
        user = ctx.community.authenticate(credentials.username, credentials.password)
    except AuthenticationError:
        ctx.sign_ins.failed(credentials.username, client)
        raise
    return Token(
        access_token=ctx.community.issue_token(user, ttl_s=ctx.settings.token_ttl_s),
        token_type="bearer",
        role=user.role,
    )


@router.post(
    "/auth/logout",
    status_code=204,
    response_class=Response,
    summary="Sign out: revoke every token of the signed-in user",
    dependencies=[Depends(same_origin)],
)
def logout(ctx: Context, user: Annotated[User, Depends(current_user)]) -> Response:
    ctx.community.revoke_tokens(user.username)
    return Response(status_code=204)


MAX_AREA_VERTICES = 500
"""Most positions an area comment's polygon may have (all rings together)."""
MAX_AREA_RINGS = 10
Position = Annotated[list[float], Field(min_length=2, max_length=2)]
Ring = Annotated[list[Position], Field(min_length=4, max_length=MAX_AREA_VERTICES)]


class AreaPolygon(BaseModel):
    """A GeoJSON Polygon in lon/lat (an outer ring and optional holes, each closed)."""

    model_config = {"extra": "forbid"}

    type: Literal["Polygon"]
    coordinates: list[Ring] = Field(min_length=1, max_length=MAX_AREA_RINGS)

    def polygon(self) -> shapely.Polygon:
        """The polygon as a shapely geometry, checked: closed rings, lon/lat ranges, at most
        :data:`MAX_AREA_VERTICES` positions, valid and not empty (400 otherwise: a schema
        cannot say these)."""
        if sum(len(ring) for ring in self.coordinates) > MAX_AREA_VERTICES:
            raise ParameterError(f"area has more than {MAX_AREA_VERTICES} positions")
        for ring in self.coordinates:
            if ring[0] != ring[-1]:
                raise ParameterError("area ring is not closed (first and last position differ)")
            if any(not (-180 <= lon <= 180 and -90 <= lat <= 90) for lon, lat in ring):
                raise ParameterError("area position outside lon -180…180, lat -90…90")
        polygon = shapely.geometry.shape(self.model_dump())
        if not polygon.is_valid or polygon.area <= 0:
            raise ParameterError("area polygon is not valid (self-intersecting or empty)")
        return polygon


class NewComment(BaseModel):
    """A comment pinned to a point (``lon``/``lat``), drawn as an ``area`` (a GeoJSON
    Polygon) or about a postal area (``postal_code``)."""

    # the rule of _place below, in the API definition too: both lon and lat, an area
    # without them, or a postal_code without them
    model_config = {
        "json_schema_extra": {
            "anyOf": [
                {
                    "required": ["lon", "lat"],
                    "properties": {
                        "lon": {"type": "number"},
                        "lat": {"type": "number"},
                        "area": {"type": "null"},
                    },
                },
                {
                    "required": ["area"],
                    "properties": {
                        "area": {"type": "object"},
                        "lon": {"type": "null"},
                        "lat": {"type": "null"},
                    },
                },
                {
                    "required": ["postal_code"],
                    "properties": {
                        "postal_code": {"type": "string"},
                        "lon": {"type": "null"},
                        "lat": {"type": "null"},
                        "area": {"type": "null"},
                    },
                },
            ]
        }
    }

    text: str = Field(min_length=1, max_length=2000)
    category: Literal["need", "idea", "concern"]
    lon: float | None = Field(default=None, ge=-180, le=180)
    lat: float | None = Field(default=None, ge=-90, le=90)
    area: AreaPolygon | None = None
    postal_code: str | None = Field(default=None, max_length=20)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("comment text is empty")
        return text

    @model_validator(mode="after")
    def _place(self) -> NewComment:
        if (self.lon is None) != (self.lat is None):
            raise ValueError("give both lon and lat")
        if self.area is not None and self.lon is not None:
            raise ValueError("give an area or lon and lat, not both")
        if self.lon is None and self.area is None and self.postal_code is None:
            raise ValueError("give lon and lat, an area, or a postal_code")
        return self


class Moderation(BaseModel):
    """Why a moderator hides (or restores) a comment; kept in the audit log."""

    reason: str = Field(min_length=1, max_length=REASON_MAX_CHARS)

    @field_validator("reason")
    @classmethod
    def _not_blank(cls, reason: str) -> str:
        if not reason.strip():
            raise ValueError("give a reason")
        return reason


def _area_names(ctx: ApiContext, codes: set[str]) -> dict[str, dict[str, str]]:
    """Postal code → ``{"area_name": …, "area_name_sv": …}`` from the twin's newest areas
    (only the names the twin has)."""
    twin = ctx.twin()
    if not codes or not twin.has_layer("areas"):
        return {}
    columns = [c for c in ("name", "name_sv") if c in twin.columns("areas")]
    if not columns:
        return {}
    marks = ", ".join("?" * len(codes))
    rows = twin.sql(
        f"SELECT postal_code, {', '.join(columns)} FROM areas WHERE year = "
        f"(SELECT max(year) FROM areas) AND postal_code IN ({marks})",
        sorted(codes),
    )
    names: dict[str, dict[str, str]] = {}
    for row in rows.itertuples(index=False):
        record = row._asdict()
        names[str(record["postal_code"])] = {
            ("area_name" if column == "name" else "area_name_sv"): str(record[column])
            for column in columns
            if record[column] is not None and record[column] == record[column]
        }
    return names


def _feature_collection(frame: gpd.GeoDataFrame, ctx: ApiContext | None = None) -> dict[str, Any]:
    """Comments as GeoJSON (ids as feature ids), with their postal area's name when
    ``ctx`` gives the twin."""
    collection = json.loads(frame.to_json(drop_id=True))
    names = {} if ctx is None else _area_names(ctx, {str(c) for c in frame["postal_code"].dropna()})
    for feature, comment_id in zip(collection["features"], frame["comment_id"], strict=True):
        feature["id"] = int(comment_id)
        feature["properties"].update(names.get(feature["properties"].get("postal_code"), {}))
    return collection


def _postal_code_at(ctx: ApiContext, lon: float, lat: float) -> str | None:
    """The newest postal area containing a lon/lat point (400 outside every area;
    ``None`` when the twin has no areas)."""
    twin = ctx.twin()
    if not twin.has_layer("areas"):
        return None
    x, y = ctx.from_wgs84.transform(lon, lat)
    rows = twin.sql(
        "SELECT postal_code FROM areas WHERE year = (SELECT max(year) FROM "
        "areas) AND ST_Contains(geometry, ST_Point(?, ?)) LIMIT 1",
        [x, y],
    )
    if rows.empty:
        raise ParameterError(f"point {lon}, {lat} is outside the twin's areas")
    return str(rows["postal_code"].iloc[0])


def _place(ctx: ApiContext, comment: NewComment) -> tuple[float, float, str | None]:
    """Where a comment is pinned (for an area: a point inside it), and the postal code
    area that point falls in."""
    twin = ctx.twin()
    if comment.area is not None:
        inside = comment.area.polygon().representative_point()
        area = _postal_code_at(ctx, inside.x, inside.y)
        if comment.postal_code is not None and comment.postal_code != area:
            raise ParameterError(f"area is not in postal area {comment.postal_code!r}")
        return inside.x, inside.y, area
    if comment.lon is not None and comment.lat is not None:
        x, y = ctx.from_wgs84.transform(comment.lon, comment.lat)
        area = None
        if twin.has_layer("areas"):
            found = twin.unit_containing("areas", unit_key("areas"), x, y)
            if found is None:
                raise ParameterError(
                    f"point {comment.lon}, {comment.lat} is outside the twin's areas"
                )
            area = str(found)
        if comment.postal_code is not None and comment.postal_code != area:
            raise ParameterError(f"point is not in area {comment.postal_code!r}")
        return comment.lon, comment.lat, area
    if not twin.has_layer("areas"):
        raise NotFoundError("the twin has no areas to pin a comment to")
    point = twin.point_on_unit("areas", unit_key("areas"), comment.postal_code)
    if point is None:
        raise NotFoundError(f"no area {comment.postal_code!r}")
    lon, lat = ctx.to_wgs84.transform(*point)
    return lon, lat, comment.postal_code


COMMENTS_PAGE = 500
"""Comments per page of ``GET /api/comments`` when no ``limit`` is given."""
MAX_COMMENTS_PAGE = 5000
"""Largest page of ``GET /api/comments``."""


@router.get(
    "/comments",
    summary="Comments as GeoJSON, newest first, one page at a time, "
    "with display name, date and area name (hidden ones and "
    "reasons for moderators only)",
)
def comments(
    ctx: Context,
    user: Annotated[User | None, Depends(optional_user)],
    bbox: str | None = None,
    category: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_COMMENTS_PAGE)] = COMMENTS_PAGE,
    offset: Annotated[int, Query(ge=0, le=SQLITE_MAX_INTEGER)] = 0,
) -> Response:
    if category is not None and category not in CATEGORIES:
        raise ParameterError(f"category must be one of {', '.join(CATEGORIES)}")
    box = parse_bbox(bbox) if bbox is not None else None
    moderator = has_role(user, "moderator")
    matched, frame = ctx.community.comment_page(
        include_hidden=moderator,
        category=category,
        bbox=box,
        limit=limit,
        offset=offset,
        columns=MODERATOR_COLUMNS if moderator else PUBLIC_COLUMNS,
    )
    collection = _feature_collection(frame, ctx)
    collection["numberMatched"] = matched
    collection["numberReturned"] = len(frame)
    if offset + len(frame) < matched:
        query = {k: v for k, v in (("bbox", bbox), ("category", category)) if v is not None}
        collection["links"] = [
            {
                "rel": "next",
                "type": GEOJSON,
                "href": "/api/comments?"
                + urlencode({**query, "limit": limit, "offset": offset + limit}),
            }
        ]
    return Response(json.dumps(collection), media_type=GEOJSON)


@router.post(
    "/comments",
    status_code=201,
    summary="Pin a comment to a place, draw it as an area, or give a postal area (signed in)",
    dependencies=[Depends(same_origin)],
)
def add_comment(
    comment: NewComment, ctx: Context, user: Annotated[User, Depends(current_user)]
) -> Response:
    lon, lat, area = _place(ctx, comment)
    comment_id = ctx.community.add_comment(
        user,
        lon=lon,
        lat=lat,
        text=comment.text,
        category=comment.category,
        postal_code=area,
        area=None if comment.area is None else comment.area.model_dump(),
    )
    ctx.comment_added(comment_id)
    feature = _feature_collection(ctx.community.comment(comment_id), ctx)["features"][0]
    return Response(json.dumps(feature), status_code=201, media_type=GEOJSON)


class Moderated(BaseModel):
    """A comment's visibility after moderation."""

    id: int
    hidden: bool
    reason: str


@router.post(
    "/comments/{comment_id}/hide",
    summary="Hide a comment, with a reason (moderators; logged)",
    dependencies=[Depends(same_origin)],
)
def hide(
    comment_id: int,
    moderation: Moderation,
    ctx: Context,
    user: Annotated[User, Depends(current_user)],
) -> Moderated:
    require_role(user, "moderator")
    ctx.community.hide_comment(comment_id, moderator=user, reason=moderation.reason)
    ctx.comment_hidden(comment_id)
    return Moderated(id=comment_id, hidden=True, reason=moderation.reason.strip())


@router.post(
    "/comments/{comment_id}/restore",
    summary="Undo hiding a comment, with a reason (moderators; logged)",
    dependencies=[Depends(same_origin)],
)
def restore(
    comment_id: int,
    moderation: Moderation,
    ctx: Context,
    user: Annotated[User, Depends(current_user)],
) -> Moderated:
    require_role(user, "moderator")
    ctx.community.restore_comment(comment_id, moderator=user, reason=moderation.reason)
    ctx.comment_hidden(comment_id)  # brings the served layer up to date either way
    return Moderated(id=comment_id, hidden=False, reason=moderation.reason.strip())


class AuditEntry(BaseModel):
    """One moderation or account action: who, what, when, why."""

    entry_id: int
    at: str
    actor: str
    action: str
    target: str
    reason: str


class AuditPage(BaseModel):
    """A page of the audit log, newest first."""

    numberMatched: int  # the OGC name, as in the comment pages
    entries: list[AuditEntry]


AUDIT_PAGE = 100


@router.get(
    "/moderation/log",
    summary="The audit log of moderation and account actions (moderators), newest first",
)
def audit_log(
    request: Request,
    ctx: Context,
    user: Annotated[User, Depends(current_user)],
    limit: Annotated[int, Query(ge=1, le=1000)] = AUDIT_PAGE,
    offset: Annotated[int, Query(ge=0, le=SQLITE_MAX_INTEGER)] = 0,
) -> AuditPage:
    unknown = sorted(set(request.query_params) - {"limit", "offset"})
    if unknown:  # a mistyped parameter must not silently read the first page
        raise ParameterError(f"unknown query parameter {unknown[0][:50]!r} (limit, offset)")
    require_role(user, "moderator")
    matched, entries = ctx.community.audit_log(limit=limit, offset=offset)
    return AuditPage(numberMatched=matched, entries=[AuditEntry(**e) for e in entries])


@router.get(
    "/comments/export",
    summary="Every comment (hidden ones too, with user names "
    "and reasons) as a GeoJSON file (moderators)",
)
def export(ctx: Context, user: Annotated[User, Depends(current_user)]) -> Response:
    require_role(user, "moderator")
    frame = ctx.community.comments(include_hidden=True, columns=MODERATOR_COLUMNS)
    return Response(
        json.dumps(_feature_collection(frame, ctx)),
        media_type=GEOJSON,
        headers={
            "Content-Disposition": 'attachment; filename="comments.geojson"',
            "Cache-Control": "no-store",
        },
    )
