"""Stakeholder comments: sign in, pin comments to places or areas, moderate, export."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import geopandas as gpd
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field, field_validator, model_validator

from dikas.api.community import CATEGORIES, SQLITE_MAX_INTEGER, User
from dikas.api.context import ApiContext
from dikas.api.errors import AuthenticationError, ForbiddenError, NotFoundError
from dikas.api.features import parse_bbox
from dikas.api.routes.deps import context
from dikas.api.security import check_same_origin, require_json
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
        raise AuthenticationError("sign in first: send Authorization: Bearer <token> "
                                  "(POST /api/auth/token)")
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


@router.post("/auth/token", summary="Sign in (JSON: username, password)",
             dependencies=[Depends(require_json), Depends(same_origin)])
def token(credentials: SignIn, request: Request, response: Response, ctx: Context) -> Token:
    response.headers["Cache-Control"] = "no-store"  # RFC 6749 §5.1: never cache a token
    client = request.client.host if request.client else ""
    ctx.sign_ins.check(credentials.username, client)
    try:
        user = ctx.community.authenticate(credentials.username, credentials.password)
    except AuthenticationError:
        ctx.sign_ins.failed(credentials.username, client)
        raise
    return Token(access_token=ctx.community.issue_token(user, ttl_s=ctx.settings.token_ttl_s),
                 token_type="bearer", role=user.role)


@router.post("/auth/logout", status_code=204, response_class=Response,
             summary="Sign out: revoke every token of the signed-in user",
             dependencies=[Depends(same_origin)])
def logout(ctx: Context, user: Annotated[User, Depends(current_user)]) -> Response:
    ctx.community.revoke_tokens(user.username)
    return Response(status_code=204)


class NewComment(BaseModel):
    """A comment pinned to a point (``lon``/``lat``) or to an area (``postal_code``)."""

    # the rule of _place below, in the API definition too: both lon and lat, or a
    # postal_code without them
    model_config = {"json_schema_extra": {"anyOf": [
        {"required": ["lon", "lat"],
         "properties": {"lon": {"type": "number"}, "lat": {"type": "number"}}},
        {"required": ["postal_code"],
         "properties": {"postal_code": {"type": "string"}, "lon": {"type": "null"},
                        "lat": {"type": "null"}}}]}}

    text: str = Field(min_length=1, max_length=2000)
    category: Literal["need", "idea", "concern"]
    lon: float | None = Field(default=None, ge=-180, le=180)
    lat: float | None = Field(default=None, ge=-90, le=90)
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
        if self.lon is None and self.postal_code is None:
            raise ValueError("give lon and lat, or a postal_code")
        return self


def _feature_collection(frame: gpd.GeoDataFrame) -> dict[str, Any]:
    collection = json.loads(frame.to_json(drop_id=True))
    for feature, comment_id in zip(collection["features"], frame["comment_id"], strict=True):
        feature["id"] = int(comment_id)
    return collection


def _place(ctx: ApiContext, comment: NewComment) -> tuple[float, float, str | None]:
    """Where a comment is pinned, and the postal code area it falls in."""
    twin = ctx.twin()
    if comment.lon is not None and comment.lat is not None:
        x, y = ctx.from_wgs84.transform(comment.lon, comment.lat)
        area = None
        if twin.has_layer("areas"):
            found = twin.unit_containing("areas", unit_key("areas"), x, y)
            if found is None:
                raise ParameterError(f"point {comment.lon}, {comment.lat} is outside the "
                                     "twin's areas")
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


@router.get("/comments", summary="Comments as GeoJSON, newest first, one page at a time "
                                 "(hidden ones for moderators only)")
def comments(ctx: Context, user: Annotated[User | None, Depends(optional_user)],
             bbox: str | None = None, category: str | None = None,
             limit: Annotated[int, Query(ge=1, le=MAX_COMMENTS_PAGE)] = COMMENTS_PAGE,
             offset: Annotated[int, Query(ge=0, le=SQLITE_MAX_INTEGER)] = 0) -> Response:
    if category is not None and category not in CATEGORIES:
        raise ParameterError(f"category must be one of {', '.join(CATEGORIES)}")
    box = parse_bbox(bbox) if bbox is not None else None
    matched, frame = ctx.community.comment_page(
        include_hidden=user is not None and user.role == "moderator", category=category,
        bbox=box, limit=limit, offset=offset)
    collection = _feature_collection(frame)
    collection["numberMatched"] = matched
    collection["numberReturned"] = len(frame)
    if offset + len(frame) < matched:
        query = {k: v for k, v in (("bbox", bbox), ("category", category)) if v is not None}
        collection["links"] = [{"rel": "next", "type": GEOJSON, "href": "/api/comments?"
                                + urlencode({**query, "limit": limit,
                                             "offset": offset + limit})}]
    return Response(json.dumps(collection), media_type=GEOJSON)


@router.post("/comments", status_code=201, summary="Pin a comment (signed-in stakeholders)")
def add_comment(comment: NewComment, ctx: Context,
                user: Annotated[User, Depends(current_user)]) -> Response:
    lon, lat, area = _place(ctx, comment)
    comment_id = ctx.community.add_comment(user, lon=lon, lat=lat, text=comment.text,
                                           category=comment.category, postal_code=area)
    ctx.comment_added(comment_id)
    feature = _feature_collection(ctx.community.comment(comment_id))["features"][0]
    return Response(json.dumps(feature), status_code=201, media_type=GEOJSON)


@router.post("/comments/{comment_id}/hide", summary="Hide a comment (moderators)")
def hide(comment_id: int, ctx: Context,
         user: Annotated[User, Depends(current_user)]) -> dict[str, Any]:
    if user.role != "moderator":
        raise ForbiddenError("only moderators can hide comments")
    ctx.community.hide_comment(comment_id, moderator=user)
    ctx.comment_hidden(comment_id)
    return {"id": comment_id, "hidden": True}


@router.get("/comments/export", summary="All visible comments as a GeoJSON file")
def export(ctx: Context) -> Response:
    frame = ctx.community.comments()
    return Response(json.dumps(_feature_collection(frame)), media_type=GEOJSON,
                    headers={"Content-Disposition": 'attachment; filename="comments.geojson"'})
