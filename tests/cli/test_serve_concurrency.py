"""An analyst recomputes indicators while the map is served: a real ``dikas serve`` process
on the real demo twin, ``dikas climate heat`` writing to it (once, then three at once), and
``dikas build --out`` replacing it; the server picks each change up without a restart and
never answers 5xx meanwhile."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dikas.twin.store import Twin

SRC = Path(__file__).resolve().parents[2] / "src"


def _environment(data_dir: Path, cache: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "DIKAS_DATA_DIR": str(data_dir),
        "DIKAS_CACHE_DIR": str(cache),
        "DIKAS_SNAPSHOT_CHECK_S": "0.5",
        "DIKAS_WRITE_WAIT_S": "120",
    }


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _dikas(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "dikas.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str], timeout: float = 600) -> str:
    _, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return err


def _until(check: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def served(
    helsinki_twin: Path, data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, str, dict[str, str], list[int]]]:
    """A copy of the demo twin served by ``dikas serve``; yields the twin, the base URL, the
    environment for commands and the status codes seen by a client polling all along."""
    folder = tmp_path_factory.mktemp("served")
    twin = folder / "twin.duckdb"
    shutil.copy(helsinki_twin, twin)
    env = _environment(data_dir, tmp_path_factory.mktemp("cache"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = _dikas(
        env, "serve", str(twin), "--port", str(port), "--seed-tiles", "0", "--threads", "4"
    )
    base = f"http://127.0.0.1:{port}"
    codes: list[int] = []
    stop = threading.Event()
    try:

        def ready() -> bool:
            assert server.poll() is None, server.communicate()[1]
            try:
                code, body = _get(f"{base}/api/status")
            except OSError:
                return False
            return code == 200 and bool(json.loads(body)["layers_loaded"])

        _until(ready, 300, "the server to load its layers")

        def poll() -> None:
            while not stop.is_set():
                for path in (
                    "/api/meta",
                    "/api/status",
                    "/api/indicators?indicator=heat_mean&level=areas",
                    "/ogc/collections/areas/items?limit=5",
                ):
                    codes.append(_get(base + path)[0])

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        yield twin, base, env, codes
        stop.set()
        poller.join(timeout=120)
    finally:
        server.terminate()
        server.communicate(timeout=60)


def _served_heat(base: str) -> dict[str, float | None]:
    code, body = _get(f"{base}/api/indicators?indicator=heat_mean&level=areas")
    return json.loads(body)["values"] if code == 200 else {}


def _stored_heat(twin: Path, level: str = "areas") -> dict[str, float]:
    with Twin.open(twin) as opened:
        frame = opened.indicators(indicator="heat_mean", level=level)
    return dict(zip(frame["unit_id"], frame["value"], strict=True))


def test_a_write_while_served_is_stored_and_served_without_restart(
    served: tuple[Path, str, dict[str, str], list[int]],
) -> None:
    twin, base, env, codes = served
    assert not _stored_heat(twin)
    _finish(_dikas(env, "climate", "heat", "--twin", str(twin), "--level", "areas"))
    stored = _stored_heat(twin)
    assert len(stored) > 50
    _until(
        lambda: _served_heat(base) == pytest.approx(stored),
        240,
        "the server to serve the new heat values",
    )
    assert codes and not [c for c in codes if c >= 500]


def test_three_writers_at_once_all_store(
    served: tuple[Path, str, dict[str, str], list[int]],
) -> None:
    twin, _, env, codes = served
    writers = [
        _dikas(
            env, "climate", "heat", "--twin", str(twin), "--level", level, "--threshold", threshold
        )
        for level, threshold in (("grid", "0.5"), ("areas", "0.7"), ("grid", "0.6"))
    ]
    for writer in writers:
        _finish(writer)
    with Twin.open(twin) as opened:
        stored = opened.indicators(indicator="heat_share_above")
    assert set(stored["level"]) == {"areas", "grid"}
    assert len(_stored_heat(twin, "grid")) > 1000
    assert not [c for c in codes if c >= 500]


def test_a_build_over_the_served_twin_is_served_after_a_clean_switch(
    served: tuple[Path, str, dict[str, str], list[int]],
) -> None:
    twin, base, env, codes = served
    with Twin.open(twin) as opened:
        old = opened.build_info()["build_id"]
    seen_before = len(codes)
    _finish(_dikas(env, "build", "--city", "helsinki-demo", "--out", str(twin)))
    with Twin.open(twin) as opened:
        new = opened.build_info()["build_id"]
    assert new != old

    def switched() -> bool:
        code, body = _get(f"{base}/api/meta")
        return code == 200 and json.loads(body)["build_id"] == new

    _until(switched, 240, "the server to serve the new build")
    assert _served_heat(base) == {}  # the new build has no indicators yet
    assert len(codes) > seen_before + 10
    assert not [c for c in codes if c >= 500]
