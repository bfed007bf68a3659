"""The social indicators a scenario moves, for the city and per postal area.

Each function returns long rows ``indicator, measure, population_group, value`` (plus
``postal_code`` for areas) so that a "before" and an "after" table line up key by key:

* **accessibility** of a service type: walking minutes to the nearest service per grid cell
  (:mod:`dikas.scenarios.nearest`), summarized per population group as the group-weighted
  mean time, the share within the 15-minute threshold
  (:func:`dikas.accessibility.equity.coverage`) and, for the city, the number of residents
  within it (what a what-if summary states), and the Gini coefficient of travel time
  over all residents (:func:`dikas.accessibility.equity.gini`);
* **segregation** over the year's postal areas: dissimilarity, isolation and entropy of each
  population group the catalog marks for ``segregation`` (lowest-income adults of
  ``adults_income_total``, rented households of ``households_total``), multigroup
  dissimilarity of its ``income_class`` groups (:mod:`dikas.segregation`); per area the
  groups' shares;
* **heat**: residents of *hot cells* (heat exposure index at or above the base twin's 90th
  percentile of city cells, :func:`dikas.climate.heat.hottest_cells`; the cut-off stays fixed
  so that cooling shows), of whom *heat-vulnerable* are the catalog's ``heat_sensitive``
  group (children under 10 and people aged 70+: grid bands ``age_0_9``, ``age_70_79``,
  ``age_80_plus``), and the population-weighted mean heat exposure;
* **flood**: residents in each hazard class (:func:`dikas.climate.flood.flood_exposure`).
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy import sparse

from dikas.accessibility.equity import gini
from dikas.climate.flood import flood_exposure
from dikas.climate.heat import hottest_cells
from dikas.segregation.indices import compute_index
from dikas.segregation.units import multigroup_counts, two_group_counts
from dikas.sources.catalog import PopulationGroup
from dikas.twin.groups import used_for

THRESHOLD_MIN = 15.0
"""Coverage threshold: the 15-minute city."""
HOT_QUANTILE = 0.9
"""Cells at or above this quantile of the base twin's heat index are hot."""
TWO_GROUP_INDICES = ("dissimilarity", "isolation", "entropy")

CITY_COLUMNS = ["indicator", "measure", "population_group", "value"]
AREA_COLUMNS = ["postal_code", *CITY_COLUMNS]


def long_rows(frame: pd.DataFrame, *, indicator: str, measure: str) -> pd.DataFrame:
    """Rows from a (postal_code × group) frame of values."""
    long = (
        frame.rename_axis(index="postal_code", columns="population_group")
        .stack(future_stack=True)
        .rename("value")
        .reset_index()
    )
    long["indicator"] = indicator
    long["measure"] = measure
    return long[AREA_COLUMNS]


def _area_rows(
    values: np.ndarray, areas: np.ndarray, groups: list[str], *, indicator: str, measure: str
) -> pd.DataFrame:
    """Rows from an ``(n_areas, n_groups)`` array."""
    return pd.DataFrame(
        {
            "postal_code": np.repeat(areas, len(groups)),
            "indicator": indicator,
            "measure": measure,
            "population_group": np.tile(groups, len(areas)),
            "value": values.ravel(),
        }
    )[AREA_COLUMNS]


def access_rows(
    minutes: pd.Series,
    groups: pd.DataFrame,
    postal_code: pd.Series,
    *,
    service_type: str,
    threshold_min: float = THRESHOLD_MIN,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """City and area rows of accessibility to ``service_type`` by population group.

    ``minutes`` (per cell, ``NaN``: no service reachable), ``groups`` (group counts per cell,
    the whole population first) and ``postal_code`` (per cell) share one index. Per group
    *g*: coverage :math:`\\sum_i g_i [t_i \\le T] / \\sum_i g_i` (as
    :func:`dikas.accessibility.equity.coverage`) and mean time
    :math:`\\sum_i g_i t_i / \\sum_i g_i` over cells with a reachable service.
    """
    indicator = f"access_walk_{service_type}"
    names = [str(c) for c in groups.columns]
    time = minutes.reindex(groups.index).to_numpy(float)
    counts = groups.fillna(0.0).to_numpy(float)
    reached = np.isfinite(time)
    within = (reached & (time <= threshold_min)).astype(float)
    timed = np.where(reached, time, 0.0)
    code, areas = pd.factorize(postal_code.reindex(groups.index).astype(str))
    members = sparse.csr_array(
        (np.ones(len(code)), (code, np.arange(len(code)))), shape=(len(areas), len(code))
    )
    sums = {
        "total": counts,
        "within": counts * within[:, None],
        "reached": counts * reached[:, None],
        "timed": counts * timed[:, None],
    }
    city_sums = {k: v.sum(axis=0) for k, v in sums.items()}
    area_sums = {k: members @ v for k, v in sums.items()}
    with np.errstate(invalid="ignore", divide="ignore"):
        city_cover = city_sums["within"] / city_sums["total"]
        city_mean = city_sums["timed"] / np.where(
            city_sums["reached"] > 0, city_sums["reached"], np.nan
        )
        area_cover = area_sums["within"] / np.where(
            area_sums["total"] > 0, area_sums["total"], np.nan
        )
        area_mean = area_sums["timed"] / np.where(
            area_sums["reached"] > 0, area_sums["reached"], np.nan
        )
    measure = f"coverage_{threshold_min:g}min"
    city = [(measure, g, float(v)) for g, v in zip(names, city_cover, strict=True)]
    city += [("mean_minutes", g, float(v)) for g, v in zip(names, city_mean, strict=True)]
    city += [
        (f"residents_within_{threshold_min:g}min", g, float(v))
        for g, v in zip(names, city_sums["within"], strict=True)
    ]
    weights = counts[:, 0]
    if (weights[reached] > 0).any():
        city.append(("gini_minutes", names[0], gini(time[reached], weights[reached])))
    city_rows = pd.DataFrame(city, columns=["measure", "population_group", "value"])
    city_rows.insert(0, "indicator", indicator)
    area_rows = pd.concat(
        [
            _area_rows(area_cover, np.asarray(areas), names, indicator=indicator, measure=measure),
            _area_rows(
                area_mean, np.asarray(areas), names, indicator=indicator, measure="mean_minutes"
            ),
        ],
        ignore_index=True,
    )
    return city_rows[CITY_COLUMNS], area_rows


def segregation_rows(
    areas: pd.DataFrame, groups: Sequence[PopulationGroup]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """City rows (indices) and area rows (group shares) of residential segregation.

    Two-group indices for each of ``groups`` used for ``segregation`` at the areas level
    (its single column against its total), multigroup dissimilarity of the ``income_class``
    groups; groups whose columns ``areas`` lacks are left out.
    """
    city: list[tuple[str, str, str, float]] = []
    shares = {}
    for member in used_for(groups, "segregation", level="areas"):
        name, group, total = member.id, member.columns[0], member.total
        if len(member.columns) != 1 or total is None or not {group, total} <= set(areas.columns):
            continue
        counts = two_group_counts(areas, group=group, total=total, id_column="postal_code")
        city += [
            ("segregation", index, name, compute_index(index, counts).statistic)
            for index in TWO_GROUP_INDICES
        ]
        shares[name] = (
            areas[group].astype(float) / areas[total].astype(float).replace(0.0, np.nan)
        ).to_numpy()
    income_classes = [c for g in used_for(groups, "income_class", level="areas") for c in g.columns]
    if len(income_classes) > 1 and set(income_classes) <= set(areas.columns):
        classes = multigroup_counts(areas, groups=income_classes, id_column="postal_code")
        city.append(
            (
                "segregation",
                "multigroup_dissimilarity",
                "income_classes",
                compute_index("multigroup_dissimilarity", classes).statistic,
            )
        )
    city_rows = pd.DataFrame(city, columns=CITY_COLUMNS)
    frame = pd.DataFrame(shares, index=pd.Index(areas["postal_code"].astype(str)))
    return city_rows, long_rows(frame, indicator="segregation", measure="group_share")


def hot_cutoff(heat: pd.Series, residents: pd.Series) -> float:
    """The heat index at the base twin's :data:`HOT_QUANTILE` of cells with heat data."""
    return hottest_cells(heat, residents, quantile=HOT_QUANTILE).cutoff


def heat_rows(
    grid: pd.DataFrame, *, cutoff: float, groups: Sequence[PopulationGroup]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Residents and heat-vulnerable residents of hot cells; population-weighted heat.

    ``grid`` holds the city's cells (``inhabitants``, ``heat_exposure_index``,
    ``postal_code`` and the age bands of the ``heat_sensitive`` group of ``groups``, the
    first such group at grid level; without one, only residents and mean heat).
    """
    heat = grid["heat_exposure_index"].astype(float)
    residents = grid["inhabitants"].astype(float).fillna(0.0)
    vulnerable = used_for(groups, "heat_sensitive", level="grid")[:1]
    sensitive = (
        grid[[c for g in vulnerable for c in g.columns if c in grid]].astype(float).fillna(0.0)
    )
    hot = (heat >= cutoff).astype(float)
    has_heat = heat.notna()
    per_cell = pd.DataFrame(
        {
            "hot_residents": residents * hot,
            "heat_vulnerable_residents": sensitive.sum(axis=1) * hot,
            "_weighted_heat": (residents * heat).where(has_heat, 0.0),
            "_weight": residents.where(has_heat, 0.0),
        }
    )
    totals = per_cell.sum()
    counted = [("hot_residents", "all")] + [("heat_vulnerable_residents", g.id) for g in vulnerable]
    city = [("heat", measure, group, float(totals[measure])) for measure, group in counted]
    city.append(
        (
            "heat",
            "population_weighted_heat",
            "all",
            float(totals["_weighted_heat"] / totals["_weight"]) if totals["_weight"] else np.nan,
        )
    )
    by_area = per_cell.groupby(grid["postal_code"].astype(str)).sum()
    area_rows = []
    for measure, group in counted:
        area_rows.append(
            long_rows(
                by_area[[measure]].set_axis([group], axis=1), indicator="heat", measure=measure
            )
        )
    weighted = (by_area["_weighted_heat"] / by_area["_weight"].replace(0.0, np.nan)).to_frame("all")
    area_rows.append(long_rows(weighted, indicator="heat", measure="population_weighted_heat"))
    return pd.DataFrame(city, columns=CITY_COLUMNS), pd.concat(area_rows, ignore_index=True)


def flood_rows(
    grid: gpd.GeoDataFrame, hazard: gpd.GeoDataFrame, *, class_column: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Residents per flood hazard class, for the city and per postal area."""
    exposure = flood_exposure(
        hazard, class_column=class_column, cells=grid, population="inhabitants"
    )
    city = pd.DataFrame(
        {
            "indicator": "flood",
            "measure": "exposed_residents",
            "population_group": [f"class_{c}" for c in exposure.by_class.index],
            "value": exposure.by_class["residents"].to_numpy(float),
        }
    )
    cells = exposure.cells
    area = grid["postal_code"].astype(str).reindex(cells["unit"]).to_numpy()
    by_area = cells.assign(postal_code=area).pivot_table(
        index="postal_code",
        columns="hazard_class",
        values="residents",
        aggfunc="sum",
        fill_value=0.0,
    )
    by_area.columns = [f"class_{c}" for c in by_area.columns]
    return city[CITY_COLUMNS], long_rows(by_area, indicator="flood", measure="exposed_residents")
