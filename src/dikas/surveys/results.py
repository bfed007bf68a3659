"""Public aggregates of a survey's answers by cell, postal area or district, under the
privacy threshold.

A unit's figures are published only when at least ``min_count`` (``DIKAS_MIN_COUNT``)
respondents answered there: below it the unit's counts and shares are blanked, at every level
(answers are about people, so even postal areas are treated as fine-grained here). Because
the survey's total is public, a single blanked unit could be recovered by subtraction; so
while the blanked units of a table hold fewer than ``min_count`` respondents together, the
shown unit with the fewest respondents is blanked too (complementary suppression). Raw
places are never part of a public output.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dikas.surveys.definition import CHOICE_KINDS, Survey
from dikas.twin.privacy import blanked_respondent_counts as blanked
from dikas.twin.schema import LEVELS

PUBLIC_LEVELS = ("areas", "districts", "grid")
"""Levels answers are aggregated to."""


def unit_of(answers: pd.DataFrame, level: str) -> pd.Series:
    """Each answer row's unit at ``level``."""
    return answers[LEVELS[level].key]


def respondent_units(answers: pd.DataFrame, level: str) -> pd.DataFrame:
    """``(response_id, unit)`` pairs: each respondent counted once per unit they answered in."""
    key = LEVELS[level].key
    places = answers[answers[key].notna() & answers["parent_id"].isna()]
    return places[["response_id", key]].drop_duplicates().rename(columns={key: "unit"})


def aggregate(
    survey: Survey, answers: pd.DataFrame, level: str, *, min_count: int
) -> list[dict[str, Any]]:
    """Per unit: respondents, places marked and the share of each choice among the
    respondents who answered the question there (choices of follow-ups count per place);
    blanked under the threshold."""
    pairs = respondent_units(answers, level)
    if pairs.empty:
        return []
    respondents = pairs.groupby("unit")["response_id"].nunique()
    hide = blanked(respondents, min_count)
    key = LEVELS[level].key
    unit_answers = answers.assign(unit=answers[key])
    by_response = pairs.groupby("response_id")["unit"].apply(list).to_dict()
    rows = []
    for unit, count in respondents.sort_index().items():
        row: dict[str, Any] = {
            "unit": str(unit),
            "respondents": None,
            "places": None,
            "suppressed": bool(hide[unit]),
            "choices": {},
        }
        if hide[unit]:
            rows.append(row)
            continue
        here = unit_answers[unit_answers["unit"] == unit]
        row["respondents"] = int(count)
        row["places"] = int((here["parent_id"].isna() & here["value"].isna()).sum())
        responders = {r for r, units in by_response.items() if unit in units}
        for question in _choice_questions(survey):
            row["choices"][question.id] = _shares(
                question.id, answers, here, responders, [o.id for o in question.options]
            )
        rows.append(row)
    return rows


def _choice_questions(survey: Survey) -> list[Any]:
    out = []
    for question in survey.questions:
        if question.kind in CHOICE_KINDS and not question.background:
            out.append(question)
        for follow_up in question.follow_ups:
            if follow_up.kind in CHOICE_KINDS:
                out.append(follow_up)
    return out


def _shares(
    question_id: str,
    answers: pd.DataFrame,
    here: pd.DataFrame,
    responders: set[int],
    options: list[str],
) -> dict[str, float | None]:
    """Share of each option: of follow-ups given about places in the unit, or of the unit's
    respondents' answers to a top-level question."""
    rows = here[here["question_id"] == question_id]
    if rows.empty:
        rows = answers[
            (answers["question_id"] == question_id)
            & answers["response_id"].isin(responders)
            & answers["parent_id"].isna()
        ]
    if rows.empty:
        return {option: None for option in options}
    chosen = [v if isinstance(v, list) else [v] for v in rows["value"]]
    return {option: sum(option in c for c in chosen) / len(chosen) for option in options}
