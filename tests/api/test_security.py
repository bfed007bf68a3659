"""Public-deployment hardening: sign-in, throttling, tokens, the signing key, headers, CSRF,
public links and the users command (regressions of the security review)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dikas.api import community as community_module
from dikas.api.app import create_app
from dikas.api.community import Community, key_path_for
from dikas.api.errors import TooManyAttemptsError
from dikas.api.settings import ApiSettings
from dikas.api.throttle import SignInThrottle
from tests.api.conftest import PASSWORD, token_for
from tests.cli_runner import run_dikas

SECRET = "k" * 40


@pytest.fixture()
def fresh(settings: ApiSettings, tmp_path: Path) -> Iterator[TestClient]:
    """An app on its own community file (users alice and mod), so tests can revoke freely."""
    path = tmp_path / "community.sqlite"
    users = Community(path)
    users.add_user("alice", PASSWORD, role="stakeholder")
    users.add_user("mod", PASSWORD, role="moderator")
    with TestClient(create_app(replace(settings, community_path=path))) as client:
        yield client


def sign_in(
    client: TestClient,
    username: str,
    password: str = PASSWORD,
    *,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str]]:
    response = client.post(
        "/api/auth/token", json={"username": username, "password": password}, headers=headers
    )
    body = response.json() if response.status_code == 200 else {}
    return response.status_code, (
        {"Authorization": f"Bearer {body['access_token']}"} if body else dict(response.headers)
    )


# -- 1. constant-time sign-in ----------------------------------------------------------------
def test_unknown_user_names_cost_the_same_scrypt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    community = Community(tmp_path / "c.sqlite")
    community.add_user("alice", PASSWORD, role="stakeholder")
    calls: list[tuple[int, int, int, int]] = []
    real = community_module._scrypt

    def counted(password: bytes, *, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
        calls.append((n, r, p, dklen))
        return real(password, salt=salt, n=n, r=r, p=p, dklen=dklen)

    monkeypatch.setattr(community_module, "_scrypt", counted)
    with pytest.raises(PermissionError, match="wrong user name or password"):
        community.authenticate("alice", "wrong password")
    known = list(calls)
    calls.clear()
    with pytest.raises(PermissionError, match="wrong user name or password"):
        community.authenticate("nobody-by-this-name", "wrong password")
    assert known == calls == [(2**14, 8, 1, 32)]  # one scrypt of the same cost either way


# -- 2. throttling per client and per name ---------------------------------------------------
def test_the_owner_signs_in_from_a_clean_client_while_a_name_is_hammered() -> None:
    throttle = SignInThrottle(3, 300.0, clock=lambda: 0.0)
    for _ in range(3):
        throttle.check("alice", "10.0.0.66")
        throttle.failed("alice", "10.0.0.66")
    with pytest.raises(TooManyAttemptsError, match="for 'alice'") as refused:
        throttle.check("alice", "10.0.0.66")
    assert refused.value.retry_after_s == 300
    throttle.check("alice", "192.168.1.5")  # the owner, elsewhere: allowed


def test_spraying_many_names_from_one_client_is_limited() -> None:
    throttle = SignInThrottle(5, 300.0, client_attempts=4, clock=lambda: 0.0)
    for name in ("a", "b", "c", "d"):
        throttle.check(name, "10.0.0.66")
        throttle.failed(name, "10.0.0.66")
    with pytest.raises(TooManyAttemptsError, match="from this address"):
        throttle.check("e", "10.0.0.66")  # a fifth name, never tried before
    throttle.check("e", "10.0.0.67")


def test_throttle_memory_is_bounded() -> None:
    throttle = SignInThrottle(5, 300.0, max_keys=1000, clock=lambda: 0.0)
    for i in range(100_000):
        throttle.failed(f"name-{i}", f"10.{i // 65536}.{i // 256 % 256}.{i % 256}")
    assert throttle.tracked == (1000, 1000)


def test_sign_in_throttle_over_http_sends_retry_after(
    settings: ApiSettings, tmp_path: Path
) -> None:
    path = tmp_path / "c.sqlite"
    Community(path).add_user("alice", PASSWORD, role="stakeholder")
    app = create_app(
        replace(settings, community_path=path, sign_in_attempts=2, sign_in_window_s=120.0)
    )
    with (
        TestClient(app, client=("10.0.0.66", 50000)) as attacker,
        TestClient(app, client=("192.168.1.5", 50000)) as owner,
    ):
        assert [sign_in(attacker, "alice", "guess-guess")[0] for _ in range(2)] == [401, 401]
        status, headers = sign_in(attacker, "alice", PASSWORD)
        assert status == 429 and 1 <= int(headers["retry-after"]) <= 120
        assert sign_in(owner, "alice")[0] == 200


# -- 3. token revocation ---------------------------------------------------------------------
def test_password_or_role_change_and_sign_out_revoke_tokens(
    fresh: TestClient, settings: ApiSettings
) -> None:
    community = fresh.app.state.context.community  # type: ignore[attr-defined]
    _, old = sign_in(fresh, "alice")
    assert fresh.post("/api/auth/logout", headers=old).status_code == 204
    assert fresh.post("/api/comments/1/hide", headers=old).status_code == 401  # signed out
    _, token = sign_in(fresh, "alice")
    community.add_user("alice", "a new password", role="stakeholder")  # `dikas users add`
    revoked = fresh.post("/api/auth/logout", headers=token)
    assert revoked.status_code == 401 and "no longer valid" in revoked.json()["detail"]
    _, token = sign_in(fresh, "alice", "a new password")
    community.add_user("alice", "a new password", role="moderator")  # same password, new role
    assert fresh.post("/api/auth/logout", headers=token).status_code == 401
    community.remove_user("alice")
    community.add_user("alice", "a new password", role="moderator")  # removed and re-added
    assert fresh.post("/api/auth/logout", headers=token).status_code == 401
    _, mod = sign_in(fresh, "mod")
    assert (
        fresh.post("/api/comments/999/hide", headers=mod, json={"reason": "test"}).status_code
        == 404
    )  # still valid


# -- 4. the signing key lives outside the database -------------------------------------------
def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_key_file_and_database_are_private(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    community = Community(path)
    community.add_user("alice", PASSWORD, role="stakeholder")
    key = key_path_for(path)
    assert key == tmp_path / "c.sqlite.key"
    assert _mode(path) == 0o600 and _mode(key) == 0o600
    token = community.issue_token(community.users()[0], ttl_s=60)
    assert Community(path).user_for_token(token).username == "alice"  # same key next time
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM secrets").fetchone() == (0,)
    assert key.read_text().strip().encode() not in path.read_bytes()


def test_a_key_kept_in_an_old_database_moves_out(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old_key = "0123456789abcdef" * 4
    with sqlite3.connect(path) as con:  # the layout of the previous version
        con.executescript(
            "CREATE TABLE users (username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
            "role TEXT NOT NULL, created_at TEXT NOT NULL);"
            "CREATE TABLE secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
        )
        con.execute("INSERT INTO secrets VALUES ('token', ?)", [old_key])
    Community(path, secret=SECRET)  # with a key from the environment the stored one moves too
    community = Community(path)
    assert key_path_for(path).read_text() == old_key and _mode(key_path_for(path)) == 0o600
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM secrets").fetchone() == (0,)
    community.add_user("alice", PASSWORD, role="stakeholder")  # old table gains the version
    token = community.issue_token(community.authenticate("alice", PASSWORD), ttl_s=60)
    assert Community(path).user_for_token(token).username == "alice"


def test_secret_key_from_the_environment_is_used_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    community = Community(path, secret=SECRET)
    community.add_user("alice", PASSWORD, role="stakeholder")
    token = community.issue_token(community.users()[0], ttl_s=60)
    assert Community(path, secret=SECRET).user_for_token(token).username == "alice"
    assert not key_path_for(path).exists()
    with pytest.raises(PermissionError, match="invalid access token"):
        Community(path, secret="x" * 40).user_for_token(token)
    with pytest.raises(ValueError, match="at least 32 characters"):
        Community(path, secret="short")


# -- 5. malformed tokens ---------------------------------------------------------------------
def _signed(payload: bytes, secret: str = SECRET) -> str:
    part = base64.urlsafe_b64encode(payload).rstrip(b"=").decode()
    signature = hmac.new(secret.encode(), part.encode(), hashlib.sha256).digest()
    return f"{part}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"


@pytest.mark.parametrize(
    "payload",
    [
        b"[1, 2]",
        b"42",
        b'"alice"',
        b"null",
        b"not json",
        b"\xff\xfe",
        b'{"sub": 1, "exp": 9e12, "ver": ""}',
        b'{"sub": "alice", "exp": "never", "ver": ""}',
        b'{"sub": "alice", "role": "stakeholder", "exp": 9e12}',
    ],
)
def test_tokens_with_a_valid_signature_but_a_bad_payload_are_401(
    settings: ApiSettings, tmp_path: Path, payload: bytes
) -> None:
    path = tmp_path / "c.sqlite"
    Community(path, secret=SECRET).add_user("alice", PASSWORD, role="stakeholder")
    app = create_app(replace(settings, community_path=path, auth_secret=SECRET))
    with TestClient(app) as client:
        response = client.post(
            "/api/auth/logout", headers={"Authorization": f"Bearer {_signed(payload)}"}
        )
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("token", ["é.é", "abc", "a.b.c", "....", "%%%.%%%", "eyJ.sig"])
def test_garbage_tokens_are_401(client: TestClient, token: str) -> None:
    response = client.post(
        "/api/auth/logout", headers={"Authorization": f"Bearer {token}".encode()}
    )
    assert response.status_code == 401
    assert response.json()["detail"] == "invalid access token"


# -- 6. passwords never on the command line --------------------------------------------------
def test_users_add_reads_the_password_from_stdin_never_argv(
    small_twin: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "c.sqlite"
    refused = run_dikas(
        capsys,
        "users",
        "add",
        str(small_twin),
        "bob",
        "--password",
        "long enough",
        "--comments",
        str(path),
    )
    assert refused.returncode == 1 and "long enough" not in refused.stderr
    assert refused.stderr.startswith("dikas: error: --password is not accepted")
    assert "--password-stdin" in refused.stderr and len(refused.stderr.splitlines()) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("long enough\n"))
    added = run_dikas(
        capsys,
        "users",
        "add",
        str(small_twin),
        "bob",
        "--role",
        "moderator",
        "--password-stdin",
        "--comments",
        str(path),
    )
    assert added.returncode == 0, added.stderr
    assert Community(path).authenticate("bob", "long enough").role == "moderator"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    empty = run_dikas(
        capsys, "users", "add", str(small_twin), "eve", "--password-stdin", "--comments", str(path)
    )
    assert empty.returncode == 1 and "no password on standard input" in empty.stderr
    assert [u.username for u in Community(path).users()] == ["bob"]


# -- 7. security headers ---------------------------------------------------------------------
def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    paths = [
        "/",
        "/docs",
        "/docs/init.js",
        "/openapi.json",
        "/app/main.js",
        "/nowhere",
        *[
            path.replace("{collection_id}", "areas")
            .replace("{feature_id}", "00100")
            .replace("{postal_code}", "00100")
            .replace("{cell_id}", "x")
            .replace("{scenario_id}", "x")
            .replace("{layers}", "areas")
            .replace("{z}/{x}/{y}", "0/0/0")
            .replace("{comment_id}", "1")
            for path in client.get("/openapi.json").json()["paths"]
        ],
    ]
    for path in paths:
        response = client.get(path)
        headers = response.headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["x-frame-options"] == "DENY", path
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin", path
        assert "server" not in headers, path
    too_big = client.post(
        "/api/scenarios",
        content=b"{" + b" " * 70_000 + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert too_big.status_code == 413 and too_big.headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_scripts(client: TestClient) -> None:
    import re

    for path in ("/", "/docs"):
        page = client.get(path).text
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
        assert scripts, path
        for attributes, body in scripts:
            assert 'src="' in attributes and not body.strip(), (path, attributes)
            assert not re.search(r"\son\w+=", page), path  # no inline event handlers
    assert "SwaggerUIBundle(" in client.get("/docs/init.js").text


def test_serve_hides_the_server_header_and_passes_proxy_options(
    small_twin: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import uvicorn

    seen: dict[str, object] = {}

    def run(app: object, **options: object) -> None:
        seen.update(options, settings=app.state.context.settings)  # type: ignore[attr-defined]

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.setenv("DIKAS_SECRET_KEY", SECRET)
    monkeypatch.delenv("DIKAS_PUBLIC_URL", raising=False)
    result = run_dikas(
        capsys,
        "serve",
        str(small_twin),
        "--port",
        "8123",
        "--comments",
        str(tmp_path / "c.sqlite"),
        "--seed-tiles",
        "0",
        "--proxy-headers",
        "--forwarded-allow-ips",
        "10.0.0.1",
        "--trusted-host",
        "twin.example.org",
        "--public-url",
        "https://twin.example.org/",
    )
    assert result.returncode == 0, result.stderr
    settings = seen["settings"]
    assert seen["server_header"] is False and seen["proxy_headers"] is True
    assert seen["forwarded_allow_ips"] == "10.0.0.1"
    assert settings.public_url == "https://twin.example.org"  # type: ignore[attr-defined]
    assert settings.trusted_hosts == ("twin.example.org",)  # type: ignore[attr-defined]
    assert settings.auth_secret == SECRET  # type: ignore[attr-defined]
    plain = run_dikas(
        capsys,
        "serve",
        str(small_twin),
        "--comments",
        str(tmp_path / "c.sqlite"),
        "--seed-tiles",
        "0",
    )
    assert plain.returncode == 0 and seen["settings"].public_url is None  # type: ignore[attr-defined]
    assert seen["proxy_headers"] is False and seen["server_header"] is False
    monkeypatch.setenv("DIKAS_PUBLIC_URL", "https://env.example.org")
    run_dikas(
        capsys,
        "serve",
        str(small_twin),
        "--comments",
        str(tmp_path / "c.sqlite"),
        "--seed-tiles",
        "0",
    )
    assert seen["settings"].public_url == "https://env.example.org"  # type: ignore[attr-defined]
    bad = run_dikas(capsys, "serve", str(small_twin), "--public-url", "ftp://x")
    assert bad.returncode == 1 and bad.stderr.startswith("dikas: error: public URL")


# -- 8. CSRF-safe sign-in --------------------------------------------------------------------
def test_sign_in_takes_json_only(client: TestClient) -> None:
    form = client.post("/api/auth/token", data={"username": "alice", "password": PASSWORD})
    assert form.status_code == 415
    assert "application/json" in form.json()["detail"]
    plain = client.post(
        "/api/auth/token",
        content=json.dumps({"username": "alice", "password": PASSWORD}),
        headers={"Content-Type": "text/plain"},
    )
    assert plain.status_code == 415
    assert client.post("/api/auth/token").status_code == 415  # no body at all


def test_sign_in_from_another_origin_is_403(client: TestClient, settings: ApiSettings) -> None:
    assert sign_in(client, "alice", headers={"Origin": "https://evil.example"})[0] == 403
    assert sign_in(client, "alice", headers={"Origin": "null"})[0] == 403
    assert sign_in(client, "alice", headers={"Origin": "http://testserver"})[0] == 200
    assert sign_in(client, "alice")[0] == 200  # no Origin: not a browser's cross-site post
    signed_in = client.post("/api/auth/token", json={"username": "alice", "password": PASSWORD})
    assert signed_in.headers["cache-control"] == "no-store"
    public = create_app(replace(settings, public_url="https://twin.example.org"))
    with TestClient(public) as behind_proxy:
        assert (
            sign_in(behind_proxy, "alice", headers={"Origin": "https://twin.example.org"})[0] == 200
        )
        assert sign_in(behind_proxy, "alice", headers={"Origin": "http://testserver"})[0] == 403


# -- 9. links from the public base URL, never the Host header --------------------------------
def _hrefs(value: object) -> list[str]:
    if isinstance(value, dict):
        return [h for k, v in value.items() for h in ([v] if k == "href" else _hrefs(v))]
    if isinstance(value, list):
        return [h for v in value for h in _hrefs(v)]
    return []


OGC_PATHS = (
    "/ogc",
    "/ogc/collections",
    "/ogc/collections/areas",
    "/ogc/collections/areas/items?limit=1&offset=1",
    "/ogc/collections/areas/items/00100-2023",
)


def test_links_ignore_a_forged_host_header(client: TestClient, settings: ApiSettings) -> None:
    for path in OGC_PATHS:
        hrefs = _hrefs(client.get(path, headers={"Host": "evil.example"}).json())
        assert hrefs and all(h.startswith("http://testserver/") for h in hrefs), (path, hrefs)
    with TestClient(create_app(replace(settings, public_url="https://twin.example.org"))) as c:
        for path in OGC_PATHS:
            hrefs = _hrefs(c.get(path, headers={"Host": "evil.example"}).json())
            assert all(h.startswith("https://twin.example.org/") for h in hrefs), hrefs
        items = c.get(OGC_PATHS[3]).json()
        assert {link["rel"]: link["href"] for link in items["links"]}["next"] == (
            "https://twin.example.org/ogc/collections/areas/items?offset=2&limit=1"
        )


# -- 10. trusted hosts -----------------------------------------------------------------------
def test_trusted_hosts(settings: ApiSettings) -> None:
    app = create_app(replace(settings, trusted_hosts=("twin.example.org",)))
    with TestClient(app, base_url="http://twin.example.org") as client:
        assert client.get("/api/status").status_code == 200
        forged = client.get("/api/status", headers={"Host": "evil.example"})
        assert forged.status_code == 400 and forged.headers["x-frame-options"] == "DENY"


# -- 11. truthful validation -----------------------------------------------------------------
def test_impossible_datetimes_are_400(client: TestClient) -> None:
    for value in ("2023-13-45", "2023-02-30", "2023-13", "2023-06-01T25:00:00Z"):
        response = client.get("/ogc/collections/areas/items", params={"datetime": value})
        assert response.status_code == 400, value
        assert "not an RFC 3339 date" in response.json()["detail"]
    ok = client.get("/ogc/collections/areas/items", params={"datetime": "2023-06-01"})
    assert ok.status_code == 200 and {f["properties"]["year"] for f in ok.json()["features"]} == {
        2023
    }


def test_blank_comment_text_is_422(fresh: TestClient) -> None:
    _, alice = sign_in(fresh, "alice")
    response = fresh.post(
        "/api/comments",
        headers=alice,
        json={"postal_code": "00100", "text": " \t\n ", "category": "need"},
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "text: Value error, comment text is empty"}


def test_openapi_declares_what_is_sent(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    assert schemas["Error"]["required"] == ["detail"]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert {"400", "404", "413"} <= set(responses), (method, path)
            assert ("415" in responses) == (method == "post"), (method, path)
            assert ("422" in responses) == ("requestBody" in operation), (method, path)
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    assert response["content"] == {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    }, (method, path, status)
    items = document["paths"]["/ogc/collections/{collection_id}/items"]["get"]
    assert list(items["responses"]["200"]["content"]) == ["application/geo+json"]
    token = document["paths"]["/api/auth/token"]["post"]
    assert set(token["responses"]) >= {"401", "403", "415", "422", "429"}
    assert "Retry-After" in token["responses"]["429"]["headers"]
    assert list(token["requestBody"]["content"]) == ["application/json"]
    hide = document["paths"]["/api/comments/{comment_id}/hide"]["post"]
    assert hide["security"] == [{"bearer": []}] and {"401", "403"} <= set(hide["responses"])
    # a 422 body is what the Error schema says: one line under "detail"
    body = client.post("/api/comments", json={"text": "x"}, headers=token_for(client, "alice"))
    assert body.status_code == 422
    assert body.json() == {"detail": "category: Field required"}


def test_an_unexpected_error_is_a_500_with_the_security_headers(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dikas.api.app import create_app
    from dikas.api.settings import ApiSettings
    from tests.api.small_twin import write_small_twin

    twin = write_small_twin(tmp_path / "twin.duckdb")
    app = create_app(ApiSettings(twin_path=twin, community_path=tmp_path / "c.sqlite"))

    @app.get("/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal server error"}
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert "server" not in response.headers
