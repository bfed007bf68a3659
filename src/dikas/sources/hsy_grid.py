"""Readers for HSY's 250 m population grid (Väestötietoruudukko) and its derivatives.

Three flavours share one cell geometry:

* the population grid proper (``inhabitants``, ``occupancy_rate``),
* grids with age bands (``ika0_9`` … ``ika_yli80``) and a heat-exposure mean
  (``averageheatexposure``, added by the city's innovation company, FVH),
* the same with HSY land-cover areas per cell (``water_m2``, ``vegetation_m2``,
  ``tree_cover_m2``).

HSY suppresses the age bands of cells with fewer than 100 residents by writing ``99`` in
every age field. A cell whose age fields are *all* 99 is suppressed: its ages become NULL
and ``age_suppressed`` is true. A single 99 in an otherwise populated cell is a real count.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np

from dikas.sources.vector import (
    GeometryReport,
    clean_geometries,
    read_vector,
    require_columns,
    to_number,
    to_twin_crs,
)

AGE_SUPPRESSION_VALUE = 99

AGE_FIELDS = {
    "ika0_9": "age_0_9",
    "ika10_19": "age_10_19",
    "ika20_29": "age_20_29",
    "ika30_39": "age_30_39",
    "ika40_49": "age_40_49",
    "ika50_59": "age_50_59",
    "ika60_69": "age_60_69",
    "ika70_79": "age_70_79",
    "ika_yli80": "age_80_plus",
}
"""HSY age-band field → twin column."""

LANDCOVER_FIELDS = {
    "water_m2": "water_m2",
    "vegetation_m2": "vegetation_m2",
    "tree_cover_m2": "tree_cover_m2",
}


WFS_GRID_FIELDS = {"index": "id", "asukkaita": "inhabitants", "asvaljyys": "occupancy_rate"}
"""HSY's WFS field names (``asuminen_ja_maankaytto:Vaestotietoruudukko_YYYY`` on
``https://kartta.hsy.fi/geoserver/wfs``) → the names of the staged HSY export."""


OCCUPANCY_SENTINEL = 999_999_999
"""HSY's marker in ``occupancy_rate`` (m² per resident) for cells where it is not computed;
never a number."""


def read_population_grid(
    path: Path | str, *, dataset: str | None = None, assumed_crs: str | None = None
) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Read the HSY population grid: ``cell_id``, ``inhabitants``, ``occupancy_rate``.

    HSY's sentinel 999,999,999 in ``occupancy_rate`` becomes NULL, flagged in
    ``occupancy_rate_sentinel``.

    Accepts the staged export (``id``, ``inhabitants``, ``occupancy_rate``) and HSY's WFS
    layer ``Vaestotietoruudukko_YYYY`` (``index``, ``asukkaita``, ``asvaljyys``, plus age
    bands ``ika0_9`` … that this base grid does not keep).
    """
    frame = read_vector(path, dataset=dataset)
    if "asukkaita" in frame.columns and "inhabitants" not in frame.columns:
        require_columns(frame, ["index", "asukkaita"], dataset=dataset, path=path)
        frame = frame.drop(columns=[c for c in ("id",) if c in frame.columns])
        frame = frame.rename(columns=WFS_GRID_FIELDS)
    require_columns(frame, ["id", "inhabitants"], dataset=dataset, path=path)
    numeric = ["inhabitants"] + (["occupancy_rate"] if "occupancy_rate" in frame else [])
    frame = to_number(frame, numeric, dataset=dataset, path=path)
    if "occupancy_rate" not in frame:
        frame["occupancy_rate"] = np.nan
    sentinel = frame["occupancy_rate"] >= OCCUPANCY_SENTINEL
    frame["occupancy_rate"] = frame["occupancy_rate"].mask(sentinel)
    frame["occupancy_rate_sentinel"] = sentinel.to_numpy()
    frame = frame.rename(columns={"id": "cell_id"})
    frame["cell_id"] = frame["cell_id"].astype(str)
    frame = to_twin_crs(frame, dataset=dataset, path=path, assumed_crs=assumed_crs)
    frame, report = clean_geometries(frame, dataset=dataset, path=path)
    return frame[
        ["cell_id", "inhabitants", "occupancy_rate", "occupancy_rate_sentinel", "geometry"]
    ], report


def read_age_grid(
    path: Path | str, *, dataset: str | None = None, assumed_crs: str | None = None
) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Read an HSY grid with age bands, heat exposure and (if present) land cover.

    Returns ``inhabitants``, the ``age_*`` columns (NULL where suppressed),
    ``age_suppressed``, ``heat_exposure_index`` and the land-cover columns present.
    """
    frame = read_vector(path, dataset=dataset, required=["asukkaita", *AGE_FIELDS])
    landcover = [c for c in LANDCOVER_FIELDS if c in frame]
    heat = ["averageheatexposure"] if "averageheatexposure" in frame else []
    frame = to_number(
        frame, ["asukkaita", *AGE_FIELDS, *heat, *landcover], dataset=dataset, path=path
    )
    ages = frame[list(AGE_FIELDS)]
    suppressed = (ages == AGE_SUPPRESSION_VALUE).all(axis=1)
    frame.loc[suppressed, list(AGE_FIELDS)] = np.nan
    frame["age_suppressed"] = suppressed.to_numpy()
    frame = frame.rename(
        columns={
            "asukkaita": "inhabitants",
            **AGE_FIELDS,
            "averageheatexposure": "heat_exposure_index",
            **LANDCOVER_FIELDS,
        }
    )
    if not heat:
        frame["heat_exposure_index"] = np.nan
    frame = to_twin_crs(frame, dataset=dataset, path=path, assumed_crs=assumed_crs)
    frame, report = clean_geometries(frame, dataset=dataset, path=path)
    columns = [
        "inhabitants",
        *AGE_FIELDS.values(),
        "age_suppressed",
        "heat_exposure_index",
        *[LANDCOVER_FIELDS[c] for c in landcover],
        "geometry",
    ]
    return frame[columns], report
