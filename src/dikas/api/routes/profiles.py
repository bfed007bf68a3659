"""Area and cell profiles for the map's side panel."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from dikas.api.context import ApiContext
from dikas.api.errors import NotFoundError
from dikas.api.routes.deps import context
from dikas.report.profile import ProfileNotFoundError, area_profile, cell_profile

router = APIRouter(prefix="/api", tags=["DikaS"])
Context = Annotated[ApiContext, Depends(context)]


def _profile(ctx: ApiContext, compute: Any) -> dict[str, Any]:
    try:
        profile = compute()
    except ProfileNotFoundError as exc:
        raise NotFoundError(str(exc)) from None
    return {**profile.as_dict(), "attribution": ctx.attribution}


@router.get("/areas/{postal_code}/profile", summary="Profile of a postal code area")
def area(postal_code: Annotated[str, Path(max_length=20)], ctx: Context,
         year: Annotated[int | None, Query(ge=1900, le=2100)] = None) -> dict[str, Any]:
    if not ctx.twin().has_layer("areas"):
        raise NotFoundError("the twin has no areas layer")
    return ctx.memo(("area_profile", postal_code, year),  # type: ignore[no-any-return]
                    lambda: _profile(ctx, lambda: area_profile(ctx.twin(), postal_code,
                                                               year=year)))


@router.get("/cells/{cell_id}/profile", summary="Profile of a grid cell",
            description="Person counts below min_count are null.")
def cell(cell_id: Annotated[str, Path(max_length=100)], ctx: Context) -> dict[str, Any]:
    if not ctx.twin().has_layer("grid"):
        raise NotFoundError("the twin has no grid layer")
    return ctx.memo(("cell_profile", cell_id),  # type: ignore[no-any-return]
                    lambda: _profile(ctx, lambda: cell_profile(
                        ctx.twin(), cell_id, min_count=ctx.settings.min_count)))
