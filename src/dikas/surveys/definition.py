"""A survey's definition: a versioned YAML file an organiser writes and loads with
``dikas survey create``.

The file names the survey (``id``, ``version``), its texts in Finnish, Swedish and English
(``title``, ``introduction``, ``consent``), when it is open (``opens``, ``closes``), whose
answers they are (``attribution``, ``licence``) and its questions. Question kinds:

- ``map_point``, ``map_line``, ``map_area``: places drawn on the map (optionally limited to
  some postal areas with ``within``), each answer may carry ``follow_ups`` (non-map questions
  asked about that place); every map question also takes an area chosen from a list;
- ``single_choice``, ``multiple_choice`` (``options``: ids and texts), ``likert`` (``scale``
  points, ``low`` / ``high`` labels), ``free_text`` (``max_length``).

A question with ``background: age_band | postal_code | household_type`` is a voluntary
background question, used only for representativeness: choice options may name the
population columns of the twin's areas they correspond to (``population: [age_20_24, …]``).
``compare_with`` lists the indicators (twin indicator ids or layer columns) the answers are
set against. Every problem is one line naming the file and the key (``questions[2].options``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dikas.errors import DataError
from dikas.i18n import LANGUAGES

MAP_KINDS = ("map_point", "map_line", "map_area")
"""Question kinds answered by a place on the map (or an area from a list)."""
CHOICE_KINDS = ("single_choice", "multiple_choice")
KINDS = (*MAP_KINDS, *CHOICE_KINDS, "likert", "free_text")
"""Every question kind."""
BACKGROUND_ROLES = ("age_band", "postal_code", "household_type")
"""What a voluntary background question asks."""
FREE_TEXT_MAX = 2000
"""Longest free-text answer (characters) unless a question says less."""
MAX_MAP_ANSWERS = 20
"""Most places one map question may ask for."""
_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class Option:
    """One answer choice of a choice question."""

    id: str
    text: dict[str, str]
    population: tuple[str, ...] = ()
    """Columns of the twin's ``areas`` layer counting the residents this option stands for."""


@dataclass(frozen=True)
class Question:
    """One question of a survey (or a follow-up of a map question)."""

    id: str
    kind: str
    text: dict[str, str]
    required: bool = False
    options: tuple[Option, ...] = ()
    scale: int = 5
    low: dict[str, str] = field(default_factory=dict)
    high: dict[str, str] = field(default_factory=dict)
    max_length: int = FREE_TEXT_MAX
    max_answers: int = 1
    within: tuple[str, ...] = ()
    """Postal codes a map answer must fall in (empty: anywhere in the twin's areas)."""
    follow_ups: tuple[Question, ...] = ()
    background: str | None = None
    compare_with: tuple[str, ...] = ()
    compare_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """Names of the ``compare_with`` indicators in each language (as people read them)."""

    @property
    def is_map(self) -> bool:
        return self.kind in MAP_KINDS

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Survey:
    """A validated survey definition."""

    id: str
    version: int
    title: dict[str, str]
    introduction: dict[str, str]
    consent: dict[str, str]
    questions: tuple[Question, ...]
    opens: datetime | None = None
    closes: datetime | None = None
    attribution: str = ""
    licence: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The definition as loaded (stored with the survey, returned by the API)."""

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def background(self, role: str) -> Question | None:
        """The background question asking ``role`` (``age_band`` …), if any."""
        return next((q for q in self.questions if q.background == role), None)

    def is_open(self, now: datetime) -> bool:
        """Whether answers are taken at ``now`` (naive UTC)."""
        return (self.opens is None or self.opens <= now) and (
            self.closes is None or now < self.closes
        )


class _Checker:
    """Collects the file name for one-line errors."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> DataError:
        return DataError(f"{key}: {problem}", path=self.source)

    def texts(self, value: Any, key: str, *, required: bool = True) -> dict[str, str]:
        if value is None and not required:
            return {}
        if isinstance(value, str):
            raise self.fail(key, f"give the text in each language ({', '.join(LANGUAGES)})")
        if not isinstance(value, dict):
            raise self.fail(key, "must be a mapping of language to text")
        unknown = sorted(set(map(str, value)) - set(LANGUAGES))
        if unknown:
            raise self.fail(f"{key}.{unknown[0]}", f"unknown language (use {', '.join(LANGUAGES)})")
        for language in LANGUAGES:
            text = value.get(language)
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{key}.{language}", "missing or empty text")
        return {language: str(value[language]).strip() for language in LANGUAGES}

    def identifier(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(
                key,
                f"{value!r} is not an id (lower-case letters, digits, _ or -, "
                "starting with a letter, at most 64)",
            )
        return value

    def integer(self, value: Any, key: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(key, f"must be a whole number from {low} to {high}, not {value!r}")
        return value

    def moment(self, value: Any, key: str) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        if isinstance(value, date):
            return datetime(value.year, value.month, value.day)
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value).replace(tzinfo=None)
            except ValueError:
                pass
        raise self.fail(key, f"{value!r} is not a date (YYYY-MM-DD)")

    def strings(self, value: Any, key: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, "must be a list of names")
        return tuple(value)


_QUESTION_KEYS = {
    "id",
    "kind",
    "text",
    "required",
    "options",
    "scale",
    "low",
    "high",
    "max_length",
    "max_answers",
    "within",
    "follow_ups",
    "background",
    "compare_with",
}
_SURVEY_KEYS = {
    "id",
    "version",
    "title",
    "introduction",
    "consent",
    "questions",
    "opens",
    "closes",
    "attribution",
    "licence",
}


def _comparisons(
    check: _Checker, value: Any, key: str
) -> tuple[list[str], dict[str, dict[str, str]]]:
    """``compare_with``: a list of ``{indicator: <id or column>, label: {fi, sv, en}}``."""
    if value is None:
        return [], {}
    if not isinstance(value, list):
        raise check.fail(key, "must be a list of {indicator, label}")
    ids, labels = [], {}
    for j, item in enumerate(value):
        where = f"{key}[{j}]"
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("indicator"), str)
            or not item["indicator"]
        ):
            raise check.fail(where, "give indicator (its id in the twin) and label")
        ids.append(item["indicator"])
        labels[item["indicator"]] = check.texts(item.get("label"), f"{where}.label")
    return ids, labels


def _question(check: _Checker, data: Any, key: str, *, follow_up: bool = False) -> Question:
    if not isinstance(data, dict):
        raise check.fail(key, "must be a mapping with id, kind and text")
    unknown = sorted(set(map(str, data)) - _QUESTION_KEYS)
    if unknown:
        raise check.fail(f"{key}.{unknown[0]}", "unknown key")
    question_id = check.identifier(data.get("id"), f"{key}.id")
    kind = data.get("kind")
    if kind not in KINDS:
        raise check.fail(f"{key}.kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    if follow_up and kind in MAP_KINDS:
        raise check.fail(f"{key}.kind", "a follow-up cannot be a map question")
    text = check.texts(data.get("text"), f"{key}.text")
    required = data.get("required", False)
    if not isinstance(required, bool):
        raise check.fail(f"{key}.required", "must be true or false")
    options: list[Option] = []
    if kind in CHOICE_KINDS:
        raw_options = data.get("options")
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            raise check.fail(f"{key}.options", "a choice question needs at least two options")
        for j, raw in enumerate(raw_options):
            where = f"{key}.options[{j}]"
            if not isinstance(raw, dict):
                raise check.fail(where, "must be a mapping with id and text")
            option_id = check.identifier(raw.get("id"), f"{where}.id")
            if any(o.id == option_id for o in options):
                raise check.fail(f"{where}.id", f"option {option_id!r} appears twice")
            options.append(
                Option(
                    option_id,
                    check.texts(raw.get("text"), f"{where}.text"),
                    check.strings(raw.get("population"), f"{where}.population"),
                )
            )
    elif "options" in data:
        raise check.fail(f"{key}.options", f"a {kind} question has no options")
    scale = check.integer(data.get("scale", 5), f"{key}.scale", 3, 11)
    max_length = check.integer(
        data.get("max_length", FREE_TEXT_MAX), f"{key}.max_length", 1, FREE_TEXT_MAX
    )
    max_answers = check.integer(
        data.get("max_answers", 1), f"{key}.max_answers", 1, MAX_MAP_ANSWERS
    )
    if max_answers > 1 and kind not in MAP_KINDS:
        raise check.fail(f"{key}.max_answers", "only map questions take several answers")
    follow_ups: list[Question] = []
    if "follow_ups" in data:
        if kind not in MAP_KINDS:
            raise check.fail(f"{key}.follow_ups", "only map questions have follow-ups")
        if not isinstance(data["follow_ups"], list):
            raise check.fail(f"{key}.follow_ups", "must be a list of questions")
        for j, raw in enumerate(data["follow_ups"]):
            sub = _question(check, raw, f"{key}.follow_ups[{j}]", follow_up=True)
            if any(f.id == sub.id for f in follow_ups):
                raise check.fail(f"{key}.follow_ups[{j}].id", f"{sub.id!r} appears twice")
            follow_ups.append(sub)
    background = data.get("background")
    if background is not None:
        if background not in BACKGROUND_ROLES:
            raise check.fail(
                f"{key}.background", f"{background!r} is not one of {', '.join(BACKGROUND_ROLES)}"
            )
        if required:
            raise check.fail(f"{key}.required", "background questions are voluntary")
        wanted = "free_text" if background == "postal_code" else "single_choice"
        if kind != wanted:
            raise check.fail(f"{key}.kind", f"a {background} question is {wanted}")
    within = check.strings(data.get("within"), f"{key}.within")
    compare, labels = _comparisons(check, data.get("compare_with"), f"{key}.compare_with")
    if compare and kind not in MAP_KINDS:
        raise check.fail(f"{key}.compare_with", "only map questions are compared with indicators")
    if within and kind not in MAP_KINDS:
        raise check.fail(f"{key}.within", "only map questions are limited to areas")
    return Question(
        id=question_id,
        kind=str(kind),
        text=text,
        required=required,
        options=tuple(options),
        scale=scale,
        low=check.texts(data.get("low"), f"{key}.low", required=False),
        high=check.texts(data.get("high"), f"{key}.high", required=False),
        max_length=max_length,
        max_answers=max_answers,
        within=within,
        follow_ups=tuple(follow_ups),
        background=background,
        compare_with=tuple(compare),
        compare_labels=labels,
    )


def parse_survey(data: Any, source: str) -> Survey:
    """A :class:`Survey` from loaded YAML/JSON ``data``; ``source`` names it in errors."""
    check = _Checker(source)
    if not isinstance(data, dict):
        raise check.fail("(top level)", "a survey file is a mapping (id, version, title, …)")
    unknown = sorted(set(map(str, data)) - _SURVEY_KEYS)
    if unknown:
        raise check.fail(unknown[0], "unknown key")
    survey_id = check.identifier(data.get("id"), "id")
    version = check.integer(data.get("version"), "version", 1, 1_000_000)
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise check.fail("questions", "a survey needs at least one question")
    parsed: list[Question] = []
    for i, raw in enumerate(questions):
        question = _question(check, raw, f"questions[{i}]")
        if any(q.id == question.id for q in parsed):
            raise check.fail(f"questions[{i}].id", f"{question.id!r} appears twice")
        if question.background and any(q.background == question.background for q in parsed):
            raise check.fail(
                f"questions[{i}].background", f"a second {question.background} question"
            )
        parsed.append(question)
    opens, closes = (
        check.moment(data.get("opens"), "opens"),
        check.moment(data.get("closes"), "closes"),
    )
    if opens is not None and closes is not None and closes <= opens:
        raise check.fail("closes", "must be after opens")
    for key in ("attribution", "licence"):
        if key in data and not isinstance(data[key], str):
            raise check.fail(key, "must be text")
    return Survey(
        id=survey_id,
        version=version,
        title=check.texts(data.get("title"), "title"),
        introduction=check.texts(data.get("introduction"), "introduction"),
        consent=check.texts(data.get("consent"), "consent"),
        questions=tuple(parsed),
        opens=opens,
        closes=closes,
        attribution=str(data.get("attribution", "")),
        licence=str(data.get("licence", "")),
        raw=_plain(data),
    )


def _plain(value: Any) -> Any:
    """``value`` with dates as ISO text (JSON-ready)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def load_survey(path: Path) -> Survey:
    """Read and validate a survey YAML file (one-line :class:`DataError` on any problem)."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(
            f"cannot read the survey ({error.__class__.__name__})", path=path
        ) from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise DataError(f"not valid YAML{where}", path=path) from error
    return parse_survey(data, str(path))


def localized(survey: Survey, language: str) -> dict[str, Any]:
    """The survey in one language, as the public page and ``GET /api/surveys/{id}`` show it."""

    def question(q: Question) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": q.id,
            "kind": q.kind,
            "text": q.text[language],
            "required": q.required,
        }
        if q.options:
            out["options"] = [{"id": o.id, "text": o.text[language]} for o in q.options]
        if q.kind == "likert":
            out.update(scale=q.scale, low=q.low.get(language, ""), high=q.high.get(language, ""))
        if q.kind == "free_text":
            out["max_length"] = q.max_length
        if q.is_map:
            out.update(
                max_answers=q.max_answers,
                within=list(q.within),
                follow_ups=[question(f) for f in q.follow_ups],
            )
        if q.background:
            out["background"] = q.background
        return out

    return {
        "id": survey.id,
        "version": survey.version,
        "language": language,
        "title": survey.title[language],
        "introduction": survey.introduction[language],
        "consent": survey.consent[language],
        "opens": survey.opens.isoformat() if survey.opens else None,
        "closes": survey.closes.isoformat() if survey.closes else None,
        "attribution": survey.attribution,
        "licence": survey.licence,
        "questions": [question(q) for q in survey.questions],
    }
