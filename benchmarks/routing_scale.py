"""Routing at region size, on a twin built from an enlarged mirror (``benchmarks/scale.py``).

Usage::

    nice -n 10 python benchmarks/routing_scale.py TWIN MIRROR [--window 60]
        [--transit-origins N] [--peer-origins 4]

Measured in this one process (peak RSS is ``ru_maxrss`` after each stage):

1. walk graph: :meth:`StreetNetwork.from_twin` (reads the layers, builds the CSR graph);
2. snapping every populated grid cell and every service (:meth:`StreetNetwork.snap`);
3. the walk matrix snapped populated cells × services (:func:`compute_matrix`, 60 min
   cut-off; the first ``--walk-origins``, because the frame keeps every pair, reached or
   not, and grows as cells × services): origins per second and per CPU-second;
4. RAPTOR (:func:`transit_travel_time_matrix`, numba range-RAPTOR, every departure minute
   of the window, median) on the enlarged GTFS (``MIRROR``'s feed, straight-line walking
   legs as in ``benchmarks/transit.py``) for the populated cells within 300 m of a stop
   (``--transit-origins`` caps them; the first N in cell order);
5. the pure-Python Connection Scan peer on ``--peer-origins`` of those origins, same
   timetable and legs: share of origin × destination pairs with the same median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time
from pathlib import Path

import geopandas as gpd
import numba
import numpy as np
import pandas as pd

from dikas.accessibility.matrix import compute_matrix
from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.transit import StraightLineWalk, Timetable, transit_travel_time_matrix
from dikas.accessibility.transit.connection_scan import ConnectionScan
from dikas.accessibility.transit.matrix import walking_legs
from dikas.sources.gtfs import read_gtfs
from dikas.twin.store import Twin

DEPARTURE = dt.datetime(2022, 2, 22, 8, 0)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage(label: str, started: float, cpu: float, extra: str = "") -> None:
    print(
        f"{label:<34} {time.perf_counter() - started:8.1f} s wall "
        f"{time.process_time() - cpu:8.1f} s CPU   peak RSS {peak_mb():6.0f} MB  {extra}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("twin", type=Path)
    parser.add_argument("mirror", type=Path)
    parser.add_argument("--window", type=int, default=60)
    parser.add_argument(
        "--walk-origins",
        type=int,
        default=2000,
        help="routed origins of the walk matrix (it keeps every pair)",
    )
    parser.add_argument("--transit-origins", type=int, default=2000)
    parser.add_argument("--peer-origins", type=int, default=4)
    args = parser.parse_args()

    with Twin.open(args.twin) as twin:
        grid = twin.read("grid", columns=["cell_id", "inhabitants", "geometry"])
        services = twin.read("services", columns=["service_id", "service_type", "geometry"])
        t, c = time.perf_counter(), time.process_time()
        network = StreetNetwork.from_twin(twin, "walk")
        stage("walk graph", t, c)
    origins = grid[grid["inhabitants"] > 0].copy()
    origins["geometry"] = origins.geometry.centroid
    t, c = time.perf_counter(), time.process_time()
    snapped = network.snap(origins.geometry)
    network.snap(services.geometry)
    stage(f"snap {len(origins):,} cells + {len(services):,} services", t, c)
    # only origins the network reaches are routed (the network covers each tile's centre)
    inside = origins.drop(index=snapped.unsnapped).head(args.walk_origins)
    t, c = time.perf_counter(), time.process_time()
    matrix = compute_matrix(
        network,
        inside,
        services,
        origin_id="cell_id",
        destination_id="service_id",
        max_time_min=60,
        progress=False,
    )
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    stage(
        f"walk matrix {len(inside):,} × {len(services):,}",
        t,
        c,
        f"{len(inside) / wall:,.0f} origins/s, {len(inside) / cpu:,.0f} per CPU-s, "
        f"{len(matrix):,} pairs",
    )

    t, c = time.perf_counter(), time.process_time()
    gtfs = next((args.mirror / "r5py_docs").glob("*.zip"))
    feed = read_gtfs(gtfs, dataset="hsl_gtfs")
    stops = feed.stops[feed.stops["location_type"] == 0]
    stage(f"read feed ({len(feed.tables['stop_times']):,} stop_times)", t, c)
    near = gpd.sjoin_nearest(origins, stops[["geometry"]], max_distance=300, how="inner")
    transit_origins = origins[origins.index.isin(near.index)].head(args.transit_origins)
    walk = StraightLineWalk()
    transit_travel_time_matrix(
        feed,
        walk,
        transit_origins.head(1),
        services.head(1),
        origin_id="cell_id",
        destination_id="service_id",
        departure=DEPARTURE,
        window_min=2,
    )  # numba compile / cache
    t, c = time.perf_counter(), time.process_time()
    raptor = transit_travel_time_matrix(
        feed,
        walk,
        transit_origins,
        services,
        origin_id="cell_id",
        destination_id="service_id",
        departure=DEPARTURE,
        window_min=args.window,
    )
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    stage(
        f"RAPTOR {len(transit_origins):,} × {len(services):,}, {args.window} min",
        t,
        c,
        f"{len(transit_origins) / wall:.1f} origins/s, {len(transit_origins) / cpu:.1f} "
        f"per CPU-s ({numba.get_num_threads()} numba threads)",
    )

    sample = transit_origins.sample(n=min(args.peer_origins, len(transit_origins)), random_state=0)
    end_s = 8 * 3600 + 60 * args.window + 7200
    timetable = Timetable.from_feed(feed, DEPARTURE.date(), start_s=8 * 3600, end_s=end_s)
    legs = walking_legs(
        walk,
        sample,
        services,
        stops,
        origin_id="cell_id",
        destination_id="service_id",
        max_walk_min=15,
        stop_ids=pd.Index(timetable.stop_ids),
    )
    departures = (8 * 3600 + 60 * np.arange(args.window)).tolist()
    t, c = time.perf_counter(), time.process_time()
    scan = ConnectionScan(timetable, legs)
    peer = (
        np.stack(
            [
                scan.percentiles(
                    i,
                    departures,
                    n_destinations=len(services),
                    percentiles=(50.0,),
                    max_time_s=7200,
                )[0]
                for i in range(len(sample))
            ]
        )
        / 60
    )
    wall = time.perf_counter() - t
    ours = (
        raptor.set_index(["from_id", "to_id"])["travel_time"]
        .unstack()
        .reindex(index=sample["cell_id"], columns=services["service_id"])
        .to_numpy()
    )
    agree = np.mean((ours == peer) | (np.isnan(ours) & np.isnan(peer)))
    stage(
        f"Connection Scan peer, {len(sample)} origins",
        t,
        c,
        f"{len(sample) / wall:.3f} origins/s; same median for {agree:.1%} of pairs",
    )


if __name__ == "__main__":
    main()
