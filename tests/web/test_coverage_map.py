"""The map says where an indicator's source reaches: outside cells apart, an outline, a legend.

A copy of the demo twin gets a walk-time indicator stored for the cells inside the street
network's reach only (as `dikas access measures` stores it); the map then colours the cells
outside the reach apart, draws the reach as a dashed outline and counts each no-data reason
in the legend.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import numpy as np
import pandas as pd
import pytest

from dikas.twin.source_coverage import units_outside
from dikas.twin.store import Twin
from tests.web.conftest import open_app, save_screenshot, serving, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.integration]

INDICATOR = "access_walk_nearest_1_school"


@pytest.fixture(scope="module")
def covered_server(helsinki_twin: Path, tmp_path_factory: pytest.TempPathFactory):
    from dikas.api.app import create_app
    from dikas.api.settings import ApiSettings

    folder = tmp_path_factory.mktemp("coverage")
    twin_path = folder / "twin.duckdb"
    shutil.copyfile(helsinki_twin, twin_path)
    with Twin.open(twin_path, read_only=False) as twin:
        outside = units_outside(twin, level="grid", kind="street_network")
        cells = twin.read("grid", columns=["cell_id"])["cell_id"].astype(str)
        inside = sorted(set(cells) - outside)
        values = np.linspace(2.0, 20.0, len(inside))
        twin.write_indicators(
            pd.DataFrame(
                {
                    "indicator": INDICATOR,
                    "level": "grid",
                    "unit_id": inside,
                    "year": pd.NA,
                    "value": values,
                    "method": "test: walk minutes inside the network's reach",
                }
            )
        )
    app = create_app(
        ApiSettings(twin_path=twin_path, community_path=folder / "c.sqlite", seed_tiles=0)
    )
    with serving(app, ready_path="/api/meta", timeout_s=120) as url:
        yield url, len(outside), len(inside)


def test_cells_outside_the_network_are_drawn_apart_and_counted(browser, covered_server) -> None:
    url, n_outside, n_inside = covered_server
    response = httpx.get(
        f"{url}/api/indicators", params={"indicator": INDICATOR, "level": "grid"}
    ).json()
    assert response["coverage"] == "street_network"
    assert len(response["missing"]["outside_coverage"]) == n_outside
    assert "suppressed" not in response["missing"]
    context, page, _ = open_app(browser, url)
    try:
        page.evaluate("key => dikas.chooseIndicator(key)", f"grid|{INDICATOR}")
        wait_until(
            page,
            f"document.body.dataset.choropleth === 'grid:{INDICATOR}:2023' || "
            f"document.body.dataset.choropleth.startsWith('grid:{INDICATOR}')",
        )
        legend = page.inner_text("#legend")
        assert (
            f"outside coverage: the street network reaches only the dashed outline "
            f"({n_outside:,})" in legend
        )
        assert "suppressed" not in legend
        outline = page.evaluate("JSON.stringify(window.dikas.map.getFilter('coverage-outline'))")
        assert "street_network" in outline
        save_screenshot(page, "coverage-outline")
    finally:
        context.close()
    assert n_inside > 100
