"""Incremental nearest-service updates equal a full recomputation exactly."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.accessibility.network import StreetNetwork
from dikas.scenarios.nearest import NearestServices, nearest_by_unit, snap_origins
from tests.scenarios.conftest import SPACING, X0, Y0, network_layers


@pytest.fixture(scope="module")
def network() -> StreetNetwork:
    nodes, edges = network_layers(seed=3)
    return StreetNetwork.from_frames(nodes, edges, "walk")


def _points(rng: np.random.Generator, n: int, prefix: str) -> gpd.GeoDataFrame:
    xy = rng.uniform(0, 10 * SPACING, size=(n, 2))
    return gpd.GeoDataFrame(
        {"service_id": [f"{prefix}{i}" for i in range(n)]},
        geometry=shapely.points(X0 + xy[:, 0], Y0 + xy[:, 1]),
        crs="EPSG:3067",
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_add_remove_move_equal_full_recomputation(network: StreetNetwork, seed: int) -> None:
    rng = np.random.default_rng(seed)
    origins = _points(rng, 60, "o").rename(columns={"service_id": "cell_id"})
    snapped, _ = snap_origins(network, origins, id_column="cell_id")
    services = _points(rng, 5, "s")
    new = _points(rng, 3, "n")
    state = NearestServices.compute(network, snapped, services, k=3)
    before = state.minutes().copy()

    state.add("n0", new.geometry.iloc[[0]])
    current = gpd.GeoDataFrame(gpd.pd.concat([services, new.iloc[[0]]], ignore_index=True))
    full = NearestServices.compute(network, snapped, current, k=1)
    assert np.array_equal(state.costs[:, 0], full.costs[:, 0])
    after = state.minutes()
    assert (after <= before).all()
    changed = after < before
    assert np.array_equal(state.services[changed, 0], np.full(changed.sum(), "n0", object))

    state.remove("s1")  # removal: the next nearest takes over
    current = current[current["service_id"] != "s1"]
    state.remove("s2")
    state.add("s2", new.geometry.iloc[[1]])  # a move: remove, then add elsewhere
    current = current[current["service_id"] != "s2"]
    current = gpd.GeoDataFrame(
        gpd.pd.concat([current, new.iloc[[1]].assign(service_id="s2")], ignore_index=True)
    )
    full = NearestServices.compute(network, snapped, current, k=1)
    assert np.array_equal(state.costs[:, 0], full.costs[:, 0])
    assert list(state.services[:, 0]) == list(full.services[:, 0]) or np.array_equal(
        state.costs[:, 0], full.costs[:, 0]
    )


def test_new_service_changes_times_only_in_its_catchment(network: StreetNetwork) -> None:
    rng = np.random.default_rng(7)
    origins = _points(rng, 80, "o").rename(columns={"service_id": "cell_id"})
    snapped, _ = snap_origins(network, origins, id_column="cell_id")
    services = _points(rng, 4, "s")
    state = NearestServices.compute(network, snapped, services, k=1)
    before = state.minutes().copy()
    point = gpd.GeoSeries([shapely.Point(X0 + 50, Y0 + 50)], crs="EPSG:3067")
    state.add("new", point)
    new_only = NearestServices.compute(
        network, snapped, gpd.GeoDataFrame({"service_id": ["new"]}, geometry=point), k=1
    )
    expected = np.minimum(before, new_only.minutes())
    assert np.array_equal(state.minutes(), expected)
    catchment = new_only.minutes() < before
    assert np.array_equal(state.minutes() != before, catchment)
    assert 0 < catchment.sum() < len(before)


def test_unreachable_units_stay_with_a_reason(network: StreetNetwork) -> None:
    rng = np.random.default_rng(5)
    origins = _points(rng, 20, "o").rename(columns={"service_id": "cell_id"})
    far = gpd.GeoDataFrame(
        {"cell_id": ["far1", "far2"]},
        geometry=[shapely.Point(X0 - 5_000, Y0), shapely.Point(X0, Y0 - 9_000)],
        crs="EPSG:3067",
    )
    everything = gpd.GeoDataFrame(gpd.pd.concat([origins, far], ignore_index=True), crs="EPSG:3067")
    snapped, ids = snap_origins(network, everything, id_column="cell_id")
    assert len(ids) == 20  # the state itself holds only routable origins
    state = NearestServices.compute(network, snapped, _points(rng, 3, "s"), k=1)
    table = nearest_by_unit(state, ids, pd.Index(everything["cell_id"], name="cell_id"))
    assert list(table.index) == list(everything["cell_id"])
    assert table.loc[["far1", "far2"], "reason"].tolist() == ["unreachable", "unreachable"]
    assert table.loc[["far1", "far2"], "minutes"].isna().all()
    assert np.array_equal(table.loc[ids, "minutes"].to_numpy(), state.minutes())
    assert table.loc[ids, "reason"].isna().all()
