"""Travel-time isochrones from a clicked point."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

import shapely
from fastapi import APIRouter, Depends, Query, Request

from dikas.accessibility.isochrones import BUFFER_M, HULL_RATIO, isochrone, node_targets
from dikas.api.context import ApiContext
from dikas.api.errors import NotFoundError
from dikas.api.routes.deps import client_key, context
from dikas.errors import ParameterError

router = APIRouter(prefix="/api", tags=["DikaS"])


@router.get(
    "/isochrone",
    summary="Area reachable from a point within a travel time",
    description=f"GeoJSON Feature (WGS84): concave hull (ratio {HULL_RATIO}) of the "
    f"street-network nodes reached within `minutes`, buffered by "
    f"{BUFFER_M:g} m. Walking 1.2 m/s, cycling 4.2 m/s.",
)
def isochrone_feature(
    ctx: Annotated[ApiContext, Depends(context)],
    request: Request,
    lon: Annotated[float, Query(ge=-180, le=180)],
    lat: Annotated[float, Query(ge=-90, le=90)],
    mode: Annotated[Literal["walk", "bike"], Query()] = "walk",
    minutes: Annotated[float, Query(gt=0)] = 15.0,
) -> dict[str, Any]:
    ctx.isochrone_rate.hit(client_key(request, ctx))
    limit = ctx.settings.max_isochrone_min
    if minutes > limit:
        raise ParameterError(f"minutes must be at most {limit:g}, not {minutes:g}")
    twin = ctx.twin()
    if not (twin.has_layer("network_edges") and twin.has_layer("network_nodes")):
        raise NotFoundError("the twin has no street network")
    x, y = ctx.from_wgs84.transform(lon, lat)
    extent = twin.extent("network_edges")
    if extent is None or not (extent[0] <= x <= extent[2] and extent[1] <= y <= extent[3]):
        raise ParameterError(f"point ({lon:g}, {lat:g}) is outside the twin's street network")
    network = ctx.network(mode)
    targets = ctx.memo(("isochrone_targets", mode), lambda: node_targets(network))
    result = isochrone(network, targets, x, y, minutes=minutes)
    polygon = shapely.transform(result.polygon, ctx.to_wgs84.transform, interleaved=False)
    return {
        "type": "Feature",
        "geometry": json.loads(shapely.to_geojson(polygon)),
        "properties": {
            "mode": mode,
            "minutes": minutes,
            "lon": lon,
            "lat": lat,
            "reached_nodes": result.reached_nodes,
            "snap_distance_m": result.snap_distance_m,
            "method": f"concave hull (ratio {HULL_RATIO}) of reached network "
            f"nodes, buffered {BUFFER_M:g} m",
        },
    }
