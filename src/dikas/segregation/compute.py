"""Segregation as one Python call: what ``dikas segregation [local|trend]`` computes.

:func:`compute_segregation` gives the global indices (and their tests against a null model),
:func:`compute_local_segregation` location quotients, local entropy, LISA and Gi* per unit,
:func:`compute_segregation_trend` the indices of every year and the first → last change.
Each returns an :class:`~dikas.twin.indicator_batch.IndicatorBatch` holding the rows the
command stores. Columns may be named by the twin's names or by Paavo codes (``hr_pi_tul``);
results are recorded under the twin's names, so both spellings give the same indicators.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import geopandas as gpd
import pandas as pd

from dikas.errors import ParameterError
from dikas.params import as_dict, coerce_params
from dikas.segregation.indices import compute_indices
from dikas.segregation.inference import DEFAULT_CHUNK_SIZE, compare_periods, null_tests
from dikas.segregation.local import local_measures
from dikas.segregation.records import LOCAL_COLUMNS, global_indicator_rows, local_indicator_rows
from dikas.segregation.units import (
    MultiGroupCounts,
    TwoGroupCounts,
    multigroup_counts,
    two_group_counts,
)
from dikas.sources.paavo import resolve_column
from dikas.twin.indicator_batch import IndicatorBatch
from dikas.twin.privacy import publish
from dikas.twin.schema import level as level_of
from dikas.twin.store import Twin

LEVELS = ("areas", "districts", "grid")
"""Levels segregation is computed across."""
TREND_INDICES = ("dissimilarity", "gini", "entropy", "isolation", "spatial_dissimilarity")


@dataclass(frozen=True)
class SegregationParams:
    """Parameters of :func:`compute_segregation` (the defaults of ``dikas segregation``)."""

    group: str | None = None
    """Column with the focal group's count (two-group indices, with ``total``)."""
    total: str | None = None
    """Column with the unit's total population."""
    groups: tuple[str, ...] = ()
    """Two or more group columns for the multigroup indices (instead of group/total)."""
    level: str = "areas"
    """Units: ``areas`` (postal areas), ``districts`` or ``grid``."""
    year: int | None = None
    """Year of the postal-area data (default: the latest)."""
    indices: tuple[str, ...] | None = None
    """Index names instead of the whole suite."""
    permutations: int = 0
    """Also test every index against this many simulated data sets."""
    null: Literal["permutation", "systematic", "evenness"] = "permutation"
    seed: int | None = None
    chunk_size: int = DEFAULT_CHUNK_SIZE
    """Simulated data sets per chunk (with ``seed``, results depend on it)."""
    dask_address: str | None = None


@dataclass(frozen=True)
class LocalSegregationParams:
    """Parameters of :func:`compute_local_segregation` (``dikas segregation local``)."""

    group: str | None = None
    total: str | None = None
    level: str = "areas"
    year: int | None = None
    permutations: int = 999
    """Conditional permutations for local Moran's I."""
    significance: float = 0.05
    seed: int | None = None


@dataclass(frozen=True)
class TrendParams:
    """Parameters of :func:`compute_segregation_trend` (``dikas segregation trend``)."""

    group: str | None = None
    total: str | None = None
    indices: tuple[str, ...] = TREND_INDICES
    permutations: int = 999
    """Random-label permutations of the first-vs-last-year test."""
    seed: int | None = None
    dask_address: str | None = None


def read_units(
    twin: Twin, level: str, year: int | None, columns: Sequence[str]
) -> tuple[gpd.GeoDataFrame, str, int | None]:
    """The units of ``level`` with ``columns`` (twin names), their key and the year used."""
    if level not in LEVELS:
        raise ParameterError(f"unknown level {level!r}; use {', '.join(LEVELS)}")
    spec = level_of(level)
    if spec.yearly and year is None:
        years = twin.years(level)
        year = max(years) if years else None
    used = year if spec.yearly else None
    frame = twin.read(level, year=used, columns=[spec.key, *columns])
    return frame, spec.key, used


def population_group(params: SegregationParams | LocalSegregationParams | TrendParams) -> str:
    """How the indicators name the population: ``group/total`` or ``g1,g2,...`` (twin names)."""
    groups = getattr(params, "groups", ())
    if params.group:
        return f"{resolve_column(params.group)}/{resolve_column(params.total or '')}"
    return ",".join(resolve_column(g) for g in groups)


def _two_group(
    params: SegregationParams | LocalSegregationParams | TrendParams, what: str
) -> tuple[str, str]:
    if not (params.group and params.total):
        raise ParameterError(f"{what} need a group and a total column")
    return params.group, params.total


def compute_segregation(
    twin: Twin, params: SegregationParams | Mapping[str, Any] | None = None
) -> IndicatorBatch:
    """Global segregation indices of one group (``group``/``total``) or several (``groups``).

    Every applicable index with PySAL segregation's default parameters (or the named
    ``indices``), and with ``permutations`` a p-value of each against the ``null`` model.
    Returns a batch at level ``city`` (one row per index and p-value, as ``dikas
    segregation`` stores them); ``summary`` holds ``indices`` (name → value), ``p_values``,
    ``n_units``, ``excluded``, ``notes`` and ``parameters`` per index; ``units`` the units
    used, with ``reason`` ``no_data`` for those left out (zero or missing total).

    Example::

        batch = dikas.compute_segregation(twin, {"group": "hr_pi_tul", "total": "hr_tuy"})
        batch.summary["indices"]["dissimilarity"]
    """
    p = coerce_params(SegregationParams, params)
    columns = list(p.groups) if p.groups else list(_two_group_or_groups(p))
    frame, key, year = read_units(twin, p.level, p.year, columns)
    return segregation_of_units(frame, p, id_column=key, year=year)


def _two_group_or_groups(p: SegregationParams) -> tuple[str, str]:
    if bool(p.groups) == bool(p.group or p.total):
        raise ParameterError("give either a group and a total, or two or more groups")
    return _two_group(p, "two-group indices")


def segregation_of_units(
    frame: pd.DataFrame,
    params: SegregationParams | Mapping[str, Any],
    *,
    id_column: str | None,
    year: int | None,
) -> IndicatorBatch:
    """:func:`compute_segregation` on any frame of units (a twin layer or a user's file)."""
    p = coerce_params(SegregationParams, params)
    counts: TwoGroupCounts | MultiGroupCounts
    if p.groups:
        if p.group or p.total:
            raise ParameterError("give either a group and a total, or two or more groups")
        counts = multigroup_counts(frame, groups=list(p.groups), id_column=id_column)
    else:
        group, total = _two_group_or_groups(p)
        counts = two_group_counts(frame, group=group, total=total, id_column=id_column)
    suite = compute_indices(counts, list(p.indices) if p.indices else None)
    tests = (
        null_tests(
            counts,
            list(suite.results),
            null=p.null,
            iterations=p.permutations,
            seed=p.seed,
            chunk_size=p.chunk_size,
            dask_address=p.dask_address,
        )
        if p.permutations > 0
        else {}
    )
    population = population_group(p)
    rows = global_indicator_rows(
        suite,
        population_group=population,
        year=year,
        source_layers=[p.level],
        unit_level=p.level,
        tests=tests,
    )
    ids = _ids(frame, id_column)
    reasons = {e.unit_id: "no_data" for e in suite.excluded}
    units = frame.assign(reason=[reasons.get(i) for i in ids]).set_axis(
        pd.Index(ids, name=id_column or "unit_id")
    )
    summary: dict[str, object] = {
        "indices": {n: _number(v) for n, v in suite.statistics().items()},
        "n_units": suite.n_units,
        "excluded": [{"unit_id": e.unit_id, "reason": e.reason} for e in suite.excluded],
        "notes": {n: r.note for n, r in suite.results.items() if r.note},
        "parameters": {n: dict(r.parameters) for n, r in suite.results.items()},
        "population_group": population,
    }
    if tests:
        summary["p_values"] = {n: _number(t.p_value) for n, t in tests.items()}
        summary["null"] = next(iter(tests.values())).null
    return IndicatorBatch(
        family="segregation",
        level="city",
        year=year,
        rows=rows,
        units=units,
        parameters=_public(p),
        source_layers=(p.level,),
        method="dikas.segregation (definitions of PySAL segregation)",
        summary=summary,
    )


def compute_local_segregation(
    twin: Twin, params: LocalSegregationParams | Mapping[str, Any] | None = None
) -> IndicatorBatch:
    """Location quotient, local entropy, local Moran's I (LISA) and Gi* of group/total.

    Returns a batch at the units' level: ``units`` is the layer ``dikas segregation local
    --output`` writes (``unit_id``, measures, ``lisa``, geometry), ``rows`` what it stores.
    At fine-grained levels units whose total is a person count the publication rule blanks
    (:func:`dikas.twin.privacy.publish`) show no values, ``lisa`` and ``reason`` say
    ``suppressed``.
    """
    p = coerce_params(LocalSegregationParams, params)
    group, total = _two_group(p, "local measures")
    frame, key, year = read_units(twin, p.level, p.year, [group, total])
    return local_segregation_of_units(frame, p, id_column=key, year=year)


def local_segregation_of_units(
    frame: gpd.GeoDataFrame,
    params: LocalSegregationParams | Mapping[str, Any],
    *,
    id_column: str | None,
    year: int | None,
) -> IndicatorBatch:
    """:func:`compute_local_segregation` on any frame of polygons."""
    p = coerce_params(LocalSegregationParams, params)
    group, total = _two_group(p, "local measures")
    measures = local_measures(
        frame,
        group=group,
        total=total,
        id_column=id_column,
        permutations=p.permutations,
        significance=p.significance,
        seed=p.seed,
    )
    layer = _published(measures.layer, frame, total, id_column, p.level)
    rows = local_indicator_rows(
        replace(measures, layer=layer),
        level=p.level,
        year=year,
        population_group=population_group(p),
        source_layers=[p.level],
    )
    units = layer.set_index(layer["unit_id"].rename(id_column or "unit_id"), drop=False)
    reason = pd.Series(None, index=units.index, dtype=object)
    reason.loc[layer["excluded"].notna().to_numpy()] = "no_data"
    reason.loc[(layer["lisa"] == "suppressed").to_numpy()] = "suppressed"
    units["reason"] = reason
    return IndicatorBatch(
        family="segregation_local",
        level=p.level,
        year=year,
        rows=rows,
        units=units,
        parameters=dict(measures.parameters),
        source_layers=(p.level,),
        method="dikas.segregation.local_measures (queen contiguity)",
        summary={"excluded": [e.unit_id for e in measures.excluded]},
    )


def _published(
    layer: gpd.GeoDataFrame, frame: pd.DataFrame, total: str, id_column: str | None, level: str
) -> gpd.GeoDataFrame:
    """The layer without the values of units whose person count may not be published."""
    total = total if total in frame.columns else resolve_column(total)
    counts = pd.DataFrame(
        {"population": pd.to_numeric(frame[total], errors="coerce").to_numpy()},
        index=_ids(frame, id_column),
    )
    public = publish(counts, level=level)
    hidden_ids = set(counts.index[public["population"].isna() & counts["population"].notna()])
    hidden = layer["unit_id"].isin(hidden_ids)
    if not hidden.any():
        return layer
    layer = layer.copy()
    layer.loc[hidden, list(LOCAL_COLUMNS)] = float("nan")
    layer.loc[hidden, "lisa"] = "suppressed"
    return layer


def compute_segregation_trend(
    twin: Twin, params: TrendParams | Mapping[str, Any] | None = None
) -> IndicatorBatch:
    """Indices for every year of the twin's postal areas, and whether first → last changed.

    The change is a random-label permutation test on the units valid in both years. Returns
    a batch at level ``city`` with one row per index and year; ``summary`` holds ``years``,
    ``values`` (a year × index frame) and ``changes`` (index → :class:`PeriodComparison`).
    """
    p = coerce_params(TrendParams, params)
    group, total = _two_group(p, "a trend")
    group, total = resolve_column(group), resolve_column(total)
    names = list(p.indices)
    years = sorted(twin.years("areas"))
    frames = {y: twin.read("areas", year=y, columns=["postal_code", group, total]) for y in years}
    if len(years) < 2:
        raise ParameterError(f"the twin has {len(years)} year(s) of areas; a trend needs two")
    counts = {
        y: two_group_counts(f, group=group, total=total, id_column="postal_code")
        for y, f in frames.items()
    }
    suites = {y: compute_indices(c, names) for y, c in counts.items()}
    values = pd.DataFrame({y: s.statistics() for y, s in suites.items()}).T
    values.index.name = "year"
    first, last = (
        _common(
            frames[y],
            set(counts[years[0]].unit_ids) & set(counts[years[-1]].unit_ids),
            group,
            total,
        )
        for y in (years[0], years[-1])
    )
    changes = {
        n: compare_periods(
            n, last, first, iterations=p.permutations, seed=p.seed, dask_address=p.dask_address
        )
        for n in names
    }
    rows = pd.concat(
        [
            global_indicator_rows(
                s,
                population_group=population_group(p),
                year=y,
                source_layers=["areas"],
                unit_level="areas",
            )
            for y, s in suites.items()
        ],
        ignore_index=True,
    )
    return IndicatorBatch(
        family="segregation_trend",
        level="city",
        year=years[-1],
        rows=rows,
        units=pd.DataFrame({"reason": pd.Series(dtype=object)}, index=pd.Index([], name="unit_id")),
        parameters=_public(p),
        source_layers=("areas",),
        method="dikas.segregation (random-label test of the change)",
        summary={"years": years, "values": values, "changes": changes},
    )


def _common(frame: pd.DataFrame, shared: set[str], group: str, total: str) -> TwoGroupCounts:
    """Counts of one year restricted to the units valid in both (for the random-label test)."""
    return two_group_counts(
        frame[frame["postal_code"].astype(str).isin(shared)].sort_values("postal_code"),
        group=group,
        total=total,
        id_column="postal_code",
    )


def _ids(frame: pd.DataFrame, id_column: str | None) -> list[str]:
    return list((frame.index if id_column is None else frame[id_column]).astype(str))


def _number(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _public(params: object) -> dict[str, object]:
    return {k: v for k, v in as_dict(params).items() if k != "dask_address"}
