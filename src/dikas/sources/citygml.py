"""Building footprints and register attributes from CityGML 2.0 LoD2 files.

GDAL cannot read city models exported this way (its LoD2 solids are ``PolyhedralSurfaceZ``), so
this module parses the XML itself with :mod:`lxml`, one ``bldg:Building`` at a time
(``iterparse``), which keeps memory flat for large tiles.

One row per ``bldg:Building``; ``bldg:BuildingPart`` elements are merged into their building
(footprints united, attributes the building lacks taken from its parts in document order, the
height being the tallest part's). Columns and where they come from:

========================  ===================================================================
``building_id``           the building's ``gml:id``
``source``                ``"citygml"``
``permanent_id``          generic attribute ``Rakennustunnus_(VTJ-PRT)``, else ``VTJ_PRT``
``height_m``              ``bldg:measuredHeight``, else ``HighestRoof − GroundLevel``
``floors``                ``Kerroksia``, else ``I_KERRLKM``, else ``bldg:storeysAboveGround``;
                          ``0`` means "not recorded" in the register-derived exports and becomes NA
``use``                   ``Kayttotarkoitus``
``use_code``              ``C_KAYTTARK``, else ``bldg:function`` (same code list)
``year_built``            first four-digit year in ``Valmistunut``, else ``bldg:yearOfConstruction``
``floor_area_m2``         ``Kerrosala`` (``0`` becomes NA, as for floors)
``address``               ``Katuosoite``, else the first ``xAL`` thoroughfare name + number
``roof_type``             ``bldg:roofType`` as written (a CityGML code, e.g. ``1000`` = flat)
``ground_z``              ``GroundLevel``, else the lowest z of the ground surfaces
``geometry``              2D footprint in EPSG:3067: the union of the ``bldg:GroundSurface``
                          polygons; without ground surfaces, the union of the 2D projections of
                          all the building's polygons (the outline of the solid seen from above)
========================  ===================================================================

Caveats
-------
* The CRS comes from the nearest ``srsName`` (the building's envelope or geometry, else the
  city model's envelope). A building without one, or with one pyproj does not know, raises
  :class:`~dikas.errors.CRSError`. Coordinates are read easting first, as the city exports
  writes them (EPSG:3879 officially lists northing first); the vertical part of a compound CRS
  is ignored.
* Text where a number belongs (``"abc"`` floors) becomes NA and is counted in
  ``gdf.attrs["invalid_values"]`` (column → count); buildings without any polygon are skipped
  and counted in ``gdf.attrs["skipped"]``; footprints that needed ``shapely.make_valid`` are
  counted in ``gdf.attrs["repaired"]``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from lxml import etree
from shapely.geometry.base import BaseGeometry

from dikas.errors import CRSError, DataError
from dikas.progress import step
from dikas.sources.values import year_built

TARGET_CRS = "EPSG:3067"

_GML = "http://www.opengis.net/gml"
_GEN_NAMESPACES = (
    "http://www.opengis.net/citygml/generics/2.0",
    "http://www.opengis.net/citygml/generics/1.0",
)
_BLDG_NAMESPACES = (
    "http://www.opengis.net/citygml/building/2.0",
    "http://www.opengis.net/citygml/building/1.0",
)
_XAL = "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
_GML_ID = f"{{{_GML}}}id"
_GENERIC_KINDS = frozenset(
    {
        "stringAttribute",
        "doubleAttribute",
        "intAttribute",
        "dateAttribute",
        "uriAttribute",
        "measureAttribute",
    }
)
_EPSG_CODE = re.compile(r"EPSG(?:/\d+(?:\.\d+)*/|:+\d*:*|/0/)(\d+)", re.IGNORECASE)
_MIN_PROJECTED_AREA_M2 = 1e-4

COLUMNS = (
    "building_id",
    "source",
    "permanent_id",
    "height_m",
    "floors",
    "use",
    "use_code",
    "year_built",
    "floor_area_m2",
    "address",
    "roof_type",
    "ground_z",
)


@dataclass
class _Counts:
    """What the reader had to skip, blank or repair, reported in ``gdf.attrs``."""

    skipped: int = 0
    repaired: int = 0
    invalid_values: Counter[str] = field(default_factory=Counter)


def read_citygml(path: str | Path, *, dataset: str | None = None) -> gpd.GeoDataFrame:
    """Read the buildings of a CityGML 2.0 file as footprints with register attributes.

    Parameters
    ----------
    path
        A CityGML file (``.gml``/``.xml``) holding ``bldg:Building`` city objects.
    dataset
        Catalog name of the file, used in error messages only.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per building with the columns listed in the module docstring, in EPSG:3067.
        ``attrs`` holds ``skipped`` (buildings without geometry), ``repaired`` (footprints
        fixed with ``make_valid``) and ``invalid_values`` (column → values that were not
        numbers or years).

    Raises
    ------
    DataError
        The file is missing, not XML (e.g. truncated) or not a CityGML city model.
    CRSError
        A building has no ``srsName`` in scope, or pyproj does not know it.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError("CityGML file does not exist", dataset=dataset, path=path)
    counts = _Counts()
    rows: list[dict[str, object]] = []
    footprints: list[BaseGeometry] = []
    crs_names: list[str] = []
    with step(f"reading CityGML buildings from {path.name}"):
        for building, srs_name in _buildings(path, dataset=dataset):
            footprint, ground_z = _footprint(building, counts)
            if footprint is None:
                counts.skipped += 1
                continue
            row = _attributes(building, counts)
            if pd.isna(row["ground_z"]):
                row["ground_z"] = ground_z
            rows.append(row)
            footprints.append(footprint)
            crs_names.append(srs_name)
        frame = _to_frame(rows, footprints, crs_names, dataset=dataset, path=path)
    frame.attrs.update(
        skipped=counts.skipped, repaired=counts.repaired, invalid_values=dict(counts.invalid_values)
    )
    return frame


# --- XML traversal ---------------------------------------------------------------------------


def _buildings(path: Path, *, dataset: str | None) -> Iterator[tuple[etree._Element, str]]:
    """Yield each top-level ``bldg:Building`` with the ``srsName`` that applies to it.

    The file is opened here, not by lxml, so that it is closed also when the caller stops
    early or a building is refused mid-file.
    """
    try:
        with path.open("rb") as handle:
            yield from _traverse(handle, path=path, dataset=dataset)
    except etree.XMLSyntaxError as error:
        raise DataError(
            f"not well-formed XML ({error.msg}, line {error.lineno})", dataset=dataset, path=path
        ) from None


def _traverse(
    handle: IO[bytes], *, path: Path, dataset: str | None
) -> Iterator[tuple[etree._Element, str]]:
    building_tags = [f"{{{ns}}}Building" for ns in _BLDG_NAMESPACES]
    envelope_tag = f"{{{_GML}}}Envelope"
    default_srs: str | None = None
    checked_root = False
    for _, element in etree.iterparse(
        handle,
        events=("end",),
        tag=[*building_tags, envelope_tag],
        huge_tree=True,
        resolve_entities=False,
    ):
        if not checked_root:
            _check_root(element.getroottree().getroot(), dataset=dataset, path=path)
            checked_root = True
        if element.tag == envelope_tag:
            if _is_model_envelope(element):
                default_srs = element.get("srsName") or default_srs
            continue
        srs = _srs_name(element) or default_srs
        if not srs:
            raise CRSError(
                f"building {element.get(_GML_ID)!r} has no srsName in scope",
                dataset=dataset,
                path=path,
            )
        yield element, srs
        _release(element)
    if not checked_root:
        _check_root(_root_of(path, dataset=dataset), dataset=dataset, path=path)


def _root_of(path: Path, *, dataset: str | None) -> etree._Element:
    """The root element of a file that held no building (parsed only up to its first tag)."""
    try:
        with path.open("rb") as handle:
            for _, element in etree.iterparse(handle, events=("start",)):
                return element
    except etree.XMLSyntaxError as error:
        raise DataError(f"not well-formed XML ({error.msg})", dataset=dataset, path=path) from None
    raise DataError("empty XML file", dataset=dataset, path=path)


def _check_root(root: etree._Element, *, dataset: str | None, path: Path) -> None:
    if etree.QName(root).localname != "CityModel":
        raise DataError(
            f"not a CityGML city model (root element {etree.QName(root).localname!r})",
            dataset=dataset,
            path=path,
        )


def _is_model_envelope(envelope: etree._Element) -> bool:
    """Whether an envelope bounds the whole city model (``CityModel/gml:boundedBy``)."""
    bounded_by = envelope.getparent()
    owner = bounded_by.getparent() if bounded_by is not None else None
    return owner is not None and owner.getparent() is None


def _srs_name(building: etree._Element) -> str | None:
    found = building.xpath(".//@srsName")
    return str(found[0]) if found else None


def _release(element: etree._Element) -> None:
    """Free a processed building and the siblings before it (constant-memory iterparse)."""
    element.clear(keep_tail=False)
    member = element.getparent()
    if member is None:
        return
    member.clear()
    parent = member.getparent()
    if parent is not None:
        while member.getprevious() is not None:
            del parent[0]


# --- attributes ------------------------------------------------------------------------------


def _attributes(building: etree._Element, counts: _Counts) -> dict[str, object]:
    """The row of one building; its parts fill what the building itself lacks."""
    parts = list(building.iter(*(f"{{{ns}}}BuildingPart" for ns in _BLDG_NAMESPACES)))
    own = _element_values(building)
    merged: dict[str, str] = {}
    for part in reversed(parts):
        merged.update(_element_values(part))
    merged.update(own)

    building_id = building.get(_GML_ID)
    height = _number(own.get("measuredHeight"), "height_m", counts)
    part_heights = [
        _number(_element_values(p).get("measuredHeight"), "height_m", counts) for p in parts
    ]
    if pd.isna(height) and any(pd.notna(h) for h in part_heights):
        height = max(h for h in part_heights if pd.notna(h))
    if pd.isna(height):
        roof = _number(merged.get("HighestRoof"), "height_m", counts)
        ground = _number(merged.get("GroundLevel"), "height_m", counts)
        height = roof - ground if pd.notna(roof) and pd.notna(ground) else np.nan

    floors = None
    for key in ("Kerroksia", "I_KERRLKM", "storeysAboveGround"):
        floors = _floors(merged.get(key), counts)
        if floors is not None:
            break
    year = year_built(merged.get("Valmistunut"), counts.invalid_values)
    if year is None:
        year = year_built(merged.get("yearOfConstruction"), counts.invalid_values)
    return {
        "building_id": building_id,
        "source": "citygml",
        "permanent_id": _text(merged.get("Rakennustunnus_(VTJ-PRT)") or merged.get("VTJ_PRT")),
        "height_m": height,
        "floors": floors,
        "use": _text(merged.get("Kayttotarkoitus")),
        "use_code": _text(merged.get("C_KAYTTARK") or merged.get("function")),
        "year_built": year,
        "floor_area_m2": _positive(_number(merged.get("Kerrosala"), "floor_area_m2", counts)),
        "address": _text(merged.get("Katuosoite")) or _xal_address(building),
        "roof_type": _text(merged.get("roofType")),
        "ground_z": _number(merged.get("GroundLevel"), "ground_z", counts),
    }


def _element_values(element: etree._Element) -> dict[str, str]:
    """Direct generic attributes (by name) and ``bldg:*`` properties (by local name)."""
    values: dict[str, str] = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        qname = etree.QName(child)
        if qname.namespace in _GEN_NAMESPACES and qname.localname in _GENERIC_KINDS:
            value = child.find(f"{{{qname.namespace}}}value")
            if value is not None and value.text and value.text.strip():
                values.setdefault(child.get("name", ""), value.text.strip())
        elif (
            qname.namespace in _BLDG_NAMESPACES
            and len(child) == 0
            and child.text
            and child.text.strip()
        ):
            values.setdefault(qname.localname, child.text.strip())
    return values


def _xal_address(building: etree._Element) -> str | None:
    for thoroughfare in building.iter(f"{{{_XAL}}}Thoroughfare"):
        name = thoroughfare.findtext(f"{{{_XAL}}}ThoroughfareName") or ""
        number = thoroughfare.findtext(f"{{{_XAL}}}ThoroughfareNumber") or ""
        address = f"{name.strip()} {number.strip()}".strip()
        if name.strip():
            return address
    return None


def _text(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _number(value: str | None, column: str, counts: _Counts) -> float:
    if value is None:
        return np.nan
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        counts.invalid_values[column] += 1
        return np.nan
    if not np.isfinite(number):
        counts.invalid_values[column] += 1
        return np.nan
    return number


def _positive(number: float) -> float:
    """Zero stands for "not recorded" in the exported register fields."""
    return np.nan if number == 0 else number


def _floors(value: str | None, counts: _Counts) -> int | None:
    number = _number(value, "floors", counts)
    if np.isnan(number) or number == 0:
        return None
    if number < 0 or number != round(number):
        counts.invalid_values["floors"] += 1
        return None
    return int(number)


# --- geometry --------------------------------------------------------------------------------


def _footprint(building: etree._Element, counts: _Counts) -> tuple[BaseGeometry | None, float]:
    """The 2D footprint and the lowest ground-surface z of a building (NaN if unknown)."""
    ground = [
        polygon
        for surface in building.iter(*(f"{{{ns}}}GroundSurface" for ns in _BLDG_NAMESPACES))
        for polygon in surface.iter(f"{{{_GML}}}Polygon")
    ]
    ground_rings = [_polygon_rings(p) for p in ground]
    ground_rings = [r for r in ground_rings if r]
    ground_z = min(
        (ring[:, 2].min() for rings in ground_rings for ring in rings if ring.shape[1] > 2),
        default=np.nan,
    )
    footprint = _union([_to_polygon(rings) for rings in ground_rings], counts)
    if footprint is None:
        projected = [_polygon_rings(p) for p in building.iter(f"{{{_GML}}}Polygon")]
        footprint = _union([_to_polygon(r) for r in projected if r], counts)
    return footprint, float(ground_z)


def _union(polygons: list[BaseGeometry], counts: _Counts) -> BaseGeometry | None:
    parts = []
    repaired = False
    for polygon in polygons:
        if polygon.area <= _MIN_PROJECTED_AREA_M2:  # e.g. a wall seen from above
            continue
        if not polygon.is_valid:
            polygon = _polygonal(shapely.make_valid(polygon))
            repaired = True
        if polygon is not None and polygon.area > _MIN_PROJECTED_AREA_M2:
            parts.append(polygon)
    if not parts:
        return None
    union = _polygonal(shapely.union_all(parts))
    if union is not None and not union.is_valid:
        union = _polygonal(shapely.make_valid(union))
        repaired = True
    counts.repaired += repaired
    return union


def _polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    """The polygons of a geometry (dropping the lines and points ``make_valid`` may leave)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return None if geometry.is_empty else geometry
    polygons = [
        g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(polygons) if polygons else None


def _to_polygon(rings: list[np.ndarray]) -> BaseGeometry:
    exterior, *interiors = (ring[:, :2] for ring in rings)
    return shapely.Polygon(exterior, [i for i in interiors if len(i) >= 4])


def _polygon_rings(polygon: etree._Element) -> list[np.ndarray]:
    """Exterior then interior rings of a ``gml:Polygon`` as (n, dim) arrays; [] if unusable."""
    rings = []
    for role in ("exterior", "interior"):
        for boundary in polygon.findall(f"{{{_GML}}}{role}"):
            ring = boundary.find(f"{{{_GML}}}LinearRing")
            coordinates = _ring_coordinates(ring) if ring is not None else None
            if coordinates is None or len(coordinates) < 4:
                if role == "exterior":
                    return []
                continue
            rings.append(coordinates)
    return rings


def _ring_coordinates(ring: etree._Element) -> np.ndarray | None:
    pos_list = ring.find(f"{{{_GML}}}posList")
    try:
        if pos_list is not None and pos_list.text:
            values = np.array(pos_list.text.split(), dtype=float)
            dimension = int(pos_list.get("srsDimension") or _inherited_dimension(ring))
            if dimension < 2 or values.size % dimension:
                return None
            return values.reshape(-1, dimension)
        positions = [p.text.split() for p in ring.findall(f"{{{_GML}}}pos") if p.text]
        if positions:
            return np.array(positions, dtype=float)
        coordinates = ring.findtext(f"{{{_GML}}}coordinates")
        if coordinates:
            return np.array([c.split(",") for c in coordinates.split()], dtype=float)
    except ValueError:
        return None
    return None


def _inherited_dimension(element: etree._Element) -> str:
    for ancestor in element.iterancestors():
        if ancestor.get("srsDimension"):
            return ancestor.get("srsDimension")
        envelope = ancestor.find(f"{{{_GML}}}boundedBy/{{{_GML}}}Envelope")
        if envelope is not None and envelope.get("srsDimension"):
            return envelope.get("srsDimension")
    return "3"


# --- frame -----------------------------------------------------------------------------------


def _to_frame(
    rows: list[dict[str, object]],
    footprints: list[BaseGeometry],
    crs_names: list[str],
    *,
    dataset: str | None,
    path: Path,
) -> gpd.GeoDataFrame:
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame = frame.astype(
        {
            "building_id": "string",
            "source": "string",
            "permanent_id": "string",
            "height_m": "Float64",
            "floors": "Int64",
            "use": "string",
            "use_code": "string",
            "year_built": "Int64",
            "floor_area_m2": "Float64",
            "address": "string",
            "roof_type": "string",
            "ground_z": "Float64",
        }
    )
    geometry: list[BaseGeometry | None] = [None] * len(footprints)
    for name in dict.fromkeys(crs_names):
        positions = [i for i, crs_name in enumerate(crs_names) if crs_name == name]
        source = gpd.GeoSeries([footprints[i] for i in positions], crs=_crs(name, dataset, path))
        for position, projected in zip(positions, source.to_crs(TARGET_CRS), strict=True):
            geometry[position] = projected
    return gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(geometry, crs=TARGET_CRS).values, crs=TARGET_CRS
    )


def _crs(srs_name: str, dataset: str | None, path: Path) -> pyproj.CRS:
    """The horizontal CRS named by a GML ``srsName`` (URN, URL or ``EPSG:n``)."""
    try:
        crs = pyproj.CRS.from_user_input(srs_name)
    except pyproj.exceptions.CRSError:
        match = _EPSG_CODE.search(srs_name)
        if match is None:
            raise CRSError(f"unknown srsName {srs_name!r}", dataset=dataset, path=path) from None
        try:
            crs = pyproj.CRS.from_epsg(int(match.group(1)))
        except pyproj.exceptions.CRSError:
            raise CRSError(f"unknown srsName {srs_name!r}", dataset=dataset, path=path) from None
    if crs.is_compound:
        crs = crs.sub_crs_list[0]
    return crs
