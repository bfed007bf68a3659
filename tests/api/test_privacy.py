"""Complementary suppression through every publishing path: one age band asked for on its
own is blanked exactly when the whole row says so, in the indicator endpoint, OGC items, the
cell profile and `dikas export`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings
from dikas.twin.store import Twin
from tests.api.small_twin import grid_frame, write_small_twin
from tests.cli_runner import run_dikas

BANDS = [
    "age_0_9",
    "age_10_19",
    "age_20_29",
    "age_30_39",
    "age_40_49",
    "age_50_59",
    "age_60_69",
    "age_70_79",
    "age_80_plus",
]
LEAKY = [20.0, 20.0, 40.0, 40.0, 20.0, 20.0, 25.0, 12.0, 3.0]
"""Bands of cell c0_8 (200 inhabitants): the 3 alone would be 200 - 197, and with the 12
beside it the pair's 15 would put it at 5 or below; the 25 goes too."""


@pytest.fixture(scope="module")
def leaky_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small twin with c0_8's bands set to :data:`LEAKY`."""
    path = write_small_twin(tmp_path_factory.mktemp("leaky") / "twin.duckdb")
    grid = grid_frame()
    grid.loc[grid["cell_id"] == "c0_8", BANDS] = LEAKY
    with Twin.open(path, read_only=False) as twin:
        twin.write_layer("grid", grid)
    return path


@pytest.fixture(scope="module")
def leaky(leaky_twin: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = ApiSettings(
        twin_path=leaky_twin,
        min_count=10,
        community_path=tmp_path_factory.mktemp("lc") / "c.sqlite",
    )
    with TestClient(create_app(settings)) as client:
        yield client


def _indicator(client: TestClient, name: str) -> dict[str, float | None]:
    response = client.get(f"/api/indicators?level=grid&indicator={name}")
    assert response.status_code == 200, response.text
    return response.json()["values"]


def test_indicator_for_one_band_hides_the_complementary_band(leaky: TestClient) -> None:
    assert _indicator(leaky, "age_80_plus")["c0_8"] is None  # 3 < 10
    assert _indicator(leaky, "age_70_79")["c0_8"] is None  # 12, but it would give the 3 away
    assert _indicator(leaky, "age_60_69")["c0_8"] is None  # 25, as 12 + 3 would bound the 3
    assert _indicator(leaky, "age_50_59")["c0_8"] == 20
    assert _indicator(leaky, "inhabitants")["c0_8"] == 200


def test_every_path_publishes_the_same_bands(
    leaky: TestClient, leaky_twin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = leaky.get("/ogc/collections/grid/items?limit=1000").json()["features"]
    ogc = pd.DataFrame([f["properties"] for f in items]).set_index("cell_id")
    for band in BANDS:
        served = pd.Series(_indicator(leaky, band), dtype=float).sort_index()
        pd.testing.assert_series_equal(
            served, ogc[band].astype(float).sort_index(), check_names=False
        )
    pyramid = leaky.get("/api/cells/c0_8/profile").json()["age_pyramid"]
    assert [b["value"] for b in pyramid] == [20, 20, 40, 40, 20, 20, None, None, None]
    out = tmp_path / "grid.csv"
    result = run_dikas(
        capsys, "export", str(leaky_twin), "--layer", "grid", "--format", "csv", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    exported = pd.read_csv(out, dtype={"cell_id": str}).set_index("cell_id")
    pd.testing.assert_frame_equal(
        exported.loc[ogc.index, BANDS].astype(float), ogc[BANDS].astype(float)
    )
