"""Fixtures for the map app's browser tests: the real API server on a free port and headless
Debian Chromium (WebGL through SwiftShader), with screenshots kept under ``test-artifacts/``."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
READY_TIMEOUT_MS = 120_000
USERS = {"alice": ("alice-secret-pw", "stakeholder"), "moira": ("moira-secret-pw", "moderator")}
DISPLAY_NAMES = {"alice": "Alice Aalto", "moira": "Moira Moderator"}
"""What the map shows beside each user's comments (never the user name)."""


@dataclass(frozen=True)
class Server:
    """A running DikaS server: its base URL, twin and the users created for the tests."""

    url: str
    twin: Path
    min_count: int
    users: dict[str, tuple[str, str]] = field(default_factory=dict)
    community: Path | None = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(helsinki_twin: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``dikas.api.app.create_app`` under uvicorn on 127.0.0.1, with a stakeholder and a
    moderator account in a fresh comments database."""
    from dikas.api.app import create_app
    from dikas.api.community import Community
    from dikas.api.settings import ApiSettings

    community_file = tmp_path_factory.mktemp("community") / "community.sqlite"
    community = Community(community_file)
    for name, (password, role) in USERS.items():
        community.add_user(name, password, role=role, display_name=DISPLAY_NAMES[name])
    settings = ApiSettings(twin_path=helsinki_twin, community_path=community_file)
    app = create_app(settings)
    with serving(app, ready_path="/api/meta", timeout_s=120) as url:
        yield Server(
            url=url,
            twin=helsinki_twin,
            min_count=settings.min_count,
            users=USERS,
            community=community_file,
        )


@contextmanager
def serving(
    app: object, *, ready_path: str = "/api/status", timeout_s: float = 60
) -> Iterator[str]:
    """Run an ASGI app under uvicorn on a free loopback port until the block ends; the URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,  # type: ignore[arg-type]
            log_level="warning",
            server_header=False,
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}{ready_path}", timeout=30).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        pytest.fail(f"the DikaS server did not answer {ready_path} within {timeout_s:g} s")
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class NetworkLog:
    """Every request the page made, and those that failed or answered with an error."""

    urls: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def foreign_hosts(self) -> set[str]:
        hosts = {
            urlsplit(u).hostname
            for u in self.urls
            if urlsplit(u).scheme in ("http", "https", "ws", "wss")
        }
        return hosts - {"127.0.0.1", "localhost"}


def attach_network_log(page: Page) -> NetworkLog:
    """Record the page's requests (data: and blob: URLs never leave the machine)."""
    log = NetworkLog()
    page.on("request", lambda request: log.urls.append(request.url))
    page.on("requestfailed", lambda request: log.failed.append(f"{request.url}: {request.failure}"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and log.failed.append(f"{response.url}: HTTP {response.status}")
        ),
    )
    return log


def open_app(browser: Browser, url: str) -> tuple[BrowserContext, Page, NetworkLog]:
    """A new browser context and page on the app, after its first map is rendered."""
    context = browser.new_context(viewport={"width": 1000, "height": 640})
    page = context.new_page()
    log = attach_network_log(page)
    page.goto(url)
    wait_until(
        page,
        "window.dikasReady === true || document.body.dataset.state === 'error'",
        timeout_ms=READY_TIMEOUT_MS,
    )
    return context, page, log


def wait_until(page: Page, expression: str, *, timeout_ms: float = 30_000) -> None:
    """Poll a JavaScript expression until it is truthy.

    Not ``page.wait_for_function``: that evaluates its predicate with ``eval``, which the
    server's Content-Security-Policy (``script-src 'self'``) forbids on the page.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{expression!r} not true within {timeout_ms / 1000:g} s")
        page.wait_for_timeout(100)


def save_screenshot(page: Page, name: str) -> None:
    """Keep a screenshot of the page as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.fixture(scope="module")
def app_page(browser: Browser, server: Server) -> Iterator[tuple[Page, NetworkLog]]:
    """The app loaded once per module (a first render under SwiftShader takes seconds)."""
    context, page, log = open_app(browser, server.url + "/")
    yield page, log
    context.close()
