"""Journeys on the real HSL feed (Tue 2022-02-22) whose times are read off the timetable.

Each journey starts at a platform (access walk 0) and ends at another (egress walk 0), with
one vehicle and R5's 60 s boarding slack; the expected times come from ``stop_times.txt``
and ``frequencies.txt`` as quoted in each test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from dikas.accessibility.transit.connection_scan import ConnectionScan
from dikas.accessibility.transit.legs import WalkingLegs
from dikas.accessibility.transit.matrix import walking_legs
from dikas.accessibility.transit.raptor import raptor_travel_times
from dikas.accessibility.transit.timetable import Timetable
from dikas.accessibility.transit.walking import StraightLineWalk
from dikas.sources.gtfs import GtfsFeed, read_gtfs

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def hsl(data_dir: Path) -> GtfsFeed:
    return read_gtfs(
        data_dir / "r5py_docs" / "hsl_gtfs_20220222_inner_helsinki.zip", dataset="hsl_gtfs"
    )


def _ride(feed: GtfsFeed, board: str, alight: str, departures: list[str]) -> list[float]:
    """Minutes from platform ``board`` to platform ``alight`` for each departure time."""
    seconds = [int(t[:2]) * 3600 + int(t[3:5]) * 60 for t in departures]
    timetable = Timetable.from_feed(
        feed, dt.date(2022, 2, 22), start_s=min(seconds), end_s=max(seconds) + 3600
    )
    stop_ids = pd.Index(timetable.stop_ids)
    legs = WalkingLegs.from_frames(
        access=pd.DataFrame({"from_id": ["o"], "to_id": [board], "travel_time": [0.0]}),
        transfers=pd.DataFrame(columns=["from_id", "to_id", "travel_time"]),
        egress=pd.DataFrame({"from_id": [alight], "to_id": ["d"], "travel_time": [0.0]}),
        direct=pd.DataFrame(columns=["from_id", "to_id", "travel_time"]),
        origin_ids=pd.Index(["o"]),
        stop_ids=stop_ids,
        destination_ids=pd.Index(["d"]),
    )
    minutes = []
    for departure in seconds:  # one run per departure: travel time of that minute
        times = raptor_travel_times(
            timetable, legs, np.array([departure]), n_destinations=1, max_time_s=3600, max_rounds=1
        )
        minutes.append(float(times[0, 0, 0] / 60))
    return minutes


def test_metro_rautatientori_to_sornainen(hsl: GtfsFeed) -> None:
    # Eastbound platforms 1020601 → 1121601, both frequency-based templates:
    #   M2 31M2_…_1_1623: 07:29–09:29 every 360 s; Rautatientori +8 min, Sörnäinen +12 min
    #     → starts 07:53, 07:59 depart Rautatientori 08:01, 08:07 and reach Sörnäinen 08:05, 08:11
    #   M1 31M1_…_1_0750: 07:26–09:32 every 360 s; Rautatientori +8 min, Sörnäinen +12 min
    #     → start 07:56 departs Rautatientori 08:04, reaches Sörnäinen 08:08
    # 08:00 → ready 08:01 → M2 08:01 → 08:05 (5 min); 08:01 → ready 08:02 → M1 08:04 → 08:08.
    assert _ride(hsl, "1020601", "1121601", ["08:00", "08:01"]) == [5.0, 7.0]


def test_tram_7_snellmaninkatu_to_hallituskatu(hsl: GtfsFeed) -> None:
    # Tram 7 (1007_…_Ti_2_0722, every 600 s) leaves Snellmaninkatu 1010428 at 08:02 and
    # reaches Hallituskatu 1010419 at 08:04; the next leaves 08:12 (1007_…_2_1522) → 08:14.
    # 08:00 → 4 min; 08:01 → ready 08:02 → 3 min; 08:02 → ready 08:03 misses it → 12 min.
    assert _ride(hsl, "1010428", "1010419", ["08:00", "08:01", "08:02"]) == [4.0, 3.0, 12.0]


def test_commuter_train_pasila_to_helsinki(hsl: GtfsFeed) -> None:
    # Platform 1174553 → 1020551. Z 3001Z3_…_2_0527 runs hourly from 07:20: Pasila 08:20 →
    # Helsinki 08:25. R 3001R_…_2_0705_2 is a scheduled trip: Pasila 08:25 → Helsinki 08:30.
    # 08:19 → ready 08:20 → Z → 6 min; 08:21 → ready 08:22 → the scheduled R → 9 min.
    assert _ride(hsl, "1174553", "1020551", ["08:19", "08:21"]) == [6.0, 9.0]


def test_raptor_matches_connection_scan_on_hsl(hsl: GtfsFeed) -> None:
    """Door-to-door times with straight-line walking agree with the plain-Python reference."""
    stops = hsl.stops[hsl.stops["location_type"] == 0]
    rng = np.random.default_rng(7)
    xmin, ymin, xmax, ymax = stops.total_bounds
    points = gpd.points_from_xy(rng.uniform(xmin, xmax, 30), rng.uniform(ymin, ymax, 30))
    places = gpd.GeoDataFrame({"id": range(30)}, geometry=points, crs=stops.crs)
    start = 8 * 3600
    timetable = Timetable.from_feed(
        hsl, dt.date(2022, 2, 22), start_s=start, end_s=start + 600 + 5400
    )
    legs = walking_legs(
        StraightLineWalk(),
        places.head(2),
        places,
        stops,
        origin_id="id",
        destination_id="id",
        max_walk_min=12,
        stop_ids=pd.Index(timetable.stop_ids),
    )
    departures = start + 60 * np.arange(10)
    fast = raptor_travel_times(
        timetable,
        legs,
        departures,
        n_destinations=30,
        percentiles=(25.0, 50.0, 100.0),
        max_time_s=5400,
        max_rounds=12,
    )
    scan = ConnectionScan(timetable, legs)
    slow = np.stack(
        [
            scan.percentiles(
                o,
                departures.tolist(),
                n_destinations=30,
                percentiles=(25.0, 50.0, 100.0),
                max_time_s=5400,
            )
            for o in range(2)
        ]
    )
    assert np.isfinite(fast).sum() > 100
    np.testing.assert_array_equal(fast, slow)


def test_default_departure_is_the_feeds_busiest_weekday_morning(data_dir) -> None:
    import datetime as dt

    from dikas.accessibility.transit.schedule import typical_departure
    from dikas.sources.gtfs import read_gtfs

    feed = read_gtfs(data_dir / "r5py_docs" / "hsl_gtfs_20220222_inner_helsinki.zip")
    assert typical_departure(feed) == dt.datetime(2022, 2, 22, 8, 0)
