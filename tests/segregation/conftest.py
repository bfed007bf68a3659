"""Fixtures of the segregation tests: real Paavo areas and the HSY grid (integration)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest

from tests.segregation.helpers import read_paavo


@pytest.fixture(scope="session")
def paavo_2023(data_dir: Path) -> gpd.GeoDataFrame:
    """Real Paavo 2023 postal areas of Helsinki (EPSG:3067); 00230 has no inhabitants."""
    return read_paavo(data_dir, 2023)


@pytest.fixture(scope="session")
def hsy_grid(data_dir: Path) -> gpd.GeoDataFrame:
    """The real HSY 2021 grid (5,853 cells) in EPSG:3067 with a *synthetic* group column.

    The grid has only ``inhabitants``; ``synthetic_group`` is 60 % of the inhabitants of
    cells with an occupancy rate below the median (rounded). It is a made-up group over the
    real geometry and totals, used only to check agreement with PySAL.
    """
    grid = gpd.read_file(data_dir / "pythongis_book" / "Population_grid_2021_HSY.gpkg")
    grid = grid.to_crs(3067)
    dense = grid["occupancy_rate"] < grid["occupancy_rate"].median()
    grid["synthetic_group"] = np.round(grid["inhabitants"] * dense * 0.6).astype(int)
    return grid
