"""What the map app needs to start: city, years, extent, indicators, service types and
the population groups' labels (so that no group id reaches a person)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from dikas.api.context import ApiContext
from dikas.api.errors import ServiceUnavailableError
from dikas.api.indicators import LEVELS, indicator_catalog
from dikas.api.routes.deps import context
from dikas.errors import ConfigError
from dikas.twin.groups import population_groups
from dikas.twin.store import Twin

router = APIRouter(prefix="/api", tags=["DikaS"])


def _groups(twin: Twin) -> list[dict[str, Any]]:
    """The twin's population groups: id, labels per language, levels (none when the twin
    has no groups defined)."""
    try:
        groups = population_groups(twin)
    except ConfigError:
        return []
    return [{"id": g.id, "labels": dict(g.labels), "levels": list(g.levels)} for g in groups]


def _meta(ctx: ApiContext) -> dict[str, Any]:
    twin = ctx.twin()
    city = str(twin.build_info().get("city", ""))
    layer = next((name for name in ("areas", "grid", "buildings") if twin.has_layer(name)), None)
    bbox = ctx.extent_wgs84(layer) if layer else None
    center = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] if bbox else None
    service_types: list[str] = []
    if twin.has_layer("services"):
        service_types = [str(v) for v in twin.distinct_values("services", "service_type")]
    return {
        "city": city,
        "build_id": ctx.build_id(),
        "title": f"DikaS – {city.capitalize()}",
        "years": ctx.years("areas") if twin.has_layer("areas") else [],
        "bbox": bbox,
        "center": center,
        "focus_bbox": ctx.opening_bbox(),
        "levels": [level for level in LEVELS if twin.has_layer(level)],
        "indicators": [info.as_dict() for info in indicator_catalog(twin)],
        "service_types": service_types,
        "population_groups": _groups(twin),
        "tile_layers": ctx.tile_layers,
        "attribution": ctx.attribution,
        "min_count": ctx.settings.min_count,
    }


@router.get("/meta", summary="City, years, extent, indicators and service types")
def meta(ctx: Annotated[ApiContext, Depends(context)]) -> dict[str, Any]:
    return ctx.memo(("meta",), lambda: _meta(ctx))


@router.get("/status", summary="Start-up progress: layers loaded, tiles seeded")
def status(ctx: Annotated[ApiContext, Depends(context)]) -> dict[str, Any]:
    """For readiness checks: ``layers_loaded`` turns true once the map layers are in memory;
    ``seeding`` is true while the tile cache is being filled; ``build_id`` names the build
    of the twin snapshot being served (it changes when the server switches to a new one)."""
    if ctx.status.get("error"):
        # the preload died: unhealthy, not "still starting"
        raise ServiceUnavailableError(f"the server cannot serve this twin: {ctx.status['error']}")
    return {
        **ctx.status,
        "build_id": ctx.build_id(),
        "tiles_cached": len(ctx.tiles),
        "tile_cache_bytes": ctx.tiles.nbytes,
    }
