"""An independent NetworkX reference for street travel times, for tests and benchmarks.

It rebuilds a mode's graph from the edge table (not from :class:`StreetNetwork`'s arrays),
with the same integer-millisecond weights, adds every snapped origin and destination as an
extra node joined to its edge's end nodes, and runs NetworkX's Dijkstra. Fast kernels are
checked against it for exact equality (the cityseer habit). Needs ``networkx``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np

if TYPE_CHECKING:
    import networkx as nx

    from dikas.accessibility.network import Snapped, StreetNetwork


def reference_graph(
    edges: gpd.GeoDataFrame,
    mode: str,
    speed_mps: float,
    walk_speed_mps: float,
    *,
    dismount: bool = True,
) -> nx.MultiDiGraph:
    """The mode's graph from the ``network_edges`` table: arcs between OSM node ids."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for row in edges.itertuples():
        if mode == "walk":
            arcs = [(row.u, row.v), (row.v, row.u)] if row.walk else []
            ms = np.rint(1000 * row.length_m / speed_mps)
        elif row.bike:
            arcs = [(row.u, row.v)] * row.bike_forward + [(row.v, row.u)] * row.bike_backward
            ms = np.rint(1000 * row.length_m / speed_mps)
        else:
            arcs = [(row.u, row.v), (row.v, row.u)] if row.walk and dismount else []
            ms = np.rint(1000 * row.length_m / walk_speed_mps)
        for a, b in arcs:
            graph.add_edge(a, b, weight=ms)
    return graph


def add_points(
    graph: nx.MultiDiGraph,
    edges: gpd.GeoDataFrame,
    network: StreetNetwork,
    snapped: Snapped,
    role: str,
) -> None:
    """Join snapped points: origins ``("o", label)`` leave along their edge, destinations
    ``("d", label)`` are reached along theirs, each direction only where the graph has it."""
    table = edges.set_index("edge_id")
    for label, edge, position, distance in zip(
        snapped.index, snapped.edge, snapped.position_m, snapped.distance_m, strict=True
    ):
        row = table.loc[network.edge_ids[edge]]
        speed = (
            network.speed_mps if row.bike or network.mode == "walk" else (network.walk_speed_mps)
        )
        walk_ms = np.rint(1000 * distance / network.walk_speed_mps)
        to_u = walk_ms + np.rint(1000 * position / speed)
        to_v = walk_ms + np.rint(1000 * (row.length_m - position) / speed)
        forward = graph.has_edge(row.u, row.v) and _allows(row, network, forward=True)
        backward = graph.has_edge(row.v, row.u) and _allows(row, network, forward=False)
        point = (role, label)
        if role == "o":
            if backward:
                graph.add_edge(point, row.u, weight=to_u)
            if forward:
                graph.add_edge(point, row.v, weight=to_v)
        else:
            if forward:
                graph.add_edge(row.u, point, weight=to_u)
            if backward:
                graph.add_edge(row.v, point, weight=to_v)
        graph.nodes[point]["at"] = (edge, position, walk_ms, forward, backward, speed)


def _allows(row: object, network: StreetNetwork, *, forward: bool) -> bool:
    if network.mode == "walk" or not row.bike:  # type: ignore[attr-defined]
        return True
    return bool(row.bike_forward if forward else row.bike_backward)  # type: ignore[attr-defined]


def add_same_edge_trips(graph: nx.MultiDiGraph, origins: Snapped, destinations: Snapped) -> None:
    """Direct arcs between an origin and a destination on the same edge."""
    for o in origins.index:
        edge_o, pos_o, walk_o, fwd, bwd, speed = graph.nodes[("o", o)]["at"]
        for d in destinations.index:
            edge_d, pos_d, walk_d, *_ = graph.nodes[("d", d)]["at"]
            if edge_o == edge_d and (fwd if pos_d >= pos_o else bwd):
                ms = walk_o + np.rint(1000 * abs(pos_d - pos_o) / speed) + walk_d
                graph.add_edge(("o", o), ("d", d), weight=ms)


def reference_travel_times(
    edges: gpd.GeoDataFrame,
    network: StreetNetwork,
    origins: gpd.GeoSeries,
    destinations: gpd.GeoSeries,
    *,
    cutoff_ms: float | None = None,
) -> np.ndarray:
    """``(len(origins), len(destinations))`` milliseconds by NetworkX (``inf``: none).

    ``origins`` and ``destinations`` must have a 0..n-1 index.
    """
    import networkx as nx

    graph = reference_graph(
        edges, network.mode, network.speed_mps, network.walk_speed_mps, dismount=network.dismount
    )
    snapped_o = network.snap(origins)
    snapped_d = network.snap(destinations)
    add_points(graph, edges, network, snapped_o, "o")
    add_points(graph, edges, network, snapped_d, "d")
    add_same_edge_trips(graph, snapped_o, snapped_d)
    out = np.full((len(origins), len(destinations)), np.inf)
    for o in snapped_o.index:
        lengths = nx.single_source_dijkstra_path_length(graph, ("o", o), cutoff=cutoff_ms)
        for d in snapped_d.index:
            out[o, d] = lengths.get(("d", d), np.inf)
    return out
