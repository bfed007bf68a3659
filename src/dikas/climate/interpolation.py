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

The reverse direction (:func:`cells_to_areas`) sums counts by overlapped area share and
averages values by residents or by area. With uniform residents both reduce to plain
areal weighting, which is what ``tobler.area_weighted.area_interpolate`` computes; the
tests use that as an independent check.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.errors import CRSError, MissingColumnError


def overlay_pieces(source: gpd.GeoDataFrame, target: gpd.GeoDataFrame) -> pd.DataFrame:
    """Intersection areas of every overlapping ``(source, target)`` pair.

    Returns
    -------
    pandas.DataFrame
        Columns ``source`` and ``target`` (positions, not labels) and ``area`` (m²),
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


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise MissingColumnError(f"{what} lacks column(s) {', '.join(missing)}")


def _weighted_sum(values: np.ndarray, weights: np.ndarray, group: np.ndarray, n: int) -> np.ndarray:
    """``Σ values·weights`` per group; NaN values propagate to their group."""
    out = np.bincount(group, weights=np.nan_to_num(values) * weights, minlength=n)
    nan_hit = np.bincount(group, weights=np.isnan(values) & (weights > 0), minlength=n) > 0
    out[nan_hit] = np.nan
    return out


def _weighted_mean(values: np.ndarray, primary: np.ndarray, fallback: np.ndarray,
                   group: np.ndarray, n: int) -> np.ndarray:
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


def areas_to_cells(areas: gpd.GeoDataFrame, cells: gpd.GeoDataFrame, *, population: str,
                   extensive: Sequence[str] = (), intensive: Sequence[str] = ()) -> pd.DataFrame:
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
    _require(areas, [*extensive, *intensive], "the area layer")
    _require(cells, [population], "the cell layer")
    pieces = overlay_pieces(areas, cells)
    a, c, piece_area = pieces["source"].to_numpy(), pieces["target"].to_numpy(), pieces["area"].to_numpy()
    cell_area = shapely.area(np.asarray(cells.to_crs(areas.crs).geometry.values, dtype=object))
    residents = np.nan_to_num(cells[population].to_numpy(dtype="float64"))
    p_piece = residents[c] * piece_area / cell_area[c]
    n_areas, n_cells = len(areas), len(cells)
    p_area = np.bincount(a, weights=p_piece, minlength=n_areas)
    grid_area = np.bincount(a, weights=piece_area, minlength=n_areas)
    share = np.where(p_area[a] > 0, p_piece / np.where(p_area[a] > 0, p_area[a], 1.0),
                     piece_area / grid_area[a])
    covered = np.bincount(c, minlength=n_cells) > 0
    out: dict[str, np.ndarray] = {}
    for column in extensive:
        values = areas[column].to_numpy(dtype="float64")[a]
        result = _weighted_sum(values, share, c, n_cells)
        out[column] = np.where(covered, result, np.nan)
    for column in intensive:
        values = areas[column].to_numpy(dtype="float64")[a]
        out[column] = _weighted_mean(values, p_piece, piece_area, c, n_cells)
    return pd.DataFrame(out, index=cells.index)


def cells_to_areas(cells: gpd.GeoDataFrame, areas: gpd.GeoDataFrame, *, population: str,
                   extensive: Sequence[str] = (), intensive_by_population: Sequence[str] = (),
                   intensive_by_area: Sequence[str] = ()) -> pd.DataFrame:
    """Sum cell counts and average cell values up to (postal) areas.

    A cell split between areas contributes ``|a ∩ c| / |c|`` of its counts to each.
    Values are means weighted by the residents of each piece
    (``intensive_by_population``, e.g. heat exposure *as experienced by residents*) or by
    the piece's area (``intensive_by_area``, e.g. a land-cover index).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``areas``. Counts are NaN where no cell overlaps the area.
    """
    _require(cells, [population, *extensive, *intensive_by_population, *intensive_by_area],
             "the cell layer")
    pieces = overlay_pieces(cells, areas)
    c, a, piece_area = pieces["source"].to_numpy(), pieces["target"].to_numpy(), pieces["area"].to_numpy()
    cell_area = shapely.area(np.asarray(cells.geometry.values, dtype=object))
    fraction = piece_area / cell_area[c]
    residents = np.nan_to_num(cells[population].to_numpy(dtype="float64"))
    n_areas = len(areas)
    covered = np.bincount(a, minlength=n_areas) > 0
    out: dict[str, np.ndarray] = {}
    for column in extensive:
        values = cells[column].to_numpy(dtype="float64")[c]
        out[column] = np.where(covered, _weighted_sum(values, fraction, a, n_areas), np.nan)
    for column in intensive_by_population:
        values = cells[column].to_numpy(dtype="float64")[c]
        out[column] = _weighted_mean(values, residents[c] * fraction, np.zeros_like(fraction),
                                     a, n_areas)
    for column in intensive_by_area:
        values = cells[column].to_numpy(dtype="float64")[c]
        out[column] = _weighted_mean(values, piece_area, np.zeros_like(fraction), a, n_areas)
    return pd.DataFrame(out, index=areas.index)
