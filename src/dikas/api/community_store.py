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

COMMENT_COLUMNS = (
    "comment_id",
    "author",
    "author_name",
    "category",
    "text",
    "postal_code",
    "created_at",
    "hidden",
    "hidden_reason",
    "area",
    "lon",
    "lat",
)
"""Columns of the comment rows the stores return, in order (``area``: a GeoJSON polygon
as text, or NULL for a comment pinned to a point)."""
AUDIT_COLUMNS = ("entry_id", "at", "actor", "action", "target", "reason")
"""Columns of the audit log rows the stores return, in order."""
UNUSABLE_PASSWORD = "!"
"""A password hash no password matches (an account whose password an organiser reset)."""

_SQLITE_UPGRADES = (
    ("users", "token_version", "TEXT NOT NULL DEFAULT ''"),
    ("users", "display_name", "TEXT NOT NULL DEFAULT ''"),
    ("comments", "author_name", "TEXT NOT NULL DEFAULT ''"),
    ("comments", "hidden_reason", "TEXT"),
    ("comments", "area", "TEXT"),
)
"""Columns a SQLite file of an older version lacks: (table, column, definition)."""
_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
    created_at TEXT NOT NULL, token_version TEXT NOT NULL DEFAULT '',
    display_name TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS comments (
    comment_id INTEGER PRIMARY KEY AUTOINCREMENT, author TEXT NOT NULL, category TEXT NOT NULL,
    text TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, postal_code TEXT,
    created_at TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0, hidden_by TEXT,
    hidden_at TEXT, author_name TEXT NOT NULL DEFAULT '', hidden_reason TEXT, area TEXT);
CREATE INDEX IF NOT EXISTS comments_by_visibility ON comments (hidden, comment_id);
CREATE TABLE IF NOT EXISTS audit_log (
    entry_id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, target TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (at);
CREATE INDEX IF NOT EXISTS audit_log_by_actor ON audit_log (actor);
CREATE INDEX IF NOT EXISTS comments_by_author ON comments (author);
CREATE INDEX IF NOT EXISTS comments_by_time ON comments (created_at);
CREATE TABLE IF NOT EXISTS invitations (
    token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, role TEXT NOT NULL, username TEXT,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
    used_at TEXT);
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
        return con.execute(query, params)

    def close(self) -> None:
        """Release the connections this store keeps (none for SQLite)."""

    # -- users -------------------------------------------------------------------------------
    def upsert_user(
        self,
        username: str,
        password_hash: str,
        role: str,
        created_at: str,
        token_version: str,
        display_name: str,
    ) -> None:
        with self.transaction() as con:
            self.execute(
                con,
                "INSERT INTO users (username, password_hash, role, created_at, "
                "token_version, display_name) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
                "(username) DO UPDATE SET password_hash = excluded.password_hash, "
                "role = excluded.role, token_version = excluded.token_version, "
                "display_name = excluded.display_name",
                [username, password_hash, role, created_at, token_version, display_name],
            )

    def set_password(
        self,
        username: str,
        password_hash: str,
        token_version: str,
        *,
        at: str,
        actor: str,
        action: str,
    ) -> bool:
        """Replace a password (or make it unusable) and revoke older tokens, logged."""
        with self.transaction() as con:
            changed = (
                self.execute(
                    con,
                    "UPDATE users SET password_hash = ?, token_version = ? WHERE username = ?",
                    [password_hash, token_version, username],
                ).rowcount
                > 0
            )
            if changed:
                self.log(con, at, actor, action, f"user:{username}", "")
            return changed

    def profile(self, username: str) -> tuple[str, str, str, str] | None:
        """``(name, display name, role, created at)`` of an account."""
        with self.transaction() as con:
            row = self.execute(
                con,
                "SELECT username, display_name, role, created_at FROM users WHERE username = ?",
                [username],
            ).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3])

    def delete_account(self, username: str, *, at: str) -> tuple[int, bool]:
        """Delete an account, its comments and the invitations naming it, in one
        transaction (logged); ``(comments deleted, whether the account existed)``."""
        with self.transaction() as con:
            comments = self.execute(
                con, "DELETE FROM comments WHERE author = ?", [username]
            ).rowcount
            self.execute(con, "DELETE FROM invitations WHERE username = ?", [username])
            existed = (
                self.execute(con, "DELETE FROM users WHERE username = ?", [username]).rowcount > 0
            )
            if existed:
                self.log(
                    con,
                    at,
                    username,
                    "delete_account",
                    f"user:{username}",
                    f"{comments} comments deleted",
                )
            return comments, existed

    # -- audit log ---------------------------------------------------------------------------
    def log(self, con: Any, at: str, actor: str, action: str, target: str, reason: str) -> None:
        """Add an entry to the audit log inside the caller's transaction."""
        self.execute(
            con,
            "INSERT INTO audit_log (at, actor, action, target, reason) VALUES (?, ?, ?, ?, ?)",
            [at, actor, action, target, reason],
        )

    def audit_rows(
        self, *, limit: int, offset: int = 0, actor: str | None = None
    ) -> tuple[int, list[tuple[Any, ...]]]:
        """``(entries matched, one page)`` of the audit log (:data:`AUDIT_COLUMNS`), newest
        first, optionally only one actor's."""
        clause, params = (" WHERE actor = ?", [actor]) if actor is not None else ("", [])
        with self.transaction() as con:
            matched = int(
                self.execute(con, f"SELECT count(*) FROM audit_log{clause}", params).fetchone()[0]
            )
            rows = self.execute(
                con,
                f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log"
                f"{clause} ORDER BY entry_id DESC LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        return matched, [tuple(row) for row in rows]

    # -- invitations and password resets ----------------------------------------------------
    def insert_invitation(
        self,
        token_hash: str,
        *,
        kind: str,
        role: str,
        username: str | None,
        created_by: str,
        created_at: str,
        expires_at: str,
    ) -> None:
        with self.transaction() as con:
            self.execute(
                con,
                "INSERT INTO invitations (token_hash, kind, role, username, "
                "created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [token_hash, kind, role, username, created_by, created_at, expires_at],
            )
            self.log(
                con,
                created_at,
                created_by,
                f"create_{kind}",
                f"user:{username}" if username else f"role:{role}",
                "",
            )

    def _take_invitation(
        self, con: Any, token_hash: str, kind: str, now: str
    ) -> tuple[str, str | None] | str:
        """Mark an unused, unexpired token used (one writer wins, also across processes:
        the update re-checks ``used_at`` under the row lock); its ``(role, username)``, or
        why not (``unknown``, ``used``, ``expired``)."""
        taken = self.execute(
            con,
            "UPDATE invitations SET used_at = ? WHERE token_hash = ? "
            "AND kind = ? AND used_at IS NULL AND expires_at > ? "
            "RETURNING role, username",
            [now, token_hash, kind, now],
        ).fetchone()
        if taken is not None:
            return str(taken[0]), taken[1]
        row = self.execute(
            con,
            "SELECT used_at FROM invitations WHERE token_hash = ? AND kind = ?",
            [token_hash, kind],
        ).fetchone()
        return "unknown" if row is None else "used" if row[0] is not None else "expired"

    def accept_invitation(
        self,
        token_hash: str,
        *,
        now: str,
        username: str,
        display_name: str,
        password_hash: str,
        token_version: str,
    ) -> str | None:
        """Create the account an invitation allows, in one transaction; its role, or
        ``None`` when the name is taken (nothing changes), or why the token is refused."""
        with self.transaction() as con:
            if (
                self.execute(con, "SELECT 1 FROM users WHERE username = ?", [username]).fetchone()
                is not None
            ):
                return None
            taken = self._take_invitation(con, token_hash, "invite", now)
            if isinstance(taken, str):
                return f"!{taken}"
            inserted = self.execute(
                con,
                "INSERT INTO users (username, password_hash, role, "
                "created_at, token_version, display_name) VALUES "
                "(?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
                [username, password_hash, taken[0], now, token_version, display_name],
            ).rowcount
            if not inserted:  # a concurrent acceptance took the name: undo the use
                self.execute(
                    con, "UPDATE invitations SET used_at = NULL WHERE token_hash = ?", [token_hash]
                )
                return None
            self.log(con, now, username, "accept_invite", f"user:{username}", "")
            return taken[0]

    def redeem_reset(
        self, token_hash: str, *, now: str, password_hash: str, token_version: str
    ) -> str:
        """Set the password a reset token allows; the user name, or ``!why`` (refused)."""
        with self.transaction() as con:
            taken = self._take_invitation(con, token_hash, "reset", now)
            if isinstance(taken, str):
                return f"!{taken}"
            username = str(taken[1])
            changed = self.execute(
                con,
                "UPDATE users SET password_hash = ?, token_version = ? WHERE username = ?",
                [password_hash, token_version, username],
            ).rowcount
            if not changed:
                return "!unknown"
            self.log(con, now, username, "redeem_reset", f"user:{username}", "")
            return username

    # -- retention ---------------------------------------------------------------------------
    def purge(
        self, *, comments_before: str, audit_before: str, invitations_before: str
    ) -> tuple[int, int, int]:
        """Delete comments created, audit entries written and invitations expired before
        the given times; ``(comments, audit entries, invitations)`` deleted."""
        with self.transaction() as con:
            comments = self.execute(
                con, "DELETE FROM comments WHERE created_at < ?", [comments_before]
            ).rowcount
            audit = self.execute(con, "DELETE FROM audit_log WHERE at < ?", [audit_before]).rowcount
            invitations = self.execute(
                con,
                "DELETE FROM invitations WHERE expires_at < ? OR used_at < ?",
                [invitations_before, invitations_before],
            ).rowcount
        return comments, audit, invitations

    def set_token_version(self, username: str, token_version: str) -> None:
        with self.transaction() as con:
            self.execute(
                con,
                "UPDATE users SET token_version = ? WHERE username = ?",
                [token_version, username],
            )

    def delete_user(self, username: str) -> bool:
        with self.transaction() as con:
            return (
                self.execute(con, "DELETE FROM users WHERE username = ?", [username]).rowcount > 0
            )

    def users(self) -> list[tuple[str, str]]:
        with self.transaction() as con:
            rows = self.execute(
                con, "SELECT username, role FROM users ORDER BY username"
            ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def user(self, username: str) -> tuple[str, str, str, str] | None:
        """``(name, role, password hash, token version)`` of an account."""
        with self.transaction() as con:
            row = self.execute(
                con,
                "SELECT username, role, password_hash, token_version FROM users WHERE username = ?",
                [username],
            ).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3])

    # -- comments ----------------------------------------------------------------------------
    def insert_comment(
        self,
        author: str,
        category: str,
        text: str,
        lon: float,
        lat: float,
        postal_code: str | None,
        created_at: str,
        *,
        author_name: str = "",
        area: str | None = None,
    ) -> int:
        with self.transaction() as con:
            row = self.execute(
                con,
                "INSERT INTO comments (author, category, text, lon, lat, "
                "postal_code, created_at, author_name, area) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING comment_id",
                [author, category, text, lon, lat, postal_code, created_at, author_name, area],
            ).fetchone()
        return int(row[0])

    def hide_comment(
        self, comment_id: int, moderator: str, hidden_at: str, reason: str = ""
    ) -> bool:
        """Hide a visible comment and log who, when and why; whether it was visible."""
        return (
            self.moderate(comment_id, hide=True, moderator=moderator, at=hidden_at, reason=reason)
            == "done"
        )

    def moderate(self, comment_id: int, *, hide: bool, moderator: str, at: str, reason: str) -> str:
        """Hide (or restore) a comment and log it, in one transaction: ``done``,
        ``missing`` (no such comment) or ``unchanged`` (already hidden / visible)."""
        before, after = (self.VISIBLE, self.HIDDEN) if hide else (self.HIDDEN, self.VISIBLE)
        with self.transaction() as con:
            changed = (
                self.execute(
                    con,
                    f"UPDATE comments SET hidden = {after}, "
                    "hidden_by = ?, hidden_at = ?, hidden_reason = ? WHERE "
                    f"comment_id = ? AND hidden = {before}",
                    [moderator, at, reason if hide else None, comment_id],
                ).rowcount
                > 0
            )
            if changed:
                self.log(
                    con,
                    at,
                    moderator,
                    "hide" if hide else "restore",
                    f"comment:{comment_id}",
                    reason,
                )
                return "done"
            exists = (
                self.execute(
                    con, "SELECT 1 FROM comments WHERE comment_id = ?", [comment_id]
                ).fetchone()
                is not None
            )
        return "unchanged" if exists else "missing"

    def _where(
        self,
        *,
        include_hidden: bool,
        category: str | None,
        bbox: tuple[float, float, float, float] | None,
        comment_id: int | None,
        author: str | None = None,
    ) -> tuple[str, list[Any]]:
        where = [] if include_hidden else [f"hidden = {self.VISIBLE}"]
        params: list[Any] = []
        if author is not None:
            where.append("author = ?")
            params.append(author)
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

    def comment_rows(
        self,
        *,
        include_hidden: bool = False,
        category: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        comment_id: int | None = None,
        after: int | None = None,
        newest_first: bool = False,
        author: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[tuple[Any, ...]]:
        """Comments (:data:`COMMENT_COLUMNS`) matching the filters (``after``: only ids
        above it), by id."""
        clause, params = self._where(
            include_hidden=include_hidden,
            category=category,
            bbox=bbox,
            comment_id=comment_id,
            author=author,
        )
        if after is not None:
            clause += f"{' AND' if clause else ' WHERE'} comment_id > ?"
            params.append(after)
        query = (
            f"SELECT {', '.join(COMMENT_COLUMNS)} FROM comments{clause} ORDER BY "
            f"comment_id{' DESC' if newest_first else ''}"
        )
        if limit is not None:
            query += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self.transaction() as con:
            return [tuple(row) for row in self.execute(con, query, params).fetchall()]

    def count_comments(
        self,
        *,
        include_hidden: bool = False,
        category: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> int:
        clause, params = self._where(
            include_hidden=include_hidden, category=category, bbox=bbox, comment_id=None
        )
        with self.transaction() as con:
            return int(
                self.execute(con, f"SELECT count(*) FROM comments{clause}", params).fetchone()[0]
            )

    def comments_version(self) -> tuple[int, int, int]:
        """``(comments, visible comments, newest audit entry)``: changes with every comment
        written, hidden, restored or deleted, by any process (a hide and a restore
        elsewhere leave the counts but add audit entries)."""
        with self.transaction() as con:
            row = self.execute(
                con,
                "SELECT count(*), coalesce(sum(CASE WHEN hidden = "
                f"{self.VISIBLE} THEN 1 ELSE 0 END), 0), (SELECT "
                "coalesce(max(entry_id), 0) FROM audit_log) FROM comments",
            ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def visible_comment_ids(self) -> list[int]:
        """Ids of the visible comments, ascending (one integer column, not the rows)."""
        with self.transaction() as con:
            rows = self.execute(
                con,
                f"SELECT comment_id FROM comments WHERE hidden = "
                f"{self.VISIBLE} ORDER BY comment_id",
            ).fetchall()
        return [int(row[0]) for row in rows]

    def comment_bounds(self) -> tuple[float, float, float, float] | None:
        with self.transaction() as con:
            row = self.execute(
                con,
                "SELECT min(lon), min(lat), max(lon), max(lat) FROM "
                f"comments WHERE hidden = {self.VISIBLE}",
            ).fetchone()
        return None if row[0] is None else (row[0], row[1], row[2], row[3])

    # -- scenario runs -----------------------------------------------------------------------
    def _put_scenario(
        self, con: Any, scenario_id: str, name: str, payload: str, created_at: str
    ) -> None:
        self.execute(
            con,
            "INSERT OR REPLACE INTO scenarios VALUES (?, ?, ?, ?)",
            [scenario_id, name, payload, created_at],
        )

    def save_scenario(
        self,
        scenario_id: str,
        name: str,
        payload: str,
        created_at: str,
        *,
        keep: int | None,
        max_bytes: int | None,
    ) -> bool:
        """Store a run, then drop all but the ``keep`` newest and the newest within
        ``max_bytes``, in one transaction; whether this run is still there."""
        order = f"created_at DESC, {self.ORDER} DESC"
        with self.transaction() as con:
            self._put_scenario(con, scenario_id, name, payload, created_at)
            if keep is not None:
                self.execute(
                    con,
                    "DELETE FROM scenarios WHERE scenario_id NOT IN (SELECT "
                    f"scenario_id FROM scenarios ORDER BY {order} LIMIT ?)",
                    [keep],
                )
            if max_bytes is not None:
                self.execute(
                    con,
                    f"DELETE FROM scenarios WHERE {self.ORDER} IN (SELECT "
                    f"{self.ORDER} FROM (SELECT {self.ORDER}, sum({self.RESULT_BYTES}) "
                    f"OVER (ORDER BY {order}) AS total FROM scenarios) AS running "
                    "WHERE total > ?)",
                    [max_bytes],
                )
            return (
                self.execute(
                    con, "SELECT 1 FROM scenarios WHERE scenario_id = ?", [scenario_id]
                ).fetchone()
                is not None
            )

    def scenario_bytes(self) -> int:
        with self.transaction() as con:
            return int(
                self.execute(
                    con, f"SELECT coalesce(sum({self.RESULT_BYTES}), 0) FROM scenarios"
                ).fetchone()[0]
            )

    def scenario(self, scenario_id: str) -> str | None:
        """The JSON of a kept run."""
        with self.transaction() as con:
            row = self.execute(
                con, "SELECT result FROM scenarios WHERE scenario_id = ?", [scenario_id]
            ).fetchone()
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
            # a file of an older version: its tables first gain the newer columns
            existing = {
                row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            for table, column, definition in _SQLITE_UPGRADES:
                if table in existing and column not in {
                    row[1] for row in con.execute(f"PRAGMA table_info({table})")
                }:
                    con.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
            con.executescript(_SQLITE_SCHEMA)

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
            raise ConfigError(
                f"community database {redact_url(url)}: psycopg is not "
                "installed (pip install 'psycopg[binary]')"
            ) from error
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
            raise ServiceUnavailableError(
                f"community database {self.name}: cannot connect ({_first_line(error)})"
            ) from error

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        if not self._slots.acquire(timeout=POOL_WAIT_S):
            raise ServiceUnavailableError(
                f"community database {self.name}: all {self.pool_size} connections busy"
            )
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
                raise ServiceUnavailableError(
                    f"community database {self.name}: {_first_line(error)}"
                ) from error
            except self._psycopg.Error as error:
                raise ServiceUnavailableError(
                    f"community database {self.name}: query failed ({_first_line(error)})"
                ) from error
        finally:
            if con is not None:
                if con.closed or con.broken:
                    con.close()
                else:
                    with self._lock:
                        self._idle.append(con)
            self._slots.release()

    def execute(self, con: Any, query: str, params: list[Any] | tuple[Any, ...] = ()) -> Cursor:
        return con.execute(query.replace("?", "%s"), params)

    def _put_scenario(
        self, con: Any, scenario_id: str, name: str, payload: str, created_at: str
    ) -> None:
        # a run stored again becomes the newest, as SQLite's INSERT OR REPLACE makes it
        self.execute(
            con,
            "INSERT INTO scenarios (scenario_id, name, result, created_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (scenario_id) DO UPDATE SET "
            "name = excluded.name, result = excluded.result, "
            "created_at = excluded.created_at, "
            "seq = nextval(pg_get_serial_sequence('scenarios', 'seq'))",
            [scenario_id, name, payload, created_at],
        )

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
            raise ConfigError(
                f"community database {redact_url(database)!r}: not a "
                "postgresql:// URL (DIKAS_COMMUNITY_DB)"
            )
        return PostgresStore(database)
    return SqliteStore(path)
