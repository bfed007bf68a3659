"""Survey definitions, responses and answers in the community database (SQLite or
PostgreSQL), beside the accounts and comments.

:class:`SurveyStore` wraps a :class:`~dikas.api.community_store.CommunityStore` and uses only
its ``transaction()`` / ``execute()``, so both databases and several server processes work:
each submission is one transaction, and "one submission per browser token" is a unique key
on ``(survey_id, token_hash)`` (``INSERT … ON CONFLICT DO NOTHING``), so two processes
receiving the same token at once store it once. Tokens are kept only as SHA-256 hashes; no
address is ever stored. SQLite gets its tables here (``CREATE TABLE IF NOT EXISTS``),
PostgreSQL from the Alembic migration ``0002_surveys``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from dikas.api.community_store import CommunityStore, SqliteStore
from dikas.errors import ParameterError
from dikas.surveys.definition import Survey, parse_survey
from dikas.surveys.linking import Linked

_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS surveys (
    survey_id TEXT PRIMARY KEY, version INTEGER NOT NULL, definition TEXT NOT NULL,
    created_at TEXT NOT NULL, closed_at TEXT);
CREATE TABLE IF NOT EXISTS survey_responses (
    response_id INTEGER PRIMARY KEY AUTOINCREMENT, survey_id TEXT NOT NULL,
    survey_version INTEGER NOT NULL, token_hash TEXT NOT NULL, language TEXT NOT NULL,
    submitted_at TEXT NOT NULL, UNIQUE (survey_id, token_hash));
CREATE TABLE IF NOT EXISTS survey_answers (
    answer_id INTEGER PRIMARY KEY AUTOINCREMENT, response_id INTEGER NOT NULL,
    survey_id TEXT NOT NULL, question_id TEXT NOT NULL, parent_id TEXT, item INTEGER NOT NULL,
    value TEXT, geometry TEXT, area TEXT, cell_id TEXT, postal_code TEXT, district_id TEXT);
CREATE INDEX IF NOT EXISTS survey_answers_by_survey ON survey_answers (survey_id, response_id);
"""
ANSWER_COLUMNS = (
    "answer_id",
    "response_id",
    "question_id",
    "parent_id",
    "item",
    "value",
    "geometry",
    "area",
    "cell_id",
    "postal_code",
    "district_id",
)
"""Columns of :meth:`SurveyStore.answers`, in order (``geometry``: WKT in lon/lat)."""
RESPONSE_COLUMNS = ("response_id", "survey_version", "language", "submitted_at")


def now_utc() -> datetime:
    """The current time, naive UTC (how survey dates are compared)."""
    return datetime.now(UTC).replace(tzinfo=None)


def hash_token(survey_id: str, token: str) -> str:
    """What is stored of a browser token: its SHA-256 with the survey id."""
    return hashlib.sha256(f"{survey_id}\n{token}".encode()).hexdigest()


@dataclass(frozen=True)
class StoredSurvey:
    """A survey as kept: its definition, when it was loaded and whether it was closed."""

    survey: Survey
    created_at: str
    closed_at: str | None

    def is_open(self, now: datetime) -> bool:
        return self.closed_at is None and self.survey.is_open(now)


class SurveyStore:
    """Surveys in one community database."""

    def __init__(self, store: CommunityStore) -> None:
        self.store = store
        if isinstance(store, SqliteStore):
            with store.transaction() as con:
                con.executescript(_SQLITE_SCHEMA)

    # -- definitions -------------------------------------------------------------------------
    def save(self, survey: Survey) -> None:
        """Store a new survey, or a newer version of one (a version not above the stored
        one is refused: answers name the version they were given to)."""
        with self.store.transaction() as con:
            row = self.store.execute(
                con, "SELECT version FROM surveys WHERE survey_id = ?", [survey.id]
            ).fetchone()
            if row is not None and int(row[0]) >= survey.version:
                raise ParameterError(
                    f"survey {survey.id!r}: version {survey.version} is not "
                    f"above the stored version {int(row[0])}"
                )
            self.store.execute(
                con,
                "INSERT INTO surveys (survey_id, version, definition, "
                "created_at, closed_at) VALUES (?, ?, ?, ?, NULL) ON CONFLICT "
                "(survey_id) DO UPDATE SET version = excluded.version, "
                "definition = excluded.definition, closed_at = NULL",
                [
                    survey.id,
                    survey.version,
                    json.dumps(survey.raw),
                    now_utc().isoformat(timespec="seconds"),
                ],
            )

    def _stored(self, row: Any) -> StoredSurvey:
        survey = parse_survey(json.loads(row[1]), f"survey {row[0]!r}")
        return StoredSurvey(survey, str(row[2]), None if row[3] is None else str(row[3]))

    def all(self) -> list[StoredSurvey]:
        """Every survey, by id."""
        with self.store.transaction() as con:
            rows = self.store.execute(
                con,
                "SELECT survey_id, definition, created_at, closed_at "
                "FROM surveys ORDER BY survey_id",
            ).fetchall()
        return [self._stored(row) for row in rows]

    def get(self, survey_id: str) -> StoredSurvey | None:
        with self.store.transaction() as con:
            row = self.store.execute(
                con,
                "SELECT survey_id, definition, created_at, closed_at "
                "FROM surveys WHERE survey_id = ?",
                [survey_id],
            ).fetchone()
        return None if row is None else self._stored(row)

    def close(self, survey_id: str) -> bool:
        """Stop taking answers; whether the survey exists."""
        with self.store.transaction() as con:
            return (
                self.store.execute(
                    con,
                    "UPDATE surveys SET closed_at = ? WHERE survey_id = ?",
                    [now_utc().isoformat(timespec="seconds"), survey_id],
                ).rowcount
                > 0
            )

    # -- responses ---------------------------------------------------------------------------
    def add_response(
        self, survey: Survey, token: str, language: str, linked: list[Linked]
    ) -> int | None:
        """Store one submission and its answers in one transaction; its id, or ``None`` when
        this browser token has answered already."""
        with self.store.transaction() as con:
            row = self.store.execute(
                con,
                "INSERT INTO survey_responses (survey_id, survey_version, token_hash, "
                "language, submitted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (survey_id, "
                "token_hash) DO NOTHING RETURNING response_id",
                [
                    survey.id,
                    survey.version,
                    hash_token(survey.id, token),
                    language,
                    now_utc().isoformat(timespec="seconds"),
                ],
            ).fetchone()
            if row is None:
                return None
            response_id = int(row[0])
            for item in linked:
                answer = item.answer
                self.store.execute(
                    con,
                    "INSERT INTO survey_answers (response_id, survey_id, question_id, "
                    "parent_id, item, value, geometry, area, cell_id, postal_code, district_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        response_id,
                        survey.id,
                        answer.question_id,
                        answer.parent_id,
                        answer.item,
                        None if answer.value is None else json.dumps(answer.value),
                        None if answer.geometry is None else answer.geometry.wkt,
                        answer.area,
                        item.cell_id,
                        item.postal_code,
                        item.district_id,
                    ],
                )
        return response_id

    def count(self, survey_id: str) -> int:
        with self.store.transaction() as con:
            return int(
                self.store.execute(
                    con, "SELECT count(*) FROM survey_responses WHERE survey_id = ?", [survey_id]
                ).fetchone()[0]
            )

    def responses(self, survey_id: str) -> pd.DataFrame:
        """The survey's responses (:data:`RESPONSE_COLUMNS`), by id."""
        with self.store.transaction() as con:
            rows = self.store.execute(
                con,
                f"SELECT {', '.join(RESPONSE_COLUMNS)} FROM "
                "survey_responses WHERE survey_id = ? "
                "ORDER BY response_id",
                [survey_id],
            ).fetchall()
        return pd.DataFrame([tuple(r) for r in rows], columns=list(RESPONSE_COLUMNS))

    def answers(self, survey_id: str) -> pd.DataFrame:
        """The survey's answer rows (:data:`ANSWER_COLUMNS`; ``value`` decoded from JSON)."""
        with self.store.transaction() as con:
            rows = self.store.execute(
                con,
                f"SELECT {', '.join(ANSWER_COLUMNS)} FROM "
                "survey_answers WHERE survey_id = ? ORDER BY "
                "answer_id",
                [survey_id],
            ).fetchall()
        frame = pd.DataFrame([tuple(r) for r in rows], columns=list(ANSWER_COLUMNS))
        for column in ANSWER_COLUMNS[2:]:
            if column != "item":  # text columns: NULL stays None (not NaN)
                frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
        frame["value"] = [json.loads(v) if isinstance(v, str) else None for v in frame["value"]]
        return frame
