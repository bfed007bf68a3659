"""Indicator rows agree with the indicator modules and with hand counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dikas.accessibility.equity import coverage, summarize_equity
from dikas.scenarios.evaluate import access_rows, heat_rows
from dikas.sources.catalog import load_catalog


def test_access_rows_match_the_equity_module() -> None:
    rng = np.random.default_rng(4)
    index = pd.Index([f"c{i}" for i in range(40)])
    minutes = pd.Series(rng.uniform(1, 30, 40), index=index)
    minutes.iloc[:3] = np.nan
    groups = pd.DataFrame(
        {
            "all": rng.integers(10, 300, 40).astype(float),
            "elderly": rng.integers(0, 50, 40).astype(float),
        },
        index=index,
    )
    postal = pd.Series(np.where(np.arange(40) < 25, "00100", "00200"), index=index)
    city, areas = access_rows(minutes, groups, postal, service_type="school")
    summary = summarize_equity(minutes, groups, population="all")
    for group in ("all", "elderly"):
        row = city[(city["population_group"] == group)].set_index("measure")["value"]
        assert row["coverage_15min"] == pytest.approx(summary.table.loc[group, "coverage"])
        assert row["mean_minutes"] == pytest.approx(summary.table.loc[group, "mean_time"])
    assert city.set_index("measure").loc["gini_minutes", "value"] == pytest.approx(
        summary.city["gini"]
    )
    first = postal == "00100"
    expected = coverage(minutes[first], groups[first])["elderly"]
    got = areas[
        (areas["postal_code"] == "00100")
        & (areas["measure"] == "coverage_15min")
        & (areas["population_group"] == "elderly")
    ]["value"].item()
    assert got == pytest.approx(expected)


def test_heat_rows_by_hand() -> None:
    grid = pd.DataFrame(
        {
            "inhabitants": [100.0, 50.0, 20.0],
            "heat_exposure_index": [0.8, 0.5, np.nan],
            "postal_code": ["00100", "00100", "00200"],
            "age_0_9": [10.0, 5.0, 1.0],
            "age_70_79": [3.0, np.nan, 2.0],
            "age_80_plus": [1.0, 1.0, 1.0],
        }
    )
    groups = load_catalog("helsinki-demo").population_groups
    city, areas = heat_rows(grid, cutoff=0.6, groups=groups)
    values = city.set_index("measure")["value"]
    assert values["hot_residents"] == 100.0
    assert values["heat_vulnerable_residents"] == 14.0
    vulnerable = city[city["measure"] == "heat_vulnerable_residents"]
    assert vulnerable["population_group"].tolist() == ["age_0_9_and_70_plus"]
    assert values["population_weighted_heat"] == pytest.approx((80 + 25) / 150)
    hot = areas[(areas["measure"] == "hot_residents")].set_index("postal_code")["value"]
    assert hot.to_dict() == {"00100": 100.0, "00200": 0.0}
