"""Reader for land cover and NDVI summarised per postal area (HSY land cover, FVH NDVI).

The source has one wide row per postal area with ``<class>_m2_<year>`` areas and
``ndvi_<date>`` means; the reader returns them long: one row per postal area and year with
``tree_canopy_m2`` (all tree height classes), ``vegetation_m2``, ``water_m2``, ``sea_m2``,
``land_m2`` and, where a summer scene of that year exists, ``ndvi``.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from dikas.errors import DataError
from dikas.sources.vector import read_vector, to_number

_AREA = re.compile(r"^(?P<cls>[a-z0-9]+)_m2_(?P<year>\d{4})$")
_NDVI = re.compile(r"^ndvi_(?P<year>\d{4})-\d{2}-\d{2}$")
TREE_CLASSES = ("tree2", "tree10", "tree15", "tree20")


def read_landcover_areas(path: Path | str, *, dataset: str | None = None) -> pd.DataFrame:
    """Long table: ``postal_code``, ``year``, land-cover areas (m²) and shares, ``ndvi``."""
    frame = read_vector(path, dataset=dataset, required=["posno"])
    areas = [(c, m) for c in frame.columns if (m := _AREA.match(c))]
    ndvis = [(c, m) for c in frame.columns if (m := _NDVI.match(c))]
    area_cols = [c for c, _ in areas]
    ndvi_cols = [c for c, _ in ndvis]
    if not area_cols:
        raise DataError("no '<class>_m2_<year>' land-cover columns", dataset=dataset, path=path)
    frame = to_number(frame, area_cols + ndvi_cols, dataset=dataset, path=path)
    rows = []
    years = sorted({int(m["year"]) for _, m in areas})
    for year in years:

        def col(cls: str, year: int = year) -> pd.Series:
            name = f"{cls}_m2_{year}"
            return frame[name].fillna(0.0) if name in frame else pd.Series(0.0, index=frame.index)

        classes = sorted({m["cls"] for c, m in areas if c.endswith(str(year))})
        total = sum(col(c) for c in classes)
        sea = col("sea")
        land = total - sea
        tree = sum(col(c) for c in TREE_CLASSES)
        ndvi = [c for c, m in ndvis if m["year"] == str(year)]
        with np.errstate(invalid="ignore", divide="ignore"):
            rows.append(
                pd.DataFrame(
                    {
                        "postal_code": frame["posno"].astype(str).str.zfill(5),
                        "year": year,
                        "tree_canopy_m2": tree,
                        "vegetation_m2": col("vegetation"),
                        "water_m2": col("water"),
                        "sea_m2": sea,
                        "land_m2": land,
                        "tree_canopy_share": np.where(land > 0, tree / land, np.nan),
                        "vegetation_share": np.where(land > 0, col("vegetation") / land, np.nan),
                        "ndvi": frame[ndvi[0]].to_numpy() if ndvi else np.nan,
                    }
                )
            )
    return pd.concat(rows, ignore_index=True)
