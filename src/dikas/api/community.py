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

Roles nest (organiser ⊇ moderator ⊇ stakeholder, :func:`dikas.api.security.require_role`).
Accounts come from one-time invitations (a random token, only its SHA-256 stored, with an
expiry; accepting it creates the account in the same transaction that marks it used) and
organisers reset passwords with one-time reset tokens the same way. Moderation (hide,
restore) and account changes are written to an audit log (who, what, when, why) in the
transaction that makes them. Personal data is kept for the :class:`~dikas.api.retention.
Retention` periods (:meth:`Community.purge`); a person can read (:meth:`Community.my_data`)
and delete (:meth:`Community.delete_account`) their own.

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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
import shapely.geometry

from dikas.api.community_store import (
    AUDIT_COLUMNS,
    COMMENT_COLUMNS,
    UNUSABLE_PASSWORD,
    CommunityStore,
    open_store,
)
from dikas.api.community_store import create_private as _create_private
from dikas.api.errors import AuthenticationError, ConflictError, ForbiddenError, NotFoundError
from dikas.api.retention import Retention
from dikas.api.security import ROLES, has_role
from dikas.errors import ConfigError, ParameterError

PUBLIC_COLUMNS = (
    "comment_id",
    "author_name",
    "category",
    "text",
    "postal_code",
    "created_at",
    "hidden",
)
"""What anyone may read of a comment (never the author's user name)."""
MODERATOR_COLUMNS = (*PUBLIC_COLUMNS, "author", "hidden_reason")
"""What moderators also read (the export, hidden comments)."""
INVITATION_DAYS = 7
"""Days an invitation or reset token is valid unless told otherwise."""
MAX_INVITATION_DAYS = 90
REASON_MAX_CHARS = 500
CATEGORIES = ("need", "idea", "concern")
SQLITE_MAX_INTEGER = 2**63 - 1
"""Largest SQLite integer (a row id beyond it cannot exist)."""
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class User:
    """An account allowed to write comments (``stakeholder``), also to moderate them
    (``moderator``) or also to invite people and reset passwords (``organiser``)."""

    username: str
    role: str


@dataclass(frozen=True)
class OneTimeToken:
    """An invitation or password-reset token, shown once (only its hash is stored)."""

    token: str
    kind: str
    role: str
    username: str | None
    expires_at: str


def token_hash(token: str) -> str:
    """The stored form of a one-time token (SHA-256; the token has 256 random bits, so no
    slow hash is needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


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
    candidate = _scrypt(
        password.encode(),
        salt=bytes.fromhex(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(digest) // 2,
    )
    return hmac.compare_digest(candidate.hex(), digest)


_DUMMY_HASH = (
    "scrypt${n}${r}${p}$".format(**_SCRYPT) + f"{secrets.token_hex(16)}${secrets.token_hex(32)}"
)
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

    def __init__(
        self,
        path: Path,
        *,
        secret: str | None = None,
        database: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.path = Path(path)
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        """The time of records and of expiry checks (fixed in tests)."""
        if secret is not None and len(secret) < SECRET_MIN_CHARS:
            raise ConfigError(
                f"token-signing key (DIKAS_SECRET_KEY) must have at least "
                f"{SECRET_MIN_CHARS} characters, not {len(secret)}"
            )
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
            raise ConfigError(
                f"key file {str(self.key_path)!r}: key shorter than {SECRET_MIN_CHARS} characters"
            )
        return key

    def _now(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds")

    # -- users -------------------------------------------------------------------------------
    def add_user(
        self, username: str, password: str, *, role: str, display_name: str | None = None
    ) -> User:
        """Create or update an account (a new password replaces the old one); the display
        name (shown in public beside comments) defaults to the user name."""
        _check_role(role)
        _check_username(username)
        _check_password(password)
        # a new version on every change: tokens issued before it stop working
        self.store.upsert_user(
            username,
            hash_password(password),
            role,
            self._now(),
            _new_version(),
            _display_name(display_name or username),
        )
        return User(username, role)

    def display_name(self, username: str) -> str:
        """The name shown in public for ``username``."""
        profile = self.store.profile(username)
        if profile is None:
            raise NotFoundError(f"no user {username!r}")
        return str(profile[1] or profile[0])

    def change_password(self, user: User, old: str, new: str) -> None:
        """Replace ``user``'s password after checking the old one; every token issued so far
        stops working."""
        found = self._user(user.username)
        if found is None or not verify_password(old, found[1]):
            raise AuthenticationError("the current password is wrong")
        _check_password(new)
        self.store.set_password(
            user.username,
            hash_password(new),
            _new_version(),
            at=self._now(),
            actor=user.username,
            action="change_password",
        )

    # -- invitations and resets --------------------------------------------------------------
    def _one_time(
        self, *, kind: str, role: str, username: str | None, created_by: str, days: int
    ) -> OneTimeToken:
        if not 1 <= days <= MAX_INVITATION_DAYS:
            raise ParameterError(f"expiry must be 1–{MAX_INVITATION_DAYS} days, not {days}")
        token = secrets.token_urlsafe(32)
        expires = (self.clock().astimezone(UTC) + timedelta(days=days)).isoformat(
            timespec="seconds"
        )
        self.store.insert_invitation(
            token_hash(token),
            kind=kind,
            role=role,
            username=username,
            created_by=created_by,
            created_at=self._now(),
            expires_at=expires,
        )
        return OneTimeToken(token, kind, role, username, expires)

    def invite(self, role: str, *, created_by: str, days: int = INVITATION_DAYS) -> OneTimeToken:
        """A one-time invitation to create an account with ``role``."""
        _check_role(role)
        return self._one_time(
            kind="invite", role=role, username=None, created_by=created_by, days=days
        )

    def accept_invitation(
        self, token: str, *, username: str, display_name: str, password: str
    ) -> User:
        """Create the account an unused, unexpired invitation allows (the token is used up)."""
        _check_username(username)
        _check_password(password)
        outcome = self.store.accept_invitation(
            token_hash(token),
            now=self._now(),
            username=username,
            display_name=_display_name(display_name),
            password_hash=hash_password(password),
            token_version=_new_version(),
        )
        if outcome is None:
            raise ConflictError(f"user name {username!r} is taken; choose another")
        if outcome.startswith("!"):
            raise ParameterError(_REFUSED["invite"][outcome[1:]])
        return User(username, outcome)

    def reset_password(self, username: str, *, organiser: User, days: int = 1) -> OneTimeToken:
        """Revoke ``username``'s tokens and password now, and give a one-time token with
        which they set a new password (:meth:`redeem_reset`)."""
        found = self._user(username)
        if found is None:
            raise NotFoundError(f"no user {username!r}")
        self.store.set_password(
            username,
            UNUSABLE_PASSWORD,
            _new_version(),
            at=self._now(),
            actor=organiser.username,
            action="reset_password",
        )
        return self._one_time(
            kind="reset",
            role=found[0].role,
            username=username,
            created_by=organiser.username,
            days=days,
        )

    def redeem_reset(self, token: str, password: str) -> User:
        """Set a new password with a reset token (once, before it expires)."""
        _check_password(password)
        outcome = self.store.redeem_reset(
            token_hash(token),
            now=self._now(),
            password_hash=hash_password(password),
            token_version=_new_version(),
        )
        if outcome.startswith("!"):
            raise ParameterError(_REFUSED["reset"][outcome[1:]])
        found = self._user(outcome)
        if found is None:  # pragma: no cover - deleted in between
            raise NotFoundError(f"no user {outcome!r}")
        return found[0]

    # -- own data ----------------------------------------------------------------------------
    def my_data(self, user: User) -> dict[str, Any]:
        """Everything stored about ``user``: the account (no password hash), every comment
        they wrote (hidden ones too) and the audit entries of their own actions."""
        profile = self.store.profile(user.username)
        if profile is None:
            raise NotFoundError(f"no user {user.username!r}")
        comments = self.store.comment_rows(include_hidden=True, author=user.username)
        _, audit = self.store.audit_rows(limit=SQLITE_MAX_INTEGER, actor=user.username)
        return {
            "account": dict(
                zip(("username", "display_name", "role", "created_at"), profile, strict=True)
            ),
            "comments": [_comment_record(row) for row in comments],
            "audit": [dict(zip(AUDIT_COLUMNS, row, strict=True)) for row in audit],
        }

    def delete_account(self, user: User) -> int:
        """Delete ``user``'s account and every comment they wrote; the number of comments
        deleted. (Audit entries of their moderation stay until the audit retention ends.)"""
        comments, existed = self.store.delete_account(user.username, at=self._now())
        if not existed:
            raise NotFoundError(f"no user {user.username!r}")
        return comments

    def purge(self, retention: Retention) -> dict[str, int]:
        """Delete what is older than the ``retention`` periods; counts deleted."""
        comments, audit, invitations = self.store.purge(**retention.cutoffs(self.clock()))
        return {"comments": comments, "audit": audit, "invitations": invitations}

    def audit_log(self, *, limit: int, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """``(entries, one page)`` of the audit log, newest first."""
        matched, rows = self.store.audit_rows(limit=limit, offset=offset)
        return matched, [dict(zip(AUDIT_COLUMNS, row, strict=True)) for row in rows]

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
        usable = found is not None and found[1] != UNUSABLE_PASSWORD  # not reset
        matches = verify_password(password, found[1] if usable and found else _DUMMY_HASH)
        if found is None or not usable or not matches:
            raise AuthenticationError("wrong user name or password")
        return found[0]

    # -- tokens ------------------------------------------------------------------------------
    def issue_token(self, user: User, *, ttl_s: int) -> str:
        """A signed bearer token for ``user`` valid for ``ttl_s`` seconds (and until its
        password or role changes or it signs out)."""
        found = self._user(user.username)
        if found is None:
            raise NotFoundError(f"no user {user.username!r}")
        payload = _b64(
            json.dumps(
                {
                    "sub": user.username,
                    "role": user.role,
                    "exp": int(time.time()) + int(ttl_s),
                    "ver": found[2],
                }
            ).encode()
        )
        return f"{payload}.{self._sign(payload)}"

    def _sign(self, payload: str) -> str:
        return _b64(hmac.new(self._secret, payload.encode(), hashlib.sha256).digest())

    def user_for_token(self, token: str) -> User:
        """The user a valid, unexpired, unrevoked token was issued to (401 otherwise, for any
        malformed token too: a token is client input)."""
        if not token.isascii():
            raise AuthenticationError("invalid access token")
        payload, _, signature = token.partition(".")
        if not signature or not hmac.compare_digest(
            signature.encode(), self._sign(payload).encode()
        ):
            raise AuthenticationError("invalid access token")
        try:
            claims = json.loads(_unb64(payload))
        except ValueError:  # binascii.Error, UnicodeDecodeError and JSONDecodeError are
            claims = None
        if (
            not isinstance(claims, dict)
            or not isinstance(claims.get("sub"), str)
            or not isinstance(claims.get("exp"), int | float)
            or not isinstance(claims.get("ver"), str)
        ):
            raise AuthenticationError("invalid access token")
        if claims["exp"] < time.time():
            raise AuthenticationError("access token expired; sign in again")
        found = self._user(claims["sub"])
        if (
            found is None
            or found[0].role != claims.get("role")
            or not hmac.compare_digest(found[2].encode(), claims["ver"].encode())
        ):
            raise AuthenticationError("access token no longer valid; sign in again")
        return found[0]

    # -- comments ----------------------------------------------------------------------------
    def add_comment(
        self,
        user: User,
        *,
        lon: float,
        lat: float,
        text: str,
        category: str,
        postal_code: str | None,
        area: dict[str, Any] | None = None,
    ) -> int:
        """Store a comment pinned at (lon, lat), or about an ``area`` (a GeoJSON polygon,
        lon/lat then being a point inside it), optionally to a postal area; returns its id."""
        if category not in CATEGORIES:
            raise ParameterError(
                f"category must be one of {', '.join(CATEGORIES)}, not {category!r}"
            )
        if not text.strip():
            raise ParameterError("comment text is empty")
        return self.store.insert_comment(
            user.username,
            category,
            text.strip(),
            lon,
            lat,
            postal_code,
            self._now(),
            author_name=self.display_name(user.username),
            area=None if area is None else json.dumps(area),
        )

    def hide_comment(self, comment_id: int, *, moderator: User, reason: str = "") -> None:
        """Hide a comment from everyone but moderators, logging who, when and why."""
        self.moderate(comment_id, hide=True, moderator=moderator, reason=reason)

    def restore_comment(self, comment_id: int, *, moderator: User, reason: str = "") -> None:
        """Undo hiding: the comment is public again (logged like hiding)."""
        self.moderate(comment_id, hide=False, moderator=moderator, reason=reason)

    def moderate(self, comment_id: int, *, hide: bool, moderator: User, reason: str) -> None:
        """Hide or restore a comment (moderators and organisers), logged with ``reason``."""
        if not has_role(moderator, "moderator"):
            raise ForbiddenError("only moderators can hide or restore comments")
        if len(reason) > REASON_MAX_CHARS:
            raise ParameterError(f"reason must have at most {REASON_MAX_CHARS} characters")
        if not 0 < comment_id <= SQLITE_MAX_INTEGER:  # the database cannot even look it up
            raise NotFoundError(f"no comment {comment_id}")
        outcome = self.store.moderate(
            comment_id,
            hide=hide,
            moderator=moderator.username,
            at=self._now(),
            reason=reason.strip(),
        )
        if outcome == "missing":
            raise NotFoundError(f"no comment {comment_id}")
        if outcome == "unchanged":
            raise ConflictError(
                f"comment {comment_id} is already {'hidden' if hide else 'visible'}"
            )

    def comments(
        self, *, include_hidden: bool = False, columns: tuple[str, ...] = PUBLIC_COLUMNS
    ) -> gpd.GeoDataFrame:
        """Comments as a layer (EPSG:4326 points, or polygons for area comments), hidden
        ones only when asked; only the public columns unless others are asked for."""
        return _frame(self.store.comment_rows(include_hidden=include_hidden), columns)

    def comment(
        self, comment_id: int, columns: tuple[str, ...] = PUBLIC_COLUMNS
    ) -> gpd.GeoDataFrame:
        """One comment (hidden or not) as a one-row layer; empty when there is none."""
        if not 0 < comment_id <= SQLITE_MAX_INTEGER:
            return _frame([], columns)
        return _frame(self.store.comment_rows(include_hidden=True, comment_id=comment_id), columns)

    def comments_after(self, comment_id: int) -> gpd.GeoDataFrame:
        """The visible comments with ids above ``comment_id`` (catching up on new ones)."""
        return _frame(self.store.comment_rows(after=comment_id))

    def comments_version(self) -> tuple[int, int, int]:
        """``(comments, visible comments)`` stored: differs after any write or hide by any
        server process (one cheap query)."""
        return self.store.comments_version()

    def visible_comment_ids(self) -> list[int]:
        """Ids of the visible comments, ascending."""
        return self.store.visible_comment_ids()

    def comment_page(
        self,
        *,
        include_hidden: bool = False,
        category: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        limit: int,
        offset: int = 0,
        columns: tuple[str, ...] = PUBLIC_COLUMNS,
    ) -> tuple[int, gpd.GeoDataFrame]:
        """``(number matched, one page)`` of comments, newest first, filtered by category
        and by a lon/lat box (``minlon, minlat, maxlon, maxlat``) in the database: a page
        costs the same with 20 or 20,000 comments stored."""
        matched = self.store.count_comments(
            include_hidden=include_hidden, category=category, bbox=bbox
        )
        page = _frame(
            self.store.comment_rows(
                include_hidden=include_hidden,
                category=category,
                bbox=bbox,
                newest_first=True,
                limit=limit,
                offset=offset,
            ),
            columns,
        )
        return matched, page

    def comment_bounds(self) -> tuple[float, float, float, float] | None:
        """The lon/lat box of the visible comments (``None`` when there are none)."""
        return self.store.comment_bounds()

    # -- scenario runs ---------------------------------------------------------------------
    def save_scenario(
        self,
        scenario_id: str,
        name: str,
        result: dict[str, Any],
        *,
        keep: int | None = None,
        max_bytes: int | None = None,
    ) -> bool:
        """Keep a scenario run so that its shareable URL works later; with ``keep``, only
        the ``keep`` newest runs stay, and with ``max_bytes`` only the newest runs whose
        JSON adds up to at most ``max_bytes`` (anyone may run scenarios, so storage is
        bounded by count and by size). Returns whether this run was kept (a run larger
        than ``max_bytes`` on its own is not)."""
        payload = json.dumps(result)
        if max_bytes is not None and len(payload.encode()) > max_bytes:
            return False
        return self.store.save_scenario(
            scenario_id, name, payload, self._now(), keep=keep, max_bytes=max_bytes
        )

    def scenario_bytes(self) -> int:
        """Total size of the kept scenario runs' JSON."""
        return self.store.scenario_bytes()

    def scenario(self, scenario_id: str) -> dict[str, Any]:
        """A kept scenario run."""
        payload = self.store.scenario(scenario_id)
        if payload is None:
            raise NotFoundError(f"no scenario {scenario_id!r}")
        return json.loads(payload)


def _frame(
    rows: list[tuple[Any, ...]], columns: tuple[str, ...] = PUBLIC_COLUMNS
) -> gpd.GeoDataFrame:
    """Comment rows (:data:`COMMENT_COLUMNS`) as a layer of EPSG:4326 geometries (a point,
    or the polygon of an area comment) with ``columns``."""
    frame = pd.DataFrame(rows, columns=list(COMMENT_COLUMNS))
    frame["comment_id"] = frame["comment_id"].astype("int64")
    frame["hidden"] = frame["hidden"].astype(bool)
    points = shapely.points(frame["lon"].to_numpy(float), frame["lat"].to_numpy(float))
    areas = [
        shapely.geometry.shape(json.loads(area)) if isinstance(area, str) else None
        for area in frame["area"]
    ]  # None, or NaN where pandas made it a number
    geometry = [point if area is None else area for point, area in zip(points, areas, strict=True)]
    return gpd.GeoDataFrame(frame[list(columns)], geometry=geometry, crs="EPSG:4326")


def _comment_record(row: tuple[Any, ...]) -> dict[str, Any]:
    """A stored comment row as plain JSON values (the area as GeoJSON)."""
    record = dict(zip(COMMENT_COLUMNS, row, strict=True))
    record["hidden"] = bool(record["hidden"])
    record["area"] = None if record["area"] is None else json.loads(record["area"])
    return record


_REFUSED = {
    "invite": {
        "unknown": "invitation not valid (check the link)",
        "used": "invitation already used; ask the organiser for a new one",
        "expired": "invitation expired; ask the organiser for a new one",
    },
    "reset": {
        "unknown": "password reset link not valid (check the link)",
        "used": "password reset link already used; ask an organiser for a new one",
        "expired": "password reset link expired; ask an organiser for a new one",
    },
}
"""Why a one-time token is refused, by kind and reason."""


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ParameterError(f"role must be one of {', '.join(ROLES)}, not {role!r}")


def _check_username(username: str) -> None:
    if not username.strip() or len(username) > 64 or username != username.strip():
        raise ParameterError("user name must be 1–64 characters without surrounding spaces")


def _check_password(password: str) -> None:
    if len(password) < 8:
        raise ParameterError("password must have at least 8 characters")


def _display_name(name: str) -> str:
    name = " ".join(name.split())
    if not 1 <= len(name) <= 64:
        raise ParameterError("display name must be 1–64 characters")
    return name


def _new_version() -> str:
    return secrets.token_hex(8)
