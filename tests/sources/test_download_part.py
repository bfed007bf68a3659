"""download_part, fetch_gtfs and fetch_raster: cache reuse, refresh, --frozen, bad bodies."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from dikas.errors import DataError, FetchError, MissingDataError
from dikas.settings import Settings
from dikas.sources.acquire import FetchContext, acquire, lock_path
from dikas.sources.catalog import Catalog, Dataset, Source
from dikas.sources.gtfs import next_weekday
from dikas.sources.http import HttpClient
from dikas.sources.lock import LockFile
from dikas.sources.services.download import download_part, fetch_gtfs, fetch_raster
from tests.sources.fault_server import FaultServer

GTFS = "r5py_docs/hsl_gtfs_20220222_inner_helsinki.zip"
HEAT = "r4c/urban_heat_exposure_index.tif"


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def dataset(name: str, kind: str, url: str) -> Dataset:
    return Dataset(
        name=name,
        title=name,
        producer="HSL",
        licence="CC BY 4.0",
        attribution="HSL",
        format=kind,
        crs="EPSG:4326",
        source=Source(kind=kind, url=url),
    )


def catalog(*datasets: Dataset) -> Catalog:
    return Catalog(
        city="testcity", title="Test city", crs="EPSG:3067", attribution="", datasets=datasets
    )


def context(tmp_path: Path, cat: Catalog, **options: object) -> FetchContext:
    settings = Settings(data_dir=None, cache_dir=tmp_path / "cache")
    client = HttpClient(
        timeout=2.0, retries=2, backoff=0.0, sleep=lambda s: None, rng=random.Random(0)
    )
    return FetchContext(
        catalog=cat,
        settings=settings,
        client=client,
        lock=LockFile(lock_path(cat, settings)),
        show_progress=False,
        **options,
    )  # type: ignore[arg-type]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def lock_json(ctx: FetchContext) -> dict:
    return json.loads(ctx.lock.path.read_text("utf-8"))


def test_gtfs_is_downloaded_cached_and_locked(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    body = (data_dir / GTFS).read_bytes()
    url = server.serve("/hsl.zip", body)
    feed = dataset("hsl_gtfs", "gtfs", url)
    ctx = context(tmp_path, catalog(feed))
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    [part] = fetch_gtfs(feed, ctx)
    assert part.origin == "fetched" and part.year is None
    assert part.path == tmp_path / "cache" / "testcity" / "hsl_gtfs" / "all.zip"
    assert sha(part.path.read_bytes()) == sha(body)
    entry = lock_json(ctx)["datasets"]["hsl_gtfs"]["all"]
    resource = server.resources["/hsl.zip"]
    assert entry["url"] == url and entry["request"] == {}
    assert entry["bytes"] == len(body) == 1_885_958 and entry["sha256"] == sha(body)
    assert entry["etag"] == resource.etag and entry["last_modified"] == resource.last_modified
    assert entry["path"] == "hsl_gtfs/all.zip" and entry["part"] == "all"
    assert dt.datetime.fromisoformat(entry["fetched_at"]) >= before
    assert sorted(p.name for p in part.path.parent.iterdir()) == ["all.zip"]
    # reused without a request while intact
    [again] = fetch_gtfs(feed, context(tmp_path, catalog(feed)))
    assert again.origin == "cache" and len(server.seen("/hsl.zip")) == 1


def test_refresh_makes_a_conditional_request_and_304_renews_fetched_at(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    url = server.serve("/hsl.zip", (data_dir / GTFS).read_bytes())
    feed = dataset("hsl_gtfs", "gtfs", url)
    ctx = context(tmp_path, catalog(feed))
    [first] = fetch_gtfs(feed, ctx)
    assert first.lock is not None
    old = dataclasses.replace(first.lock, fetched_at="2026-01-01T00:00:00+00:00")
    ctx.lock.put(old)
    refreshed = context(tmp_path, catalog(feed), refresh=True)
    [part] = fetch_gtfs(feed, refreshed)
    last = server.seen("/hsl.zip")[-1]
    assert last.headers["if-none-match"] == old.etag
    assert last.headers["if-modified-since"] == old.last_modified
    assert part.origin == "cache" and part.path == first.path
    entry = lock_json(refreshed)["datasets"]["hsl_gtfs"]["all"]
    assert entry["fetched_at"] > "2026-01-01T00:00:00+00:00"
    assert entry["sha256"] == old.sha256 and entry["etag"] == old.etag


def test_refresh_gets_a_changed_feed(server: FaultServer, data_dir: Path, tmp_path: Path) -> None:
    url = server.serve("/hsl.zip", (data_dir / GTFS).read_bytes())
    feed = dataset("hsl_gtfs", "gtfs", url)
    fetch_gtfs(feed, context(tmp_path, catalog(feed)))
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("stops.txt", "stop_id,stop_name,stop_lat,stop_lon\n1,A,60.1,24.9\n")
    server.serve("/hsl.zip", buffer.getvalue(), version="2")
    ctx = context(tmp_path, catalog(feed), refresh=True)
    [part] = fetch_gtfs(feed, ctx)
    assert part.origin == "fetched" and part.path.read_bytes() == buffer.getvalue()
    assert lock_json(ctx)["datasets"]["hsl_gtfs"]["all"]["sha256"] == sha(buffer.getvalue())


def test_a_non_zip_body_is_one_line_and_leaves_cache_and_lock_untouched(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    url = server.serve("/hsl.zip", (data_dir / GTFS).read_bytes())
    feed = dataset("hsl_gtfs", "gtfs", url)
    [first] = fetch_gtfs(feed, context(tmp_path, catalog(feed)))
    lock_before = (tmp_path / "cache/testcity/dikas-lock.json").read_bytes()
    server.serve("/hsl.zip", b"<html><body>Maintenance</body></html>", version="2")
    with pytest.raises(DataError) as caught:
        fetch_gtfs(feed, context(tmp_path, catalog(feed), refresh=True))
    assert str(caught.value) == (
        f"dataset 'hsl_gtfs': URL {url}: the body is not a GTFS zip "
        "(it starts with b'<html><body>Main')"
    )
    assert sha(first.path.read_bytes()) == sha((data_dir / GTFS).read_bytes())
    assert (tmp_path / "cache/testcity/dikas-lock.json").read_bytes() == lock_before
    assert sorted(p.name for p in first.path.parent.iterdir()) == ["all.zip"]


def test_a_zip_without_stops_is_rejected(server: FaultServer, tmp_path: Path) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    url = server.serve("/x.zip", buffer.getvalue())
    feed = dataset("feed", "gtfs", url)
    ctx = context(tmp_path, catalog(feed))
    with pytest.raises(
        DataError,
        match=r"^dataset 'feed': URL .*/x.zip: the zip is not a "
        r"GTFS feed \(no stops.txt\)$",
    ):
        fetch_gtfs(feed, ctx)
    assert not ctx.lock.path.exists()
    assert list((tmp_path / "cache/testcity/feed").iterdir()) == []


def test_final_failure_of_a_non_resumable_server_leaves_no_part_file(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    body = (data_dir / GTFS).read_bytes()
    url = server.serve(
        "/hsl.zip", body, ranges=False, faults=[("cut", 300_000), ("cut", 600_000), ("status", 502)]
    )
    feed = dataset("hsl_gtfs", "gtfs", url)
    ctx = context(tmp_path, catalog(feed))
    with pytest.raises(
        FetchError,
        match=r"^dataset 'hsl_gtfs', URL .*/hsl.zip: HTTP 502 Bad "
        r"Gateway \(after 3 attempts\)$",
    ):
        fetch_gtfs(feed, ctx)
    # the client still tries to resume (the server ignores it and sends everything again)
    assert [r.headers.get("range") for r in server.seen("/hsl.zip")] == [
        None,
        "bytes=300000-",
        "bytes=600000-",
    ]
    assert list((tmp_path / "cache/testcity/hsl_gtfs").iterdir()) == []
    assert not ctx.lock.path.exists()


def test_a_cut_download_resumes_into_the_locked_part(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    body = (data_dir / HEAT).read_bytes()
    url = server.serve("/heat.tif", body, faults=[("cut", 2_000_000)])
    heat = dataset("heat_exposure", "raster", url)
    ctx = context(tmp_path, catalog(heat))
    [part] = fetch_raster(heat, ctx)
    assert server.seen("/heat.tif")[1].headers["range"] == "bytes=2000000-"
    assert part.path.name == "all.tif" and sha(part.path.read_bytes()) == sha(body)
    assert lock_json(ctx)["datasets"]["heat_exposure"]["all"]["bytes"] == len(body) == 4_118_330


def test_a_raster_that_rasterio_cannot_open_is_rejected(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    url = server.serve("/heat.tif", (data_dir / GTFS).read_bytes())
    heat = dataset("heat_exposure", "raster", url)
    ctx = context(tmp_path, catalog(heat))
    with pytest.raises(
        DataError,
        match=r"^dataset 'heat_exposure': URL .*/heat.tif: the body "
        r"is not a readable raster \(it starts with b'PK",
    ):
        fetch_raster(heat, ctx)
    assert not ctx.lock.path.exists()


def test_frozen_uses_only_an_intact_locked_copy(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    url = server.serve("/hsl.zip", (data_dir / GTFS).read_bytes())
    feed = dataset("hsl_gtfs", "gtfs", url)
    with pytest.raises(MissingDataError) as caught:
        fetch_gtfs(feed, context(tmp_path, catalog(feed), frozen=True))
    assert str(caught.value) == (
        "--frozen and no locked copy of dataset 'hsl_gtfs'; run dikas data fetch --city testcity"
    )
    assert server.requests == []
    [fetched] = fetch_gtfs(feed, context(tmp_path, catalog(feed)))
    [frozen] = fetch_gtfs(feed, context(tmp_path, catalog(feed), frozen=True, refresh=True))
    assert frozen.origin == "cache" and frozen.path == fetched.path
    assert len(server.requests) == 1
    with open(fetched.path, "r+b") as handle:  # altered in place: same size, other bytes
        handle.seek(1000)
        handle.write(b"\0" * 16)
    with pytest.raises(MissingDataError, match="no locked copy"):
        fetch_gtfs(feed, context(tmp_path, catalog(feed), frozen=True))
    assert len(server.requests) == 1


def test_endpoint_replaces_the_url_and_keeps_the_request(
    server: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    body = (data_dir / GTFS).read_bytes()
    local = server.serve("/mirror/gtfs.zip", body)
    feed = dataset("hsl_gtfs", "gtfs", "https://unreachable.invalid/gtfs/hsl.zip?key=demo&v=2")
    cat = catalog(feed)
    settings = Settings(data_dir=None, cache_dir=tmp_path / "cache")
    client = HttpClient(timeout=2.0, retries=0)
    parts = acquire(
        cat, settings, endpoints={"hsl_gtfs": local}, show_progress=False, client=client
    )
    [seen] = server.seen("/mirror/gtfs.zip")
    assert seen.query == {"key": "demo", "v": "2"}
    entry = LockFile(lock_path(cat, settings)).get("hsl_gtfs", "all")
    assert entry is not None and entry.url == local
    assert entry.request == {"key": "demo", "v": "2"}
    assert sha(parts["hsl_gtfs"][0].path.read_bytes()) == sha(body)
    # a different endpoint is a different request: fetched again, not the cached copy
    other = server.serve("/other/gtfs.zip", body)
    again = acquire(
        cat, settings, endpoints={"hsl_gtfs": other + "?v=3"}, show_progress=False, client=client
    )
    assert again["hsl_gtfs"][0].origin == "fetched"
    assert server.seen("/other/gtfs.zip")[0].query == {"key": "demo", "v": "3"}


def test_download_part_records_year_parts_and_request(server: FaultServer, tmp_path: Path) -> None:
    url = server.serve("/layer", b'{"type": "FeatureCollection", "features": []}')
    layer = dataset("layer", "rest", url)
    ctx = context(tmp_path, catalog(layer))
    part = download_part(
        ctx, layer, url, year=2023, suffix=".json", request={"typeName": "l_2023", "count": 10}
    )
    assert part.key == "2023" and part.path.name == "2023.json"
    assert server.seen("/layer")[0].query == {"typeName": "l_2023", "count": "10"}
    entry = lock_json(ctx)["datasets"]["layer"]["2023"]
    assert entry["request"] == {"typeName": "l_2023", "count": 10}
    assert entry["path"] == "layer/2023.json"


def test_lock_paths_outside_the_cache_are_not_trusted(server: FaultServer, tmp_path: Path) -> None:
    url = server.serve("/f", b"x")
    layer = dataset("layer", "rest", url)
    ctx = context(tmp_path, catalog(layer))
    part = download_part(ctx, layer, url, suffix=".txt")
    assert part.lock is not None
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(b"x")
    ctx.lock.put(dataclasses.replace(part.lock, path="../../elsewhere.txt"))
    assert ctx.cached(layer, None) is None


def test_next_weekday() -> None:
    assert next_weekday(dt.date(2026, 12, 3)) == dt.date(2026, 12, 4)  # Thu → Fri
    assert next_weekday(dt.date(2026, 12, 4)) == dt.date(2026, 12, 7)  # Fri → Mon
    assert next_weekday(dt.date(2026, 12, 5)) == dt.date(2026, 12, 7)  # Sat → Mon
    assert next_weekday(dt.date(2026, 12, 6)) == dt.date(2026, 12, 7)  # Sun → Mon


def test_two_lock_file_objects_do_not_lose_each_others_entries(
    server: FaultServer, tmp_path: Path
) -> None:
    url = server.serve("/f", b"x")
    a, b = dataset("a", "rest", url), dataset("b", "rest", url)
    first, second = context(tmp_path, catalog(a, b)), context(tmp_path, catalog(a, b))
    download_part(first, a, url, suffix=".txt")
    download_part(second, b, url, suffix=".txt")
    assert set(LockFile(first.lock.path).entries) == {"a", "b"}
