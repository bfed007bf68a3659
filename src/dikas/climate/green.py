"""Green infrastructure: canopy and vegetation shares, distance to green, hot-and-green-poor.

Tree canopy shades and cools and low vegetation cools and absorbs stormwater, so green
infrastructure is both an exposure modifier (in the vulnerability index) and an
adaptation lever. Per unit:

* ``tree_canopy_share = tree_cover_m2 / area_m2``, ``vegetation_share = vegetation_m2 /
  area_m2`` (land-cover surfaces of the 250 m grid; for postal areas the cells' surfaces
  are summed by overlap share, so the share refers to the grid-covered part of the area);
* ``distance_to_green_m``: Euclidean distance from each origin (residential building,
  populated cell centroid) to the nearest park or green area geometry (0 inside it);
* hot and green-poor cells: ``heat ≥ Q_hot(heat)`` and ``canopy ≤ Q_poor(canopy)`` over
  populated cells (defaults: hottest decile, least-green quartile).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.errors import DataError, MissingColumnError, ParameterError
from dikas.twin.aggregation import areal_overlay


@dataclass(frozen=True)
class HotGreenPoor:
    """Populated cells that are both hot and poor in tree canopy.

    Attributes
    ----------
    cells
        Boolean series indexed like the cells.
    heat_cutoff, canopy_cutoff
        The quantile values used.
    residents
        Residents of the selected cells.
    """

    cells: pd.Series
    heat_cutoff: float
    canopy_cutoff: float
    residents: float


def green_shares(
    units: gpd.GeoDataFrame,
    *,
    tree_column: str = "tree_cover_m2",
    vegetation_column: str = "vegetation_m2",
) -> pd.DataFrame:
    """Tree-canopy and vegetation shares of each unit's surface (0–1)."""
    missing = [c for c in (tree_column, vegetation_column) if c not in units.columns]
    if missing:
        raise MissingColumnError(f"the layer lacks land-cover column(s) {', '.join(missing)}")
    area = units.geometry.area.to_numpy()
    frame = pd.DataFrame(index=units.index)
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["tree_canopy_share"] = units[tree_column].fillna(0).to_numpy() / area
        frame["vegetation_share"] = units[vegetation_column].fillna(0).to_numpy() / area
    return frame.clip(upper=1.0)


def area_green_shares(
    cells: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    *,
    population: str,
    tree_column: str = "tree_cover_m2",
    vegetation_column: str = "vegetation_m2",
) -> pd.DataFrame:
    """Green shares per area from the cells' land-cover surfaces (summed by overlap)."""
    with_area = cells.assign(
        _area_m2=cells.geometry.area,
        _tree=cells[tree_column].fillna(0),
        _vegetation=cells[vegetation_column].fillna(0),
    )
    summed = areal_overlay(
        with_area, areas, population=population, extensive=["_area_m2", "_tree", "_vegetation"]
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        return pd.DataFrame(
            {
                "tree_canopy_share": summed["_tree"] / summed["_area_m2"],
                "vegetation_share": summed["_vegetation"] / summed["_area_m2"],
            },
            index=areas.index,
        )


def distance_to_green(
    origins: gpd.GeoSeries | gpd.GeoDataFrame,
    green: gpd.GeoSeries | gpd.GeoDataFrame,
    *,
    surveyed: shapely.Geometry | None = None,
) -> pd.Series:
    """Distance (m, in the origins' projected CRS) from each origin to the nearest green.

    ``green`` may hold park points (service locations) or park/green-area polygons; the
    distance to a polygon is to its edge, 0 for origins inside it. Origins outside
    ``surveyed`` (the area the green data covers, in the origins' CRS) get NaN: a park
    missing from the data is not a park that is far away.
    """
    origin_geoms = origins.geometry if isinstance(origins, gpd.GeoDataFrame) else origins
    green_geoms = green.geometry if isinstance(green, gpd.GeoDataFrame) else green
    if origin_geoms.crs is None or origin_geoms.crs.is_geographic:
        raise ParameterError("distances need origins in a projected CRS")
    targets = np.asarray(green_geoms.to_crs(origin_geoms.crs).values, dtype=object)
    targets = targets[~shapely.is_missing(targets) & ~shapely.is_empty(targets)]
    if targets.size == 0:
        raise DataError("no park or green area to measure distances to", dataset="green areas")
    tree = shapely.STRtree(targets)
    sources = np.asarray(origin_geoms.values, dtype=object)
    (src, _), dist = tree.query_nearest(sources, return_distance=True, all_matches=False)
    out = np.full(len(sources), np.nan)
    out[src] = dist
    if surveyed is not None:
        out[~shapely.within(sources, surveyed)] = np.nan
    return pd.Series(out, index=origin_geoms.index, name="distance_to_green_m")


def hot_and_green_poor(
    heat: pd.Series,
    canopy: pd.Series,
    residents: pd.Series,
    *,
    hot_quantile: float = 0.9,
    poor_quantile: float = 0.25,
) -> HotGreenPoor:
    """Populated cells in the hottest ``hot_quantile`` and least-green ``poor_quantile``."""
    for name, q in (("hot_quantile", hot_quantile), ("poor_quantile", poor_quantile)):
        if not 0 < q < 1:
            raise ParameterError(f"{name} must be between 0 and 1")
    people = residents.reindex(heat.index).fillna(0)
    canopy = canopy.reindex(heat.index)
    populated = (people > 0) & heat.notna() & canopy.notna()
    if not populated.any():
        raise DataError("no populated cell has both heat and canopy data")
    heat_cutoff = float(np.quantile(heat[populated], hot_quantile))
    canopy_cutoff = float(np.quantile(canopy[populated], poor_quantile))
    chosen = populated & (heat >= heat_cutoff) & (canopy <= canopy_cutoff)
    return HotGreenPoor(
        cells=chosen,
        heat_cutoff=heat_cutoff,
        canopy_cutoff=canopy_cutoff,
        residents=float(people[chosen].sum()),
    )
