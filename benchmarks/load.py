"""A load test anyone can run: N concurrent clients on a mix of the map app's requests.

Usage::

    python benchmarks/load.py TWIN [--clients 8 32] [--duration 20] [--url URL]
                              [--user NAME --password PASSWORD]

Without ``--url`` it starts ``dikas serve TWIN`` on 127.0.0.1 (a free port, ``--seed-tiles
0``, a fresh comments database in a temporary folder with a stakeholder account) and stops it
at the end; with ``--url`` it targets a running server (give a stakeholder's ``--user`` and
``--password`` for the comment writes; RSS is then not measured). For each ``--clients`` N in
turn, N threads (one keep-alive ``http.client`` connection each) send requests for
``--duration`` seconds, each picking a kind by weight:

* ``items`` — an OGC items page of areas, grid or buildings in a random 1 km box;
* ``tile`` — a vector tile (z 12–16) of a random point of the buildings' extent;
* ``indicator`` — one indicator's values at area level (a random one of the twin's);
* ``profile`` — a random postal area's profile;
* ``comment`` — a comment posted by the signed-in stakeholder (at an area, by postal code);
* ``scenario`` — a scenario run (a service added at one of three building centroids: the
  first run of each computes, later ones are the kept result; only client 0 runs them, at most
  one every 5 s, so the per-client limits of the server are never the bottleneck).

It prints, per N: requests, errors (any non-2xx status or failed connection; must be 0),
p50/p95/max per kind, and the server's RSS before and after.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import numpy as np
from pyproj import Transformer

from dikas.api.community import Community
from dikas.api.tilecache import tile_of
from dikas.twin.store import Twin

WEIGHTS = {"items": 35, "tile": 35, "indicator": 10, "profile": 10, "comment": 5, "scenario": 5}
SCENARIO_EVERY_S = 5.0
START_S = 180
PASSWORD = "load test password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Workload:
    """What the requests are drawn from (read once from the twin)."""

    bbox: tuple[float, float, float, float]
    """The buildings' (else areas') extent in EPSG:3067."""
    postal_codes: list[str]
    indicators: list[str]
    service_type: str
    layers: list[str] = field(default_factory=list)
    sites: list[tuple[float, float]] = field(default_factory=list)
    """Three building centroids (lon/lat): where the scenarios add a service."""

    @classmethod
    def of(cls, twin_path: Path) -> Workload:
        from dikas.api.indicators import indicator_catalog

        with Twin.open(twin_path) as twin:
            layer = "buildings" if twin.has_layer("buildings") else "areas"
            bbox = twin.extent(layer)
            codes = sorted(
                twin.read("areas", columns=["postal_code"])["postal_code"].astype(str).unique()
            )
            names = [entry.name for entry in indicator_catalog(twin) if entry.level == "areas"][:40]
            layers = [name for name in ("areas", "grid", "buildings") if twin.has_layer(name)]
            services = (
                sorted(
                    twin.read("services", columns=["service_type"])["service_type"]
                    .dropna()
                    .astype(str)
                    .unique()
                )
                if twin.has_layer("services")
                else []
            )
            points = twin.sql(
                "SELECT ST_X(c) AS x, ST_Y(c) AS y FROM (SELECT "
                f"ST_Centroid(geometry) AS c, hash(row_number() OVER ()) AS h "
                f"FROM {layer}) ORDER BY h LIMIT 3"
            )
        to_wgs84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
        sites = [to_wgs84.transform(x, y) for x, y in zip(points["x"], points["y"], strict=True)]
        return cls(
            bbox=bbox,
            postal_codes=codes,
            indicators=names,
            service_type=services[0] if services else "library",
            layers=layers,
            sites=sites,
        )


class Server:
    """``dikas serve`` in a subprocess (or nothing, for ``--url``)."""

    def __init__(self, twin: Path, folder: Path) -> None:
        self.community = folder / "community.sqlite"
        Community(self.community).add_user("load", PASSWORD, role="stakeholder")
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from dikas.cli.main import main; main()",
                "serve",
                str(twin),
                "--port",
                str(port),
                "--comments",
                str(self.community),
                "--seed-tiles",
                "0",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=os.environ.copy(),
        )
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"dikas serve exited: {self.process.stderr.read()!r}")  # type: ignore[union-attr]
            status = _get_json(self.url, "/api/status")
            if status and status.get("layers_loaded") and not status.get("seeding"):
                return
            time.sleep(0.5)
        self.stop()
        raise SystemExit(f"dikas serve did not load its layers within {START_S} s")

    def rss_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def comments(self) -> int:
        with sqlite3.connect(self.community) as con:
            return int(con.execute("SELECT count(*) FROM comments").fetchone()[0])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)


def _get_json(url: str, path: str) -> dict | None:
    parts = urlsplit(url)
    try:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return json.loads(body) if response.status == 200 else None
    except (OSError, http.client.HTTPException, ValueError):
        return None


def sign_in(url: str, user: str, password: str) -> str:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request(
        "POST",
        "/api/auth/token",
        body=json.dumps({"username": user, "password": password}),
        headers={"Content-Type": "application/json"},
    )
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"signing in as {user!r} failed: HTTP {response.status} {body[:200]!r}")
    return str(json.loads(body)["access_token"])


class Client(threading.Thread):
    """One simulated visitor: requests until the deadline on one keep-alive connection."""

    def __init__(
        self,
        number: int,
        url: str,
        work: Workload,
        token: str,
        deadline: float,
        results: dict[str, list[float]],
        errors: list[str],
        lock: threading.Lock,
    ) -> None:
        super().__init__(name=f"load-{number}", daemon=True)
        self.number = number
        self.parts = urlsplit(url)
        self.work = work
        self.token = token
        self.deadline = deadline
        self.results = results
        self.errors = errors
        self.lock = lock
        self.random = random.Random(number)
        self.to_wgs84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
        self.next_scenario = time.monotonic()
        self.connection: http.client.HTTPConnection | None = None

    def run(self) -> None:
        kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
        while time.monotonic() < self.deadline:
            kind = self.random.choices(kinds, weights)[0]
            if kind == "scenario" and (self.number != 0 or time.monotonic() < self.next_scenario):
                kind = "items"
            method, path, body = self.request(kind)
            started = time.perf_counter()
            error = self.send(method, path, body)
            elapsed = time.perf_counter() - started
            if kind == "scenario":
                self.next_scenario = time.monotonic() + SCENARIO_EVERY_S
            with self.lock:
                if error:
                    self.errors.append(f"{kind} {path}: {error}")
                else:
                    self.results[kind].append(elapsed)

    def request(self, kind: str) -> tuple[str, str, dict | None]:
        minx, miny, maxx, maxy = self.work.bbox
        x, y = self.random.uniform(minx, maxx), self.random.uniform(miny, maxy)
        if kind == "items":
            layer = self.random.choice(self.work.layers)
            box = self.to_wgs84.transform_bounds(x - 500, y - 500, x + 500, y + 500)
            return (
                "GET",
                (
                    f"/ogc/collections/{layer}/items?limit=100&bbox="
                    + ",".join(f"{v:.6f}" for v in box)
                ),
                None,
            )
        if kind == "tile":
            lon, lat = self.to_wgs84.transform(x, y)
            z = self.random.randint(12, 16)
            tx, ty = tile_of(lon, lat, z)
            layer = self.random.choice(["buildings", "areas", "grid", "basemap_streets"])
            return "GET", f"/api/tiles/{layer}/{z}/{tx}/{ty}.mvt", None
        if kind == "indicator":
            name = self.random.choice(self.work.indicators)
            return "GET", f"/api/indicators?{urlencode({'indicator': name})}", None
        if kind == "profile":
            return "GET", f"/api/areas/{self.random.choice(self.work.postal_codes)}/profile", None
        if kind == "comment":
            return (
                "POST",
                "/api/comments",
                {
                    "text": f"load test {self.number}",
                    "category": "idea",
                    "postal_code": self.random.choice(self.work.postal_codes),
                },
            )
        variant = self.random.randrange(len(self.work.sites))  # later runs are kept results
        lon, lat = self.work.sites[variant]
        return (
            "POST",
            "/api/scenarios",
            {
                "name": f"load test {variant}",
                "edits": [
                    {
                        "add_service": {
                            "service_type": self.work.service_type,
                            "lon": lon,
                            "lat": lat,
                        }
                    }
                ],
            },
        )

    def send(self, method: str, path: str, body: dict | None) -> str | None:
        """The error of one request (``None`` when it succeeded)."""
        headers = {"Authorization": f"Bearer {self.token}"}
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers["Content-Type"] = "application/json"
        for attempt in range(2):  # a keep-alive connection the server closed: reconnect once
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.parts.hostname, self.parts.port, timeout=300
                )
            try:
                self.connection.request(method, path, body=payload, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException) as exc:
                self.connection.close()
                self.connection = None
                if attempt:
                    return f"{type(exc).__name__}: {exc}"
                continue
            if 200 <= response.status < 300:
                return None
            return f"HTTP {response.status} {data[:200]!r}"
        return "unreachable"


def run_level(
    url: str, work: Workload, token: str, clients: int, duration: float
) -> tuple[dict[str, list[float]], list[str]]:
    results: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + duration
    threads = [Client(k, url, work, token, deadline, results, errors, lock) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("twin", type=Path)
    parser.add_argument("--clients", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per level")
    parser.add_argument("--url", default=None, help="a running server instead of starting one")
    parser.add_argument("--user", default="load")
    parser.add_argument("--password", default=PASSWORD)
    args = parser.parse_args()
    work = Workload.of(args.twin)
    with tempfile.TemporaryDirectory() as folder:
        server = None if args.url else Server(args.twin, Path(folder))
        url = args.url or server.url  # type: ignore[union-attr]
        try:
            token = sign_in(url, args.user, args.password)
            failed = 0
            for clients in args.clients:
                before = server.rss_mb() if server else float("nan")
                results, errors = run_level(url, work, token, clients, args.duration)
                after = server.rss_mb() if server else float("nan")
                total = sum(len(v) for v in results.values()) + len(errors)
                print(
                    f"\n{clients} clients, {args.duration:g} s: {total} requests "
                    f"({total / args.duration:.0f}/s), errors {len(errors)}; server RSS "
                    f"{before:.0f} → {after:.0f} MB"
                )
                print(f"  {'kind':10s} {'n':>6s} {'p50 ms':>9s} {'p95 ms':>9s} {'max ms':>9s}")
                for kind in WEIGHTS:
                    times = np.array(results.get(kind, [])) * 1000
                    if len(times):
                        print(
                            f"  {kind:10s} {len(times):6d} {np.percentile(times, 50):9.1f} "
                            f"{np.percentile(times, 95):9.1f} {times.max():9.1f}"
                        )
                for error in errors[:10]:
                    print(f"  error: {error}")
                failed += len(errors)
            if server:
                print(f"\ncomments stored: {server.comments()}")
        finally:
            if server:
                server.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
