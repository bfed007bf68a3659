"""The tile cache and seeding: LRU by bytes, tile ranges, seeding order and budget, and a
seeded server answering with the very tiles it would render on request."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings
from dikas.api.tilecache import TileCache, seed, tile_of, tiles_covering
from dikas.api.tiles import tile_bounds

TO_MERCATOR = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)


def test_cache_drops_least_recently_used_beyond_its_bytes() -> None:
    cache = TileCache(max_bytes=10)
    cache.put(("a", 0, 0, 0), b"1234")
    cache.put(("b", 0, 0, 0), b"1234")
    assert cache.get(("a", 0, 0, 0)) == b"1234"  # a is now the most recent
    cache.put(("c", 0, 0, 0), b"1234")  # 12 bytes > 10: b goes
    assert cache.get(("b", 0, 0, 0)) is None
    assert cache.get(("a", 0, 0, 0)) == b"1234" and cache.get(("c", 0, 0, 0)) == b"1234"
    assert len(cache) == 2 and cache.nbytes == 8
    cache.put(("c", 0, 0, 0), b"12")  # replacing counts the new size only
    assert cache.nbytes == 6


def test_tile_of_agrees_with_tile_bounds() -> None:
    for lon, lat, z in (
        (24.94, 60.17, 12),
        (24.94, 60.17, 16),
        (-73.99, 40.73, 9),
        (151.2, -33.87, 14),
    ):
        x, y = tile_of(lon, lat, z)
        minx, miny, maxx, maxy = tile_bounds(z, x, y)
        px, py = TO_MERCATOR.transform(lon, lat)
        assert minx <= px < maxx and miny < py <= maxy


def test_tiles_covering_a_box() -> None:
    west, south, east, north = 24.90, 60.15, 25.00, 60.20
    tiles = list(tiles_covering((west, south, east, north), 14))
    x0, y0 = tile_of(west, north, 14)
    x1, y1 = tile_of(east, south, 14)
    assert len(tiles) == (x1 - x0 + 1) * (y1 - y0 + 1) == len(set(tiles))
    for lon, lat in ((west, south), (east, north), (24.95, 60.17)):
        assert tile_of(lon, lat, 14) in tiles
    assert list(tiles_covering((west, south, east, north), 0)) == [(0, 0)]


def test_seed_goes_zoom_by_zoom_from_each_layers_minimum_and_stops_at_the_budget() -> None:
    calls: list[tuple[str, int, int, int]] = []
    bbox = (24.90, 60.15, 25.00, 60.20)

    def render(layer: str, z: int, x: int, y: int) -> bytes:
        calls.append((layer, z, x, y))
        return b""

    n = seed(render, {"areas": 0, "buildings": 12}, bbox, max_zoom=13, budget=10_000)
    expected = sum(len(list(tiles_covering(bbox, z))) * (1 + (z >= 12)) for z in range(14))
    assert n == len(calls) == expected
    assert [c[1] for c in calls] == sorted(c[1] for c in calls)
    assert min(c[1] for c in calls if c[0] == "buildings") == 12
    calls.clear()
    assert seed(render, {"areas": 0}, bbox, max_zoom=16, budget=5) == 5 and len(calls) == 5


def test_seeded_server_serves_the_tiles_it_would_render(
    settings: ApiSettings, tmp_path: Path
) -> None:
    seeded = dataclasses.replace(
        settings, preload=True, seed_tiles=40, community_path=tmp_path / "c.sqlite"
    )
    with TestClient(create_app(seeded)) as client:
        for _ in range(600):
            status = client.get("/api/status").json()
            if status["layers_loaded"] and not status["seeding"] and status["tiles_seeded"]:
                break
            time.sleep(0.05)
        assert status["tiles_seeded"] == 40 and status["tiles_cached"] >= 40
        assert status["tile_cache_bytes"] > 0
        bbox = client.app.state.context.map_extent()  # type: ignore[attr-defined]
        z = 9  # seeded: zooms 0–9 of the small twin's layers are fewer than 40 tiles
        x, y = next(iter(tiles_covering(bbox, z)))
        assert client.app.state.context.tiles.get(("areas", z, x, y))  # type: ignore[attr-defined]
        from_cache = client.get(f"/api/tiles/areas/{z}/{x}/{y}.mvt").content
    with TestClient(create_app(dataclasses.replace(seeded, preload=False, seed_tiles=0))) as fresh:
        assert fresh.get("/api/status").json()["tiles_seeded"] == 0
        assert fresh.get(f"/api/tiles/areas/{z}/{x}/{y}.mvt").content == from_cache
