"""The cooling model of greening edits: more tree canopy, less heat exposure.

Greening raises the tree-canopy share of land inside a polygon by ``canopy_increase``. For
a 250 m cell *c* covering the fraction :math:`f_c` of its land with the polygon, the canopy
share rises by :math:`\\Delta C_c = \\min(f_c \\cdot \\Delta, 1 - C_c)` (a cell cannot exceed
full cover). Its heat exposure index then falls linearly (the model is a documented
assumption, to be calibrated locally):

.. math::

    \\Delta h_c = -k \\left( \\Delta C_c + s \\cdot \\frac{1}{8} \\sum_{n \\in N(c)}
    \\Delta C_n \\right), \\qquad h'_c = \\max(0, h_c + \\Delta h_c)

with :math:`N(c)` the 8 cells around *c* (inhabited or not, so a park on empty land cools
the homes next to it), whose gain is taken as :math:`f_n \\cdot \\Delta`. ``k`` (:attr:`CoolingModel.cooling_per_canopy`,
heat-index units per unit of canopy share) defaults to 0.3: +10 percentage points of canopy
lower a cell's 0–1 index by 0.03, of the order of the 0.5–1 °C of daytime land surface cooling
per 10 % canopy reported for mid-latitude cities (Ziter et al. 2019, *PNAS* 116(15); Schwaab
et al. 2021, *Nat. Commun.* 12) against the index's ≈ 15–20 °C range. ``s``
(:attr:`CoolingModel.spillover_share`) defaults to 0.3: parks cool their surroundings within a
few hundred metres, less than themselves (Bowler et al. 2010, *Landsc. Urban Plan.* 97(3)).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.errors import ParameterError


@dataclass(frozen=True)
class CoolingModel:
    """Parameters of the cooling model (see the module docstring)."""

    cooling_per_canopy: float = 0.3
    spillover_share: float = 0.3


DEFAULT_COOLING = CoolingModel()


@dataclass(frozen=True)
class GreeningEffect:
    """Canopy and heat of every cell after a greening edit.

    Attributes
    ----------
    canopy_change
        :math:`\\Delta C_c` per cell (share of land).
    heat_change
        :math:`h'_c - h_c` per cell (NaN where the cell has no heat value).
    tree_cover_m2
        The cells' new tree cover.
    model
        The parameters used.
    """

    canopy_change: pd.Series
    heat_change: pd.Series
    tree_cover_m2: pd.Series
    model: CoolingModel


def land_area(cells: gpd.GeoDataFrame) -> pd.Series:
    """Cell area minus water (``water_m2``, 0 when missing)."""
    water = cells["water_m2"].astype(float).fillna(0.0) if "water_m2" in cells else 0.0
    return (cells.geometry.area - water).clip(lower=0.0)


def neighbour_rings(cells: gpd.GeoSeries) -> np.ndarray:
    """The ring of the 8 cells around each (square) cell: its box grown by one cell side."""
    minx, miny, maxx, maxy = cells.bounds.to_numpy().T
    side = maxx - minx
    grown = shapely.box(minx - side, miny - side, maxx + side, maxy + side)
    return shapely.difference(grown, cells.to_numpy())


def greening_effect(
    cells: gpd.GeoDataFrame,
    polygon: shapely.Geometry,
    *,
    canopy_increase: float,
    heat: pd.Series,
    model: CoolingModel = DEFAULT_COOLING,
) -> GreeningEffect:
    """Apply the cooling model to ``cells`` (grid cells with ``tree_cover_m2``, ``water_m2``).

    ``heat`` is the current heat exposure index per cell (indexed like ``cells``).
    """
    if not 0 < canopy_increase <= 1:
        raise ParameterError("canopy_increase must be in (0, 1]")
    land = land_area(cells)
    trees = cells["tree_cover_m2"].astype(float).fillna(0.0)
    share_now = (trees / land.replace(0.0, np.nan)).fillna(1.0).clip(upper=1.0)
    inside = shapely.area(shapely.intersection(cells.geometry.to_numpy(), polygon))
    fraction = np.clip(inside / cells.geometry.area.to_numpy(), 0.0, 1.0)
    canopy = pd.Series(
        np.minimum(fraction * canopy_increase, 1.0 - share_now.to_numpy()), index=cells.index
    ).clip(lower=0.0)
    ring = shapely.area(shapely.intersection(neighbour_rings(cells.geometry), polygon))
    spill = canopy_increase * ring / cells.geometry.area.to_numpy() / 8.0
    delta = -model.cooling_per_canopy * (canopy.to_numpy() + model.spillover_share * spill)
    current = heat.reindex(cells.index).astype(float)
    cooled = np.maximum(current + delta, 0.0)
    return GreeningEffect(
        canopy_change=canopy,
        heat_change=(cooled - current).rename("heat_change"),
        tree_cover_m2=(trees + canopy * land).rename("tree_cover_m2"),
        model=model,
    )
