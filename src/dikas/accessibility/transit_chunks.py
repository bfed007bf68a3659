"""Transit travel-time matrices by origin chunks, here or on a Dask cluster.

:func:`~dikas.accessibility.transit.matrix.transit_travel_time_matrix` in pieces that
scale: what does not depend on the origins — the day's timetable, the walking transfers
between stops and the egress walks from stops to destinations — is computed once (the two
walking tables themselves by stop chunks) and shared with every chunk (scattered to every
worker once on a cluster); each origin chunk then walks to its stops and destinations and
runs RAPTOR for its origins only. RAPTOR routes every origin on its own, so the result
equals the one-shot matrix exactly, whatever the chunk size and wherever chunks run.
"""

from __future__ import annotations

import datetime as dt
import inspect
import warnings
from collections.abc import Sequence
from functools import partial
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.accessibility.matrix import DEFAULT_CHUNK_SIZE, origin_chunks
from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.transit.legs import WalkingLegs
from dikas.accessibility.transit.matrix import (
    _check,
    transit_travel_time_matrix,
    travel_time_frame,
)
from dikas.accessibility.transit.raptor import raptor_travel_times
from dikas.accessibility.transit.timetable import Timetable
from dikas.cluster import cluster_session, run_chunks
from dikas.errors import ParameterError
from dikas.sources.gtfs import GtfsFeed

_DEFAULTS = {
    name: p.default
    for name, p in inspect.signature(transit_travel_time_matrix).parameters.items()
    if p.default is not inspect.Parameter.empty
}
"""The one-shot router's defaults (window, max time, walk, transfers, slack), kept in step."""
STOP_CHUNK_SIZE = 500
"""Stops per chunk of the transfer and egress walks."""


def _walk_legs(
    sources: gpd.GeoDataFrame,
    *,
    network: StreetNetwork,
    targets: gpd.GeoDataFrame,
    source_id: str,
    target_id: str,
    max_walk_min: float,
) -> pd.DataFrame:
    """Walks of at most ``max_walk_min`` from ``sources`` to ``targets`` (the pairs kept)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # unsnapped points get no legs
        table = network.travel_time_matrix(
            sources,
            targets,
            origin_id=source_id,
            destination_id=target_id,
            max_time_min=max_walk_min,
        )
    return table[table["travel_time"] <= max_walk_min].reset_index(drop=True)


def _route_chunk(
    origins: gpd.GeoDataFrame,
    *,
    network: StreetNetwork,
    destinations: gpd.GeoDataFrame,
    stops: gpd.GeoDataFrame,
    timetable: Timetable,
    transfers: pd.DataFrame,
    egress: pd.DataFrame,
    origin_id: str,
    destination_id: str,
    departures_s: np.ndarray,
    statistics: tuple[float, ...],
    max_time_min: float,
    max_walk_min: float,
    transfers_max: int,
    board_slack_s: int,
) -> pd.DataFrame:
    """One origin chunk: access and direct walks, RAPTOR, the chunk's rows of the matrix."""
    walk = partial(_walk_legs, network=network, source_id=origin_id, max_walk_min=max_walk_min)
    legs = WalkingLegs.from_frames(
        access=walk(origins, targets=stops, target_id="stop_id"),
        transfers=transfers,
        egress=egress,
        direct=walk(origins, targets=destinations, target_id=destination_id),
        origin_ids=pd.Index(origins[origin_id]),
        stop_ids=pd.Index(timetable.stop_ids),
        destination_ids=pd.Index(destinations[destination_id]),
    )
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


def transit_matrix(
    feed: GtfsFeed,
    network: StreetNetwork,
    origins: gpd.GeoDataFrame,
    destinations: gpd.GeoDataFrame,
    *,
    origin_id: str,
    destination_id: str,
    departure: dt.datetime,
    window_min: int = _DEFAULTS["window_min"],
    percentiles: Sequence[float] = _DEFAULTS["percentiles"],
    max_time_min: float | None = None,
    max_walk_min: float = _DEFAULTS["max_walk_min"],
    transfers_max: int = _DEFAULTS["transfers_max"],
    board_slack_s: int = _DEFAULTS["board_slack_s"],
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Transit travel-time matrix by origin chunks, equal to the one-shot matrix.

    Parameters are those of
    :func:`~dikas.accessibility.transit.matrix.transit_travel_time_matrix` (``network``
    is the walk network; ``max_time_min=None`` is its default, 120), plus:

    chunk_size
        Origins per chunk (one task each on a cluster); stop-to-stop transfers and egress
        walks are computed in chunks of :data:`STOP_CHUNK_SIZE` stops.
    dask_address
        Scheduler address of a Dask cluster; ``None`` runs the chunks here.
    progress
        Progress bars on stderr (local runs).
    """
    if max_time_min is None:
        max_time_min = _DEFAULTS["max_time_min"]
    _check(origins, origin_id, "origins")
    _check(destinations, destination_id, "destinations")
    if window_min < 1 or max_time_min <= 0 or max_walk_min < 0 or transfers_max < 0:
        raise ParameterError(
            "window_min ≥ 1, max_time_min > 0, max_walk_min ≥ 0 and transfers_max ≥ 0 are required"
        )
    chunks = origin_chunks(origins, chunk_size)
    with cluster_session(dask_address):  # the network reaches every worker once
        shared = shared_inputs(
            feed,
            network,
            destinations,
            destination_id=destination_id,
            departure=departure,
            window_min=window_min,
            max_time_min=max_time_min,
            max_walk_min=max_walk_min,
            dask_address=dask_address,
            progress=progress,
        )
        departures_s = shared.pop("departures_s")
        statistics = (50.0, *(float(p) for p in percentiles if float(p) != 50.0))
        route = partial(
            _route_chunk,
            origin_id=origin_id,
            destination_id=destination_id,
            departures_s=departures_s,
            statistics=statistics,
            max_time_min=max_time_min,
            max_walk_min=max_walk_min,
            transfers_max=transfers_max,
            board_slack_s=board_slack_s,
        )
        parts = run_chunks(
            route,
            chunks,
            shared=shared,
            dask_address=dask_address,
            label="transit chunks",
            progress=progress,
        )
    return pd.concat(parts, ignore_index=True)


def shared_inputs(
    feed: GtfsFeed,
    network: StreetNetwork,
    destinations: gpd.GeoDataFrame,
    *,
    destination_id: str,
    departure: dt.datetime,
    window_min: int,
    max_time_min: float,
    max_walk_min: float,
    dask_address: str | None,
    progress: bool = True,
) -> dict[str, Any]:
    """What every origin chunk shares: network, destinations, stops, timetable, walks.

    The transfer (stop → stop) and egress (stop → destination) walks run by chunks of
    :data:`STOP_CHUNK_SIZE` stops, on the cluster when ``dask_address`` is given; only the pairs
    within ``max_walk_min`` are kept, so they stay small. ``departures_s`` are the window's
    departure times (seconds after midnight).
    """
    stops = feed.stops[feed.stops["location_type"].fillna(0).astype("int64") == 0]
    stops = stops[["stop_id", "geometry"]]
    start_s = departure.hour * 3600 + departure.minute * 60 + departure.second
    departures_s = start_s + 60 * np.arange(window_min, dtype=np.int64)
    timetable = Timetable.from_feed(
        feed, departure.date(), start_s=start_s, end_s=int(departures_s[-1] + max_time_min * 60)
    )
    stop_chunks = origin_chunks(stops, STOP_CHUNK_SIZE)
    transfers = pd.concat(
        run_chunks(
            partial(
                _walk_legs, source_id="stop_id", target_id="stop_id", max_walk_min=max_walk_min
            ),
            stop_chunks,
            shared={"network": network, "targets": stops},
            dask_address=dask_address,
            label="transfer walks",
            progress=progress,
        ),
        ignore_index=True,
    )
    egress = pd.concat(
        run_chunks(
            partial(
                _walk_legs, source_id="stop_id", target_id=destination_id, max_walk_min=max_walk_min
            ),
            stop_chunks,
            shared={"network": network, "targets": destinations},
            dask_address=dask_address,
            label="egress walks",
            progress=progress,
        ),
        ignore_index=True,
    )
    return {
        "network": network,
        "destinations": destinations,
        "stops": stops,
        "timetable": timetable,
        "transfers": transfers,
        "egress": egress,
        "departures_s": departures_s,
    }
