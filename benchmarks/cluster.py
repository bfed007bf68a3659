"""Cost per chunk of DikaS's heavy steps, here and on a 2-worker Dask cluster on loopback.

Steps, each split into chunks exactly as ``--dask`` runs them (:mod:`dikas.cluster`):

1. **walk matrix**: HSY 250 m grid cells (2021) inside the inner-Helsinki OSM extract
   (``greenpaths2_osm/helsinki_centre_20240815.osm.pbf``) × the extract's OSM service
   points, 60-minute cutoff, ``--chunk-size`` origins per chunk;
2. **transit matrix**: populated cells within 300 m of a stop of the HSL feed (Tue
   2022-02-22) and inside the extract × the services, walking on the extract's network,
   ``--window`` departure minutes, ``--transit-chunk`` origins per chunk (per chunk: the
   access and direct walks and RAPTOR; the timetable and the stop walks are shared and
   timed once);
3. **permutation inference**: the two-group suite of global segregation indices on the
   Paavo 2023 postal areas (lowest-income inhabitants among adults), ``--draws`` data sets
   in chunks of ``--draw-chunk``.

For each step it prints the local time per chunk (median of the chunks of a local run), the
whole local run, the run on a real ``dask scheduler`` with two ``dask worker`` processes
(one thread each) on 127.0.0.1, the ratio local/cluster, and the pickled size of the inputs
scattered to every worker. Results on the cluster are checked to equal the local ones.
The cluster shares this machine's cores with the client, so the ratio shows overhead and
parallelism on 2 cores, not a real cluster's speed.

Usage::

    python benchmarks/cluster.py [--chunk-size 35] [--transit-chunk 25] [--window 20]
                                 [--max-transit-origins 100] [--draws 400] [--draw-chunk 100]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numba
import numpy as np
import pandas as pd

from dikas.accessibility.matrix import _chunk_matrix, compute_matrix
from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.transit_chunks import _route_chunk, shared_inputs, transit_matrix
from dikas.segregation import two_group_counts
from dikas.segregation.inference import null_tests
from dikas.segregation.registry import TWO_GROUP_SUITE
from dikas.sources.gtfs import read_gtfs
from dikas.sources.osm_features import read_osm_services
from dikas.sources.osm_network import read_street_network

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.dask_cluster import loopback_cluster
from tests.segregation.helpers import ADULTS, LOW_INCOME, read_paavo

_MIRROR = Path(
    os.environ.get("DIKAS_DATA_DIR", Path(__file__).resolve().parents[2] / "shared" / "data")
)
_DEPARTURE = dt.datetime(2022, 2, 22, 8, 0)


def _timed(function: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def _per_chunk(run_one: Callable[[Any], Any], chunks: list[Any]) -> float:
    times = []
    for chunk in chunks:
        times.append(_timed(lambda c=chunk: run_one(c))[1])
    return statistics.median(times)


def _mb(*objects: object) -> float:
    return sum(len(pickle.dumps(o)) for o in objects) / 1e6


def _line(
    step: str,
    chunk: str,
    per_chunk: float,
    n_chunks: int,
    local: float,
    cluster: float,
    shared_mb: float,
) -> None:
    print(
        f"{step:<22} {chunk:<26} {per_chunk:7.2f} s/chunk × {n_chunks:3d} | local "
        f"{local:6.1f} s | 2 workers {cluster:6.1f} s | local/cluster {local / cluster:4.2f}"
        f" | scattered {shared_mb:5.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunk-size", type=int, default=35, help="walk origins per chunk")
    parser.add_argument("--transit-chunk", type=int, default=25, help="transit origins per chunk")
    parser.add_argument("--window", type=int, default=20, help="transit departure minutes")
    parser.add_argument("--max-transit-origins", type=int, default=100)
    parser.add_argument("--draws", type=int, default=400, help="permutation data sets")
    parser.add_argument("--draw-chunk", type=int, default=100, help="data sets per chunk")
    args = parser.parse_args()
    warnings.simplefilter("ignore", UserWarning)  # unsnapped stops and cells

    pbf = _MIRROR / "greenpaths2_osm" / "helsinki_centre_20240815.osm.pbf"
    nodes, edges = read_street_network(pbf)
    walk = StreetNetwork.from_frames(nodes, edges, "walk")
    services = read_osm_services(pbf)[["service_id", "geometry"]].reset_index(drop=True)
    grid = gpd.read_file(_MIRROR / "pythongis_book" / "Population_grid_2021_HSY.gpkg")
    grid = grid[grid["inhabitants"] > 0].to_crs(3067)
    minx, miny, maxx, maxy = edges.total_bounds
    grid = grid.cx[minx:maxx, miny:maxy].reset_index(drop=True)
    origins = grid.assign(geometry=grid.centroid)[["id", "geometry"]]
    feed = read_gtfs(
        _MIRROR / "r5py_docs" / "hsl_gtfs_20220222_inner_helsinki.zip", dataset="hsl_gtfs"
    )
    stops = feed.stops[feed.stops["location_type"] == 0]
    near = gpd.sjoin_nearest(origins, stops[["geometry"]], max_distance=300, how="inner")
    transit_origins = origins[origins.index.isin(near.index)].head(args.max_transit_origins)
    paavo = read_paavo(_MIRROR, 2023)
    counts = two_group_counts(paavo, group=LOW_INCOME, total=ADULTS)
    print(
        f"walk network {walk.n_nodes:,} nodes; {len(origins)} populated cells, "
        f"{len(services)} services; transit: {len(transit_origins)} cells near stops, "
        f"{args.window}-min window; inference: {counts.n_units} postal areas, "
        f"{len(TWO_GROUP_SUITE)} indices; {os.cpu_count()} cores on this machine"
    )

    walk_kwargs = {"origin_id": "id", "destination_id": "service_id", "max_time_min": 60.0}
    transit_kwargs = {
        "origin_id": "id",
        "destination_id": "service_id",
        "departure": _DEPARTURE,
        "window_min": args.window,
    }
    # warm-up: compile or load the cached numba kernels outside the timings
    compute_matrix(walk, origins.head(2), services, progress=False, **walk_kwargs)
    transit_matrix(
        feed,
        walk,
        transit_origins.head(1),
        services.head(2),
        progress=False,
        **dict(transit_kwargs, window_min=2),
    )
    null_tests(counts, list(TWO_GROUP_SUITE), iterations=4, seed=0, chunk_size=2)

    walk_chunks = [
        origins.iloc[i : i + args.chunk_size] for i in range(0, len(origins), args.chunk_size)
    ]
    walk_chunk = _per_chunk(
        lambda c: _chunk_matrix(
            c, network=walk, destinations=services, max_snap_distance_m=500.0, **walk_kwargs
        ),
        walk_chunks,
    )
    transit_chunks = [
        transit_origins.iloc[i : i + args.transit_chunk]
        for i in range(0, len(transit_origins), args.transit_chunk)
    ]
    shared, t_shared = _timed(
        lambda: shared_inputs(
            feed,
            walk,
            services,
            destination_id="service_id",
            departure=_DEPARTURE,
            window_min=args.window,
            max_time_min=120.0,
            max_walk_min=15.0,
            dask_address=None,
            progress=False,
        )
    )
    departures_s = shared.pop("departures_s")
    transit_chunk = _per_chunk(
        lambda c: _route_chunk(
            c,
            **shared,
            origin_id="id",
            destination_id="service_id",
            departures_s=departures_s,
            statistics=(50.0,),
            max_time_min=120.0,
            max_walk_min=15.0,
            transfers_max=4,
            board_slack_s=60,
        ),
        transit_chunks,
    )
    local_walk, t_walk = _timed(
        lambda: compute_matrix(
            walk, origins, services, chunk_size=args.chunk_size, progress=False, **walk_kwargs
        )
    )
    local_transit, t_transit = _timed(
        lambda: transit_matrix(
            feed,
            walk,
            transit_origins,
            services,
            chunk_size=args.transit_chunk,
            progress=False,
            **transit_kwargs,
        )
    )
    local_tests, t_tests = _timed(
        lambda: null_tests(
            counts, list(TWO_GROUP_SUITE), iterations=args.draws, seed=0, chunk_size=args.draw_chunk
        )
    )

    with tempfile.TemporaryDirectory() as folder, loopback_cluster(Path(folder)) as cluster:
        address = cluster.address
        # warm-up: the workers import DikaS and load the numba kernels once
        transit_matrix(
            feed,
            walk,
            transit_origins.head(2),
            services.head(2),
            chunk_size=1,
            dask_address=address,
            **dict(transit_kwargs, window_min=2),
        )
        compute_matrix(
            walk, origins.head(4), services, chunk_size=2, dask_address=address, **walk_kwargs
        )
        null_tests(
            counts, list(TWO_GROUP_SUITE), iterations=4, seed=0, chunk_size=2, dask_address=address
        )
        remote_walk, c_walk = _timed(
            lambda: compute_matrix(
                walk,
                origins,
                services,
                chunk_size=args.chunk_size,
                dask_address=address,
                **walk_kwargs,
            )
        )
        remote_transit, c_transit = _timed(
            lambda: transit_matrix(
                feed,
                walk,
                transit_origins,
                services,
                chunk_size=args.transit_chunk,
                dask_address=address,
                **transit_kwargs,
            )
        )
        remote_tests, c_tests = _timed(
            lambda: null_tests(
                counts,
                list(TWO_GROUP_SUITE),
                iterations=args.draws,
                seed=0,
                chunk_size=args.draw_chunk,
                dask_address=address,
            )
        )
    pd.testing.assert_frame_equal(remote_walk, local_walk)
    pd.testing.assert_frame_equal(remote_transit, local_transit)
    for name, test in local_tests.items():
        np.testing.assert_array_equal(remote_tests[name].simulated, test.simulated)

    _line(
        "walk matrix",
        f"{args.chunk_size} cells × {len(services)} services",
        walk_chunk,
        len(walk_chunks),
        t_walk,
        c_walk,
        _mb(walk, services),
    )
    _line(
        "transit matrix",
        f"{args.transit_chunk} cells × {len(services)} services",
        transit_chunk,
        len(transit_chunks),
        t_transit,
        c_transit,
        _mb(*shared.values()),
    )
    print(
        f"{'':<22} shared once per run: timetable + transfer and egress walks of "
        f"{len(shared['stops'])} stops in {t_shared:.1f} s "
        f"({len(shared['transfers']):,} transfer, {len(shared['egress']):,} egress walks)"
    )
    _line(
        "permutation inference",
        f"{args.draw_chunk} draws × {counts.n_units} areas",
        t_tests / max(1, -(-args.draws // args.draw_chunk)),
        -(-args.draws // args.draw_chunk),
        t_tests,
        c_tests,
        _mb(counts),
    )
    per_walk = walk_chunk / args.chunk_size
    per_transit = transit_chunk / args.transit_chunk
    print(
        f"per origin: walk {per_walk * 1000:.1f} ms (one thread), transit "
        f"{per_transit * 1000:.1f} ms (RAPTOR on {numba.get_num_threads()} numba threads); "
        f"cluster results equal the local ones"
    )


if __name__ == "__main__":
    main()
