"""Population groups spread from postal areas to grid cells, and back."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dikas.accessibility.population import groups_per_area, groups_per_cell
from dikas.errors import MissingColumnError, ParameterError
from dikas.twin.aggregation import population_weighted_by_postal_code

GRID = pd.DataFrame(
    {
        "cell_id": ["a", "b", "c", "d"],
        "inhabitants": [100, 300, 50, 0],
        "postal_code": ["00100", "00100", "00200", None],
    }
)
AREAS = pd.DataFrame(
    {
        "postal_code": ["00100", "00200"],
        "inhabitants_total": [400.0, 50.0],
        "age_75_79": [20.0, 5.0],
        "age_80_84": [8.0, np.nan],
        "age_85_plus": [4.0, 1.0],
        "median_income": [25_000.0, 40_000.0],
    }
)
GROUPS = {"age_75_plus": ("age_75_79", "age_80_84", "age_85_plus")}


def test_area_counts_are_spread_by_inhabitants() -> None:
    groups = groups_per_cell(GRID, AREAS, groups=GROUPS)
    counts = groups.counts
    # 00100 has 32 people aged 75+ (20 + 8 + 4), spread 1:3 over cells a and b.
    assert counts.loc["a", "age_75_plus"] == pytest.approx(8.0)
    assert counts.loc["b", "age_75_plus"] == pytest.approx(24.0)
    assert counts.loc["c", "age_75_plus"] == pytest.approx(6.0)  # missing 80–84 counts as 0
    assert counts.loc["d", "age_75_plus"] == 0.0 and np.isnan(groups.income["d"])
    assert counts["all"].tolist() == [100, 300, 50, 0]
    assert groups.income["b"] == 25_000.0


def test_area_level_groups_and_cell_means() -> None:
    groups = groups_per_area(AREAS, groups=GROUPS)
    assert groups.counts.loc["00100"].tolist() == [400.0, 32.0]
    values = pd.Series({"a": 10.0, "b": 20.0, "c": 5.0, "d": 1.0})
    means = population_weighted_by_postal_code(values, GRID)
    assert means["00100"] == pytest.approx((100 * 10 + 300 * 20) / 400)
    assert means["00200"] == 5.0 and len(means) == 2


def test_bad_inputs() -> None:
    with pytest.raises(MissingColumnError):
        groups_per_cell(GRID, AREAS, groups={"renters": ("rented_households",)})
    with pytest.raises(ParameterError, match="one year"):
        groups_per_area(pd.concat([AREAS, AREAS]), groups=GROUPS)
