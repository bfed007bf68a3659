"""Where new services help most: location problems among candidate sites.

Demand points are populated grid cells (weight: residents, or for ``equity`` the
lowest-income adults plus residents aged 75+ of each cell); candidates are populated cells
on the street network unless a file gives them; costs are walking minutes on the network.
Existing services of the type stay open:

* ``coverage`` — maximal covering location problem (Church & ReVelle 1974, *Papers Reg.
  Sci. Assoc.* 32): choose ``p`` sites maximizing the demand within ``T`` minutes of a
  service. Demand already covered by an existing service gets weight 0, which leaves the
  optimum unchanged;
* ``p-median`` — minimize total weighted travel time to the nearest service (Hakimi 1964,
  *Oper. Res.* 12(3)); existing services enter as one extra, forced-open column holding each
  demand's current nearest time; unreachable pairs cost :data:`UNREACHABLE_MIN`;
* ``equity`` — the coverage problem weighted by the vulnerable groups.

Problems with at most :data:`MAX_EXACT_PAIRS` demand × candidate pairs are solved exactly
with ``spopt.locate`` (MCLP, PMedian) and pulp's CBC; larger ones with the greedy heuristic
(add the site with the best marginal gain ``p`` times), which for coverage attains at least
:math:`1 - 1/e` of the optimum (Nemhauser, Wolsey & Fisher 1978).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pulp

from dikas.errors import ParameterError

Objective = Literal["coverage", "p-median", "equity"]
MAX_EXACT_PAIRS = 400_000
"""Largest demand × candidate problem solved exactly."""
UNREACHABLE_MIN = 180.0
"""Cost of a pair with no path, in minutes (p-median)."""


@dataclass(frozen=True)
class Solution:
    """Chosen candidate positions (best first) and the objective before and after.

    ``gains`` are the marginal objective gains in the chosen order (greedy order of the
    selected set); ``method`` says whether the problem was solved exactly or greedily.
    """

    chosen: tuple[int, ...]
    gains: tuple[float, ...]
    before: float
    after: float
    method: str


def _covered(cost: np.ndarray, existing: np.ndarray, sites: list[int], radius: float) -> np.ndarray:
    best = existing if not sites else np.minimum(existing, cost[:, sites].min(axis=1))
    return best <= radius


def _total_time(
    cost: np.ndarray, existing: np.ndarray, sites: list[int], weights: np.ndarray
) -> float:
    best = existing if not sites else np.minimum(existing, cost[:, sites].min(axis=1))
    return float(np.dot(weights, best))


def objective_value(
    kind: Objective,
    cost: np.ndarray,
    weights: np.ndarray,
    existing: np.ndarray,
    sites: list[int],
    *,
    radius: float,
) -> float:
    """Covered weight (``coverage``/``equity``) or total weighted minutes (``p-median``)."""
    if kind == "p-median":
        return _total_time(cost, existing, sites, weights)
    return float(np.dot(weights, _covered(cost, existing, sites, radius)))


def greedy(
    kind: Objective,
    cost: np.ndarray,
    weights: np.ndarray,
    existing: np.ndarray,
    p: int,
    *,
    radius: float,
    start: tuple[int, ...] = (),
) -> list[int]:
    """Add ``p`` sites one at a time, each with the best marginal gain (ties: lowest index)."""
    sites = list(start)
    sign = -1.0 if kind == "p-median" else 1.0
    while len(sites) < len(start) + p:
        scores = np.array(
            [
                sign * objective_value(kind, cost, weights, existing, [*sites, j], radius=radius)
                if j not in sites
                else -np.inf
                for j in range(cost.shape[1])
            ]
        )
        sites.append(int(np.argmax(scores)))
    return sites


def _order(
    kind: Objective,
    cost: np.ndarray,
    weights: np.ndarray,
    existing: np.ndarray,
    chosen: list[int],
    radius: float,
) -> tuple[list[int], list[float]]:
    """Rank a chosen set greedily (best marginal gain first) and report each gain."""
    ranked: list[int] = []
    gains = []
    sign = -1.0 if kind == "p-median" else 1.0
    current = objective_value(kind, cost, weights, existing, [], radius=radius)
    remaining = list(chosen)
    while remaining:
        values = [
            objective_value(kind, cost, weights, existing, [*ranked, j], radius=radius)
            for j in remaining
        ]
        best = int(np.argmax([sign * v for v in values]))
        ranked.append(remaining.pop(best))
        gains.append(sign * (values[best] - current))
        current = values[best]
    return ranked, gains


def _exact(
    kind: Objective,
    cost: np.ndarray,
    weights: np.ndarray,
    existing: np.ndarray,
    p: int,
    radius: float,
) -> list[int]:
    from spopt.locate import MCLP, PMedian

    solver = pulp.PULP_CBC_CMD(msg=False)
    if kind == "p-median":
        matrix = np.column_stack([cost, existing])
        matrix = np.where(np.isfinite(matrix), matrix, UNREACHABLE_MIN)
        model = PMedian.from_cost_matrix(
            matrix,
            weights,
            p_facilities=p + 1,
            predefined_facilities_arr=np.r_[np.zeros(cost.shape[1], bool), True],
        )
        model.solve(solver)
        chosen = [int(j) for j in np.flatnonzero([v.value() > 0.5 for v in model.fac_vars])]
        return [j for j in chosen if j < cost.shape[1]]
    open_weights = np.where(existing <= radius, 0.0, weights)
    matrix = np.where(np.isfinite(cost), cost, UNREACHABLE_MIN + radius)
    model = MCLP.from_cost_matrix(matrix, open_weights, service_radius=radius, p_facilities=p)
    model.solve(solver)
    return [int(j) for j in np.flatnonzero([v.value() > 0.5 for v in model.fac_vars])]


def solve(
    kind: Objective,
    cost: np.ndarray,
    weights: np.ndarray,
    existing: np.ndarray,
    p: int,
    *,
    radius: float = 15.0,
    max_exact_pairs: int = MAX_EXACT_PAIRS,
) -> Solution:
    """Choose ``p`` of the candidate columns of ``cost`` (minutes, demand × candidate).

    ``weights`` per demand; ``existing`` the current nearest-service minutes per demand
    (``inf`` where none); ``radius`` the coverage threshold.
    """
    if kind not in ("coverage", "p-median", "equity"):
        raise ParameterError(f"unknown objective {kind!r}; use coverage, p-median or equity")
    n_demand, n_candidates = cost.shape
    if not 1 <= p <= n_candidates:
        raise ParameterError(f"cannot choose {p} sites among {n_candidates} candidates")
    if len(weights) != n_demand or len(existing) != n_demand:
        raise ParameterError("weights and existing times need one value per demand point")
    exact = n_demand * n_candidates <= max_exact_pairs
    chosen = (
        _exact(kind, cost, weights, existing, p, radius)
        if exact
        else greedy(kind, cost, weights, existing, p, radius=radius)
    )
    ranked, gains = _order(kind, cost, weights, existing, chosen, radius)
    return Solution(
        chosen=tuple(ranked),
        gains=tuple(gains),
        before=objective_value(kind, cost, weights, existing, [], radius=radius),
        after=objective_value(kind, cost, weights, existing, ranked, radius=radius),
        method="exact (spopt, CBC)" if exact else "greedy",
    )
