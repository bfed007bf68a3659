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
"""

from __future__ import annotations

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

WALK_HIGHWAYS = frozenset({
    "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
    "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "service",
    "road", "track", "pedestrian", "footway", "path", "steps", "cycleway", "bridleway",
    "corridor", "elevator", "platform",
})
"""Highway values a pedestrian may use by default."""

BIKE_HIGHWAYS = frozenset({
    "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
    "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "service",
    "road", "track", "path", "cycleway",
})
"""Highway values a cyclist may use by default (others need an explicit ``bicycle`` tag)."""

_YES = frozenset({"yes", "designated", "permissive", "destination", "official"})
_NO = frozenset({"no", "use_sidepath", "dismount"})
_TRUE = frozenset({"yes", "true", "1"})
_CONTRAFLOW = frozenset({"opposite", "opposite_lane", "opposite_track", "opposite_share_busway"})

_EDGE_COLUMNS = ["edge_id", "u", "v", "length_m", "highway", "name", "walk", "bike",
                 "bike_forward", "bike_backward", "osm_way_id", "geometry"]


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
    return WayAccess(walk=walk, bike=bike, bike_forward=bike and forward,
                     bike_backward=bike and backward)


def _bike_directions(tags: dict[str, str]) -> tuple[bool, bool]:
    oneway = tags.get("oneway", "")
    if not oneway and tags.get("junction") in {"roundabout", "circular"}:
        oneway = "yes"
    if "oneway:bicycle" in tags:
        oneway = tags["oneway:bicycle"]
    elif any(tags.get(key, "") in _CONTRAFLOW or tags.get(key, "") == "contraflow"
             for key in ("cycleway", "cycleway:left", "cycleway:right", "cycleway:both")):
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
    path = Path(path)
    if not path.is_file():
        raise DataError("file does not exist", dataset=dataset, path=path)
    try:
        ways = _routable_ways(path)
    except (RuntimeError, ValueError, osmium.InvalidLocationError) as error:
        raise DataError(f"cannot read OSM data ({error})", dataset=dataset, path=path) from error
    if len(ways) == 0:
        raise DataError("no walkable or cyclable highway in the file", dataset=dataset,
                        path=path)
    return _split_ways(ways)


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


_TAG_KEYS = ("highway", "access", "motorroad", "foot", "bicycle", "oneway", "junction",
             "oneway:bicycle", "cycleway", "cycleway:left", "cycleway:right", "cycleway:both",
             "name")


def _routable_ways(path: Path) -> _Ways:
    processor = (
        osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY)
        .with_locations()
        .with_filter(osmium.filter.EntityFilter(osmium.osm.WAY))
        .with_filter(osmium.filter.KeyFilter("highway"))
    )
    offsets = [0]
    refs: list[int] = []
    lons: list[float] = []
    lats: list[float] = []
    attributes: list[tuple] = []
    for entity in processor:
        way = cast("osmium.osm.Way", entity)
        tags = {key: value for key in _TAG_KEYS if (value := way.tags.get(key)) is not None}
        access = way_access(tags)
        if not (access.walk or access.bike):
            continue
        # Ways cut by the extract's border lose nodes: keep each run of located nodes.
        run: list[tuple[int, float, float]] = []
        for node in [*way.nodes, None]:
            if node is not None and node.location.valid():
                run.append((node.ref, node.lon, node.lat))
                continue
            if len(run) >= 2:
                ids, lon, lat = zip(*run, strict=True)
                refs.extend(ids)
                lons.extend(lon)
                lats.extend(lat)
                offsets.append(len(refs))
                attributes.append((way.id, tags["highway"], tags.get("name"), access.walk,
                                   access.bike, access.bike_forward, access.bike_backward))
            run = []
    frame = pd.DataFrame.from_records(
        attributes, columns=["osm_way_id", "highway", "name", "walk", "bike", "bike_forward",
                             "bike_backward"])
    return _Ways(np.array(offsets, dtype=np.int64), np.array(refs, dtype=np.int64),
                 np.array(lons), np.array(lats), frame)


def _split_ways(ways: _Ways) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Cut ways at nodes used twice or more (intersections) and at their ends."""
    x, y = Transformer.from_crs("EPSG:4326", TWIN_CRS, always_xy=True).transform(
        ways.lon, ways.lat)
    ids = ways.node_ids
    _, inverse, counts = np.unique(ids, return_inverse=True, return_counts=True)
    way_of = np.repeat(np.arange(len(ways)), np.diff(ways.offsets))
    is_end = np.zeros(len(ids), dtype=bool)
    is_end[ways.offsets[:-1]] = True
    is_end[ways.offsets[1:] - 1] = True
    cut = np.flatnonzero(is_end | (counts[inverse] >= 2))
    same_way = way_of[cut[:-1]] == way_of[cut[1:]]
    starts, ends = cut[:-1][same_way], cut[1:][same_way]

    sizes = ends - starts + 1
    edge_of_coord = np.repeat(np.arange(len(starts)), sizes)
    coord_index = np.repeat(starts - np.cumsum(np.r_[0, sizes[:-1]]), sizes) + np.arange(
        sizes.sum())
    geometry = shapely.linestrings(x[coord_index], y[coord_index], indices=edge_of_coord)

    edges = ways.attributes.iloc[way_of[starts]].reset_index(drop=True)
    edges.insert(0, "edge_id", np.arange(len(edges), dtype=np.int64))
    edges.insert(1, "u", ids[starts])
    edges.insert(2, "v", ids[ends])
    edges.insert(3, "length_m", shapely.length(geometry))
    edges = gpd.GeoDataFrame(edges, geometry=geometry, crs=TWIN_CRS)[_EDGE_COLUMNS]

    endpoints = np.r_[starts, ends]
    node_ids, first = np.unique(ids[endpoints], return_index=True)
    at = endpoints[first]
    nodes = gpd.GeoDataFrame({"node_id": node_ids}, geometry=shapely.points(x[at], y[at]),
                             crs=TWIN_CRS)
    return nodes, edges
