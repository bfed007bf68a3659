"""Reading any vector file into the twin's CRS, with the checks every reader shares.

Checks run once, up front: the file opens, required columns exist, numbers are numbers,
the CRS is known, geometries are non-empty and valid (repaired where that is safe).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from dikas.errors import CRSError, DataError, GeometryError, MissingColumnError
from dikas.settings import TWIN_CRS


@dataclass(frozen=True)
class GeometryReport:
    """How many geometries were repaired or dropped while cleaning a layer."""

    repaired: int = 0
    dropped_empty: int = 0


def read_vector(
    path: Path | str,
    *,
    dataset: str | None = None,
    layer: str | None = None,
    required: Iterable[str] = (),
) -> gpd.GeoDataFrame:
    """Open a vector file with pyogrio; any failure becomes a one-line :class:`DataError`."""
    path = Path(path)
    if not path.is_file():
        raise DataError("file not found", dataset=dataset, path=path)
    try:
        frame = gpd.read_file(path, layer=layer, engine="pyogrio")
    except (
        pyogrio.errors.DataSourceError,
        pyogrio.errors.DataLayerError,
        pyogrio.errors.GeometryError,
        pyogrio.errors.FieldError,
        ValueError,
        OSError,
    ) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DataError(
            f"cannot read as a vector file ({first_line})", dataset=dataset, path=path
        ) from exc
    if frame.empty:
        raise DataError("file has no features", dataset=dataset, path=path)
    require_columns(frame, required, dataset=dataset, path=path)
    return frame


def require_columns(
    frame: pd.DataFrame, required: Iterable[str], *, dataset: str | None, path: Path | str | None
) -> None:
    """Raise :class:`MissingColumnError` naming every required column that is absent."""
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise MissingColumnError(
            f"missing required column(s) {', '.join(map(repr, missing))}",
            dataset=dataset,
            path=path,
        )


def to_number(
    frame: pd.DataFrame,
    columns: Iterable[str],
    *,
    dataset: str | None,
    path: Path | str | None,
    missing_values: Iterable[float] = (),
) -> pd.DataFrame:
    """Coerce columns to numbers; text where numbers belong is an error, not a NaN.

    Values in ``missing_values`` (a producer's suppression codes such as Paavo's ``-1``)
    become NaN.
    """
    out = frame.copy()
    sentinels = list(missing_values)
    for column in columns:
        values = out[column]
        numeric = pd.to_numeric(values, errors="coerce")
        bad = numeric.isna() & values.notna()
        if bad.any():
            example = values[bad].iloc[0]
            raise DataError(
                f"column {column!r} has text where numbers belong "
                f"({int(bad.sum())} values, e.g. {example!r})",
                dataset=dataset,
                path=path,
            )
        if sentinels:
            numeric = numeric.mask(numeric.isin(sentinels))
        out[column] = numeric.astype("float64")
    return out


def to_twin_crs(
    frame: gpd.GeoDataFrame,
    *,
    dataset: str | None,
    path: Path | str | None,
    assumed_crs: str | None = None,
) -> gpd.GeoDataFrame:
    """Reproject to EPSG:3067; a missing CRS is an error unless the catalog states one."""
    if frame.crs is None:
        if assumed_crs is None:
            raise CRSError(
                "no CRS in the file and none given in the catalog", dataset=dataset, path=path
            )
        frame = frame.set_crs(assumed_crs)
    if frame.crs.is_geographic and frame.geometry.notna().any():
        minx, miny, maxx, maxy = frame.total_bounds
        if min(minx, miny) < -180 or maxx > 180 or maxy > 90:
            raise CRSError(
                f"coordinates ({minx:.0f}, {miny:.0f}) are not degrees although "
                f"the CRS is {frame.crs.to_string()}: missing or wrong CRS",
                dataset=dataset,
                path=path,
            )
    try:
        projected = frame.to_crs(TWIN_CRS)
    except Exception as exc:  # pyproj raises several unrelated types
        raise CRSError(
            f"cannot transform CRS {frame.crs} to {TWIN_CRS} ({exc})", dataset=dataset, path=path
        ) from exc
    present = projected.geometry[projected.geometry.notna() & ~projected.geometry.is_empty]
    if len(present) and not np.isfinite(present.total_bounds).all():
        raise CRSError(
            f"coordinates do not transform from {frame.crs.to_string()} to {TWIN_CRS}: wrong CRS?",
            dataset=dataset,
            path=path,
        )
    return projected


def clean_geometries(
    frame: gpd.GeoDataFrame, *, dataset: str | None, path: Path | str | None, keep: str = "polygon"
) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Drop empty geometries and repair invalid ones with ``make_valid``.

    Repair is safe for polygons when the repaired shape keeps only its polygonal parts
    (``keep='polygon'``); if no valid geometry is left at all the layer is rejected.
    """
    geoms = frame.geometry
    empty = geoms.isna() | geoms.is_empty
    frame = frame.loc[~empty].copy()
    invalid = ~frame.geometry.is_valid
    repaired = int(invalid.sum())
    if repaired:
        fixed = shapely.make_valid(frame.geometry.values[invalid.values])
        if keep == "polygon":
            fixed = np.array([_polygonal_part(g) for g in fixed], dtype=object)
        frame.loc[invalid, frame.geometry.name] = fixed
        still_bad = frame.geometry.isna() | frame.geometry.is_empty
        frame = frame.loc[~still_bad].copy()
    if frame.empty:
        raise GeometryError("no valid, non-empty geometries", dataset=dataset, path=path)
    return frame, GeometryReport(repaired=repaired, dropped_empty=int(empty.sum()))


def _polygonal_part(geom: shapely.Geometry) -> shapely.Geometry | None:
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    return shapely.union_all(parts)
