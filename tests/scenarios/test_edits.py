"""Each edit changes exactly what it should."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.errors import ConfigError
from dikas.scenarios.cooling import CoolingModel, greening_effect
from dikas.scenarios.housing import band_overlap, compose
from dikas.sources.catalog import load_catalog
from dikas.twin.groups import column_sums, used_for
from tests.scenarios.conftest import GRID_AGES, PAAVO_AGES, X0, Y0, areas_layer, grid_layer

ACCESS_GROUPS = column_sums(used_for(load_catalog("helsinki-demo").population_groups, "access"))


def test_age_bands_map_to_decades_by_shared_years() -> None:
    matrix = band_overlap(["age_7_12", "age_85_plus"], ["age_0_9", "age_10_19", "age_80_plus"])
    assert matrix == pytest.approx(np.array([[3 / 6, 3 / 6, 0.0], [0.0, 0.0, 1.0]]))


def test_development_adds_exactly_its_residents() -> None:
    grid = grid_layer()
    areas = areas_layer(grid)
    area = areas.iloc[0].drop("geometry")
    city = areas.drop(columns="geometry").select_dtypes("number").sum()
    ages = dict.fromkeys(PAAVO_AGES, 0.0)
    ages.update({"age_30_34": 0.5, "age_0_2": 0.25, "age_80_84": 0.25})
    c = compose(
        residents=1000,
        dwellings=400,
        area=area,
        city=city,
        grid_age_columns=GRID_AGES,
        cell_id="c00",
        age_shares=ages,
        groups=ACCESS_GROUPS,
        income_shares={"lowest": 0.5, "middle": 0.3, "highest": 0.2},
        social_rental_share=0.3,
    )
    assert c.areas["inhabitants_total"] == 1000
    assert sum(c.areas[b] for b in PAAVO_AGES) == pytest.approx(1000)
    assert c.areas["adults_income_total"] == pytest.approx(750)  # 30–34 and 80–84 bands
    assert c.areas["lowest_income_inhabitants"] == pytest.approx(375)
    assert c.grid["inhabitants"] == 1000
    assert c.grid["age_0_9"] == pytest.approx(250) and c.grid["age_80_plus"] == pytest.approx(250)
    assert sum(c.grid[b] for b in GRID_AGES) == pytest.approx(1000)
    tenure = [
        c.areas[k]
        for k in ("owner_occupied_households", "rented_households", "other_tenure_households")
    ]
    assert sum(tenure) == pytest.approx(400)
    local_rented = area["rented_households"] / (
        area["owner_occupied_households"]
        + area["rented_households"]
        + area["other_tenure_households"]
    )
    assert c.areas["rented_households"] == pytest.approx(400 * (0.3 + 0.7 * local_rented))
    assert c.groups["all"] == 1000
    assert c.groups["age_0_6"] == pytest.approx(250)
    assert c.groups["lowest_income"] == pytest.approx(375)


def test_shares_must_sum_to_one() -> None:
    grid = grid_layer()
    areas = areas_layer(grid)
    with pytest.raises(ConfigError, match="sum to 1"):
        compose(
            residents=10,
            dwellings=5,
            area=areas.iloc[0],
            city=areas.iloc[0],
            grid_age_columns=GRID_AGES,
            cell_id="c00",
            groups=ACCESS_GROUPS,
            income_shares={"lowest": 0.5, "middle": 0.2, "highest": 0.2},
        )


def test_cooling_model_by_hand() -> None:
    # Three cells in a row; the polygon covers exactly the middle one.
    cells = gpd.GeoDataFrame(
        {"tree_cover_m2": [0.0, 6250.0, 0.0], "water_m2": [0.0, 0.0, 62500.0]},
        geometry=[shapely.box(X0 + 250 * i, Y0, X0 + 250 * (i + 1), Y0 + 250) for i in range(3)],
        crs="EPSG:3067",
    )
    heat = pd.Series([0.5, 0.6, 0.4])
    polygon = shapely.box(X0 + 250, Y0, X0 + 500, Y0 + 250)
    model = CoolingModel(cooling_per_canopy=0.4, spillover_share=0.5)
    effect = greening_effect(cells, polygon, canopy_increase=0.2, heat=heat, model=model)
    assert effect.canopy_change.tolist() == pytest.approx([0.0, 0.2, 0.0])
    # Middle: direct only (its ring holds no polygon); sides: one of 8 neighbours greened.
    assert effect.heat_change.tolist() == pytest.approx(
        [-0.4 * 0.5 * 0.2 / 8, -0.4 * 0.2, -0.4 * 0.5 * 0.2 / 8]
    )
    assert effect.tree_cover_m2.tolist() == pytest.approx([0.0, 6250.0 + 0.2 * 62500, 0.0])


def test_canopy_cannot_exceed_full_cover() -> None:
    cells = gpd.GeoDataFrame(
        {"tree_cover_m2": [60000.0], "water_m2": [0.0]},
        geometry=[shapely.box(X0, Y0, X0 + 250, Y0 + 250)],
        crs="EPSG:3067",
    )
    effect = greening_effect(
        cells, cells.geometry.iloc[0].buffer(10), canopy_increase=0.5, heat=pd.Series([0.5])
    )
    assert effect.canopy_change.iloc[0] == pytest.approx(2500 / 62500)
