"""One composite index from raw indicator values: scores, group scores, index and rank.

The steps (each a choice in the configuration, :mod:`dikas.indices.config`):

1. units with fewer than ``min_population`` residents get no value;
2. each indicator is normalized and oriented (:mod:`dikas.indices.normalize`);
3. scores are aggregated within groups and across groups (:mod:`dikas.indices.aggregate`);
4. with ``percentile_index`` the index is the percentile rank of the aggregate (CDC SVI),
   with ``rank_groups`` the reported group scores are percentile ranks too;
5. ``rank`` 1 is the unit most in need.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dikas.climate.config import Indicator
from dikas.errors import MissingColumnError
from dikas.indices.aggregate import composite, group_scores
from dikas.indices.config import IndexConfig
from dikas.indices.normalize import oriented_scores, percentile_rank


@dataclass(frozen=True)
class Prepared:
    """Raw values of one index's indicators with ineligible units blanked, and the layout
    of groups and weights the aggregation needs."""

    values: np.ndarray
    """``(units, indicators)`` raw values, NaN for units under ``min_population``."""
    indicators: tuple[Indicator, ...]
    group_names: list[str]
    group_of: np.ndarray
    weights: np.ndarray
    """``(indicators,)`` configured indicator weights."""
    group_weights: np.ndarray
    """``(groups,)`` configured group weights."""
    directions: np.ndarray


def prepare(raw: pd.DataFrame, config: IndexConfig, *, index: str | None = None) -> Prepared:
    """The inputs of :func:`index_values` and of the Monte Carlo (:mod:`.robustness`)."""
    chosen = config.indicators_for(index)
    missing = [i.name for i in chosen if i.name not in raw.columns]
    if missing:
        raise MissingColumnError(
            f"raw indicators lack {', '.join(missing)} (configuration {config.path})"
        )
    eligible = (raw["population"].fillna(0) >= config.min_population).to_numpy()
    values = raw[[i.name for i in chosen]].to_numpy(dtype="float64", copy=True)
    values[~eligible] = np.nan
    group_names = list(dict.fromkeys(i.group for i in chosen))
    return Prepared(
        values=values,
        indicators=chosen,
        group_names=group_names,
        group_of=np.array([group_names.index(i.group) for i in chosen]),
        weights=np.array([i.weight for i in chosen], dtype="float64"),
        group_weights=np.array([config.groups[g] for g in group_names], dtype="float64"),
        directions=np.array([i.direction for i in chosen]),
    )


def aggregate_draws(
    prepared: Prepared,
    config: IndexConfig,
    scores: np.ndarray,
    weights: np.ndarray,
    group_weights: np.ndarray,
) -> np.ndarray:
    """``(units, draws)`` index values for draws of weights (percentile-ranked per draw when
    the configuration says so)."""
    value = composite(
        scores,
        prepared.group_of,
        weights,
        group_weights,
        within=config.group_aggregation,
        across=config.aggregation,
    )
    if config.percentile_index:
        value = np.column_stack([percentile_rank(value[:, d]) for d in range(value.shape[1])])
    return value


@dataclass(frozen=True)
class CompositeIndex:
    """One index over a set of units.

    ``frame`` is indexed like the units: ``population``, ``raw_<indicator>``,
    ``score_<indicator>``, ``group_<group>``, ``index`` and ``rank`` (1 = most in need; NaN
    where the unit has no index).
    """

    frame: pd.DataFrame
    config: IndexConfig
    index_name: str
    normalization: str
    indicators: tuple[Indicator, ...]

    @property
    def parameters(self) -> dict[str, object]:
        """The choices behind the numbers, for provenance."""
        config = self.config
        return {
            "configuration": config.name,
            "index": self.index_name,
            "normalization": self.normalization,
            "group_aggregation": config.group_aggregation,
            "aggregation": config.aggregation,
            "percentile_index": config.percentile_index,
            "min_population": config.min_population,
            "groups": {
                g: config.groups[g] for g in dict.fromkeys(i.group for i in self.indicators)
            },
            "indicators": {
                i.name: {
                    "group": i.group,
                    "weight": i.weight,
                    "direction": i.direction,
                    "source": i.source,
                    "numerator": list(i.numerator),
                    "denominator": list(i.denominator),
                }
                for i in self.indicators
            },
        }


def index_values(
    raw: pd.DataFrame,
    config: IndexConfig,
    *,
    index: str | None = None,
    normalization: str | None = None,
) -> CompositeIndex:
    """The index of ``config`` from raw indicator values.

    ``raw`` has a ``population`` column and one column per indicator
    (:func:`dikas.climate.vulnerability.raw_indicators`).
    """
    method = normalization or config.normalization
    prepared = prepare(raw, config, index=index)
    scores = oriented_scores(prepared.values, prepared.directions, method)
    weights, group_w = prepared.weights[None, :], prepared.group_weights[None, :]
    value = aggregate_draws(prepared, config, scores, weights, group_w)[:, 0]
    frame = pd.DataFrame(index=raw.index)
    frame["population"] = raw["population"]
    for j, ind in enumerate(prepared.indicators):
        frame[f"raw_{ind.name}"] = prepared.values[:, j]
        frame[f"score_{ind.name}"] = scores[:, j]
    for g, name in enumerate(prepared.group_names):
        if config.group_aggregation == "mean" and config.aggregation == "mean":
            single = np.zeros((1, len(prepared.group_names)))
            single[0, g] = 1.0
            group = composite(scores, prepared.group_of, weights, single)[:, 0]
        else:
            group = group_scores(scores, prepared.group_of, weights, g, config.group_aggregation)[
                :, 0
            ]
        frame[f"group_{name}"] = percentile_rank(group) if config.rank_groups else group
    frame["index"] = value
    frame["rank"] = pd.Series(value, index=raw.index).rank(ascending=False, method="min")
    return CompositeIndex(
        frame=frame,
        config=config,
        index_name=index or config.index_names[0],
        normalization=method,
        indicators=prepared.indicators,
    )
