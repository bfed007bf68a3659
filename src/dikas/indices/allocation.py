"""Sharing a budget in proportion to need, with the robustness of each share.

An area's *need* is its index value times its residents (``allocation.population_weighted``,
the default: money follows people in need, not areas) or the index value alone. Its share
of the budget :math:`B` is :math:`B \\cdot n_u / \\sum_v n_v` over the areas with an index.
Under the Monte Carlo of :mod:`dikas.indices.robustness` every run gives other shares; the
5th–95th percentile of an area's share says how much it depends on the weights.

Need must be non-negative, so the index must be too (min–max or percentile
normalization, not z-scores).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dikas.errors import ParameterError


def need(index: np.ndarray, population: np.ndarray, *, population_weighted: bool) -> np.ndarray:
    """``(units, draws)`` need: index × residents, or the index alone."""
    values = np.asarray(index, dtype="float64")
    if values.ndim == 1:
        values = values[:, None]
    if np.nanmin(values, initial=0.0) < 0:
        raise ParameterError(
            "the index has negative values; a budget can only follow a "
            "non-negative index (use minmax or percentile normalization)"
        )
    if population_weighted:
        people = np.nan_to_num(np.asarray(population, dtype="float64"))[:, None]
        return values * people
    return values


def shares(needs: np.ndarray, budget: float) -> np.ndarray:
    """``(units, draws)`` amounts: ``budget`` in proportion to each column's need (NaN need:
    no share, NaN)."""
    if not np.isfinite(budget) or budget <= 0:
        raise ParameterError(f"the budget must be a positive number, not {budget:g}")
    totals = np.nansum(needs, axis=0)
    if not (totals > 0).all():
        raise ParameterError("no area has any need under this index: nothing to share")
    return budget * needs / totals[None, :]


@dataclass(frozen=True)
class Allocation:
    """Each area's share of a budget.

    ``frame`` is indexed like the areas: ``index``, ``population``, ``need``, ``share``
    (of the budget, 0–1), ``amount`` and, with a Monte Carlo, ``amount_p05``,
    ``amount_p95``, ``share_p05``, ``share_p95``.
    """

    frame: pd.DataFrame
    budget: float
    population_weighted: bool


def allocate(
    index: pd.Series,
    population: pd.Series,
    budget: float,
    *,
    population_weighted: bool = True,
    draws: np.ndarray | None = None,
) -> Allocation:
    """Share ``budget`` by need; ``draws`` (``(units, runs)`` Monte Carlo index values)
    adds the 5th–95th percentile interval of each share."""
    point_need = need(
        index.to_numpy(float), population.to_numpy(float), population_weighted=population_weighted
    )
    amount = shares(point_need, budget)[:, 0]
    frame = pd.DataFrame(index=index.index)
    frame["index"] = index.to_numpy(float)
    frame["population"] = population.to_numpy(float)
    frame["need"] = point_need[:, 0]
    frame["amount"] = amount
    frame["share"] = amount / budget
    if draws is not None:
        runs = shares(
            need(draws, population.to_numpy(float), population_weighted=population_weighted), budget
        )
        has = np.isfinite(amount)
        for name, q in (("amount_p05", 5), ("amount_p95", 95)):
            values = np.full(len(frame), np.nan)
            values[has] = np.nanpercentile(runs[has], q, axis=1)
            frame[name] = values
        frame["share_p05"] = frame["amount_p05"] / budget
        frame["share_p95"] = frame["amount_p95"] / budget
    return Allocation(frame=frame, budget=float(budget), population_weighted=population_weighted)
