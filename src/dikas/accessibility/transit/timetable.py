"""The timetable of a service day in RAPTOR's array layout.

RAPTOR (Delling, Pajor & Werneck 2015, "Round-Based Public Transit Routing", Transportation
Science 49(3)) scans *routes*: sets of trips that visit the same stop sequence and never
overtake each other, so that the trips of a route are ordered by departure at every stop
and the earliest catchable trip can be found by binary search. GTFS routes do not promise
that, so trips are grouped here into *patterns* by stop sequence and pickup/drop-off rules
(as R5 does) and each pattern is split greedily into non-overtaking sub-patterns.

Everything is flattened into contiguous integer arrays (CSR layout) for the compiled kernel.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dikas.accessibility.transit.schedule import stop_events
from dikas.errors import DataError
from dikas.sources.gtfs import GtfsFeed


@dataclass(frozen=True)
class Timetable:
    """Patterns, trips and stop times of one service day, as flat arrays.

    Attributes
    ----------
    stop_ids
        GTFS ``stop_id`` of each stop index.
    pattern_offsets
        Pattern ``p`` visits ``pattern_stops[pattern_offsets[p]:pattern_offsets[p + 1]]``.
    pattern_stops, pattern_can_board, pattern_can_alight
        Stop index and pickup/drop-off permission of each position of each pattern.
    pattern_trip_offsets
        Pattern ``p`` runs trips ``pattern_trip_offsets[p]:pattern_trip_offsets[p + 1]``,
        ordered by departure (at every stop: patterns never overtake).
    trip_time_offsets
        Times of trip ``t`` at the pattern's position ``i`` are
        ``arrivals[trip_time_offsets[t] + i]`` and ``departures[...]``.
    arrivals, departures
        Seconds after midnight of the service day.
    stop_pattern_offsets, stop_patterns, stop_positions
        For stop ``s``: the patterns serving it and the position in each
        (``[stop_pattern_offsets[s]:stop_pattern_offsets[s + 1]]``).
    trip_ids
        GTFS ``trip_id`` of each trip (frequency-expanded instances share their template's).
    """

    stop_ids: np.ndarray
    pattern_offsets: np.ndarray
    pattern_stops: np.ndarray
    pattern_can_board: np.ndarray
    pattern_can_alight: np.ndarray
    pattern_trip_offsets: np.ndarray
    trip_time_offsets: np.ndarray
    arrivals: np.ndarray
    departures: np.ndarray
    stop_pattern_offsets: np.ndarray
    stop_patterns: np.ndarray
    stop_positions: np.ndarray
    trip_ids: np.ndarray

    @property
    def n_stops(self) -> int:
        """Number of stops (indices ``0 … n_stops − 1``)."""
        return len(self.stop_ids)

    @property
    def n_patterns(self) -> int:
        """Number of non-overtaking patterns."""
        return len(self.pattern_offsets) - 1

    @property
    def n_trips(self) -> int:
        """Number of trip instances."""
        return len(self.trip_time_offsets)

    @classmethod
    def from_feed(cls, feed: GtfsFeed, day: dt.date, *, start_s: int, end_s: int) -> Timetable:
        """Build the timetable of trips on the road during ``[start_s, end_s]`` on ``day``.

        Every platform-level stop of the feed (``location_type`` 0) gets an index, whether
        served on that day or not, so walking legs can be computed once per feed.

        Raises
        ------
        DataError
            If ``stop_times`` refers to a stop absent from ``stops``.
        """
        stops = feed.stops
        stop_ids = (
            stops.loc[stops["location_type"].fillna(0).astype("int64") == 0, "stop_id"]
            .astype(str)
            .to_numpy()
        )
        events = stop_events(feed, day, start_s=start_s, end_s=end_s)
        index = pd.Index(stop_ids)
        stop_index = index.get_indexer(events["stop_id"])
        if (stop_index < 0).any():
            unknown = events["stop_id"].to_numpy()[stop_index < 0][0]
            raise DataError(
                f"stop_times refers to stop {unknown!r}, which is not a platform "
                "(location_type 0) in stops.txt",
                dataset="gtfs",
            )
        return _build(stop_ids, events.assign(stop=stop_index))


def _build(stop_ids: np.ndarray, events: pd.DataFrame) -> Timetable:
    """Group trip instances into non-overtaking patterns and flatten them."""
    code = (
        events["stop"].to_numpy(np.int64) * 4
        + events["can_board"].to_numpy(np.int64) * 2
        + events["can_alight"].to_numpy(np.int64)
    )
    trip = events["trip"].to_numpy()
    n_trips = int(trip.max()) + 1 if len(trip) else 0
    row_start = np.searchsorted(trip, np.arange(n_trips))
    length = np.diff(np.append(row_start, len(trip)))
    signature = pd.Series(
        [code[a : a + n].tobytes() for a, n in zip(row_start, length, strict=True)]
    )
    pattern_of_trip, _ = pd.factorize(signature)
    stop_all = events["stop"].to_numpy(np.int64)
    board_all = events["can_board"].to_numpy(bool)
    alight_all = events["can_alight"].to_numpy(bool)
    arrivals_all = events["arrival_s"].to_numpy(np.int64)
    departures_all = events["departure_s"].to_numpy(np.int64)
    trip_id_all = events["trip_id"].to_numpy()

    pattern_offsets = [0]
    pattern_trip_offsets = [0]
    stops_out: list[np.ndarray] = []
    board_out: list[np.ndarray] = []
    alight_out: list[np.ndarray] = []
    arrival_out: list[np.ndarray] = []
    departure_out: list[np.ndarray] = []
    trip_ids_out: list[np.ndarray] = []
    n_signatures = int(pattern_of_trip.max()) + 1 if n_trips else 0
    order = np.argsort(pattern_of_trip, kind="stable")
    bounds = np.searchsorted(pattern_of_trip[order], np.arange(n_signatures + 1))
    for p in range(n_signatures):
        members = order[bounds[p] : bounds[p + 1]]
        n = int(length[members[0]])
        rows = row_start[members][:, None] + np.arange(n)
        arr, dep = arrivals_all[rows], departures_all[rows]
        first = slice(row_start[members[0]], row_start[members[0]] + n)
        for group in _non_overtaking(arr, dep):
            stops_out.append(stop_all[first])
            board_out.append(board_all[first])
            alight_out.append(alight_all[first])
            arrival_out.append(arr[group].ravel())
            departure_out.append(dep[group].ravel())
            trip_ids_out.append(trip_id_all[row_start[members[group]]])
            pattern_offsets.append(pattern_offsets[-1] + n)
            pattern_trip_offsets.append(pattern_trip_offsets[-1] + len(group))

    pattern_offsets_a = np.asarray(pattern_offsets, dtype=np.int64)
    pattern_stops = _concat(stops_out, np.int64)
    sizes = np.diff(pattern_offsets_a).astype(np.int64)
    trip_counts = np.diff(np.asarray(pattern_trip_offsets, dtype=np.int64)).astype(np.int64)
    trip_sizes = np.repeat(sizes, trip_counts)
    trip_time_offsets = (np.cumsum(trip_sizes) - trip_sizes).astype(np.int64)

    pattern_of_position = np.repeat(np.arange(len(sizes)), sizes)
    position = np.arange(pattern_stops.size) - np.repeat(pattern_offsets_a[:-1], sizes)
    by_stop = np.argsort(pattern_stops, kind="stable")
    stop_pattern_offsets = np.searchsorted(
        pattern_stops[by_stop], np.arange(len(stop_ids) + 1)
    ).astype(np.int64)
    return Timetable(
        stop_ids=stop_ids,
        pattern_offsets=pattern_offsets_a,
        pattern_stops=pattern_stops,
        pattern_can_board=_concat(board_out, np.bool_),
        pattern_can_alight=_concat(alight_out, np.bool_),
        pattern_trip_offsets=np.asarray(pattern_trip_offsets, dtype=np.int64),
        trip_time_offsets=trip_time_offsets,
        arrivals=_concat(arrival_out, np.int64),
        departures=_concat(departure_out, np.int64),
        stop_pattern_offsets=stop_pattern_offsets,
        stop_patterns=pattern_of_position[by_stop].astype(np.int64),
        stop_positions=position[by_stop].astype(np.int64),
        trip_ids=_concat(trip_ids_out, object),
    )


def _non_overtaking(arrivals: np.ndarray, departures: np.ndarray) -> list[np.ndarray]:
    """Split trips (rows) into groups in which no trip overtakes another.

    Trips are taken in order of first departure; each joins the first group whose last
    trip is no later at any stop, else opens a new group (greedy, as in R5).
    """
    order = np.lexsort((arrivals[:, -1], departures[:, 0]))
    groups: list[list[int]] = []
    for trip in order:
        for group in groups:
            last = group[-1]
            if (arrivals[last] <= arrivals[trip]).all() and (
                departures[last] <= departures[trip]
            ).all():
                group.append(int(trip))
                break
        else:
            groups.append([int(trip)])
    return [np.asarray(group, dtype=np.int64) for group in groups]


def _concat(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)
