"""Moderation with a reason, the audit log and undo; nested roles; area comments."""

from __future__ import annotations

import pytest
import shapely
from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.community import User
from dikas.api.errors import AuthenticationError, ForbiddenError
from dikas.api.security import has_role, require_role
from tests.api.conftest import token_for
from tests.api.small_twin import ORIGIN

TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)


def _lonlat(dx: float, dy: float) -> list[float]:
    return list(TO_WGS84.transform(ORIGIN[0] + dx, ORIGIN[1] + dy))


def _post(client: TestClient, headers: dict[str, str], text: str) -> int:
    lon, lat = _lonlat(500, 500)  # area 00100
    response = client.post(
        "/api/comments",
        headers=headers,
        json={"lon": lon, "lat": lat, "text": text, "category": "concern"},
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _public_ids(client: TestClient) -> set[int]:
    return {f["id"] for f in client.get("/api/comments", params={"limit": 5000}).json()["features"]}


def test_roles_nest() -> None:
    organiser, moderator, stakeholder = (
        User("o", "organiser"),
        User("m", "moderator"),
        User("s", "stakeholder"),
    )
    assert [has_role(u, "moderator") for u in (organiser, moderator, stakeholder)] == [
        True,
        True,
        False,
    ]
    assert [has_role(u, "organiser") for u in (organiser, moderator, stakeholder)] == [
        True,
        False,
        False,
    ]
    assert all(has_role(u, "stakeholder") for u in (organiser, moderator, stakeholder))
    assert not has_role(None, "stakeholder") and not has_role(User("x", "admin"), "stakeholder")
    require_role(organiser, "moderator")
    with pytest.raises(ForbiddenError, match="needs the organiser role"):
        require_role(moderator, "organiser")
    with pytest.raises(AuthenticationError):
        require_role(None, "stakeholder")
    with pytest.raises(ValueError, match="unknown role"):
        has_role(organiser, "admin")


def test_hide_with_reason_audit_and_restore(client: TestClient) -> None:
    alice, moderator, organiser = (
        token_for(client, "alice"),
        token_for(client, "mod"),
        token_for(client, "org"),
    )
    comment_id = _post(client, alice, "Rude words")
    url = f"/api/comments/{comment_id}"
    assert client.post(f"{url}/hide", headers=moderator).status_code == 422  # no reason
    assert client.post(f"{url}/hide", headers=moderator, json={"reason": "   "}).status_code == 422
    assert (
        client.post(f"{url}/hide", headers=moderator, json={"reason": "x" * 501}).status_code == 422
    )
    hidden = client.post(f"{url}/hide", headers=moderator, json={"reason": " insults "})
    assert hidden.json() == {"id": comment_id, "hidden": True, "reason": "insults"}
    assert comment_id not in _public_ids(client)
    again = client.post(f"{url}/hide", headers=moderator, json={"reason": "insults"})
    assert again.status_code == 409 and again.json()["detail"] == (
        f"comment {comment_id} is already hidden"
    )

    log = client.get("/api/moderation/log", headers=moderator).json()
    newest = log["entries"][0]
    assert (newest["actor"], newest["action"], newest["target"], newest["reason"]) == (
        "mod",
        "hide",
        f"comment:{comment_id}",
        "insults",
    )
    assert newest["at"][:2] == "20" and log["numberMatched"] >= 1

    # undo: stakeholders may not, moderators and organisers may
    assert client.post(f"{url}/restore", headers=alice, json={"reason": "mine"}).status_code == 403
    assert client.post(f"{url}/restore", json={"reason": "x"}).status_code == 401
    restored = client.post(
        f"{url}/restore", headers=organiser, json={"reason": "hidden by mistake"}
    )
    assert restored.json() == {"id": comment_id, "hidden": False, "reason": "hidden by mistake"}
    assert comment_id in _public_ids(client)
    ogc = client.get("/ogc/collections/comments/items", params={"limit": 1000}).json()
    assert comment_id in {f["properties"]["comment_id"] for f in ogc["features"]}
    assert client.post(f"{url}/restore", headers=organiser, json={"reason": "x"}).status_code == 409
    moderated = {
        f["id"]: f["properties"]
        for f in client.get("/api/comments", headers=moderator, params={"limit": 5000}).json()[
            "features"
        ]
    }
    assert moderated[comment_id]["hidden"] is False
    assert moderated[comment_id]["hidden_reason"] is None
    entries = client.get("/api/moderation/log", headers=moderator, params={"limit": 2}).json()[
        "entries"
    ]
    assert [(e["actor"], e["action"], e["reason"]) for e in entries] == [
        ("org", "restore", "hidden by mistake"),
        ("mod", "hide", "insults"),
    ]
    paged = client.get(
        "/api/moderation/log", headers=moderator, params={"limit": 1, "offset": 1}
    ).json()["entries"]
    assert paged == entries[1:]


def test_audit_log_and_export_need_a_moderator(client: TestClient) -> None:
    assert client.get("/api/moderation/log").status_code == 401
    assert client.get("/api/moderation/log", headers=token_for(client, "alice")).status_code == 403
    assert client.get("/api/comments/export", headers=token_for(client, "org")).status_code == 200


AREA_00200 = [
    _lonlat(1200, 200),
    _lonlat(1800, 200),
    _lonlat(1800, 800),
    _lonlat(1200, 800),
    _lonlat(1200, 200),
]


def test_area_comment_is_drawn_as_its_polygon(client: TestClient) -> None:
    alice = token_for(client, "alice")
    created = client.post(
        "/api/comments",
        headers=alice,
        json={
            "area": {"type": "Polygon", "coordinates": [AREA_00200]},
            "text": "Too hot here",
            "category": "concern",
        },
    )
    assert created.status_code == 201, created.text
    feature = created.json()
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["geometry"]["coordinates"][0] == [pytest.approx(p) for p in AREA_00200]
    assert feature["properties"]["postal_code"] == "00200"
    assert feature["properties"]["area_name"] == "Area 2"
    listed = {
        f["id"]: f for f in client.get("/api/comments", params={"limit": 5000}).json()["features"]
    }
    assert listed[feature["id"]]["geometry"]["type"] == "Polygon"
    ogc = client.get(f"/ogc/collections/comments/items/{feature['id']}")
    assert ogc.status_code == 200 and ogc.json()["geometry"]["type"] == "Polygon"
    # the box filter uses the point inside the area
    minlon, minlat, maxlon, maxlat = TO_WGS84.transform_bounds(
        ORIGIN[0] + 1000, ORIGIN[1], ORIGIN[0] + 2000, ORIGIN[1] + 1000
    )
    boxed = client.get(f"/api/comments?bbox={minlon},{minlat},{maxlon},{maxlat}&limit=5000")
    assert feature["id"] in {f["id"] for f in boxed.json()["features"]}
    inside = shapely.geometry.shape(feature["geometry"])
    assert inside.area > 0


def _ring(n: int) -> list[list[float]]:
    import math

    points = [
        _lonlat(
            1500 + 200 * math.cos(2 * math.pi * k / n), 500 + 200 * math.sin(2 * math.pi * k / n)
        )
        for k in range(n)
    ]
    return [*points, points[0]]


@pytest.mark.parametrize(
    ("area", "message"),
    [
        ({"type": "Polygon", "coordinates": [[*AREA_00200[:-1], AREA_00200[1]]]}, "not closed"),
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [AREA_00200[0], AREA_00200[2], AREA_00200[1], AREA_00200[3], AREA_00200[0]]
                ],
            },
            "not valid",
        ),
        ({"type": "Polygon", "coordinates": [_ring(500)]}, "at most 500 items"),
        ({"type": "Polygon", "coordinates": [_ring(300), _ring(250)]}, "more than 500 positions"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [0, 0], [0, 0], [0, 0]]]}, "not valid"),
        (
            {"type": "Polygon", "coordinates": [[[200, 60], [201, 60], [201, 61], [200, 60]]]},
            "outside lon",
        ),
        ({"type": "Point", "coordinates": [24.9, 60.1]}, "Polygon"),
        ({"type": "Polygon", "coordinates": [AREA_00200[:3]]}, "at least 4"),
    ],
)
def test_bad_areas_are_refused(client: TestClient, area: dict, message: str) -> None:
    response = client.post(
        "/api/comments",
        headers=token_for(client, "alice"),
        json={"area": area, "text": "x", "category": "idea"},
    )
    # what the schema says is 422, what only the geometry tells is 400
    schema = message in ("Polygon", "at least 4", "at most 500 items")
    assert response.status_code == (422 if schema else 400), response.text
    assert message in response.json()["detail"]


def test_area_with_lon_lat_or_outside_the_twin_is_refused(client: TestClient) -> None:
    alice = token_for(client, "alice")
    both = client.post(
        "/api/comments",
        headers=alice,
        json={
            "area": {"type": "Polygon", "coordinates": [AREA_00200]},
            "lon": 24.9,
            "lat": 60.1,
            "text": "x",
            "category": "idea",
        },
    )
    assert both.status_code == 422 and "not both" in both.json()["detail"]
    far = [[0, 0], [0.01, 0], [0.01, 0.01], [0, 0]]
    outside = client.post(
        "/api/comments",
        headers=alice,
        json={"area": {"type": "Polygon", "coordinates": [far]}, "text": "x", "category": "idea"},
    )
    assert outside.status_code == 400 and "outside the twin's areas" in outside.json()["detail"]
    assert _ring(499)  # 500 positions with the closing one: accepted
    ok = client.post(
        "/api/comments",
        headers=alice,
        json={
            "area": {"type": "Polygon", "coordinates": [_ring(499)]},
            "text": "x",
            "category": "idea",
        },
    )
    assert ok.status_code == 201, ok.text


OLD_SCHEMA = """
CREATE TABLE users (username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
    created_at TEXT NOT NULL, token_version TEXT NOT NULL DEFAULT '');
CREATE TABLE comments (comment_id INTEGER PRIMARY KEY AUTOINCREMENT, author TEXT NOT NULL,
    category TEXT NOT NULL, text TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
    postal_code TEXT, created_at TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0,
    hidden_by TEXT, hidden_at TEXT);
INSERT INTO comments (author, category, text, lon, lat, created_at)
    VALUES ('alice', 'idea', 'from before', 24.9, 60.2, '2026-01-01T00:00:00+00:00');
"""


def test_a_sqlite_file_of_the_previous_version_is_upgraded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from dikas.api.community import Community

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as con:
        con.executescript(OLD_SCHEMA)
    community = Community(path)
    with sqlite3.connect(path) as con:
        columns = {row[1] for row in con.execute("PRAGMA table_info(comments)")}
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
    assert {"author_name", "hidden_reason", "area"} <= columns
    assert {"audit_log", "invitations"} <= tables
    frame = community.comments()
    assert frame["text"].tolist() == ["from before"] and frame["author_name"].tolist() == [""]
    mod = community.add_user("mod", "password1", role="moderator")
    community.hide_comment(1, moderator=mod, reason="old")
    assert community.audit_log(limit=5)[1][0]["reason"] == "old"
    Community(path)  # opening again changes nothing
