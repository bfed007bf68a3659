"""Walk and bike street networks from an OpenStreetMap PBF file.

The reader keeps every OSM way with a ``highway`` tag that a pedestrian or a cyclist may use,
splits it at intersection nodes (nodes shared by two or more routable ways, and way ends) and
returns the result as two frames in EPSG:3067, the twin's ``network_nodes`` and
``network_edges`` layers (see ``docs/twin-schema.md``).

Access rules (OSM worldwide defaults, overridable by the way's own tags):

* **walk**: every highway in :data:`WALK_HIGHWAYS` (footways, crossings — ``footway=crossing``
  is a footway —, paths, steps, pedestrian streets, cycleways, which most countries share with
  pedestrians, and the street classes up to ``trunk``) unless ``foot`` is ``no`` or
  ``use_sidepath``, the road is a ``motorroad``, or ``access`` is ``no``/``private`` without
  an explicit ``foot`` permission. Pedestrians ignore one-way rules.
* **bike**: the street classes, cycleways, paths and tracks (:data:`BIKE_HIGHWAYS`); footways,
  pedestrian streets, crossings, steps and corridors only with ``bicycle=yes``/``designated``/
  ``permissive``; never with ``bicycle=no``/``use_sidepath``.
* **bike one-way**: ``oneway=yes|true|1`` (implied by ``junction=roundabout|circular``) allows
  travel along the way's node order only, ``oneway=-1`` against it; ``oneway:bicycle``
  overrides ``oneway``, and contraflow lanes (``cycleway*=opposite*``) lift the restriction.

Memory: one streaming pass; node locations live in a disk-backed libosmium index, way nodes
and attributes in typed arrays (no Python object per node or way kept to the end), and
:func:`street_network_parts` hands the cut network out in batches of :data:`BATCH_ROWS`
rows, so the twin build never holds the region's network as one frame of shapely objects.
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import geopandas as gpd
import numpy as np
import osmium
import pandas as pd
import shapely
from pyproj import Transformer

from dikas.errors import DataError
from dikas.settings import TWIN_CRS

WALK_HIGHWAYS = frozenset(
    {
        "trunk",
        "trunk_link",
        "primary",
        "primary_link",
        "secondary",
        "secondary_link",
        "tertiary",
        "tertiary_link",
        "unclassified",
        "residential",
        "living_street",
        "service",
        "road",
        "track",
        "pedestrian",
        "footway",
        "path",
        "steps",
        "cycleway",
        "bridleway",
        "corridor",
        "elevator",
        "platform",
    }
)
"""Highway values a pedestrian may use by default."""

BIKE_HIGHWAYS = frozenset(
    {
        "trunk",
        "trunk_link",
        "primary",
        "primary_link",
        "secondary",
        "secondary_link",
        "tertiary",
        "tertiary_link",
        "unclassified",
        "residential",
        "living_street",
        "service",
        "road",
        "track",
        "path",
        "cycleway",
    }
)
"""Highway values a cyclist may use by default (others need an explicit ``bicycle`` tag)."""

_YES = frozenset({"yes", "designated", "permissive", "destination", "official"})
_NO = frozenset({"no", "use_sidepath", "dismount"})
_TRUE = frozenset({"yes", "true", "1"})
_CONTRAFLOW = frozenset({"opposite", "opposite_lane", "opposite_track", "opposite_share_busway"})

_EDGE_COLUMNS = [
    "edge_id",
    "u",
    "v",
    "length_m",
    "highway",
    "name",
    "walk",
    "bike",
    "bike_forward",
    "bike_backward",
    "osm_way_id",
    "geometry",
]


@dataclass(frozen=True)
class WayAccess:
    """Who may use a way, and in which directions a cyclist may ride it."""

    walk: bool
    bike: bool
    bike_forward: bool
    bike_backward: bool


def way_access(tags: dict[str, str]) -> WayAccess:
    """Apply the module's access rules to one way's tags."""
    highway = tags.get("highway", "")
    general = tags.get("access", "")
    motorroad = tags.get("motorroad") == "yes"
    foot = tags.get("foot", "")
    bicycle = tags.get("bicycle", "")
    restricted = general in {"no", "private"}

    walk = highway in WALK_HIGHWAYS and not motorroad and not restricted
    if foot in _YES:
        walk = highway not in {"motorway", "motorway_link", "construction", "proposed"}
    elif foot in _NO:
        walk = False

    bike = highway in BIKE_HIGHWAYS and not motorroad and not restricted
    if bicycle in _YES:
        bike = highway not in {"motorway", "motorway_link", "construction", "proposed"}
    elif bicycle in _NO:
        bike = False

    forward, backward = _bike_directions(tags)
    return WayAccess(
        walk=walk, bike=bike, bike_forward=bike and forward, bike_backward=bike and backward
    )


def _bike_directions(tags: dict[str, str]) -> tuple[bool, bool]:
    oneway = tags.get("oneway", "")
    if not oneway and tags.get("junction") in {"roundabout", "circular"}:
        oneway = "yes"
    if "oneway:bicycle" in tags:
        oneway = tags["oneway:bicycle"]
    elif any(
        tags.get(key, "") in _CONTRAFLOW or tags.get(key, "") == "contraflow"
        for key in ("cycleway", "cycleway:left", "cycleway:right", "cycleway:both")
    ):
        oneway = "no"
    if oneway in _TRUE:
        return True, False
    if oneway == "-1":
        return False, True
    return True, True


def read_street_network(
    path: str | Path, *, dataset: str | None = None
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Read the walk/bike street network of an OSM PBF (or XML) file.

    Parameters
    ----------
    path
        The OSM file.
    dataset
        Catalog name of the file, used in error messages only.

    Returns
    -------
    nodes, edges
        ``nodes``: ``node_id`` (OSM node id) and point ``geometry``; ``edges``: ``edge_id``,
        ``u``, ``v`` (node ids, ``u`` first in the way's node order), ``length_m``,
        ``highway``, ``name``, ``walk``, ``bike``, ``bike_forward``, ``bike_backward``,
        ``osm_way_id`` and line ``geometry``. Both in EPSG:3067. Only intersection nodes and
        way ends are nodes; the geometry between them stays in the edge's line.

    Raises
    ------
    DataError
        If the file is missing, unreadable or contains no routable way.
    """
    parts = street_network_parts(path, dataset=dataset)
    nodes = pd.concat(list(parts.node_batches()), ignore_index=True)
    edges = pd.concat(list(parts.edge_batches()), ignore_index=True)
    return (
        gpd.GeoDataFrame(nodes, geometry="geometry", crs=TWIN_CRS),
        gpd.GeoDataFrame(edges, geometry="geometry", crs=TWIN_CRS),
    )


@dataclass(frozen=True)
class _Ways:
    """Routable ways as flat node arrays; way ``i`` owns ``node_ids[offsets[i]:offsets[i+1]]``."""

    offsets: np.ndarray
    node_ids: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    attributes: pd.DataFrame

    def __len__(self) -> int:
        return len(self.attributes)


_TAG_KEYS = (
    "highway",
    "access",
    "motorroad",
    "foot",
    "bicycle",
    "oneway",
    "junction",
    "oneway:bicycle",
    "cycleway",
    "cycleway:left",
    "cycleway:right",
    "cycleway:both",
    "name",
)


_PRECISION = 10_000_000
"""libosmium's fixed-point coordinate precision (1e-7 degree)."""

BATCH_ROWS = 2 * 122_880
"""Rows per node/edge batch: two DuckDB row groups, so appended batches fill whole row
groups (a partly filled one per batch would make the twin file larger)."""

BATCH_WAYS = 50_000
"""Routable ways whose attributes are gathered in Python lists before they are flushed into
the typed column buffers (bounded Python-object memory however large the file)."""


class _Columns:
    """Append-only typed column buffers (``array.array``: 8 bytes a number, no objects)."""

    def __init__(self) -> None:
        self.refs = array("q")
        self.way_lengths = array("q")
        self.way_ids = array("q")
        self.flags = array("b")  # walk, bike, bike_forward, bike_backward: 4 per way
        self.highway = array("l")
        self.name = array("l")
        self.strings: dict[str | None, int] = {None: 0}
        self._pending: list[tuple] = []

    def code(self, value: str | None) -> int:
        """A small integer standing for a (repeated) string value."""
        return self.strings.setdefault(value, len(self.strings))

    def add(self, way_id: int, refs: list[int], tags: dict[str, str], access: WayAccess) -> None:
        self._pending.append((way_id, refs, tags, access))
        if len(self._pending) >= BATCH_WAYS:
            self.flush()

    def flush(self) -> None:
        for way_id, refs, tags, access in self._pending:
            self.refs.extend(refs)
            self.way_lengths.append(len(refs))
            self.way_ids.append(way_id)
            self.flags.extend((access.walk, access.bike, access.bike_forward, access.bike_backward))
            self.highway.append(self.code(tags["highway"]))
            self.name.append(self.code(tags.get("name")))
        self._pending = []


def _routable_ways(path: Path) -> _Ways:
    """One streaming pass over the ways, node locations from a disk-backed index.

    libosmium keeps the node locations in a ``sparse_file_array`` in a temporary directory
    (16 bytes a node, on disk, instead of the in-memory default); each routable way's node
    ids and fixed-point coordinates go into typed buffers (Python holds at most
    :data:`BATCH_WAYS` ways' objects at a time); border runs are cut with array operations.
    """
    columns = _Columns()
    xs, ys = array("i"), array("i")
    with tempfile.TemporaryDirectory(prefix="dikas-osm-") as tmp:
        processor = (
            osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY)
            .with_locations(f"sparse_file_array,{Path(tmp) / 'locations'}")
            .with_filter(osmium.filter.EntityFilter(osmium.osm.WAY))
            .with_filter(osmium.filter.KeyFilter("highway"))
        )
        for entity in processor:
            way = cast("osmium.osm.Way", entity)
            tags = {key: value for key in _TAG_KEYS if (value := way.tags.get(key)) is not None}
            access = way_access(tags)
            if not (access.walk or access.bike):
                continue
            nodes = way.nodes
            locations = [node.location for node in nodes]
            xs.extend([location.x for location in locations])
            ys.extend([location.y for location in locations])
            columns.add(way.id, [node.ref for node in nodes], tags, access)
        columns.flush()
    refs = np.frombuffer(columns.refs, dtype=np.int64)
    x = np.frombuffer(xs, dtype=np.int32)
    y = np.frombuffer(ys, dtype=np.int32)
    # osmium.Location.valid(): inside ±180 / ±90 degrees (the undefined value is not)
    located = (
        (x >= -180 * _PRECISION)
        & (x <= 180 * _PRECISION)
        & (y >= -90 * _PRECISION)
        & (y <= 90 * _PRECISION)
    )

    # Ways cut by the extract's border lose nodes: keep each run of >= 2 located nodes.
    lengths = np.frombuffer(columns.way_lengths, dtype=np.int64)
    way_of = np.repeat(np.arange(len(lengths)), lengths)
    first = np.zeros(len(refs), dtype=bool)
    first[np.cumsum(lengths)[:-1]] = True
    if len(refs):
        first[0] = True
    first[1:] |= located[1:] != located[:-1]
    run_of = np.cumsum(first) - 1
    run_sizes = np.bincount(run_of, minlength=run_of[-1] + 1 if len(refs) else 0)
    run_located = located[first]
    keep_run = run_located & (run_sizes >= 2)
    keep = keep_run[run_of]
    kept_sizes = run_sizes[keep_run]
    run_way = way_of[first][keep_run]

    flags = np.frombuffer(columns.flags, dtype=np.int8).reshape(-1, 4).astype(bool)[run_way]
    strings = np.array(list(columns.strings), dtype=object)
    frame = pd.DataFrame(
        {
            "osm_way_id": np.frombuffer(columns.way_ids, dtype=np.int64)[run_way],
            "highway": strings[np.frombuffer(columns.highway, dtype=np.int_)[run_way]],
            "name": strings[np.frombuffer(columns.name, dtype=np.int_)[run_way]],
            "walk": flags[:, 0],
            "bike": flags[:, 1],
            "bike_forward": flags[:, 2],
            "bike_backward": flags[:, 3],
        }
    )
    # the same division as osmium.Location.lon / .lat
    return _Ways(
        np.r_[0, np.cumsum(kept_sizes)].astype(np.int64),
        refs[keep],
        x[keep] / float(_PRECISION),
        y[keep] / float(_PRECISION),
        frame,
    )


@dataclass(frozen=True)
class StreetNetworkParts:
    """A street network cut at intersections, handed out in bounded batches.

    The cut itself is array work on the whole file (which nodes are shared); geometries and
    frames are made ``batch`` rows at a time, so a caller that writes each batch away (the
    twin build) never holds the whole network as Python/GEOS objects.
    """

    ways: _Ways
    x: np.ndarray
    y: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    node_at: np.ndarray
    """Coordinate index of each network node (sorted by node id)."""

    @property
    def edge_count(self) -> int:
        return len(self.starts)

    @property
    def node_count(self) -> int:
        return len(self.node_at)

    def node_batches(self, batch: int = BATCH_ROWS) -> Iterator[gpd.GeoDataFrame]:
        """``network_nodes`` rows in id order, ``batch`` at a time."""
        ids = self.ways.node_ids
        for first in range(0, max(self.node_count, 1), batch):
            at = self.node_at[first : first + batch]
            yield gpd.GeoDataFrame(
                {"node_id": ids[at]}, geometry=shapely.points(self.x[at], self.y[at]), crs=TWIN_CRS
            )

    def edge_batches(self, batch: int = BATCH_ROWS) -> Iterator[gpd.GeoDataFrame]:
        """``network_edges`` rows in edge-id order, ``batch`` at a time."""
        ways, ids = self.ways, self.ways.node_ids
        way_of_start = np.searchsorted(ways.offsets, self.starts, side="right") - 1
        for first in range(0, max(self.edge_count, 1), batch):
            starts = self.starts[first : first + batch]
            ends = self.ends[first : first + batch]
            sizes = ends - starts + 1
            edge_of_coord = np.repeat(np.arange(len(starts)), sizes)
            coord_index = np.repeat(starts - np.cumsum(np.r_[0, sizes[:-1]]), sizes) + np.arange(
                sizes.sum()
            )
            geometry = shapely.linestrings(
                self.x[coord_index], self.y[coord_index], indices=edge_of_coord
            )
            edges = ways.attributes.iloc[way_of_start[first : first + batch]].reset_index(drop=True)
            edges.insert(0, "edge_id", np.arange(first, first + len(edges), dtype=np.int64))
            edges.insert(1, "u", ids[starts])
            edges.insert(2, "v", ids[ends])
            edges.insert(3, "length_m", shapely.length(geometry))
            yield gpd.GeoDataFrame(edges, geometry=geometry, crs=TWIN_CRS)[_EDGE_COLUMNS]


def street_network_parts(path: str | Path, *, dataset: str | None = None) -> StreetNetworkParts:
    """Read and cut the network of an OSM file, for :meth:`StreetNetworkParts.edge_batches`.

    Same rules, errors and rows as :func:`read_street_network` (which concatenates the
    batches).
    """
    path = Path(path)
    if not path.is_file():
        raise DataError("file does not exist", dataset=dataset, path=path)
    try:
        ways = _routable_ways(path)
    except (RuntimeError, ValueError, osmium.InvalidLocationError) as error:
        raise DataError(f"cannot read OSM data ({error})", dataset=dataset, path=path) from error
    if len(ways) == 0:
        raise DataError("no walkable or cyclable highway in the file", dataset=dataset, path=path)
    return _split_ways(ways)


def _split_ways(ways: _Ways) -> StreetNetworkParts:
    """Cut ways at nodes used twice or more (intersections) and at their ends."""
    x, y = Transformer.from_crs("EPSG:4326", TWIN_CRS, always_xy=True).transform(ways.lon, ways.lat)
    ids = ways.node_ids
    _, inverse, counts = np.unique(ids, return_inverse=True, return_counts=True)
    is_cut = counts[inverse] >= 2
    del inverse, counts
    is_cut[ways.offsets[:-1]] = True
    is_cut[ways.offsets[1:] - 1] = True
    cut = np.flatnonzero(is_cut)
    del is_cut
    way_of_cut = np.searchsorted(ways.offsets, cut, side="right") - 1
    same_way = way_of_cut[:-1] == way_of_cut[1:]
    starts, ends = cut[:-1][same_way], cut[1:][same_way]
    endpoints = np.r_[starts, ends]
    _, first = np.unique(ids[endpoints], return_index=True)
    return StreetNetworkParts(
        ways=ways,
        x=np.asarray(x),
        y=np.asarray(y),
        starts=starts,
        ends=ends,
        node_at=endpoints[first],
    )
