"""Hand-checked journeys of the RAPTOR router on the hand-made feed (see conftest.py).

Every expected time is worked out from the timetable with R5's 60 s boarding slack: a rider
reaching a stop at time t boards the first vehicle departing at t + 60 s or later.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from dikas.accessibility.transit.legs import WalkingLegs
from dikas.accessibility.transit.raptor import raptor_travel_times
from dikas.accessibility.transit.timetable import Timetable
from dikas.errors import ParameterError
from dikas.sources.gtfs import GtfsFeed

TUESDAY = dt.date(2022, 2, 22)
SATURDAY = dt.date(2022, 2, 26)
DESTINATIONS = ["B", "D", "F"]


def _legs(
    timetable: Timetable, *, transfer_min: float = 3.0, direct_to_b_min: float | None = None
) -> WalkingLegs:
    """Origin ``o`` stands at stop A; destinations stand at stops B, D and F."""
    frame = pd.DataFrame
    direct = frame(
        {
            "from_id": ["o"] if direct_to_b_min else [],
            "to_id": ["B"] if direct_to_b_min else [],
            "travel_time": [direct_to_b_min] if direct_to_b_min else [],
        }
    )
    return WalkingLegs.from_frames(
        access=frame({"from_id": ["o"], "to_id": ["A"], "travel_time": [0.0]}),
        transfers=frame({"from_id": ["C"], "to_id": ["E"], "travel_time": [transfer_min]}),
        egress=frame({"from_id": DESTINATIONS, "to_id": DESTINATIONS, "travel_time": [0.0] * 3}),
        direct=direct,
        origin_ids=pd.Index(["o"]),
        stop_ids=pd.Index(timetable.stop_ids),
        destination_ids=pd.Index(DESTINATIONS),
    )


def _minutes(
    feed: GtfsFeed,
    departures: list[str],
    *,
    day: dt.date = TUESDAY,
    percentiles: tuple[float, ...] = (50,),
    transfers_max: int = 4,
    max_time_min: float = 60,
    **legs: float,
) -> dict[str, list[float]]:
    """Travel times (minutes) from A to B, D, F per requested percentile."""
    seconds = [int(t[:2]) * 3600 + int(t[3:5]) * 60 for t in departures]
    timetable = Timetable.from_feed(
        feed, day, start_s=min(seconds), end_s=max(seconds) + int(max_time_min * 60)
    )
    times = raptor_travel_times(
        timetable,
        _legs(timetable, **legs),
        np.array(seconds),
        n_destinations=3,
        percentiles=percentiles,
        max_time_s=int(max_time_min * 60),
        max_rounds=transfers_max + 1,
    )
    return {d: list(times[0, :, i] / 60) for i, d in enumerate(DESTINATIONS)}


def test_frequency_route_waits_for_the_next_instance(small_feed: GtfsFeed) -> None:
    # 08:05 → ready 08:06 → instance starting 08:10 → B 08:15
    assert _minutes(small_feed, ["08:05"])["B"] == [10.0]
    # 08:00 → ready 08:01 misses the 08:00 instance → 08:10 → B 08:15
    assert _minutes(small_feed, ["08:00"])["B"] == [15.0]
    # 08:21: no instance starts at 08:30 (end_time is exclusive) → unreachable
    assert np.isnan(_minutes(small_feed, ["08:21"])["B"][0])


def test_transfer_at_the_same_stop(small_feed: GtfsFeed) -> None:
    # 07:58 → R1 08:00 → C 08:10, ready 08:11 → R2 08:12 → D 08:20
    assert _minutes(small_feed, ["07:58"])["D"] == [22.0]


def test_missed_connection_takes_the_next_bus(small_feed: GtfsFeed) -> None:
    # 08:05 → R1 08:10 → C 08:20, ready 08:21: the 08:20 bus has left → 08:40 → D 08:50
    assert _minutes(small_feed, ["08:05"])["D"] == [45.0]


def test_walking_transfer_between_stops(small_feed: GtfsFeed) -> None:
    # 07:58 → C 08:10, walk 3 min → E 08:13, ready 08:14 → R3 08:15 → F 08:25
    assert _minutes(small_feed, ["07:58"])["F"] == [27.0]
    # a 5 min walk reaches E at 08:15, ready 08:16: the only R3 bus is gone
    assert np.isnan(_minutes(small_feed, ["07:58"], transfer_min=5.0)["F"][0])


def test_transfer_limit(small_feed: GtfsFeed) -> None:
    assert np.isnan(_minutes(small_feed, ["07:58"], transfers_max=0)["D"][0])
    assert _minutes(small_feed, ["07:58"], transfers_max=0)["B"] == [7.0]


def test_direct_walk_competes_with_transit(small_feed: GtfsFeed) -> None:
    assert _minutes(small_feed, ["08:00"], direct_to_b_min=12.0)["B"] == [12.0]
    assert _minutes(small_feed, ["08:05"], direct_to_b_min=12.0)["B"] == [10.0]


def test_percentiles_over_the_window(small_feed: GtfsFeed) -> None:
    # departures 08:00 … 08:09 all ride the 08:10 instance to B 08:15: 15, 14, …, 6 min.
    # Nearest rank of n = 10: p10 → 1st = 6, p50 → 5th = 10, p90 → 9th = 14.
    window = [f"08:0{m}" for m in range(10)]
    assert _minutes(small_feed, window, percentiles=(10, 50, 90))["B"] == [6.0, 10.0, 14.0]
    # with a 12 min limit, 13-15 min count as unreachable: p90 becomes unreachable
    limited = _minutes(small_feed, window, percentiles=(50, 90), max_time_min=12)["B"]
    assert limited[0] == 10.0 and np.isnan(limited[1])


def test_service_day_selects_the_weekend_bus(small_feed: GtfsFeed) -> None:
    # on Saturday only R4 runs: A 08:02 → B 08:04; the weekday tram does not
    saturday = _minutes(small_feed, ["08:00"], day=SATURDAY)
    assert saturday["B"] == [4.0]
    assert np.isnan(saturday["D"][0])


def test_invalid_parameters(small_feed: GtfsFeed) -> None:
    with pytest.raises(ParameterError):
        _minutes(small_feed, ["08:00"], percentiles=(0,))
    with pytest.raises(ParameterError):
        _minutes(small_feed, ["08:00"], transfers_max=-1)


def test_window_without_service_leaves_only_walking(small_feed: GtfsFeed) -> None:
    timetable = Timetable.from_feed(small_feed, TUESDAY, start_s=3 * 3600, end_s=4 * 3600)
    assert timetable.n_trips == 0 and timetable.n_patterns == 0
    night = _minutes(small_feed, ["03:00"], direct_to_b_min=12.0)
    assert night["B"] == [12.0]
    assert np.isnan(night["D"][0])
