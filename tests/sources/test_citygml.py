"""CityGML reader: hand-written fixtures with known answers, and the real Helsinki tiles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyproj
import pytest
import shapely
from lxml import etree

from dikas.errors import CRSError, DataError
from dikas.sources.citygml import read_citygml

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<CityModel xmlns="http://www.opengis.net/citygml/2.0" xmlns:gml="http://www.opengis.net/gml"
  xmlns:bldg="http://www.opengis.net/citygml/building/2.0"
  xmlns:gen="http://www.opengis.net/citygml/generics/2.0"
  xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0">
"""
MODEL_ENVELOPE = """<gml:boundedBy><gml:Envelope srsName="{srs}" srsDimension="3">
  <gml:lowerCorner>25496000 6672000 0</gml:lowerCorner>
  <gml:upperCorner>25497000 6673000 50</gml:upperCorner></gml:Envelope></gml:boundedBy>
"""
X0, Y0 = 25_496_100.0, 6_672_100.0


def square(x: float, y: float, size: float, z: float) -> str:
    """A gml:Polygon: an axis-aligned horizontal square at height z."""
    corners = [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
    pos = " ".join(f"{cx} {cy} {z}" for cx, cy in corners)
    return (
        f'<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">{pos}'
        "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
    )


def wall(x0: float, y0: float, x1: float, y1: float, z0: float, z1: float) -> str:
    """A vertical gml:Polygon between two ground points (projects to a line)."""
    pos = f"{x0} {y0} {z0} {x1} {y1} {z0} {x1} {y1} {z1} {x0} {y0} {z1} {x0} {y0} {z0}"
    return (
        f'<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">{pos}'
        "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
    )


def ground(polygon: str) -> str:
    return (
        "<bldg:boundedBy><bldg:GroundSurface><bldg:lod2MultiSurface><gml:MultiSurface>"
        f"<gml:surfaceMember>{polygon}</gml:surfaceMember></gml:MultiSurface>"
        "</bldg:lod2MultiSurface></bldg:GroundSurface></bldg:boundedBy>"
    )


def generic(kind: str, name: str, value: str) -> str:
    return f'<gen:{kind} name="{name}"><gen:value>{value}</gen:value></gen:{kind}>'


def member(body: str, gml_id: str) -> str:
    return f'<cityObjectMember><bldg:Building gml:id="{gml_id}">{body}</bldg:Building></cityObjectMember>\n'


def box_solid(x: float, y: float, size: float, z0: float, z1: float) -> str:
    """An lod1Solid cube: floor, roof and four walls, without any GroundSurface."""
    faces = [
        square(x, y, size, z0),
        square(x, y, size, z1),
        wall(x, y, x + size, y, z0, z1),
        wall(x + size, y, x + size, y + size, z0, z1),
        wall(x + size, y + size, x, y + size, z0, z1),
        wall(x, y + size, x, y, z0, z1),
    ]
    members = "".join(f"<gml:surfaceMember>{f}</gml:surfaceMember>" for f in faces)
    return (
        f"<bldg:lod1Solid><gml:Solid><gml:exterior><gml:CompositeSurface>{members}"
        "</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>"
    )


def model(srs: str | None = "urn:ogc:def:crs:EPSG::3879") -> str:
    """Five buildings covering each footprint and attribute rule once."""
    registered = member(
        generic("stringAttribute", "Rakennustunnus_(VTJ-PRT)", "100000001A")
        + generic("doubleAttribute", "Kerroksia", "abc")
        + generic("doubleAttribute", "I_KERRLKM", "3.0")
        + generic("stringAttribute", "Kayttotarkoitus", "Asuinrakennus")
        + generic("stringAttribute", "C_KAYTTARK", "039")
        + generic("dateAttribute", "Valmistunut", "1969-05-01")
        + generic("doubleAttribute", "Kerrosala", "250.5")
        + generic("stringAttribute", "Katuosoite", "Testikatu 1")
        + generic("doubleAttribute", "GroundLevel", "2.5")
        + "<bldg:roofType>1030</bldg:roofType>"
        + '<bldg:measuredHeight uom="m">12.5</bldg:measuredHeight>'
        + ground(square(X0, Y0, 10, 2.5)),
        "B_registered",
    )
    solid_only = member(
        generic("doubleAttribute", "HighestRoof", "20.0")
        + generic("doubleAttribute", "GroundLevel", "4.0")
        + generic("stringAttribute", "VTJ_PRT", "100000002B")
        + "<bldg:storeysAboveGround>2</bldg:storeysAboveGround>"
        + box_solid(X0 + 50, Y0, 20, 4.0, 20.0),
        "B_solid",
    )
    no_geometry = member(generic("stringAttribute", "Katuosoite", "Tyhjä 0"), "B_empty")
    parts = member(
        "<bldg:consistsOfBuildingPart><bldg:BuildingPart>"
        + '<bldg:measuredHeight uom="m">5</bldg:measuredHeight>'
        + generic("dateAttribute", "Valmistunut", "not a date")
        + ground(square(X0 + 100, Y0, 10, 1.0))
        + "</bldg:BuildingPart></bldg:consistsOfBuildingPart>"
        + "<bldg:consistsOfBuildingPart><bldg:BuildingPart>"
        + '<bldg:measuredHeight uom="m">8</bldg:measuredHeight>'
        + generic("stringAttribute", "Kayttotarkoitus", "Varasto")
        + ground(square(X0 + 110, Y0, 10, 1.5))
        + "</bldg:BuildingPart></bldg:consistsOfBuildingPart>"
        + "<bldg:address><Address><xalAddress><xAL:AddressDetails><xAL:Country><xAL:Locality>"
        + "<xAL:Thoroughfare><xAL:ThoroughfareNumber>3</xAL:ThoroughfareNumber>"
        + "<xAL:ThoroughfareName>Osakatu</xAL:ThoroughfareName></xAL:Thoroughfare>"
        + "</xAL:Locality></xAL:Country></xAL:AddressDetails></xalAddress></Address>"
        + "</bldg:address>",
        "B_parts",
    )
    envelope = MODEL_ENVELOPE.format(srs=srs) if srs else ""
    return HEADER + envelope + registered + solid_only + no_geometry + parts + "</CityModel>\n"


def expected_square(x: float, y: float, size: float) -> shapely.Polygon:
    """The square's corners projected EPSG:3879 → EPSG:3067 with pyproj directly."""
    transformer = pyproj.Transformer.from_crs(3879, 3067, always_xy=True)
    xs = np.array([x, x + size, x + size, x, x])
    ys = np.array([y, y, y + size, y + size, y])
    return shapely.Polygon(np.column_stack(transformer.transform(xs, ys)))


@pytest.fixture
def fixture_file(tmp_path: Path) -> Path:
    path = tmp_path / "tile.gml"
    path.write_text(model(), encoding="utf-8")
    return path


def test_fixture_rows_attributes_and_counts(fixture_file: Path) -> None:
    buildings = read_citygml(fixture_file).set_index("building_id")
    assert list(buildings.index) == ["B_registered", "B_solid", "B_parts"]
    assert buildings.crs == "EPSG:3067"
    assert buildings.attrs["skipped"] == 1
    assert buildings.attrs["invalid_values"] == {"floors": 1, "year_built": 1}
    assert buildings.attrs["repaired"] == 0
    registered = buildings.loc["B_registered"]
    assert registered["permanent_id"] == "100000001A"
    assert registered["height_m"] == 12.5
    assert registered["floors"] == 3  # "abc" in Kerroksia is counted, I_KERRLKM used
    assert registered["use"] == "Asuinrakennus"
    assert registered["use_code"] == "039"
    assert registered["year_built"] == 1969
    assert registered["floor_area_m2"] == 250.5
    assert registered["address"] == "Testikatu 1"
    assert registered["roof_type"] == "1030"
    assert registered["ground_z"] == 2.5
    assert registered["source"] == "citygml"
    solid = buildings.loc["B_solid"]
    assert solid["height_m"] == pytest.approx(16.0)  # HighestRoof − GroundLevel
    assert solid["permanent_id"] == "100000002B"
    assert solid["floors"] == 2
    assert pd.isna(solid["year_built"]) and pd.isna(solid["use"])
    parts = buildings.loc["B_parts"]
    assert parts["height_m"] == 8.0  # the tallest part
    assert parts["use"] == "Varasto"
    assert parts["address"] == "Osakatu 3"
    assert parts["ground_z"] == 1.0
    assert pd.isna(parts["year_built"])


def test_fixture_footprints_match_pyproj(fixture_file: Path) -> None:
    buildings = read_citygml(fixture_file).set_index("building_id")
    ground_square = expected_square(X0, Y0, 10)
    assert buildings.geometry["B_registered"].equals_exact(ground_square, tolerance=1e-6)
    # no GroundSurface: the outline of the solid seen from above
    solid_square = expected_square(X0 + 50, Y0, 20)
    assert buildings.geometry["B_solid"].symmetric_difference(solid_square).area < 1e-6
    # two adjacent parts merge into one 20 m × 10 m footprint
    merged = expected_square(X0 + 100, Y0, 10).union(expected_square(X0 + 110, Y0, 10))
    assert buildings.geometry["B_parts"].geom_type == "Polygon"
    assert buildings.geometry["B_parts"].symmetric_difference(merged).area < 1e-6
    # GK25 → TM35 keeps areas within 0.1 % here (scale factors differ by < 5e-4)
    assert buildings.geometry["B_parts"].area == pytest.approx(200.0, rel=1e-3)


def test_srs_on_the_building_envelope_only(tmp_path: Path) -> None:
    text = model(srs=None).replace(
        '<bldg:Building gml:id="B_registered">',
        '<bldg:Building gml:id="B_registered"><gml:boundedBy><gml:Envelope '
        'srsName="EPSG:3879"><gml:lowerCorner>0 0</gml:lowerCorner>'
        "<gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>",
        1,
    )
    path = tmp_path / "partial.gml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CRSError, match="B_solid"):  # the second building has no srsName
        read_citygml(path)


def test_missing_srs_name_raises_crs_error(tmp_path: Path) -> None:
    path = tmp_path / "no_srs.gml"
    path.write_text(model(srs=None), encoding="utf-8")
    with pytest.raises(CRSError, match="no srsName"):
        read_citygml(path, dataset="tile")


def test_unknown_srs_name_raises_crs_error(tmp_path: Path) -> None:
    path = tmp_path / "bad_srs.gml"
    path.write_text(model(srs="urn:ogc:def:crs:EPSG::999999"), encoding="utf-8")
    with pytest.raises(CRSError, match="unknown srsName"):
        read_citygml(path)


def test_truncated_file_raises_data_error_naming_file(fixture_file: Path, tmp_path: Path) -> None:
    text = fixture_file.read_text(encoding="utf-8")
    path = tmp_path / "truncated.gml"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(DataError, match=r"truncated\.gml") as caught:
        read_citygml(path, dataset="helsinki_citygml")
    assert "not well-formed XML" in str(caught.value)
    assert "helsinki_citygml" in str(caught.value)


@pytest.mark.parametrize(
    "content",
    ["", "<gml:FeatureCollection xmlns:gml='http://www.opengis.net/gml'/>", "\x00\x01binary"],
)
def test_not_citygml_raises_data_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError):
        read_citygml(path)


def test_model_without_buildings_is_an_empty_frame(tmp_path: Path) -> None:
    path = tmp_path / "empty.gml"
    path.write_text(
        HEADER + MODEL_ENVELOPE.format(srs="EPSG:3879") + "</CityModel>", encoding="utf-8"
    )
    buildings = read_citygml(path)
    assert len(buildings) == 0
    assert buildings.crs == "EPSG:3067"
    assert list(buildings.columns[:3]) == ["building_id", "source", "permanent_id"]


def test_missing_file_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist"):
        read_citygml(tmp_path / "absent.gml")


@pytest.mark.integration
def test_kalasatama_tile(data_dir: Path) -> None:
    path = data_dir / "helsinki_citygml" / "2549_6674.gml"
    buildings = read_citygml(path, dataset="helsinki_citygml").set_index("building_id")
    assert len(buildings) == 61
    assert buildings.attrs["skipped"] == 0
    assert buildings.index.is_unique
    known = buildings.loc["BID_059d0a21-a2a7-4aa5-b427-2975517f09ba"]
    assert known["permanent_id"] == "102821537S"
    assert known["height_m"] == 14.86
    assert known["year_built"] == 2015
    assert known["floors"] == 4
    assert known["floor_area_m2"] == 1195.0
    assert known["address"] == "Arcturuksenkatu 6"
    assert known["use"] == "Asuinrakennus"
    assert known["ground_z"] == 2.73
    # the file's own per-surface Area attribute (m², in EPSG:3879) of the ground surface
    assert known.geometry.area == pytest.approx(324.88, rel=1e-3)
    assert int(buildings["floors"].notna().sum()) == 31
    _assert_areas_match_ground_surface_attributes(path, buildings)
    west, south, east, north = buildings.total_bounds
    assert 387_700 < west < east < 388_300 and 6_673_400 < south < north < 6_674_000


@pytest.mark.integration
def test_viikki_tile(data_dir: Path) -> None:
    path = data_dir / "helsinki_citygml" / "viikintiedepuisto.gml"
    buildings = read_citygml(path).set_index("building_id")
    assert len(buildings) == 23
    assert set(buildings.geom_type) == {"Polygon"}
    assert (buildings["year_built"] == 1969).sum() == 1
    assert int((buildings["year_built"] == 2010).sum()) >= 2
    _assert_areas_match_ground_surface_attributes(path, buildings)


def _assert_areas_match_ground_surface_attributes(path: Path, buildings: pd.DataFrame) -> None:
    """Footprint areas agree with the sum of each building's GroundSurface ``Area`` values."""
    ns = {
        "bldg": "http://www.opengis.net/citygml/building/2.0",
        "gen": "http://www.opengis.net/citygml/generics/2.0",
    }
    tree = etree.parse(str(path))
    for building in tree.iterfind(".//bldg:Building", ns):
        areas = building.xpath(
            './/bldg:GroundSurface/gen:doubleAttribute[@name="Area"]/gen:value/text()',
            namespaces=ns,
        )
        expected = sum(float(a) for a in areas)
        actual = buildings.geometry[building.get("{http://www.opengis.net/gml}id")].area
        assert actual == pytest.approx(expected, rel=0.01)
