"""Services that are areas are reached at their edge, not at their centroid.

A synthetic 100 m square park 10 m north of a straight street, an origin 5 m south of the
street 200 m west of the park: hand-computed walking distances for the centroid (the old
method) and for the edge.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.accessibility.network import WALK_SPEED_MPS, StreetNetwork

CRS = "EPSG:3067"
X0, Y0 = 385000.0, 6671000.0


def street() -> StreetNetwork:
    """Nodes every 100 m along y = 0 from x = -200 to 300 (relative to X0, Y0)."""
    xs = np.arange(-200.0, 301.0, 100.0)
    nodes = gpd.GeoDataFrame(
        {"node_id": np.arange(len(xs))}, geometry=[shapely.Point(X0 + x, Y0) for x in xs], crs=CRS
    )
    edges = gpd.GeoDataFrame(
        {
            "edge_id": np.arange(len(xs) - 1),
            "u": np.arange(len(xs) - 1),
            "v": np.arange(1, len(xs)),
            "length_m": 100.0,
            "walk": True,
            "bike": True,
            "bike_forward": True,
            "bike_backward": True,
            "highway": "residential",
        },
        geometry=[shapely.LineString([(X0 + a, Y0), (X0 + a + 100.0, Y0)]) for a in xs[:-1]],
        crs=CRS,
    )
    return StreetNetwork.from_frames(nodes, edges, "walk", min_component_nodes=1)


PARK = shapely.box(X0, Y0 + 10.0, X0 + 100.0, Y0 + 110.0)
ORIGIN = shapely.Point(X0 - 200.0, Y0 - 5.0)


def minutes(metres: float) -> float:
    return metres / WALK_SPEED_MPS / 60.0


def test_centroid_and_edge_distance_by_hand() -> None:
    network = street()
    origins = gpd.GeoDataFrame({"id": ["o"]}, geometry=[ORIGIN], crs=CRS)
    park_point = gpd.GeoDataFrame({"id": ["park"]}, geometry=[PARK.centroid], crs=CRS)
    at_centroid = network.travel_time_matrix(
        origins, park_point, origin_id="id", destination_id="id"
    )
    # 5 m to the street, 250 m along it to x = 50, 60 m north to the centroid (50, 60)
    assert at_centroid["travel_time"].iloc[0] == pytest.approx(minutes(5 + 250 + 60), abs=1e-4)
    park = park_point.assign(outline=[PARK])
    at_edge = network.travel_time_matrix(origins, park, origin_id="id", destination_id="id")
    # 5 m to the street, 200 m along it to x = 0, 10 m north to the park's corner (0, 10)
    assert at_edge["travel_time"].iloc[0] == pytest.approx(minutes(5 + 200 + 10), abs=1e-4)
    nearest = network.nearest(origins, park, origin_id="id", destination_id="id", n=1)
    assert nearest["travel_time"].iloc[0] == pytest.approx(minutes(215), abs=1e-4)


def test_a_path_crossing_the_edge_is_an_entrance_walked_zero_metres() -> None:
    network = street()
    # a park straddling the street: the street itself crosses its west edge at x = 0
    straddling = shapely.box(X0, Y0 - 50.0, X0 + 100.0, Y0 + 50.0)
    snapped = network.snap_areas(
        gpd.GeoSeries([straddling.centroid], crs=CRS), gpd.GeoSeries([straddling], crs=CRS)
    )
    assert len(snapped) == 1 and snapped.ptr is not None
    assert snapped.distance_m.min() == 0.0
    origins = gpd.GeoDataFrame({"id": ["o"]}, geometry=[ORIGIN], crs=CRS)
    park = gpd.GeoDataFrame(
        {"id": ["p"], "outline": [straddling]}, geometry=[straddling.centroid], crs=CRS
    )
    times = network.travel_time_matrix(origins, park, origin_id="id", destination_id="id")
    assert times["travel_time"].iloc[0] == pytest.approx(minutes(5 + 200), abs=1e-4)


def test_points_and_areas_together_keep_their_order_and_ids() -> None:
    network = street()
    origins = gpd.GeoDataFrame({"id": ["o"]}, geometry=[ORIGIN], crs=CRS)
    destinations = gpd.GeoDataFrame(
        {"id": ["shop", "park", "far"], "outline": [None, PARK, None]},
        geometry=[
            shapely.Point(X0 + 250.0, Y0 + 20.0),
            PARK.centroid,
            shapely.Point(X0 + 5000.0, Y0 + 5000.0),
        ],
        crs=CRS,
    )
    with pytest.warns(UserWarning):
        times = network.travel_time_matrix(
            origins, destinations, origin_id="id", destination_id="id"
        )
    by_id = dict(zip(times["to_id"], times["travel_time"], strict=True))
    assert by_id["shop"] == pytest.approx(minutes(5 + 450 + 20), abs=1e-4)
    assert by_id["park"] == pytest.approx(minutes(215), abs=1e-4)
    assert np.isnan(by_id["far"])
    assert list(times.attrs["unsnapped_destinations"]) == ["far"]


def test_edge_never_slower_than_centroid_on_random_parks() -> None:
    network = street()
    rng = np.random.default_rng(3)
    parks = [
        shapely.box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)
        for x, y, w, h in zip(
            rng.uniform(-200, 250, 30),
            rng.uniform(-150, 150, 30),
            rng.uniform(10, 150, 30),
            rng.uniform(10, 150, 30),
            strict=True,
        )
    ]
    origins = gpd.GeoDataFrame(
        {"id": ["a", "b"]}, geometry=[ORIGIN, shapely.Point(X0 + 290.0, Y0 + 40.0)], crs=CRS
    )
    points = gpd.GeoDataFrame(
        {"id": [f"p{i}" for i in range(30)]}, geometry=[p.centroid for p in parks], crs=CRS
    )
    centroid = network.travel_time_matrix(origins, points, origin_id="id", destination_id="id")
    edge = network.travel_time_matrix(
        origins, points.assign(outline=parks), origin_id="id", destination_id="id"
    )
    merged = pd.merge(centroid, edge, on=["from_id", "to_id"], suffixes=("_c", "_e"))
    assert (merged["travel_time_e"] <= merged["travel_time_c"] + 1e-9).all()
    assert (merged["travel_time_e"] < merged["travel_time_c"] - 0.1).any()
