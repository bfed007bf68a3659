"""Composite indices on a twin: :func:`compute_index` and :func:`allocate_budget`.

Both read the city's grid cells and one year of postal areas (the latest by default), compute
the configuration's raw indicators the way the climate vulnerability index does
(:func:`dikas.climate.vulnerability.raw_indicators`: population-weighted areal interpolation
between cells and areas), and return an :class:`~dikas.twin.indicator_batch.IndicatorBatch`
ready to store. Stored indicator names are ``index_<configuration>[_<index>]`` (dashes as
underscores) plus ``_rank`` and, with a Monte Carlo, ``_rank_p05``, ``_rank_p95`` and
``_top_decile_probability``; an allocation adds ``_share``, ``_share_p05``, ``_share_p95`` and
``_amount``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dikas.climate.twin_io import read_areas, read_grid
from dikas.climate.vulnerability import raw_indicators
from dikas.errors import ParameterError
from dikas.indices.allocation import Allocation, allocate
from dikas.indices.config import IndexConfig, load_index_config
from dikas.indices.engine import CompositeIndex, index_values
from dikas.indices.robustness import Draws, draw_indices, rank_statistics
from dikas.twin.indicator_batch import IndicatorBatch, long_rows
from dikas.twin.privacy import publish
from dikas.twin.schema import unit_key
from dikas.twin.store import Twin

INDEX_LEVELS = ("areas", "grid")
SOURCE_LAYERS = ("grid", "areas")


@dataclass(frozen=True)
class IndexParams:
    """What :func:`compute_index` computes.

    Attributes
    ----------
    config
        A shipped configuration's name (``climate-just``, ``svi-percentile``, …) or a YAML
        file.
    level
        ``areas`` (postal areas) or ``grid`` (250 m cells).
    year
        Year of the postal areas (default: the latest).
    index
        Which index of a configuration that defines several (``heat``/``flood`` in
        ``climate-just``); default: the first.
    draws
        Monte Carlo runs for the robustness of ranks (0: none).
    seed
        Monte Carlo seed.
    spread
        Relative half-width of the weight perturbation (default: the configuration's).
    """

    config: str | Path = "climate-just"
    level: str = "areas"
    year: int | None = None
    index: str | None = None
    draws: int = 0
    seed: int = 0
    spread: float | None = None


def indicator_name(config: IndexConfig, index: str) -> str:
    """``index_<configuration>[_<index>]`` (the index name only when there are several)."""
    base = f"index_{config.name.replace('-', '_')}"
    return base if config.index_names == ("index",) else f"{base}_{index}"


@dataclass(frozen=True)
class _Computed:
    config: IndexConfig
    result: CompositeIndex
    draws: Draws | None
    year: int
    level: str


def _compute(twin: Twin, params: IndexParams) -> _Computed:
    if params.level not in INDEX_LEVELS:
        raise ParameterError(
            f"level must be one of {', '.join(INDEX_LEVELS)}, not {params.level!r}"
        )
    if params.draws < 0:
        raise ParameterError("draws must be 0 or more")
    config = load_index_config(params.config)
    grid = read_grid(twin)
    areas, year = read_areas(twin, year=params.year)
    raw = raw_indicators(
        grid,
        areas,
        config.vulnerability_config(),
        level=params.level,
        indicators=config.indicators_for(params.index),
    )
    result = index_values(raw, config, index=params.index)
    draws = (
        draw_indices(
            raw,
            config,
            index=params.index,
            draws=params.draws,
            seed=params.seed,
            spread=params.spread,
        )
        if params.draws
        else None
    )
    return _Computed(config=config, result=result, draws=draws, year=year, level=params.level)


def _parameters(computed: _Computed, **extra: object) -> dict[str, object]:
    parameters = {**computed.result.parameters, "config": computed.config.path, **extra}
    if computed.draws is not None:
        parameters["robustness"] = computed.draws.parameters
    return parameters


def _units(frame: pd.DataFrame, level: str) -> pd.DataFrame:
    units = frame.copy()
    units.index.name = unit_key(level)
    units["reason"] = None
    units.loc[units["index"].isna(), "reason"] = "no_data"
    return publish(units.rename(columns={"population": "inhabitants"}), level=level)


def compute_index(twin: Twin, params: IndexParams | None = None) -> IndicatorBatch:
    """One composite index per unit of ``params.level``, with rank robustness if asked.

    ``units`` holds every raw value, score, group score, ``index``, ``rank`` (and the
    Monte Carlo rank statistics), indexed by the level's unit key; ``reason`` says
    ``no_data`` where a unit has no index (too few residents or a missing indicator).
    """
    params = params or IndexParams()
    computed = _compute(twin, params)
    frame = computed.result.frame.copy()
    name = indicator_name(computed.config, computed.result.index_name)
    columns = {name: "index", f"{name}_rank": "rank"}
    if computed.draws is not None:
        stats = rank_statistics(computed.draws, frame.index)
        frame = frame.join(stats)
        columns |= {
            f"{name}_rank_p05": "rank_p05",
            f"{name}_rank_p95": "rank_p95",
            f"{name}_top_decile_probability": "top_decile_probability",
        }
    parameters = _parameters(computed)
    rows = long_rows(
        frame,
        columns,
        level=computed.level,
        year=computed.year,
        method="composite_index",
        parameters=parameters,
        source_layers=SOURCE_LAYERS,
    )
    return IndicatorBatch(
        family="index",
        level=computed.level,
        year=computed.year,
        rows=rows,
        units=_units(frame, computed.level),
        parameters=parameters,
        source_layers=SOURCE_LAYERS,
        method="composite_index",
        summary={
            "configuration": computed.config.name,
            "title": computed.config.title(),
            "titles": computed.config.titles,
            "index": computed.result.index_name,
            "indicator": name,
        },
    )


def allocate_budget(
    twin: Twin, params: IndexParams, budget: float
) -> tuple[IndicatorBatch, Allocation]:
    """Share ``budget`` over the units of ``params.level`` by the index's need
    (:mod:`dikas.indices.allocation`), with the Monte Carlo interval of each share when
    ``params.draws`` > 0."""
    computed = _compute(twin, params)
    frame = computed.result.frame
    allocation = allocate(
        frame["index"],
        frame["population"],
        budget,
        population_weighted=computed.config.population_weighted_allocation,
        draws=computed.draws.values if computed.draws is not None else None,
    )
    name = indicator_name(computed.config, computed.result.index_name)
    table = allocation.frame.join(frame[["rank"]])
    columns = {name: "index", f"{name}_share": "share", f"{name}_amount": "amount"}
    if computed.draws is not None:
        columns |= {f"{name}_share_p05": "share_p05", f"{name}_share_p95": "share_p95"}
    parameters = _parameters(
        computed, budget=float(budget), population_weighted=allocation.population_weighted
    )
    rows = long_rows(
        table,
        columns,
        level=computed.level,
        year=computed.year,
        method="need_based_allocation",
        parameters=parameters,
        source_layers=SOURCE_LAYERS,
    )
    units = table.copy()
    units.index.name = unit_key(computed.level)
    units["reason"] = None
    units.loc[units["share"].isna(), "reason"] = "no_data"
    units = publish(units.rename(columns={"population": "inhabitants"}), level=computed.level)
    batch = IndicatorBatch(
        family="allocation",
        level=computed.level,
        year=computed.year,
        rows=rows,
        units=units,
        parameters=parameters,
        source_layers=SOURCE_LAYERS,
        method="need_based_allocation",
        summary={
            "configuration": computed.config.name,
            "title": computed.config.title(),
            "titles": computed.config.titles,
            "budget": float(budget),
            "indicator": name,
        },
    )
    return batch, allocation
