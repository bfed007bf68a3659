"""`dikas info` reports each layer's size on disk (DuckDB blocks holding its columns)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from dikas.cli.twin import layer_disk_bytes
from dikas.twin.store import Twin
from tests.cli_runner import run_dikas

BLOCK = 262_144


@pytest.fixture
def twin(tmp_path: Path) -> Path:
    path = tmp_path / "twin.duckdb"
    with Twin.create(path, city="testville", build_id="b1") as created:
        rng = np.random.default_rng(0)
        created.write_layer("big", pd.DataFrame({"v": rng.random(400_000)}))
        created.write_layer("small", pd.DataFrame({"v": [1.0, 2.0]}))
    return path


def test_layer_sizes_are_whole_blocks_and_fit_in_the_file(twin: Path) -> None:
    with Twin.open(twin) as opened:
        sizes = layer_disk_bytes(opened)
    # 400,000 random doubles: 3.2 MB raw; DuckDB's float compression saves a little
    assert 2_000_000 <= sizes["big"] <= 3_200_000 + BLOCK and sizes["big"] % BLOCK == 0
    assert 0 < sizes["small"] <= BLOCK
    assert sum(sizes.values()) <= twin.stat().st_size
    with duckdb.connect(str(twin), read_only=True) as con:
        used = con.sql("SELECT used_blocks FROM pragma_database_size()").fetchone()[0]
    assert sum(sizes.values()) <= used * BLOCK


def test_info_prints_and_returns_disk_bytes(twin: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_dikas(capsys, "info", str(twin), "--json")
    assert result.returncode == 0, result.stderr
    layers = json.loads(result.stdout)["layers"]
    with Twin.open(twin) as opened:
        assert layers["big"]["disk_bytes"] == layer_disk_bytes(opened)["big"]
    text = run_dikas(capsys, "info", str(twin)).stdout
    line = next(row for row in text.splitlines() if row.strip().startswith("big"))
    assert f"{layers['big']['disk_bytes'] / 1e6:.1f} MB" in line
