"""A plain-Python Connection Scan router: the slow, independent reference for RAPTOR.

The Connection Scan Algorithm (Dibbelt, Pajor, Strasser & Wagner 2018, "Connection Scan
Algorithm", ACM JEA 23) sorts every elementary connection (a vehicle running from one stop
to the next) by departure time and scans them once per query: a connection is usable when
the rider is already on its trip or reached its stop ``board_slack_s`` before it departs.
It shares nothing with the RAPTOR kernel but the timetable arrays and the walking-leg rules
(access walk, walking transfers from stops reached by vehicle, egress from stops reached by
vehicle, direct walk), so agreement between the two validates the kernel. It has no limit
on the number of vehicles; it is used by the tests and as the benchmark's peer, not by
indicator code.
"""

from __future__ import annotations

import math

import numpy as np

from dikas.accessibility.transit.legs import WalkingLegs
from dikas.accessibility.transit.timetable import Timetable

_INF = math.inf


class ConnectionScan:
    """Earliest-arrival queries over a timetable, one departure time at a time."""

    def __init__(self, timetable: Timetable, legs: WalkingLegs, *, board_slack_s: int = 60) -> None:
        deps, arrs, froms, tos, trips, boards, alights = [], [], [], [], [], [], []
        for p in range(timetable.n_patterns):
            first = int(timetable.pattern_offsets[p])
            n = int(timetable.pattern_offsets[p + 1]) - first
            stops = timetable.pattern_stops[first : first + n].tolist()
            board = timetable.pattern_can_board[first : first + n].tolist()
            alight = timetable.pattern_can_alight[first : first + n].tolist()
            for trip in range(
                int(timetable.pattern_trip_offsets[p]), int(timetable.pattern_trip_offsets[p + 1])
            ):
                offset = int(timetable.trip_time_offsets[trip])
                for i in range(n - 1):
                    deps.append(int(timetable.departures[offset + i]))
                    arrs.append(int(timetable.arrivals[offset + i + 1]))
                    froms.append(stops[i])
                    tos.append(stops[i + 1])
                    trips.append(trip)
                    boards.append(board[i])
                    alights.append(alight[i + 1])
        order = sorted(range(len(deps)), key=lambda c: (deps[c], arrs[c]))
        self._connections = [
            (deps[c], arrs[c], froms[c], tos[c], trips[c], boards[c], alights[c]) for c in order
        ]
        self._departures = [deps[c] for c in order]
        self._n_stops = timetable.n_stops
        self._legs = legs
        self._slack = board_slack_s
        self._transfers = _adjacency(
            legs.transfers.offsets, legs.transfers.targets, legs.transfers.seconds
        )
        self._egress = _adjacency(legs.egress.offsets, legs.egress.targets, legs.egress.seconds)

    def travel_times(
        self, origin: int, departure_s: int, *, n_destinations: int, max_time_s: int
    ) -> list[float]:
        """Travel time (seconds, ``inf`` if unreachable) to each destination position."""
        access = self._legs.access
        reached = [_INF] * self._n_stops
        by_vehicle = [_INF] * self._n_stops
        for j in range(int(access.offsets[origin]), int(access.offsets[origin + 1])):
            stop = int(access.targets[j])
            reached[stop] = min(reached[stop], departure_s + int(access.seconds[j]))
        limit = departure_s + max_time_s
        on_trip: set[int] = set()
        start = _first_at_or_after(self._departures, departure_s)
        for dep, arr, from_stop, to_stop, trip, board, alight in self._connections[start:]:
            if dep > limit:
                break
            if trip not in on_trip:
                if not (board and reached[from_stop] + self._slack <= dep):
                    continue
                on_trip.add(trip)
            if alight and arr <= limit and arr < by_vehicle[to_stop]:
                by_vehicle[to_stop] = arr
                reached[to_stop] = min(reached[to_stop], arr)
                for target, seconds in self._transfers[to_stop]:
                    reached[target] = min(reached[target], arr + seconds)
        times = [_INF] * n_destinations
        direct = self._legs.direct
        for j in range(int(direct.offsets[origin]), int(direct.offsets[origin + 1])):
            d = int(direct.targets[j])
            times[d] = min(times[d], int(direct.seconds[j]))
        for stop, arrival in enumerate(by_vehicle):
            if arrival < _INF:
                for d, seconds in self._egress[stop]:
                    times[d] = min(times[d], arrival + seconds - departure_s)
        return [t if t <= max_time_s else _INF for t in times]

    def percentiles(
        self,
        origin: int,
        departures_s: list[int],
        *,
        n_destinations: int,
        percentiles: tuple[float, ...],
        max_time_s: int,
    ) -> np.ndarray:
        """Nearest-rank percentiles ``(len(percentiles), n_destinations)``, NaN unreachable."""
        runs = np.array(
            [
                self.travel_times(origin, t, n_destinations=n_destinations, max_time_s=max_time_s)
                for t in departures_s
            ],
            dtype=np.float64,
        )
        ordered = np.sort(runs, axis=0)
        ranks = [max(0, math.ceil(p / 100 * len(departures_s)) - 1) for p in percentiles]
        chosen = ordered[ranks, :]
        chosen[np.isinf(chosen)] = np.nan
        return chosen


def _adjacency(
    offsets: np.ndarray, targets: np.ndarray, seconds: np.ndarray
) -> list[list[tuple[int, int]]]:
    return [
        list(
            zip(
                targets[offsets[i] : offsets[i + 1]].tolist(),
                seconds[offsets[i] : offsets[i + 1]].tolist(),
                strict=True,
            )
        )
        for i in range(offsets.size - 1)
    ]


def _first_at_or_after(values: list[int], value: int) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] >= value:
            hi = mid
        else:
            lo = mid + 1
    return lo
