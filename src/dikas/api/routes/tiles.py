"""Vector tiles of the map layers and the offline base map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from dikas.api.context import ApiContext
from dikas.api.errors import NotFoundError
from dikas.api.layers import TILE_LAYERS
from dikas.api.routes.deps import context
from dikas.api.tiles import tile_bounds

router = APIRouter(prefix="/api/tiles", tags=["Map"])
MVT = "application/vnd.mapbox-vector-tile"


@router.get("/{layer}/{z}/{x}/{y}.mvt", response_class=Response,
            summary="Mapbox Vector Tile of a layer",
            description=f"Layers: {', '.join(TILE_LAYERS)}. Tiles below a layer's minimum "
                        "zoom are empty (bounds request cost).")
def tile(layer: str, z: Annotated[int, Path()], x: Annotated[int, Path()],
         y: Annotated[int, Path()], ctx: Annotated[ApiContext, Depends(context)]) -> Response:
    available = [name for name in TILE_LAYERS
                 if name.startswith("basemap_") or name in ctx.collection_names]
    if layer not in available:
        raise NotFoundError(f"no tile layer {layer!r}; tile layers: {', '.join(available)}")
    tile_bounds(z, x, y)
    return Response(ctx.tile(layer, z, x, y), media_type=MVT,
                    headers={"Cache-Control": "public, max-age=3600"})
