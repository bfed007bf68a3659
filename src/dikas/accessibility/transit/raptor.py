"""Range-RAPTOR over a departure window, compiled with numba.

For each origin the kernel runs RAPTOR (Delling, Pajor & Werneck 2015) once per departure
minute, from the last minute of the window to the first, keeping the round labels between
runs (*range RAPTOR*, rRAPTOR): an arrival reachable when leaving later is reachable when
leaving earlier by waiting at the origin, so the labels of minute *t + 1* are valid upper
bounds for minute *t* and each run only explores improvements. This is the method of R5
(Conway, Byrd & van der Linden 2017, "Evidence-Based Transit and Land Use Sketch Planning
Using Interactive Accessibility Methods on Combinatorial Scenario Spaces", TRR 2653).

Round ``k`` labels hold the earliest arrival using at most ``k`` vehicles; round 0 is the
access walk. In round ``k`` every pattern serving a stop improved in round ``k − 1`` is
scanned from that stop: a rider boards the earliest trip departing at least
``board_slack_s`` after reaching the stop (R5 uses 60 s) and may alight at later stops;
then walking transfers are relaxed from the stops reached by vehicle. Egress walks start
only at stops reached by vehicle (never a transfer walk followed by an egress walk), and
the walking-only direct trip competes with transit.

Two shortcuts keep each run small, both valid because labels only improve as the departure
gets earlier: a trip is (re)boarded only at stops improved in the previous round (older
labels' boardings are already reflected in the labels), and egress walks are taken only from
stops whose vehicle arrival improved in the current run.

The travel time of departure ``t`` to destination ``d`` is ``arrival − t`` (waiting at the
origin included) if at most ``max_time_s``; the reported statistic over the window's
departures is the nearest-rank percentile: the ``⌈p/100 · n⌉``-th smallest of the ``n``
travel times, unreachable counted as infinite (so a median is unreachable when more than
half of the departures cannot make it within ``max_time_s``).
"""

from __future__ import annotations

import math

import numba
import numpy as np

from dikas.accessibility.transit.legs import WalkingLegs
from dikas.accessibility.transit.timetable import Timetable
from dikas.errors import ParameterError

#: Label of a stop or destination that is not reached.
UNREACHED = np.int64(1) << np.int64(40)


def raptor_travel_times(
    timetable: Timetable,
    legs: WalkingLegs,
    departures_s: np.ndarray,
    *,
    n_destinations: int,
    percentiles: tuple[float, ...] = (50.0,),
    max_time_s: int = 7200,
    max_rounds: int = 5,
    board_slack_s: int = 60,
) -> np.ndarray:
    """Percentiles of door-to-door transit travel time over a set of departure times.

    Parameters
    ----------
    timetable
        The service day's timetable.
    legs
        Walking legs indexed by origin (``legs.access.offsets`` has one entry per origin
        plus one), stop and destination.
    departures_s
        Departure times from the origins, seconds after midnight of the service day.
    n_destinations
        Number of destination positions the egress and direct legs refer to.
    percentiles
        Percentiles in ``(0, 100]`` of travel time over the departures.
    max_time_s
        Longest travel time counted as reachable.
    max_rounds
        Most vehicles in one journey (transfers + 1).
    board_slack_s
        Minimum time between reaching a stop and the departure of a boarded vehicle.

    Returns
    -------
    numpy.ndarray
        ``float64`` array of shape ``(n_origins, len(percentiles), n_destinations)``, travel
        times in seconds, ``NaN`` where unreachable.
    """
    if not percentiles or any(not 0 < p <= 100 for p in percentiles):
        raise ParameterError("percentiles must lie in (0, 100]")
    if max_rounds < 1:
        raise ParameterError("at least one vehicle (max_rounds ≥ 1) is needed for transit")
    for targets in (legs.egress.targets, legs.direct.targets):
        if targets.size and targets.max() >= n_destinations:
            raise ParameterError("walking legs refer to more destinations than n_destinations")
    if (
        legs.transfers.offsets.size != timetable.n_stops + 1
        or legs.egress.offsets.size != timetable.n_stops + 1
    ):
        raise ParameterError("walking legs are indexed by other stops than the timetable's")
    departures = np.unique(np.asarray(departures_s, dtype=np.int64))[::-1].copy()
    if departures.size == 0:
        raise ParameterError("no departure times given")
    ranks = np.array(
        [max(0, math.ceil(p / 100 * departures.size) - 1) for p in percentiles], dtype=np.int64
    )
    n_origins = legs.access.offsets.size - 1
    result = _route_origins(
        timetable.pattern_offsets,
        timetable.pattern_stops,
        timetable.pattern_can_board,
        timetable.pattern_can_alight,
        timetable.pattern_trip_offsets,
        timetable.trip_time_offsets,
        timetable.arrivals,
        timetable.departures,
        timetable.stop_pattern_offsets,
        timetable.stop_patterns,
        timetable.stop_positions,
        legs.access.offsets,
        legs.access.targets,
        legs.access.seconds,
        legs.transfers.offsets,
        legs.transfers.targets,
        legs.transfers.seconds,
        legs.egress.offsets,
        legs.egress.targets,
        legs.egress.seconds,
        legs.direct.offsets,
        legs.direct.targets,
        legs.direct.seconds,
        departures,
        ranks,
        n_origins,
        timetable.n_stops,
        n_destinations,
        np.int64(max_time_s),
        np.int64(max_rounds),
        np.int64(board_slack_s),
    )
    times = result.astype(np.float64)
    times[result >= UNREACHED] = np.nan
    return times


@numba.njit(cache=True, parallel=True)
def _route_origins(
    pattern_offsets,
    pattern_stops,
    can_board,
    can_alight,
    pattern_trip_offsets,
    trip_time_offsets,
    arrivals,
    departures,
    stop_pattern_offsets,
    stop_patterns,
    stop_positions,
    access_offsets,
    access_targets,
    access_seconds,
    transfer_offsets,
    transfer_targets,
    transfer_seconds,
    egress_offsets,
    egress_targets,
    egress_seconds,
    direct_offsets,
    direct_targets,
    direct_seconds,
    departure_times,
    ranks,
    n_origins,
    n_stops,
    n_destinations,
    max_time_s,
    max_rounds,
    board_slack_s,
):  # pragma: no cover - compiled
    result = np.empty((n_origins, ranks.size, n_destinations), dtype=np.int64)
    for origin in numba.prange(n_origins):
        times = _range_raptor(
            pattern_offsets,
            pattern_stops,
            can_board,
            can_alight,
            pattern_trip_offsets,
            trip_time_offsets,
            arrivals,
            departures,
            stop_pattern_offsets,
            stop_patterns,
            stop_positions,
            access_targets[access_offsets[origin] : access_offsets[origin + 1]],
            access_seconds[access_offsets[origin] : access_offsets[origin + 1]],
            transfer_offsets,
            transfer_targets,
            transfer_seconds,
            egress_offsets,
            egress_targets,
            egress_seconds,
            direct_targets[direct_offsets[origin] : direct_offsets[origin + 1]],
            direct_seconds[direct_offsets[origin] : direct_offsets[origin + 1]],
            departure_times,
            n_stops,
            n_destinations,
            max_time_s,
            max_rounds,
            board_slack_s,
        )
        for d in range(n_destinations):
            column = np.sort(times[:, d])
            for r in range(ranks.size):
                result[origin, r, d] = column[ranks[r]]
    return result


@numba.njit(cache=True)
def _range_raptor(
    pattern_offsets,
    pattern_stops,
    can_board,
    can_alight,
    pattern_trip_offsets,
    trip_time_offsets,
    arrivals,
    departures,
    stop_pattern_offsets,
    stop_patterns,
    stop_positions,
    access_stops,
    access_seconds,
    transfer_offsets,
    transfer_targets,
    transfer_seconds,
    egress_offsets,
    egress_targets,
    egress_seconds,
    direct_targets,
    direct_seconds,
    departure_times,
    n_stops,
    n_destinations,
    max_time_s,
    max_rounds,
    board_slack_s,
):  # pragma: no cover - compiled
    """Travel times ``(n_departures, n_destinations)`` of one origin, ``UNREACHED`` if none."""
    n_patterns = pattern_offsets.size - 1
    best = np.full((max_rounds + 1, n_stops), UNREACHED, dtype=np.int64)
    by_vehicle = np.full((max_rounds + 1, n_stops), UNREACHED, dtype=np.int64)
    # stops improved in the previous round (boarding candidates), in this round (to board
    # next round) and reached by vehicle in this round (to walk transfers from): flag + list
    marked = np.zeros(n_stops, dtype=np.bool_)
    marked_list = np.empty(n_stops, dtype=np.int64)
    next_marked = np.zeros(n_stops, dtype=np.bool_)
    next_list = np.empty(n_stops, dtype=np.int64)
    vehicle_marked = np.zeros(n_stops, dtype=np.bool_)
    vehicle_list = np.empty(n_stops, dtype=np.int64)
    scan_from = np.full(n_patterns, -1, dtype=np.int64)
    queued = np.empty(n_patterns, dtype=np.int64)
    # earliest arrival by vehicle at each stop and at each destination over the runs so far:
    # both only improve as the departure gets earlier, so egress is walked only from stops
    # whose arrival improved in the current run
    earliest_vehicle = np.full(n_stops, UNREACHED, dtype=np.int64)
    destination_arrival = np.full(n_destinations, UNREACHED, dtype=np.int64)
    improved = np.empty(n_stops, dtype=np.int64)
    is_improved = np.zeros(n_stops, dtype=np.bool_)
    times = np.full((departure_times.size, n_destinations), UNREACHED, dtype=np.int64)

    direct_best = np.full(n_destinations, UNREACHED, dtype=np.int64)
    for j in range(direct_targets.size):
        if direct_seconds[j] < direct_best[direct_targets[j]]:
            direct_best[direct_targets[j]] = direct_seconds[j]

    for run in range(departure_times.size):
        t0 = departure_times[run]
        limit = t0 + max_time_s
        n_improved = 0
        n_marked = 0
        for j in range(access_stops.size):
            s = access_stops[j]
            arrival = t0 + access_seconds[j]
            if arrival < best[0, s]:
                best[0, s] = arrival
                if not marked[s]:
                    marked[s] = True
                    marked_list[n_marked] = s
                    n_marked += 1

        for k in range(1, max_rounds + 1):
            if n_marked == 0:
                break
            # labels with at most k vehicles include those with at most k - 1
            for s in range(n_stops):
                if best[k - 1, s] < best[k, s]:
                    best[k, s] = best[k - 1, s]
                if by_vehicle[k - 1, s] < by_vehicle[k, s]:
                    by_vehicle[k, s] = by_vehicle[k - 1, s]
            n_queued = 0
            for i in range(n_marked):
                s = marked_list[i]
                for j in range(stop_pattern_offsets[s], stop_pattern_offsets[s + 1]):
                    p = stop_patterns[j]
                    position = stop_positions[j]
                    if scan_from[p] < 0:
                        queued[n_queued] = p
                        n_queued += 1
                        scan_from[p] = position
                    elif position < scan_from[p]:
                        scan_from[p] = position
            n_next = 0
            n_vehicle = 0
            for q in range(n_queued):
                p = queued[q]
                first = pattern_offsets[p]
                n_positions = pattern_offsets[p + 1] - first
                first_trip = pattern_trip_offsets[p]
                end_trip = pattern_trip_offsets[p + 1]
                trip = end_trip
                for position in range(scan_from[p], n_positions):
                    s = pattern_stops[first + position]
                    if trip < end_trip and can_alight[first + position]:
                        arrival = arrivals[trip_time_offsets[trip] + position]
                        if arrival <= limit and arrival < by_vehicle[k, s]:
                            by_vehicle[k, s] = arrival
                            if not vehicle_marked[s]:
                                vehicle_marked[s] = True
                                vehicle_list[n_vehicle] = s
                                n_vehicle += 1
                            if arrival < earliest_vehicle[s]:
                                earliest_vehicle[s] = arrival
                                if not is_improved[s]:
                                    is_improved[s] = True
                                    improved[n_improved] = s
                                    n_improved += 1
                            if arrival < best[k, s]:
                                best[k, s] = arrival
                                if not next_marked[s]:
                                    next_marked[s] = True
                                    next_list[n_next] = s
                                    n_next += 1
                    # Only stops improved in round k - 1 can board an earlier trip than
                    # before: an older label's boardings are already in the labels (rRAPTOR).
                    if marked[s] and can_board[first + position]:
                        ready = best[k - 1, s] + board_slack_s
                        if (
                            trip == end_trip
                            or ready <= departures[trip_time_offsets[trip] + position]
                        ):
                            lo = first_trip
                            hi = trip
                            while lo < hi:
                                mid = (lo + hi) // 2
                                if departures[trip_time_offsets[mid] + position] >= ready:
                                    hi = mid
                                else:
                                    lo = mid + 1
                            if lo < trip:
                                trip = lo
                scan_from[p] = -1
            for i in range(n_vehicle):
                s = vehicle_list[i]
                vehicle_marked[s] = False
                for j in range(transfer_offsets[s], transfer_offsets[s + 1]):
                    target = transfer_targets[j]
                    arrival = by_vehicle[k, s] + transfer_seconds[j]
                    if arrival <= limit and arrival < best[k, target]:
                        best[k, target] = arrival
                        if not next_marked[target]:
                            next_marked[target] = True
                            next_list[n_next] = target
                            n_next += 1
            for i in range(n_marked):
                marked[marked_list[i]] = False
            marked, next_marked = next_marked, marked
            marked_list, next_list = next_list, marked_list
            n_marked = n_next
        for i in range(n_marked):
            marked[marked_list[i]] = False

        for i in range(n_improved):
            s = improved[i]
            is_improved[s] = False
            for j in range(egress_offsets[s], egress_offsets[s + 1]):
                arrival = earliest_vehicle[s] + egress_seconds[j]
                if arrival < destination_arrival[egress_targets[j]]:
                    destination_arrival[egress_targets[j]] = arrival
        row = times[run]
        for d in range(n_destinations):
            duration = direct_best[d]
            if destination_arrival[d] - t0 < duration:
                duration = destination_arrival[d] - t0
            row[d] = duration if duration <= max_time_s else UNREACHED
    return times
