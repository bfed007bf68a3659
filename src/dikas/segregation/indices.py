"""Compute global indices by name and keep each value with how it was made."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dikas.errors import ParameterError
from dikas.segregation.registry import INDICES, MULTIGROUP_SUITE, TWO_GROUP_SUITE, IndexDefinition
from dikas.segregation.units import ExcludedUnit, MultiGroupCounts, TwoGroupCounts

Counts = TwoGroupCounts | MultiGroupCounts


@dataclass(frozen=True)
class IndexResult:
    """One global index value.

    Attributes
    ----------
    name
        Registry name of the index.
    statistic
        Its value (NaN or infinite only where the definition itself is undefined; ``note``
        says why).
    parameters
        The parameters used (defaults filled in).
    n_units
        Units that entered the computation.
    excluded
        Units left out (zero or missing total).
    note
        Why the value is not finite, if it is not.
    """

    name: str
    statistic: float
    parameters: Mapping[str, Any]
    n_units: int
    excluded: tuple[ExcludedUnit, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class IndexSuite:
    """Several indices computed on the same counts."""

    results: Mapping[str, IndexResult] = field(default_factory=dict)
    n_units: int = 0
    excluded: tuple[ExcludedUnit, ...] = ()

    def statistics(self) -> dict[str, float]:
        """``{name: value}`` in suite order."""
        return {name: result.statistic for name, result in self.results.items()}


def definition(name: str) -> IndexDefinition:
    """The registry entry for ``name``, or a :class:`ParameterError` listing valid names."""
    try:
        return INDICES[name]
    except KeyError:
        raise ParameterError(f"unknown index {name!r}; known: {', '.join(INDICES)}") from None


def resolve_parameters(index: IndexDefinition, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults of ``index`` updated with ``overrides``; unknown parameter names are errors."""
    unknown = set(overrides) - set(index.defaults)
    if unknown:
        raise ParameterError(
            f"index {index.name!r} has no parameter {', '.join(sorted(unknown))}; "
            f"parameters: {', '.join(index.defaults) or 'none'}"
        )
    return {**index.defaults, **overrides}


def evaluate(
    index: IndexDefinition,
    counts: Counts,
    values: tuple[np.ndarray, ...],
    parameters: Mapping[str, Any],
) -> float | np.ndarray:
    """Apply ``index`` to ``values`` (``(x, t)`` or ``(counts,)``) of the units of ``counts``."""
    if index.kind == "multigroup":
        return index.kernel(*values, **parameters)
    if index.spatial:
        if counts.geography is None:
            raise ParameterError(f"index {index.name!r} is spatial: give units with geometries")
        return index.kernel(*values, counts.geography, **parameters)
    return index.kernel(*values, **parameters)


def observed_values(counts: Counts) -> tuple[np.ndarray, ...]:
    """The count arrays an index kernel takes for ``counts``."""
    if isinstance(counts, TwoGroupCounts):
        return counts.group, counts.total
    return (counts.counts,)


def compute_index(name: str, counts: Counts, **parameters: Any) -> IndexResult:
    """Compute the global index ``name`` (see :data:`~dikas.segregation.registry.INDICES`).

    Parameters
    ----------
    name
        Registry name, e.g. ``"dissimilarity"`` or ``"relative_clustering_corrected"``.
    counts
        From :func:`~dikas.segregation.units.two_group_counts` or
        :func:`~dikas.segregation.units.multigroup_counts`, matching the index's kind.
    **parameters
        Overrides of the index's PySAL defaults (e.g. ``b=0.3`` for Atkinson).
    """
    index = definition(name)
    expected = TwoGroupCounts if index.kind == "two_group" else MultiGroupCounts
    if not isinstance(counts, expected):
        raise ParameterError(
            f"index {name!r} is {index.kind.replace('_', '-')}; got {type(counts).__name__}"
        )
    used = resolve_parameters(index, parameters)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = float(evaluate(index, counts, observed_values(counts), used))
    note = None if math.isfinite(value) else _undefined_reason(index, counts)
    return IndexResult(name, value, used, counts.n_units, counts.excluded, note)


def compute_indices(counts: Counts, names: Iterable[str] | None = None) -> IndexSuite:
    """Compute several indices (by default every applicable one) with PySAL's defaults.

    Without ``names``: the two-group suite for :class:`TwoGroupCounts` (the spatial ones only
    when the units have geometries) or the multigroup suite for :class:`MultiGroupCounts`.
    """
    if names is None:
        if isinstance(counts, MultiGroupCounts):
            names = MULTIGROUP_SUITE
        else:
            names = [
                n for n in TWO_GROUP_SUITE if counts.geography is not None or not INDICES[n].spatial
            ]
    results = {name: compute_index(name, counts) for name in names}
    return IndexSuite(results, counts.n_units, counts.excluded)


def _undefined_reason(index: IndexDefinition, counts: Counts) -> str:
    if index.name == "boundary_spatial_dissimilarity" and counts.geography is not None:
        lonely = int((np.asarray(counts.geography.shared_boundary.sum(axis=1)) == 0).sum())
        return (
            f"{lonely} units share no boundary with another unit, so PySAL's row "
            "standardization divides by zero; see boundary_spatial_dissimilarity_corrected"
        )
    if index.name == "relative_concentration":
        return (
            "the smallest and the largest units have the same population-weighted mean "
            "area (e.g. a regular grid), so the index's denominator is zero"
        )
    return "the index is undefined for these counts (a group is empty or the whole population)"
