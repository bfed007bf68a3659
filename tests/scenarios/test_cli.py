"""The scenario and optimize commands on the fixture twin, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from dikas.cli.optimize import optimize
from dikas.cli.scenario import scenario
from dikas.scenarios import load_scenario


def test_optimize_writes_a_scenario_that_run_and_compare_accept(
    fixture_twin: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    proposal = tmp_path / "proposal.yaml"
    result = runner.invoke(
        optimize,
        [
            "--twin",
            str(fixture_twin),
            "--service-type",
            "school",
            "--add",
            "1",
            "--objective",
            "p-median",
            "--threshold",
            "5",
            "--out",
            str(proposal),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output[result.output.index("{") :])
    assert payload["after"] < payload["before"]
    assert len(load_scenario(proposal).edits) == 1
    assert (
        yaml.safe_load(proposal.read_text())["edits"][0]["add_service"]["service_type"] == "school"
    )

    out = tmp_path / "proposal.duckdb"
    result = runner.invoke(
        scenario,
        [
            "run",
            str(fixture_twin),
            str(proposal),
            "--out",
            str(out),
            "--json",
            "--maps",
            str(tmp_path / "maps"),
        ],
    )
    assert result.exit_code == 0, result.output
    run = json.loads(result.output[result.output.index("{") :])
    mean = next(
        r
        for r in run["diff"]["city"]
        if r["indicator"] == "access_walk_school"
        and r["measure"] == "mean_minutes"
        and r["population_group"] == "all"
    )
    assert mean["change"] < 0
    assert run["maps"] and all(Path(p).is_file() for p in run["maps"])

    result = runner.invoke(scenario, ["compare", str(out), str(out), "--json"])
    assert result.exit_code == 0, result.output
    table = json.loads(result.output[result.output.index("{") :])
    assert len(table["scenarios"]) == 2
