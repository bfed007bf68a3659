"""Vector tiles of the map layers and the offline base map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from starlette.concurrency import run_in_threadpool

from dikas.api.context import ApiContext
from dikas.api.errors import NotFoundError
from dikas.api.layers import TILE_LAYERS
from dikas.api.routes.deps import context
from dikas.api.tiles import tile_bounds

router = APIRouter(prefix="/api/tiles", tags=["Map"])
MVT = "application/vnd.mapbox-vector-tile"


@router.get(
    "/{layers}/{z}/{x}/{y}.mvt",
    response_class=Response,
    summary="Mapbox Vector Tile of one layer or several",
    description=f"Layers: {', '.join(TILE_LAYERS)}. Several comma-separated layers "
    "give one tile holding each of them (one request per tile instead of "
    "one per layer). Tiles below a layer's minimum zoom carry nothing of "
    "it (bounds request cost).",
)
async def tile(
    layers: str,
    z: Annotated[int, Path()],
    x: Annotated[int, Path()],
    y: Annotated[int, Path()],
    ctx: Annotated[ApiContext, Depends(context)],
) -> Response:
    available = ctx.tile_layers
    names = list(dict.fromkeys(layers.split(",")))
    unknown = [name for name in names if name not in available]
    if unknown:
        raise NotFoundError(f"no tile layer {unknown[0]!r}; tile layers: {', '.join(available)}")
    tile_bounds(z, x, y)
    # An MVT is a list of layers: the tiles of single layers concatenate into one tile.
    # Cached tiles are answered on the event loop; rendering runs in a worker thread.
    parts = [ctx.tiles.get((name, z, x, y)) for name in names]
    if any(part is None for part in parts):
        parts = await run_in_threadpool(lambda: [ctx.tile(name, z, x, y) for name in names])
    body = b"".join(part or b"" for part in parts)
    return Response(body, media_type=MVT, headers={"Cache-Control": "public, max-age=3600"})
