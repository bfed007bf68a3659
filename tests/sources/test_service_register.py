"""The service register: ``rest`` paging against a loopback Service Map, the unit reader, and
the register + OSM merge."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pytest
import shapely

from dikas.errors import ConfigError, DataError, FetchError, MissingDataError, ParameterError
from dikas.settings import Settings
from dikas.sources.acquire import FetchContext
from dikas.sources.catalog import Catalog, Dataset, Source
from dikas.sources.http import HttpClient
from dikas.sources.lock import LockFile
from dikas.sources.osm_features import read_osm_services
from dikas.sources.service_register import (
    merge_services,
    read_service_register,
    read_service_tree,
    service_node_types,
)
from dikas.sources.services.rest import fetch_rest
from tests.servers import servicemap

STAGED = "greenpaths2_osm/helsinki_centre_20240815.osm.pbf"
SPLIT_LON = 24.94
"""Test municipalities: 'west' and 'east' of this longitude (derived test data)."""


def _side(lon: float, lat: float) -> str:
    return "west" if lon < SPLIT_LON else "east"


@pytest.fixture(scope="module")
def units(data_dir: Path) -> list[dict[str, Any]]:
    return servicemap.units_from_osm(data_dir / STAGED, municipality=_side)


@pytest.fixture
def server(units: list[dict[str, Any]]) -> Iterator[servicemap.ServiceMapServer]:
    with servicemap.running(units) as running:
        yield running


def _context(
    tmp_path: Path,
    url: str,
    *,
    params: dict[str, Any] | None = None,
    frozen: bool = False,
    refresh: bool = False,
    **options: Any,
) -> tuple[Dataset, FetchContext]:
    dataset = Dataset(
        name="service_register",
        title="Service register",
        producer="City",
        licence="CC BY 4.0",
        attribution="City",
        format="service_register",
        crs="EPSG:4326",
        source=Source(
            kind="rest",
            url=url,
            options={
                "params": params or {"page_size": 7},
                "service_types": servicemap.SERVICE_TYPES,
                **options,
            },
        ),
    )
    catalog = Catalog(
        city="test-city", title="Test", crs="EPSG:3067", attribution="", datasets=(dataset,)
    )
    ctx = FetchContext(
        catalog=catalog,
        settings=Settings(cache_dir=tmp_path / "cache"),
        client=HttpClient(retries=1, backoff=0.0),
        lock=LockFile(tmp_path / "cache" / "test-city" / "dikas-lock.json"),
        frozen=frozen,
        refresh=refresh,
    )
    return dataset, ctx


@pytest.mark.integration
def test_fetch_follows_next_until_null(
    tmp_path: Path, server: servicemap.ServiceMapServer, units: list[dict[str, Any]]
) -> None:
    assert len(units) > 50
    dataset, ctx = _context(tmp_path, server.url)
    (part,) = fetch_rest(dataset, ctx)
    stored = json.loads(part.path.read_text("utf-8"))
    assert stored["results"] == units and stored["count"] == len(units)
    assert len(server.requests) == -(-len(units) // 7)
    assert [r.split("page=")[-1] for r in server.requests[1:]] == [
        str(n) for n in range(2, len(server.requests) + 1)
    ]
    entry = LockFile(ctx.lock.path).get("service_register", "all")
    assert entry is not None and entry.extra == {"items": len(units)}
    assert entry.request == {"page_size": 7} and entry.url == server.url
    # reused from the cache, no request
    (again,) = fetch_rest(dataset, ctx)
    assert again.origin == "cache" and len(server.requests) == -(-len(units) // 7)


@pytest.mark.integration
def test_params_and_filter_select_units(
    tmp_path: Path, server: servicemap.ServiceMapServer, units: list[dict[str, Any]]
) -> None:
    dataset, ctx = _context(
        tmp_path,
        server.url,
        params={"page_size": 5, "service_node": "1097,991,324"},
        filter={"municipality": ["WEST"]},
    )
    (part,) = fetch_rest(dataset, ctx)
    expected = [
        u
        for u in units
        if set(u["service_nodes"]) & {1097, 991, 324} and u["municipality"] == "west"
    ]
    assert json.loads(part.path.read_text("utf-8"))["results"] == expected
    assert expected


@pytest.mark.integration
@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("not_json", "the answer is not JSON"),
        ("no_results", "the answer has no 'results' list"),
        ("repeat_page", "page 2 repeats the items of an earlier page"),
        ("loop", "the next link repeats a page already fetched"),
        ("count_mismatch", "reports count="),
        ("http_500", "HTTP 500"),
        ("http_404", "HTTP 404"),
        ("foreign_next", "the next link leaves the service"),
    ],
)
def test_faults_are_one_line_and_keep_the_previous_copy(
    tmp_path: Path, server: servicemap.ServiceMapServer, fault: str, message: str
) -> None:
    dataset, ctx = _context(tmp_path, server.url)
    (good,) = fetch_rest(dataset, ctx)
    before = good.path.read_bytes()
    lock_before = ctx.lock.path.read_bytes()
    server.fault = fault
    dataset, ctx = _context(tmp_path, server.url, refresh=True)
    with pytest.raises(FetchError) as caught:
        fetch_rest(dataset, ctx)
    text = str(caught.value)
    assert "\n" not in text and message in text
    assert text.startswith(f"dataset 'service_register', URL http://127.0.0.1:{server.server_port}")
    assert good.path.read_bytes() == before and ctx.lock.path.read_bytes() == lock_before
    assert sorted(p.name for p in good.path.parent.iterdir()) == [good.path.name]


def test_frozen_without_a_copy_fails(tmp_path: Path) -> None:
    dataset, ctx = _context(tmp_path, "http://127.0.0.1:9/never", frozen=True)
    with pytest.raises(MissingDataError, match="--frozen and no locked copy"):
        fetch_rest(dataset, ctx)


@pytest.mark.integration
def test_reader_gives_the_services_layer(
    tmp_path: Path, server: servicemap.ServiceMapServer, units: list[dict[str, Any]], data_dir: Path
) -> None:
    dataset, ctx = _context(tmp_path, server.url)
    (part,) = fetch_rest(dataset, ctx)
    frame = read_service_register(
        part.path, service_types=servicemap.SERVICE_TYPES, dataset="service_register"
    )
    osm = read_osm_services(data_dir / STAGED)
    osm = osm[osm["service_type"].isin(list(servicemap.SERVICE_TYPES))]
    osm = osm.sort_values("service_id").reset_index(drop=True)
    assert len(frame) == len(units) == len(osm)
    assert frame.crs == "EPSG:3067"
    assert list(frame["service_type"]) == list(osm["service_type"])
    assert list(frame["name"].fillna("")) == list(osm["name"].fillna(""))
    assert list(frame["register_id"]) == [str(u["id"]) for u in units]
    assert set(frame["source"]) == {"register"}
    assert set(frame["municipality"]) == {"west", "east"}
    # 1e-7° rounding of the unit coordinates is about a centimetre
    assert float(np.max(frame.distance(osm.geometry, align=False))) < 0.02
    with_address = frame["address"].notna()
    assert with_address.any()
    assert frame["capacity"].isna().all()


def test_reader_tpr_format_unmatched_and_dropped(tmp_path: Path) -> None:
    path = tmp_path / "tpr.json"
    path.write_text(
        json.dumps(
            [
                {
                    "id": 1,
                    "name_fi": "Koulu",
                    "name_sv": "Skola",
                    "latitude": 60.17,
                    "longitude": 24.94,
                    "ontologytree_ids": [1097, 2125],
                    "street_address_fi": "Katu 1",
                    "address_zip": "00100",
                    "address_city_fi": "Town",
                    "www_fi": "https://x.example",
                },
                {"id": 2, "name_fi": "Ei paikkaa", "ontologytree_ids": [991]},
                {
                    "id": 3,
                    "name_fi": "Muu",
                    "latitude": 60.2,
                    "longitude": 24.9,
                    "ontologytree_ids": [5],
                },
            ]
        ),
        encoding="utf-8",
    )
    frame = read_service_register(path, service_types=servicemap.SERVICE_TYPES)
    assert len(frame) == 1 and frame.attrs == {"dropped": 1, "unmatched": 1}
    row = frame.iloc[0]
    # 1097 (school) comes before 2125 (daycare) in the mapping
    assert (
        row["service_type"],
        row["name"],
        row["name_sv"],
        row["municipality"],
        row["address"],
        row["postal_code"],
        row["www"],
        row["service_nodes"],
    ) == (
        "school",
        "Koulu",
        "Skola",
        "town",
        "Katu 1",
        "00100",
        "https://x.example",
        "[1097, 2125]",
    )
    expected = gpd.GeoSeries([shapely.Point(24.94, 60.17)], crs="EPSG:4326").to_crs(3067)
    assert row.geometry.distance(expected.iloc[0]) < 1e-6


def test_reader_and_mapping_faults(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="not JSON"):
        read_service_register(bad, service_types={"school": [1]}, dataset="r")
    bad.write_text(json.dumps({"items": []}), encoding="utf-8")
    with pytest.raises(DataError, match="'results' list"):
        read_service_register(bad, service_types={"school": [1]})
    with pytest.raises(ConfigError, match="unknown service type 'schools'"):
        service_node_types({"schools": [1]})
    with pytest.raises(ConfigError, match="list of service-node ids"):
        service_node_types({"school": ["1097"]})
    with pytest.raises(ConfigError, match="must map service types"):
        service_node_types([1097])
    assert service_node_types({"school": [1, 2], "daycare": [2, 3]}) == {
        1: "school",
        2: "school",
        3: "daycare",
    }


@pytest.mark.integration
def test_merge_register_first_osm_elsewhere(
    tmp_path: Path, server: servicemap.ServiceMapServer, data_dir: Path
) -> None:
    dataset, ctx = _context(tmp_path, server.url)
    (part,) = fetch_rest(dataset, ctx)
    register = read_service_register(part.path, service_types=servicemap.SERVICE_TYPES)
    osm = read_osm_services(data_dir / STAGED)
    # the two sides as lon/lat boxes, densified so that they stay exact once projected
    areas = gpd.GeoDataFrame(
        {"municipality": ["west", "east"]},
        geometry=[
            shapely.segmentize(shapely.box(24.0, 59.5, SPLIT_LON, 60.5), 0.0005),
            shapely.segmentize(shapely.box(SPLIT_LON, 59.5, 26.0, 60.5), 0.0005),
        ],
        crs="EPSG:4326",
    ).to_crs(3067)
    merged = merge_services(
        register, osm, register_municipalities=["West"], municipality_areas=areas
    )
    # independently: OSM points west of the split line, of a register type, are replaced
    lon = osm.geometry.to_crs(4326).x
    west = (lon < SPLIT_LON).to_numpy()
    covered = osm["service_type"].isin(list(servicemap.SERVICE_TYPES)).to_numpy()
    expected_osm = set(osm.loc[~(west & covered), "service_id"])
    expected_register = set(register.loc[register["municipality"] == "west", "service_id"])
    assert set(merged.loc[merged["source"] == "osm", "service_id"]) == expected_osm
    assert set(merged.loc[merged["source"] == "register", "service_id"]) == expected_register
    assert len(merged) == len(expected_osm) + len(expected_register)
    assert merged.attrs == {
        "register": len(expected_register),
        "osm": len(expected_osm),
        "osm_replaced": int((west & covered).sum()),
    }
    # parks and groceries stay OSM on both sides; register columns are NA on OSM rows
    osm_rows = merged[merged["source"] == "osm"]
    assert {"park", "grocery"} <= set(osm_rows["service_type"])
    assert osm_rows["register_id"].isna().all() and merged.crs == "EPSG:3067"
    with pytest.raises(ParameterError, match="give municipality_areas"):
        merge_services(register, osm, register_municipalities=["west"])


@pytest.mark.integration
def test_units_below_the_listed_nodes_need_the_tree(
    tmp_path: Path, data_dir: Path, units: list[dict[str, Any]]
) -> None:
    children = servicemap.units_from_osm(data_dir / STAGED, municipality=_side, child_nodes=True)
    with servicemap.running(children) as server:
        dataset, ctx = _context(tmp_path / "units", server.url)
        (unit_part,) = fetch_rest(dataset, ctx)
        nodes, node_ctx = _context(tmp_path / "nodes", server.node_url, params={"page_size": 6})
        (node_part,) = fetch_rest(nodes, node_ctx)
    tree = read_service_tree(node_part.path)
    assert len(tree) == 2 * sum(len(v) for v in servicemap.SERVICE_TYPES.values())
    assert tree[1097] is None and tree[1097 + servicemap.CHILD_OFFSET] == 1097
    with_tree = read_service_register(
        unit_part.path, service_types=servicemap.SERVICE_TYPES, tree=tree
    )
    flat = read_service_register(unit_part.path, service_types=servicemap.SERVICE_TYPES)
    direct = read_service_register(
        _write(tmp_path / "direct.json", units), service_types=servicemap.SERVICE_TYPES
    )
    assert len(with_tree) == len(direct) == len(units)
    assert list(with_tree["service_type"]) == list(direct["service_type"])
    assert len(flat) == len(units) // 2 + len(units) % 2  # only the even units
    assert flat.attrs["unmatched"] == len(units) // 2


def test_tree_faults(tmp_path: Path) -> None:
    cyclic = _write(tmp_path / "tree.json", [{"id": 1, "parent": 2}, {"id": 2, "parent": 1}])
    with pytest.raises(DataError, match="cycle through node"):
        read_service_tree(cyclic)
    no_id = _write(tmp_path / "tree.json", [{"parent": 2}])
    with pytest.raises(DataError, match="no whole-number 'id'"):
        read_service_tree(no_id)
    # children lists count; a grandchild maps to its nearest listed ancestor
    tree = read_service_tree(
        _write(
            tmp_path / "tree.json",
            [{"id": 1, "parent": None, "children": [2]}, {"id": 3, "parent": 2}],
        )
    )
    assert tree == {1: None, 2: 1, 3: 2}
    units = _write(
        tmp_path / "units.json",
        {
            "results": [
                {
                    "id": 7,
                    "name": {"fi": "A"},
                    "service_nodes": [3],
                    "location": {"type": "Point", "coordinates": [385000.0, 6672000.0]},
                }
            ]
        },
    )
    frame = read_service_register(
        units, service_types={"library": [1], "school": [2]}, tree=tree, crs="EPSG:3067"
    )
    assert list(frame["service_type"]) == ["school"]
    assert (frame.geometry.x.iloc[0], frame.geometry.y.iloc[0]) == (385000.0, 6672000.0)


def _write(path: Path, body: object) -> Path:
    path.write_text(json.dumps(body), encoding="utf-8")
    return path
