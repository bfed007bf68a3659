"""Accessibility measures per origin, from a travel-time table.

Every function takes a travel-time table with columns ``from_id``, ``to_id`` and
``travel_time`` (minutes; ``NaN`` or a missing row = not reachable), as written by
:meth:`dikas.accessibility.network.StreetNetwork.travel_time_matrix` or r5py, and returns a
:class:`pandas.Series` indexed by ``from_id`` with one value per origin in the table.

Notation: origin *i*, destination *j*, travel time :math:`t_{ij}` (minutes), supply
:math:`S_j` (a capacity, or 1 per service when there is none: the measure then counts
services), demand :math:`P_i` (population at the origin).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from dikas.errors import MissingColumnError, ParameterError

DEFAULT_GRAVITY_BETA = 0.1
"""Default decay of the gravity measure, per minute: a service 7 minutes away weighs half as
much as one at the door (exp(-0.1 · 7) ≈ 0.5), a common value for walking trips to local
services (cf. Iacono, Krizek & El-Geneidy 2010, *J. Transport Geography* 18(1))."""

DEFAULT_E2SFCA_ZONES: tuple[tuple[float, float], ...] = ((5.0, 1.0), (10.0, 0.68), (15.0, 0.22))
"""Travel-time zones (upper bound in minutes, weight) of the enhanced 2SFCA. The weights are
Luo & Qi's (2009) Gaussian weights (1.00, 0.68, 0.22), here on 5-minute zones up to the
15-minute catchment instead of their 10-minute driving zones up to 30 minutes."""

_COLUMNS = ("from_id", "to_id", "travel_time")


def _validated(travel_times: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in _COLUMNS if c not in travel_times.columns]
    if missing:
        raise MissingColumnError(f"travel-time table lacks column(s) {missing}")
    return travel_times[list(_COLUMNS)]


def _origins(travel_times: pd.DataFrame) -> pd.Index:
    return pd.Index(pd.unique(travel_times["from_id"]), name="from_id")


def _reachable(travel_times: pd.DataFrame, threshold_min: float | None = None) -> pd.DataFrame:
    table = _validated(travel_times)
    keep = table["travel_time"].notna()
    if threshold_min is not None:
        keep &= table["travel_time"] <= threshold_min
    return table[keep]


def _supply_of(table: pd.DataFrame, supply: pd.Series | None) -> pd.Series:
    """Supply of each row's destination; 1 per service when ``supply`` is None."""
    if supply is None:
        return pd.Series(1.0, index=table.index)
    values = table["to_id"].map(supply)
    unknown = values.isna() & ~table["to_id"].isin(supply.index)
    if unknown.any():
        raise ParameterError(
            f"{int(unknown.sum())} travel times lead to destinations without "
            f"a supply value, e.g. {table.loc[unknown, 'to_id'].iloc[0]!r}"
        )
    return values.fillna(0.0).astype(float)


def capacities(
    destinations: pd.DataFrame, *, id_column: str, capacity_column: str | None = "capacity"
) -> pd.Series:
    """Supply per destination: its capacity, or 1 (a count) when no capacity is known.

    If ``capacity_column`` is absent or entirely empty (OSM services have no capacities),
    every destination counts as 1. A column that is only partly filled is an error, since
    mixing capacities and counts would make the measure meaningless.
    """
    ids = destinations[id_column].to_numpy()
    if (
        capacity_column is None
        or capacity_column not in destinations.columns
        or (destinations[capacity_column].isna().all())
    ):
        return pd.Series(1.0, index=pd.Index(ids, name="to_id"), name="supply")
    values = pd.to_numeric(destinations[capacity_column], errors="coerce")
    if values.isna().any() or (values < 0).any():
        raise ParameterError(
            f"capacity column {capacity_column!r} has "
            f"{int(values.isna().sum())} missing and "
            f"{int((values < 0).sum())} negative values"
        )
    return pd.Series(values.to_numpy(float), index=pd.Index(ids, name="to_id"), name="supply")


def nearest_travel_time(
    travel_times: pd.DataFrame, *, n: int = 1, aggregate: Literal["nth", "mean"] = "nth"
) -> pd.Series:
    """Travel time to the nearest, or to the ``n`` nearest, destinations.

    ``aggregate="nth"`` gives :math:`t_{i(n)}`, the time to the *n*-th nearest destination
    (``n=1``: the nearest); ``"mean"`` gives :math:`\\frac1n\\sum_{k\\le n} t_{i(k)}`, the mean
    time to the ``n`` nearest. ``NaN`` where fewer than ``n`` destinations are reached.
    """
    if n < 1:
        raise ParameterError(f"n must be at least 1, not {n}")
    if aggregate not in ("nth", "mean"):
        raise ParameterError(f"aggregate must be 'nth' or 'mean', not {aggregate!r}")
    origins = _origins(travel_times)
    table = _reachable(travel_times).sort_values(["from_id", "travel_time"], kind="stable")
    nearest = table.groupby("from_id", sort=False).head(n)
    counts = nearest.groupby("from_id", sort=False)["travel_time"].count()
    statistic = (
        nearest.groupby("from_id", sort=False)["travel_time"].max()
        if aggregate == "nth"
        else nearest.groupby("from_id", sort=False)["travel_time"].mean()
    )
    statistic = statistic[counts >= n]
    return statistic.reindex(origins).rename(f"nearest_{n}_{aggregate}")


def cumulative_opportunities(
    travel_times: pd.DataFrame, *, threshold_min: float, supply: pd.Series | None = None
) -> pd.Series:
    """Opportunities reachable within ``threshold_min``: :math:`A_i = \\sum_j S_j\\,
    [t_{ij} \\le T]` (Wachs & Kumagai 1973, *Socio-Econ. Plan. Sci.* 7(5))."""
    table = _reachable(travel_times, threshold_min)
    values = _supply_of(table, supply).groupby(table["from_id"]).sum()
    return values.reindex(_origins(travel_times), fill_value=0.0).rename("cumulative")


def gravity(
    travel_times: pd.DataFrame,
    *,
    beta: float = DEFAULT_GRAVITY_BETA,
    supply: pd.Series | None = None,
    threshold_min: float | None = None,
) -> pd.Series:
    """Gravity accessibility with a negative-exponential decay (Hansen 1959, *J. Am. Inst.
    Planners* 25(2)): :math:`A_i = \\sum_j S_j\\, e^{-\\beta t_{ij}}`, over destinations within
    ``threshold_min`` when given. Default :data:`DEFAULT_GRAVITY_BETA` per minute."""
    if beta < 0:
        raise ParameterError(f"beta must not be negative, not {beta}")
    table = _reachable(travel_times, threshold_min)
    weighted = _supply_of(table, supply) * np.exp(-beta * table["travel_time"])
    values = weighted.groupby(table["from_id"]).sum()
    return values.reindex(_origins(travel_times), fill_value=0.0).rename("gravity")


def two_step_fca(
    travel_times: pd.DataFrame,
    *,
    demand: pd.Series,
    threshold_min: float,
    supply: pd.Series | None = None,
) -> pd.Series:
    """Two-step floating catchment area (Luo & Wang 2003, *Environ. Plan. B* 30(6)).

    Step 1, per destination: :math:`R_j = S_j / \\sum_{k: t_{kj} \\le T} P_k`; step 2, per
    origin: :math:`A_i = \\sum_{j: t_{ij} \\le T} R_j`, supply per inhabitant. Destinations whose
    catchment holds nobody contribute nothing.
    """
    return _floating_catchment(
        travel_times,
        demand=demand,
        supply=supply,
        weights=((float(threshold_min), 1.0),),
        name="2sfca",
    )


def enhanced_two_step_fca(
    travel_times: pd.DataFrame,
    *,
    demand: pd.Series,
    supply: pd.Series | None = None,
    zones: Sequence[tuple[float, float]] = DEFAULT_E2SFCA_ZONES,
) -> pd.Series:
    """Enhanced 2SFCA with travel-time zone weights (Luo & Qi 2009, *Health & Place* 15(4)).

    With :math:`W(t)` the weight of the zone holding *t* (0 beyond the last zone):
    :math:`R_j = S_j / \\sum_k P_k W(t_{kj})` and :math:`A_i = \\sum_j R_j W(t_{ij})`.
    ``zones`` are (upper bound in minutes, weight) pairs in increasing order; default
    :data:`DEFAULT_E2SFCA_ZONES`.
    """
    return _floating_catchment(
        travel_times,
        demand=demand,
        supply=supply,
        weights=tuple((float(b), float(w)) for b, w in zones),
        name="e2sfca",
    )


def _floating_catchment(
    travel_times: pd.DataFrame,
    *,
    demand: pd.Series,
    supply: pd.Series | None,
    weights: tuple[tuple[float, float], ...],
    name: str,
) -> pd.Series:
    bounds = np.array([b for b, _ in weights])
    if len(bounds) == 0 or np.any(np.diff(bounds) <= 0) or bounds[0] <= 0:
        raise ParameterError("catchment zones need increasing, positive upper bounds")
    table = _reachable(travel_times, float(bounds[-1])).copy()
    zone = np.searchsorted(bounds, table["travel_time"].to_numpy(), side="left")
    table["weight"] = np.array([w for _, w in weights])[zone]
    population = table["from_id"].map(demand)
    if population.isna().any():
        raise ParameterError(
            f"no demand (population) for origin {table.loc[population.isna(), 'from_id'].iloc[0]!r}"
        )
    table["weighted_demand"] = population.astype(float) * table["weight"]
    table["supply"] = _supply_of(table, supply)
    catchment = table.groupby("to_id")["weighted_demand"].sum()
    ratio = table.groupby("to_id")["supply"].first() / catchment
    ratio = ratio.where(catchment > 0, 0.0)
    values = (table["to_id"].map(ratio) * table["weight"]).groupby(table["from_id"]).sum()
    return values.reindex(_origins(travel_times), fill_value=0.0).rename(name)


def measure_table(
    travel_times: pd.DataFrame,
    *,
    n: int = 3,
    threshold_min: float = 15.0,
    beta: float = DEFAULT_GRAVITY_BETA,
    supply: pd.Series | None = None,
    demand: pd.Series | None = None,
    zones: Sequence[tuple[float, float]] = DEFAULT_E2SFCA_ZONES,
) -> pd.DataFrame:
    """Every measure of this module for one set of destinations, one column each.

    Columns: ``nearest_1`` and ``nearest_{n}`` (minutes to the nearest and the *n*-th
    nearest), ``mean_nearest_{n}``, ``cumulative_{T}min``, ``gravity`` and, when ``demand``
    is given, ``2sfca_{T}min`` and ``e2sfca``.
    """
    columns = {"nearest_1": nearest_travel_time(travel_times, n=1)}
    if n > 1:
        columns[f"nearest_{n}"] = nearest_travel_time(travel_times, n=n)
        columns[f"mean_nearest_{n}"] = nearest_travel_time(travel_times, n=n, aggregate="mean")
    columns[f"cumulative_{threshold_min:g}min"] = cumulative_opportunities(
        travel_times, threshold_min=threshold_min, supply=supply
    )
    columns["gravity"] = gravity(travel_times, beta=beta, supply=supply)
    if demand is not None:
        columns[f"2sfca_{threshold_min:g}min"] = two_step_fca(
            travel_times, demand=demand, supply=supply, threshold_min=threshold_min
        )
        columns["e2sfca"] = enhanced_two_step_fca(
            travel_times, demand=demand, supply=supply, zones=zones
        )
    return pd.DataFrame(columns)
