"""Origins and destinations of travel-time matrices: twin layers or any vector file.

Every function returns a GeoDataFrame in EPSG:3067 with an id column and point geometries
(polygons are replaced by their centroids, as in r5py). Services that are areas (parks,
sports grounds) also carry their polygon in an ``outline`` column: walk and bike routing
reaches them at their edge (:func:`with_outlines`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from dikas.accessibility.network import OUTLINE_COLUMN
from dikas.errors import DataError, MissingColumnError, ParameterError
from dikas.settings import TWIN_CRS
from dikas.twin.schema import unit_key

TWIN_ORIGINS = {level: (level, unit_key(level)) for level in ("grid", "buildings")}
"""Origin kinds read from the twin: kind → (layer, id column)."""
TWIN_DESTINATIONS = {"services": ("services", "service_id"), "stops": ("stops", "stop_id")}
"""Destination kinds read from the twin: kind → (layer, id column)."""
OUTLINE_LAYER = "service_outlines"
"""The twin layer with the polygons of services that are areas."""


class LayerReader(Protocol):
    """The part of :class:`dikas.twin.Twin` used here."""

    def read(
        self, layer: str, *, year: int | None = None, columns: Sequence[str] | None = None
    ) -> pd.DataFrame: ...


def as_points(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Points in EPSG:3067; polygons and lines become their centroids."""
    if frame.crs is None:
        raise DataError("locations have no CRS")
    frame = frame.to_crs(TWIN_CRS) if frame.crs != TWIN_CRS else frame.copy()
    geometry = frame.geometry.to_numpy()
    is_point = shapely.get_type_id(geometry) == 0
    frame[frame.geometry.name] = gpd.GeoSeries(
        [g if p else shapely.centroid(g) for g, p in zip(geometry, is_point, strict=True)],
        index=frame.index,
        crs=TWIN_CRS,
    )
    return frame


def locations_from_file(path: str | Path, *, id_column: str) -> gpd.GeoDataFrame:
    """Read points or polygons (centroids) from any vector file GDAL reads."""
    path = Path(path)
    if not path.is_file():
        raise DataError("file does not exist", path=path)
    try:
        frame = gpd.read_file(path) if path.suffix != ".parquet" else gpd.read_parquet(path)
    except (pyogrio.errors.DataSourceError, ValueError, OSError) as error:
        raise DataError(f"cannot read locations ({error})", path=path) from error
    if id_column not in frame.columns:
        raise MissingColumnError(
            f"no id column {id_column!r}; columns are "
            f"{[c for c in frame.columns if c != 'geometry']}",
            path=path,
        )
    if frame[id_column].isna().any() or not frame[id_column].is_unique:
        raise DataError(f"id column {id_column!r} must be unique and not null", path=path)
    return as_points(frame[[id_column, frame.geometry.name]])


def origins_from_twin(twin: LayerReader, kind: str) -> tuple[gpd.GeoDataFrame, str]:
    """Grid-cell centroids (``cell_id``) or building centroids (``building_id``)."""
    if kind not in TWIN_ORIGINS:
        raise ParameterError(f"unknown origins {kind!r}; use {', '.join(TWIN_ORIGINS)} or a file")
    layer, id_column = TWIN_ORIGINS[kind]
    return as_points(twin.read(layer, columns=[id_column, "geometry"])), id_column


def destinations_from_twin(
    twin: LayerReader, kind: str, *, service_types: Sequence[str] = ()
) -> tuple[gpd.GeoDataFrame, str]:
    """Services (optionally of some types, keeping ``service_type`` and ``capacity``) or
    public-transport stops."""
    if kind not in TWIN_DESTINATIONS:
        raise ParameterError(
            f"unknown destinations {kind!r}; use {', '.join(TWIN_DESTINATIONS)} or a file"
        )
    layer, id_column = TWIN_DESTINATIONS[kind]
    if kind == "stops":
        if service_types:
            raise ParameterError("--service-type applies to services, not stops")
        return as_points(twin.read(layer, columns=[id_column, "geometry"])), id_column
    frame = twin.read(layer, columns=[id_column, "service_type", "capacity", "geometry"])
    if service_types:
        unknown = sorted(set(service_types) - set(frame["service_type"]))
        if unknown:
            raise ParameterError(
                f"no services of type {', '.join(unknown)}; the twin has "
                f"{', '.join(sorted(frame['service_type'].unique()))}"
            )
        frame = frame[frame["service_type"].isin(list(service_types))]
    return with_outlines(twin, as_points(frame), id_column=id_column), id_column


def with_outlines(
    twin: LayerReader, services: gpd.GeoDataFrame, *, id_column: str
) -> gpd.GeoDataFrame:
    """``services`` with an ``outline`` column holding the polygon of each service that is
    an area (the twin's ``service_outlines``: parks, sports grounds), ``None`` for the
    others. Walk and bike routing reaches a service with an outline at its edge
    (:meth:`dikas.accessibility.network.StreetNetwork.snap_areas`); everything else, transit
    included, keeps using its point."""
    has_layer = getattr(twin, "has_layer", None)
    if has_layer is None or not has_layer(OUTLINE_LAYER):
        return services
    outlines = twin.read(OUTLINE_LAYER, columns=["service_id", "geometry"])
    by_id = pd.Series(outlines.geometry.to_numpy(), index=outlines["service_id"].astype(str))
    by_id = by_id[~by_id.index.duplicated()]
    out = services.copy()
    out[OUTLINE_COLUMN] = by_id.reindex(out[id_column].astype(str)).to_numpy()
    return out


def near_network(
    points: gpd.GeoDataFrame, extent: tuple[float, float, float, float], *, margin_m: float
) -> gpd.GeoDataFrame:
    """The points within ``margin_m`` of a network's bounding box.

    Twin layers cover the whole region while a network extract may cover one district; this
    keeps a matrix from filling with rows for places the network cannot reach.
    """
    minx, miny, maxx, maxy = extent
    box = shapely.box(minx - margin_m, miny - margin_m, maxx + margin_m, maxy + margin_m)
    return points[points.geometry.intersects(box)]
