"""Checking one submission against its survey: every problem becomes a one-line
:class:`~dikas.errors.ParameterError` (a 400 from the API) naming the question.

A submission is JSON: ``{"token": "<random browser token>", "language": "fi", "answers":
{"<question id>": <value>}}``. Values by kind: a map question takes a list of places, each
``{"geometry": <GeoJSON Point/LineString/Polygon in lon/lat>}`` or ``{"area": "<postal
code>"}`` (the non-map alternative), optionally with ``"follow_ups": {...}``; a single choice
an option id, a multiple choice a list of option ids, a Likert question a whole number from 1
to its scale, free text a string.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from dikas.errors import ParameterError
from dikas.surveys.definition import Question, Survey

MAX_VERTICES = 500
"""Most vertices of one drawn line or area."""
_GEOMETRY_TYPES = {"map_point": "Point", "map_line": "LineString", "map_area": "Polygon"}


@dataclass(frozen=True)
class Answer:
    """One answer row: a question's value (or one place of a map question)."""

    question_id: str
    value: Any
    """The answer (option id(s), number, text) or ``None`` for a place."""
    item: int = 0
    """Which place of a map question (0, 1, …); follow-ups carry their place's item."""
    parent_id: str | None = None
    """The map question a follow-up belongs to."""
    geometry: BaseGeometry | None = None
    """A drawn place in WGS84 lon/lat."""
    area: str | None = None
    """A postal code chosen from the list instead of drawing."""


def _fail(question: str, problem: str) -> ParameterError:
    return ParameterError(f"answers.{question}: {problem}")


def _position(value: Any, where: str) -> tuple[float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        raise _fail(where, "a position is [longitude, latitude]")
    lon, lat = float(value[0]), float(value[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise _fail(where, f"position {lon}, {lat} is not a longitude and latitude")
    return lon, lat


def _geometry(value: Any, kind: str, where: str) -> BaseGeometry:
    wanted = _GEOMETRY_TYPES[kind]
    if not isinstance(value, dict) or value.get("type") != wanted:
        raise _fail(where, f"geometry must be a GeoJSON {wanted}")
    coordinates = value.get("coordinates")
    if wanted == "Point":
        return shapely.Point(_position(coordinates, where))
    rings = [coordinates] if wanted == "LineString" else coordinates
    if not isinstance(rings, list) or not rings or (wanted == "Polygon" and len(rings) != 1):
        raise _fail(where, f"a {wanted} has {'one ring' if wanted == 'Polygon' else 'positions'}")
    points = rings[0]
    if not isinstance(points, list) or len(points) > MAX_VERTICES:
        raise _fail(where, f"at most {MAX_VERTICES} positions")
    positions = [_position(p, where) for p in points]
    if wanted == "LineString":
        if len(positions) < 2:
            raise _fail(where, "a line needs at least two positions")
        return shapely.LineString(positions)
    if len(positions) < 4 or positions[0] != positions[-1]:
        raise _fail(where, "an area is a closed ring of at least four positions")
    polygon = shapely.Polygon(positions)
    if not polygon.is_valid or polygon.area == 0:
        raise _fail(where, "the area's outline crosses itself or is empty")
    return polygon


def _value(question: Question, value: Any, where: str) -> Any:
    """A non-map answer, checked."""
    if question.kind == "single_choice":
        if not isinstance(value, str) or question.option(value) is None:
            raise _fail(where, f"choose one of {', '.join(o.id for o in question.options)}")
        return value
    if question.kind == "multiple_choice":
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and question.option(v) for v in value)
        ):
            raise _fail(
                where, f"a list of options from {', '.join(o.id for o in question.options)}"
            )
        if len(set(value)) != len(value):
            raise _fail(where, "an option is chosen twice")
        return list(value)
    if question.kind == "likert":
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 1 <= value <= question.scale
        ):
            raise _fail(where, f"a whole number from 1 to {question.scale}")
        return value
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, "text expected")
    if len(value) > question.max_length:
        raise _fail(where, f"at most {question.max_length} characters")
    return value.strip()


def _answered(value: Any) -> bool:
    return value is not None and value != "" and value != []


def _follow_ups(question: Question, data: Any, item: int, where: str) -> list[Answer]:
    if data is None:
        return []
    if not isinstance(data, dict):
        raise _fail(f"{where}.follow_ups", "must be a mapping of question id to answer")
    known = {f.id: f for f in question.follow_ups}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise _fail(f"{where}.follow_ups.{unknown[0]}", "no such follow-up question")
    out = []
    for follow_up in question.follow_ups:
        value = data.get(follow_up.id)
        if not _answered(value):
            if follow_up.required:
                raise _fail(f"{where}.follow_ups.{follow_up.id}", "an answer is required")
            continue
        out.append(
            Answer(
                follow_up.id,
                _value(follow_up, value, f"{where}.follow_ups.{follow_up.id}"),
                item=item,
                parent_id=question.id,
            )
        )
    return out


def _places(question: Question, value: Any) -> list[Answer]:
    if not isinstance(value, list) or not value:
        raise _fail(question.id, 'a list of places ({"geometry": …} or {"area": …})')
    if len(value) > question.max_answers:
        raise _fail(question.id, f"at most {question.max_answers} places")
    out: list[Answer] = []
    for item, place in enumerate(value):
        where = f"{question.id}[{item}]"
        if not isinstance(place, dict):
            raise _fail(where, 'a place is {"geometry": …} or {"area": …}')
        unknown = sorted(set(place) - {"geometry", "area", "follow_ups"})
        if unknown:
            raise _fail(f"{where}.{unknown[0]}", "unknown key")
        has_geometry, has_area = place.get("geometry") is not None, place.get("area") is not None
        if has_geometry == has_area:
            raise _fail(where, "give either a geometry or an area")
        if has_area:
            area = place["area"]
            if not isinstance(area, str) or not area.strip() or len(area) > 20:
                raise _fail(f"{where}.area", "an area code")
            answer = Answer(question.id, None, item=item, area=area.strip())
        else:
            answer = Answer(
                question.id,
                None,
                item=item,
                geometry=_geometry(place["geometry"], question.kind, f"{where}.geometry"),
            )
        out.append(answer)
        out += _follow_ups(question, place.get("follow_ups"), item, where)
    return out


def check_answers(survey: Survey, answers: Any) -> list[Answer]:
    """The answer rows of a submission's ``answers`` mapping, or a :class:`ParameterError`
    naming the first question that is wrong."""
    if not isinstance(answers, dict):
        raise ParameterError("answers: must be a mapping of question id to answer")
    unknown = sorted(set(answers) - {q.id for q in survey.questions})
    if unknown:
        raise _fail(unknown[0], f"no such question in survey {survey.id!r}")
    rows: list[Answer] = []
    for question in survey.questions:
        value = answers.get(question.id)
        if not _answered(value):
            if question.required:
                raise _fail(question.id, "an answer is required")
            continue
        if question.is_map:
            rows += _places(question, value)
        else:
            rows.append(Answer(question.id, _value(question, value, question.id)))
    if not rows:
        raise ParameterError("answers: the submission answers no question")
    return rows
