"""Heat exposure of buildings, grid cells and postal areas from a heat-exposure raster.

Hazard × exposure: the raster (e.g. an urban heat exposure index, 0–1 from
Landsat surface temperature) is summarized per unit with :mod:`dikas.twin.zonal`;
for postal areas the *population-weighted* mean tells the heat residents actually live
in, ``H_a = Σ_c P_c f_ac h_c / Σ_c P_c f_ac`` (``f_ac`` the share of cell ``c`` in area
``a``), which differs from the plain area mean where parks or industry are the hot or
cool parts.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from rasterio.io import DatasetReader

from dikas.errors import MissingColumnError, ParameterError
from dikas.twin.aggregation import areal_overlay
from dikas.twin.zonal import PixelRule, RasterBand, zonal_statistics

HEAT_COLUMNS: dict[str, str] = {
    "mean": "heat_mean",
    "max": "heat_max",
    "share_above": "heat_share_above",
    "valid_pixels": "valid_pixels",
}


@dataclass(frozen=True)
class HeatExposure:
    """Heat statistics per unit.

    Attributes
    ----------
    frame
        Indexed like the units: ``heat_mean``, ``heat_max``, ``heat_share_above``,
        ``valid_pixels``; for areas also ``heat_population_mean``.
    threshold
        ``heat_share_above`` counts pixels strictly above it.
    pixel_rule
        ``centre`` or ``coverage`` (see :mod:`dikas.twin.zonal`).
    """

    frame: pd.DataFrame
    threshold: float
    pixel_rule: str


@dataclass(frozen=True)
class HottestCells:
    """Residents living in the hottest cells.

    Attributes
    ----------
    cells
        Boolean series: the cell is in the hottest ``1 − quantile`` of cells with heat data.
    cutoff
        The ``heat_mean`` at the quantile.
    residents, share
        Residents in those cells and their share of all residents of cells with heat data.
    """

    cells: pd.Series
    cutoff: float
    residents: float
    share: float


def heat_exposure(
    units: gpd.GeoDataFrame | gpd.GeoSeries,
    raster: DatasetReader | RasterBand,
    *,
    threshold: float = 0.5,
    pixel_rule: PixelRule = "centre",
) -> HeatExposure:
    """Zonal heat statistics (mean, max, share above ``threshold``) for every unit."""
    stats = zonal_statistics(units, raster, threshold=threshold, pixel_rule=pixel_rule)
    frame = stats.frame[list(HEAT_COLUMNS)].rename(columns=HEAT_COLUMNS)
    return HeatExposure(frame=frame, threshold=threshold, pixel_rule=pixel_rule)


def area_heat_exposure(
    areas: gpd.GeoDataFrame,
    cells: gpd.GeoDataFrame,
    raster: DatasetReader | RasterBand,
    *,
    population: str,
    cell_heat: pd.Series,
    threshold: float = 0.5,
    pixel_rule: PixelRule = "centre",
) -> HeatExposure:
    """Zonal statistics per area plus the population-weighted mean of cell heat.

    Parameters
    ----------
    areas
        Postal areas (or any zones).
    cells
        Grid cells with a residents column ``population``.
    raster
        The heat raster.
    population
        Residents column of ``cells``.
    cell_heat
        Heat mean per cell (indexed like ``cells``), e.g. ``heat_exposure(cells, …)``.
    """
    if population not in cells.columns:
        raise MissingColumnError(f"the cell layer lacks the residents column {population!r}")
    zonal = heat_exposure(areas, raster, threshold=threshold, pixel_rule=pixel_rule)
    with_heat = cells[[population, "geometry"]].assign(heat_mean=cell_heat.reindex(cells.index))
    weighted = areal_overlay(
        with_heat, areas, population=population, intensive_by_population=["heat_mean"]
    )
    frame = zonal.frame.assign(heat_population_mean=weighted["heat_mean"])
    return HeatExposure(frame=frame, threshold=threshold, pixel_rule=pixel_rule)


def hottest_cells(
    heat_mean: pd.Series, residents: pd.Series, *, quantile: float = 0.9
) -> HottestCells:
    """Cells at or above the ``quantile`` of cell heat means, and who lives there.

    The quantile is taken over cells with heat data (``heat_mean`` not NaN), so the
    default 0.9 selects the hottest decile of cells.
    """
    if not 0 < quantile < 1:
        raise ParameterError("quantile must be between 0 and 1")
    valid = heat_mean.notna()
    if not valid.any():
        raise ParameterError("no cell has heat data: the raster does not cover the cells")
    cutoff = float(np.quantile(heat_mean[valid], quantile))
    hot = valid & (heat_mean >= cutoff)
    people = residents.reindex(heat_mean.index).fillna(0)
    total = float(people[valid].sum())
    hot_residents = float(people[hot].sum())
    return HottestCells(
        cells=hot,
        cutoff=cutoff,
        residents=hot_residents,
        share=hot_residents / total if total > 0 else float("nan"),
    )
