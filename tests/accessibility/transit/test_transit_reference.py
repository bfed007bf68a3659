"""The compiled range-RAPTOR agrees with the plain-Python Connection Scan reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dikas.accessibility.transit.connection_scan import ConnectionScan
from dikas.accessibility.transit.legs import WalkingLegs
from dikas.accessibility.transit.raptor import raptor_travel_times
from dikas.accessibility.transit.timetable import Timetable
from dikas.sources.gtfs import read_gtfs

from .conftest import random_tables, write_feed

DAY = dt.date(2022, 2, 22)


def _random_legs(
    rng: np.random.Generator, stop_ids: np.ndarray, *, n_origins: int, n_destinations: int
) -> WalkingLegs:
    def pairs(sources: list[str], targets: list[str], share: float, high: float) -> pd.DataFrame:
        rows = [
            (a, b, float(rng.integers(0, int(high * 60))) / 60)
            for a in sources
            for b in targets
            if rng.random() < share
        ]
        return pd.DataFrame(rows, columns=["from_id", "to_id", "travel_time"])

    origins = [f"o{i}" for i in range(n_origins)]
    destinations = [f"d{i}" for i in range(n_destinations)]
    stops = list(stop_ids)
    return WalkingLegs.from_frames(
        access=pairs(origins, stops, 0.15, 10),
        transfers=pairs(stops, stops, 0.08, 8),
        egress=pairs(stops, destinations, 0.15, 10),
        direct=pairs(origins, destinations, 0.1, 40),
        origin_ids=pd.Index(origins),
        stop_ids=pd.Index(stop_ids),
        destination_ids=pd.Index(destinations),
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_raptor_matches_connection_scan(tmp_path: Path, seed: int) -> None:
    feed = read_gtfs(write_feed(tmp_path / "feed", random_tables(seed)))
    start, minutes, max_time_s = 8 * 3600, 30, 75 * 60
    timetable = Timetable.from_feed(
        feed, DAY, start_s=start, end_s=start + 60 * minutes + max_time_s
    )
    rng = np.random.default_rng(seed)
    legs = _random_legs(rng, timetable.stop_ids, n_origins=6, n_destinations=12)
    departures = start + 60 * np.arange(minutes)
    percentiles = (10.0, 50.0, 90.0)
    fast = raptor_travel_times(
        timetable,
        legs,
        departures,
        n_destinations=12,
        percentiles=percentiles,
        max_time_s=max_time_s,
        max_rounds=40,
    )
    reference = ConnectionScan(timetable, legs, board_slack_s=60)
    slow = np.stack(
        [
            reference.percentiles(
                o,
                departures.tolist(),
                n_destinations=12,
                percentiles=percentiles,
                max_time_s=max_time_s,
            )
            for o in range(6)
        ]
    )
    assert np.isfinite(fast).sum() > 50  # the comparison is not vacuous
    np.testing.assert_array_equal(fast, slow)


def test_random_feed_has_overtaking_trips_split_into_fifo_patterns(tmp_path: Path) -> None:
    feed = read_gtfs(write_feed(tmp_path / "feed", random_tables(1)))
    timetable = Timetable.from_feed(feed, DAY, start_s=0, end_s=30 * 3600)
    routes = feed.tables["trips"]["route_id"].nunique()
    assert timetable.n_patterns > routes  # overtaking trips forced extra patterns
    for p in range(timetable.n_patterns):
        n = timetable.pattern_offsets[p + 1] - timetable.pattern_offsets[p]
        trips = range(timetable.pattern_trip_offsets[p], timetable.pattern_trip_offsets[p + 1])
        times = np.array(
            [
                timetable.departures[
                    timetable.trip_time_offsets[t] : timetable.trip_time_offsets[t] + n
                ]
                for t in trips
            ]
        )
        assert (np.diff(times, axis=0) >= 0).all()
