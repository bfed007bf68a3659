"""Travel-time isochrones on the twin's street network.

The polygon is the concave hull (``shapely.concave_hull``, ratio :data:`HULL_RATIO`) of the
street-network nodes reached within the time limit, buffered by :data:`BUFFER_M` metres so
that the streets at its edge are inside. Travel times are exact shortest paths of
:class:`dikas.accessibility.network.StreetNetwork` (walk at 1.2 m/s, bike at 4.2 m/s,
plus the walk from the clicked point to its nearest street).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.accessibility.network import Snapped, StreetNetwork
from dikas.errors import ParameterError

HULL_RATIO = 0.3
BUFFER_M = 50.0
MAX_SNAP_M = 500.0


@dataclass(frozen=True)
class Isochrone:
    """The area reachable from a point within ``minutes`` by ``mode``.

    Attributes
    ----------
    polygon
        Reachable area in the network's CRS (EPSG:3067).
    reached_nodes
        Number of network nodes within the time limit.
    snap_distance_m
        Straight-line distance from the point to the street it starts on.
    """

    mode: str
    minutes: float
    polygon: shapely.Geometry
    reached_nodes: int
    snap_distance_m: float


def node_targets(network: StreetNetwork) -> tuple[np.ndarray, Snapped]:
    """Every node that can be arrived at, as ``(coordinates, snapped)``: each node sits on an
    incident edge (position 0 at ``u`` when the edge may be travelled from ``u``, else the
    edge length at ``v``); its coordinates are that end of the edge's geometry."""
    n_edges = network.n_edges
    candidates = pd.DataFrame(
        {
            "node": np.r_[network.edge_u, network.edge_v],
            "edge": np.r_[np.arange(n_edges), np.arange(n_edges)],
            "at_start": np.r_[np.ones(n_edges, bool), np.zeros(n_edges, bool)],
            "ok": np.r_[network.edge_forward, network.edge_backward],
        }
    )
    chosen = candidates[candidates["ok"]].drop_duplicates("node")
    edge = chosen["edge"].to_numpy(np.int64)
    at_start = chosen["at_start"].to_numpy(bool)
    lines = network.edge_geometry[edge]
    coordinates = shapely.get_coordinates(shapely.get_point(lines, np.where(at_start, 0, -1)))
    snapped = Snapped(
        index=pd.RangeIndex(len(chosen)),
        edge=edge,
        position_m=np.where(at_start, 0.0, network.edge_length_m[edge]),
        distance_m=np.zeros(len(chosen)),
        unsnapped=pd.Index([]),
        max_distance_m=0.0,
    )
    return coordinates, snapped


def isochrone(
    network: StreetNetwork,
    targets: tuple[np.ndarray, Snapped],
    x: float,
    y: float,
    *,
    minutes: float,
) -> Isochrone:
    """The isochrone of point ``(x, y)`` (network CRS) for ``minutes`` of travel;
    ``targets`` comes from :func:`node_targets` (computed once per network)."""
    origin = network.snap(
        gpd.GeoSeries([shapely.Point(x, y)], crs=network.crs), max_distance_m=MAX_SNAP_M
    )
    if len(origin) == 0:
        raise ParameterError(
            f"the point is farther than {MAX_SNAP_M:g} m from the {network.mode} network"
        )
    coordinates, snapped = targets
    times = network.travel_times_ms(origin, snapped, limit_ms=minutes * 60_000.0)[0]
    reached = coordinates[np.isfinite(times)]
    points = shapely.multipoints(np.vstack([reached, [[x, y]]]))
    hull = shapely.concave_hull(points, ratio=HULL_RATIO) if len(reached) >= 3 else points
    return Isochrone(
        mode=network.mode,
        minutes=minutes,
        polygon=hull.buffer(BUFFER_M),
        reached_nodes=len(reached),
        snap_distance_m=float(origin.distance_m[0]),
    )
