"""Stakeholder comments: sign-in, writes need a token, moderation, export, OGC layer."""

from __future__ import annotations

import sqlite3

import pytest
import shapely
from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.community import Community, hash_password, verify_password
from dikas.api.settings import ApiSettings
from tests.api.conftest import PASSWORD, token_for
from tests.api.small_twin import ORIGIN

TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)


def test_password_hashing() -> None:
    stored = hash_password("s3cret-pass", salt=b"0123456789abcdef")
    assert stored.startswith("scrypt$16384$8$1$") and "s3cret-pass" not in stored
    assert verify_password("s3cret-pass", stored)
    assert not verify_password("s3cret-pasS", stored)
    assert hash_password("s3cret-pass") != hash_password("s3cret-pass")  # random salt


def test_passwords_are_not_stored_in_clear(settings: ApiSettings) -> None:
    content = settings.community_file.read_bytes()
    assert PASSWORD.encode() not in content


def test_sign_in(client: TestClient) -> None:
    response = client.post("/api/auth/token", json={"username": "mod", "password": PASSWORD})
    body = response.json()
    assert body["token_type"] == "bearer" and body["role"] == "moderator"
    wrong = client.post("/api/auth/token", json={"username": "mod", "password": "nope-nope"})
    assert wrong.status_code == 401
    assert wrong.json()["detail"] == "wrong user name or password"
    unknown = client.post("/api/auth/token", json={"username": "eve", "password": PASSWORD})
    assert unknown.status_code == 401
    assert client.post("/api/auth/token", json={"username": "mod"}).status_code == 422


def test_writes_need_a_valid_token(client: TestClient) -> None:
    body = {"lon": 24.95, "lat": 60.17, "text": "Benches please", "category": "need"}
    assert client.post("/api/comments", json=body).status_code == 401
    bad = {"Authorization": "Bearer abc.def"}
    assert client.post("/api/comments", json=body, headers=bad).status_code == 401
    headers = token_for(client, "alice")
    payload, signature = headers["Authorization"].split()[1].split(".")
    forged = {"Authorization": f"Bearer {payload}x.{signature}"}
    assert client.post("/api/comments", json=body, headers=forged).status_code == 401


def test_comment_lifecycle(client: TestClient) -> None:
    alice, moderator = token_for(client, "alice"), token_for(client, "mod")
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 1500, ORIGIN[1] + 500)  # inside area 00200
    created = client.post(
        "/api/comments",
        headers=alice,
        json={"lon": lon, "lat": lat, "text": "  More trees here ", "category": "idea"},
    )
    assert created.status_code == 201, created.text
    feature = created.json()
    assert feature["properties"]["postal_code"] == "00200"
    assert feature["properties"]["text"] == "More trees here"
    # in public: the display name, the date and the postal area's name, never the user name
    assert feature["properties"]["author_name"] == "Alice Aalto"
    assert "author" not in feature["properties"]
    assert feature["properties"]["area_name"] == "Area 2"
    assert feature["properties"]["created_at"][:4].isdigit()
    assert feature["geometry"]["coordinates"] == pytest.approx([lon, lat])
    comment_id = feature["id"]

    by_area = client.post(
        "/api/comments",
        headers=alice,
        json={"postal_code": "00300", "text": "Unsafe crossing", "category": "concern"},
    ).json()
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:3067", always_xy=True).transform(
        *by_area["geometry"]["coordinates"]
    )
    assert shapely.box(ORIGIN[0] + 2000, ORIGIN[1], ORIGIN[0] + 3000, ORIGIN[1] + 1000).contains(
        shapely.Point(x, y)
    )

    public = client.get("/api/comments").json()
    assert {f["id"] for f in public["features"]} >= {comment_id, by_area["id"]}
    ideas = client.get("/api/comments?category=idea").json()
    assert all(f["properties"]["category"] == "idea" for f in ideas["features"])
    minlon, minlat, maxlon, maxlat = TO_WGS84.transform_bounds(
        ORIGIN[0] + 1000, ORIGIN[1], ORIGIN[0] + 2000, ORIGIN[1] + 1000
    )
    boxed = client.get(f"/api/comments?bbox={minlon},{minlat},{maxlon},{maxlat}").json()
    # the session's community also holds other modules' comments: all inside the box, ours too
    assert comment_id in [f["id"] for f in boxed["features"]]
    assert by_area["id"] not in [f["id"] for f in boxed["features"]]
    for f in boxed["features"]:
        shape = shapely.geometry.shape(f["geometry"])
        assert shape.intersects(shapely.box(minlon, minlat, maxlon, maxlat))

    reason = {"reason": "duplicate"}
    assert (
        client.post(f"/api/comments/{comment_id}/hide", headers=alice, json=reason).status_code
        == 403
    )
    assert client.post(f"/api/comments/{comment_id}/hide", json=reason).status_code == 401
    hidden = client.post(f"/api/comments/{comment_id}/hide", headers=moderator, json=reason)
    assert hidden.status_code == 200
    assert hidden.json() == {"id": comment_id, "hidden": True, "reason": "duplicate"}
    assert (
        client.post("/api/comments/999999/hide", headers=moderator, json=reason).status_code == 404
    )

    public_ids = {f["id"] for f in client.get("/api/comments").json()["features"]}
    assert comment_id not in public_ids and by_area["id"] in public_ids
    moderated = {
        f["id"]: f["properties"]
        for f in client.get("/api/comments", headers=moderator).json()["features"]
    }
    assert moderated[comment_id]["hidden_reason"] == "duplicate"
    assert moderated[comment_id]["author"] == "alice"

    assert client.get("/api/comments/export").status_code == 401
    assert client.get("/api/comments/export", headers=alice).status_code == 403
    export = client.get("/api/comments/export", headers=moderator)
    assert "attachment" in export.headers["content-disposition"]
    exported = {f["id"]: f["properties"] for f in export.json()["features"]}
    assert exported[comment_id]["hidden"] is True and exported[comment_id]["author"] == "alice"
    assert exported[by_area["id"]]["area_name"] == "Area 3"
    ogc = client.get("/ogc/collections/comments/items").json()
    assert {f["properties"]["comment_id"] for f in ogc["features"]} == public_ids


@pytest.mark.parametrize(
    "body",
    [
        {"lon": 24.95, "lat": 60.17, "text": "x", "category": "rant"},
        {"lon": 24.95, "text": "x", "category": "need"},
        {"text": "x", "category": "need"},
        {"lon": 24.95, "lat": 60.17, "text": "", "category": "need"},
        {"lon": 24.95, "lat": 60.17, "text": "x" * 2001, "category": "need"},
        {"lon": 240, "lat": 60.17, "text": "x", "category": "need"},
    ],
)
def test_bad_comments_are_422(client: TestClient, body: dict) -> None:
    response = client.post("/api/comments", json=body, headers=token_for(client, "alice"))
    assert response.status_code == 422, response.text
    assert isinstance(response.json()["detail"], str)


def test_unknown_area_and_bad_filters(client: TestClient) -> None:
    alice = token_for(client, "alice")
    response = client.post(
        "/api/comments",
        headers=alice,
        json={"postal_code": "99999", "text": "x", "category": "need"},
    )
    assert response.status_code == 404
    assert client.get("/api/comments?category=rant").status_code == 400
    assert client.get("/api/comments?bbox=1,2").status_code == 400


def test_oversized_body_is_413(client: TestClient) -> None:
    response = client.post(
        "/api/comments",
        content=b"{" + b" " * 70_000 + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_removed_user_token_stops_working(client: TestClient, settings: ApiSettings) -> None:
    community = Community(settings.community_file)
    community.add_user("temp", PASSWORD, role="stakeholder")
    headers = token_for(client, "temp")
    community.remove_user("temp")
    response = client.post(
        "/api/comments",
        headers=headers,
        json={"postal_code": "00100", "text": "x", "category": "need"},
    )
    assert response.status_code == 401
    with sqlite3.connect(settings.community_file) as con:
        assert con.execute("SELECT count(*) FROM users WHERE username = 'temp'").fetchone() == (0,)


def test_non_ascii_token_is_401_not_500(client: TestClient) -> None:
    body = {"postal_code": "00100", "text": "x", "category": "need"}
    response = client.post(
        "/api/comments", json=body, headers={"Authorization": "Bearer abc.d\u00e9f".encode()}
    )
    assert response.status_code == 401


def test_public_reads_ignore_stale_credentials(client: TestClient) -> None:
    anonymous = client.get("/api/comments").json()
    for header in ("Bearer abc.def", "Basic YWxpY2U6c2VjcmV0"):
        response = client.get("/api/comments", headers={"Authorization": header})
        assert response.status_code == 200
        assert response.json() == anonymous


def test_points_outside_the_twin_are_refused(client: TestClient) -> None:
    alice = token_for(client, "alice")
    response = client.post(
        "/api/comments",
        headers=alice,
        json={"lon": 0.0, "lat": 0.0, "text": "x", "category": "need"},
    )
    assert response.status_code == 400
    assert "outside the twin's areas" in response.json()["detail"]


def test_failed_sign_ins_are_throttled(settings: ApiSettings) -> None:
    from dataclasses import replace

    from dikas.api.app import create_app

    with TestClient(create_app(replace(settings, sign_in_attempts=3))) as fresh:

        def sign_in(password: str) -> int:
            return fresh.post(
                "/api/auth/token", json={"username": "mod", "password": password}
            ).status_code

        assert [sign_in("wrong-one") for _ in range(3)] == [401, 401, 401]
        # from the client that failed, even the right password waits out the window
        assert sign_in(PASSWORD) == 429
        other = fresh.post("/api/auth/token", json={"username": "alice", "password": PASSWORD})
        assert other.status_code == 200  # per user name


def test_sign_in_throttle_window() -> None:
    from dikas.api.errors import TooManyAttemptsError
    from dikas.api.throttle import SignInThrottle

    now = [0.0]
    throttle = SignInThrottle(2, 60.0, clock=lambda: now[0])
    throttle.failed("a", "client")
    now[0] = 30.0
    throttle.failed("a", "client")
    with pytest.raises(TooManyAttemptsError, match="try again in 30 s"):
        throttle.check("a", "client")
    throttle.check("b", "client")
    now[0] = 60.0  # the first failure leaves the window
    throttle.check("a", "client")
    throttle.failed("a", "client")
    with pytest.raises(TooManyAttemptsError):
        throttle.check("a", "client")
    throttle.check("a", "elsewhere")  # a client without failures may still try


def test_only_the_newest_scenario_runs_are_kept(tmp_path) -> None:
    community = Community(tmp_path / "c.sqlite")
    for i in range(5):
        community.save_scenario(f"s{i}", f"run {i}", {"i": i}, keep=3)
    assert community.scenario("s4") == {"i": 4}
    assert community.scenario("s2") == {"i": 2}
    with pytest.raises(LookupError):
        community.scenario("s1")
