"""``dikas run``: an in-process pipeline of the compute functions, same files, same values."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import dikas
from dikas.cli.run import indicator_steps, segregation_groups
from tests.cli_runner import run_dikas
from tests.compute.conftest import assert_same_rows, stored

pytestmark = pytest.mark.integration

FILES = (
    "segregation_lowest_income.json",
    "segregation_renter_households.json",
    "segregation_unemployed.json",
    "segregation_trend.json",
    "segregation_trend.png",
    "lisa_lowest_income.gpkg",
    "lisa_lowest_income.png",
    "equity.json",
    "equity.png",
    "heat_areas.json",
    "heat_vulnerability.png",
    "vulnerability_areas.json",
)


def test_every_step_names_its_command() -> None:
    groups = segregation_groups("helsinki-demo")
    assert groups == [
        ("lowest_income", "lowest_income_inhabitants", "adults_income_total"),
        ("unemployed", "unemployed", "inhabitants_activity_total"),
        ("renter_households", "rented_households", "households_total"),
    ]
    steps = indicator_steps(Path("t.duckdb"), Path("out"), groups)
    assert len(steps) == 14
    assert steps[0].args[:3] == ("segregation", "--twin", "t.duckdb")
    assert {s.stdout for s in steps if s.stdout} >= {
        "segregation_lowest_income.json",
        "equity.json",
        "heat_areas.json",
    }


def test_the_main_job_stores_what_the_compute_functions_return(
    helsinki_twin: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    twin_path = out / "helsinki-demo.duckdb"
    shutil.copyfile(helsinki_twin, twin_path)
    result = run_dikas(
        capsys, "run", "--city", "helsinki-demo", "--out", str(out), "--reuse", "--no-serve"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "$ dikas access measures --twin" in result.stderr
    assert "[14/14] green infrastructure per cell" in result.stderr
    for name in FILES:
        assert (out / name).stat().st_size > 0, name
    label, group, total = segregation_groups("helsinki-demo")[0]
    with dikas.open(str(twin_path)) as twin:
        segregation = dikas.compute_segregation(
            twin, {"group": group, "total": total, "permutations": 199, "seed": 1}
        )
        walk = dikas.compute_access(twin, {"mode": "walk"})
        vulnerability = dikas.compute_vulnerability(twin, {"level": "areas"})
    printed = json.loads((out / f"segregation_{label}.json").read_text())
    assert printed["indices"] == segregation.summary["indices"]
    assert printed["p_values"] == segregation.summary["p_values"]
    assert_same_rows(walk.rows, stored(twin_path, walk.indicators))
    assert_same_rows(
        vulnerability.rows, stored(twin_path, vulnerability.indicators).query("level == 'areas'")
    )
    records = {
        r["postal_code"]: r for r in json.loads((out / "vulnerability_areas.json").read_text())
    }
    # the command's JSON has pandas' 10 significant decimals
    assert records["00100"]["heat_index"] == pytest.approx(
        vulnerability.value("vulnerability_heat", "00100"), abs=1e-10
    )
