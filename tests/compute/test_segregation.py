"""``dikas.compute_segregation`` and friends: the CLI's numbers, Paavo codes, no-store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dikas
from dikas.errors import ParameterError
from dikas.segregation import compute_indices, two_group_counts
from dikas.segregation.compute import SegregationParams
from tests.cli_runner import run_dikas
from tests.compute.conftest import assert_same_rows, sha256, stored

pytestmark = pytest.mark.integration
GROUP, TOTAL = "lowest_income_inhabitants", "adults_income_total"


def test_compute_segregation_equals_what_the_cli_stores_and_prints(
    module_twin: Path, capsys
) -> None:
    result = run_dikas(
        capsys,
        "segregation",
        "--twin",
        str(module_twin),
        "--group",
        GROUP,
        "--total",
        TOTAL,
        "--permutations",
        "19",
        "--seed",
        "3",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    with dikas.open(str(module_twin)) as twin:
        batch = dikas.compute_segregation(
            twin, {"group": GROUP, "total": TOTAL, "permutations": 19, "seed": 3}
        )
        areas = twin.read("areas", year=2023)
    assert_same_rows(batch.rows, stored(module_twin, batch.indicators))
    assert batch.summary["indices"] == printed["indices"]
    assert batch.summary["p_values"] == printed["p_values"]
    # an independent path: the indices of the counts read by hand
    expected = compute_indices(two_group_counts(areas, group=GROUP, total=TOTAL)).statistics()
    assert (
        batch.value("segregation_dissimilarity", "all", population_group=f"{GROUP}/{TOTAL}")
        == expected["dissimilarity"]
    )
    # units with no people are kept with a reason
    excluded = {e["unit_id"] for e in printed["excluded"]}
    assert excluded and set(batch.units.index[batch.units["reason"] == "no_data"]) == excluded


def test_paavo_codes_give_the_same_indicators(module_twin: Path) -> None:
    with dikas.open(str(module_twin)) as twin:
        by_code = dikas.compute_segregation(twin, {"group": "hr_pi_tul", "total": "hr_tuy"})
        by_name = dikas.compute_segregation(twin, SegregationParams(group=GROUP, total=TOTAL))
        areas = twin.read("areas", year=2023, columns=["postal_code", "hr_pi_tul", "hr_tuy"])
        local = dikas.compute_local_segregation(
            twin, {"group": "hr_pi_tul", "total": "hr_tuy", "seed": 0, "permutations": 9}
        )
    assert by_code.rows.equals(by_name.rows)
    assert set(by_code.rows["population_group"]) == {f"{GROUP}/{TOTAL}"}
    # the functions below the compute layer accept the codes on a twin frame too
    counts = two_group_counts(areas, group="hr_pi_tul", total="hr_tuy", id_column="postal_code")
    assert counts.n_units == by_name.summary["n_units"]
    assert local.rows["population_group"].unique().tolist() == [f"{GROUP}/{TOTAL}"]


def test_bad_parameters_are_named(module_twin: Path) -> None:
    with dikas.open(str(module_twin)) as twin:
        with pytest.raises(ParameterError, match="'grup'"):
            dikas.compute_segregation(twin, {"grup": GROUP})
        with pytest.raises(ParameterError, match="either a group and a total"):
            dikas.compute_segregation(twin, {})
        with pytest.raises(ParameterError, match="unknown level"):
            dikas.compute_segregation(twin, {"group": GROUP, "total": TOTAL, "level": "buildings"})


def test_local_and_trend_equal_the_cli(module_twin: Path, tmp_path: Path, capsys) -> None:
    layer = tmp_path / "lisa.gpkg"
    result = run_dikas(
        capsys,
        "segregation",
        "local",
        "--twin",
        str(module_twin),
        "--group",
        GROUP,
        "--total",
        TOTAL,
        "--seed",
        "2",
        "--permutations",
        "99",
        "--output",
        str(layer),
    )
    assert result.returncode == 0, result.stderr
    with dikas.open(str(module_twin)) as twin:
        local = dikas.compute_local_segregation(
            twin, {"group": GROUP, "total": TOTAL, "seed": 2, "permutations": 99}
        )
        trend = dikas.compute_segregation_trend(
            twin,
            {
                "group": GROUP,
                "total": TOTAL,
                "permutations": 49,
                "seed": 0,
                "indices": ["dissimilarity"],
            },
        )
    assert_same_rows(local.rows, stored(module_twin, local.indicators))
    assert local.units.index.name == "postal_code"
    result = run_dikas(
        capsys,
        "segregation",
        "trend",
        "--twin",
        str(module_twin),
        "--group",
        GROUP,
        "--total",
        TOTAL,
        "--index",
        "dissimilarity",
        "--permutations",
        "49",
        "--seed",
        "0",
        "--json",
    )
    printed = json.loads(result.stdout)
    change = trend.summary["changes"]["dissimilarity"]
    assert printed["change"]["dissimilarity"]["p_value"] == change.p_value
    values = trend.summary["values"]
    assert printed["indices"]["dissimilarity"] == {
        str(y): values.loc[y, "dissimilarity"] for y in trend.summary["years"]
    }


def test_no_store(twin_copy: Path, capsys) -> None:
    before = sha256(twin_copy)
    twin = str(twin_copy)
    lisa = str(twin_copy.with_name("lisa.gpkg"))
    for args in (
        ("segregation", "--twin", twin, "--group", GROUP, "--total", TOTAL),
        (
            "segregation",
            "local",
            "--twin",
            twin,
            "--group",
            GROUP,
            "--total",
            TOTAL,
            "--output",
            lisa,
            "--permutations",
            "9",
        ),
    ):
        result = run_dikas(capsys, *args, "--no-store")
        assert result.returncode == 0, result.stderr
    assert sha256(twin_copy) == before
