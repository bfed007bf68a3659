"""Scenario batches: one task per scenario, the same results here and on a Dask cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from dikas.scenarios.batch import run_scenarios
from dikas.scenarios.run import run_scenario
from tests.cli_runner import run_dikas
from tests.dask_cluster import loopback_cluster

SCENARIOS = [
    {
        "name": "a health station",
        "edits": [
            {"add_service": {"service_type": "health_station", "x": 385150.0, "y": 6671880.0}}
        ],
    },
    {
        "name": "homes",
        "edits": [
            {
                "add_housing": {
                    "x": 385700.0,
                    "y": 6671200.0,
                    "dwellings": 100,
                    "residents": 200,
                    "income_shares": {"lowest": 1.0, "middle": 0.0, "highest": 0.0},
                }
            }
        ],
    },
    {
        "name": "both",
        "edits": [
            {"add_service": {"service_type": "health_station", "x": 385150.0, "y": 6671880.0}},
            {
                "add_housing": {
                    "x": 385700.0,
                    "y": 6671200.0,
                    "dwellings": 100,
                    "residents": 200,
                    "income_shares": {"lowest": 1.0, "middle": 0.0, "highest": 0.0},
                }
            },
        ],
    },
]


def _comparable(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "out"}


def test_a_local_batch_equals_the_scenarios_run_one_by_one(fixture_twin: Path) -> None:
    batch = run_scenarios(fixture_twin, SCENARIOS, progress=False)
    for spec, result in zip(SCENARIOS, batch, strict=True):
        alone = run_scenario(fixture_twin, spec).to_dict()
        alone["provenance"].pop("computed_at")
        assert _comparable(result) == _comparable(alone)
    assert [r["name"] for r in batch] == ["a health station", "homes", "both"]


def test_a_batch_on_a_dask_cluster_equals_the_local_batch(
    fixture_twin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for n, spec in enumerate(SCENARIOS):
        path = tmp_path / f"s{n}.yaml"
        path.write_text(yaml.safe_dump(spec), "utf-8")
        files.append(str(path))
    local = run_scenarios(fixture_twin, files, progress=False)
    with loopback_cluster(tmp_path / "dask") as cluster:
        remote = run_scenarios(fixture_twin, files, dask_address=cluster.address, progress=False)
        cli = run_dikas(
            capsys,
            "scenario",
            "batch",
            str(fixture_twin),
            *files,
            "--json",
            "--dask",
            cluster.address,
        )
    assert remote == local
    assert cli.returncode == 0 and json.loads(cli.stdout) == local
    assert local[2]["provenance"]["base_twin"] == str(fixture_twin)


def test_a_batch_of_files_keeps_each_files_checksum(fixture_twin: Path, tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text(yaml.safe_dump(SCENARIOS[0]), "utf-8")
    [batched] = run_scenarios(fixture_twin, [path], progress=False)
    alone = run_scenario(fixture_twin, path).to_dict()
    assert batched["provenance"]["scenario_sha256"] == alone["provenance"]["scenario_sha256"]
