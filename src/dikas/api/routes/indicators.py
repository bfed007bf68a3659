"""Indicator values per unit, with legend class breaks."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from dikas.api.context import ApiContext
from dikas.api.indicators import class_breaks, indicator_values, no_data_reasons
from dikas.api.routes.deps import context

router = APIRouter(prefix="/api", tags=["DikaS"])


def _compute(
    ctx: ApiContext, indicator: str, level: str, year: int | None, population_group: str
) -> dict[str, Any]:
    result = indicator_values(
        ctx.twin(),
        indicator=indicator,
        level=level,
        year=year,
        population_group=population_group,
        min_count=ctx.settings.min_count,
    )
    values = {
        unit: (None if not math.isfinite(v) else float(v)) for unit, v in result.values.items()
    }
    return {
        "indicator": result.indicator,
        "level": result.level,
        "year": result.year,
        "population_group": result.population_group,
        "values": values,
        "missing": no_data_reasons(ctx.twin(), result),
        "coverage": result.coverage,
        "breaks": class_breaks(result.values),
        "attribution": ctx.attribution,
    }


@router.get(
    "/indicators",
    summary="Values of one indicator for every unit of a level",
    description="Areas default to the latest year; grid and building attributes are "
    "undated and ignore `year`. Person counts below min_count are null "
    "at grid and building level, and so are the age bands nearest in age "
    "to a blanked one (or, with none left, the total) until the total and "
    "shown bands no longer narrow any blanked band below 1 .. min_count-1. "
    "`missing` lists, per reason, the units of the level without a value: "
    "`suppressed`, `outside_coverage` (outside the reach of the "
    "indicator's source, named in `coverage`; see the `coverage` "
    "collection), `not_computed` or `no_data`.",
)
def indicators(
    ctx: Annotated[ApiContext, Depends(context)],
    indicator: Annotated[str, Query(min_length=1, max_length=200)],
    level: Annotated[str, Query()] = "areas",
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    population_group: Annotated[str, Query(max_length=100)] = "all",
) -> dict[str, Any]:
    return ctx.memo(
        ("indicators", indicator, level, year, population_group),
        lambda: _compute(ctx, indicator, level, year, population_group),
    )
