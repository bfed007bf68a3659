"""How grid-cell values become per-area values: the two named aggregation methods.

Indicators are mostly computed per 250 m cell; area maps and profiles need one value per
area. DikaS aggregates in two ways, and each indicator family says which one it uses (a
constant ``AGGREGATION`` in the family module, stored in its indicators' ``parameters`` as
``aggregation``), so that two area values are only compared when they were made alike:

``population_weighted_by_postal_code`` (:func:`population_weighted_by_postal_code`)
    Each cell belongs wholly to the postal area the twin links it to (the grid's
    ``postal_code``, :mod:`dikas.twin.links`), and the area value is the mean of its cells'
    values weighted by residents, :math:`x_a = \\sum_{c \\in a} p_c x_c / \\sum_{c \\in a} p_c`
    over the cells with a value. What the average resident of the area experiences; used by
    accessibility, whose cell values are travel times from the cell centre.

``areal_overlay`` (:func:`areal_overlay`)
    Cells and areas are intersected; a cell split between areas gives each the share
    :math:`|a \\cap c| / |c|` of its counts, and values are averaged over the pieces by
    residents (:math:`p_c |a \\cap c| / |c|`) or by piece area. Used by the climate family,
    whose cell values are surfaces (heat, green cover, flood zones) that do split along a
    boundary.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.errors import CRSError, MissingColumnError
from dikas.twin.schema import LEVELS

POPULATION_WEIGHTED_BY_POSTAL_CODE = "population_weighted_by_postal_code"
AREAL_OVERLAY = "areal_overlay"

AGGREGATION_METHODS: dict[str, str] = {
    POPULATION_WEIGHTED_BY_POSTAL_CODE: "resident-weighted mean of the cells linked to each postal area",
    AREAL_OVERLAY: "cells intersected with areas: counts shared by overlapped area, values averaged "
    "over the pieces by residents or by area",
}
"""Every aggregation method by the name stored in indicators' ``parameters``."""


def recorded(method: str, level: str) -> dict[str, str]:
    """What a family records in an indicator's ``parameters`` at ``level``:
    ``{"aggregation": method}`` where the values were brought up from cells (postal areas,
    districts), nothing for cells, buildings and the city as a whole."""
    if method not in AGGREGATION_METHODS:
        raise ValueError(f"unknown aggregation method {method!r}")
    unit = LEVELS[level]
    return {} if unit.fine_grained or unit.layer is None else {"aggregation": method}


def population_weighted_by_postal_code(
    values: pd.Series, grid: pd.DataFrame, *, population: str = "inhabitants"
) -> pd.Series:
    """Resident-weighted mean of a per-cell value within each postal area.

    ``values`` is indexed by ``cell_id``; ``grid`` holds ``cell_id``, ``postal_code`` and
    ``population``. :math:`x_a = \\sum_{c \\in a} p_c x_c / \\sum_{c \\in a} p_c` over the
    cells of *a* with a value; an area whose cells with a value have no residents gets
    ``NaN``. Cells without a postal area are left out. Indexed by ``postal_code``.
    """
    missing = [c for c in ("cell_id", "postal_code", population) if c not in grid.columns]
    if missing:
        raise MissingColumnError(f"the cell layer lacks column(s) {', '.join(missing)}")
    cells = grid.set_index("cell_id")[["postal_code", population]].copy()
    cells["value"] = values.reindex(cells.index)
    cells = cells[cells["value"].notna() & cells["postal_code"].notna()]
    weight = cells[population].astype(float).fillna(0.0)
    sums = (weight * cells["value"]).groupby(cells["postal_code"]).sum()
    totals = weight.groupby(cells["postal_code"]).sum()
    return (sums / totals.replace(0.0, np.nan)).rename(values.name)


def overlay_pieces(source: gpd.GeoDataFrame, target: gpd.GeoDataFrame) -> pd.DataFrame:
    """Intersection areas of every overlapping ``(source, target)`` pair.

    Returns columns ``source`` and ``target`` (positions, not labels) and ``area`` (m²),
    one row per pair with a positive intersection area.
    """
    if source.crs is None or target.crs is None:
        raise CRSError("both layers need a CRS for areal interpolation")
    if not source.crs.equals(target.crs):
        target = target.to_crs(source.crs)
    if source.crs.is_geographic:
        raise CRSError("areal interpolation needs a projected CRS (areas in m²)")
    src = np.asarray(source.geometry.values, dtype=object)
    tgt = np.asarray(target.geometry.values, dtype=object)
    tree = shapely.STRtree(tgt)
    s_idx, t_idx = tree.query(src, predicate="intersects")
    area = shapely.area(shapely.intersection(src[s_idx], tgt[t_idx]))
    keep = area > 0
    return pd.DataFrame({"source": s_idx[keep], "target": t_idx[keep], "area": area[keep]})


def require_columns(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    """A :class:`MissingColumnError` naming ``what`` when ``frame`` lacks any of ``columns``."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise MissingColumnError(f"{what} lacks column(s) {', '.join(missing)}")


def weighted_sum(values: np.ndarray, weights: np.ndarray, group: np.ndarray, n: int) -> np.ndarray:
    """``Σ values·weights`` per group; NaN values with a positive weight make it NaN."""
    out = np.bincount(group, weights=np.nan_to_num(values) * weights, minlength=n)
    nan_hit = np.bincount(group, weights=np.isnan(values) & (weights > 0), minlength=n) > 0
    out[nan_hit] = np.nan
    return out


def weighted_mean(
    values: np.ndarray, primary: np.ndarray, fallback: np.ndarray, group: np.ndarray, n: int
) -> np.ndarray:
    """Mean of non-missing ``values`` per group, by ``primary`` weights, else ``fallback``."""
    ok = ~np.isnan(values)
    result = np.full(n, np.nan)
    for weights in (fallback, primary):
        w = np.where(ok, weights, 0.0)
        total = np.bincount(group, weights=w, minlength=n)
        weighted = np.bincount(group, weights=w * np.nan_to_num(values), minlength=n)
        has = total > 0
        result[has] = weighted[has] / total[has]
    return result


def areal_overlay(
    cells: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    *,
    population: str,
    extensive: Sequence[str] = (),
    intensive_by_population: Sequence[str] = (),
    intensive_by_area: Sequence[str] = (),
) -> pd.DataFrame:
    """Sum cell counts and average cell values up to areas over their intersections.

    A cell split between areas contributes ``|a ∩ c| / |c|`` of its ``extensive`` counts to
    each. Values are means weighted by the residents of each piece
    (``intensive_by_population``, e.g. heat exposure *as experienced by residents*) or by
    the piece's area (``intensive_by_area``, e.g. a land-cover index).

    Returns a frame indexed like ``areas``; counts are NaN where no cell overlaps the area.
    """
    require_columns(
        cells,
        [population, *extensive, *intensive_by_population, *intensive_by_area],
        "the cell layer",
    )
    pieces = overlay_pieces(cells, areas)
    c, a = pieces["source"].to_numpy(), pieces["target"].to_numpy()
    piece_area = pieces["area"].to_numpy()
    cell_area = shapely.area(np.asarray(cells.geometry.values, dtype=object))
    fraction = piece_area / cell_area[c]
    residents = np.nan_to_num(cells[population].to_numpy(dtype="float64"))
    n_areas = len(areas)
    covered = np.bincount(a, minlength=n_areas) > 0
    out: dict[str, np.ndarray] = {}
    for column in extensive:
        values = cells[column].to_numpy(dtype="float64")[c]
        out[column] = np.where(covered, weighted_sum(values, fraction, a, n_areas), np.nan)
    for column in intensive_by_population:
        values = cells[column].to_numpy(dtype="float64")[c]
        out[column] = weighted_mean(
            values, residents[c] * fraction, np.zeros_like(fraction), a, n_areas
        )
    for column in intensive_by_area:
        values = cells[column].to_numpy(dtype="float64")[c]
        out[column] = weighted_mean(values, piece_area, np.zeros_like(fraction), a, n_areas)
    return pd.DataFrame(out, index=areas.index)
