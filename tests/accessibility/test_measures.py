"""Accessibility measures against hand-computed cases and PySAL's ``access``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dikas.accessibility.measures import (
    capacities,
    cumulative_opportunities,
    enhanced_two_step_fca,
    gravity,
    nearest_travel_time,
    two_step_fca,
)
from dikas.errors import ParameterError

# Two origins (a, b), three services (x, y, z); b cannot reach z.
TT = pd.DataFrame(
    {
        "from_id": ["a", "a", "a", "b", "b", "b"],
        "to_id": ["x", "y", "z", "x", "y", "z"],
        "travel_time": [4.0, 12.0, 20.0, 9.0, 6.0, np.nan],
    }
)
SUPPLY = pd.Series({"x": 10.0, "y": 5.0, "z": 1.0})
DEMAND = pd.Series({"a": 100.0, "b": 300.0})


def test_nearest() -> None:
    assert nearest_travel_time(TT).to_dict() == {"a": 4.0, "b": 6.0}
    assert nearest_travel_time(TT, n=2).to_dict() == {"a": 12.0, "b": 9.0}
    assert nearest_travel_time(TT, n=2, aggregate="mean").to_dict() == {"a": 8.0, "b": 7.5}
    third = nearest_travel_time(TT, n=3)
    assert third["a"] == 20.0 and np.isnan(third["b"])


def test_cumulative_opportunities() -> None:
    assert cumulative_opportunities(TT, threshold_min=10).to_dict() == {"a": 1.0, "b": 2.0}
    assert cumulative_opportunities(TT, threshold_min=10, supply=SUPPLY).to_dict() == {
        "a": 10.0,
        "b": 15.0,
    }
    assert cumulative_opportunities(TT, threshold_min=1).to_dict() == {"a": 0.0, "b": 0.0}


def test_gravity() -> None:
    values = gravity(TT, beta=0.1, supply=SUPPLY)
    assert values["a"] == pytest.approx(10 * np.exp(-0.4) + 5 * np.exp(-1.2) + np.exp(-2.0))
    assert values["b"] == pytest.approx(10 * np.exp(-0.9) + 5 * np.exp(-0.6))
    assert gravity(TT, beta=0.0)["a"] == 3.0


def test_two_step_fca_by_hand() -> None:
    # T = 10: x serves a and b (400 people), y serves b (300): R_x = 10/400, R_y = 5/300.
    values = two_step_fca(TT, demand=DEMAND, supply=SUPPLY, threshold_min=10)
    assert values["a"] == pytest.approx(10 / 400)
    assert values["b"] == pytest.approx(10 / 400 + 5 / 300)
    # Total supply within reach is conserved: Σ P_i A_i = Σ S_j over served destinations.
    assert (values * DEMAND).sum() == pytest.approx(15.0)


def test_enhanced_two_step_fca_by_hand() -> None:
    zones = ((5.0, 1.0), (10.0, 0.5), (15.0, 0.25))
    values = enhanced_two_step_fca(TT, demand=DEMAND, supply=SUPPLY, zones=zones)
    # Weights: a–x 1.0, a–y 0.25, b–x 0.5, b–y 0.5; z at 20 min is outside.
    r_x = 10 / (100 * 1.0 + 300 * 0.5)
    r_y = 5 / (100 * 0.25 + 300 * 0.5)
    assert values["a"] == pytest.approx(1.0 * r_x + 0.25 * r_y)
    assert values["b"] == pytest.approx(0.5 * r_x + 0.5 * r_y)


def test_capacities_fall_back_to_counts() -> None:
    services = pd.DataFrame({"service_id": [1, 2], "capacity": [None, None]})
    assert capacities(services, id_column="service_id").tolist() == [1.0, 1.0]
    services["capacity"] = [30, 40]
    assert capacities(services, id_column="service_id").tolist() == [30.0, 40.0]
    services["capacity"] = [30, None]
    with pytest.raises(ParameterError, match="1 missing"):
        capacities(services, id_column="service_id")


def test_unknown_supply_and_demand_are_errors() -> None:
    with pytest.raises(ParameterError, match="without a supply value"):
        cumulative_opportunities(TT, threshold_min=30, supply=SUPPLY.drop("x"))
    with pytest.raises(ParameterError, match="no demand"):
        two_step_fca(TT, demand=DEMAND.drop("b"), threshold_min=10)


def _random_case(seed: int) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    rng = np.random.default_rng(seed)
    origins, destinations = [f"o{i}" for i in range(40)], [f"d{j}" for j in range(12)]
    tt = pd.DataFrame(
        [(o, d, rng.uniform(0, 25)) for o in origins for d in destinations],
        columns=["from_id", "to_id", "travel_time"],
    )
    demand = pd.Series(rng.integers(1, 500, len(origins)).astype(float), index=origins)
    supply = pd.Series(rng.integers(1, 50, len(destinations)).astype(float), index=destinations)
    return tt, demand, supply


def _pysal_access(tt: pd.DataFrame, demand: pd.Series, supply: pd.Series):
    access = pytest.importorskip("access")
    return access, access.Access(
        demand_df=demand.rename("pop").rename_axis("origin").reset_index(),
        demand_index="origin",
        demand_value="pop",
        supply_df=supply.rename("cap").rename_axis("dest").reset_index(),
        supply_index="dest",
        supply_value="cap",
        cost_df=tt,
        cost_origin="from_id",
        cost_dest="to_id",
        cost_name="travel_time",
    )


@pytest.mark.parametrize("seed", [0, 1])
def test_two_step_fca_equals_pysal_access(seed: int) -> None:
    tt, demand, supply = _random_case(seed)
    _, model = _pysal_access(tt, demand, supply)
    expected = model.two_stage_fca(max_cost=15)["2sfca_cap"]
    ours = two_step_fca(tt, demand=demand, supply=supply, threshold_min=15)
    pd.testing.assert_series_equal(
        ours.sort_index(),
        expected.reindex(ours.index).sort_index().fillna(0.0),
        check_names=False,
        check_index_type=False,
        rtol=1e-12,
    )


def test_enhanced_two_step_fca_equals_pysal_access() -> None:
    tt, demand, supply = _random_case(2)
    access, model = _pysal_access(tt, demand, supply)
    weight = access.weights.step_fn({5: 1.0, 10: 0.68, 15: 0.22})
    expected = model.enhanced_two_stage_fca(weight_fn=weight)["e2sfca_cap"]
    ours = enhanced_two_step_fca(tt, demand=demand, supply=supply)
    pd.testing.assert_series_equal(
        ours.sort_index(),
        expected.reindex(ours.index).sort_index().fillna(0.0),
        check_names=False,
        check_index_type=False,
        rtol=1e-12,
    )
