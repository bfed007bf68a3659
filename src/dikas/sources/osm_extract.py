"""Large OpenStreetMap extracts, streamed and clipped to the catalog's area.

A country extract (Geofabrik's Finland PBF is about 600 MB) is far larger than a city's twin
needs. :func:`clip_pbf` cuts it to a bounding box or polygon in two streaming passes, with the
semantics of ``osmium extract --strategy complete_ways`` (osmium-tool):

* pass 1 collects the ids of the nodes inside the area, of the ways with at least one of those
  nodes (and the ids of *all* their nodes, so kept ways stay complete), and of the relations
  with a member among the inside nodes or kept ways; relations that have a kept relation as a
  member are then added, recursively (parent relations);
* pass 2 writes the kept objects, in the input's order (nodes, then ways, then relations, each
  by id), with the area's bounding box in the header.

Memory holds the selected ids as sorted ``int64`` arrays (the input is sorted, so they come
sorted), one batch of node coordinates or way node lists, and the relation → child-relation
pairs: it grows with the extract, not with the input. (libosmium's dense id sets, which
``osmium.IdTracker`` and osmium-tool use, cost about 1.5 GB per set for today's node id range
even for a tiny extract.) Like osmium-tool, relations are not made reference-complete: a kept relation keeps all its members
in its member list, but only members inside the extract are in the file.

:func:`fetch_osm_extract` is the ``osm_extract`` source kind: it downloads the PBF (resumable,
locked) and clips it to the catalog's ``bbox``, caching and locking the clipped file.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import osmium
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from dikas.errors import ConfigError, DataError, MissingDataError
from dikas.progress import step
from dikas.sources.acquire import FetchContext, Part
from dikas.sources.catalog import Dataset
from dikas.sources.osm_features import osm_objects

_BATCH = 1 << 16
_Object = osmium.osm.Node | osmium.osm.Way | osmium.osm.Relation
_TYPE_ORDER = {"n": 0, "w": 1, "r": 2}
SOURCE_SUFFIX = ".source"
"""Suffix of the pseudo-dataset name the full (unclipped) download is cached and locked under,
so the clipped file keeps the dataset's own lock entry."""


@dataclass(frozen=True)
class ClipReport:
    """What :func:`clip_pbf` read and wrote.

    ``bbox_wgs84`` is (min lon, min lat, max lon, max lat) of the clip area (also written to
    the output header). Counts are objects in the input and in the output.
    """

    source: Path
    target: Path
    bbox_wgs84: tuple[float, float, float, float]
    input_nodes: int
    input_ways: int
    input_relations: int
    nodes: int
    ways: int
    relations: int

    def as_extra(self) -> dict[str, object]:
        """The lock-entry ``extra`` of a clipped part: the clip box and the counts."""
        return {
            "clip_bbox_wgs84": list(self.bbox_wgs84),
            "input": {
                "nodes": self.input_nodes,
                "ways": self.input_ways,
                "relations": self.input_relations,
            },
            "kept": {"nodes": self.nodes, "ways": self.ways, "relations": self.relations},
        }


def clip_pbf(
    source: str | Path,
    target: str | Path,
    *,
    bbox_wgs84: tuple[float, float, float, float] | None = None,
    polygon: BaseGeometry | None = None,
    dataset: str | None = None,
) -> ClipReport:
    """Clip an OSM file to a box or polygon (lon/lat) with complete ways; write a PBF.

    Parameters
    ----------
    source
        An id-sorted OSM file (``.osm.pbf`` as published by Geofabrik or planet.osm.org).
    target
        The output ``.osm.pbf``; written to a temporary file and renamed, so a failure leaves
        the previous target untouched and nothing partial behind.
    bbox_wgs84
        (min lon, min lat, max lon, max lat); nodes on the edge are inside.
    polygon
        A (Multi)Polygon in EPSG:4326 instead of a box; nodes on its boundary are inside.
    dataset
        Catalog name, for error messages.

    Raises
    ------
    ConfigError
        Neither or both of ``bbox_wgs84`` and ``polygon``, or an empty/invalid area.
    DataError
        The source is missing, unreadable, not sorted by type then id, or nothing is inside.
    """
    source, target = Path(source), Path(target)
    inside_xy, bounds = _area(bbox_wgs84, polygon, dataset)
    if not source.is_file():
        raise DataError("OSM file does not exist", dataset=dataset, path=source)
    with step(f"clipping {source.name} (pass 1: ids inside the area)"):
        kept, counts = _select(source, inside_xy, dataset)
    if counts["kept_nodes"] == 0:
        raise DataError(
            f"no node lies inside the clip area {_box_text(bounds)}", dataset=dataset, path=source
        )
    header = osmium.io.Header()
    header.add_box(
        osmium.osm.Box(
            osmium.osm.Location(bounds[0], bounds[1]), osmium.osm.Location(bounds[2], bounds[3])
        )
    )
    header.set("generator", "dikas clip_pbf (complete_ways)")
    header.set("sorting", "Type_then_ID")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".osm.pbf")
    os.close(fd)
    try:
        with step(f"clipping {source.name} (pass 2: writing {target.name})"):
            written = _write(source, tmp, header, kept, dataset)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return ClipReport(
        source=source,
        target=target,
        bbox_wgs84=bounds,
        input_nodes=counts["n"],
        input_ways=counts["w"],
        input_relations=counts["r"],
        nodes=written["n"],
        ways=written["w"],
        relations=written["r"],
    )


def _area(
    bbox: tuple[float, float, float, float] | None,
    polygon: BaseGeometry | None,
    dataset: str | None,
) -> tuple[Callable[[np.ndarray, np.ndarray], np.ndarray], tuple[float, float, float, float]]:
    """A vectorised inside test for lon/lat arrays, and the area's bounding box."""
    where = f"dataset {dataset!r}: " if dataset else ""
    if (bbox is None) == (polygon is None):
        raise ConfigError(f"{where}clip needs exactly one of bbox_wgs84 and polygon")
    if bbox is not None:
        minx, miny, maxx, maxy = (float(v) for v in bbox)
        if not (-180 <= minx < maxx <= 180 and -90 <= miny < maxy <= 90):
            raise ConfigError(
                f"{where}clip bbox {bbox!r} is not (min lon, min lat, max lon, max lat) in degrees"
            )

        def in_box(x: np.ndarray, y: np.ndarray) -> np.ndarray:
            return (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)

        return in_box, (minx, miny, maxx, maxy)
    assert polygon is not None
    if polygon.is_empty or not polygon.is_valid or polygon.area <= 0:
        raise ConfigError(f"{where}clip polygon is empty or invalid")
    shapely.prepare(polygon)

    def in_polygon(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return shapely.intersects_xy(polygon, x, y)

    minx, miny, maxx, maxy = polygon.bounds
    return in_polygon, (minx, miny, maxx, maxy)


class _Selection:
    """The ids pass 2 writes, per type, as sorted ``int64`` arrays."""

    def __init__(self, nodes: np.ndarray, ways: np.ndarray, relations: np.ndarray) -> None:
        self.ids = {"n": nodes, "w": ways, "r": relations}


def _select(
    source: Path, inside_xy: Callable[[np.ndarray, np.ndarray], np.ndarray], dataset: str | None
) -> tuple[_Selection, dict[str, int]]:
    """Pass 1: the ids to write (nodes, ways, relations), and the input counts.

    Nodes are tested in batches of coordinates; ways in batches of their node lists (a way
    is kept when any of its nodes is inside); relations one by one. Id sets are sorted
    arrays because the input is sorted, so memory grows with the extract, not the input.
    """
    counts = {"n": 0, "w": 0, "r": 0, "kept_nodes": 0}
    nodes = _NodeBatch(inside_xy)
    ways = _WayBatch()
    inside: np.ndarray | None = None
    kept_ways: np.ndarray | None = None
    direct: list[int] = []
    parents: list[int] = []
    children: list[int] = []
    last = (-1, -(1 << 63))
    for obj in osm_objects(osmium.FileProcessor(str(source)), source, dataset):
        kind = obj.type_str()
        order = (_TYPE_ORDER[kind], obj.id)
        if order <= last:
            raise DataError(
                "OSM file is not sorted by type then id (sort it with 'osmium sort' first)",
                dataset=dataset,
                path=source,
            )
        last = order
        counts[kind] += 1
        if isinstance(obj, osmium.osm.Node):
            location = obj.location
            if location.valid():
                nodes.add(obj.id, location.lon, location.lat)
            continue
        if inside is None:
            inside = nodes.finish()
        if isinstance(obj, osmium.osm.Way):
            ways.add(obj.id, [node.ref for node in obj.nodes], inside)
            continue
        if kept_ways is None:
            kept_ways = ways.finish(inside)
        assert isinstance(obj, osmium.osm.Relation)  # _TYPE_ORDER admits no other kind
        members: dict[str, list[int]] = {"n": [], "w": [], "r": []}
        for member in obj.members:
            members[member.type].append(member.ref)
        parents.extend([obj.id] * len(members["r"]))
        children.extend(members["r"])
        if _any_in(inside, members["n"]) or _any_in(kept_ways, members["w"]):
            direct.append(obj.id)
    if inside is None:
        inside = nodes.finish()
    if kept_ways is None:
        kept_ways = ways.finish(inside)
    counts["kept_nodes"] = len(inside)
    relations = _parent_closure(
        np.array(direct, dtype=np.int64),
        np.array(parents, dtype=np.int64),
        np.array(children, dtype=np.int64),
    )
    all_nodes = np.unique(np.concatenate([inside, *ways.node_refs]))
    return _Selection(all_nodes, kept_ways, relations), counts


class _NodeBatch:
    """Node ids and coordinates tested against the area ``_BATCH`` at a time."""

    def __init__(self, inside_xy: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> None:
        self._inside_xy = inside_xy
        self._ids: list[int] = []
        self._lons: list[float] = []
        self._lats: list[float] = []
        self._hits: list[np.ndarray] = []

    def add(self, node_id: int, lon: float, lat: float) -> None:
        self._ids.append(node_id)
        self._lons.append(lon)
        self._lats.append(lat)
        if len(self._ids) == _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._ids:
            mask = self._inside_xy(np.array(self._lons), np.array(self._lats))
            self._hits.append(np.array(self._ids, dtype=np.int64)[mask])
            self._ids, self._lons, self._lats = [], [], []

    def finish(self) -> np.ndarray:
        """The sorted ids of the nodes inside the area."""
        self._flush()
        return np.concatenate(self._hits) if self._hits else np.empty(0, dtype=np.int64)


class _WayBatch:
    """Ways tested ``_BATCH`` node references at a time: kept when any node is inside."""

    def __init__(self) -> None:
        self._ids: list[int] = []
        self._lengths: list[int] = []
        self._refs: list[int] = []
        self._kept: list[np.ndarray] = []
        self.node_refs: list[np.ndarray] = []
        """Node ids of the kept ways (pass 2 writes them all: complete ways)."""

    def add(self, way_id: int, refs: list[int], inside: np.ndarray) -> None:
        if not refs:
            return
        self._ids.append(way_id)
        self._lengths.append(len(refs))
        self._refs.extend(refs)
        if len(self._refs) >= _BATCH:
            self._flush(inside)

    def _flush(self, inside: np.ndarray) -> None:
        if not self._ids:
            return
        refs = np.array(self._refs, dtype=np.int64)
        hit = _contains(inside, refs)
        starts = np.concatenate([[0], np.cumsum(self._lengths)[:-1]])
        keep = np.logical_or.reduceat(hit, starts)
        self._kept.append(np.array(self._ids, dtype=np.int64)[keep])
        self.node_refs.append(np.unique(refs[np.repeat(keep, self._lengths)]))
        self._ids, self._lengths, self._refs = [], [], []

    def finish(self, inside: np.ndarray) -> np.ndarray:
        """The sorted ids of the kept ways."""
        self._flush(inside)
        return np.concatenate(self._kept) if self._kept else np.empty(0, dtype=np.int64)


def _contains(sorted_ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Which ``values`` are in the sorted array ``sorted_ids``."""
    if len(sorted_ids) == 0:
        return np.zeros(len(values), dtype=bool)
    position = np.searchsorted(sorted_ids, values).clip(max=len(sorted_ids) - 1)
    return sorted_ids[position] == values


def _any_in(sorted_ids: np.ndarray, values: list[int]) -> bool:
    return bool(values) and bool(_contains(sorted_ids, np.array(values, dtype=np.int64)).any())


def _parent_closure(kept: np.ndarray, parents: np.ndarray, children: np.ndarray) -> np.ndarray:
    """``kept`` plus every relation that has a relation of the result as a member (sorted)."""
    result = np.unique(kept)
    while True:
        new = np.setdiff1d(parents[np.isin(children, result)], result)
        if len(new) == 0:
            return result
        result = np.union1d(result, new)


def _chunked(ids: np.ndarray) -> Iterator[int]:
    """The ids as Python ints, converted ``_BATCH`` at a time (not one big list)."""
    for start in range(0, len(ids), _BATCH):
        yield from ids[start : start + _BATCH].tolist()


def _write(
    source: Path, tmp: str, header: osmium.io.Header, selection: _Selection, dataset: str | None
) -> dict[str, int]:
    """Pass 2: write the selected objects, walking each sorted id array beside the input."""
    written = {"n": 0, "w": 0, "r": 0}
    wanted = {kind: _chunked(ids) for kind, ids in selection.ids.items()}
    upcoming = {kind: next(ids, None) for kind, ids in wanted.items()}
    writer = osmium.SimpleWriter(tmp, header=header, overwrite=True)
    try:
        for obj in osm_objects(osmium.FileProcessor(str(source)), source, dataset):
            kind = obj.type_str()
            target = upcoming[kind]
            if target is None or obj.id < target:
                continue
            while target is not None and target < obj.id:  # an id the input lacks
                target = next(wanted[kind], None)
            if target == obj.id:
                writer.add(obj)
                written[kind] += 1
                target = next(wanted[kind], None)
            upcoming[kind] = target
    finally:
        writer.close()
    return written


def check_osm_file(path: Path, *, dataset: str | None = None) -> None:
    """Raise :class:`DataError` unless libosmium can read the header of ``path``.

    Run on a download before it replaces the cached copy (an HTML error page or a truncated
    body is caught here; the clip then reads the whole file).
    """
    try:
        # the format is given, not guessed from the name: downloads have temporary names
        reader = osmium.io.Reader(osmium.io.File(str(path), "pbf"), osmium.osm.NOTHING)
        try:
            reader.header()
        finally:
            reader.close()
    except RuntimeError as error:
        raise DataError(f"not an OSM file ({error})", dataset=dataset, path=path) from None


def _box_text(bounds: tuple[float, float, float, float]) -> str:
    return "[" + ", ".join(f"{v:.5f}" for v in bounds) + "]"


def clip_bbox_wgs84(dataset: Dataset, ctx: FetchContext) -> tuple[float, float, float, float]:
    """The dataset's clip box in lon/lat: the catalog ``bbox`` (twin CRS) + ``buffer_m``.

    The source option ``clip`` is ``bbox`` (the default: the catalog's area) or an explicit
    ``[minx, miny, maxx, maxy]`` in the twin CRS. The buffered box is transformed with 21
    points per edge, so the lon/lat box covers the whole projected rectangle.
    """
    clip = dataset.source.option("clip", "bbox")
    where = f"catalog {ctx.catalog.source_file or ctx.catalog.city}: dataset {dataset.name!r}"
    box: tuple[float, ...]
    if clip == "bbox":
        if ctx.catalog.bbox is None:
            raise ConfigError(f"{where}: source clip 'bbox' needs 'city.bbox' in the catalog")
        box = ctx.catalog.bbox
    else:
        try:
            box = tuple(float(v) for v in clip)
        except (TypeError, ValueError):
            box = ()
        if len(box) != 4 or box[0] >= box[2] or box[1] >= box[3]:
            raise ConfigError(f"{where}: source clip must be 'bbox' or [minx, miny, maxx, maxy]")
    try:
        buffer = float(dataset.source.option("buffer_m", 0) or 0)
    except (TypeError, ValueError):
        buffer = -1.0
    if buffer < 0:
        raise ConfigError(f"{where}: source buffer_m must be a distance in metres >= 0")
    transformer = Transformer.from_crs(ctx.catalog.crs, "EPSG:4326", always_xy=True)
    bounds = transformer.transform_bounds(
        box[0] - buffer, box[1] - buffer, box[2] + buffer, box[3] + buffer, densify_pts=21
    )
    return tuple(float(v) for v in bounds)  # type: ignore[return-value]


def fetch_osm_extract(dataset: Dataset, ctx: FetchContext) -> list[Part]:
    """The ``osm_extract`` source kind: download the PBF, clip it to the catalog's area.

    The full download is cached and locked under the pseudo-dataset ``<name>.source`` (so a
    new clip area needs no new download, and an interrupted download resumes); the clipped
    file is the dataset's part, locked with the clip box and the counts in ``extra``. A
    cached clip made for the same box is reused; ``--frozen`` uses only that.
    """
    bounds = clip_bbox_wgs84(dataset, ctx)
    cached = ctx.cached(dataset, None)
    same_box = (
        cached is not None
        and cached.lock is not None
        and cached.lock.extra.get("clip_bbox_wgs84") == list(bounds)
    )
    if ctx.frozen:
        if cached is None or not same_box:
            raise MissingDataError(
                f"dataset {dataset.name!r}: --frozen and no locked clip of "
                f"the extract for {_box_text(bounds)} in the cache"
            )
        return [cached]
    if cached is not None and same_box and not ctx.refresh:
        return [cached]
    from dikas.sources.services.download import download_part

    url = ctx.base_url(dataset)
    whole = download_part(
        ctx,
        dataclasses.replace(dataset, name=dataset.name + SOURCE_SUFFIX),
        url,
        suffix=".osm.pbf",
        check=lambda path: check_osm_file(path, dataset=dataset.name),
    )
    report: list[ClipReport] = []

    def write(path: Path) -> None:
        report.append(clip_pbf(whole.path, path, bbox_wgs84=bounds, dataset=dataset.name))

    part = ctx.store(
        dataset,
        None,
        suffix=".osm.pbf",
        url=url,
        request={
            "clip_bbox_wgs84": list(bounds),
            "source_sha256": whole.lock.sha256 if whole.lock else None,
        },
        write=write,
    )
    # the counts are known only once ``write`` has run: record them on the entry now
    assert part.lock is not None
    entry = dataclasses.replace(part.lock, extra=report[0].as_extra())
    ctx.lock.put(entry)
    return [dataclasses.replace(part, lock=entry)]
