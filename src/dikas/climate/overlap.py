"""Where heat exposure and social vulnerability coincide, and who lives there.

A cell is *hot* when its heat exposure is at or above the ``quantile`` of populated cells,
*vulnerable* when its heat-vulnerability index is at or above the same quantile, and a
*heat-vulnerable hot spot* when both hold. Its residents are the heat-vulnerable
residents; summed to postal areas by overlap share they rank the areas where adaptation
money reaches most people at risk.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.errors import DataError, ParameterError
from dikas.twin.aggregation import areal_overlay


@dataclass(frozen=True)
class HeatVulnerabilityOverlap:
    """Hot, vulnerable and both, per cell; heat-vulnerable residents per area.

    Attributes
    ----------
    cells
        Indexed like the cells: ``heat``, ``index``, ``hot``, ``vulnerable``, ``both``,
        ``residents``.
    areas
        Indexed like the areas, sorted by ``heat_vulnerable_residents`` (descending), with
        ``residents`` and ``heat_vulnerable_share``.
    quantile, heat_cutoff, index_cutoff
        The thresholds used.
    """

    cells: pd.DataFrame
    areas: pd.DataFrame
    quantile: float
    heat_cutoff: float
    index_cutoff: float


def heat_vulnerability_overlap(
    cells: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    *,
    heat: pd.Series,
    index: pd.Series,
    population: str,
    quantile: float = 0.8,
) -> HeatVulnerabilityOverlap:
    """Classify cells as hot / vulnerable / both and count heat-vulnerable residents."""
    if not 0 < quantile < 1:
        raise ParameterError("quantile must be between 0 and 1")
    residents = cells[population].fillna(0).astype("float64")
    heat = heat.reindex(cells.index)
    index = index.reindex(cells.index)
    usable = (residents > 0) & heat.notna() & index.notna()
    if not usable.any():
        raise DataError("no populated cell has both a heat value and a vulnerability index")
    heat_cutoff = float(np.quantile(heat[usable], quantile))
    index_cutoff = float(np.quantile(index[usable], quantile))
    frame = pd.DataFrame({"heat": heat, "index": index, "residents": residents}, index=cells.index)
    frame["hot"] = usable & (heat >= heat_cutoff)
    frame["vulnerable"] = usable & (index >= index_cutoff)
    frame["both"] = frame["hot"] & frame["vulnerable"]
    counts = cells[["geometry"]].assign(
        residents=residents, heat_vulnerable_residents=residents.where(frame["both"], 0.0)
    )
    per_area = areal_overlay(
        counts, areas, population="residents", extensive=["residents", "heat_vulnerable_residents"]
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        per_area["heat_vulnerable_share"] = (
            per_area["heat_vulnerable_residents"] / per_area["residents"]
        )
    per_area = per_area.sort_values("heat_vulnerable_residents", ascending=False)
    return HeatVulnerabilityOverlap(
        cells=frame,
        areas=per_area,
        quantile=quantile,
        heat_cutoff=heat_cutoff,
        index_cutoff=index_cutoff,
    )
