"""Shared fixtures: where the real-data mirror is, and a twin built from it once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

_DEFAULT_MIRROR = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def mirror_dir() -> Path | None:
    """The data mirror: ``DIKAS_DATA_DIR`` or ``../shared/data`` beside the checkout."""
    configured = os.environ.get("DIKAS_DATA_DIR")
    path = Path(configured) if configured else _DEFAULT_MIRROR
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The real-data mirror; tests that need it are skipped where it is absent."""
    path = mirror_dir()
    if path is None:
        pytest.skip("no data mirror (set DIKAS_DATA_DIR)")
    return path


@pytest.fixture(scope="session")
def helsinki_twin(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Helsinki twin, built once per test session from the mirror."""
    from dikas.settings import Settings
    from dikas.sources.catalog import load_catalog
    from dikas.twin.build import build_twin

    out = tmp_path_factory.mktemp("helsinki") / "twin.duckdb"
    settings = Settings(data_dir=data_dir, cache_dir=tmp_path_factory.mktemp("cache"))
    build_twin(load_catalog("helsinki-demo"), settings, out, show_progress=False)
    return out


@pytest.fixture(scope="session")
def mapserver(data_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """A real MapServer 8 (WFS 2.0 + OGC API) on loopback serving the staged real data
    under the producers' layer names (see tests/servers/mapserver.py); skipped without it."""
    from tests.servers.mapserver import mapserv_binary, start_mapserver

    if mapserv_binary() is None:
        pytest.skip("MapServer (cgi-mapserver) is not installed; .ci/run installs it")
    gateway = start_mapserver(data_dir, tmp_path_factory.mktemp("mapserver"))
    yield gateway
    gateway.stop()


@pytest.fixture
def clean_mapserver(mapserver):  # type: ignore[no-untyped-def]
    """The session's MapServer with no injected fault and an empty request log (reset after
    the test too, so one test's tampering never reaches the next)."""
    mapserver.tamper = None
    mapserver.requests.clear()
    yield mapserver
    mapserver.tamper = None


# -- browsers ---------------------------------------------------------------------------------
# One Chromium for the whole session, shared by the map app's tests (tests/web) and the
# survey page's (tests/surveys): Playwright's sync API cannot start a second instance while
# the first one runs.


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; the browser tests skip where it is not installed."""
    from tests.web.conftest import CHROMIUM

    if not CHROMIUM.is_file():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium) for browser tests")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    """One headless Chromium for the session."""
    from playwright.sync_api import sync_playwright

    from tests.web.conftest import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield instance
        instance.close()
