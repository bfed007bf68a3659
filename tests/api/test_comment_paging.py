"""Comments paged from SQLite, and writes that update the served layer by one row."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.app import create_app
from dikas.api.community import Community
from dikas.api.routes.comments import COMMENTS_PAGE, MAX_COMMENTS_PAGE
from dikas.api.settings import ApiSettings
from tests.api.conftest import PASSWORD, token_for
from tests.api.small_twin import ORIGIN

TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)


@pytest.fixture()
def app_client(settings: ApiSettings, tmp_path: Path) -> TestClient:
    """An app with its own community file holding 7 comments (ids 1–7, the 3rd a concern)."""
    path = tmp_path / "community.sqlite"
    community = Community(path)
    alice = community.add_user("alice", PASSWORD, role="stakeholder")
    community.add_user("mod", PASSWORD, role="moderator")
    for i in range(7):
        lon, lat = TO_WGS84.transform(ORIGIN[0] + 100 + 400 * i, ORIGIN[1] + 500)
        community.add_comment(
            alice,
            lon=lon,
            lat=lat,
            text=f"c{i + 1}",
            category="concern" if i == 2 else "idea",
            postal_code=None,
        )
    return TestClient(create_app(ApiSettings(twin_path=settings.twin_path, community_path=path)))


def test_pages_newest_first_with_total_and_next(app_client: TestClient) -> None:
    page = app_client.get("/api/comments?limit=3").json()
    assert [f["id"] for f in page["features"]] == [7, 6, 5]
    assert page["numberMatched"] == 7 and page["numberReturned"] == 3
    assert page["links"] == [
        {"rel": "next", "type": "application/geo+json", "href": "/api/comments?limit=3&offset=3"}
    ]
    second = app_client.get(page["links"][0]["href"]).json()
    assert [f["id"] for f in second["features"]] == [4, 3, 2]
    last = app_client.get("/api/comments?limit=3&offset=6").json()
    assert [f["id"] for f in last["features"]] == [1] and "links" not in last
    assert app_client.get("/api/comments?offset=50").json()["features"] == []
    ideas = app_client.get("/api/comments?category=idea&limit=2").json()
    assert ideas["numberMatched"] == 6
    assert ideas["links"][0]["href"] == "/api/comments?category=idea&limit=2&offset=2"
    # the default page holds them all here; bigger pages than the maximum are refused
    assert app_client.get("/api/comments").json()["numberReturned"] == 7 <= COMMENTS_PAGE
    for bad in (
        "limit=0",
        f"limit={MAX_COMMENTS_PAGE + 1}",
        "offset=-1",
        "offset=99999999999999999999",
    ):
        response = app_client.get(f"/api/comments?{bad}")
        assert response.status_code == 400, bad
        assert "\n" not in response.json()["detail"]


def test_writes_update_the_served_layer_without_reloading(
    app_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = "/ogc/collections/comments/items"
    with app_client:
        assert app_client.get(items).json()["numberMatched"] == 7  # loads the served layer
        context = app_client.app.state.context
        # a write reads nothing but its own row
        monkeypatch.setattr(context.community, "comments", _must_not_reload)
        alice, moderator = token_for(app_client, "alice"), token_for(app_client, "mod")
        lon, lat = TO_WGS84.transform(ORIGIN[0] + 1500, ORIGIN[1] + 500)
        created = app_client.post(
            "/api/comments",
            headers=alice,
            json={"lon": lon, "lat": lat, "text": "new bench", "category": "need"},
        )
        assert created.status_code == 201, created.text
        assert created.json()["id"] == 8
        assert created.json()["properties"]["postal_code"] == "00200"
        served = app_client.get(items).json()
        assert served["numberMatched"] == 8
        new = app_client.get(f"{items}/8").json()
        assert new["properties"]["text"] == "new bench"
        assert new["geometry"]["coordinates"] == pytest.approx([lon, lat])
        # hiding drops exactly that row
        assert (
            app_client.post(
                "/api/comments/3/hide", headers=moderator, json={"reason": "spam"}
            ).status_code
            == 200
        )
        ids = [f["properties"]["comment_id"] for f in app_client.get(items).json()["features"]]
        assert ids == [1, 2, 4, 5, 6, 7, 8]
        assert app_client.get(f"{items}/3").status_code == 404
        assert app_client.get("/api/comments?category=concern").json()["numberMatched"] == 0
        moderated = app_client.get("/api/comments?category=concern", headers=moderator).json()
        assert [f["id"] for f in moderated["features"]] == [3]


def _must_not_reload(**_: object) -> None:
    raise AssertionError("a comment write reloaded every comment")
