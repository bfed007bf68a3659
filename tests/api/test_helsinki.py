"""The API on the real Helsinki twin: structure, values against the twin, privacy."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import shapely
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings
from dikas.twin.store import Twin

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def helsinki(helsinki_twin: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = ApiSettings(
        twin_path=helsinki_twin, community_path=tmp_path_factory.mktemp("hc") / "c.sqlite"
    )
    with TestClient(create_app(settings)) as client:
        yield client


def test_kallio_feature_and_profile_match_the_twin(
    helsinki: TestClient, helsinki_twin: Path
) -> None:
    with Twin.open(helsinki_twin) as twin:
        row = twin.read("areas", year=2023, where={"postal_code": "00530"}).iloc[0]
    body = helsinki.get("/ogc/collections/areas/items?postal_code=00530&datetime=2023").json()
    assert body["numberMatched"] == 1
    properties = body["features"][0]["properties"]
    assert properties["name"] == row["name"]
    assert properties["inhabitants_total"] == row["inhabitants_total"]
    point = shapely.geometry.shape(body["features"][0]["geometry"]).representative_point()
    assert 24.8 < point.x < 25.3 and 60.1 < point.y < 60.4
    profile = helsinki.get("/api/areas/00530/profile").json()
    figures = {f["name"]: f for f in profile["key_figures"]}
    assert figures["inhabitants_total"]["value"] == row["inhabitants_total"]
    assert [t["year"] for t in profile["trends"]] == [2020, 2021, 2022, 2023]


def test_no_small_counts_in_grid_items(helsinki: TestClient, helsinki_twin: Path) -> None:
    with Twin.open(helsinki_twin) as twin:
        grid = twin.read("grid", columns=["cell_id", "inhabitants"])
    small = grid[(grid["inhabitants"] > 0) & (grid["inhabitants"] < 10)]
    assert len(small) > 0  # the real grid does hold such cells
    served = _grid_items(helsinki)["inhabitants"].tolist()
    assert len(served) == len(grid)
    assert not any(v is not None and 0 < v < 10 for v in served)
    values = helsinki.get("/api/indicators?indicator=inhabitants&level=grid").json()["values"]
    assert not any(v is not None and 0 < v < 10 for v in values.values())
    expected = pd.Series(values).notna().sum()
    assert expected == (grid["inhabitants"].notna() & ~grid["cell_id"].isin(small["cell_id"])).sum()


def _grid_items(helsinki: TestClient) -> pd.DataFrame:
    """Properties of every served grid cell, paged through OGC items."""
    pages, offset = [], 0
    while True:
        page = helsinki.get(f"/ogc/collections/grid/items?limit=1000&offset={offset}").json()
        pages += [f["properties"] for f in page["features"]]
        offset += 1000
        if offset >= page["numberMatched"]:
            return pd.DataFrame(pages)


def test_no_blanked_age_band_is_derivable(helsinki: TestClient) -> None:
    """Before complementary suppression 874 cells showed their total and all bands but one."""
    cells = _grid_items(helsinki)
    bands = [c for c in cells.columns if c.startswith("age_") and c != "age_suppressed"]
    assert len(bands) == 9
    shown = cells[bands].apply(pd.to_numeric)
    hidden = shown.isna().sum(axis=1)
    total = pd.to_numeric(cells["attribute_grid_inhabitants"])
    held = total - shown.sum(axis=1)
    exposed = total.notna() & ((hidden == 1) | ((hidden > 1) & (hidden < 9) & (held < 10)))
    assert not exposed.any(), cells.loc[exposed, ["cell_id", "attribute_grid_inhabitants", *bands]]
    values = helsinki.get("/api/indicators?indicator=age_80_plus&level=grid").json()["values"]
    served = pd.Series(values, dtype=float)
    assert served.reindex(cells["cell_id"]).isna().tolist() == shown["age_80_plus"].isna().tolist()


def test_central_tiles_and_isochrone(helsinki: TestClient) -> None:
    lon, lat = 24.9384, 60.1699  # Helsinki central railway station
    z = 15
    x = int((lon + 180) / 360 * 2**z)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * 2**z)
    assert len(helsinki.get(f"/api/tiles/buildings/{z}/{x}/{y}.mvt").content) > 0
    assert len(helsinki.get(f"/api/tiles/basemap_streets/{z}/{x}/{y}.mvt").content) > 0
    feature = helsinki.get(f"/api/isochrone?lon={lon}&lat={lat}&minutes=10").json()
    assert feature["properties"]["reached_nodes"] > 100
