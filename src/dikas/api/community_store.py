"""Where the community data (accounts, comments, scenario runs) is kept: a SQLite file or a
PostgreSQL database, behind one small interface used by :class:`dikas.api.community.Community`.

SQLite is the embedded default (a file next to the twin, mode 0600, one short connection
per operation). A ``postgresql://`` URL (``DIKAS_COMMUNITY_DB``) keeps the data in
PostgreSQL instead, so several server processes can share it: a bounded pool of psycopg
connections per process, one transaction per operation, the schema managed by the Alembic
migrations in :mod:`dikas.api.migrations` (upgraded to head when the store opens, under an
advisory lock so that processes starting together do not race).

Every write commits before the method returns, so whatever the API acknowledged survives
a ``kill -9`` of the server. No secret is ever stored in either database.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from dikas.api.errors import ServiceUnavailableError
from dikas.errors import ConfigError

POSTGRES_SCHEMES = ("postgresql", "postgres")
"""URL schemes naming a PostgreSQL community database."""
POOL_SIZE = 8
"""Connections one process keeps to PostgreSQL at most (requests beyond it wait)."""
POOL_WAIT_S = 30.0
"""How long an operation waits for a free connection before answering 503."""

COMMENT_COLUMNS = ("comment_id", "author", "category", "text", "postal_code", "created_at",
                   "hidden", "lon", "lat")
"""Columns of the comment rows the stores return, in order."""

_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
    created_at TEXT NOT NULL, token_version TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS comments (
    comment_id INTEGER PRIMARY KEY AUTOINCREMENT, author TEXT NOT NULL, category TEXT NOT NULL,
    text TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, postal_code TEXT,
    created_at TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0, hidden_by TEXT,
    hidden_at TEXT);
CREATE INDEX IF NOT EXISTS comments_by_visibility ON comments (hidden, comment_id);
CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scenarios (
    scenario_id TEXT PRIMARY KEY, name TEXT NOT NULL, result TEXT NOT NULL,
    created_at TEXT NOT NULL);
"""


def is_database_url(location: str | os.PathLike[str] | None) -> bool:
    """Whether ``location`` is a PostgreSQL URL (rather than a SQLite file)."""
    return isinstance(location, str) and location.split(":", 1)[0].lower() in POSTGRES_SCHEMES


def redact_url(url: str) -> str:
    """``url`` without its password (for messages and logs)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def create_private(path: Path, content: bytes = b"") -> None:
    """Create ``path`` holding ``content``, readable by its owner only (mode 0600), unless it
    exists. The content is written to a temporary file first and linked into place, so a
    concurrent reader never sees a half-written file."""
    if path.exists():
        return
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, content)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(temporary, path)  # fails if another process created it meanwhile
    except FileExistsError:
        pass
    finally:
        temporary.unlink()


class Cursor(Protocol):
    """What the stores use of a DB-API cursor."""

    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class CommunityStore:
    """The SQL of the community data, shared by both databases.

    Subclasses provide :meth:`transaction` (a connection inside one transaction, committed
    on leaving) and the few fragments where the dialects differ. Queries are written with
    ``?`` placeholders.
    """

    name: str
    """The database, for messages (a file name or a URL without its password)."""
    HIDDEN = "1"
    VISIBLE = "0"
    RESULT_BYTES = "length(CAST(result AS BLOB))"
    ORDER = "rowid"
    """Column ordering scenario runs stored within the same second."""

    @contextmanager
    def transaction(self) -> Iterator[Any]:  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    def execute(self, con: Any, query: str, params: list[Any] | tuple[Any, ...] = ()) -> Cursor:
        """Run ``query`` (``?`` placeholders) on ``con``."""
        return con.execute(query, params)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Release the connections this store keeps (none for SQLite)."""

    # -- users -------------------------------------------------------------------------------
    def upsert_user(self, username: str, password_hash: str, role: str, created_at: str,
                    token_version: str) -> None:
        with self.transaction() as con:
            self.execute(con, "INSERT INTO users (username, password_hash, role, created_at, "
                         "token_version) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO "
                         "UPDATE SET password_hash = excluded.password_hash, "
                         "role = excluded.role, token_version = excluded.token_version",
                         [username, password_hash, role, created_at, token_version])

    def set_token_version(self, username: str, token_version: str) -> None:
        with self.transaction() as con:
            self.execute(con, "UPDATE users SET token_version = ? WHERE username = ?",
                         [token_version, username])

    def delete_user(self, username: str) -> bool:
        with self.transaction() as con:
            return self.execute(con, "DELETE FROM users WHERE username = ?",
                                [username]).rowcount > 0

    def users(self) -> list[tuple[str, str]]:
        with self.transaction() as con:
            rows = self.execute(con, "SELECT username, role FROM users "
                                     "ORDER BY username").fetchall()
        return [(row[0], row[1]) for row in rows]

    def user(self, username: str) -> tuple[str, str, str, str] | None:
        """``(name, role, password hash, token version)`` of an account."""
        with self.transaction() as con:
            row = self.execute(con, "SELECT username, role, password_hash, token_version "
                                    "FROM users WHERE username = ?", [username]).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3])

    # -- comments ----------------------------------------------------------------------------
    def insert_comment(self, author: str, category: str, text: str, lon: float, lat: float,
                       postal_code: str | None, created_at: str) -> int:
        with self.transaction() as con:
            row = self.execute(con, "INSERT INTO comments (author, category, text, lon, lat, "
                               "postal_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                               "RETURNING comment_id",
                               [author, category, text, lon, lat, postal_code,
                                created_at]).fetchone()
        return int(row[0])

    def hide_comment(self, comment_id: int, moderator: str, hidden_at: str) -> bool:
        with self.transaction() as con:
            return self.execute(con, f"UPDATE comments SET hidden = {self.HIDDEN}, "
                                "hidden_by = ?, hidden_at = ? WHERE comment_id = ?",
                                [moderator, hidden_at, comment_id]).rowcount > 0

    def _where(self, *, include_hidden: bool, category: str | None,
               bbox: tuple[float, float, float, float] | None,
               comment_id: int | None) -> tuple[str, list[Any]]:
        where, params = [] if include_hidden else [f"hidden = {self.VISIBLE}"], []
        if comment_id is not None:
            where.append("comment_id = ?")
            params.append(comment_id)
        if category is not None:
            where.append("category = ?")
            params.append(category)
        if bbox is not None:
            where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            params += [bbox[0], bbox[2], bbox[1], bbox[3]]
        return (f" WHERE {' AND '.join(where)}" if where else ""), params

    def comment_rows(self, *, include_hidden: bool = False, category: str | None = None,
                     bbox: tuple[float, float, float, float] | None = None,
                     comment_id: int | None = None, after: int | None = None,
                     newest_first: bool = False,
                     limit: int | None = None, offset: int = 0) -> list[tuple[Any, ...]]:
        """Comments (:data:`COMMENT_COLUMNS`) matching the filters (``after``: only ids
        above it), by id."""
        clause, params = self._where(include_hidden=include_hidden, category=category,
                                     bbox=bbox, comment_id=comment_id)
        if after is not None:
            clause += f"{' AND' if clause else ' WHERE'} comment_id > ?"
            params.append(after)
        query = (f"SELECT {', '.join(COMMENT_COLUMNS)} FROM comments{clause} ORDER BY "
                 f"comment_id{' DESC' if newest_first else ''}")
        if limit is not None:
            query += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self.transaction() as con:
            return [tuple(row) for row in self.execute(con, query, params).fetchall()]

    def count_comments(self, *, include_hidden: bool = False, category: str | None = None,
                       bbox: tuple[float, float, float, float] | None = None) -> int:
        clause, params = self._where(include_hidden=include_hidden, category=category,
                                     bbox=bbox, comment_id=None)
        with self.transaction() as con:
            return int(self.execute(con, f"SELECT count(*) FROM comments{clause}",
                                    params).fetchone()[0])

    def comments_version(self) -> tuple[int, int]:
        """``(comments, visible comments)``: changes with every comment written or hidden,
        by any process."""
        with self.transaction() as con:
            row = self.execute(con, "SELECT count(*), coalesce(sum(CASE WHEN hidden = "
                                    f"{self.VISIBLE} THEN 1 ELSE 0 END), 0) FROM comments"
                               ).fetchone()
        return int(row[0]), int(row[1])

    def visible_comment_ids(self) -> list[int]:
        """Ids of the visible comments, ascending (one integer column, not the rows)."""
        with self.transaction() as con:
            rows = self.execute(con, f"SELECT comment_id FROM comments WHERE hidden = "
                                     f"{self.VISIBLE} ORDER BY comment_id").fetchall()
        return [int(row[0]) for row in rows]

    def comment_bounds(self) -> tuple[float, float, float, float] | None:
        with self.transaction() as con:
            row = self.execute(con, "SELECT min(lon), min(lat), max(lon), max(lat) FROM "
                                    f"comments WHERE hidden = {self.VISIBLE}").fetchone()
        return None if row[0] is None else (row[0], row[1], row[2], row[3])

    # -- scenario runs -----------------------------------------------------------------------
    def _put_scenario(self, con: Any, scenario_id: str, name: str, payload: str,
                      created_at: str) -> None:
        self.execute(con, "INSERT OR REPLACE INTO scenarios VALUES (?, ?, ?, ?)",
                     [scenario_id, name, payload, created_at])

    def save_scenario(self, scenario_id: str, name: str, payload: str, created_at: str, *,
                      keep: int | None, max_bytes: int | None) -> bool:
        """Store a run, then drop all but the ``keep`` newest and the newest within
        ``max_bytes``, in one transaction; whether this run is still there."""
        order = f"created_at DESC, {self.ORDER} DESC"
        with self.transaction() as con:
            self._put_scenario(con, scenario_id, name, payload, created_at)
            if keep is not None:
                self.execute(con, "DELETE FROM scenarios WHERE scenario_id NOT IN (SELECT "
                             f"scenario_id FROM scenarios ORDER BY {order} LIMIT ?)", [keep])
            if max_bytes is not None:
                self.execute(con, f"DELETE FROM scenarios WHERE {self.ORDER} IN (SELECT "
                             f"{self.ORDER} FROM (SELECT {self.ORDER}, sum({self.RESULT_BYTES}) "
                             f"OVER (ORDER BY {order}) AS total FROM scenarios) AS running "
                             "WHERE total > ?)", [max_bytes])
            return self.execute(con, "SELECT 1 FROM scenarios WHERE scenario_id = ?",
                                [scenario_id]).fetchone() is not None

    def scenario_bytes(self) -> int:
        with self.transaction() as con:
            return int(self.execute(con, f"SELECT coalesce(sum({self.RESULT_BYTES}), 0) "
                                         "FROM scenarios").fetchone()[0])

    def scenario(self, scenario_id: str) -> str | None:
        """The JSON of a kept run."""
        with self.transaction() as con:
            row = self.execute(con, "SELECT result FROM scenarios WHERE scenario_id = ?",
                               [scenario_id]).fetchone()
        return None if row is None else str(row[0])

    # -- legacy ------------------------------------------------------------------------------
    def take_stored_secret(self) -> str | None:
        """A token key an older version kept in the database, deleted from it (the caller
        moves it to the key file first)."""
        return None

    def drop_stored_secret(self) -> None:
        """Delete the key :meth:`take_stored_secret` returned."""


class SqliteStore(CommunityStore):
    """The community data in one SQLite file (created with mode 0600)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = str(self.path)
        create_private(self.path)
        with self.transaction() as con:
            con.executescript(_SQLITE_SCHEMA)
            columns = [row[1] for row in con.execute("PRAGMA table_info(users)")]
            if "token_version" not in columns:  # a database of an older version
                con.execute("ALTER TABLE users ADD COLUMN token_version TEXT NOT NULL "
                            "DEFAULT ''")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=10)
        try:
            with con:
                yield con
        finally:
            con.close()

    def take_stored_secret(self) -> str | None:
        with self.transaction() as con:
            row = con.execute("SELECT value FROM secrets WHERE name = 'token'").fetchone()
        return None if row is None else str(row[0])

    def drop_stored_secret(self) -> None:
        with self.transaction() as con:
            con.execute("DELETE FROM secrets WHERE name = 'token'")


class PostgresStore(CommunityStore):
    """The community data in a PostgreSQL database (``postgresql://user@host:port/db``).

    Keeps at most ``pool_size`` connections (idle ones are reused; a broken one is dropped);
    an operation that finds none free within :data:`POOL_WAIT_S` answers 503. Opening the
    store upgrades the schema to the newest migration (``migrate=False`` leaves it).
    """

    HIDDEN = "true"
    VISIBLE = "false"
    RESULT_BYTES = "octet_length(result)"
    ORDER = "seq"

    def __init__(self, url: str, *, pool_size: int = POOL_SIZE, migrate: bool = True) -> None:
        try:
            import psycopg
        except ImportError as error:  # pragma: no cover - a dependency
            raise ConfigError(f"community database {redact_url(url)}: psycopg is not "
                              "installed (pip install 'psycopg[binary]')") from error
        self._psycopg = psycopg
        self.url = url
        self.name = redact_url(url)
        self._idle: list[Any] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(pool_size)
        self.pool_size = pool_size
        if migrate:
            from dikas.api.community_migrations import upgrade

            upgrade(url)
        with self.transaction() as con:  # fails here, in one line, when unreachable
            con.execute("SELECT 1 FROM users LIMIT 1")

    def _connect(self) -> Any:
        try:
            return self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except self._psycopg.Error as error:
            raise ServiceUnavailableError(f"community database {self.name}: cannot connect "
                                          f"({_first_line(error)})") from error

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        if not self._slots.acquire(timeout=POOL_WAIT_S):
            raise ServiceUnavailableError(f"community database {self.name}: all "
                                          f"{self.pool_size} connections busy")
        con = None
        try:
            with self._lock:
                con = self._idle.pop() if self._idle else None
            if con is None or con.closed:
                con = self._connect()
            try:
                with con.transaction():
                    yield con
            except self._psycopg.OperationalError as error:
                raise ServiceUnavailableError(f"community database {self.name}: "
                                              f"{_first_line(error)}") from error
            except self._psycopg.Error as error:
                raise ServiceUnavailableError(f"community database {self.name}: query "
                                              f"failed ({_first_line(error)})") from error
        finally:
            if con is not None:
                if con.closed or con.broken:
                    con.close()
                else:
                    with self._lock:
                        self._idle.append(con)
            self._slots.release()

    def execute(self, con: Any, query: str, params: list[Any] | tuple[Any, ...] = ()) -> Cursor:
        return con.execute(query.replace("?", "%s"), params)  # type: ignore[no-any-return]

    def _put_scenario(self, con: Any, scenario_id: str, name: str, payload: str,
                      created_at: str) -> None:
        # a run stored again becomes the newest, as SQLite's INSERT OR REPLACE makes it
        self.execute(con, "INSERT INTO scenarios (scenario_id, name, result, created_at) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT (scenario_id) DO UPDATE SET "
                     "name = excluded.name, result = excluded.result, "
                     "created_at = excluded.created_at, "
                     "seq = nextval(pg_get_serial_sequence('scenarios', 'seq'))",
                     [scenario_id, name, payload, created_at])

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for con in idle:
            con.close()


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def open_store(path: Path, *, database: str | None = None) -> CommunityStore:
    """The store of ``database`` (a ``postgresql://`` URL) when given, else the SQLite file
    ``path``."""
    if database:
        if not is_database_url(database):
            raise ConfigError(f"community database {redact_url(database)!r}: not a "
                              "postgresql:// URL (DIKAS_COMMUNITY_DB)")
        return PostgresStore(database)
    return SqliteStore(path)
