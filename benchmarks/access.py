"""Time DikaS's street routing against pandana and NetworkX on inner Helsinki.

Network: the walk graph of the inner-Helsinki OSM extract
(``greenpaths2_osm/helsinki_centre_20240815.osm.pbf``). Origins: the centroids of the HSY
250 m grid cells (2021) inside the network's extent. Destinations: the OSM service points
of the same extract (all types). Everyone uses the same graph and the same integer
millisecond edge weights.

1. **Nearest n services** (default n = 3 within 30 minutes):
   * DikaS :meth:`StreetNetwork.nearest` (edge snapping, one k-nearest multi-source search);
   * DikaS node level: the same kernel's labels for *every* network node, the quantity
     pandana computes;
   * pandana ``Network.nearest_pois`` (contraction hierarchies; nodes snap to the nearest
     node, so its numbers differ slightly) — timed as query only and with its network
     construction and ``set_pois``;
   * NetworkX: one ``single_source_dijkstra`` (with cutoff) per origin on the graph with the
     snapped points as extra nodes; its results are compared with DikaS's (they must be equal).
2. **Full walk matrix** grid × services (no cutoff): DikaS
   :meth:`StreetNetwork.travel_time_matrix` against NetworkX on ``--nx-origins`` origins,
   extrapolated per origin.

Prints times, ratios, origins per second and peak memory (tracemalloc peak of each DikaS
step, and the process's maximum resident set size).

Usage::

    python benchmarks/access.py [--n 3] [--max-time 30] [--nx-origins 40] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd

from dikas.accessibility._core.dijkstra import k_nearest_sources
from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.testing import add_points, add_same_edge_trips, reference_graph
from dikas.sources.osm_features import read_osm_services
from dikas.sources.osm_network import read_street_network

_MIRROR = Path(
    os.environ.get("DIKAS_DATA_DIR", Path(__file__).resolve().parents[2] / "shared" / "data")
)
T = TypeVar("T")


def timed(function: Callable[[], T], repeat: int = 1) -> tuple[T, float, float]:
    """Result, best wall time (s) over ``repeat`` runs, and tracemalloc peak (MB)."""
    best = np.inf
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, best, peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3, help="nearest services per origin")
    parser.add_argument("--max-time", type=float, default=30.0, help="cutoff, minutes")
    parser.add_argument(
        "--nx-origins", type=int, default=40, help="origins routed by NetworkX for the full matrix"
    )
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    warnings.simplefilter("ignore", UserWarning)  # the 2 unsnapped grid cells, each run

    pbf = _MIRROR / "greenpaths2_osm" / "helsinki_centre_20240815.osm.pbf"
    nodes, edges = read_street_network(pbf)
    network = StreetNetwork.from_frames(nodes, edges, "walk")
    services = read_osm_services(pbf)[["service_id", "geometry"]].reset_index(drop=True)
    grid = gpd.read_file(_MIRROR / "pythongis_book" / "Population_grid_2021_HSY.gpkg")
    grid = grid.to_crs(3067)
    minx, miny, maxx, maxy = edges.total_bounds
    grid = grid.cx[minx:maxx, miny:maxy].reset_index(drop=True)
    origins = grid.assign(geometry=grid.centroid)[["id", "geometry"]]
    print(
        f"network: {network.n_nodes:,} nodes, {network.n_edges:,} walkable edges; "
        f"{len(origins)} grid origins, {len(services)} services; n={args.n}, "
        f"cutoff {args.max_time:g} min"
    )
    limit_ms = args.max_time * 60_000

    # -- 1. nearest n ------------------------------------------------------------------------
    network.nearest(
        origins.iloc[:2], services, origin_id="id", destination_id="service_id", n=args.n
    )  # compile the kernels outside the timings
    nearest, t_dikas, mem_dikas = timed(
        lambda: network.nearest(
            origins,
            services,
            origin_id="id",
            destination_id="service_id",
            n=args.n,
            max_time_min=args.max_time,
        ),
        args.repeat,
    )

    snapped_s = network.snap(services.geometry)
    in_seeds = network._seeds(snapped_s, outbound=False)
    owner = np.repeat(np.arange(len(snapped_s)), np.diff(in_seeds.ptr)).astype(np.int64)
    _, t_nodes, mem_nodes = timed(
        lambda: k_nearest_sources(
            *network.backward_graph, in_seeds.nodes, in_seeds.costs, owner, args.n, limit_ms
        ),
        args.repeat,
    )

    pandana_result, t_pdna_query, t_pdna_total = run_pandana(
        network, nodes, services, origins, args.n, args.max_time
    )

    graph = reference_graph(edges, "walk", network.speed_mps, network.walk_speed_mps)
    snapped_o = network.snap(origins.geometry)
    add_points(graph, edges, network, snapped_o, "o")
    add_points(graph, edges, network, snapped_s, "d")
    add_same_edge_trips(graph, snapped_o, snapped_s)
    start = time.perf_counter()
    nx_nearest = {}
    for o in snapped_o.index:
        lengths = nx.single_source_dijkstra_path_length(graph, ("o", o), cutoff=limit_ms)
        found = sorted(v for k, v in lengths.items() if isinstance(k, tuple) and k[0] == "d")
        nx_nearest[o] = found[: args.n]
    t_nx = time.perf_counter() - start
    ours = nearest.groupby("from_id")["travel_time"].apply(list)
    equal = all(
        np.array_equal(np.rint(np.array(ours.get(origins["id"][o], [])) * 60_000), np.array(v))
        for o, v in nx_nearest.items()
    )

    n_o = len(origins)
    print("\n1. nearest-n services")
    print(
        f"  DikaS nearest (snap + search, {n_o} origins)  {t_dikas * 1e3:9.1f} ms  "
        f"{n_o / t_dikas:10.0f} origins/s  peak {mem_dikas:6.1f} MB"
    )
    print(
        f"  DikaS node labels (all {network.n_nodes:,} nodes)  {t_nodes * 1e3:9.1f} ms  "
        f"{network.n_nodes / t_nodes:10.0f} nodes/s    peak {mem_nodes:6.1f} MB"
    )
    print(
        f"  pandana nearest_pois (all nodes, query)      {t_pdna_query * 1e3:9.1f} ms  "
        f"{network.n_nodes / t_pdna_query:10.0f} nodes/s"
    )
    print(f"  pandana incl. network build + set_pois       {t_pdna_total * 1e3:9.1f} ms")
    print(
        f"  NetworkX, one Dijkstra per origin            {t_nx * 1e3:9.1f} ms  "
        f"{n_o / t_nx:10.0f} origins/s"
    )
    print(
        f"  ratios: pandana query / DikaS nearest = {t_pdna_query / t_dikas:.1f}×, "
        f"pandana query / DikaS node labels = {t_pdna_query / t_nodes:.1f}×, "
        f"NetworkX / DikaS nearest = {t_nx / t_dikas:.0f}×"
    )
    print(
        f"  DikaS equals NetworkX on every origin: {equal}; "
        f"pandana (node-snapped) vs DikaS nearest: mean |Δ| = "
        f"{mean_difference(pandana_result, nearest, origins):.2f} min"
    )

    # -- 2. full matrix ---------------------------------------------------------------------
    matrix, t_matrix, mem_matrix = timed(
        lambda: network.travel_time_matrix(
            origins, services, origin_id="id", destination_id="service_id"
        ),
        max(1, args.repeat - 2),
    )
    sample = list(snapped_o.index[: args.nx_origins])
    start = time.perf_counter()
    for o in sample:
        nx.single_source_dijkstra_path_length(graph, ("o", o))
    t_nx_matrix = (time.perf_counter() - start) / len(sample) * n_o
    print(
        f"\n2. full walk matrix {n_o} × {len(services)} ({len(matrix):,} pairs, "
        f"{matrix['travel_time'].notna().mean():.0%} reached)"
    )
    print(
        f"  DikaS travel_time_matrix   {t_matrix:7.2f} s  {n_o / t_matrix:8.1f} origins/s  "
        f"peak {mem_matrix:6.1f} MB"
    )
    print(
        f"  NetworkX (extrapolated from {len(sample)} origins) {t_nx_matrix:7.2f} s  "
        f"{n_o / t_nx_matrix:8.1f} origins/s"
    )
    print(f"  ratio NetworkX / DikaS = {t_nx_matrix / t_matrix:.0f}×")
    print(f"\nprocess peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


def run_pandana(
    network: StreetNetwork,
    nodes: gpd.GeoDataFrame,
    services: gpd.GeoDataFrame,
    origins: gpd.GeoDataFrame,
    n: int,
    max_time: float,
) -> tuple[pd.DataFrame, float, float]:
    """pandana on the same arcs (one-way arcs, minutes); times of query and of everything."""
    import pandana

    indptr, indices, weights = network.forward_graph
    tails = np.repeat(np.arange(network.n_nodes), np.diff(indptr))
    where = nodes.set_index("node_id").geometry.loc[network.node_ids]  # internal node order
    xy = np.column_stack([where.x, where.y])

    def build() -> pandana.Network:
        net = pandana.Network(
            pd.Series(xy[:, 0]),
            pd.Series(xy[:, 1]),
            pd.Series(tails),
            pd.Series(indices),
            pd.DataFrame({"minutes": weights / 60_000}),
            twoway=False,
        )
        net.set_pois("services", max_time, n, services.geometry.x, services.geometry.y)
        return net

    start = time.perf_counter()
    net = build()
    t_build = time.perf_counter() - start
    net.nearest_pois(max_time, "services", num_pois=n)  # warm
    best = np.inf
    for _ in range(3):
        start = time.perf_counter()
        result = net.nearest_pois(max_time, "services", num_pois=n)
        best = min(best, time.perf_counter() - start)
    origin_nodes = net.get_node_ids(origins.geometry.x, origins.geometry.y)
    per_origin = result.loc[origin_nodes.to_numpy()].set_axis(origins["id"])
    return per_origin, best, best + t_build


def mean_difference(
    pandana_result: pd.DataFrame, nearest: pd.DataFrame, origins: gpd.GeoDataFrame
) -> float:
    ours = nearest[nearest["rank"] == 1].set_index("from_id")["travel_time"]
    theirs = pandana_result[1].reindex(ours.index)
    return float((theirs - ours).abs().mean())


if __name__ == "__main__":
    main()
