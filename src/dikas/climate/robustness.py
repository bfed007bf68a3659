"""How stable is a unit's vulnerability rank under other defensible index choices?

Composite indices depend on weights and normalization that no data can settle. Following
the uncertainty analysis of composite indicators (Saisana, Saltelli & Tarantola 2005,
*J. R. Stat. Soc. A* 168(2); Tate 2012, *Natural Hazards* 63), a Monte Carlo draws, for
each run ``d``:

* every indicator weight as ``w_i · U(1 − spread, 1 + spread)`` and every group weight as
  ``W_g · U(1 − spread, 1 + spread)``;
* the normalization uniformly from ``minmax`` and ``zscore``;

recomputes the index and ranks the units (1 = most vulnerable). Per unit it reports the
median rank, the 5th–95th percentile rank interval and the probability of being in the
top decile — a *robust hot spot* is in the top decile in at least ``robust_level`` of
the runs.

The draws run in chunks of ``chunk_size`` (:mod:`dikas.cluster`), here or on a Dask cluster
(``dask_address``); chunk ``k`` draws from :func:`dikas.cluster.chunk_rng` of
``(seed, k)``, so the ranks depend on the seed and the chunk size, not on where chunks run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd
from scipy.stats import rankdata, spearmanr

from dikas.climate.config import NORMALIZATIONS, Indicator, VulnerabilityConfig
from dikas.climate.vulnerability import composite, oriented_scores
from dikas.cluster import chunk_rng, draw_chunks, run_chunks
from dikas.errors import ParameterError

DEFAULT_CHUNK_SIZE = 100
"""Monte Carlo runs per chunk (one task each on a cluster)."""


@dataclass(frozen=True)
class RankRobustness:
    """Monte Carlo stability of vulnerability ranks.

    Attributes
    ----------
    frame
        Indexed like the units: ``baseline_rank``, ``median_rank``, ``rank_p05``,
        ``rank_p95``, ``top_decile_probability``, ``robust_hotspot`` (bool). NaN / False
        for units without an index.
    draws, spread, seed, robust_level
        The Monte Carlo settings.
    mean_spearman
        Mean Spearman correlation between each run's index and the baseline index.
    """

    frame: pd.DataFrame
    draws: int
    spread: float
    seed: int
    robust_level: float
    mean_spearman: float

    @property
    def parameters(self) -> dict[str, object]:
        """The Monte Carlo settings, for provenance."""
        return {
            "draws": self.draws,
            "spread": self.spread,
            "seed": self.seed,
            "robust_level": self.robust_level,
            "normalizations": list(NORMALIZATIONS),
        }


def rank_robustness(
    raw: pd.DataFrame,
    config: VulnerabilityConfig,
    *,
    index: str,
    draws: int = 500,
    spread: float = 0.5,
    seed: int = 0,
    robust_level: float = 0.9,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
) -> RankRobustness:
    """Monte Carlo over weights and normalization; rank statistics per unit.

    Parameters
    ----------
    raw
        Raw indicator values from :func:`dikas.climate.vulnerability.raw_indicators`.
    config
        The baseline configuration (its weights are the centres of the draws).
    index
        The hazard index (``heat``, ``flood``, …).
    draws
        Number of Monte Carlo runs.
    spread
        Relative half-width of the uniform weight perturbation, in [0, 1).
    seed
        Seed of :func:`numpy.random.default_rng`; equal seeds give equal results.
    robust_level
        Share of runs in the top decile that makes a unit a robust hot spot.
    chunk_size
        Runs per chunk; chunk ``k`` draws from :func:`dikas.cluster.chunk_rng` of
        ``(seed, k)`` (a single chunk draws what ``default_rng(seed)`` draws).
    dask_address
        Scheduler address of a Dask cluster; ``None`` runs the chunks here.
    """
    if draws < 1:
        raise ParameterError("draws must be at least 1")
    if not 0 <= spread < 1:
        raise ParameterError("spread must be in [0, 1)")
    chosen = config.indicators_for(index)
    eligible = (raw["population"].fillna(0) >= config.min_population).to_numpy()
    values = raw[[i.name for i in chosen]].to_numpy(dtype="float64", copy=True)
    values[~eligible] = np.nan
    group_names = list(dict.fromkeys(i.group for i in chosen))
    group_of = np.array([group_names.index(i.group) for i in chosen])
    base_w = np.array([i.weight for i in chosen])
    base_g = np.array([config.groups[g] for g in group_names])
    run = partial(
        _monte_carlo_chunk,
        chosen=chosen,
        group_of=group_of,
        base_w=base_w,
        base_g=base_g,
        spread=spread,
        seed=seed,
    )
    result = np.concatenate(
        run_chunks(
            run,
            draw_chunks(draws, chunk_size),
            shared={"values": values},
            dask_address=dask_address,
            label="vulnerability Monte Carlo",
        ),
        axis=1,
    )
    baseline = composite(
        oriented_scores(values, chosen, config.normalization),
        group_of,
        base_w[None, :],
        base_g[None, :],
    )[:, 0]
    has = np.isfinite(baseline)
    ranks = np.full_like(result, np.nan)
    ranks[has] = rankdata(-result[has], axis=0, method="min")
    n_ranked = int(has.sum())
    top = max(1, int(np.ceil(0.1 * n_ranked)))
    frame = pd.DataFrame(index=raw.index)
    frame["baseline_rank"] = np.where(
        has, rankdata(-np.where(has, baseline, -np.inf), method="min"), np.nan
    )
    for column, statistic in (("median_rank", 50), ("rank_p05", 5), ("rank_p95", 95)):
        values_of = np.full(len(raw), np.nan)
        if n_ranked:
            values_of[has] = np.percentile(ranks[has], statistic, axis=1)
        frame[column] = values_of
    probability = np.where(has, (ranks <= top).mean(axis=1), np.nan)
    frame["top_decile_probability"] = probability
    frame["robust_hotspot"] = np.nan_to_num(probability) >= robust_level
    correlations = (
        [spearmanr(result[has, d], baseline[has]).statistic for d in range(draws)]
        if n_ranked > 2
        else [np.nan]
    )
    return RankRobustness(
        frame=frame,
        draws=draws,
        spread=spread,
        seed=seed,
        robust_level=robust_level,
        mean_spearman=float(np.nanmean(correlations)),
    )


def _monte_carlo_chunk(
    chunk: tuple[int, int],
    *,
    values: np.ndarray,
    chosen: tuple[Indicator, ...],
    group_of: np.ndarray,
    base_w: np.ndarray,
    base_g: np.ndarray,
    spread: float,
    seed: int,
) -> np.ndarray:
    """The index of every unit (rows) in each of one chunk's runs (columns)."""
    number, draws = chunk
    rng = chunk_rng(seed, number)
    weights = base_w * rng.uniform(1 - spread, 1 + spread, size=(draws, len(base_w)))
    group_w = base_g * rng.uniform(1 - spread, 1 + spread, size=(draws, len(base_g)))
    method_of = rng.integers(0, len(NORMALIZATIONS), size=draws)
    result = np.full((len(values), draws), np.nan)
    for m, method in enumerate(NORMALIZATIONS):
        runs = np.flatnonzero(method_of == m)
        if runs.size:
            scores = oriented_scores(values, chosen, method)
            result[:, runs] = composite(scores, group_of, weights[runs], group_w[runs])
    return result
