"""The door-to-door matrix: timetable + street-network walking legs + RAPTOR."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.transit import StraightLineWalk, transit_travel_time_matrix
from dikas.accessibility.transit.legs import SparseLegs
from dikas.errors import MissingColumnError, ParameterError
from dikas.sources.gtfs import GtfsFeed


def _street_network(stops: gpd.GeoDataFrame) -> StreetNetwork:
    """Streets A–B–C–D and C–E through the stops, and a stub street at the lone stop F."""
    at = stops.set_index("stop_id").geometry
    f_north = shapely.Point(at["F"].x, at["F"].y + 50)
    points = {1: at["A"], 2: at["B"], 3: at["C"], 4: at["D"], 5: at["E"], 6: at["F"], 7: f_north}
    nodes = gpd.GeoDataFrame(
        {"node_id": list(points)}, geometry=list(points.values()), crs=stops.crs
    )
    pairs = [(1, 2), (2, 3), (3, 4), (3, 5), (6, 7)]
    lines = [shapely.LineString([points[u], points[v]]) for u, v in pairs]
    edges = gpd.GeoDataFrame(
        {
            "edge_id": range(len(pairs)),
            "u": [u for u, _ in pairs],
            "v": [v for _, v in pairs],
            "length_m": [line.length for line in lines],
            "walk": True,
            "bike": False,
            "bike_forward": False,
            "bike_backward": False,
        },
        geometry=lines,
        crs=stops.crs,
    )
    return StreetNetwork.from_frames(nodes, edges, "walk", min_component_nodes=2)


def _places(feed: GtfsFeed, ids: list[str], column: str) -> gpd.GeoDataFrame:
    at = feed.stops.set_index("stop_id").geometry
    return gpd.GeoDataFrame({column: ids}, geometry=[at[i] for i in ids], crs=feed.stops.crs)


def test_matrix_on_the_street_network(small_feed: GtfsFeed) -> None:
    network = _street_network(small_feed.stops)
    origins = _places(small_feed, ["A"], "cell_id")
    destinations = _places(small_feed, ["B", "D", "F"], "service_id")
    matrix = transit_travel_time_matrix(
        small_feed,
        network,
        origins,
        destinations,
        origin_id="cell_id",
        destination_id="service_id",
        departure=dt.datetime(2022, 2, 22, 7, 58),
        window_min=1,
        max_walk_min=10,
    )
    times = matrix.set_index("to_id")["travel_time"]
    # B: tram 08:00 → 08:05. D: change at C to the 08:12 bus → 08:20.
    # F: walk C → E (≈150 m, 2.1 min) → 08:12, ready 08:13 → bus 08:15 → 08:25.
    assert times.to_dict() == {"B": 7.0, "D": 22.0, "F": 27.0}
    assert list(matrix.columns) == ["from_id", "to_id", "travel_time"]
    assert (matrix["from_id"] == "A").all()


def test_matrix_percentile_columns(small_feed: GtfsFeed) -> None:
    origins = _places(small_feed, ["A"], "id")
    destinations = _places(small_feed, ["B", "D"], "id")
    matrix = transit_travel_time_matrix(
        small_feed,
        StraightLineWalk(),
        origins,
        destinations,
        origin_id="id",
        destination_id="id",
        departure=dt.datetime(2022, 2, 22, 8, 0),
        window_min=10,
        percentiles=(50, 90),
        max_walk_min=5,
    )
    b = matrix.set_index("to_id").loc["B"]
    # departures 08:00 … 08:09 ride the 08:10 tram to B (08:15): 15 … 6 min
    assert (b["travel_time"], b["travel_time_p90"]) == (10.0, 14.0)
    # to D: 08:00 … 08:09 reach C at 08:20, miss the 08:20 bus, take the 08:40 one (08:50):
    # 50 … 41 min, so the 5th smallest is 45 and the 9th 49
    d = matrix.set_index("to_id").loc["D"]
    assert (d["travel_time"], d["travel_time_p90"]) == (45.0, 49.0)
    assert list(matrix.columns) == ["from_id", "to_id", "travel_time", "travel_time_p90"]


def test_straight_line_walk_times() -> None:
    points = gpd.GeoDataFrame(
        {"id": [1, 2, 3]}, geometry=shapely.points([(0, 0), (120, 0), (0, 1000)]), crs="EPSG:3067"
    )
    walk = StraightLineWalk(speed_mps=1.2, detour_factor=1.5)
    table = walk.travel_time_matrix(
        points, points, origin_id="id", destination_id="id", max_time_min=5
    )
    got = {(a, b): t for a, b, t in table.itertuples(index=False)}
    # 120 m × 1.5 / 1.2 m/s = 150 s = 2.5 min; 1000 m is beyond 5 min
    assert got == {(1, 1): 0.0, (2, 2): 0.0, (3, 3): 0.0, (1, 2): 2.5, (2, 1): 2.5}
    dense = walk.travel_time_matrix(points, points, origin_id="id", destination_id="id")
    assert len(dense) == 9
    assert dense.set_index(["from_id", "to_id"]).loc[(1, 3), "travel_time"] == pytest.approx(
        1000 * 1.5 / 1.2 / 60
    )


def test_bad_inputs_are_user_errors(small_feed: GtfsFeed) -> None:
    origins = _places(small_feed, ["A"], "id")
    duplicated = pd.concat([origins, origins])
    kwargs = {"origin_id": "id", "destination_id": "id", "departure": dt.datetime(2022, 2, 22, 8)}
    with pytest.raises(MissingColumnError):
        transit_travel_time_matrix(
            small_feed,
            StraightLineWalk(),
            origins,
            origins,
            origin_id="cell",
            destination_id="id",
            departure=dt.datetime(2022, 2, 22, 8),
        )
    with pytest.raises(ParameterError, match="not unique"):
        transit_travel_time_matrix(small_feed, StraightLineWalk(), duplicated, origins, **kwargs)
    with pytest.raises(ParameterError):
        transit_travel_time_matrix(
            small_feed, StraightLineWalk(), origins, origins, window_min=0, **kwargs
        )
    assert np.isnan(
        transit_travel_time_matrix(
            small_feed,
            StraightLineWalk(),
            origins,
            _places(small_feed, ["F"], "id"),
            transfers_max=0,
            **kwargs,
        )["travel_time"]
    ).all()


def test_walking_leg_tables_are_validated() -> None:
    ids = pd.Index(["a", "b"])
    good = pd.DataFrame({"from_id": ["a", "zz"], "to_id": ["b", "a"], "travel_time": [1.5, 2]})
    legs = SparseLegs.from_frame(good, sources=ids, targets=ids, leg="access")
    # unknown ids are dropped; minutes become whole seconds in CSR order
    assert legs.offsets.tolist() == [0, 1, 1]
    assert (legs.targets.tolist(), legs.seconds.tolist()) == ([1], [90])
    with pytest.raises(MissingColumnError, match="access walking legs lack"):
        SparseLegs.from_frame(
            good.drop(columns="travel_time"), sources=ids, targets=ids, leg="access"
        )
    with pytest.raises(ParameterError, match="negative"):
        SparseLegs.from_frame(good.assign(travel_time=-1.0), sources=ids, targets=ids, leg="egress")
