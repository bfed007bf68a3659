"""Inference for global indices: null distributions, bootstrap intervals, two-period tests.

Null models (``null=``), for two-group counts (multigroup: each group in turn):

``"permutation"``
    Person permutation: group labels are shuffled over all people while unit totals stay
    fixed, i.e. the group's counts are one multivariate hypergeometric draw of ``X`` people
    from units of sizes ``t_i``. Exact for "no segregation given the units' sizes".
``"systematic"``
    PySAL's default (``simulate_systematic_randomization``): each group is spread over the
    units by a multinomial draw with probabilities ``t_i / T``; totals change.
``"evenness"``
    PySAL's ``simulate_evenness``: ``x_i ~ Binomial(t_i, P)``, totals fixed.

Geometry never changes under these nulls, so spatial structure is computed once and
quadratic indices evaluate all replicates with matrix products.

p-values are two-sided, ``min(1, 2 min(#{sim ≥ obs}, #{sim ≤ obs}) / B)``. PySAL counts
strict inequalities only, so a statistic tied with its whole null distribution (two identical
periods, say) gets p = 0; counting ties as at least as extreme avoids that and is otherwise
the same rule.
The bootstrap (``bootstrap_index``) resamples units with replacement (PySAL's
``simulate_bootstrap_resample``), rebuilding the spatial structure of each resample.

Simulations run in chunks of ``chunk_size`` draws (:mod:`dikas.cluster`), here or on a Dask
cluster (``dask_address``). Chunk ``k`` draws from :func:`dikas.cluster.chunk_rng` of
``(seed, k)``, so results depend on the seed and the chunk size only, never on where the
chunks run; a run of at most ``chunk_size`` draws equals an unchunked run with that seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

import numpy as np
from scipy import stats

from dikas.cluster import chunk_rng, draw_chunks, run_chunks, run_seed
from dikas.errors import ParameterError
from dikas.segregation.indices import (
    Counts,
    compute_index,
    definition,
    evaluate,
    observed_values,
    resolve_parameters,
)
from dikas.segregation.registry import IndexDefinition
from dikas.segregation.units import MultiGroupCounts, TwoGroupCounts

NullModel = Literal["permutation", "systematic", "evenness"]

DEFAULT_CHUNK_SIZE = 250
"""Simulated data sets (or bootstrap resamples) per chunk, i.e. per cluster task."""


@dataclass(frozen=True)
class NullTest:
    """An observed index against its distribution under a null model."""

    name: str
    statistic: float
    p_value: float
    null: str
    simulated: np.ndarray
    parameters: Mapping[str, Any]

    @property
    def null_mean(self) -> float:
        """Mean of the finite simulated values (NaN if there are none)."""
        finite = self.simulated[np.isfinite(self.simulated)]
        return float(finite.mean()) if len(finite) else float("nan")


@dataclass(frozen=True)
class BootstrapInterval:
    """Percentile bootstrap confidence interval of an index."""

    name: str
    statistic: float
    lower: float
    upper: float
    level: float
    replicates: np.ndarray
    parameters: Mapping[str, Any]


@dataclass(frozen=True)
class PeriodComparison:
    """Whether an index changed between two periods (``difference = first − second``)."""

    name: str
    first: float
    second: float
    difference: float
    p_value: float
    method: str
    simulated: np.ndarray

    def significant(self, level: float = 0.05) -> bool:
        return bool(self.p_value < level)


def simulate_counts(
    counts: Counts, *, null: NullModel, iterations: int, rng: np.random.Generator
) -> tuple[np.ndarray, ...]:
    """``iterations`` data sets under ``null``, as arrays with one replicate per column.

    Two-group: ``(x, t)`` each ``(n, B)``. Multigroup: ``(counts,)`` of shape ``(B, n, K)``.
    """
    if isinstance(counts, TwoGroupCounts):
        x, t = _integer(counts.group), _integer(counts.total)
        groups = np.column_stack([x, t - x])
    else:
        groups = _integer(counts.counts)
    totals = groups.sum(axis=1)
    n, k = groups.shape
    simulated = np.empty((iterations, n, k), dtype=np.int64)
    if null == "permutation":
        remaining = np.broadcast_to(totals, (iterations, n)).copy()
        for group in range(k - 1):
            size = int(groups[:, group].sum())
            if group == 0:
                draw = rng.multivariate_hypergeometric(totals, size, size=iterations)
            else:
                draw = np.stack([rng.multivariate_hypergeometric(row, size) for row in remaining])
            simulated[:, :, group] = draw
            remaining -= draw
        simulated[:, :, k - 1] = remaining
    elif null == "systematic":
        for group in range(k):
            simulated[:, :, group] = rng.multinomial(
                int(groups[:, group].sum()), totals / totals.sum(), size=iterations
            )
    elif null == "evenness":
        shares = groups.sum(axis=0) / groups.sum()
        simulated[:] = rng.multinomial(totals, shares, size=(iterations, n))
    else:
        raise ParameterError(
            f"unknown null model {null!r}; use permutation, systematic or evenness"
        )
    if isinstance(counts, TwoGroupCounts):
        x_sim = simulated[:, :, 0].T.astype(float)
        return x_sim, x_sim + simulated[:, :, 1].T
    return (simulated.astype(float),)


def null_test(
    name: str,
    counts: Counts,
    *,
    null: NullModel = "permutation",
    iterations: int = 999,
    seed: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
    **parameters: Any,
) -> NullTest:
    """Test an index against its distribution under ``null`` (see the module docstring).

    Parameters
    ----------
    name
        Registry name of the index.
    counts
        Two-group or multigroup counts matching the index.
    null
        ``"permutation"`` (default), ``"systematic"`` (PySAL's default) or ``"evenness"``.
    iterations
        Number of simulated data sets.
    seed
        Seed of the run (chunk ``k`` uses :func:`dikas.cluster.chunk_rng` of ``(seed, k)``).
    chunk_size
        Simulated data sets per chunk (one task each on a cluster).
    dask_address
        Scheduler address of a Dask cluster; ``None`` runs the chunks here.
    **parameters
        Overrides of the index's default parameters.
    """
    index = definition(name)
    used = resolve_parameters(index, parameters)
    observed = compute_index(name, counts, **used).statistic
    (simulated,) = _null_distributions(
        counts,
        [(name, used)],
        null=null,
        iterations=iterations,
        seed=seed,
        chunk_size=chunk_size,
        dask_address=dask_address,
    )
    return NullTest(name, observed, _two_sided_p(observed, simulated), null, simulated, used)


def null_tests(
    counts: Counts,
    names: list[str],
    *,
    null: NullModel = "permutation",
    iterations: int = 999,
    seed: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
) -> dict[str, NullTest]:
    """:func:`null_test` for several indices on the same simulated data sets."""
    indices = [(name, resolve_parameters(definition(name), {})) for name in names]
    distributions = _null_distributions(
        counts,
        indices,
        null=null,
        iterations=iterations,
        seed=seed,
        chunk_size=chunk_size,
        dask_address=dask_address,
    )
    results = {}
    for (name, used), simulated in zip(indices, distributions, strict=True):
        observed = compute_index(name, counts).statistic
        results[name] = NullTest(
            name, observed, _two_sided_p(observed, simulated), null, simulated, used
        )
    return results


def _null_distributions(
    counts: Counts,
    indices: list[tuple[str, dict[str, Any]]],
    *,
    null: NullModel,
    iterations: int,
    seed: int | None,
    chunk_size: int,
    dask_address: str | None,
) -> list[np.ndarray]:
    """Each index's values on the same ``iterations`` simulated data sets, by chunks."""
    if null not in ("permutation", "systematic", "evenness"):
        raise ParameterError(
            f"unknown null model {null!r}; use permutation, systematic or evenness"
        )
    chunks = draw_chunks(iterations, chunk_size) or [(0, 0)]
    parts = run_chunks(
        partial(_null_chunk, indices=indices, null=null, seed=run_seed(seed)),
        chunks,
        shared={"counts": counts},
        dask_address=dask_address,
        label="permutation inference",
    )
    return [np.concatenate([part[i] for part in parts]) for i in range(len(indices))]


def _null_chunk(
    chunk: tuple[int, int],
    *,
    counts: Counts,
    indices: list[tuple[str, dict[str, Any]]],
    null: NullModel,
    seed: int,
) -> list[np.ndarray]:
    """One chunk: simulate its data sets, evaluate every index on them."""
    number, draws = chunk
    replicates = simulate_counts(counts, null=null, iterations=draws, rng=chunk_rng(seed, number))
    return [
        np.asarray(
            _evaluate_replicates(definition(name), counts, replicates, used), dtype=float
        ).reshape(draws)
        for name, used in indices
    ]


def bootstrap_index(
    name: str,
    counts: Counts,
    *,
    iterations: int = 999,
    level: float = 0.95,
    seed: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
    **parameters: Any,
) -> BootstrapInterval:
    """Percentile bootstrap interval: units resampled with replacement (PySAL's resampler).

    Spatial indices are recomputed on each resample's own geography (repeated units are
    copies of the same polygon, as in PySAL), so this is slower than :func:`null_test`.
    Resamples run in chunks of ``chunk_size``, here or on the Dask cluster at
    ``dask_address`` (chunk ``k`` seeded from ``(seed, k)``).
    """
    if not 0 < level < 1:
        raise ParameterError(f"confidence level must be in (0, 1), got {level}")
    index = definition(name)
    used = resolve_parameters(index, parameters)
    observed = compute_index(name, counts, **used).statistic
    chunks = draw_chunks(iterations, chunk_size) or [(0, 0)]
    parts = run_chunks(
        partial(_bootstrap_chunk, name=name, parameters=used, seed=run_seed(seed)),
        chunks,
        shared={"counts": counts},
        dask_address=dask_address,
        label=f"bootstrap {name}",
    )
    replicates = np.concatenate(parts)
    finite = replicates[np.isfinite(replicates)]
    lower, upper = np.quantile(finite, [(1 - level) / 2, (1 + level) / 2])
    return BootstrapInterval(name, observed, float(lower), float(upper), level, replicates, used)


def compare_periods(
    name: str,
    first: Counts,
    second: Counts,
    *,
    method: Literal["random_label", "bootstrap"] = "random_label",
    iterations: int = 999,
    seed: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
    **parameters: Any,
) -> PeriodComparison:
    """Test whether an index differs between two periods (e.g. Paavo 2020 and 2023).

    ``"random_label"``: paired random labelling. Within each unit, the two periods' counts
    swap places with probability ½, so both simulated periods remain complete maps of the
    same units and spatial indices stay defined; the p-value is the two-sided share of
    simulated differences at least as extreme as the observed one. (PySAL's ``TwoValueTest``
    default shuffles the period labels of all 2n rows regardless of unit, which mixes
    geographies.) Both periods must have the same units, in the same order. ``"bootstrap"``: PySAL's bootstrap comparison, a
    t statistic ``(mean₁ − mean₂)/√(sd₁² + sd₂²)`` with ``B − 1`` degrees of freedom.
    Both run in chunks of ``chunk_size`` draws, here or on the Dask cluster at
    ``dask_address``.
    """
    index = definition(name)
    used = resolve_parameters(index, parameters)
    a = compute_index(name, first, **used).statistic
    b = compute_index(name, second, **used).statistic
    rng = np.random.default_rng(seed)
    if method == "bootstrap":
        boot_a = bootstrap_index(
            name,
            first,
            seed=int(rng.integers(2**32)),
            iterations=iterations,
            chunk_size=chunk_size,
            dask_address=dask_address,
            **used,
        ).replicates
        boot_b = bootstrap_index(
            name,
            second,
            seed=int(rng.integers(2**32)),
            iterations=iterations,
            chunk_size=chunk_size,
            dask_address=dask_address,
            **used,
        ).replicates
        tt = (boot_a.mean() - boot_b.mean()) / np.sqrt(np.std(boot_a) ** 2 + np.std(boot_b) ** 2)
        p = float(stats.t.sf(np.abs(tt), iterations - 1) * 2)
        return PeriodComparison(name, a, b, a - b, p, method, np.column_stack([boot_a, boot_b]))
    if method != "random_label":
        raise ParameterError(f"unknown comparison method {method!r}; use random_label or bootstrap")
    if not np.array_equal(first.unit_ids, second.unit_ids):
        raise ParameterError(
            "random-label comparison needs the same units in both periods "
            "(an area excluded in one year only breaks the pairing)"
        )
    chunks = draw_chunks(iterations, chunk_size) or [(0, 0)]
    parts = run_chunks(
        partial(_random_label_chunk, name=name, parameters=used, seed=run_seed(seed)),
        chunks,
        shared={"first": first, "second": second},
        dask_address=dask_address,
        label=f"random labels {name}",
    )
    differences = np.concatenate(parts)
    return PeriodComparison(
        name, a, b, a - b, _two_sided_p(a - b, differences), method, differences
    )


def _bootstrap_chunk(
    chunk: tuple[int, int], *, counts: Counts, name: str, parameters: Mapping[str, Any], seed: int
) -> np.ndarray:
    """One chunk of bootstrap resamples: the index on each."""
    number, draws = chunk
    rng = chunk_rng(seed, number)
    replicates = np.empty(draws)
    for b in range(draws):
        positions = rng.integers(0, counts.n_units, counts.n_units)
        replicates[b] = compute_index(name, _resample(counts, positions), **parameters).statistic
    return replicates


def _random_label_chunk(
    chunk: tuple[int, int],
    *,
    first: Counts,
    second: Counts,
    name: str,
    parameters: Mapping[str, Any],
    seed: int,
) -> np.ndarray:
    """One chunk of paired random labellings: the simulated differences first − second."""
    number, draws = chunk
    rng = chunk_rng(seed, number)
    index = definition(name)
    one, two = observed_values(first), observed_values(second)
    differences = np.empty(draws)
    for r in range(draws):
        swap = rng.random(first.n_units) < 0.5
        mixed_1 = tuple(_swap_rows(u, v, swap) for u, v in zip(one, two, strict=True))
        mixed_2 = tuple(_swap_rows(v, u, swap) for u, v in zip(one, two, strict=True))
        with np.errstate(divide="ignore", invalid="ignore"):
            differences[r] = evaluate(index, first, mixed_1, parameters) - evaluate(
                index, first, mixed_2, parameters
            )
    return differences


def _evaluate_replicates(
    index: IndexDefinition,
    counts: Counts,
    replicates: tuple[np.ndarray, ...],
    parameters: Mapping[str, Any],
) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        if index.kind == "multigroup":
            return np.array([evaluate(index, counts, (c,), parameters) for c in replicates[0]])
        if index.vectorized:
            return np.asarray(evaluate(index, counts, replicates, parameters), dtype=float)
        x, t = replicates
        return np.array(
            [evaluate(index, counts, (x[:, b], t[:, b]), parameters) for b in range(x.shape[1])]
        )


def _two_sided_p(observed: float, simulated: np.ndarray) -> float:
    finite = simulated[np.isfinite(simulated)]
    if len(finite) == 0:
        return float("nan")
    extreme = min((finite >= observed).sum(), (finite <= observed).sum())
    return float(min(1.0, 2 * extreme / len(finite)))


def _swap_rows(keep: np.ndarray, other: np.ndarray, swap: np.ndarray) -> np.ndarray:
    mask = swap if keep.ndim == 1 else swap[:, None]
    return np.where(mask, other, keep)


def _integer(values: np.ndarray) -> np.ndarray:
    rounded = np.rint(values)
    if not np.allclose(values, rounded):
        raise ParameterError("simulating persons needs whole-number counts")
    return rounded.astype(np.int64)


def _resample(counts: Counts, positions: np.ndarray) -> Counts:
    geography = counts.geography.subset(positions) if counts.geography is not None else None
    if isinstance(counts, TwoGroupCounts):
        return TwoGroupCounts(
            counts.group[positions],
            counts.total[positions],
            counts.unit_ids[positions],
            geography,
            counts.excluded,
            counts.group_name,
            counts.total_name,
        )
    return MultiGroupCounts(
        counts.counts[positions],
        counts.unit_ids[positions],
        geography,
        counts.excluded,
        counts.group_names,
    )
