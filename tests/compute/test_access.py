"""``dikas.compute_access`` / ``compute_equity``: the CLI's numbers, one Python call away."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import dikas
from dikas.accessibility.compute import AccessParams, EquityParams
from dikas.errors import ParameterError
from tests.cli_runner import run_dikas
from tests.compute.conftest import assert_same_rows, sha256, stored

pytestmark = pytest.mark.integration


def test_compute_access_equals_what_the_cli_stores(module_twin: Path, capsys) -> None:
    result = run_dikas(
        capsys,
        "access",
        "measures",
        "--twin",
        str(module_twin),
        "--mode",
        "bike",
        "--service-type",
        "library",
        "--service-type",
        "grocery",
    )
    assert result.returncode == 0, result.stderr
    with dikas.open(str(module_twin)) as twin:
        batch = dikas.compute_access(
            twin, {"mode": "bike", "service_types": ["library", "grocery"]}
        )
    assert batch.family == "access" and batch.level == "grid"
    assert_same_rows(batch.rows, stored(module_twin, batch.indicators))
    assert {"grid", "areas"} == set(batch.rows["level"])
    # the printed summary is the batch's summary
    summary = batch.summary["by_service_type"]
    assert list(summary["service_type"]) == ["library", "grocery"]
    assert f"{summary['median_nearest_min'].iloc[0]:.2f}" in result.stdout


def test_dataclass_and_dict_params_agree_and_unknown_keys_are_named(module_twin: Path) -> None:
    with dikas.open(str(module_twin)) as twin:
        by_dict = dikas.compute_access(twin, {"service_types": ("school",), "n": 2})
        by_class = dikas.compute_access(twin, AccessParams(service_types=("school",), n=2))
        with pytest.raises(ParameterError, match=r"'treshold'.*known: mode"):
            dikas.compute_access(twin, {"treshold": 10})
        with pytest.raises(ParameterError, match="unknown mode 'car'"):
            dikas.compute_access(twin, {"mode": "car"})
    assert by_dict.rows.equals(by_class.rows)
    assert "access_walk_nearest_2_school" in by_dict.indicators


def test_unreached_cells_stay_with_a_reason(module_twin: Path) -> None:
    with dikas.open(str(module_twin)) as twin:
        batch = dikas.compute_access(twin, {"service_types": ["library"]})
        n_cells = twin.count("grid")
    units = batch.units
    assert len(units) == n_cells and units.index.name == "cell_id"
    assert units.geometry.notna().all()
    counts = units["reason"].value_counts()
    # 5682 of 5852 demo cells lie beyond the street network; 11 more cannot be snapped
    assert counts["outside_coverage"] == 5682
    assert counts["unreachable"] >= 11
    reached = units["reason"].isna()
    assert units.loc[reached, "library_nearest_1"].notna().all()
    assert units.loc[~reached, "library_nearest_1"].isna().all()
    assert reached.sum() + counts.sum() == n_cells


def test_no_store_leaves_the_twin_untouched(twin_copy: Path, capsys) -> None:
    before = sha256(twin_copy)
    result = run_dikas(
        capsys,
        "access",
        "measures",
        "--twin",
        str(twin_copy),
        "--service-type",
        "library",
        "--no-store",
    )
    assert result.returncode == 0, result.stderr
    assert "Stored" not in result.stdout
    assert sha256(twin_copy) == before
    assert stored(twin_copy).empty


def test_compute_equity_equals_the_cli_json(module_twin: Path, tmp_path: Path, capsys) -> None:
    chart = tmp_path / "equity.png"
    result = run_dikas(
        capsys,
        "equity",
        "--twin",
        str(module_twin),
        "--service-type",
        "grocery",
        "--chart",
        str(chart),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    with dikas.open(str(module_twin)) as twin:
        batch = dikas.compute_equity(twin, EquityParams(service_types=("grocery",)))
    groups = batch.summary["groups"]
    pd.testing.assert_frame_equal(
        groups, pd.DataFrame(printed["groups"]), check_exact=True, check_dtype=False
    )
    city = batch.summary["city"].iloc[0]
    assert printed["city"][0]["gini"] == city["gini"]
    coverage = groups.set_index("group").loc["all", "coverage"]
    assert batch.value("equity_walk_grocery_coverage", "all") == coverage
    assert np.isfinite(coverage) and 0 < coverage <= 1
