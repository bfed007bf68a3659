"""The app as a whole: map app at /, report route, scenarios, CLI commands."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.community import Community
from dikas.api.settings import ApiSettings, community_path_for
from dikas.cli.serve import serve
from dikas.cli.users import users


def test_map_app_is_served_from_dist(settings: ApiSettings, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<html>map</html>")
    (dist / "main.js").write_text("console.log(1)")
    with TestClient(
        create_app(
            ApiSettings(
                twin_path=settings.twin_path, community_path=settings.community_path, web_dist=dist
            )
        )
    ) as client:
        assert client.get("/").text == "<html>map</html>"
        assert client.get("/app/main.js").text == "console.log(1)"
        assert client.get("/app/missing.js").status_code == 404
    with TestClient(
        create_app(
            ApiSettings(
                twin_path=settings.twin_path,
                community_path=settings.community_path,
                web_dist=tmp_path / "none",
            )
        )
    ) as client:
        assert client.get("/").status_code == 404


def test_report_route(client: TestClient) -> None:
    response = client.get("/api/report?area=00100")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Area report: Area 1 (00100)</h1>" in response.text
    finnish = client.get("/api/report?area=00100", headers={"Accept-Language": "fi-FI"})
    assert (
        "<html lang='fi'>" in finnish.text
        and "<h1>Aluerapotti: Area 1 (00100)</h1>" in finnish.text
    )
    swedish = client.get("/api/report?area=00100&lang=sv")
    assert "<h1>Områdesrapport: Area 1 (00100)</h1>" in swedish.text
    assert client.get("/api/report?area=99999").status_code == 404


def test_not_a_twin_fails_clearly(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve, [str(tmp_path / "missing.duckdb")])
    assert result.exit_code != 0
    assert "file not found" in str(result.exception)


def test_serve_command_end_to_end(small_twin: Path, tmp_path: Path) -> None:
    """`dikas serve` as users run it: its own process, layers preloaded, tiles seeded."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    twin = tmp_path / "twin.duckdb"
    shutil.copy(small_twin, twin)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dikas.cli",
            "serve",
            str(twin),
            "--port",
            str(port),
            "--seed-tiles",
            "10",
            "--threads",
            "4",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        status = {}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                status = httpx.get(f"{base}/api/status", timeout=5).json()
            except httpx.TransportError:
                status = {}
            if status.get("layers_loaded") and not status.get("seeding"):
                break
            time.sleep(0.3)
        assert status.get("layers_loaded") and status["tiles_seeded"] > 0, status
        assert httpx.get(f"{base}/").status_code == 200
        assert httpx.get(f"{base}/docs").status_code == 200
        areas = httpx.get(f"{base}/ogc/collections/areas/items?limit=1").json()
        assert areas["numberReturned"] == 1
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in output  # the URL is printed for the user


def test_users_command(small_twin: Path, tmp_path: Path) -> None:
    community = tmp_path / "c.sqlite"
    runner = CliRunner()
    result = runner.invoke(
        users,
        ["add", str(small_twin), "bob", "--role", "moderator", "--comments", str(community)],
        input="long enough\nlong enough\n",
    )  # prompted twice, no echo
    assert result.exit_code == 0, result.output
    assert "long enough" not in result.output
    listed = runner.invoke(users, ["list", str(small_twin), "--comments", str(community)])
    assert listed.output.strip() == "bob\tmoderator"
    assert Community(community).authenticate("bob", "long enough").role == "moderator"
    short = runner.invoke(
        users,
        ["add", str(small_twin), "eve", "--password-stdin", "--comments", str(community)],
        input="short\n",
    )
    assert short.exit_code != 0 and "at least 8" in str(short.exception)
    removed = runner.invoke(users, ["remove", str(small_twin), "bob", "--comments", str(community)])
    assert removed.exit_code == 0 and Community(community).users() == []


def test_default_community_file_sits_next_to_the_twin() -> None:
    assert community_path_for(Path("/x/helsinki.duckdb")) == Path("/x/helsinki.community.sqlite")


def test_api_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "https://" not in page.text and "http://" not in page.text  # no CDN, no fonts
    assert "/app/docs/swagger-ui-bundle.js" in page.text
    assert client.get("/app/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/app/docs/swagger-ui.css").status_code == 200
    assert client.get("/redoc").status_code == 404  # ReDoc would load from a CDN


def test_body_without_length_is_counted(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"{"
        for _ in range(70):
            yield b" " * 1000
        yield b"}"

    response = client.post(
        "/api/scenarios", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["detail"] == "request body larger than 64000 bytes"


def test_thread_limit_is_applied_at_start_up(settings: ApiSettings) -> None:
    import anyio.to_thread

    app = create_app(replace(settings, threads=3))
    with TestClient(app) as client:
        tokens = client.portal.call(
            lambda: anyio.to_thread.current_default_thread_limiter().total_tokens
        )
    assert tokens == 3
