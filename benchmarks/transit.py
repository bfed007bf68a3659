"""Time the transit travel-time matrix (grid × services, 60-minute window) against a peer.

DikaS side: :func:`dikas.accessibility.transit.transit_travel_time_matrix` (numba
range-RAPTOR, every departure minute of the window). Peer: the plain-Python Connection Scan
router :class:`dikas.accessibility.transit.connection_scan.ConnectionScan`, one scan per
departure minute, on the same timetable and walking legs, for a sample of origins (it is far
too slow for all of them); its results are compared with RAPTOR's on that sample.

Data (the mirror, ``$DIKAS_DATA_DIR`` or ``../shared/data``): the HSL GTFS feed cut to inner
Helsinki (Tue 2022-02-22); origins are the HSY 250 m grid cells (2021) with inhabitants whose
centre lies within 300 m of a stop of the feed; destinations are the OSM service points of
the inner-city extract. No street network in the mirror covers the whole feed area, so
walking legs are by default straight lines at 1.2 m/s with a detour factor of 1.3
(:class:`~dikas.accessibility.transit.walking.StraightLineWalk`); ``--street-network`` walks
on the OSM network of the southern-peninsula extract instead
(:class:`~dikas.accessibility.network.StreetNetwork`), with the origins inside it.

Usage::

    python benchmarks/transit.py [--window 60] [--peer-origins 4] [--max-origins N]
                                 [--street-network]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import time
import warnings
from pathlib import Path

import geopandas as gpd
import numba
import numpy as np
import pandas as pd

from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.transit import StraightLineWalk, Timetable, transit_travel_time_matrix
from dikas.accessibility.transit.connection_scan import ConnectionScan
from dikas.accessibility.transit.matrix import WalkingNetwork, walking_legs
from dikas.sources.gtfs import read_gtfs
from dikas.sources.osm_features import read_osm_services
from dikas.sources.osm_network import read_street_network

_MIRROR = Path(
    os.environ.get("DIKAS_DATA_DIR", Path(__file__).resolve().parents[2] / "shared" / "data")
)
_DEPARTURE = dt.datetime(2022, 2, 22, 8, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=int, default=60, help="departure minutes")
    parser.add_argument(
        "--peer-origins", type=int, default=4, help="origins routed by the pure-Python peer"
    )
    parser.add_argument(
        "--max-origins", type=int, default=None, help="use only the first N grid cells"
    )
    parser.add_argument(
        "--street-network",
        action="store_true",
        help="walk on the OSM street network of the inner-city extract",
    )
    args = parser.parse_args()
    pbf = _MIRROR / "greenpaths2_osm" / "helsinki_centre_20240815.osm.pbf"

    feed = read_gtfs(
        _MIRROR / "r5py_docs" / "hsl_gtfs_20220222_inner_helsinki.zip", dataset="hsl_gtfs"
    )
    stops = feed.stops[feed.stops["location_type"] == 0]
    grid = gpd.read_file(_MIRROR / "pythongis_book" / "Population_grid_2021_HSY.gpkg")
    grid = grid[grid["inhabitants"] > 0].to_crs(3067)
    centres = grid.assign(geometry=grid.geometry.centroid)
    near = gpd.sjoin_nearest(centres, stops[["geometry"]], max_distance=300, how="inner")
    origins = centres[centres.index.isin(near.index)].rename(columns={"id": "cell_id"})
    services = read_osm_services(pbf)[["service_id", "service_type", "geometry"]]
    walk: WalkingNetwork = StraightLineWalk()
    if args.street_network:
        # most stops of the feed lie outside the extract: the network warns about each
        # unsnapped stop in every leg table; they simply get no walking legs
        warnings.filterwarnings("ignore", message=".*farther than .* from the street network")
        nodes, edges = read_street_network(pbf)
        walk = StreetNetwork.from_frames(nodes, edges, "walk")
        origins = origins[origins.within(edges.union_all().convex_hull)]
    if args.max_origins:
        origins = origins.head(args.max_origins)
    print(
        f"feed: {len(stops)} stops; origins: {len(origins)} inner-city grid cells; "
        f"destinations: {len(services)} services; window {args.window} min from "
        f"{_DEPARTURE:%Y-%m-%d %H:%M}; walking: {type(walk).__name__}"
    )

    # warm-up: compile (or load the cached) numba kernel outside the timing
    transit_travel_time_matrix(
        feed,
        walk,
        origins.head(1),
        services.head(1),
        origin_id="cell_id",
        destination_id="service_id",
        departure=_DEPARTURE,
        window_min=2,
    )
    start, start_cpu = time.perf_counter(), time.process_time()
    matrix = transit_travel_time_matrix(
        feed,
        walk,
        origins,
        services,
        origin_id="cell_id",
        destination_id="service_id",
        departure=_DEPARTURE,
        window_min=args.window,
        percentiles=(50, 90),
    )
    dikas_s, dikas_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    reached = matrix["travel_time"].notna().mean()
    dikas_rate = len(origins) / dikas_s
    print(
        f"DikaS RAPTOR (numba, {numba.get_num_threads()} threads): {dikas_s:.1f} s wall, "
        f"{dikas_cpu:.1f} s CPU for {len(origins)} origins, including timetable and walking "
        f"legs → {dikas_rate:.1f} origins/s wall, {len(origins) / dikas_cpu:.1f} per "
        f"CPU-second; {reached:.0%} of pairs reachable within 120 min (median)"
    )

    # peer: pure-Python Connection Scan on the same timetable and legs, a sample of origins
    sample = origins.sample(n=min(args.peer_origins, len(origins)), random_state=0)
    end_s = 8 * 3600 + 60 * args.window + 7200
    timetable = Timetable.from_feed(feed, _DEPARTURE.date(), start_s=8 * 3600, end_s=end_s)
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
    start, start_cpu = time.perf_counter(), time.process_time()
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
    peer_s, peer_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    peer_rate = len(sample) / peer_s
    ours = (
        matrix.set_index(["from_id", "to_id"])["travel_time"]
        .unstack()
        .loc[sample["cell_id"], services["service_id"]]
        .to_numpy()
    )
    agree = np.mean((ours == peer) | (np.isnan(ours) & np.isnan(peer)))
    print(
        f"peer, pure-Python Connection Scan: {peer_s:.1f} s for {len(sample)} origins → "
        f"{peer_rate:.2f} origins/s; same median as RAPTOR for {agree:.1%} of the pairs "
        "(the peer has no transfer limit; RAPTOR allows 4 transfers)"
    )
    print(
        f"speed-up: {dikas_rate / peer_rate:.0f}× in origins per wall-clock second, "
        f"{peer_cpu / len(sample) / (dikas_cpu / len(origins)):.0f}× in CPU time per origin"
    )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the process): {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
