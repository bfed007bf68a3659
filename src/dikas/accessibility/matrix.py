"""Travel-time matrices split into origin chunks, run locally or on a Dask cluster.

Each chunk is an independent :meth:`StreetNetwork.travel_time_matrix` call (transit:
:mod:`dikas.accessibility.transit_chunks`), so the result does not depend on the chunk
size or on where chunks run. On a cluster (:mod:`dikas.cluster`) the network and the
destinations are scattered to every worker once (``broadcast=True``) and the chunks are
mapped over them.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.accessibility.network import StreetNetwork
from dikas.cluster import run_chunks
from dikas.errors import ParameterError

if TYPE_CHECKING:
    from dikas.twin.store import Twin

DEFAULT_CHUNK_SIZE = 250
"""Origins per chunk."""

CONNECT_TIMEOUT = "10s"
"""How long to wait for the Dask scheduler."""


def _chunk_matrix(
    origins: gpd.GeoDataFrame,
    *,
    network: StreetNetwork,
    destinations: gpd.GeoDataFrame,
    origin_id: str,
    destination_id: str,
    max_time_min: float | None,
    max_snap_distance_m: float,
) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return network.travel_time_matrix(
            origins,
            destinations,
            origin_id=origin_id,
            destination_id=destination_id,
            max_time_min=max_time_min,
            max_snap_distance_m=max_snap_distance_m,
        )


def compute_matrix(
    network: StreetNetwork,
    origins: gpd.GeoDataFrame,
    destinations: gpd.GeoDataFrame,
    *,
    origin_id: str,
    destination_id: str,
    max_time_min: float | None = None,
    max_snap_distance_m: float = 500.0,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Travel-time matrix (``from_id``, ``to_id``, ``travel_time`` in minutes) by chunks.

    Parameters
    ----------
    network
        The walk or bike network.
    origins, destinations
        Points (polygons use their centroids) with unique id columns.
    origin_id, destination_id
        The id columns.
    max_time_min
        Longest travel time kept; longer ones are ``NaN``.
    max_snap_distance_m
        Points farther from the network are reported and get ``NaN`` times.
    chunk_size
        Origins per chunk (one task each).
    dask_address
        Scheduler address (``tcp://host:port``) of a Dask distributed cluster; ``None`` runs
        the chunks here, one after another.
    progress
        Show a progress bar on stderr (local runs).

    Returns
    -------
    pandas.DataFrame
        Rows ordered by origin, then destination, as :meth:`StreetNetwork.travel_time_matrix`
        returns them; ``attrs["unsnapped_origins"]``/``["unsnapped_destinations"]`` list
        points that could not be snapped.
    """
    chunks = origin_chunks(origins, chunk_size)
    run_chunk = partial(
        _chunk_matrix,
        origin_id=origin_id,
        destination_id=destination_id,
        max_time_min=max_time_min,
        max_snap_distance_m=max_snap_distance_m,
    )
    parts = _on_cluster(dask_address, run_chunk, network, chunks, destinations, progress=progress)
    frame = pd.concat(parts, ignore_index=True)
    unsnapped_origins = [i for part in parts for i in part.attrs.get("unsnapped_origins", [])]
    unsnapped_destinations = parts[0].attrs.get("unsnapped_destinations", [])
    frame.attrs = {
        "unsnapped_origins": unsnapped_origins,
        "unsnapped_destinations": unsnapped_destinations,
    }
    for role, missing in (("origins", unsnapped_origins), ("destinations", unsnapped_destinations)):
        if missing:
            warnings.warn(
                f"{len(missing)} {role} are farther than {max_snap_distance_m:g} m "
                f"from the street network and have no travel times",
                stacklevel=2,
            )
    return frame


def origin_chunks(origins: gpd.GeoDataFrame, chunk_size: int) -> list[gpd.GeoDataFrame]:
    """``origins`` in consecutive slices of at most ``chunk_size`` rows (one task each)."""
    if chunk_size < 1:
        raise ParameterError(f"chunk_size must be at least 1, not {chunk_size}")
    bounds = np.arange(0, len(origins), chunk_size)
    return [origins.iloc[start : start + chunk_size] for start in bounds] or [origins]


def _on_cluster(
    address: str | None,
    run_chunk: Callable[..., pd.DataFrame],
    network: StreetNetwork,
    chunks: list[gpd.GeoDataFrame],
    destinations: gpd.GeoDataFrame,
    *,
    progress: bool = True,
) -> list[pd.DataFrame]:
    """The chunks' matrices, the network and destinations shared (scattered once)."""
    return run_chunks(
        run_chunk,
        chunks,
        shared={"network": network, "destinations": destinations},
        dask_address=address,
        label="travel-time chunks",
        progress=progress,
        connect_timeout=CONNECT_TIMEOUT,
    )


def twin_travel_times(
    twin: Twin,
    mode: str,
    origins: gpd.GeoDataFrame,
    destinations: gpd.GeoDataFrame,
    *,
    origin_id: str,
    destination_id: str,
    max_time_min: float | None = None,
    speed_mps: float | None = None,
    departure: dt.datetime | None = None,
    window_min: int = 60,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
    network: StreetNetwork | None = None,
) -> pd.DataFrame:
    """Travel-time matrix of ``mode`` (``walk``, ``bike`` or ``transit``) on a twin's data.

    Walk and bike route on the twin's street network (``network`` if already built, else
    built with ``speed_mps``). Transit runs
    :func:`dikas.accessibility.transit_chunks.transit_matrix` (equal to
    :func:`~dikas.accessibility.transit.matrix.transit_travel_time_matrix`) on the twin's
    GTFS tables with the walk network (``network``) for access, egress and transfers, for
    departures in ``[departure, departure + window_min)`` (median travel time); without a
    ``departure``, 08:00 on the feed's busiest weekday
    (:func:`dikas.accessibility.transit.schedule.typical_departure`).
    """
    if mode in ("walk", "bike"):
        network = network or StreetNetwork.from_twin(twin, mode, speed_mps=speed_mps)  # type: ignore[arg-type]
        return compute_matrix(
            network,
            origins,
            destinations,
            origin_id=origin_id,
            destination_id=destination_id,
            max_time_min=max_time_min,
            chunk_size=chunk_size,
            dask_address=dask_address,
        )
    if mode != "transit":
        raise ParameterError(f"unknown mode {mode!r}; use walk, bike or transit")
    from dikas.accessibility.transit.schedule import typical_departure
    from dikas.accessibility.transit_chunks import transit_matrix
    from dikas.sources.gtfs import GtfsFeed

    if network is not None and network.mode != "walk":
        raise ParameterError("transit needs the walk network for access, egress and transfers")
    walk = network or StreetNetwork.from_twin(twin, "walk", speed_mps=speed_mps)
    feed = GtfsFeed.from_twin(twin)
    return transit_matrix(
        feed,
        walk,
        origins,
        destinations,
        origin_id=origin_id,
        destination_id=destination_id,
        departure=departure or typical_departure(feed),
        window_min=window_min,
        max_time_min=max_time_min,
        chunk_size=chunk_size,
        dask_address=dask_address,
    )
