"""The map app and the Swagger UI under the server's Content-Security-Policy, in Chromium:
no policy violation, the map renders, Swagger UI starts, and sign-in posts JSON and sign-out
revokes the token (the small test twin; skipped without /usr/bin/chromium)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.api.small_twin import write_small_twin
from tests.web.conftest import READY_TIMEOUT_MS, serving, wait_until

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:

    from dikas.api.app import create_app
    from dikas.api.community import Community
    from dikas.api.settings import ApiSettings

    folder = tmp_path_factory.mktemp("csp")
    twin = write_small_twin(folder / "twin.duckdb")
    Community(folder / "c.sqlite").add_user("alice", PASSWORD, role="stakeholder")
    app = create_app(ApiSettings(twin_path=twin, community_path=folder / "c.sqlite"))
    with serving(app) as url:
        yield url


def _violations(page: Page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and found.append(message.text),
    )
    return found


def test_map_app_runs_under_the_policy_and_signs_in_with_json(
    browser: Browser, small_server: str
) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 640})
    page = context.new_page()
    violations = _violations(page)
    posts: list[tuple[str, str | None]] = []
    page.on(
        "request",
        lambda request: (
            request.method == "POST"
            and posts.append((request.url, request.headers.get("content-type")))
        ),
    )
    response = page.goto(small_server)
    assert (
        response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    )
    wait_until(
        page,
        "window.dikasReady === true || document.body.dataset.state === 'error'",
        timeout_ms=READY_TIMEOUT_MS,
    )
    assert page.evaluate("document.body.dataset.state") != "error"
    page.click("#tabs button[data-tab=comments]")
    page.fill("#login-form input[name=username]", "alice")
    page.fill("#login-form input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#comments[data-state=signed-in]")
    page.click("#sign-out")
    page.wait_for_selector("#comments[data-state=idle]")
    context.close()
    assert violations == []
    assert (f"{small_server}/api/auth/token", "application/json") in posts
    assert any(url == f"{small_server}/api/auth/logout" for url, _ in posts)


def test_swagger_ui_runs_under_the_policy(browser: Browser, small_server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    violations = _violations(page)
    page.goto(f"{small_server}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=30_000)  # operations listed
    paths = page.eval_on_selector_all(".opblock-summary-path", "els => els.map(e => e.textContent)")
    context.close()
    assert violations == []
    assert any("/api/auth/token" in path for path in paths)
