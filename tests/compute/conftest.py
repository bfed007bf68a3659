"""Fixtures of the compute-layer tests: private copies of the demo twin."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dikas.twin.store import Twin


@pytest.fixture
def twin_copy(helsinki_twin: Path, tmp_path: Path) -> Path:
    """A copy of the demo twin this test may write to."""
    target = tmp_path / "twin.duckdb"
    shutil.copyfile(helsinki_twin, target)
    return target


@pytest.fixture(scope="module")
def module_twin(helsinki_twin: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo twin shared by one module's tests (CLI runs store into it)."""
    target = tmp_path_factory.mktemp("compute") / "twin.duckdb"
    shutil.copyfile(helsinki_twin, target)
    return target


def sha256(path: Path) -> str:
    """The file's checksum (a twin left untouched keeps it)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


KEY = ["indicator", "level", "unit_id", "year", "population_group"]


def stored(path: Path, indicators: list[str] | None = None) -> pd.DataFrame:
    """The twin's stored indicator rows (key, value, method, parameters), sorted by key."""
    with Twin.open(path) as twin:
        frame = twin.indicators()
    if indicators is not None:
        frame = frame[frame["indicator"].isin(indicators)]
    return frame.sort_values(KEY).reset_index(drop=True)


def as_stored(rows: pd.DataFrame) -> pd.DataFrame:
    """A batch's rows as :meth:`Twin.write_indicators` stores them, sorted by key."""
    import json

    frame = rows.copy()
    frame["unit_id"] = frame["unit_id"].astype(str)
    frame["year"] = pd.to_numeric(frame["year"]).astype("Int64")
    frame["value"] = pd.to_numeric(frame["value"]).astype("float64")
    frame["population_group"] = frame.get("population_group", "all")
    frame["population_group"] = frame["population_group"].fillna("all").astype(str)
    for column in ("parameters", "source_layers"):
        frame[column] = [
            v if isinstance(v, str) else json.dumps(v, sort_keys=True) for v in frame[column]
        ]
    return frame.sort_values(KEY).reset_index(drop=True)


def assert_same_rows(batch_rows: pd.DataFrame, stored_rows: pd.DataFrame) -> None:
    """The batch's rows are exactly the stored ones: same keys, values (bit for bit, NaN
    where NaN), methods and parameters."""
    ours = as_stored(batch_rows)
    theirs = stored_rows.sort_values(KEY).reset_index(drop=True)
    assert len(ours) == len(theirs) > 0
    for column in [*KEY, "method", "parameters", "source_layers"]:
        assert ours[column].astype(str).tolist() == theirs[column].astype(str).tolist(), column
    a, b = ours["value"].to_numpy(), theirs["value"].to_numpy()
    assert ((a == b) | (pd.isna(a) & pd.isna(b))).all()
