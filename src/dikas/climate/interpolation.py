"""Areal interpolation between postal areas and grid cells, weighted by residents.

Socio-economic variables that exist only per postal area are brought to 250 m cells by
**population-weighted areal interpolation** (a dasymetric refinement of areal weighting,
Goodchild & Lam 1980; Mennis 2003), never by copying the area's value into every cell:

* the areas and cells are intersected into pieces ``(a, c)``;
* each piece holds ``p_ac = P_c · |a ∩ c| / |c|`` residents (residents are assumed uniform
  within a cell, the finest level known);
* a **count** ``X_a`` (extensive: persons, households) is shared out in proportion to
  residents, ``X_c = Σ_a X_a · p_ac / Σ_c' p_ac'``, so ``Σ_c X_c = Σ_a X_a`` — totals are
  conserved exactly. An area with residents in Paavo but none in the grid falls back to
  area weights ``|a ∩ c| / |a ∩ grid|`` so its count is not lost;
* a **value** ``v_a`` (intensive: median income) becomes the resident-weighted mean of the
  areas a cell overlaps, ``v_c = Σ_a v_a · p_ac / Σ_a p_ac`` (area-weighted for empty cells).

The reverse direction (:func:`dikas.twin.aggregation.areal_overlay`) sums counts by
overlapped area share and averages values by residents or by area. With uniform residents both reduce to plain
areal weighting, which is what ``tobler.area_weighted.area_interpolate`` computes; the
tests use that as an independent check.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.twin.aggregation import (
    AREAL_OVERLAY,
    areal_overlay,
    overlay_pieces,
    require_columns,
    weighted_mean,
    weighted_sum,
)

AGGREGATION = AREAL_OVERLAY
"""How the climate family brings cell values to areas (:func:`dikas.twin.aggregation.areal_overlay`),
recorded as ``aggregation`` in its indicators' parameters."""

__all__ = ["AGGREGATION", "areal_overlay", "areas_to_cells", "overlay_pieces"]


def areas_to_cells(
    areas: gpd.GeoDataFrame,
    cells: gpd.GeoDataFrame,
    *,
    population: str,
    extensive: Sequence[str] = (),
    intensive: Sequence[str] = (),
) -> pd.DataFrame:
    """Bring area variables to cells by population-weighted areal interpolation.

    Parameters
    ----------
    areas
        Coarse polygons (postal areas) carrying ``extensive`` and ``intensive`` columns.
    cells
        Fine polygons (grid cells) carrying the residents column ``population``.
    population
        Residents per cell, the weights of the interpolation.
    extensive
        Count columns, shared out so totals are conserved.
    intensive
        Value columns, averaged with resident weights.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``cells``, one column per requested variable. Cells outside every
        area get NaN.
    """
    require_columns(areas, [*extensive, *intensive], "the area layer")
    require_columns(cells, [population], "the cell layer")
    pieces = overlay_pieces(areas, cells)
    a, c, piece_area = (
        pieces["source"].to_numpy(),
        pieces["target"].to_numpy(),
        pieces["area"].to_numpy(),
    )
    cell_area = shapely.area(np.asarray(cells.to_crs(areas.crs).geometry.values, dtype=object))
    residents = np.nan_to_num(cells[population].to_numpy(dtype="float64"))
    p_piece = residents[c] * piece_area / cell_area[c]
    n_areas, n_cells = len(areas), len(cells)
    p_area = np.bincount(a, weights=p_piece, minlength=n_areas)
    grid_area = np.bincount(a, weights=piece_area, minlength=n_areas)
    share = np.where(
        p_area[a] > 0, p_piece / np.where(p_area[a] > 0, p_area[a], 1.0), piece_area / grid_area[a]
    )
    covered = np.bincount(c, minlength=n_cells) > 0
    out: dict[str, np.ndarray] = {}
    for column in extensive:
        values = areas[column].to_numpy(dtype="float64")[a]
        result = weighted_sum(values, share, c, n_cells)
        out[column] = np.where(covered, result, np.nan)
    for column in intensive:
        values = areas[column].to_numpy(dtype="float64")[a]
        out[column] = weighted_mean(values, p_piece, piece_area, c, n_cells)
    return pd.DataFrame(out, index=cells.index)
