"""Transit edits: removing a route never shortens a trip; more service, more departures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
import shapely

from dikas.accessibility.transit import StraightLineWalk, transit_travel_time_matrix
from dikas.errors import ConfigError
from dikas.scenarios import transit
from dikas.sources.gtfs import read_gtfs
from tests.accessibility.transit.conftest import random_tables, small_tables, write_feed

DAY = dt.date(2022, 2, 22)


@pytest.mark.parametrize("seed", [0, 1])
def test_removing_a_route_never_shortens_a_trip(tmp_path: Path, seed: int) -> None:
    feed = read_gtfs(write_feed(tmp_path / "feed", random_tables(seed)))
    route = str(feed.tables["routes"]["route_id"].iloc[0])
    reduced = transit.remove_route(feed, route)
    assert route not in set(reduced.tables["trips"]["route_id"].astype(str))
    points = feed.stops.rename(columns={"stop_id": "id"})[["id", "geometry"]].iloc[:15]
    options = {
        "origin_id": "id",
        "destination_id": "id",
        "window_min": 10,
        "departure": dt.datetime(2022, 2, 22, 8, 0),
    }
    before = transit_travel_time_matrix(feed, StraightLineWalk(), points, points, **options)
    after = transit_travel_time_matrix(reduced, StraightLineWalk(), points, points, **options)
    b = before["travel_time"].fillna(np.inf).to_numpy()
    a = after["travel_time"].fillna(np.inf).to_numpy()
    assert (a >= b).all()


def test_frequency_and_new_stop(tmp_path: Path) -> None:
    feed = read_gtfs(write_feed(tmp_path / "feed", small_tables()))
    rate = transit.departures_per_hour(feed, DAY, window=(8 * 3600, 9 * 3600))
    doubled = transit.change_frequency(feed, "R1", 2.0)  # frequency-based: headway 10 → 5
    assert (
        transit.departures_per_hour(doubled, DAY, window=(8 * 3600, 9 * 3600))["A"] == 2 * rate["A"]
    )
    tripled = transit.change_frequency(feed, "R2", 3)  # timetabled: copies between trips
    assert (
        transit.departures_per_hour(tripled, DAY, window=(8 * 3600, 9 * 3600))["C"]
        == rate["C"] - 3 + 9
    )  # R2's three departures from C become nine
    with pytest.raises(ConfigError, match="integer factor"):
        transit.change_frequency(feed, "R2", 1.5)

    stops = feed.stops.set_index("stop_id").geometry
    midpoint = shapely.Point((stops["A"].x + stops["B"].x) / 2, (stops["A"].y + stops["B"].y) / 2)
    added = transit.add_stop(
        feed, "R1", after_stop_id="A", point=midpoint, stop_id="AB", stop_name="AB"
    )
    times = added.tables["stop_times"]
    new = times[times["stop_id"] == "AB"]
    assert len(new) == 1 and new["arrival_s"].iloc[0] == pytest.approx(6 * 3600 + 150, abs=1)
    sequence = times[times["trip_id"] == new["trip_id"].iloc[0]].sort_values("stop_sequence")
    assert list(sequence["stop_id"]) == ["A", "AB", "B", "C"]
