"""How stable are an index's ranks, and the budget shares it implies, under other
defensible weights?

As for the climate vulnerability index (:mod:`dikas.climate.robustness`; Saisana, Saltelli &
Tarantola 2005, *J. R. Stat. Soc. A* 168(2)), each Monte Carlo run draws every indicator
weight as :math:`w_i \\cdot U(1 - s, 1 + s)` and every group weight as
:math:`W_g \\cdot U(1 - s, 1 + s)` (``s``: the configuration's ``robustness.spread``) and a
normalization uniformly from ``robustness.normalizations`` (default: the configuration's
own), recomputes the index and ranks the units. Runs draw from
``numpy.random.default_rng(seed)``, so equal seeds give equal results.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from dikas.errors import ParameterError
from dikas.indices.config import IndexConfig
from dikas.indices.engine import Prepared, aggregate_draws, prepare
from dikas.indices.normalize import oriented_scores


@dataclass(frozen=True)
class Draws:
    """The index of every unit (rows) in each Monte Carlo run (columns)."""

    values: np.ndarray
    draws: int
    spread: float
    seed: int
    normalizations: tuple[str, ...]

    @property
    def parameters(self) -> dict[str, object]:
        """The Monte Carlo settings, for provenance."""
        return {
            "draws": self.draws,
            "spread": self.spread,
            "seed": self.seed,
            "normalizations": list(self.normalizations),
        }


def draw_indices(
    raw: pd.DataFrame,
    config: IndexConfig,
    *,
    index: str | None = None,
    draws: int = 500,
    seed: int = 0,
    spread: float | None = None,
) -> Draws:
    """Run the Monte Carlo (see the module)."""
    if draws < 1:
        raise ParameterError("draws must be at least 1")
    width = config.spread if spread is None else spread
    if not 0 <= width < 1:
        raise ParameterError("spread must be in [0, 1)")
    prepared: Prepared = prepare(raw, config, index=index)
    rng = np.random.default_rng(seed)
    weights = prepared.weights * rng.uniform(
        1 - width, 1 + width, size=(draws, len(prepared.weights))
    )
    group_w = prepared.group_weights * rng.uniform(
        1 - width, 1 + width, size=(draws, len(prepared.group_weights))
    )
    methods = config.robustness_normalizations
    method_of = rng.integers(0, len(methods), size=draws)
    result = np.full((len(raw), draws), np.nan)
    for m, method in enumerate(methods):
        runs = np.flatnonzero(method_of == m)
        if runs.size:
            scores = oriented_scores(prepared.values, prepared.directions, method)
            result[:, runs] = aggregate_draws(
                prepared, config, scores, weights[runs], group_w[runs]
            )
    return Draws(values=result, draws=draws, spread=width, seed=seed, normalizations=tuple(methods))


def rank_statistics(draws: Draws, index: pd.Index) -> pd.DataFrame:
    """Per unit: ``median_rank``, ``rank_p05``, ``rank_p95`` (1 = most in need) and
    ``top_decile_probability``; NaN for units without an index."""
    values = draws.values
    has = np.isfinite(values).all(axis=1)
    ranks = np.full_like(values, np.nan)
    if has.any():
        ranks[has] = rankdata(-values[has], axis=0, method="min")
    top = max(1, int(np.ceil(0.1 * int(has.sum()))))
    frame = pd.DataFrame(index=index)
    for column, q in (("median_rank", 50), ("rank_p05", 5), ("rank_p95", 95)):
        column_values = np.full(len(index), np.nan)
        if has.any():
            column_values[has] = np.percentile(ranks[has], q, axis=1)
        frame[column] = column_values
    frame["top_decile_probability"] = np.where(has, (ranks <= top).mean(axis=1), np.nan)
    return frame
