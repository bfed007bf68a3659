"""Reader for flood hazard zones (SYKE sea/river flood zones, HSY stormwater flooding).

SYKE publishes the flood hazard zones on ``https://paikkatiedot.ymparisto.fi/geoserver/
inspire_nz/wfs`` with the return period in the *layer name*, not in an attribute:
``inspire_nz:NZ.Tulvavaaravyohykkeet_{Meritulva|Vesistotulva}_1_{20|50|100|250|1000}a``
(sea / watercourse flood, 1-in-N-years; names as used by public clients of that service).
HSY's stormwater (pluvial) flooding layers name the rain event instead (e.g.
``HulevesitulvaVesisyvyysSade52mm``) and carry a water depth. So the return period and
the hazard come from the layer name (or the caller), a depth from an optional field.

Output, in EPSG:3067: ``zone_id``, ``hazard`` (``sea`` / ``river`` / ``stormwater``),
``return_period`` (years; NA for an event-based layer), ``depth_m`` (NA without a depth
field) and ``geometry`` — what ``dikas climate flood --hazard FILE`` needs with its default
``--class-column return_period`` (write the combined zones with :func:`write_hazard_file`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.errors import DataError, ParameterError
from dikas.sources.vector import (
    GeometryReport,
    clean_geometries,
    read_vector,
    to_number,
    to_twin_crs,
)

COLUMNS = ("zone_id", "hazard", "return_period", "depth_m", "geometry")
HAZARDS = ("sea", "river", "stormwater")
_HAZARD_WORDS = {
    "meritulva": "sea",
    "vesistotulva": "river",
    "vesistötulva": "river",
    "hulevesi": "stormwater",
    "hulevesitulva": "stormwater",
}
_PERIOD = re.compile(r"_1_(\d+)\s*a\b|1/(\d+)\s*a\b", re.IGNORECASE)


def hazard_of(layer_name: str) -> str | None:
    """``sea`` / ``river`` / ``stormwater`` from a SYKE or HSY layer name, else ``None``."""
    lowered = layer_name.lower()
    for word, hazard in _HAZARD_WORDS.items():
        if word in lowered:
            return hazard
    return None


def return_period_of(layer_name: str) -> int | None:
    """The N of a ``…_1_Na`` (or ``1/N a``) layer name, else ``None``."""
    match = _PERIOD.search(layer_name)
    if match is None:
        return None
    return int(match.group(1) or match.group(2))


def read_flood_zones(
    path: Path | str,
    *,
    layer_name: str | None = None,
    hazard: str | None = None,
    return_period: int | None = None,
    depth_field: str | None = None,
    id_field: str | None = None,
    dataset: str | None = None,
    assumed_crs: str | None = None,
) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Read one hazard layer; ``layer_name`` (its WFS type name) supplies what is not given."""
    name = layer_name or Path(path).stem
    hazard = hazard or hazard_of(name)
    if hazard not in HAZARDS:
        raise ParameterError(
            f"flood layer {name!r}: hazard unknown (give hazard= one of {', '.join(HAZARDS)})"
        )
    period = return_period if return_period is not None else return_period_of(name)
    if period is None and hazard != "stormwater":
        raise ParameterError(
            f"flood layer {name!r}: no return period in the layer name (give return_period=)"
        )
    frame = read_vector(path, dataset=dataset, required=[c for c in (depth_field, id_field) if c])
    polygonal = frame.geometry.geom_type.isin(["Polygon", "MultiPolygon"])
    if not polygonal.all():
        raise DataError(
            f"{int((~polygonal).sum())} flood zones are not polygons", dataset=dataset, path=path
        )
    if depth_field:
        frame = to_number(frame, [depth_field], dataset=dataset, path=path)
    frame = to_twin_crs(frame, dataset=dataset, path=path, assumed_crs=assumed_crs)
    frame, report = clean_geometries(frame, dataset=dataset, path=path)
    ids = (
        frame[id_field].astype(str)
        if id_field
        else pd.Series([f"{name}.{i + 1}" for i in range(len(frame))], index=frame.index)
    )
    out = gpd.GeoDataFrame(
        {
            "zone_id": ids.to_numpy(),
            "hazard": hazard,
            "return_period": pd.array([period] * len(frame), dtype="Int64"),
            "depth_m": (
                frame[depth_field].to_numpy(dtype=float)
                if depth_field
                else np.full(len(frame), np.nan)
            ),
        },
        geometry=frame.geometry.to_numpy(),
        crs=frame.crs,
    )
    return out[list(COLUMNS)], report


def combine_flood_zones(frames: Iterable[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """Several hazard layers (e.g. 1/100 a and 1/1000 a) as one frame."""
    frames = list(frames)
    if not frames:
        raise ParameterError("no flood zone layers to combine")
    combined = pd.concat(frames, ignore_index=True)
    if combined["zone_id"].duplicated().any():
        raise DataError("duplicate flood zone ids across layers")
    return gpd.GeoDataFrame(combined, geometry="geometry", crs=frames[0].crs)


def write_hazard_file(zones: gpd.GeoDataFrame, path: Path | str) -> Path:
    """Write zones as a GeoPackage for ``dikas climate flood --hazard FILE``."""
    target = Path(path)
    frame = zones.copy()
    periods = frame["return_period"]
    # whole years stay integers, so the flood command's class columns read ``residents_100``
    frame["return_period"] = (
        periods.astype("int64") if periods.notna().all() else periods.astype("float64")
    )
    frame.to_file(target, driver="GPKG", layer="flood_zones")
    return target
