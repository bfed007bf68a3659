"""The comments panel in the browser: each comment's display name, date and postal area
name; "show on map" moves the map to it; comment symbols differ from service points; area
comments are drawn as areas; the panel passes axe (WCAG 2.1 AA), signed out and as a
moderator. Checks read the page and the map's state, never pixel coordinates."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import httpx

import dikas
from tests.web.axe import assert_accessible
from tests.web.conftest import DISPLAY_NAMES, READY_TIMEOUT_MS, Server, wait_until

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _sign_in(server: Server, name: str) -> dict[str, str]:
    password, _role = server.users[name]
    token = httpx.post(
        f"{server.url}/api/auth/token", json={"username": name, "password": password}, timeout=60
    ).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def _english_date(iso: str) -> str:
    """What ``Intl.DateTimeFormat('en-GB', {dateStyle: 'medium'})`` writes."""
    day = datetime.fromisoformat(iso)
    return f"{day.day} {day.strftime('%b')} {day.year}"


def test_comment_list_shows_date_and_area_name_and_locates(app_page, server: Server) -> None:
    page: Page = app_page[0]
    page.evaluate("""window.cspViolations = [];
        document.addEventListener('securitypolicyviolation',
            (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));""")
    meta = httpx.get(f"{server.url}/api/meta", timeout=60).json()
    with dikas.open(server.twin) as twin:
        areas = twin.read(
            "areas", year=max(meta["years"]), columns=["postal_code", "name", "geometry"]
        )
    areas = areas.assign(size=areas.area).sort_values("size", ascending=False).to_crs(4326)
    first, second = areas.iloc[0], areas.iloc[1]
    alice = _sign_in(server, "alice")
    by_area = httpx.post(
        f"{server.url}/api/comments",
        headers=alice,
        timeout=60,
        json={
            "postal_code": first.postal_code,
            "text": "Shade for the playground",
            "category": "need",
        },
    ).json()
    inside = second.geometry.representative_point()
    d = 0.0008
    ring = [
        [inside.x - d, inside.y - d],
        [inside.x + d, inside.y - d],
        [inside.x + d, inside.y + d],
        [inside.x - d, inside.y + d],
        [inside.x - d, inside.y - d],
    ]
    drawn = httpx.post(
        f"{server.url}/api/comments",
        headers=alice,
        timeout=60,
        json={
            "area": {"type": "Polygon", "coordinates": [ring]},
            "text": "Too hot in summer here",
            "category": "concern",
        },
    )
    assert drawn.status_code == 201, drawn.text
    drawn = drawn.json()

    page.click('#tabs button[data-tab="comments"]')
    page.evaluate("dikas.state.comments.refresh()")
    item = f"#comment-list li[data-id='{drawn['id']}']"
    page.wait_for_selector(item, timeout=READY_TIMEOUT_MS)
    assert page.get_attribute(item, "data-kind") == "area"
    assert page.inner_text(f"{item} .comment-author") == DISPLAY_NAMES["alice"]
    assert "alice" not in page.inner_text("#comment-list")  # the user name never shows
    created = drawn["properties"]["created_at"]
    assert page.get_attribute(f"{item} .comment-date", "datetime") == created
    assert page.inner_text(f"{item} .comment-date") == _english_date(created)
    assert page.inner_text(f"{item} .comment-area") == f"{second['name']} ({second.postal_code})"
    other = f"#comment-list li[data-id='{by_area['id']}']"
    assert page.inner_text(f"{other} .comment-area") == f"{first['name']} ({first.postal_code})"
    assert page.get_attribute(other, "data-kind") == "point"

    # comments are speech balloons (deck.gl icons), service points are map circles, and
    # area comments are polygons
    points = [
        f
        for f in httpx.get(f"{server.url}/api/comments", params={"limit": 200}, timeout=60).json()[
            "features"
        ]
    ]
    wait_until(
        page,
        "(dikas.state.overlayLayers || []).some(l => l.id === 'comment-areas' "
        "&& l.props.data.length > 0)",
    )
    layers = page.evaluate("""Object.fromEntries(dikas.state.overlayLayers.map(l => [l.id,
        [l.constructor.layerName, l.props.data.length]]))""")
    assert layers["comments"] == [
        "IconLayer",
        sum(f["geometry"]["type"] == "Point" for f in points),
    ]
    assert layers["comment-areas"] == [
        "PolygonLayer",
        sum(f["geometry"]["type"] == "Polygon" for f in points),
    ]
    assert page.evaluate("dikas.map.getLayer('services').type") == "circle"
    # the balloon is drawn in a canvas: nothing is fetched that the CSP refuses
    page.wait_for_timeout(500)
    assert page.evaluate("window.cspViolations") == []

    # "show on map": the map moves so that the drawn area is in view
    page.evaluate("dikas.map.jumpTo({center: [0, 0], zoom: 3})")
    page.click(f"{item} .locate-comment")
    assert page.get_attribute("#comments", "data-located") == str(drawn["id"])
    wait_until(
        page,
        f"""(() => {{ const b = dikas.map.getBounds();
        return !dikas.map.isMoving() && b.contains([{ring[0][0]}, {ring[0][1]}])
            && b.contains([{ring[2][0]}, {ring[2][1]}]); }})()""",
    )
    assert "located" in (page.get_attribute(item, "class") or "")
    page.click(f"{other} .locate-comment")
    wait_until(
        page,
        f"""(() => {{ const b = dikas.map.getBounds();
        const p = {by_area["geometry"]["coordinates"]};
        return !dikas.map.isMoving() && b.contains(p); }})()""",
    )

    assert_accessible(page, state="comments-panel", include=["#comments"])


def test_moderator_panel_and_privacy_notice_are_accessible(app_page, server: Server) -> None:
    page: Page = app_page[0]
    page.click('#tabs button[data-tab="comments"]')
    if page.is_visible("#sign-out"):
        page.click("#sign-out")
    password, _role = server.users["moira"]
    page.fill("#login-form input[name=username]", "moira")
    page.fill("#login-form input[name=password]", password)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector(
        "#comments[data-role=moderator] #moderation-reason", timeout=READY_TIMEOUT_MS
    )
    assert page.is_visible("#comment-export")
    page.click("#privacy-open")
    page.wait_for_selector("#privacy-notice h3", timeout=READY_TIMEOUT_MS)
    assert page.inner_text("#privacy-notice h3") == "Privacy notice: comments and accounts"
    assert "1095 days" in page.inner_text("#privacy-notice")
    page.click("#account summary")
    assert_accessible(page, state="comments-moderator", include=["#comments"])
    page.click("#sign-out")
    page.wait_for_selector("#login-form:not([hidden])", timeout=READY_TIMEOUT_MS)
