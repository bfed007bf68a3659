"""Stakeholder accounts, comments and scenario runs, kept in a SQLite file next to the (read-only)
twin or in a PostgreSQL database shared by several server processes.

Passwords are stored as scrypt hashes (RFC 7914; ``N=2**14, r=8, p=1``, 16-byte random salt)
and compared in constant time; they are never logged or returned. A sign-in with an unknown
user name costs the same scrypt as a known one (checked against a dummy hash), so response
times do not tell which names exist. Access tokens are
``base64url(payload).base64url(HMAC-SHA256(secret, payload))`` with the user name, role,
expiry and the user's token version; a token is only honoured while its user still exists
with that role and version (a new password or role, or signing out, issues a new version and
so revokes every older token).

The signing key is kept out of the database: ``secret`` (``DIKAS_SECRET_KEY``) or a key file
``<community file>.key`` created with mode 0600, as is the database itself. A key an older
version kept in the database is moved to the key file (tokens stay valid) and deleted there.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from dikas.api.community_store import COMMENT_COLUMNS, CommunityStore, open_store
from dikas.api.community_store import create_private as _create_private
from dikas.api.errors import AuthenticationError, NotFoundError
from dikas.errors import ConfigError, ParameterError

ROLES = ("stakeholder", "moderator")
CATEGORIES = ("need", "idea", "concern")
SQLITE_MAX_INTEGER = 2**63 - 1
"""Largest SQLite integer (a row id beyond it cannot exist)."""
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class User:
    """An account allowed to write comments (``stakeholder``) or also hide them (``moderator``)."""

    username: str
    role: str


def _scrypt(password: bytes, *, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    """The one place passwords are hashed (tests count its calls)."""
    return hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, dklen=dklen)


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (hex) of a password."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = _scrypt(password.encode(), salt=salt, **_SCRYPT, dklen=32)
    return "scrypt${n}${r}${p}$".format(**_SCRYPT) + f"{salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a :func:`hash_password` string (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = _scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                        p=int(p), dklen=len(digest) // 2)
    return hmac.compare_digest(candidate.hex(), digest)


_DUMMY_HASH = "scrypt${n}${r}${p}$".format(**_SCRYPT) + f"{secrets.token_hex(16)}${secrets.token_hex(32)}"
"""What unknown user names are checked against: the same scrypt cost, never a match."""
SECRET_MIN_CHARS = 32
"""Shortest token-signing key accepted (``DIKAS_SECRET_KEY``)."""


def key_path_for(community_path: Path) -> Path:
    """The token-signing key file kept next to a community database (``<file>.key``)."""
    return community_path.with_name(community_path.name + ".key")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Community:
    """Users, comments and scenario runs in a SQLite file or, with ``database`` (a
    ``postgresql://`` URL, ``DIKAS_COMMUNITY_DB``), in PostgreSQL (see
    :mod:`dikas.api.community_store`).

    ``path`` is the SQLite file; with a database URL it only places the key file
    ``<path>.key`` (used when no ``secret`` is given), so every server process of a twin
    signs tokens with the same key.
    """

    def __init__(self, path: Path, *, secret: str | None = None,
                 database: str | None = None) -> None:
        self.path = Path(path)
        if secret is not None and len(secret) < SECRET_MIN_CHARS:
            raise ConfigError(f"token-signing key (DIKAS_SECRET_KEY) must have at least "
                              f"{SECRET_MIN_CHARS} characters, not {len(secret)}")
        self.store: CommunityStore = open_store(self.path, database=database)
        self._move_stored_secret()
        self._secret = (secret or self._key_file_secret()).encode()

    def close(self) -> None:
        """Release the database connections kept open (PostgreSQL)."""
        self.store.close()

    @property
    def key_path(self) -> Path:
        """The key file used when no key is given (``<community file>.key``)."""
        return key_path_for(self.path)

    def _move_stored_secret(self) -> None:
        """Move a key an older version kept in the database to :attr:`key_path` (unless that
        exists) and delete it from the database: anyone who can read the database must not
        be able to sign tokens."""
        stored = self.store.take_stored_secret()
        if stored is not None:
            _create_private(self.key_path, stored.encode())
            self.store.drop_stored_secret()

    def _key_file_secret(self) -> str:
        """The key from :attr:`key_path`, created (0600, random) on first use."""
        _create_private(self.key_path, secrets.token_hex(32).encode())
        if self.key_path.stat().st_mode & 0o077:
            os.chmod(self.key_path, 0o600)
        key = self.key_path.read_text().strip()
        if len(key) < SECRET_MIN_CHARS:
            raise ConfigError(f"key file {str(self.key_path)!r}: key shorter than "
                              f"{SECRET_MIN_CHARS} characters")
        return key

    # -- users -------------------------------------------------------------------------------
    def add_user(self, username: str, password: str, *, role: str) -> User:
        """Create or update an account (a new password replaces the old one)."""
        if role not in ROLES:
            raise ParameterError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if not username.strip() or len(username) > 64:
            raise ParameterError("user name must be 1–64 characters")
        if len(password) < 8:
            raise ParameterError("password must have at least 8 characters")
        # a new version on every change: tokens issued before it stop working
        self.store.upsert_user(username, hash_password(password), role, _now(), _new_version())
        return User(username, role)

    def revoke_tokens(self, username: str) -> None:
        """Invalidate every token issued to ``username`` so far (signing out)."""
        self.store.set_token_version(username, _new_version())

    def remove_user(self, username: str) -> None:
        """Delete an account (its tokens stop working; its comments stay)."""
        if not self.store.delete_user(username):
            raise NotFoundError(f"no user {username!r}")

    def users(self) -> list[User]:
        """All accounts, by name."""
        return [User(*row) for row in self.store.users()]

    def _user(self, username: str) -> tuple[User, str, str] | None:
        """An account, its password hash and its token version."""
        row = self.store.user(username)
        return None if row is None else (User(row[0], row[1]), row[2], row[3])

    def authenticate(self, username: str, password: str) -> User:
        """The user whose name and password match; one error for either being wrong.

        An unknown name is checked against a dummy hash: it costs the same scrypt, so the
        time taken does not tell whether the name exists.
        """
        found = self._user(username)
        matches = verify_password(password, _DUMMY_HASH if found is None else found[1])
        if found is None or not matches:
            raise AuthenticationError("wrong user name or password")
        return found[0]

    # -- tokens ------------------------------------------------------------------------------
    def issue_token(self, user: User, *, ttl_s: int) -> str:
        """A signed bearer token for ``user`` valid for ``ttl_s`` seconds (and until its
        password or role changes or it signs out)."""
        found = self._user(user.username)
        if found is None:
            raise NotFoundError(f"no user {user.username!r}")
        payload = _b64(json.dumps({"sub": user.username, "role": user.role,
                                   "exp": int(time.time()) + int(ttl_s),
                                   "ver": found[2]}).encode())
        return f"{payload}.{self._sign(payload)}"

    def _sign(self, payload: str) -> str:
        return _b64(hmac.new(self._secret, payload.encode(), hashlib.sha256).digest())

    def user_for_token(self, token: str) -> User:
        """The user a valid, unexpired, unrevoked token was issued to (401 otherwise, for any
        malformed token too: a token is client input)."""
        if not token.isascii():
            raise AuthenticationError("invalid access token")
        payload, _, signature = token.partition(".")
        if not signature or not hmac.compare_digest(signature.encode(),
                                                    self._sign(payload).encode()):
            raise AuthenticationError("invalid access token")
        try:
            claims = json.loads(_unb64(payload))
        except ValueError:  # binascii.Error, UnicodeDecodeError and JSONDecodeError are
            claims = None
        if (not isinstance(claims, dict) or not isinstance(claims.get("sub"), str)
                or not isinstance(claims.get("exp"), int | float)
                or not isinstance(claims.get("ver"), str)):
            raise AuthenticationError("invalid access token")
        if claims["exp"] < time.time():
            raise AuthenticationError("access token expired; sign in again")
        found = self._user(claims["sub"])
        if (found is None or found[0].role != claims.get("role")
                or not hmac.compare_digest(found[2].encode(), claims["ver"].encode())):
            raise AuthenticationError("access token no longer valid; sign in again")
        return found[0]

    # -- comments ----------------------------------------------------------------------------
    def add_comment(self, user: User, *, lon: float, lat: float, text: str, category: str,
                    postal_code: str | None) -> int:
        """Store a comment pinned at (lon, lat), optionally to an area; returns its id."""
        if category not in CATEGORIES:
            raise ParameterError(f"category must be one of {', '.join(CATEGORIES)}, "
                                 f"not {category!r}")
        if not text.strip():
            raise ParameterError("comment text is empty")
        return self.store.insert_comment(user.username, category, text.strip(), lon, lat,
                                         postal_code, _now())

    def hide_comment(self, comment_id: int, *, moderator: User) -> None:
        """Hide a comment from everyone but moderators."""
        if not 0 < comment_id <= SQLITE_MAX_INTEGER:  # the database cannot even look it up
            raise NotFoundError(f"no comment {comment_id}")
        if not self.store.hide_comment(comment_id, moderator.username, _now()):
            raise NotFoundError(f"no comment {comment_id}")

    def comments(self, *, include_hidden: bool = False) -> gpd.GeoDataFrame:
        """Comments as a layer (EPSG:4326 points), hidden ones only when asked."""
        return _frame(self.store.comment_rows(include_hidden=include_hidden))

    def comment(self, comment_id: int) -> gpd.GeoDataFrame:
        """One comment (hidden or not) as a one-row layer; empty when there is none."""
        if not 0 < comment_id <= SQLITE_MAX_INTEGER:
            return _frame([])
        return _frame(self.store.comment_rows(include_hidden=True, comment_id=comment_id))

    def comments_after(self, comment_id: int) -> gpd.GeoDataFrame:
        """The visible comments with ids above ``comment_id`` (catching up on new ones)."""
        return _frame(self.store.comment_rows(after=comment_id))

    def comments_version(self) -> tuple[int, int]:
        """``(comments, visible comments)`` stored: differs after any write or hide by any
        server process (one cheap query)."""
        return self.store.comments_version()

    def visible_comment_ids(self) -> list[int]:
        """Ids of the visible comments, ascending."""
        return self.store.visible_comment_ids()

    def comment_page(self, *, include_hidden: bool = False, category: str | None = None,
                     bbox: tuple[float, float, float, float] | None = None, limit: int,
                     offset: int = 0) -> tuple[int, gpd.GeoDataFrame]:
        """``(number matched, one page)`` of comments, newest first, filtered by category
        and by a lon/lat box (``minlon, minlat, maxlon, maxlat``) in the database: a page
        costs the same with 20 or 20,000 comments stored."""
        matched = self.store.count_comments(include_hidden=include_hidden, category=category,
                                            bbox=bbox)
        page = _frame(self.store.comment_rows(include_hidden=include_hidden, category=category,
                                              bbox=bbox, newest_first=True, limit=limit,
                                              offset=offset))
        return matched, page

    def comment_bounds(self) -> tuple[float, float, float, float] | None:
        """The lon/lat box of the visible comments (``None`` when there are none)."""
        return self.store.comment_bounds()

    # -- scenario runs ---------------------------------------------------------------------
    def save_scenario(self, scenario_id: str, name: str, result: dict[str, Any], *,
                      keep: int | None = None, max_bytes: int | None = None) -> bool:
        """Keep a scenario run so that its shareable URL works later; with ``keep``, only
        the ``keep`` newest runs stay, and with ``max_bytes`` only the newest runs whose
        JSON adds up to at most ``max_bytes`` (anyone may run scenarios, so storage is
        bounded by count and by size). Returns whether this run was kept (a run larger
        than ``max_bytes`` on its own is not)."""
        payload = json.dumps(result)
        if max_bytes is not None and len(payload.encode()) > max_bytes:
            return False
        return self.store.save_scenario(scenario_id, name, payload, _now(), keep=keep,
                                        max_bytes=max_bytes)

    def scenario_bytes(self) -> int:
        """Total size of the kept scenario runs' JSON."""
        return self.store.scenario_bytes()

    def scenario(self, scenario_id: str) -> dict[str, Any]:
        """A kept scenario run."""
        payload = self.store.scenario(scenario_id)
        if payload is None:
            raise NotFoundError(f"no scenario {scenario_id!r}")
        return json.loads(payload)  # type: ignore[no-any-return]


def _frame(rows: list[tuple[Any, ...]]) -> gpd.GeoDataFrame:
    """Comment rows (:data:`COMMENT_COLUMNS`) as a layer of EPSG:4326 points."""
    frame = pd.DataFrame(rows, columns=list(COMMENT_COLUMNS))
    frame["comment_id"] = frame["comment_id"].astype("int64")
    frame["hidden"] = frame["hidden"].astype(bool)
    geometry = shapely.points(frame.pop("lon").to_numpy(float),
                              frame.pop("lat").to_numpy(float))
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _new_version() -> str:
    return secrets.token_hex(8)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
