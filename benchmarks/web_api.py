"""API latency (median, p95) of OGC items pages and vector tiles under concurrent load.

Usage: ``python benchmarks/web_api.py TWIN [--requests 400] [--concurrency 8]``.

Starts ``dikas serve`` on 127.0.0.1 (a free port) in a subprocess twice: with
``--seed-tiles 0`` (every tile cut by DuckDB when first asked for) and seeded (the opening
area's tiles rendered in the background first, as ``dikas serve`` does by default). Each time
it waits for ``/api/status`` to report the layers loaded and seeding done, sends an untimed
burst (requests of its own), then a bounded number of requests from a local thread pool
(only 127.0.0.1), one keep-alive ``http.client`` connection per client. As the peer, the
same pages and tiles are computed in this process the straightforward way:
items with ``Twin.read(bbox=…, limit=…)`` + GeoPandas ``to_crs(4326).to_json()``, tiles with
DuckDB ``ST_AsMVT`` transforming geometries per request. Ratios are peer / server latency
(the server's figures include HTTP and JSON transfer; the peer's do not).
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import numpy as np
from pyproj import Transformer

from dikas.api.tilecache import tile_of
from dikas.twin.store import Twin

ITEM_LAYERS = ("areas", "grid", "buildings")
TILE_LAYERS = ("buildings", "grid", "areas", "basemap_streets")
WINDOW_M = 1000.0
WARM_UP = 40
"""Requests of each kind sent, untimed, before the timed runs (a workload of its own)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def workload(twin: Twin, n: int, seed: int = 0) -> tuple[list[tuple], list[tuple]]:
    """``n`` items requests (layer, bbox in 3067 and CRS84) and ``n`` tile requests inside
    the street network's extent (where buildings are)."""
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = twin.extent("buildings") or twin.extent("areas")
    to_wgs84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
    items, tiles = [], []
    for k in range(n):
        x = rng.uniform(minx, maxx - WINDOW_M)
        y = rng.uniform(miny, maxy - WINDOW_M)
        box = (x, y, x + WINDOW_M, y + WINDOW_M)
        items.append((ITEM_LAYERS[k % len(ITEM_LAYERS)], box, to_wgs84.transform_bounds(*box)))
        lon, lat = to_wgs84.transform(x, y)
        z = int(rng.integers(14, 17))
        tiles.append((TILE_LAYERS[k % len(TILE_LAYERS)], z, *tile_of(lon, lat, z)))
    return items, tiles


def urls(twin: Twin, items: list[tuple], tiles: list[tuple]) -> tuple[list[str], list[str]]:
    """Request paths of a :func:`workload`: items pages (the latest year of yearly layers)
    and tiles."""
    item_urls = [
        f"/ogc/collections/{layer}/items?limit=100&bbox="
        + ",".join(f"{v:.6f}" for v in wgs)
        + ("&datetime=" + str(twin.years(layer)[-1]) if twin.years(layer) else "")
        for layer, _, wgs in items
    ]
    tile_urls = [f"/api/tiles/{layer}/{z}/{x}/{y}.mvt" for layer, z, x, y in tiles]
    return item_urls, tile_urls


def timed_concurrently(urls: list[str], base: str, concurrency: int) -> np.ndarray:
    """Latency (ms) of each GET, ``concurrency`` requests in flight.

    Each client thread keeps one ``http.client`` keep-alive connection: the load generator
    shares the machine's cores with the server, and ``httpx`` spends ≈ 1.6 ms of CPU per
    request here (as much as the server spends on a small response), ``http.client`` ≈ 0.35.
    """
    parts = urlsplit(base)
    local = threading.local()

    def one(url: str) -> float:
        connection = getattr(local, "connection", None)
        if connection is None:
            connection = local.connection = http.client.HTTPConnection(
                parts.hostname, parts.port, timeout=60
            )
        start = time.perf_counter()
        connection.request("GET", url)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise SystemExit(f"GET {url}: HTTP {response.status}")
        return elapsed

    with ThreadPoolExecutor(concurrency) as pool:
        return np.array(list(pool.map(one, urls)))


def timed_in_process(calls: list[Callable[[], object]]) -> np.ndarray:
    out = []
    for call in calls:
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return np.array(out)


def peer_item(twin: Twin, layer: str, box: tuple) -> Callable[[], object]:
    def run() -> object:
        year = twin.years(layer)[-1] if twin.years(layer) else None
        frame = twin.read(layer, bbox=box, limit=100, year=year)
        return frame.to_crs(4326).to_json()

    return run


def peer_tile(twin: Twin, layer: str, z: int, x: int, y: int) -> Callable[[], object]:
    table = {"basemap_streets": "network_edges"}.get(layer, layer)
    key = {
        "areas": "postal_code",
        "grid": "cell_id",
        "buildings": "building_id",
        "network_edges": "edge_id",
    }[table]
    query = (
        f"WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS e) "
        f"SELECT ST_AsMVT(t, '{layer}', 4096, 'geom') FROM (SELECT {key}, ST_AsMVTGeom("
        f"ST_Transform(g.geometry, 'EPSG:3067', 'EPSG:3857', always_xy := true), "
        f"ST_Extent(env.e), 4096, 64, true) AS geom FROM {table} g, env WHERE "
        f"ST_Intersects(g.geometry, ST_Transform(env.e, 'EPSG:3857', 'EPSG:3067', "
        f"always_xy := true))) t WHERE geom IS NOT NULL"
    )
    return lambda: twin.sql(query, [z, x, y])


def summary(name: str, server: np.ndarray, peer: np.ndarray) -> str:
    return (
        f"{name:<6} server median {np.median(server):6.1f} ms  p95 "
        f"{np.percentile(server, 95):6.1f} ms | peer (in-process) median "
        f"{np.median(peer):6.1f} ms  p95 {np.percentile(peer, 95):6.1f} ms | "
        f"ratio peer/server median {np.median(peer) / np.median(server):4.1f}×"
    )


def start_server(twin_path: Path, seed_tiles: int) -> tuple[subprocess.Popen, str]:
    """``dikas serve`` on a free port; returns once it answers (layers still loading)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from dikas.cli.serve import serve; serve.main(sys.argv[1:])",
            str(twin_path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--seed-tiles",
            str(seed_tiles),
        ],
        stderr=subprocess.DEVNULL,
    )
    for _ in range(600):
        try:
            httpx.get(f"{base}/ogc/conformance", timeout=1)
            return server, base
        except httpx.HTTPError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not start")


def wait_until_ready(base: str) -> float:
    """Seconds until ``/api/status`` reports the layers loaded and seeding finished."""
    started = time.perf_counter()
    while True:
        status = httpx.get(f"{base}/api/status", timeout=60).json()
        if status["layers_loaded"] and not status["seeding"]:
            return time.perf_counter() - started
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("twin", type=Path)
    parser.add_argument(
        "--requests", type=int, default=400, help="requests per kind (items, tiles); at most 5000"
    )
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--seed-tiles", type=int, default=10_000, help="the seeded server's --seed-tiles"
    )
    args = parser.parse_args()
    n = min(args.requests, 5000)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        twin_path = Path(tmp) / "twin.duckdb"
        shutil.copy(args.twin, twin_path)  # the benchmark never touches the given file
        with Twin.open(twin_path) as twin:
            items, tiles = workload(twin, n)
            item_urls, tile_urls = urls(twin, items, tiles)
            # the warm-up draws its own requests: a tile it renders is not timed as a cache hit
            warm_up = [url for kind in urls(twin, *workload(twin, WARM_UP, seed=1)) for url in kind]
            peer_n = min(n, 60)
            peer_items = timed_in_process(
                [peer_item(twin, layer, box) for layer, box, _ in items[:peer_n]]
            )
            peer_tiles = timed_in_process([peer_tile(twin, *t) for t in tiles[:peer_n]])
        # "on request": every tile is cut when first asked for; "seeded": the server has
        # rendered the opening area's tiles in the background first (what `dikas serve` does).
        for label, seed_tiles in (("on request", 0), ("seeded", args.seed_tiles)):
            server, base = start_server(twin_path, seed_tiles)
            try:
                ready = wait_until_ready(base)
                timed_concurrently(warm_up, base, args.concurrency)  # an unmeasured burst
                results[label] = (
                    ready,
                    timed_concurrently(item_urls, base, args.concurrency),
                    timed_concurrently(tile_urls, base, args.concurrency),
                )
            finally:
                server.terminate()
                server.wait(timeout=30)
    print(
        f"{n} items pages and {n} tiles (z14–16 in the buildings' extent), "
        f"{args.concurrency} concurrent clients on 127.0.0.1; peer: {peer_n} sequential "
        "in-process calls"
    )
    for label, (ready, server_items, server_tiles) in results.items():
        print(f"-- tiles {label} (server ready after {ready:.1f} s)")
        print(summary("items", server_items, peer_items))
        print(summary("tiles", server_tiles, peer_tiles))
    print(
        "aim: p95 under 50 ms -> "
        + ", ".join(
            f"{label} {'met' if max(np.percentile(i, 95), np.percentile(t, 95)) < 50 else 'not met'}"
            for label, (_, i, t) in results.items()
        )
    )


if __name__ == "__main__":
    main()
