"""Walk and bike routing on the twin's street network.

A :class:`StreetNetwork` is the street graph of one mode as a CSR arc list with travel-time
weights, plus the edge geometries that points snap to. Travel times are integer milliseconds
inside (so sums are exact and equal any other exact shortest-path computation on the same
graph) and float minutes outside, like r5py's ``travel_time`` column.

Default speeds: walking 1.2 m/s (4.3 km/h, a typical adult pace, cf. Knoblauch et al. 1996,
*Transp. Res. Rec.* 1538), cycling 4.2 m/s (15 km/h, a typical urban cycling speed). A point
reaches the network by walking, at the walking speed, the straight line to its nearest usable
edge (the *snap distance*), then travels along that edge to either end node if the edge allows
that direction.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, reverse_cuthill_mckee

from dikas.accessibility._core.dijkstra import k_nearest_sources, many_to_many, merge_k_nearest
from dikas.errors import CRSError, MissingColumnError, ParameterError

if TYPE_CHECKING:
    from collections.abc import Hashable

    from dikas.twin.store import Twin

Mode = Literal["walk", "bike"]

WALK_SPEED_MPS = 1.2
"""Default walking speed (m/s)."""
BIKE_SPEED_MPS = 4.2
"""Default cycling speed (m/s)."""
DEFAULT_SPEEDS: dict[str, float] = {"walk": WALK_SPEED_MPS, "bike": BIKE_SPEED_MPS}

MIN_COMPONENT_NODES = 40
"""Points never snap to network islands with fewer nodes (R5 prunes islands the same way)."""

ENTRANCE_SPACING_M = 20.0
"""An area destination's boundary is sampled this far apart for entrances."""
ENTRANCE_REACH_M = 30.0
"""A boundary point is an entrance when a usable edge passes within this distance (a street
or path along the area's edge)."""
OUTLINE_COLUMN = "outline"
"""Destinations carrying polygons in this column are reached at their edge."""

_MS_PER_MIN = 60_000.0
_EDGE_COLUMNS = ("u", "v", "length_m", "walk", "bike", "bike_forward", "bike_backward")


@dataclass(frozen=True)
class Snapped:
    """Points placed on their nearest usable edge.

    Attributes
    ----------
    index
        Labels of the snapped points (from the input's index), in input order.
    edge
        Position of each point's edge in the network's edge table.
    position_m
        Distance along the edge from its ``u`` end to the snapped location.
    distance_m
        Straight-line snap distance from the point to the edge, walked.
    unsnapped
        Labels of points with no usable edge within ``max_distance_m`` (or empty geometry).
    max_distance_m
        The snapping limit used.
    ptr
        For destinations with several entrances (areas, :meth:`StreetNetwork.snap_areas`):
        point ``i``'s entries are ``edge[ptr[i]:ptr[i+1]]`` (and the same slice of
        ``position_m``, ``distance_m``), and a trip to it ends at whichever is cheapest.
        ``None``: one entry per point.
    """

    index: pd.Index
    edge: np.ndarray
    position_m: np.ndarray
    distance_m: np.ndarray
    unsnapped: pd.Index
    max_distance_m: float
    ptr: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.index)

    @property
    def entry_ptr(self) -> np.ndarray:
        """``ptr``, or one entry per point."""
        return self.ptr if self.ptr is not None else np.arange(len(self.edge) + 1)

    @property
    def entry_owner(self) -> np.ndarray:
        """The point (position in :attr:`index`) of every entry."""
        return np.repeat(np.arange(len(self.index)), np.diff(self.entry_ptr))

    def to_frame(self, network: StreetNetwork) -> pd.DataFrame:
        """One row per input point: ``point``, ``edge_id``, ``position_m``,
        ``snap_distance_m``, ``snap_time_s`` and ``snapped`` (False for unsnapped points)."""
        edge_ids = network.edge_ids[self.edge]
        snapped = pd.DataFrame(
            {
                "point": self.index[self.entry_owner],
                "edge_id": edge_ids,
                "position_m": self.position_m,
                "snap_distance_m": self.distance_m,
                "snap_time_s": self.distance_m / network.walk_speed_mps,
                "snapped": True,
            }
        )
        missing = pd.DataFrame({"point": self.unsnapped, "snapped": False})
        return pd.concat([snapped, missing], ignore_index=True)


@dataclass(frozen=True)
class _Seeds:
    """How snapped points enter (or leave) the graph: CSR lists of (node, cost in ms)."""

    ptr: np.ndarray
    nodes: np.ndarray
    costs: np.ndarray


class StreetNetwork:
    """The street graph of one mode, ready for snapping and shortest-path searches.

    Build it with :meth:`from_frames` or :meth:`from_twin`.
    """

    def __init__(
        self,
        *,
        mode: Mode,
        speed_mps: float,
        walk_speed_mps: float,
        node_ids: np.ndarray,
        edges: gpd.GeoDataFrame,
        dismount: bool,
        min_component_nodes: int,
    ) -> None:
        self.mode: Mode = mode
        self.speed_mps = speed_mps
        self.walk_speed_mps = walk_speed_mps
        self.dismount = dismount
        self.crs = edges.crs
        index = pd.Index(node_ids)
        u = index.get_indexer(edges["u"].to_numpy())
        v = index.get_indexer(edges["v"].to_numpy())
        if (u < 0).any() or (v < 0).any():
            raise ParameterError("network_edges refer to nodes missing from network_nodes")
        # Number nodes so that neighbours are close in memory (reverse Cuthill–McKee):
        # searches then touch fewer cache lines.
        order = reverse_cuthill_mckee(
            coo_matrix((np.ones(len(u)), (u, v)), shape=(len(node_ids),) * 2).tocsr(),
            symmetric_mode=False,
        )
        rank = np.empty(len(node_ids), dtype=np.int64)
        rank[order] = np.arange(len(node_ids))
        self.node_ids = node_ids[order]  # OSM id of each internal node number
        u, v = rank[u], rank[v]

        walk = edges["walk"].to_numpy(bool)
        bike = edges["bike"].to_numpy(bool)
        length = edges["length_m"].to_numpy(float)
        if mode == "walk":
            usable = walk
            forward = backward = walk
            speed = np.full(len(edges), speed_mps)
        else:
            pushed = walk & ~bike if dismount else np.zeros(len(edges), bool)
            usable = bike | pushed
            forward = (bike & edges["bike_forward"].to_numpy(bool)) | pushed
            backward = (bike & edges["bike_backward"].to_numpy(bool)) | pushed
            speed = np.where(bike, speed_mps, walk_speed_mps)

        keep = np.flatnonzero(usable)
        self.edge_ids = edges["edge_id"].to_numpy()[keep] if "edge_id" in edges else keep
        self.edge_u = u[keep]
        self.edge_v = v[keep]
        self.edge_length_m = length[keep]
        self.edge_forward = forward[keep]
        self.edge_backward = backward[keep]
        self.edge_speed_mps = speed[keep]
        self.edge_geometry = edges.geometry.to_numpy()[keep]
        self.edge_weight_ms = np.rint(1000.0 * self.edge_length_m / self.edge_speed_mps)

        tails = np.r_[self.edge_u[self.edge_forward], self.edge_v[self.edge_backward]]
        heads = np.r_[self.edge_v[self.edge_forward], self.edge_u[self.edge_backward]]
        weights = np.r_[
            self.edge_weight_ms[self.edge_forward], self.edge_weight_ms[self.edge_backward]
        ]
        self.forward_graph = _csr(tails, heads, weights, len(node_ids))
        self.backward_graph = _csr(heads, tails, weights, len(node_ids))

        n_components, labels = connected_components(
            coo_matrix((np.ones(len(tails)), (tails, heads)), shape=(len(node_ids), len(node_ids))),
            connection="weak",
        )
        sizes = np.bincount(labels, minlength=n_components)
        self._snappable = np.flatnonzero(sizes[labels[self.edge_u]] >= min_component_nodes)
        self._tree = shapely.STRtree(self.edge_geometry[self._snappable])

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def from_frames(
        cls,
        nodes: gpd.GeoDataFrame,
        edges: gpd.GeoDataFrame,
        mode: Mode,
        *,
        speed_mps: float | None = None,
        walk_speed_mps: float | None = None,
        dismount: bool = True,
        min_component_nodes: int = MIN_COMPONENT_NODES,
    ) -> StreetNetwork:
        """Build the network of ``mode`` from ``network_nodes``/``network_edges`` frames.

        Parameters
        ----------
        nodes, edges
            Frames as written by :func:`dikas.sources.osm_network.read_street_network`.
        mode
            ``"walk"`` (every walkable edge, both directions) or ``"bike"`` (cyclable edges in
            their allowed directions).
        speed_mps
            Travel speed of the mode; defaults to :data:`DEFAULT_SPEEDS`.
        walk_speed_mps
            Speed at which snap distances (and, for bikes, walk-only edges) are walked;
            defaults to ``speed_mps`` in walk mode and to :data:`WALK_SPEED_MPS` in bike mode.
        dismount
            Bike mode only: cyclists may push their bike over walk-only edges (footways,
            crossings, steps) at the walking speed, in both directions.
        min_component_nodes
            Points only snap to connected parts of the network with at least this many
            nodes, so that a stray footway fragment does not capture them.
        """
        if mode not in DEFAULT_SPEEDS:
            raise ParameterError(f"unknown street mode {mode!r}; use 'walk' or 'bike'")
        speed = DEFAULT_SPEEDS[mode] if speed_mps is None else float(speed_mps)
        if walk_speed_mps is None:
            walk_speed_mps = speed if mode == "walk" else WALK_SPEED_MPS
        if not speed > 0 or not walk_speed_mps > 0:
            raise ParameterError("speeds must be positive")
        missing = [c for c in ("node_id",) if c not in nodes]
        missing += [c for c in _EDGE_COLUMNS if c not in edges]
        if missing:
            raise MissingColumnError(f"street network lacks columns {missing}")
        if edges.crs is None:
            raise CRSError("network_edges has no CRS")
        return cls(
            mode=mode,
            speed_mps=speed,
            walk_speed_mps=float(walk_speed_mps),
            node_ids=nodes["node_id"].to_numpy(np.int64),
            edges=edges,
            dismount=dismount,
            min_component_nodes=min_component_nodes,
        )

    @classmethod
    def from_twin(
        cls,
        twin: Twin,
        mode: Mode,
        *,
        speed_mps: float | None = None,
        walk_speed_mps: float | None = None,
        dismount: bool = True,
    ) -> StreetNetwork:
        """Build the network of ``mode`` from a twin's ``network_nodes``/``network_edges``."""
        nodes = twin.read("network_nodes", columns=["node_id", "geometry"])
        edges = twin.read("network_edges")
        return cls.from_frames(
            nodes,
            edges,
            mode,
            speed_mps=speed_mps,
            walk_speed_mps=walk_speed_mps,
            dismount=dismount,
        )

    @property
    def n_nodes(self) -> int:
        return len(self.node_ids)

    @property
    def n_edges(self) -> int:
        return len(self.edge_u)

    # -- snapping -------------------------------------------------------------------------

    def snap(self, points: gpd.GeoSeries, *, max_distance_m: float = 500.0) -> Snapped:
        """Place each point on its nearest usable edge within ``max_distance_m``.

        Polygons are represented by their centroid. Points farther than ``max_distance_m``
        from every edge of a non-island component, and empty geometries, are listed in
        :attr:`Snapped.unsnapped`, never dropped silently.
        """
        points = self._in_network_crs(points)
        geometry = points.to_numpy()
        geometry = np.where(
            shapely.get_type_id(geometry) == 0, geometry, shapely.centroid(geometry)
        )
        at, edge, position, distance = self._nearest_edges(geometry, max_distance_m)
        snapped = np.zeros(len(points), bool)
        snapped[at] = True
        return Snapped(
            index=points.index[at],
            edge=edge,
            position_m=position,
            distance_m=distance,
            unsnapped=points.index[~snapped],
            max_distance_m=float(max_distance_m),
        )

    def _nearest_edges(
        self, geometry: np.ndarray, max_distance_m: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For points: ``(which, edge, position along it in m, distance in m)`` of those
        with a usable edge within ``max_distance_m``."""
        valid = ~(shapely.is_missing(geometry) | shapely.is_empty(geometry))
        valid_at = np.flatnonzero(valid)
        hit_point, hit_edge = self._tree.query_nearest(
            geometry[valid_at], max_distance=max_distance_m, all_matches=False
        )
        at = valid_at[hit_point]
        edge = self._snappable[hit_edge]
        lines = self.edge_geometry[edge]
        along = shapely.line_locate_point(lines, geometry[at])
        distance = shapely.distance(lines, geometry[at])
        return at, edge, along * self._scale(edge), distance

    def _scale(self, edge: np.ndarray) -> np.ndarray:
        """Metres of edge length per unit of its drawn line (1 when they agree)."""
        line_length = shapely.length(self.edge_geometry[edge])
        return np.divide(
            self.edge_length_m[edge], line_length, out=np.zeros(len(edge)), where=line_length > 0
        )

    def snap_areas(
        self,
        points: gpd.GeoSeries,
        outlines: gpd.GeoSeries,
        *,
        max_distance_m: float = 500.0,
        spacing_m: float = ENTRANCE_SPACING_M,
        reach_m: float = ENTRANCE_REACH_M,
    ) -> Snapped:
        """Destinations reached at their edge where ``outlines`` has a polygon (a park, a
        sports ground), at their point elsewhere (see ``docs/accessibility.md``).

        An area's entrances are (a) every point where a usable edge crosses its boundary
        (walked 0 m), (b) boundary points every ``spacing_m`` with a usable edge within
        ``reach_m`` (the street along a fence, walked straight to it) and (c) where the area's
        point snaps, walked only to the boundary (0 m when that street runs inside the
        area), so reaching the edge never takes longer than reaching the point did. A trip
        ends at the cheapest entrance. Per area and edge only the two entrances cheapest
        from either end of the edge are kept.
        """
        points = self._in_network_crs(points)
        outline_values = self._in_network_crs(outlines).to_numpy()
        base = self.snap(points, max_distance_m=max_distance_m)
        position_of = pd.Series(np.arange(len(points)), index=points.index)
        owners = [position_of[base.index].to_numpy()]
        edges, positions, distances = [base.edge], [base.position_m], [base.distance_m.copy()]
        has_outline = np.array(
            [
                g is not None and not shapely.is_empty(g) and shapely.get_type_id(g) in (3, 6)
                for g in outline_values
            ]
        )
        base_outline = outline_values[owners[0]]
        with_area = has_outline[owners[0]]
        if with_area.any():
            lines = self.edge_geometry[base.edge[with_area]]
            scale = self._scale(base.edge[with_area])
            where = shapely.line_interpolate_point(
                lines,
                np.divide(
                    base.position_m[with_area],
                    scale,
                    out=np.zeros(int(with_area.sum())),
                    where=scale > 0,
                ),
            )
            to_edge = shapely.distance(where, base_outline[with_area])
            distances[0][with_area] = np.minimum(distances[0][with_area], to_edge)
        areas = np.flatnonzero(has_outline)
        if len(areas):
            rings = shapely.boundary(outline_values[areas])
            # (a) crossings of the boundary by usable edges
            ring_at, tree_at = self._tree.query(rings, predicate="intersects")
            if len(ring_at):
                edge = self._snappable[tree_at]
                crossing = shapely.intersection(self.edge_geometry[edge], rings[ring_at])
                parts, part_of = shapely.get_parts(crossing, return_index=True)
                coords, coord_of = shapely.get_coordinates(parts, return_index=True)
                owner = areas[ring_at[part_of[coord_of]]]
                edge = edge[part_of[coord_of]]
                spots = shapely.points(coords)
                owners.append(owner)
                edges.append(edge)
                positions.append(
                    shapely.line_locate_point(self.edge_geometry[edge], spots) * self._scale(edge)
                )
                distances.append(np.zeros(len(edge)))
            # (b) boundary points near a usable edge
            dense = shapely.segmentize(rings, spacing_m)
            coords, coord_of = shapely.get_coordinates(dense, return_index=True)
            at, edge, position, distance = self._nearest_edges(shapely.points(coords), reach_m)
            owners.append(areas[coord_of[at]])
            edges.append(edge)
            positions.append(position)
            distances.append(distance)
        return self._entries(
            points.index,
            np.concatenate(owners),
            np.concatenate(edges),
            np.concatenate(positions),
            np.concatenate(distances),
            max_distance_m,
            always=len(base.edge),
        )

    def _entries(
        self,
        labels: pd.Index,
        owner: np.ndarray,
        edge: np.ndarray,
        position: np.ndarray,
        distance: np.ndarray,
        max_distance_m: float,
        *,
        always: int = 0,
    ) -> Snapped:
        """A :class:`Snapped` with several entries per point, keeping per point and edge the
        entries cheapest to reach from the edge's ``u`` and from its ``v`` end, and the first
        ``always`` entries (where the points themselves snap: trips from the same edge may
        prefer them)."""
        speed = self.edge_speed_mps[edge]
        walk = distance / self.walk_speed_mps
        frame = pd.DataFrame(
            {
                "owner": owner,
                "edge": edge,
                "position": position,
                "distance": distance,
                "from_u": walk + position / speed,
                "from_v": walk + (self.edge_length_m[edge] - position) / speed,
            }
        )
        groups = frame.groupby(["owner", "edge"], sort=False)
        keep = np.union1d(
            np.union1d(groups["from_u"].idxmin().to_numpy(), groups["from_v"].idxmin().to_numpy()),
            np.arange(always),
        )
        kept = frame.loc[keep].sort_values(["owner", "edge", "position"], kind="stable")
        owners = kept["owner"].to_numpy()
        present, counts = np.unique(owners, return_counts=True)
        snapped = np.zeros(len(labels), bool)
        snapped[present] = True
        return Snapped(
            index=labels[present],
            edge=kept["edge"].to_numpy(np.int64),
            position_m=kept["position"].to_numpy(float),
            distance_m=kept["distance"].to_numpy(float),
            unsnapped=labels[~snapped],
            max_distance_m=float(max_distance_m),
            ptr=np.r_[0, np.cumsum(counts)].astype(np.int64),
        )

    def snap_report(
        self, points: gpd.GeoDataFrame, *, id_column: str, max_distance_m: float = 500.0
    ) -> pd.DataFrame:
        """Where each point joins the network: ``id``, ``edge_id``, ``position_m``,
        ``snap_distance_m``, ``snap_time_s`` (walked) and ``snapped`` (False: beyond
        ``max_distance_m``, no travel times)."""
        ids = _ids(points, id_column, "points")
        snapped = self.snap(points.geometry.reset_index(drop=True), max_distance_m=max_distance_m)
        report = snapped.to_frame(self)
        report.insert(0, "id", ids[report.pop("point").to_numpy(dtype=np.int64)])
        return report

    def _in_network_crs(self, points: gpd.GeoSeries) -> gpd.GeoSeries:
        if isinstance(points, gpd.GeoDataFrame):
            points = points.geometry
        if points.crs is None:
            raise CRSError("points have no CRS; set one before routing")
        return points if points.crs == self.crs else points.to_crs(self.crs)

    def _seeds(self, snapped: Snapped, *, outbound: bool) -> _Seeds:
        """Nodes a snapped point reaches (``outbound``) or is reached from, with costs."""
        edge = snapped.edge
        walk_ms = np.rint(1000.0 * snapped.distance_m / self.walk_speed_mps)
        speed = self.edge_speed_mps[edge]
        to_u_ms = walk_ms + np.rint(1000.0 * snapped.position_m / speed)
        to_v_ms = walk_ms + np.rint(
            1000.0 * (self.edge_length_m[edge] - snapped.position_m) / speed
        )
        # Leaving towards u runs against the edge; arriving from u runs along it.
        u_ok = self.edge_backward[edge] if outbound else self.edge_forward[edge]
        v_ok = self.edge_forward[edge] if outbound else self.edge_backward[edge]
        nodes = np.column_stack([self.edge_u[edge], self.edge_v[edge]])
        costs = np.column_stack([to_u_ms, to_v_ms])
        ok = np.column_stack([u_ok, v_ok])
        by_entry = np.r_[0, np.cumsum(ok.sum(axis=1))].astype(np.int64)
        ptr = by_entry[snapped.entry_ptr]  # a point's seeds are those of all its entries
        return _Seeds(ptr, nodes[ok].astype(np.int64), costs[ok].astype(float))

    def _same_edge_costs(
        self, origins: Snapped, destinations: Snapped
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Direct trips between points snapped to the same edge: (origin, dest, cost ms)."""
        o_frame = pd.DataFrame({"edge": origins.edge, "o": np.arange(len(origins.edge))})
        d_frame = pd.DataFrame({"edge": destinations.edge, "d": np.arange(len(destinations.edge))})
        pairs = o_frame.merge(d_frame, on="edge")
        o = pairs["o"].to_numpy(np.int64)
        d = pairs["d"].to_numpy(np.int64)
        edge = pairs["edge"].to_numpy(np.int64)
        delta = destinations.position_m[d] - origins.position_m[o]
        allowed = np.where(delta >= 0, self.edge_forward[edge], self.edge_backward[edge])
        cost = (
            np.rint(1000.0 * origins.distance_m[o] / self.walk_speed_mps)
            + np.rint(1000.0 * np.abs(delta) / self.edge_speed_mps[edge])
            + np.rint(1000.0 * destinations.distance_m[d] / self.walk_speed_mps)
        )
        o, d, cost = (
            origins.entry_owner[o[allowed]],
            destinations.entry_owner[d[allowed]],
            cost[allowed],
        )
        if origins.ptr is None and destinations.ptr is None:
            return o, d, cost
        best = pd.DataFrame({"o": o, "d": d, "cost": cost}).groupby(["o", "d"])["cost"].min()
        return (
            best.index.get_level_values("o").to_numpy(np.int64),
            best.index.get_level_values("d").to_numpy(np.int64),
            best.to_numpy(float),
        )

    # -- searches -------------------------------------------------------------------------

    def travel_times_ms(
        self, origins: Snapped, destinations: Snapped, *, limit_ms: float = np.inf
    ) -> np.ndarray:
        """Dense ``(len(origins), len(destinations))`` travel times in ms (``inf``: none).

        Runs one search per origin, or per destination on the reversed graph when there are
        fewer destinations.
        """
        out_seeds = self._seeds(origins, outbound=True)
        in_seeds = self._seeds(destinations, outbound=False)
        if len(origins) <= len(destinations):
            times = self._search(self.forward_graph, out_seeds, in_seeds, limit_ms)
        else:
            times = self._search(self.backward_graph, in_seeds, out_seeds, limit_ms).T
        o, d, cost = self._same_edge_costs(origins, destinations)
        np.minimum.at(times, (o, d), cost)
        times[times > limit_ms] = np.inf
        return times

    @staticmethod
    def _search(
        graph: tuple[np.ndarray, np.ndarray, np.ndarray],
        sources: _Seeds,
        targets: _Seeds,
        limit_ms: float,
    ) -> np.ndarray:
        target_nodes, inverse = np.unique(targets.nodes, return_inverse=True)
        node_times = many_to_many(
            *graph,
            sources.ptr,
            sources.nodes,
            sources.costs,
            target_nodes.astype(np.int64),
            float(limit_ms),
        )
        n_targets = len(targets.ptr) - 1
        times = np.full((len(sources.ptr) - 1, n_targets), np.inf)
        has_seeds = np.diff(targets.ptr) > 0
        if has_seeds.any():
            by_seed = node_times[:, inverse] + targets.costs
            times[:, has_seeds] = np.minimum.reduceat(by_seed, targets.ptr[:-1][has_seeds], axis=1)
        return times

    def travel_time_matrix(
        self,
        origins: gpd.GeoDataFrame,
        destinations: gpd.GeoDataFrame,
        *,
        origin_id: str,
        destination_id: str,
        max_time_min: float | None = None,
        max_snap_distance_m: float = 500.0,
    ) -> pd.DataFrame:
        """Travel times (minutes) from every origin to every destination.

        Returns a frame with ``from_id``, ``to_id``, ``travel_time`` for every origin ×
        destination pair (r5py's layout), ``NaN`` where the destination is not reached (within
        ``max_time_min`` when given). Origins and destinations that could not be snapped keep
        their rows with ``NaN``; their ids are in ``frame.attrs["unsnapped_origins"]`` and
        ``frame.attrs["unsnapped_destinations"]`` and a warning names how many there are.
        """
        o_ids, d_ids, snapped_o, snapped_d, limit = self._prepare(
            origins,
            destinations,
            origin_id=origin_id,
            destination_id=destination_id,
            max_time_min=max_time_min,
            max_snap_distance_m=max_snap_distance_m,
        )
        times = np.full((len(origins), len(destinations)), np.nan)
        if len(snapped_o) and len(snapped_d):
            block = self.travel_times_ms(snapped_o, snapped_d, limit_ms=limit) / _MS_PER_MIN
            block[np.isinf(block)] = np.nan
            times[np.ix_(snapped_o.index.to_numpy(), snapped_d.index.to_numpy())] = block
        frame = pd.DataFrame(
            {
                "from_id": np.repeat(o_ids, len(d_ids)),
                "to_id": np.tile(d_ids, len(o_ids)),
                "travel_time": times.ravel(),
            }
        )
        _report_unsnapped(frame, o_ids, snapped_o, "origins", max_snap_distance_m)
        _report_unsnapped(frame, d_ids, snapped_d, "destinations", max_snap_distance_m)
        return frame

    def _prepare(
        self,
        origins: gpd.GeoDataFrame,
        destinations: gpd.GeoDataFrame,
        *,
        origin_id: str,
        destination_id: str,
        max_time_min: float | None,
        max_snap_distance_m: float,
    ) -> tuple[np.ndarray, np.ndarray, Snapped, Snapped, float]:
        """Ids of both sides, both sides snapped, and the search limit in milliseconds."""
        o_ids = _ids(origins, origin_id, "origins")
        d_ids = _ids(destinations, destination_id, "destinations")
        snapped_o = self.snap(
            origins.geometry.reset_index(drop=True), max_distance_m=max_snap_distance_m
        )
        if OUTLINE_COLUMN in destinations.columns:
            snapped_d = self.snap_areas(
                destinations.geometry.reset_index(drop=True),
                gpd.GeoSeries(destinations[OUTLINE_COLUMN].to_numpy(), crs=destinations.crs),
                max_distance_m=max_snap_distance_m,
            )
        else:
            snapped_d = self.snap(
                destinations.geometry.reset_index(drop=True), max_distance_m=max_snap_distance_m
            )
        limit = np.inf if max_time_min is None else float(max_time_min) * _MS_PER_MIN
        return o_ids, d_ids, snapped_o, snapped_d, limit

    def nearest(
        self,
        origins: gpd.GeoDataFrame,
        destinations: gpd.GeoDataFrame,
        *,
        origin_id: str,
        destination_id: str,
        n: int = 1,
        max_time_min: float | None = None,
        max_snap_distance_m: float = 500.0,
    ) -> pd.DataFrame:
        """The ``n`` nearest destinations of every origin, in one search for all origins.

        A single k-nearest multi-source search on the reversed graph labels every node with
        its ``n`` nearest destinations (see
        :func:`dikas.accessibility._core.dijkstra.k_nearest_sources`); each origin then merges
        the labels of its edge's end nodes. Returns ``from_id``, ``rank`` (1 = nearest),
        ``to_id``, ``travel_time`` (minutes); origins with fewer than ``n`` reachable
        destinations get fewer rows. Same unsnapped reporting as :meth:`travel_time_matrix`.
        """
        if n < 1:
            raise ParameterError(f"n must be at least 1, not {n}")
        o_ids, d_ids, snapped_o, snapped_d, limit = self._prepare(
            origins,
            destinations,
            origin_id=origin_id,
            destination_id=destination_id,
            max_time_min=max_time_min,
            max_snap_distance_m=max_snap_distance_m,
        )
        costs, sources = self.nearest_ms(snapped_o, snapped_d, n=n, limit_ms=limit)
        reached = sources >= 0
        rows, rank = np.nonzero(reached)
        frame = pd.DataFrame(
            {
                "from_id": o_ids[snapped_o.index.to_numpy()[rows]],
                "rank": rank + 1,
                "to_id": d_ids[snapped_d.index.to_numpy()[sources[reached]]],
                "travel_time": costs[reached] / _MS_PER_MIN,
            }
        )
        _report_unsnapped(frame, o_ids, snapped_o, "origins", max_snap_distance_m)
        _report_unsnapped(frame, d_ids, snapped_d, "destinations", max_snap_distance_m)
        return frame

    def nearest_ms(
        self, origins: Snapped, destinations: Snapped, *, n: int, limit_ms: float = np.inf
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(costs_ms, destination_positions)`` of shape ``(len(origins), n)``, ``-1`` padded."""
        in_seeds = self._seeds(destinations, outbound=False)
        owner = np.repeat(np.arange(len(destinations)), np.diff(in_seeds.ptr))
        labels, label_sources = k_nearest_sources(
            *self.backward_graph,
            in_seeds.nodes,
            in_seeds.costs,
            owner.astype(np.int64),
            n,
            float(limit_ms),
        )
        out_seeds = self._seeds(origins, outbound=True)
        o, d, cost = self._same_edge_costs(origins, destinations)
        order = np.argsort(o, kind="stable")
        extra_ptr = np.r_[0, np.cumsum(np.bincount(o, minlength=len(origins)))].astype(np.int64)
        return merge_k_nearest(
            labels,
            label_sources,
            out_seeds.ptr,
            out_seeds.nodes,
            out_seeds.costs,
            extra_ptr,
            cost[order],
            d[order],
            n,
            float(limit_ms),
        )


def _csr(
    tails: np.ndarray, heads: np.ndarray, weights: np.ndarray, n_nodes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    order = np.lexsort((heads, tails))
    indptr = np.r_[0, np.cumsum(np.bincount(tails, minlength=n_nodes))].astype(np.int64)
    return indptr, heads[order].astype(np.int64), weights[order].astype(np.float64)


def _ids(frame: gpd.GeoDataFrame, column: str, role: str) -> np.ndarray:
    if column not in frame.columns:
        raise MissingColumnError(
            f"{role} have no id column {column!r}; columns are {list(frame.columns)}"
        )
    ids = frame[column]
    if ids.isna().any() or not ids.is_unique:
        raise ParameterError(f"{role} id column {column!r} must be unique and not null")
    return ids.to_numpy()


def _report_unsnapped(
    frame: pd.DataFrame, ids: np.ndarray, snapped: Snapped, role: str, max_distance_m: float
) -> None:
    missing: list[Hashable] = ids[snapped.unsnapped.to_numpy(dtype=np.int64)].tolist()
    frame.attrs[f"unsnapped_{role}"] = missing
    if missing:
        shown = ", ".join(map(str, missing[:5])) + (" …" if len(missing) > 5 else "")
        warnings.warn(
            f"{len(missing)} {role} are farther than {max_distance_m:g} m from the "
            f"street network (or have no geometry) and have no travel times: "
            f"{shown}",
            stacklevel=3,
        )
