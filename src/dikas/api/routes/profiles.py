"""Area and cell profiles for the map's side panel, and areas compared side by side."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from dikas.api.context import ApiContext
from dikas.api.errors import NotFoundError
from dikas.api.routes.deps import Language, context, request_language
from dikas.errors import ParameterError
from dikas.report.profile import (
    ProfileNotFoundError,
    area_profile,
    cell_profile,
    compare_profiles,
)

router = APIRouter(prefix="/api", tags=["DikaS"])
Context = Annotated[ApiContext, Depends(context)]
MAX_COMPARED = 6


def _profile(ctx: ApiContext, compute: Any) -> dict[str, Any]:
    try:
        profile = compute()
    except ProfileNotFoundError as exc:
        raise NotFoundError(str(exc)) from None
    return {**profile.as_dict(), "attribution": ctx.attribution}


@router.get(
    "/areas/{postal_code}/profile",
    summary="Profile of a postal code area",
    description="Key figures of the year (latest by default) with the city's value "
    "(ratio of city totals or population-weighted), the district's "
    "(where the twin has districts) and the rank among the city's areas "
    "(`rank` of `rank_of`, 1 = the highest value; `direction` says "
    "whether higher is better). Labels in `lang` (default from "
    "Accept-Language); `trends` and `city_trends` hold every year.",
)
def area(
    postal_code: Annotated[str, Path(max_length=20)],
    ctx: Context,
    request: Request,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    lang: Annotated[Language | None, Query()] = None,
) -> dict[str, Any]:
    if not ctx.twin().has_layer("areas"):
        raise NotFoundError("the twin has no areas layer")
    language = request_language(lang, request)
    return ctx.memo(
        ("area_profile", postal_code, year, language),
        lambda: _profile(
            ctx,
            lambda: area_profile(
                ctx.twin(),
                postal_code,
                year=year,
                language=language,
                min_count=ctx.settings.min_count,
            ),
        ),
    )


@router.get(
    "/profiles/compare",
    summary="Two or more postal areas side by side",
    description="`ids`: two to six postal codes, comma-separated. Every key figure "
    "of every area with its rank of N and its district's value, the "
    "city's value, and each area's trend over all years.",
)
def compare(
    ctx: Context,
    request: Request,
    ids: Annotated[str, Query(min_length=1, max_length=200)],
    level: Annotated[Literal["areas"], Query()] = "areas",
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    lang: Annotated[Language | None, Query()] = None,
) -> dict[str, Any]:
    if not ctx.twin().has_layer("areas"):
        raise NotFoundError("the twin has no areas layer")
    codes = [code.strip() for code in ids.split(",") if code.strip()]
    if len(codes) > MAX_COMPARED:
        raise ParameterError(f"compare takes at most {MAX_COMPARED} areas, not {len(codes)}")
    language = request_language(lang, request)

    def compute() -> dict[str, Any]:
        try:
            body = compare_profiles(
                ctx.twin(), codes, year=year, language=language, min_count=ctx.settings.min_count
            )
        except ProfileNotFoundError as exc:
            raise NotFoundError(str(exc)) from None
        return {**body, "attribution": ctx.attribution}

    return ctx.memo(("compare", tuple(codes), year, language), compute)


@router.get(
    "/cells/{cell_id}/profile",
    summary="Profile of a grid cell",
    description="Person counts below min_count are null.",
)
def cell(
    cell_id: Annotated[str, Path(max_length=100)],
    ctx: Context,
    request: Request,
    lang: Annotated[Language | None, Query()] = None,
) -> dict[str, Any]:
    if not ctx.twin().has_layer("grid"):
        raise NotFoundError("the twin has no grid layer")
    language = request_language(lang, request)
    return ctx.memo(
        ("cell_profile", cell_id, language),
        lambda: _profile(
            ctx,
            lambda: cell_profile(
                ctx.twin(), cell_id, min_count=ctx.settings.min_count, language=language
            ),
        ),
    )
