"""Invitations, password change and reset, the privacy notice, a person's own data, the
retention purge (fixed clock) and the ``dikas users`` commands for them."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dikas.api.community import Community, User
from dikas.api.errors import ConflictError
from dikas.api.retention import Retention
from dikas.api.settings import ApiSettings
from dikas.errors import ConfigError, ParameterError
from tests.api.conftest import PASSWORD, token_for
from tests.cli_runner import run_dikas

NEW_PASSWORD = "a much newer password"


def _invite(client: TestClient, role: str = "stakeholder") -> str:
    response = client.post(
        "/api/invitations", headers=token_for(client, "org"), json={"role": role}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["url"].endswith(f"/#invitation={body['token']}") and body["kind"] == "invite"
    return str(body["token"])


def _accept(
    client: TestClient, token: str, username: str, *, display_name: str = "Someone"
) -> TestClient:
    return client.post(
        "/api/auth/accept-invitation",
        json={  # type: ignore[return-value]
            "token": token,
            "username": username,
            "display_name": display_name,
            "password": PASSWORD,
        },
    )


def _bearer(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def test_only_organisers_invite(client: TestClient) -> None:
    assert client.post("/api/invitations", json={}).status_code == 401
    for name in ("alice", "mod"):
        response = client.post("/api/invitations", headers=token_for(client, name), json={})
        assert response.status_code == 403
        assert response.json()["detail"] == (
            f"this needs the organiser role (signed in as "
            f"{'stakeholder' if name == 'alice' else 'moderator'})"
        )


def test_invitation_lifecycle(client: TestClient, settings: ApiSettings) -> None:
    token = _invite(client, "moderator")
    # stored hashed: the token itself is nowhere in the database file
    with sqlite3.connect(settings.community_file) as con:
        stored = [row[0] for row in con.execute("SELECT token_hash FROM invitations")]
    assert hashlib.sha256(token.encode()).hexdigest() in stored
    assert token.encode() not in settings.community_file.read_bytes()

    taken = _accept(client, token, "alice")  # an existing name: 409, the token stays usable
    assert taken.status_code == 409 and "taken" in taken.json()["detail"]
    accepted = _accept(client, token, "invited1", display_name="  Iida   Invited ")
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["role"] == "moderator"
    assert accepted.headers["cache-control"] == "no-store"
    comment = client.post(
        "/api/comments",
        headers=_bearer(accepted),
        json={"postal_code": "00100", "text": "Hello", "category": "idea"},
    )
    assert comment.json()["properties"]["author_name"] == "Iida Invited"
    signed_in = client.post("/api/auth/token", json={"username": "invited1", "password": PASSWORD})
    assert signed_in.json()["role"] == "moderator"

    reused = _accept(client, token, "invited2")
    assert reused.status_code == 400
    assert reused.json()["detail"] == "invitation already used; ask the organiser for a new one"
    unknown = _accept(client, "not-a-token", "invited3")
    assert unknown.status_code == 400 and unknown.json()["detail"] == (
        "invitation not valid (check the link)"
    )
    short = client.post(
        "/api/auth/accept-invitation",
        json={"token": token, "username": "x", "display_name": "x", "password": "short"},
    )
    assert short.status_code == 422


def test_expired_invitation(client: TestClient, settings: ApiSettings) -> None:
    # made eight days ago with a week's validity
    past = Community(settings.community_file, clock=lambda: datetime.now(UTC) - timedelta(days=8))
    made = past.invite("stakeholder", created_by="org", days=7)
    expired = _accept(client, made.token, "late")
    assert expired.status_code == 400
    assert expired.json()["detail"] == "invitation expired; ask the organiser for a new one"
    assert (
        client.post("/api/auth/token", json={"username": "late", "password": PASSWORD}).status_code
        == 401
    )


def test_two_acceptances_of_one_invitation_make_one_account(settings: ApiSettings) -> None:
    community = Community(settings.community_file)
    made = community.invite("stakeholder", created_by="org")
    community.accept_invitation(made.token, username="first", display_name="F", password=PASSWORD)
    with pytest.raises(ParameterError, match="already used"):
        community.accept_invitation(
            made.token, username="second", display_name="S", password=PASSWORD
        )
    assert "second" not in {u.username for u in community.users()}
    with pytest.raises(ConflictError):
        community.accept_invitation(
            community.invite("stakeholder", created_by="org").token,
            username="first",
            display_name="F",
            password=PASSWORD,
        )


def test_password_change_revokes_old_tokens(client: TestClient, settings: ApiSettings) -> None:
    Community(settings.community_file).add_user("changer", PASSWORD, role="stakeholder")
    old = token_for(client, "changer")
    wrong = client.post(
        "/api/auth/password",
        headers=old,
        json={"old_password": "not it at all", "new_password": NEW_PASSWORD},
    )
    assert wrong.status_code == 401 and wrong.json()["detail"] == "the current password is wrong"
    assert (
        client.post(
            "/api/auth/password",
            headers=old,
            json={"old_password": PASSWORD, "new_password": "short"},
        ).status_code
        == 422
    )
    assert (
        client.post(
            "/api/auth/password", json={"old_password": PASSWORD, "new_password": NEW_PASSWORD}
        ).status_code
        == 401
    )
    changed = client.post(
        "/api/auth/password",
        headers=old,
        json={"old_password": PASSWORD, "new_password": NEW_PASSWORD},
    )
    assert changed.status_code == 200 and changed.json()["role"] == "stakeholder"
    body = {"postal_code": "00100", "text": "x", "category": "need"}
    assert client.post("/api/comments", headers=old, json=body).status_code == 401
    assert client.post("/api/comments", headers=_bearer(changed), json=body).status_code == 201
    assert (
        client.post(
            "/api/auth/token", json={"username": "changer", "password": PASSWORD}
        ).status_code
        == 401
    )
    assert (
        client.post(
            "/api/auth/token", json={"username": "changer", "password": NEW_PASSWORD}
        ).status_code
        == 200
    )


def test_reset_by_an_organiser(client: TestClient, settings: ApiSettings) -> None:
    Community(settings.community_file).add_user("forgetful", PASSWORD, role="stakeholder")
    session = token_for(client, "forgetful")
    url = "/api/users/forgetful/reset-password"
    assert client.post(url, headers=token_for(client, "mod")).status_code == 403
    assert (
        client.post(
            "/api/users/nobody/reset-password", headers=token_for(client, "org")
        ).status_code
        == 404
    )
    reset = client.post(url, headers=token_for(client, "org"))
    assert reset.status_code == 200, reset.text
    link = reset.json()
    assert link["kind"] == "reset" and link["username"] == "forgetful"
    assert link["url"].endswith(f"/#reset={link['token']}")
    # at once: the old session and the old password stop working
    assert client.post("/api/auth/logout", headers=session).status_code == 401
    assert (
        client.post(
            "/api/auth/token", json={"username": "forgetful", "password": PASSWORD}
        ).status_code
        == 401
    )
    redeemed = client.post(
        "/api/auth/reset-password", json={"token": link["token"], "password": NEW_PASSWORD}
    )
    assert redeemed.status_code == 200 and redeemed.json()["role"] == "stakeholder"
    again = client.post(
        "/api/auth/reset-password", json={"token": link["token"], "password": NEW_PASSWORD}
    )
    assert again.status_code == 400 and "already used" in again.json()["detail"]
    # an invitation token is no reset token, nor the other way round
    assert (
        client.post(
            "/api/auth/reset-password", json={"token": _invite(client), "password": NEW_PASSWORD}
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/api/auth/token", json={"username": "forgetful", "password": NEW_PASSWORD}
        ).status_code
        == 200
    )
    log = client.get(
        "/api/moderation/log", headers=token_for(client, "mod"), params={"limit": 1000}
    ).json()["entries"]
    actions = [(e["actor"], e["action"]) for e in log if e["target"] == "user:forgetful"]
    assert actions[:3] == [
        ("forgetful", "redeem_reset"),
        ("org", "create_reset"),
        ("org", "reset_password"),
    ]


def test_download_and_delete_own_data(client: TestClient, settings: ApiSettings) -> None:
    Community(settings.community_file).add_user(
        "leaver", PASSWORD, role="stakeholder", display_name="Leena Leaver"
    )
    leaver = token_for(client, "leaver")
    ids = [
        client.post(
            "/api/comments",
            headers=leaver,
            json={"postal_code": code, "text": f"note {code}", "category": "need"},
        ).json()["id"]
        for code in ("00100", "00300")
    ]
    client.post(
        f"/api/comments/{ids[1]}/hide",
        headers=token_for(client, "mod"),
        json={"reason": "off topic"},
    )
    assert client.get("/api/me/data").status_code == 401
    data = client.get("/api/me/data", headers=leaver)
    assert "attachment" in data.headers["content-disposition"]
    mine = data.json()
    assert mine["account"] == {
        "username": "leaver",
        "display_name": "Leena Leaver",
        "role": "stakeholder",
        "created_at": mine["account"]["created_at"],
    }
    assert "password" not in data.text and "scrypt" not in data.text
    assert [
        (c["comment_id"], c["text"], c["hidden"], c["hidden_reason"]) for c in mine["comments"]
    ] == [(ids[0], "note 00100", False, None), (ids[1], "note 00300", True, "off topic")]
    others = {
        f["id"] for f in client.get("/api/comments", params={"limit": 5000}).json()["features"]
    }
    assert ids[0] in others

    assert client.delete("/api/me", headers=leaver).status_code == 204
    assert client.get("/api/me/data", headers=leaver).status_code == 401
    left = {f["id"] for f in client.get("/api/comments", params={"limit": 5000}).json()["features"]}
    assert ids[0] not in left and left == others - {ids[0]}
    ogc = client.get("/ogc/collections/comments/items", params={"limit": 1000}).json()
    assert ids[0] not in {f["properties"]["comment_id"] for f in ogc["features"]}
    with sqlite3.connect(settings.community_file) as con:
        assert con.execute("SELECT count(*) FROM comments WHERE author = 'leaver'").fetchone() == (
            0,
        )
        assert con.execute("SELECT count(*) FROM users WHERE username = 'leaver'").fetchone() == (
            0,
        )


@pytest.mark.parametrize(
    ("lang", "header", "title"),
    [
        ("fi", None, "Tietosuojaseloste: kommentit ja käyttäjätilit"),
        (None, "sv-FI,sv;q=0.9", "Dataskyddsbeskrivning: kommentarer och konton"),
        ("en", "fi", "Privacy notice: comments and accounts"),
    ],
)
def test_privacy_notice(
    client: TestClient, lang: str | None, header: str | None, title: str
) -> None:
    response = client.get(
        "/api/privacy",
        params={"lang": lang} if lang else {},
        headers={"Accept-Language": header} if header else {},
    )
    notice = response.json()
    assert notice["title"] == title and len(notice["sections"]) == 6
    assert notice["retention"] == {"comments_days": 1095, "audit_days": 365, "invitations_days": 30}
    kept = notice["sections"][4]["text"]
    assert "1095" in kept and "365" in kept and "30" in kept and "{" not in kept
    assert client.get("/api/privacy", params={"lang": "de"}).status_code == 400


def test_retention_purge_with_a_fixed_clock(tmp_path: Path) -> None:
    now = [datetime(2026, 12, 1, 12, 0, tzinfo=UTC)]
    community = Community(tmp_path / "c.sqlite", clock=lambda: now[0])
    mod = community.add_user("mod", PASSWORD, role="moderator")
    for days_ago in (40, 20, 10, 1):
        now[0] = datetime(2026, 12, 1, 12, 0, tzinfo=UTC) - timedelta(days=days_ago)
        comment_id = community.add_comment(
            mod, lon=24.9, lat=60.2, text=f"{days_ago} days", category="idea", postal_code=None
        )
        community.hide_comment(comment_id, moderator=mod, reason="r")
        community.invite("stakeholder", created_by="mod", days=1)
    now[0] = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    done = community.purge(Retention(comments_days=15, audit_days=5, invitations_days=5))
    # comments from 40 and 20 days ago; audit entries (hide + invite) from 40, 20, 10 days
    # ago; invitations that expired 39, 19 and 9 days ago
    assert done == {"comments": 2, "audit": 6, "invitations": 3}
    assert community.comments(include_hidden=True)["text"].tolist() == ["10 days", "1 days"]
    assert community.audit_log(limit=10)[0] == 2
    assert community.purge(Retention(comments_days=15, audit_days=5, invitations_days=5)) == {
        "comments": 0,
        "audit": 0,
        "invitations": 0,
    }


def test_retention_from_the_environment() -> None:
    env = {"DIKAS_RETAIN_COMMENTS_DAYS": "100", "DIKAS_RETAIN_AUDIT_DAYS": "50"}
    assert Retention.from_env(env) == Retention(100, 50, 30)
    assert Retention.from_env(env, comments_days=7) == Retention(7, 50, 30)
    with pytest.raises(ConfigError, match="DIKAS_RETAIN_AUDIT_DAYS: a whole number"):
        Retention.from_env({"DIKAS_RETAIN_AUDIT_DAYS": "a year"})
    with pytest.raises(ConfigError, match="at least 1"):
        Retention(comments_days=0)


def test_cli_invite_reset_and_purge(
    small_twin: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "c.sqlite"
    monkeypatch.delenv("DIKAS_PUBLIC_URL", raising=False)
    invited = run_dikas(
        capsys,
        "users",
        "invite",
        str(small_twin),
        "--comments",
        str(path),
        "--role",
        "moderator",
        "--days",
        "3",
        "--public-url",
        "https://dikas.example.org/",
    )
    assert invited.returncode == 0, invited.stderr
    lines = invited.stdout.splitlines()
    token = lines[1].removeprefix("token: ")
    assert lines[0] == "invitation for a moderator"
    assert lines[2] == f"link: https://dikas.example.org/#invitation={token}"
    assert lines[3].startswith("valid until ") and lines[3].endswith(" (once)")
    community = Community(path)
    user = community.accept_invitation(
        token, username="maija", display_name="Maija", password=PASSWORD
    )
    assert user == User("maija", "moderator")

    reset = run_dikas(capsys, "users", "reset", str(small_twin), "maija", "--comments", str(path))
    assert reset.returncode == 0, reset.stderr
    lines = reset.stdout.splitlines()
    assert lines[0] == "password of 'maija' reset; its sessions are signed out"
    assert len(lines) == 3  # no public URL: no link
    community.redeem_reset(lines[1].removeprefix("token: "), NEW_PASSWORD)
    assert community.authenticate("maija", NEW_PASSWORD) == user

    purged = run_dikas(
        capsys, "users", "purge", str(small_twin), "--comments", str(path), "--comments-days", "30"
    )
    assert purged.returncode == 0, purged.stderr
    assert purged.stdout.strip() == (
        "deleted 0 comments older than 30 days, 0 audit entries "
        "older than 365 days, 0 invitations older than 30 days"
    )
    missing = run_dikas(
        capsys, "users", "reset", str(small_twin), "nobody", "--comments", str(path)
    )
    assert missing.returncode == 1
    assert missing.stderr.strip() == "dikas: error: no user 'nobody'"
