"""Clipping OSM extracts: same objects as ``osmium extract --strategy complete_ways``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import types
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import osmium
import pytest
import shapely
from pyproj import Transformer

from dikas.errors import ConfigError, DataError, MissingDataError
from dikas.settings import Settings
from dikas.sources.acquire import FetchContext, Part
from dikas.sources.catalog import Catalog, Dataset, Source
from dikas.sources.http import HttpClient
from dikas.sources.lock import LockFile
from dikas.sources.osm_extract import SOURCE_SUFFIX, clip_bbox_wgs84, clip_pbf, fetch_osm_extract
from dikas.sources.osm_features import read_osm_buildings
from dikas.sources.osm_network import read_street_network

STAGED = "greenpaths2_osm/helsinki_centre_20240815.osm.pbf"
BOXES = [(24.92, 60.155, 24.96, 60.17), (24.935, 60.16, 24.945, 60.166)]
TRIANGLE = shapely.Polygon([(24.93, 60.158), (24.952, 60.16), (24.94, 60.168)])

needs_osmium_tool = pytest.mark.skipif(
    shutil.which("osmium") is None, reason="osmium-tool is not installed (.ci/run installs it)"
)


def _ids(path: Path) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {"n": set(), "w": set(), "r": set()}
    for obj in osmium.FileProcessor(str(path)):
        found[obj.type_str()].add(obj.id)
    return found


def _order(path: Path) -> list[tuple[int, int]]:
    rank = {"n": 0, "w": 1, "r": 2}
    return [(rank[obj.type_str()], obj.id) for obj in osmium.FileProcessor(str(path))]


def _osmium_extract(source: Path, target: Path, *area: str) -> None:
    subprocess.run(
        [
            "osmium",
            "extract",
            *area,
            "--strategy",
            "complete_ways",
            "--overwrite",
            "-o",
            str(target),
            str(source),
        ],
        check=True,
        capture_output=True,
    )


@pytest.mark.integration
@needs_osmium_tool
@pytest.mark.parametrize("box", BOXES[1:])
def test_bbox_clip_equals_osmium_tool(
    data_dir: Path, tmp_path: Path, box: tuple[float, float, float, float]
) -> None:
    source = data_dir / STAGED
    _osmium_extract(source, tmp_path / "ref.osm.pbf", "-b", ",".join(map(str, box)))
    report = clip_pbf(source, tmp_path / "clip.osm.pbf", bbox_wgs84=box)
    expected, got = _ids(tmp_path / "ref.osm.pbf"), _ids(tmp_path / "clip.osm.pbf")
    assert got == expected
    assert (report.nodes, report.ways, report.relations) == tuple(len(got[k]) for k in "nwr")
    assert (report.input_nodes, report.input_ways, report.input_relations) == (184530, 37386, 1493)
    order = _order(tmp_path / "clip.osm.pbf")
    assert order == sorted(order) and len(set(order)) == len(order)
    header = osmium.io.Reader(str(tmp_path / "clip.osm.pbf")).header()
    box_read = header.box()
    assert (
        box_read.bottom_left.lon,
        box_read.bottom_left.lat,
        box_read.top_right.lon,
        box_read.top_right.lat,
    ) == pytest.approx(box)


@pytest.mark.integration
@needs_osmium_tool
def test_polygon_clip_equals_osmium_tool(data_dir: Path, tmp_path: Path) -> None:
    source = data_dir / STAGED
    polygon_file = tmp_path / "area.geojson"
    polygon_file.write_text(
        json.dumps(
            {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(TRIANGLE)}
        )
    )
    _osmium_extract(source, tmp_path / "ref.osm.pbf", "-p", str(polygon_file))
    clip_pbf(source, tmp_path / "clip.osm.pbf", polygon=TRIANGLE)
    assert _ids(tmp_path / "clip.osm.pbf") == _ids(tmp_path / "ref.osm.pbf")


@pytest.mark.integration
def test_readers_read_the_clip_and_ways_stay_complete(data_dir: Path, tmp_path: Path) -> None:
    source = data_dir / STAGED
    box = BOXES[0]
    clip_pbf(source, tmp_path / "clip.osm.pbf", bbox_wgs84=box)
    full = read_osm_buildings(source)
    clipped = read_osm_buildings(tmp_path / "clip.osm.pbf")
    corners = full.to_crs("EPSG:4326").geometry.apply(
        lambda g: shapely.MultiPoint(shapely.get_coordinates(g))
    )
    # a building way with a corner inside the box is complete in the clip, so it is read
    # (1e-6° margins absorb the projection round trip)
    inner = shapely.box(box[0] + 1e-6, box[1] + 1e-6, box[2] - 1e-6, box[3] - 1e-6)
    outer = shapely.box(box[0] - 1e-6, box[1] - 1e-6, box[2] + 1e-6, box[3] + 1e-6)
    is_way = full["building_id"].str.startswith("osm:w").to_numpy()
    must = set(full.loc[corners.intersects(inner).to_numpy() & is_way, "building_id"])
    may = set(full.loc[corners.intersects(outer).to_numpy(), "building_id"])
    got = set(clipped["building_id"])
    assert must <= got <= may
    assert len(must) > 1000
    nodes, edges = read_street_network(tmp_path / "clip.osm.pbf")
    full_nodes, full_edges = read_street_network(source)
    assert 0 < len(edges) < len(full_edges)
    assert set(edges["osm_way_id"]) <= set(full_edges["osm_way_id"])
    assert set(nodes["node_id"]) <= set(full_nodes["node_id"])


def _osm_xml(
    path: Path, nodes: list[tuple[int, float, float]], ways: list[tuple[int, list[int]]]
) -> Path:
    lines = ["<?xml version='1.0' encoding='UTF-8'?>", "<osm version='0.6'>"]
    lines += [f"<node id='{i}' version='1' lat='{lat}' lon='{lon}'/>" for i, lon, lat in nodes]
    for way_id, refs in ways:
        lines.append(
            f"<way id='{way_id}' version='1'>"
            + "".join(f"<nd ref='{r}'/>" for r in refs)
            + "</way>"
        )
    lines.append("</osm>")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_small_file_complete_ways_and_parent_relations(tmp_path: Path) -> None:
    source = _osm_xml(
        tmp_path / "in.osm",
        [(1, 0.5, 0.5), (2, 2.0, 2.0), (3, 3.0, 3.0), (4, 0.2, 0.2)],
        [(10, [1, 2]), (11, [2, 3]), (12, [4])],
    )
    text = source.read_text().replace(
        "</osm>",
        (
            "<relation id='20' version='1'><member type='way' ref='11' role=''/></relation>"
            "<relation id='21' version='1'><member type='node' ref='3' role=''/></relation>"
            "<relation id='22' version='1'><member type='relation' ref='23' role=''/></relation>"
            "<relation id='23' version='1'><member type='way' ref='10' role=''/></relation>"
            "<relation id='24' version='1'><member type='node' ref='2' role=''/></relation>"
            "</osm>"
        ),
    )
    source.write_text(text)
    report = clip_pbf(source, tmp_path / "out.osm.pbf", bbox_wgs84=(0, 0, 1, 1))
    # nodes 1, 4 inside; way 10 kept whole (so node 2 too), way 11 has no node inside;
    # relation 23 has kept way 10, 22 is its parent; 24's node 2 is only a way node
    assert _ids(tmp_path / "out.osm.pbf") == {"n": {1, 2, 4}, "w": {10, 12}, "r": {22, 23}}
    assert (report.nodes, report.ways, report.relations) == (3, 2, 2)


def test_faults_are_one_line_and_leave_nothing(tmp_path: Path) -> None:
    source = _osm_xml(tmp_path / "in.osm", [(1, 0.5, 0.5), (2, 2.0, 2.0)], [(10, [1, 2])])
    target = tmp_path / "out.osm.pbf"
    target.write_bytes(b"previous")
    with pytest.raises(DataError, match=r"^dataset 'osm'.*no node lies inside") as caught:
        clip_pbf(source, target, bbox_wgs84=(5, 5, 6, 6), dataset="osm")
    assert "\n" not in str(caught.value)
    unsorted = _osm_xml(tmp_path / "unsorted.osm", [(2, 2.0, 2.0), (1, 0.5, 0.5)], [])
    with pytest.raises(DataError, match="not sorted by type then id"):
        clip_pbf(unsorted, target, bbox_wgs84=(0, 0, 1, 1))
    with pytest.raises(DataError, match="does not exist"):
        clip_pbf(tmp_path / "missing.osm.pbf", target, bbox_wgs84=(0, 0, 1, 1))
    broken = tmp_path / "broken.osm.pbf"
    broken.write_bytes(b"\x00\x00\x00\x0dnot a pbf at all")
    with pytest.raises(DataError, match="cannot read OSM data"):
        clip_pbf(broken, target, bbox_wgs84=(0, 0, 1, 1))
    with pytest.raises(ConfigError, match="exactly one of"):
        clip_pbf(source, target, bbox_wgs84=(0, 0, 1, 1), polygon=shapely.box(0, 0, 1, 1))
    with pytest.raises(ConfigError, match="not \\(min lon"):
        clip_pbf(source, target, bbox_wgs84=(1, 0, 0, 1))
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "broken.osm.pbf",
        "in.osm",
        "out.osm.pbf",
        "unsorted.osm",
    ]


# --- the osm_extract source kind -------------------------------------------------------------


@pytest.fixture
def download_stand_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A test-only ``download_part`` (the real one lives on the fetch branch): copies a
    ``file://`` URL through ``ctx.store`` and records the calls."""
    calls: list[str] = []

    def download_part(
        ctx: FetchContext,
        dataset: Dataset,
        url: str,
        *,
        year: int | None = None,
        suffix: str,
        request: dict[str, object] | None = None,
        check: Callable[[Path], None] | None = None,
    ) -> Part:
        calls.append(dataset.name)
        cached = ctx.cached(dataset, year)
        if cached is not None and not ctx.refresh:
            return cached
        path = Path(urllib.parse.urlsplit(url).path)
        if check is not None:
            check(path)
        return ctx.store(
            dataset,
            year,
            suffix=suffix,
            url=url,
            request=request or {},
            write=lambda tmp: shutil.copyfile(path, tmp),
        )

    module = types.ModuleType("dikas.sources.services.download")
    module.download_part = download_part  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dikas.sources.services.download", module)
    yield calls


def _context(
    tmp_path: Path, source: Path, *, buffer_m: float = 0.0, frozen: bool = False
) -> tuple[Dataset, FetchContext]:
    catalog_bbox = (384_600.0, 6_670_500.0, 386_700.0, 6_672_100.0)  # EPSG:3067, in BOXES[0]
    dataset = Dataset(
        name="osm",
        title="OSM",
        producer="OSM",
        licence="ODbL",
        attribution="© OpenStreetMap contributors",
        format="osm_pbf",
        crs="EPSG:4326",
        source=Source(
            kind="osm_extract", url=source.as_uri(), options={"clip": "bbox", "buffer_m": buffer_m}
        ),
    )
    catalog = Catalog(
        city="test-city",
        title="Test",
        crs="EPSG:3067",
        attribution="",
        datasets=(dataset,),
        bbox=catalog_bbox,
    )
    settings = Settings(cache_dir=tmp_path / "cache")
    ctx = FetchContext(
        catalog=catalog,
        settings=settings,
        client=HttpClient(retries=0),
        lock=LockFile(tmp_path / "cache" / "test-city" / "dikas-lock.json"),
        frozen=frozen,
    )
    return dataset, ctx


@pytest.mark.integration
def test_fetch_osm_extract_clips_caches_and_locks(
    data_dir: Path, tmp_path: Path, download_stand_in: list[str]
) -> None:
    source = data_dir / STAGED
    dataset, ctx = _context(tmp_path, source, buffer_m=100)
    bounds = clip_bbox_wgs84(dataset, ctx)
    # independent: the lon/lat extent of 400 points along the edges of the buffered box
    minx, miny, maxx, maxy = 384_500.0, 6_670_400.0, 386_800.0, 6_672_200.0
    steps = np.linspace(0, 1, 101)
    xs = np.concatenate(
        [
            minx + (maxx - minx) * steps,
            np.full(101, maxx),
            maxx - (maxx - minx) * steps,
            np.full(101, minx),
        ]
    )
    ys = np.concatenate(
        [
            np.full(101, miny),
            miny + (maxy - miny) * steps,
            np.full(101, maxy),
            maxy - (maxy - miny) * steps,
        ]
    )
    lon, lat = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True).transform(xs, ys)
    assert bounds == pytest.approx((lon.min(), lat.min(), lon.max(), lat.max()), abs=1e-7)
    (part,) = fetch_osm_extract(dataset, ctx)
    assert download_stand_in == ["osm" + SOURCE_SUFFIX]
    direct = clip_pbf(source, tmp_path / "direct.osm.pbf", bbox_wgs84=bounds)
    assert _ids(part.path) == _ids(tmp_path / "direct.osm.pbf")
    entry = LockFile(ctx.lock.path).get("osm", "all")
    assert entry is not None and entry.extra == direct.as_extra()
    assert entry.extra["kept"]["nodes"] == direct.nodes > 0
    assert LockFile(ctx.lock.path).get("osm" + SOURCE_SUFFIX, "all") is not None

    (again,) = fetch_osm_extract(dataset, ctx)  # same box: the cached clip, no download
    assert again.origin == "cache" and again.path == part.path
    assert download_stand_in == ["osm" + SOURCE_SUFFIX]

    frozen_dataset, frozen_ctx = _context(tmp_path, source, buffer_m=100, frozen=True)
    assert fetch_osm_extract(frozen_dataset, frozen_ctx)[0].path == part.path
    wider, wider_ctx = _context(tmp_path, source, buffer_m=500, frozen=True)
    with pytest.raises(MissingDataError, match="--frozen and no locked clip"):
        fetch_osm_extract(wider, wider_ctx)

    wider, wider_ctx = _context(tmp_path, source, buffer_m=500)
    (bigger,) = fetch_osm_extract(wider, wider_ctx)  # a new box: clipped again
    assert bigger.origin == "fetched"
    assert bigger.lock is not None and bigger.lock.extra["kept"]["nodes"] > direct.nodes


def test_a_download_that_is_not_osm_is_refused(
    tmp_path: Path, download_stand_in: list[str]
) -> None:
    page = tmp_path / "error.html"
    page.write_text("<html>Service unavailable</html>", encoding="utf-8")
    dataset, ctx = _context(tmp_path, page)
    with pytest.raises(DataError, match=r"dataset 'osm', file .*error.html.*not an OSM file"):
        fetch_osm_extract(dataset, ctx)
    assert not (tmp_path / "cache" / "test-city" / "dikas-lock.json").exists()


def test_clip_options_are_checked(tmp_path: Path) -> None:
    dataset, ctx = _context(tmp_path, tmp_path / "x.osm.pbf", buffer_m=-5)
    with pytest.raises(ConfigError, match="buffer_m"):
        clip_bbox_wgs84(dataset, ctx)
