"""The optimizer finds the known optima of small problems solved by hand."""

from __future__ import annotations

import numpy as np
import pytest

from dikas.errors import ParameterError
from dikas.scenarios.optimize import greedy, objective_value, solve

FAR = 99.0


def _cover(sets: list[set[int]], n: int) -> np.ndarray:
    """Cost 5 where a candidate covers a demand point, FAR elsewhere."""
    return np.array([[5.0 if d in s else FAR for s in sets] for d in range(n)])


def test_maximal_coverage_by_hand() -> None:
    cost = _cover([{0, 1}, {2}, {1, 3}], 4)
    weights = np.array([10.0, 20.0, 30.0, 40.0])
    none = np.full(4, np.inf)
    assert solve("coverage", cost, weights, none, 1, radius=10).chosen == (2,)
    two = solve("coverage", cost, weights, none, 2, radius=10)
    assert set(two.chosen) == {1, 2} and two.after == 90 and two.before == 0
    assert two.chosen[0] == 2 and two.gains == (60.0, 30.0)
    # An existing service already covering demand 3 makes candidate 0 the best single site.
    existing = np.array([np.inf, np.inf, np.inf, 3.0])
    weights[0] = 15.0
    one = solve("coverage", cost, weights, existing, 1, radius=10)
    assert one.chosen == (0,) and one.before == 40 and one.after == 75


def test_exact_beats_greedy_where_greedy_is_known_to_fail() -> None:
    # A covers {1, 2, 4} (weight 11), B {0, 1} and C {2, 3} (10 each): greedy takes A then
    # one of B/C (16); the optimum is B + C (20).
    cost = _cover([{1, 2, 4}, {0, 1}, {2, 3}], 5)
    weights = np.array([5.0, 5.0, 5.0, 5.0, 1.0])
    none = np.full(5, np.inf)
    exact = solve("coverage", cost, weights, none, 2, radius=10)
    assert set(exact.chosen) == {1, 2} and exact.after == 20 and "exact" in exact.method
    heuristic = solve("coverage", cost, weights, none, 2, radius=10, max_exact_pairs=0)
    assert heuristic.method == "greedy" and heuristic.after == 16
    assert greedy("coverage", cost, weights, none, 2, radius=10)[0] == 0


def test_p_median_by_hand() -> None:
    x = np.array([0.0, 1.0, 10.0])
    cost = np.abs(x[:, None] - x[None, :])
    weights = np.ones(3)
    none = np.full(3, np.inf)
    one = solve("p-median", cost, weights, none, 1)
    assert one.chosen == (1,) and one.after == 10.0
    two = solve("p-median", cost, weights, none, 2)
    assert 2 in two.chosen and two.after == 1.0
    # An existing service at 10 leaves the median to serve 0 and 1.
    existing = np.array([10.0, 9.0, 0.0])
    assert solve("p-median", cost, weights, existing, 1).after == 1.0
    assert objective_value("p-median", cost, weights, existing, [], radius=15) == 19.0


def test_bad_requests() -> None:
    with pytest.raises(ParameterError, match="cannot choose 4"):
        solve("coverage", np.zeros((2, 3)), np.ones(2), np.zeros(2), 4)
    with pytest.raises(ParameterError, match="unknown objective"):
        solve("palma", np.zeros((2, 3)), np.ones(2), np.zeros(2), 1)  # type: ignore[arg-type]
