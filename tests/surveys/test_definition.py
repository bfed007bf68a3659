"""Survey definitions: the example loads; every mistake is one line naming file and key."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from dikas.errors import DataError
from dikas.surveys.definition import load_survey, localized
from tests.surveys.conftest import EXAMPLE, example_data


def test_example_loads_in_three_languages() -> None:
    survey = load_survey(EXAMPLE)
    assert survey.id == "too-hot" and survey.version == 1
    assert [q.kind for q in survey.questions] == [
        "map_point",
        "likert",
        "multiple_choice",
        "single_choice",
        "free_text",
        "single_choice",
    ]
    hot = survey.question("hot_place")
    assert hot is not None and [f.id for f in hot.follow_ups] == ["when", "why"]
    assert hot.compare_with == ("heat_exposure_index", "vulnerability_index")
    assert survey.background("age_band") is not None
    assert survey.title["sv"] == "Var är det för varmt på sommaren?"
    fi = localized(survey, "fi")
    assert fi["questions"][0]["follow_ups"][0]["options"][2]["text"] == "Yöllä"


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


_DELETE = object()
CASES = [
    (_set(["id"], "Too Hot"), "id: 'Too Hot' is not an id"),
    (_set(["version"], 0), "version: must be a whole number from 1"),
    (_set(["title", "sv"], " "), "title.sv: missing or empty text"),
    (_set(["title"], "Too hot"), "title: give the text in each language"),
    (_set(["consent", "de"], "Zu heiß"), "consent.de: unknown language"),
    (_set(["closes"], "2019-01-01"), "closes: must be after opens"),
    (_set(["opens"], "next summer"), "opens: 'next summer' is not a date"),
    (_set(["questions"], []), "questions: a survey needs at least one question"),
    (_set(["colour"], "red"), "colour: unknown key"),
    (_set(["questions", 0, "kind"], "map_circle"), "questions[0].kind: 'map_circle' is not one"),
    (_set(["questions", 1, "id"], "hot_place"), "questions[1].id: 'hot_place' appears twice"),
    (
        _set(
            ["questions", 2, "options"],
            [{"id": "trees", "text": {"fi": "a", "sv": "b", "en": "c"}}],
        ),
        "questions[2].options: a choice question needs at least two options",
    ),
    (
        _set(["questions", 2, "options", 1, "id"], "trees"),
        "questions[2].options[1].id: option 'trees' appears twice",
    ),
    (
        _set(["questions", 0, "follow_ups", 0, "kind"], "map_point"),
        "questions[0].follow_ups[0].kind: a follow-up cannot be a map question",
    ),
    (_set(["questions", 1, "follow_ups"], []), "questions[1].follow_ups: only map questions"),
    (_set(["questions", 1, "scale"], 2), "questions[1].scale: must be a whole number from 3"),
    (
        _set(["questions", 3, "required"], True),
        "questions[3].required: background questions are voluntary",
    ),
    (
        _set(["questions", 3, "background"], "income"),
        "questions[3].background: 'income' is not one of",
    ),
    (
        _set(["questions", 1, "within"], ["00100"]),
        "questions[1].within: only map questions are limited to areas",
    ),
    (
        _set(["questions", 1, "max_answers"], 3),
        "questions[1].max_answers: only map questions take several answers",
    ),
    (_set(["questions", 0, "text"], _DELETE), "questions[0].text: must be a mapping"),
    (
        _set(["questions", 0, "compare_with", 1, "label"], _DELETE),
        "questions[0].compare_with[1].label: must be a mapping",
    ),
    (
        _set(
            ["questions", 1, "compare_with"],
            [{"indicator": "x", "label": {"fi": "x", "sv": "x", "en": "x"}}],
        ),
        "questions[1].compare_with: only map questions are compared",
    ),
]


@pytest.mark.parametrize(("change", "message"), CASES, ids=[m.split(":")[0] for _, m in CASES])
def test_each_mistake_is_one_line_naming_file_and_key(
    change: Callable[[dict[str, Any]], None], message: str, tmp_path: Path
) -> None:
    data = copy.deepcopy(example_data())
    change(data)
    path = tmp_path / "survey.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_survey(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"file {str(path)!r}: ")
    assert message in text, text


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\nversion: [1\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken.yaml'?: not valid YAML at line \d"):
        load_survey(path)
