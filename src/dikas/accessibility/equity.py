"""How accessibility is shared among people: inequality indices and coverage by group.

Every index works on *units* (grid cells, postal areas) with a value :math:`x_i` (an
accessibility measure or a travel time) and a population weight :math:`w_i`, so that a cell
with 300 inhabitants counts 300 times; :math:`W = \\sum_i w_i` and
:math:`\\mu = \\sum_i w_i x_i / W`. Units with a missing value or zero weight are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dikas.errors import ParameterError


def _clean(values: object, weights: object | None, *others: object) -> tuple[np.ndarray, ...]:
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    extra = [np.asarray(o, dtype=float) for o in others]
    if any(a.shape != x.shape for a in (w, *extra)):
        raise ParameterError("values, weights and ranks must have the same length")
    if np.any(w < 0):
        raise ParameterError("population weights must not be negative")
    keep = np.isfinite(x) & np.isfinite(w) & (w > 0)
    for a in extra:
        keep &= np.isfinite(a)
    if not keep.any():
        raise ParameterError("no unit has both a value and a positive population weight")
    return (x[keep], w[keep], *(a[keep] for a in extra))


def gini(values: object, weights: object | None = None) -> float:
    """Population-weighted Gini coefficient.

    :math:`G = \\frac{\\sum_i \\sum_j w_i w_j |x_i - x_j|}{2 W^2 \\mu}`, 0 when everyone has the
    same value, approaching 1 when one person has everything (Gini 1912; for accessibility,
    Lucas, van Wee & Maat 2016, *Transportation* 43(3)). Computed in :math:`O(n \\log n)` from
    the sorted values: :math:`\\sum_{i,j} w_i w_j |x_i - x_j| = 2 \\sum_i w_i x_i (2C_i - w_i -
    W)` with :math:`C_i` the cumulative weight up to and including *i*. Needs
    :math:`x \\ge 0`.
    """
    x, w = _clean(values, weights)
    if np.any(x < 0):
        raise ParameterError("the Gini coefficient needs non-negative values")
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    total = w.sum()
    mean = np.dot(w, x) / total
    if mean == 0:
        return 0.0
    cumulative = np.cumsum(w)
    pair_sum = 2.0 * np.dot(w * x, 2.0 * cumulative - w - total)
    return float(pair_sum / (2.0 * total**2 * mean))


def theil(values: object, weights: object | None = None) -> float:
    """Population-weighted Theil T index.

    :math:`T = \\frac1W \\sum_i w_i \\frac{x_i}{\\mu} \\ln \\frac{x_i}{\\mu}` with
    :math:`0 \\ln 0 = 0`; 0 under equality, :math:`\\ln W` at most (Theil 1967, *Economics and
    Information Theory*). Decomposable into within- and between-group parts. Needs
    :math:`x \\ge 0`.
    """
    x, w = _clean(values, weights)
    if np.any(x < 0):
        raise ParameterError("the Theil index needs non-negative values")
    mean = np.dot(w, x) / w.sum()
    if mean == 0:
        return 0.0
    share = x / mean
    terms = np.zeros_like(share)
    positive = share > 0
    terms[positive] = share[positive] * np.log(share[positive])
    return float(np.dot(w, terms) / w.sum())


def _concentration_curve(
    x: np.ndarray, w: np.ndarray, rank: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Cumulative population share and value share, units ordered by ``rank``.

    Units with equal rank are pooled, so the curve does not depend on their order.
    """
    frame = pd.DataFrame({"rank": rank, "w": w, "wx": w * x}).groupby("rank").sum()
    population = np.r_[0.0, np.cumsum(frame["w"].to_numpy())] / frame["w"].sum()
    value = np.r_[0.0, np.cumsum(frame["wx"].to_numpy())] / frame["wx"].sum()
    return population, value


def palma_ratio(
    values: object, weights: object | None = None, *, rank_by: object | None = None
) -> float:
    """Palma ratio: the share held by the top 10 % over the share held by the bottom 40 %.

    :math:`\\text{Palma} = (1 - L(0.9)) / L(0.4)` where :math:`L(p)` is the share of total
    :math:`\\sum w_i x_i` held by the population share *p* at the bottom, people ordered by
    ``rank_by`` (default: by the values themselves, the Lorenz curve; pass income to compare
    the richest 10 % with the poorest 40 %, as Guzman & Oviedo 2018, *Transport Policy* 68, do
    for accessibility). A unit's population is split at the 40 % and 90 % points (linear
    interpolation of the curve). Palma (2011), Cobham & Sumner (2013).
    """
    if rank_by is None:
        x, w = _clean(values, weights)
        rank = x
    else:
        x, w, rank = _clean(values, weights, rank_by)
    if np.dot(w, x) == 0:
        raise ParameterError("the Palma ratio is undefined when every value is 0")
    population, value = _concentration_curve(x, w, rank)
    bottom = np.interp(0.4, population, value)
    top = 1.0 - np.interp(0.9, population, value)
    return float(top / bottom) if bottom > 0 else float("inf")


def concentration_index(values: object, income: object, weights: object | None = None) -> float:
    """Concentration index of ``values`` against ``income``.

    :math:`C = \\frac{2}{\\mu} \\operatorname{cov}_w(x, R)` where :math:`R_i` is the weighted
    fractional income rank, :math:`R_i = (\\sum_{j: y_j < y_i} w_j + \\tfrac12 \\sum_{j: y_j =
    y_i} w_j) / W` (tied incomes share their mean rank). Between −1 and 1: positive when the
    quantity is concentrated among the better-off (Kakwani, Wagstaff & van Doorslaer 1997,
    *J. Econometrics* 77(1); O'Donnell et al. 2008, *Analyzing Health Equity Using Household
    Survey Data*, ch. 8). For travel times, positive means the rich travel longer.
    """
    x, w, y = _clean(values, weights, income)
    total = w.sum()
    mean = np.dot(w, x) / total
    if mean == 0:
        raise ParameterError("the concentration index is undefined when the mean is 0")
    pooled = pd.DataFrame({"y": y, "w": w}).groupby("y")["w"].sum()
    below = pooled.cumsum() - pooled
    rank_of = (below + pooled / 2.0) / total
    rank = rank_of.reindex(y).to_numpy()
    covariance = np.dot(w, (x - mean) * (rank - 0.5)) / total
    return float(2.0 * covariance / mean)


def coverage(
    travel_time: pd.Series, groups: pd.DataFrame, *, threshold_min: float = 15.0
) -> pd.Series:
    """Share of each population group within ``threshold_min`` of a service.

    :math:`\\text{coverage}_g = \\sum_i g_i [t_i \\le T] / \\sum_i g_i`, with :math:`t_i` the
    travel time from unit *i* to its nearest service (``NaN``: none reachable) and
    :math:`g_i` the group's count in the unit — the "15-minute city" share (Moreno et al.
    2021, *Smart Cities* 4(1)) when ``threshold_min`` is 15.
    """
    aligned = travel_time.reindex(groups.index)
    within = (aligned <= threshold_min).to_numpy(float)
    counts = groups.fillna(0.0).to_numpy(float)
    totals = counts.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = within @ counts / totals
    return pd.Series(shares, index=groups.columns, name=f"within_{threshold_min:g}_min")


@dataclass(frozen=True)
class EquitySummary:
    """Accessibility of one service type summarized by population group.

    Attributes
    ----------
    table
        One row per population group: ``population`` (group total), ``mean_time``
        (group-weighted mean travel time to the nearest service), ``coverage`` (share within
        the threshold), ``gini``, ``theil`` (of the travel time, weighted by the group).
    city
        Whole-population indices: ``gini``, ``theil``, ``palma`` (by travel time) and
        ``palma_income`` and ``concentration_index`` (against income) where income is given.
    threshold_min
        The coverage threshold.
    """

    table: pd.DataFrame
    city: Mapping[str, float]
    threshold_min: float


def summarize_equity(
    travel_time: pd.Series,
    groups: pd.DataFrame,
    *,
    population: str,
    income: pd.Series | None = None,
    threshold_min: float = 15.0,
) -> EquitySummary:
    """Summarize travel time to the nearest service by population group.

    Parameters
    ----------
    travel_time
        Time (minutes) from each unit to its nearest service, indexed like ``groups``.
    groups
        Counts of each population group per unit (columns are group names).
    population
        The column of ``groups`` holding the whole population (weights of the city indices).
    income
        Income level per unit (e.g. the postal area's median income) for the
        income-related indices.
    threshold_min
        Coverage threshold.

    Units where no service is reached (``NaN``) count as not covered; means and indices are
    over the units that reach one.
    """
    if population not in groups.columns:
        raise ParameterError(f"no population column {population!r} among the groups")
    time = travel_time.reindex(groups.index)
    shares = coverage(time, groups, threshold_min=threshold_min)
    rows = []
    for group in groups.columns:
        weights = groups[group].fillna(0.0)
        reached = time.notna() & (weights > 0)
        row = {"group": group, "population": float(weights.sum()), "coverage": float(shares[group])}
        if reached.any():
            row["mean_time"] = float(np.average(time[reached], weights=weights[reached]))
            row["gini"] = gini(time[reached], weights[reached])
            row["theil"] = theil(time[reached], weights[reached])
        rows.append(row)
    table = (
        pd.DataFrame(rows)
        .set_index("group")
        .reindex(columns=["population", "mean_time", "coverage", "gini", "theil"])
    )
    weights = groups[population]
    city = {
        "gini": gini(time, weights),
        "theil": theil(time, weights),
        "palma": palma_ratio(time, weights),
    }
    if income is not None:
        income = income.reindex(groups.index)
        city["palma_income"] = palma_ratio(time, weights, rank_by=income)
        city["concentration_index"] = concentration_index(time, income, weights)
    return EquitySummary(table=table, city=city, threshold_min=float(threshold_min))
