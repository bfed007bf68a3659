"""``kill -9`` of the server while two clients post comments: every comment the server
acknowledged (201) is in the store after a restart (SQLite commits before answering)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dikas.api.community import Community
from tests.api.conftest import PASSWORD

SRC = Path(__file__).resolve().parents[2] / "src"
START_S = 60
WRITERS = 2
MAX_POSTS = 400
"""Posts per writer at most (the server is killed long before)."""
KILL_AFTER = 30
"""Acknowledged comments in all before the kill."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    """``dikas serve`` of a twin in a subprocess on a free 127.0.0.1 port."""

    def __init__(self, twin: Path, community: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from dikas.cli.main import main; main()",
                "serve",
                str(twin),
                "--port",
                str(self.port),
                "--comments",
                str(community),
                "--seed-tiles",
                "0",
                "--threads",
                "4",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"dikas serve exited: {self.process.stderr.read()!r}")  # type: ignore[union-attr]
            try:
                if httpx.get(f"{self.url}/api/status", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        pytest.fail(f"dikas serve did not answer within {START_S} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


@pytest.fixture()
def served(small_twin: Path, tmp_path: Path) -> Iterator[tuple[Path, list[Served]]]:
    community = tmp_path / "community.sqlite"
    Community(community).add_user("alice", PASSWORD, role="stakeholder")
    servers: list[Served] = []
    yield community, servers
    for server in servers:
        server.stop()


def test_acknowledged_comments_survive_kill_9(
    small_twin: Path, served: tuple[Path, list[Served]]
) -> None:
    from pyproj import Transformer

    from tests.api.small_twin import ORIGIN

    community, servers = served
    server = Served(small_twin, community)
    servers.append(server)
    token = httpx.post(
        f"{server.url}/api/auth/token", json={"username": "alice", "password": PASSWORD}
    ).json()["access_token"]
    lon, lat = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True).transform(
        ORIGIN[0] + 1500, ORIGIN[1] + 500
    )
    acknowledged: dict[int, str] = {}
    lock = threading.Lock()
    enough = threading.Event()

    def write(writer: int) -> None:
        with httpx.Client(
            base_url=server.url, timeout=10, headers={"Authorization": f"Bearer {token}"}
        ) as client:
            for i in range(MAX_POSTS):
                text = f"writer {writer} comment {i}"
                try:
                    response = client.post(
                        "/api/comments",
                        json={"text": text, "category": "idea", "lon": lon, "lat": lat},
                    )
                except httpx.TransportError:
                    return  # the server is gone
                assert response.status_code == 201, response.text
                with lock:
                    acknowledged[response.json()["id"]] = text
                    if len(acknowledged) >= KILL_AFTER:
                        enough.set()

    threads = [threading.Thread(target=write, args=(k,)) for k in range(WRITERS)]
    for thread in threads:
        thread.start()
    assert enough.wait(START_S), "the writers never got going"
    server.process.kill()  # SIGKILL, mid-writes
    server.process.wait(timeout=30)
    for thread in threads:
        thread.join(timeout=30)
    assert len(acknowledged) >= KILL_AFTER

    stored = Community(community).comments()
    texts = dict(zip(stored["comment_id"].astype(int), stored["text"], strict=True))
    assert {i: texts.get(i) for i in acknowledged} == acknowledged
    # and the restarted server serves them all
    again = Served(small_twin, community)
    servers.append(again)
    page = httpx.get(f"{again.url}/api/comments", params={"limit": 5000}).json()
    assert set(acknowledged) <= {f["id"] for f in page["features"]}
    assert page["numberMatched"] == len(stored)
