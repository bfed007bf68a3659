"""Comment writes and reads with many comments stored: time and bytes per request.

Usage: ``python benchmarks/comments.py TWIN [--comments 21000] [--requests 20]``.

Seeds a fresh community file (in a temporary folder) with ``--comments`` comments at random
points of the twin's areas (one SQL insert; not timed), starts the app in-process
(``fastapi.testclient``, no network) and times ``--requests`` of each: ``POST /api/comments``
by a signed-in stakeholder (after which the served ``comments`` collection is current),
``GET /api/comments`` (its default page) and one OGC items page of the ``comments``
collection (which shows that the write reached the served layer). Prints the median and
maximum time and the response bytes of each kind.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.app import create_app
from dikas.api.community import Community
from dikas.api.settings import ApiSettings
from dikas.twin.store import Twin

PASSWORD = "benchmark password"


def seed(path: Path, twin: Path, n: int, *, seed: int = 0) -> tuple[float, float, str]:
    """``n`` comments at random points of the twin's extent; returns one point inside an
    area and that area's postal code (where the timed writes are pinned)."""
    community = Community(path)
    community.add_user("bench", PASSWORD, role="stakeholder")
    with Twin.open(twin) as opened:
        minx, miny, maxx, maxy = opened.extent("areas")
        inside = opened.sql(
            "SELECT postal_code, ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT "
            "postal_code, ST_PointOnSurface(geometry) AS p FROM areas "
            "ORDER BY year DESC, postal_code LIMIT 1)"
        )
    to_wgs84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
    rng = np.random.default_rng(seed)
    lon, lat = to_wgs84.transform(rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n))
    rows = [
        (
            "bench",
            ("need", "idea", "concern")[i % 3],
            f"comment {i} " + "x" * 80,
            float(lon[i]),
            float(lat[i]),
            None,
            "2026-01-01T00:00:00+00:00",
        )
        for i in range(n)
    ]
    with sqlite3.connect(path) as con:
        con.executemany(
            "INSERT INTO comments (author, category, text, lon, lat, postal_code, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    x, y = float(inside["x"].iloc[0]), float(inside["y"].iloc[0])
    plon, plat = to_wgs84.transform(x, y)
    return plon, plat, str(inside["postal_code"].iloc[0])


def timed(call: object) -> tuple[float, int]:
    started = time.perf_counter()
    response = call()  # type: ignore[operator]
    elapsed = time.perf_counter() - started
    assert response.status_code in (200, 201), response.text[:200]
    return elapsed, len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("twin", type=Path)
    parser.add_argument("--comments", type=int, default=21_000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        community = Path(folder) / "community.sqlite"
        lon, lat, _ = seed(community, args.twin, args.comments)
        app = create_app(ApiSettings(twin_path=args.twin, community_path=community))
        with TestClient(app) as client:
            token = client.post(
                "/api/auth/token", json={"username": "bench", "password": PASSWORD}
            ).json()
            headers = {"Authorization": f"Bearer {token['access_token']}"}
            # the served layer is loaded by the first read, as on a running server
            client.get("/ogc/collections/comments/items?limit=10")
            results: dict[str, list[tuple[float, int]]] = {
                "POST /api/comments": [],
                "GET /api/comments": [],
                "GET comments items": [],
            }
            for i in range(args.requests):
                body = {"text": f"timed {i}", "category": "idea", "lon": lon, "lat": lat}
                results["POST /api/comments"].append(
                    timed(
                        lambda body=body: client.post("/api/comments", json=body, headers=headers)
                    )
                )
                results["GET /api/comments"].append(timed(lambda: client.get("/api/comments")))
                results["GET comments items"].append(
                    timed(lambda: client.get("/ogc/collections/comments/items?limit=100"))
                )
            matched = client.get("/ogc/collections/comments/items?limit=1").json()["numberMatched"]
    print(
        f"{args.comments} comments seeded, {args.requests} requests of each kind; "
        f"served collection afterwards: {matched} comments"
    )
    for kind, values in results.items():
        times = [t * 1000 for t, _ in values]
        print(
            f"{kind:22s} median {statistics.median(times):8.1f} ms  max {max(times):8.1f} ms"
            f"  bytes {values[-1][1]:>10,d}"
        )


if __name__ == "__main__":
    main()
