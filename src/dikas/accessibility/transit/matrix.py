"""Door-to-door public-transport travel-time matrices over a departure window.

This is the R5 method (Conway, Byrd & van der Linden 2017): for every departure minute of a
window, the fastest door-to-door journey — access walk, up to ``transfers_max + 1``
vehicles with walking transfers, egress walk, or walking all the way — and, per origin and
destination, the median and chosen percentiles of those travel times. Walking legs come
from any object with the street network's ``travel_time_matrix`` method
(:class:`dikas.accessibility.network.StreetNetwork`, or
:class:`dikas.accessibility.transit.walking.StraightLineWalk` where no network exists).
Like R5, the router takes transfers from walking on the street network, not from GTFS
``transfers.txt`` (which is read but not used for routing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.accessibility.transit.legs import WalkingLegs
from dikas.accessibility.transit.raptor import raptor_travel_times
from dikas.accessibility.transit.timetable import Timetable
from dikas.errors import MissingColumnError, ParameterError
from dikas.progress import step
from dikas.sources.gtfs import GtfsFeed


class WalkingNetwork(Protocol):
    """Anything that computes walking times like a street network does."""

    def travel_time_matrix(
        self,
        origins: gpd.GeoDataFrame,
        destinations: gpd.GeoDataFrame,
        *,
        origin_id: str,
        destination_id: str,
        max_time_min: float | None = None,
    ) -> pd.DataFrame: ...


def transit_travel_time_matrix(
    feed: GtfsFeed,
    street_network: WalkingNetwork,
    origins: gpd.GeoDataFrame,
    destinations: gpd.GeoDataFrame,
    *,
    origin_id: str,
    destination_id: str,
    departure: dt.datetime,
    window_min: int = 60,
    percentiles: Sequence[float] = (50,),
    max_time_min: float = 120,
    max_walk_min: float = 15,
    transfers_max: int = 4,
    board_slack_s: int = 60,
) -> pd.DataFrame:
    """Public-transport travel times between every origin and destination.

    Parameters
    ----------
    feed
        The GTFS feed.
    street_network
        Walking network (``travel_time_matrix`` in minutes, ``NaN`` or absent rows where
        unreachable).
    origins, destinations
        Points or polygons (the walking network starts and ends at their centroids), each
        with an id column.
    origin_id, destination_id
        Names of the id columns.
    departure
        First departure (local time of the feed); its date is the GTFS service day.
    window_min
        Number of departure minutes: ``departure``, ``departure + 1 min``, … (R5's window).
    percentiles
        Percentiles of travel time over the window to report besides the median.
    max_time_min
        Longest door-to-door travel time; longer journeys count as unreachable.
    max_walk_min
        Longest single walking leg (access, transfer, egress, and the walking-only trip).
    transfers_max
        Most transfers in one journey (vehicles − 1).
    board_slack_s
        Minimum time between reaching a stop and boarding (R5: 60 s).

    Returns
    -------
    pandas.DataFrame
        ``from_id``, ``to_id``, ``travel_time`` (median over the window, minutes) and one
        ``travel_time_p{k}`` column per requested percentile other than 50, for every
        origin × destination pair (r5py's layout); ``NaN`` where unreachable.
    """
    percentiles = tuple(float(p) for p in percentiles)
    _check(origins, origin_id, "origins")
    _check(destinations, destination_id, "destinations")
    if window_min < 1 or max_time_min <= 0 or max_walk_min < 0 or transfers_max < 0:
        raise ParameterError(
            "window_min ≥ 1, max_time_min > 0, max_walk_min ≥ 0 and transfers_max ≥ 0 are required"
        )
    stops = feed.stops[feed.stops["location_type"].fillna(0).astype("int64") == 0]
    start_s = departure.hour * 3600 + departure.minute * 60 + departure.second
    departures_s = start_s + 60 * np.arange(window_min, dtype=np.int64)
    with step("transit timetable"):
        timetable = Timetable.from_feed(
            feed, departure.date(), start_s=start_s, end_s=int(departures_s[-1] + max_time_min * 60)
        )
    with step("walking legs to, from and between stops"):
        legs = walking_legs(
            street_network,
            origins,
            destinations,
            stops,
            origin_id=origin_id,
            destination_id=destination_id,
            max_walk_min=max_walk_min,
            stop_ids=pd.Index(timetable.stop_ids),
        )
    statistics = (50.0, *(p for p in percentiles if p != 50.0))
    with step(f"RAPTOR for {len(origins)} origins × {window_min} departure minutes"):
        seconds = raptor_travel_times(
            timetable,
            legs,
            departures_s,
            n_destinations=len(destinations),
            percentiles=statistics,
            max_time_s=int(max_time_min * 60),
            max_rounds=transfers_max + 1,
            board_slack_s=board_slack_s,
        )
    return travel_time_frame(seconds, statistics, origins[origin_id], destinations[destination_id])


def travel_time_frame(
    seconds: np.ndarray,
    statistics: Sequence[float],
    origin_ids: pd.Series,
    destination_ids: pd.Series,
) -> pd.DataFrame:
    """The long matrix ``from_id, to_id, travel_time[, travel_time_pNN]`` (minutes) from
    RAPTOR's ``seconds[origin, statistic, destination]``; the first statistic is the median."""
    n_o, n_d = len(origin_ids), len(destination_ids)
    frame = pd.DataFrame(
        {
            "from_id": np.repeat(origin_ids.to_numpy(), n_d),
            "to_id": np.tile(destination_ids.to_numpy(), n_o),
        }
    )
    for i, p in enumerate(statistics):
        name = "travel_time" if i == 0 else f"travel_time_p{p:g}"
        frame[name] = seconds[:, i, :].ravel() / 60
    return frame


def walking_legs(
    street_network: WalkingNetwork,
    origins: gpd.GeoDataFrame,
    destinations: gpd.GeoDataFrame,
    stops: gpd.GeoDataFrame,
    *,
    origin_id: str,
    destination_id: str,
    max_walk_min: float,
    stop_ids: pd.Index,
) -> WalkingLegs:
    """Access, transfer, egress and direct walking legs within ``max_walk_min``."""

    def legs(a: gpd.GeoDataFrame, b: gpd.GeoDataFrame, a_id: str, b_id: str) -> pd.DataFrame:
        table = street_network.travel_time_matrix(
            a, b, origin_id=a_id, destination_id=b_id, max_time_min=max_walk_min
        )
        return table[table["travel_time"] <= max_walk_min]

    stops = stops[["stop_id", "geometry"]]
    return WalkingLegs.from_frames(
        access=legs(origins, stops, origin_id, "stop_id"),
        transfers=legs(stops, stops, "stop_id", "stop_id"),
        egress=legs(stops, destinations, "stop_id", destination_id),
        direct=legs(origins, destinations, origin_id, destination_id),
        origin_ids=pd.Index(origins[origin_id]),
        stop_ids=stop_ids,
        destination_ids=pd.Index(destinations[destination_id]),
    )


def _check(frame: gpd.GeoDataFrame, column: str, role: str) -> None:
    if column not in frame.columns:
        raise MissingColumnError(f"{role} lack id column {column!r}")
    if not frame[column].is_unique:
        raise ParameterError(f"{role} ids in column {column!r} are not unique")
    if len(frame) == 0:
        raise ParameterError(f"no {role} given")
