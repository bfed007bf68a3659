"""The community data in PostgreSQL: the same behaviour as the SQLite store, Alembic
migrations, two ``dikas serve`` processes writing into one database at once, and ``kill -9``
of one of them during writes.

A throwaway cluster (:mod:`tests.api.pg_cluster`) is started once per session; every test
gets its own empty database in it.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.app import create_app
from dikas.api.community import MODERATOR_COLUMNS, Community
from dikas.api.community_store import PostgresStore, SqliteStore, redact_url
from dikas.api.errors import (
    AuthenticationError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    ServiceUnavailableError,
)
from dikas.api.retention import Retention
from dikas.api.settings import ApiSettings
from dikas.errors import ConfigError, ParameterError
from tests.api.conftest import PASSWORD
from tests.api.pg_cluster import Cluster, binaries
from tests.api.small_twin import ORIGIN

SRC = Path(__file__).resolve().parents[2] / "src"
TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
LON, LAT = TO_WGS84.transform(ORIGIN[0] + 1500, ORIGIN[1] + 500)  # inside area 00200
START_S = 60
_names = itertools.count()


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    found = binaries()
    if found is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl) not installed; "
            ".ci/run installs the Debian package postgresql"
        )
    started = Cluster(found)
    yield started
    started.stop()


@pytest.fixture()
def database(cluster: Cluster) -> str:
    """URL of a new, empty database."""
    return cluster.database(f"t{os.getpid()}_{next(_names)}")


@pytest.fixture(params=["sqlite", "postgres"])
def community(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Community]:
    """A fresh community store of either kind."""
    url = request.getfixturevalue("database") if request.param == "postgres" else None
    opened = Community(tmp_path / "community.sqlite", database=url)
    yield opened
    opened.close()


# -- the same behaviour on both stores -----------------------------------------------------
def test_store_kind_and_no_secret_in_database(community: Community, tmp_path: Path) -> None:
    kind = SqliteStore if community.store.name.endswith(".sqlite") else PostgresStore
    assert isinstance(community.store, kind)
    assert community.key_path == tmp_path / "community.sqlite.key"
    assert community.key_path.stat().st_mode & 0o777 == 0o600
    # PostgreSQL does not create the SQLite file; the key file is shared by every process
    assert (tmp_path / "community.sqlite").exists() == (kind is SqliteStore)


def test_users_and_tokens(community: Community) -> None:
    alice = community.add_user("alice", PASSWORD, role="stakeholder")
    community.add_user("bob", PASSWORD, role="moderator")
    assert community.users() == [alice, type(alice)("bob", "moderator")]
    assert community.authenticate("alice", PASSWORD) == alice
    with pytest.raises(AuthenticationError, match="wrong user name or password"):
        community.authenticate("alice", "not the password")
    with pytest.raises(AuthenticationError, match="wrong user name or password"):
        community.authenticate("eve", PASSWORD)
    token = community.issue_token(alice, ttl_s=60)
    assert community.user_for_token(token) == alice
    community.revoke_tokens("alice")
    with pytest.raises(AuthenticationError, match="no longer valid"):
        community.user_for_token(token)
    token = community.issue_token(alice, ttl_s=60)
    promoted = community.add_user("alice", PASSWORD + "!", role="moderator")  # upsert
    assert promoted.role == "moderator" and len(community.users()) == 2
    with pytest.raises(AuthenticationError):
        community.user_for_token(token)
    assert community.authenticate("alice", PASSWORD + "!") == promoted
    community.remove_user("bob")
    assert [u.username for u in community.users()] == ["alice"]
    with pytest.raises(NotFoundError, match="no user 'bob'"):
        community.remove_user("bob")


def test_comments_pages_and_hiding(community: Community) -> None:
    alice = community.add_user("alice", PASSWORD, role="stakeholder")
    ids = [
        community.add_comment(
            alice,
            lon=24.0 + i / 10,
            lat=60.0 + i / 100,
            text=f" c{i} ",
            category="concern" if i == 2 else "idea",
            postal_code="00100" if i else None,
        )
        for i in range(6)
    ]
    assert ids == [1, 2, 3, 4, 5, 6]
    with pytest.raises(ParameterError, match="comment text is empty"):
        community.add_comment(alice, lon=24, lat=60, text="  ", category="idea", postal_code=None)
    with pytest.raises(ParameterError, match="category must be one of"):
        community.add_comment(alice, lon=24, lat=60, text="x", category="rant", postal_code=None)
    frame = community.comments()
    assert frame["comment_id"].tolist() == ids and frame.crs == "EPSG:4326"
    assert frame["text"].tolist() == [f"c{i}" for i in range(6)]
    assert frame["postal_code"].isna().tolist() == [True] + [False] * 5
    assert frame["postal_code"].iloc[1:].tolist() == ["00100"] * 5
    assert frame.geometry.x.round(6).tolist() == [24.0, 24.1, 24.2, 24.3, 24.4, 24.5]
    assert frame["hidden"].tolist() == [False] * 6 and frame["author_name"].eq("alice").all()
    assert (
        "author" not in frame
        and community.comments(columns=MODERATOR_COLUMNS)["author"].eq("alice").all()
    )

    matched, page = community.comment_page(limit=2, offset=1)
    assert matched == 6 and page["comment_id"].tolist() == [5, 4]
    matched, page = community.comment_page(category="concern", limit=10)
    assert matched == 1 and page["text"].tolist() == ["c2"]
    matched, page = community.comment_page(bbox=(24.15, 60.0, 24.35, 61.0), limit=10)
    assert matched == 2 and page["comment_id"].tolist() == [4, 3]
    assert community.comment_bounds() == pytest.approx((24.0, 60.0, 24.5, 60.05))

    moderator = community.add_user("mod", PASSWORD, role="moderator")
    with pytest.raises(ForbiddenError):
        community.hide_comment(6, moderator=alice)
    community.hide_comment(6, moderator=moderator, reason="spam")
    assert community.comments()["comment_id"].tolist() == ids[:5]
    assert community.comments(include_hidden=True)["hidden"].tolist() == [False] * 5 + [True]
    assert community.comment(6)["hidden"].tolist() == [True]
    assert community.comment(99).empty and community.comment(2**63).empty
    assert community.comment_page(limit=10)[0] == 5
    assert community.comment_page(include_hidden=True, limit=1)[1]["comment_id"].tolist() == [6]
    assert community.comment_bounds() == pytest.approx((24.0, 60.0, 24.4, 60.04))
    with pytest.raises(NotFoundError, match="no comment 99"):
        community.hide_comment(99, moderator=moderator)
    with pytest.raises(NotFoundError):
        community.hide_comment(2**63, moderator=moderator)


def test_scenario_runs_bounded_by_count_and_size(community: Community) -> None:
    for k in range(3):
        assert community.save_scenario(f"s{k}", f"run {k}", {"k": k, "pad": "x" * 10}, keep=2)
    with pytest.raises(NotFoundError, match="no scenario 's0'"):
        community.scenario("s0")
    assert community.scenario("s2") == {"k": 2, "pad": "x" * 10}
    # storing s1 again makes it the newest, so s2 goes when only one is kept
    assert community.save_scenario("s1", "again", {"k": 11}, keep=1)
    assert community.scenario("s1") == {"k": 11}
    with pytest.raises(NotFoundError):
        community.scenario("s2")
    assert community.scenario_bytes() == len('{"k": 11}')
    assert not community.save_scenario("big", "big", {"pad": "x" * 100}, max_bytes=50)
    assert community.save_scenario("s3", "three", {"pad": "y" * 31}, max_bytes=50)
    assert community.scenario_bytes() == len(
        '{"pad": "' + "y" * 31 + '"}'
    )  # 9 + 42 > 50: s1 dropped
    with pytest.raises(NotFoundError):
        community.scenario("s1")


def test_api_on_either_store(community: Community, small_twin: Path, tmp_path: Path) -> None:
    community.add_user("alice", PASSWORD, role="stakeholder")
    url = community.store.url if isinstance(community.store, PostgresStore) else None
    settings = ApiSettings(twin_path=small_twin, community_path=community.path, community_db=url)
    with TestClient(create_app(settings)) as client:
        token = client.post(
            "/api/auth/token", json={"username": "alice", "password": PASSWORD}
        ).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        items = client.get("/ogc/collections/comments/items").json()  # loaded empty
        assert items["numberMatched"] == 0 and items["features"] == []
        created = [
            client.post(
                "/api/comments",
                headers=headers,
                json={"lon": LON, "lat": LAT, "text": f"t{i}", "category": "idea"},
            )
            for i in range(3)
        ]
        assert [r.status_code for r in created] == [201] * 3
        assert [r.json()["properties"]["postal_code"] for r in created] == ["00200"] * 3
        page = client.get("/api/comments?limit=2").json()
        assert [f["id"] for f in page["features"]] == [3, 2] and page["numberMatched"] == 3
        ogc = client.get("/ogc/collections/comments/items").json()
        assert sorted(f["properties"]["comment_id"] for f in ogc["features"]) == [1, 2, 3]
    assert community.comments()["text"].tolist() == ["t0", "t1", "t2"]


def test_moderation_invitations_own_data_and_purge(community: Community) -> None:
    now = [datetime(2026, 12, 1, tzinfo=UTC)]
    community.clock = lambda: now[0]
    organiser = community.add_user("olli", PASSWORD, role="organiser", display_name="Olli")
    made = community.invite("stakeholder", created_by="olli", days=2)
    alice = community.accept_invitation(
        made.token, username="alice", display_name="Alice A", password=PASSWORD
    )
    with pytest.raises(ParameterError, match="already used"):
        community.accept_invitation(made.token, username="bob", display_name="B", password=PASSWORD)
    late = community.invite("stakeholder", created_by="olli", days=1)
    now[0] += timedelta(days=1, seconds=1)
    with pytest.raises(ParameterError, match="expired"):
        community.accept_invitation(late.token, username="bob", display_name="B", password=PASSWORD)
    area = {
        "type": "Polygon",
        "coordinates": [[[24.9, 60.1], [25.0, 60.1], [25.0, 60.2], [24.9, 60.1]]],
    }
    first = community.add_comment(
        alice, lon=24.95, lat=60.15, text="area", category="idea", postal_code="00100", area=area
    )
    second = community.add_comment(
        alice, lon=24.9, lat=60.1, text="point", category="need", postal_code=None
    )
    frame = community.comments()
    assert frame.geometry.geom_type.tolist() == ["Polygon", "Point"]
    assert frame["author_name"].tolist() == ["Alice A", "Alice A"]
    community.hide_comment(first, moderator=organiser, reason="off topic")
    with pytest.raises(ConflictError, match="already hidden"):
        community.hide_comment(first, moderator=organiser, reason="again")
    community.restore_comment(first, moderator=organiser, reason="on topic after all")
    with pytest.raises(ConflictError, match="already visible"):
        community.restore_comment(first, moderator=organiser, reason="again")
    matched, entries = community.audit_log(limit=10)
    assert [(e["actor"], e["action"], e["target"], e["reason"]) for e in entries] == [
        ("olli", "restore", f"comment:{first}", "on topic after all"),
        ("olli", "hide", f"comment:{first}", "off topic"),
        ("olli", "create_invite", "role:stakeholder", ""),
        ("alice", "accept_invite", "user:alice", ""),
        ("olli", "create_invite", "role:stakeholder", ""),
    ]
    assert matched == 5

    reset = community.reset_password("alice", organiser=organiser)
    with pytest.raises(AuthenticationError):
        community.authenticate("alice", PASSWORD)
    assert community.redeem_reset(reset.token, PASSWORD + "2") == alice
    community.change_password(alice, PASSWORD + "2", PASSWORD + "3")
    assert community.authenticate("alice", PASSWORD + "3") == alice

    mine = community.my_data(alice)
    assert [c["comment_id"] for c in mine["comments"]] == [first, second]
    assert mine["comments"][0]["area"] == area and mine["account"]["display_name"] == "Alice A"
    assert [e["action"] for e in mine["audit"]] == [
        "change_password",
        "redeem_reset",
        "accept_invite",
    ]
    assert community.delete_account(alice) == 2
    assert community.comments().empty and "alice" not in {u.username for u in community.users()}
    with pytest.raises(NotFoundError):
        community.delete_account(alice)

    now[0] += timedelta(days=400)
    assert community.purge(Retention(comments_days=30, audit_days=365, invitations_days=30)) == {
        "comments": 0,
        "audit": 10,
        "invitations": 2,
    }  # alice's reset went with her
    assert community.audit_log(limit=10) == (0, [])


def _race(work: Any) -> list[str]:
    """Run ``work(0)`` and ``work(1)`` at the same moment in two threads; sorted outcomes
    (``ok``, or ``refused`` for a refusal)."""
    barrier = threading.Barrier(2)

    def run(k: int) -> str:
        barrier.wait()
        try:
            work(k)
            return "ok"
        except (ParameterError, ConflictError):
            return "refused"

    with ThreadPoolExecutor(2) as pool:
        return sorted(pool.map(run, range(2)))


def test_two_writers_race_for_one_invitation_and_one_hide(community: Community) -> None:
    moderators = [community.add_user(f"m{k}", PASSWORD, role="moderator") for k in range(2)]
    author = community.add_user("a", PASSWORD, role="stakeholder")
    for attempt in range(5):
        token = community.invite("stakeholder", created_by="m0").token
        comment_id = community.add_comment(
            author, lon=24.9, lat=60.1, text="x", category="idea", postal_code=None
        )
        assert _race(
            lambda k, token=token, attempt=attempt: community.accept_invitation(
                token, username=f"u{attempt}_{k}", display_name="U", password=PASSWORD
            )
        ) == ["ok", "refused"]
        assert _race(
            lambda k, comment_id=comment_id: community.hide_comment(
                comment_id, moderator=moderators[k], reason=f"r{k}"
            )
        ) == ["ok", "refused"]
    assert len([u for u in community.users() if u.username.startswith("u")]) == 5
    _, entries = community.audit_log(limit=100)
    assert sum(e["action"] == "hide" for e in entries) == 5
    assert community.comments().empty


# -- PostgreSQL only -------------------------------------------------------------------------
def test_migrations_upgrade_from_empty_and_twice_is_a_no_op(database: str) -> None:
    import psycopg

    from dikas.api.community_migrations import current, head, upgrade

    def tables() -> list[tuple[str, str]]:
        with psycopg.connect(database) as con:
            return con.execute(
                "SELECT table_name, column_name FROM "
                "information_schema.columns WHERE table_schema = 'public' "
                "ORDER BY table_name, ordinal_position"
            ).fetchall()

    assert current(database) is None and tables() == []
    assert upgrade(database, revision="0001") == "0001"
    with psycopg.connect(database) as con:  # a comment written before 0003
        con.execute(
            "INSERT INTO comments (author, category, text, lon, lat, created_at) "
            "VALUES ('alice', 'idea', 'old', 24.9, 60.2, '2026-01-01T00:00:00+00:00')"
        )
    assert upgrade(database) == head() == "0003"
    schema = tables()
    assert {t for t, _ in schema} == {
        "alembic_version",
        "audit_log",
        "comments",
        "invitations",
        "scenarios",
        "survey_answers",
        "survey_responses",
        "surveys",
        "users",
    }
    assert [c for t, c in schema if t == "comments"] == [
        "comment_id",
        "author",
        "category",
        "text",
        "lon",
        "lat",
        "postal_code",
        "created_at",
        "hidden",
        "hidden_by",
        "hidden_at",
        "author_name",
        "hidden_reason",
        "area",
    ]
    assert [c for t, c in schema if t == "users"][-1] == "display_name"
    assert [c for t, c in schema if t == "audit_log"] == [
        "entry_id",
        "at",
        "actor",
        "action",
        "target",
        "reason",
    ]
    community = Community(Path("/nonexistent/c.sqlite"), database=database, secret="k" * 32)
    community.add_user("alice", PASSWORD, role="stakeholder")
    community.close()
    assert upgrade(database) == "0003"  # again: nothing changes, nothing is lost
    assert tables() == schema
    with psycopg.connect(database) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0003",)]
        assert con.execute("SELECT text, author_name FROM comments").fetchall() == [("old", "")]
        assert con.execute("SELECT username FROM users").fetchall() == [("alice",)]
        indexes = {
            r[0]
            for r in con.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'comments'")
        }
    assert {
        "comments_by_visibility",
        "comments_by_position",
        "comments_by_author",
        "comments_by_time",
    } <= indexes


def test_cli_migrate(database: str) -> None:
    def migrate(url: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", "from dikas.cli.main import main; main()", "users", "migrate"],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(SRC), "DIKAS_COMMUNITY_DB": url},
        )

    done = migrate(database)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (f"community database {database} at version 0003 (newest: 0003)")
    refused = migrate("")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "dikas: error: dikas users migrate: set "
        "DIKAS_COMMUNITY_DB to a postgresql:// URL (a SQLite "
        "community file needs no migrations)"
    )


def test_unreachable_database_is_one_line(cluster: Cluster, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://dikas:hunter22@127.0.0.1:{port}/nothing"
    with pytest.raises(ServiceUnavailableError) as raised:
        Community(tmp_path / "c.sqlite", database=url)
    message = str(raised.value)
    assert "\n" not in message and "hunter22" not in message
    assert message.startswith(
        f"community database postgresql://dikas:***@127.0.0.1:{port}/nothing: cannot connect ("
    )
    with pytest.raises(ConfigError, match="not a postgresql:// URL"):
        Community(tmp_path / "c.sqlite", database="mysql://x/y")
    assert redact_url("postgresql://u:p@h/db") == "postgresql://u:***@h/db"
    assert not (tmp_path / "c.sqlite").exists()


# -- several server processes ----------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    """``dikas serve`` on a free port with its comments in the PostgreSQL ``database``."""

    def __init__(self, twin: Path, community: Path, database: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(SRC), "DIKAS_COMMUNITY_DB": database}
        self.log = community.with_name(f"serve-{self.port}.log")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "from dikas.cli.main import main; main()",
                    "serve",
                    str(twin),
                    "--port",
                    str(self.port),
                    "--comments",
                    str(community),
                    "--seed-tiles",
                    "0",
                    "--threads",
                    "4",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"dikas serve exited: {self.log.read_text()!r}")
            try:
                if httpx.get(f"{self.url}/api/status", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        pytest.fail(f"dikas serve did not answer within {START_S} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


class Pair:
    """Two ``dikas serve`` processes on one database (started once per module: starting
    them is the slow part); :meth:`running` restarts one a test has killed."""

    def __init__(self, twin: Path, community: Community, database: str) -> None:
        self.twin, self.community, self.database = twin, community, database
        self.servers = [Served(twin, community.path, database) for _ in range(2)]
        for server in self.servers:
            server.wait_ready()

    def running(self) -> list[Served]:
        for k, server in enumerate(self.servers):
            if server.process.poll() is not None:
                self.servers[k] = Served(self.twin, self.community.path, self.database)
                self.servers[k].wait_ready()
        return list(self.servers)

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


@pytest.fixture(scope="module")
def pair(
    small_twin: Path, cluster: Cluster, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    database = cluster.database(f"servers{os.getpid()}")
    community = Community(tmp_path_factory.mktemp("pair") / "community.sqlite", database=database)
    for name in ("alice", "bob", "carol", "dave"):
        community.add_user(name, PASSWORD, role="stakeholder")
    community.add_user("mod", PASSWORD, role="moderator")
    started = None
    try:
        started = Pair(small_twin, community, database)
        yield started
    finally:
        if started is not None:
            started.stop()
        community.close()


@pytest.fixture()
def two_servers(pair: Pair) -> tuple[Community, list[Served]]:
    return pair.community, pair.running()


def _sign_in(base: str, username: str) -> dict[str, str]:
    response = httpx.post(
        f"{base}/api/auth/token", json={"username": username, "password": PASSWORD}, timeout=30
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _all_ids(base: str) -> tuple[int, list[int]]:
    """Every comment id a server lists, page by page (50 a page)."""
    ids: list[int] = []
    href: str | None = "/api/comments?limit=50"
    matched = -1
    for _ in range(1000):
        page = httpx.get(base + href, timeout=30).json()
        matched = page["numberMatched"]
        ids += [f["id"] for f in page["features"]]
        href = next((link["href"] for link in page.get("links", []) if link["rel"] == "next"), None)
        if href is None:
            break
    return matched, ids


POSTS = 25
"""Comments each writer thread posts."""


def test_two_servers_write_at_once_nothing_lost(
    two_servers: tuple[Community, list[Served]],
) -> None:
    community, servers = two_servers
    writers = [(server, name) for server in servers for name in ("alice", "bob", "carol", "dave")]
    # each writer signs in on the other server: both processes share one key file
    other = {servers[0].url: servers[1].url, servers[1].url: servers[0].url}
    headers = {(s.url, n): _sign_in(other[s.url], n) for s, n in writers}
    before = len(community.comments())
    items = "/ogc/collections/comments/items"
    for server in servers:  # both load their served comments layer before the writes
        assert httpx.get(server.url + items, timeout=30).json()["numberMatched"] == before
    acknowledged: list[tuple[int, str]] = []
    lock = threading.Lock()
    start = threading.Barrier(len(writers))

    def write(server: Served, name: str) -> None:
        with httpx.Client(
            base_url=server.url, timeout=30, headers=headers[(server.url, name)]
        ) as client:
            start.wait()
            for i in range(POSTS):
                text = f"{name}@{server.port} #{i}"
                response = client.post(
                    "/api/comments", json={"text": text, "category": "need", "lon": LON, "lat": LAT}
                )
                assert response.status_code == 201, response.text
                # in public the display name (here the user name, the default)
                assert response.json()["properties"]["author_name"] == name
                with lock:
                    acknowledged.append((response.json()["id"], text))

    began = time.monotonic()
    with ThreadPoolExecutor(len(writers)) as pool:
        for future in [pool.submit(write, s, n) for s, n in writers]:
            future.result()
    elapsed = time.monotonic() - began
    total = len(writers) * POSTS
    assert len(acknowledged) == total
    ids = [i for i, _ in acknowledged]
    assert len(set(ids)) == total  # unique ids across both processes
    stored = community.comments()
    assert len(stored) == before + total
    texts = dict(zip(stored["comment_id"].astype(int), stored["text"], strict=True))
    assert {i: texts.get(i) for i in ids} == dict(acknowledged)
    for server in servers:
        matched, listed = _all_ids(server.url)
        assert matched == len(stored) and sorted(listed) == sorted(texts)
        assert listed == sorted(listed, reverse=True)  # newest first, no page overlap
        # the served OGC layer catches up with the other process's writes too
        served = httpx.get(server.url + items, params={"limit": 1000}, timeout=30).json()
        assert sorted(f["properties"]["comment_id"] for f in served["features"]) == sorted(texts)
    # a comment hidden through one server is gone from the other's layer and list
    hidden = ids[0]
    moderator = _sign_in(servers[0].url, "mod")
    assert (
        httpx.post(
            f"{servers[0].url}/api/comments/{hidden}/hide",
            headers=moderator,
            json={"reason": "spam"},
            timeout=30,
        ).status_code
        == 200
    )
    served = httpx.get(servers[1].url + items, params={"limit": 1000}, timeout=30).json()
    assert served["numberMatched"] == len(stored) - 1
    assert hidden not in {f["properties"]["comment_id"] for f in served["features"]}
    assert httpx.get(f"{servers[1].url}{items}/{hidden}", timeout=30).status_code == 404
    assert _all_ids(servers[1].url)[0] == len(stored) - 1
    # ... and restored through the other server, logged once each, seen by both
    restored = httpx.post(
        f"{servers[1].url}/api/comments/{hidden}/restore",
        headers=_sign_in(servers[1].url, "mod"),
        json={"reason": "not spam"},
        timeout=30,
    )
    assert restored.status_code == 200, restored.text
    served = httpx.get(servers[0].url + items, params={"limit": 1000}, timeout=30).json()
    assert hidden in {f["properties"]["comment_id"] for f in served["features"]}
    for server in servers:
        log = httpx.get(
            f"{server.url}/api/moderation/log", timeout=30, headers=_sign_in(server.url, "mod")
        ).json()["entries"]
        assert [(e["action"], e["reason"]) for e in log[:2]] == [
            ("restore", "not spam"),
            ("hide", "spam"),
        ]
    # one invitation accepted through both servers at the same moment: one account
    token = community.invite("stakeholder", created_by="test").token
    barrier = threading.Barrier(2)

    def accept(k: int) -> int:
        barrier.wait()
        return httpx.post(
            f"{servers[k].url}/api/auth/accept-invitation",
            timeout=30,
            json={
                "token": token,
                "username": f"racer{k}",
                "display_name": f"Racer {k}",
                "password": PASSWORD,
            },
        ).status_code

    with ThreadPoolExecutor(2) as pool:
        assert sorted(pool.map(accept, range(2))) == [201, 400]
    assert len([u for u in community.users() if u.username.startswith("racer")]) == 1
    print(f"\n{total} comments posted by {len(writers)} threads to 2 servers in {elapsed:.2f} s")


def test_kill_9_of_one_server_loses_nothing_acknowledged(
    two_servers: tuple[Community, list[Served]],
) -> None:
    community, (victim, survivor) = two_servers
    headers = {server.url: _sign_in(server.url, "alice") for server in (victim, survivor)}
    acknowledged: dict[int, str] = {}
    lock = threading.Lock()
    enough = threading.Event()
    killed = threading.Event()
    stop = threading.Event()
    after_kill: list[int] = []

    def write(server: Served, writer: int) -> None:
        with httpx.Client(base_url=server.url, timeout=30, headers=headers[server.url]) as c:
            for i in range(400):
                if stop.is_set():
                    return
                text = f"{server.port} writer {writer} #{i}"
                try:
                    response = c.post(
                        "/api/comments",
                        json={"text": text, "category": "idea", "lon": LON, "lat": LAT},
                    )
                except httpx.TransportError:
                    assert server is victim, "the surviving server stopped answering"
                    return
                assert response.status_code == 201, response.text
                with lock:
                    acknowledged[response.json()["id"]] = text
                    if killed.is_set() and server is survivor:
                        after_kill.append(response.json()["id"])
                    if len(acknowledged) >= 40:
                        enough.set()

    threads = [
        threading.Thread(target=write, args=(server, k))
        for server in (victim, survivor)
        for k in range(2)
    ]
    for thread in threads:
        thread.start()
    try:
        assert enough.wait(START_S), "the writers never got going"
        victim.process.kill()  # SIGKILL, mid-writes
        victim.process.wait(timeout=30)
        killed.set()
        deadline = time.monotonic() + START_S
        while len(after_kill) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)  # the survivor goes on writing after the kill
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    stored = community.comments()
    texts = dict(zip(stored["comment_id"].astype(int), stored["text"], strict=True))
    assert {i: texts.get(i) for i in acknowledged} == acknowledged
    assert len(after_kill) >= 20, "the surviving server stopped acknowledging"
    print(
        f"\n{len(acknowledged)} acknowledged comments all stored after kill -9 of one "
        f"server; {len(after_kill)} acknowledged by the other after the kill"
    )
    matched, listed = _all_ids(survivor.url)
    assert matched == len(stored) and set(acknowledged) <= set(listed)
