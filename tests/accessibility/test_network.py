"""Street routing: hand-computed trips, and exact agreement with NetworkX and SciPy."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from dikas.accessibility._core.dijkstra import many_to_many
from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.testing import reference_travel_times
from dikas.errors import CRSError, MissingColumnError, ParameterError

CRS = "EPSG:3067"


def hand_network() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """A 3 × 2 lattice of 100 m blocks.

    ::

        D(0,100) ->- E(100,100) --- F(200,100)      D→E: one-way for bikes
          |foot        |foot          |cycleway
        A(0,0) ------ B(100,0) ----- C(200,0)
    """
    xy = {1: (0, 0), 2: (100, 0), 3: (200, 0), 4: (0, 100), 5: (100, 100), 6: (200, 100)}
    nodes = gpd.GeoDataFrame(
        {"node_id": list(xy)}, geometry=shapely.points(list(xy.values())), crs=CRS
    )
    rows = [  # u, v, highway, walk, bike, forward, backward
        (1, 2, "residential", True, True, True, True),
        (2, 3, "residential", True, True, True, True),
        (4, 5, "residential", True, True, True, False),
        (5, 6, "residential", True, True, True, True),
        (1, 4, "footway", True, False, False, False),
        (2, 5, "footway", True, False, False, False),
        (3, 6, "cycleway", True, True, True, True),
    ]
    edges = pd.DataFrame(
        rows, columns=["u", "v", "highway", "walk", "bike", "bike_forward", "bike_backward"]
    )
    geometry = [shapely.LineString([xy[u], xy[v]]) for u, v in zip(edges.u, edges.v, strict=True)]
    edges = gpd.GeoDataFrame(edges, geometry=geometry, crs=CRS)
    edges.insert(0, "edge_id", np.arange(len(edges)) + 10)
    edges["length_m"] = edges.length
    edges["name"] = None
    edges["osm_way_id"] = edges["edge_id"]
    return nodes, edges


def points(coords: dict[str, tuple[float, float]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"id": list(coords)}, geometry=shapely.points(list(coords.values())), crs=CRS
    )


# P on A–B (50 m from A, 10 m off), R on D–E (50 m from D, 10 m off), P2 and R2 further along.
HAND_POINTS = points({"P": (50, -10), "P2": (80, 5), "R": (50, 110), "R2": (80, 95)})


def _matrix(network: StreetNetwork) -> pd.Series:
    frame = network.travel_time_matrix(
        HAND_POINTS, HAND_POINTS, origin_id="id", destination_id="id"
    )
    return frame.set_index(["from_id", "to_id"])["travel_time"] * 60  # seconds


def test_walk_times_by_hand() -> None:
    network = StreetNetwork.from_frames(
        *hand_network(), "walk", speed_mps=1.0, min_component_nodes=1
    )
    seconds = _matrix(network)
    assert seconds["P", "R"] == pytest.approx(10 + 50 + 100 + 50 + 10)
    assert seconds["R", "P"] == pytest.approx(220)
    assert seconds["P", "P2"] == pytest.approx(10 + 30 + 5)  # along the shared edge
    assert seconds["P", "P"] == pytest.approx(20)  # to the street and back


def test_bike_times_by_hand_respect_one_way_and_dismounting() -> None:
    network = StreetNetwork.from_frames(
        *hand_network(), "bike", speed_mps=5.0, walk_speed_mps=1.0, min_component_nodes=1
    )
    seconds = _matrix(network)
    # P→R: ride to A (10 s), push up the footway A–D (100 s), ride D→R with the one-way (10 s),
    # plus 10 s of walking at each end.
    assert seconds["P", "R"] == pytest.approx(10 + 10 + 100 + 10 + 10)
    # R→P: ride R→E→F→C→B→P (10+20+20+20+10 s) beats pushing down E–B.
    assert seconds["R", "P"] == pytest.approx(10 + 10 + 20 + 20 + 20 + 10 + 10)
    assert seconds["R", "R2"] == pytest.approx(10 + 30 / 5 + 5)
    # R2→R cannot ride back against the one-way: round the block via F, C, B, A and D.
    assert seconds["R2", "R"] == pytest.approx(5 + 4 + 20 + 20 + 20 + 20 + 100 + 10 + 10)


def test_bike_without_dismounting_cannot_reach_the_one_way_from_behind() -> None:
    network = StreetNetwork.from_frames(
        *hand_network(),
        "bike",
        speed_mps=5.0,
        walk_speed_mps=1.0,
        dismount=False,
        min_component_nodes=1,
    )
    seconds = _matrix(network)
    assert np.isnan(seconds["P", "R"])
    assert seconds["R", "P"] == pytest.approx(100)


def test_max_time_and_unsnapped_points_are_reported_not_dropped() -> None:
    network = StreetNetwork.from_frames(
        *hand_network(), "walk", speed_mps=1.0, min_component_nodes=1
    )
    far = pd.concat([HAND_POINTS, points({"far": (5000, 5000)})], ignore_index=True)
    with pytest.warns(UserWarning, match="1 origins are farther than 500 m"):
        frame = network.travel_time_matrix(
            far, HAND_POINTS, origin_id="id", destination_id="id", max_time_min=3.0
        )
    assert len(frame) == 5 * 4
    assert frame.attrs["unsnapped_origins"] == ["far"]
    assert frame.loc[frame.from_id == "far", "travel_time"].isna().all()
    seconds = frame.set_index(["from_id", "to_id"])["travel_time"] * 60
    assert np.isnan(seconds["P", "R"])  # 220 s > 3 min
    assert seconds["P", "P2"] == pytest.approx(45)
    snapped = network.snap(far.geometry, max_distance_m=500)
    report = snapped.to_frame(network)
    assert report.loc[report.point == 4, "snapped"].item() is False
    assert report.loc[report.point == 0, "snap_distance_m"].item() == pytest.approx(10)


def test_inputs_are_validated() -> None:
    nodes, edges = hand_network()
    with pytest.raises(ParameterError):
        StreetNetwork.from_frames(nodes, edges, "car")  # type: ignore[arg-type]
    with pytest.raises(MissingColumnError):
        StreetNetwork.from_frames(nodes, edges.drop(columns="walk"), "walk")
    network = StreetNetwork.from_frames(nodes, edges, "walk", min_component_nodes=1)
    with pytest.raises(MissingColumnError, match="no id column 'nope'"):
        network.travel_time_matrix(HAND_POINTS, HAND_POINTS, origin_id="nope", destination_id="id")
    with pytest.raises(CRSError):
        network.snap(gpd.GeoSeries(shapely.points([(0, 0)])))


# -- exact agreement with independent implementations ------------------------------------------


def random_points(edges: gpd.GeoDataFrame, n: int, seed: int) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = edges.total_bounds
    xy = np.column_stack([rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)])
    return gpd.GeoDataFrame({"id": np.arange(n)}, geometry=shapely.points(xy), crs=CRS)


@pytest.mark.parametrize("mode", ["walk", "bike"])
def test_hand_network_equals_networkx(mode: str) -> None:
    nodes, edges = hand_network()
    network = StreetNetwork.from_frames(nodes, edges, mode, min_component_nodes=1)  # type: ignore[arg-type]
    rng = np.random.default_rng(3)
    pts = gpd.GeoDataFrame(
        {"id": np.arange(25)},
        crs=CRS,
        geometry=shapely.points(
            np.column_stack([rng.uniform(-20, 220, 25), rng.uniform(-20, 120, 25)])
        ),
    )
    ours = network.travel_time_matrix(pts, pts, origin_id="id", destination_id="id")
    expected = reference_travel_times(edges, network, pts.geometry, pts.geometry) / 60_000
    got = ours["travel_time"].to_numpy().reshape(25, 25)
    np.testing.assert_array_equal(np.nan_to_num(got, nan=np.inf), expected)


@pytest.mark.integration
@pytest.mark.parametrize("mode", ["walk", "bike"])
def test_real_network_equals_networkx_exactly(small_network, mode: str) -> None:
    nodes, edges = small_network
    network = StreetNetwork.from_frames(nodes, edges, mode)  # type: ignore[arg-type]
    origins = random_points(edges, 25, seed=1)
    destinations = random_points(edges, 40, seed=2)
    ours = network.travel_time_matrix(origins, destinations, origin_id="id", destination_id="id")
    expected = reference_travel_times(edges, network, origins.geometry, destinations.geometry)
    got = ours["travel_time"].to_numpy().reshape(25, 40) * 60_000
    assert np.isfinite(expected).mean() > 0.9
    np.testing.assert_array_equal(np.rint(np.nan_to_num(got, nan=np.inf)), expected)
    limited = network.travel_time_matrix(
        origins, destinations, origin_id="id", destination_id="id", max_time_min=4.0
    )
    expected_limited = reference_travel_times(
        edges, network, origins.geometry, destinations.geometry, cutoff_ms=240_000
    )
    got_limited = limited["travel_time"].to_numpy().reshape(25, 40) * 60_000
    np.testing.assert_array_equal(np.rint(np.nan_to_num(got_limited, nan=np.inf)), expected_limited)
    # Both search directions (per origin, or per destination on the reversed graph) agree.
    reverse = network.travel_time_matrix(
        origins.iloc[:5], destinations, origin_id="id", destination_id="id"
    )
    np.testing.assert_array_equal(
        reverse["travel_time"].to_numpy().reshape(5, 40),
        ours["travel_time"].to_numpy().reshape(25, 40)[:5],
    )


@pytest.mark.integration
def test_node_to_node_kernel_equals_scipy(small_network) -> None:
    network = StreetNetwork.from_frames(*small_network, "bike")
    indptr, indices, weights = network.forward_graph
    n = network.n_nodes
    matrix = csr_matrix((weights, indices, indptr), shape=(n, n))
    rng = np.random.default_rng(7)
    sources = rng.choice(n, 30, replace=False)
    targets = rng.choice(n, 200, replace=False)
    expected = dijkstra(matrix, directed=True, indices=sources)[:, targets]
    one_seed = np.arange(31, dtype=np.int64)
    ours = many_to_many(
        indptr,
        indices,
        weights,
        one_seed,
        sources.astype(np.int64),
        np.zeros(30),
        targets.astype(np.int64),
        np.inf,
    )
    np.testing.assert_array_equal(ours, expected)
    limited = many_to_many(
        indptr,
        indices,
        weights,
        one_seed,
        sources.astype(np.int64),
        np.zeros(30),
        targets.astype(np.int64),
        120_000.0,
    )
    expected_limited = dijkstra(matrix, directed=True, indices=sources, limit=120_000)[:, targets]
    np.testing.assert_array_equal(limited, expected_limited)


@pytest.mark.integration
@pytest.mark.parametrize(("mode", "n"), [("walk", 1), ("walk", 3), ("bike", 4)])
def test_nearest_equals_the_sorted_matrix(small_network, mode: str, n: int) -> None:
    network = StreetNetwork.from_frames(*small_network, mode)  # type: ignore[arg-type]
    origins = random_points(small_network[1], 60, seed=4)
    destinations = random_points(small_network[1], 15, seed=5)
    kwargs = {"origin_id": "id", "destination_id": "id", "max_time_min": 6.0}
    nearest = network.nearest(origins, destinations, n=n, **kwargs)
    matrix = network.travel_time_matrix(origins, destinations, **kwargs).dropna()
    matrix = matrix.sort_values(["from_id", "travel_time"], kind="stable")
    expected = matrix.groupby("from_id").head(n).copy()
    expected["rank"] = expected.groupby("from_id").cumcount() + 1
    merged = expected.merge(nearest, on=["from_id", "rank"], how="outer", suffixes=("", "_nearest"))
    assert len(merged) == len(expected) == len(nearest) > 0
    np.testing.assert_array_equal(merged["travel_time"], merged["travel_time_nearest"])


@pytest.mark.integration
def test_snap_finds_the_nearest_usable_edge(small_network) -> None:
    network = StreetNetwork.from_frames(*small_network, "bike")
    pts = random_points(small_network[1], 50, seed=9)
    snapped = network.snap(pts.geometry, max_distance_m=200)
    usable = network.edge_geometry[network._snappable]
    brute = np.array([shapely.distance(usable, p).min() for p in pts.geometry[snapped.index]])
    np.testing.assert_allclose(snapped.distance_m, brute)
    assert np.all(snapped.position_m <= network.edge_length_m[snapped.edge] + 1e-9)
    # Points in WGS84 are reprojected first.
    again = network.snap(pts.geometry.to_crs(4326), max_distance_m=200)
    np.testing.assert_allclose(again.distance_m, snapped.distance_m, atol=1e-6)
    unsnapped = set(pts.index) - set(snapped.index)
    assert unsnapped == set(snapped.unsnapped)
