"""Who answered, against who lives there: participation per area and per population group.

For each *dimension* (the postal areas, and every background choice question whose options
name population columns of the twin's ``areas`` layer):

- ``per_1000``: respondents per 1,000 residents of the unit (area or group);
- the **representation score**: the lowest participation rate ÷ the highest (1 = everyone
  equally heard, 0 = some unit not at all), over units with residents;
- **post-stratification weights**: population share ÷ respondent share, so that weighted
  answers have the population's mix (undefined for a unit nobody from answered);
- ``under_represented``: units whose respondent share is below :data:`UNDER_REPRESENTED`
  of their population share (weight above 1 / that).

A respondent's area is their home postal code when they gave it (the voluntary background
question), else the postal area of the first place they marked. Residents are the twin's
latest ``areas`` year. Public output blanks units with fewer than ``min_count`` respondents
(:func:`publish`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dikas.surveys.definition import Survey
from dikas.twin.privacy import blanked_respondent_counts as blanked

UNDER_REPRESENTED = 0.8
"""Respondent share ÷ population share below which a unit is flagged under-represented."""
TOTAL_COLUMN = "inhabitants_total"
"""Residents of a postal area (Paavo ``he_vakiy``)."""


def respondent_areas(survey: Survey, answers: pd.DataFrame, known: set[str]) -> pd.Series:
    """Each response's area: home postal code if given and known, else its first place's."""
    home = survey.background("postal_code")
    out: dict[int, str] = {}
    if home is not None:
        given = answers[(answers["question_id"] == home.id) & answers["parent_id"].isna()]
        for response_id, value in zip(given["response_id"], given["value"], strict=True):
            if isinstance(value, str) and value.strip() in known:
                out[int(response_id)] = value.strip()
    places = answers[answers["postal_code"].notna() & answers["parent_id"].isna()]
    for response_id, code in zip(places["response_id"], places["postal_code"], strict=True):
        out.setdefault(int(response_id), str(code))
    return pd.Series(out, dtype=object)


def dimension(
    name: str,
    label: str,
    respondents: dict[str, int],
    population: dict[str, float],
    labels: dict[str, str],
) -> dict[str, Any]:
    """Participation, weights and flags of one dimension's units."""
    total_n = sum(respondents.get(u, 0) for u in population)
    total_pop = sum(population.values())
    units = []
    rates = []
    for unit, residents in population.items():
        n = respondents.get(unit, 0)
        rate = 1000.0 * n / residents if residents > 0 else None
        pop_share = residents / total_pop if total_pop > 0 else None
        sample_share = n / total_n if total_n > 0 else None
        weight = (pop_share / sample_share) if pop_share is not None and sample_share else None
        under = (
            pop_share is not None
            and pop_share > 0
            and sample_share is not None
            and sample_share / pop_share < UNDER_REPRESENTED
        )
        if rate is not None:
            rates.append(rate)
        units.append(
            {
                "unit": unit,
                "label": labels.get(unit, unit),
                "respondents": n,
                "residents": residents,
                "per_1000": rate,
                "population_share": pop_share,
                "respondent_share": sample_share,
                "weight": weight,
                "under_represented": bool(under),
                "suppressed": False,
            }
        )
    score = (min(rates) / max(rates)) if rates and max(rates) > 0 else None
    return {
        "dimension": name,
        "label": label,
        "respondents": total_n,
        "residents": total_pop,
        "score": score,
        "units": units,
    }


def representativeness(
    survey: Survey, answers: pd.DataFrame, areas: pd.DataFrame, language: str = "en"
) -> dict[str, Any]:
    """Every dimension for ``survey``'s answers against ``areas`` (one year of the twin's
    ``areas`` layer: ``postal_code``, ``name``, ``inhabitants_total`` and the population
    columns the options name)."""
    known = set(areas["postal_code"].astype(str))
    where = respondent_areas(survey, answers, known)
    population = dict(
        zip(
            areas["postal_code"].astype(str),
            pd.to_numeric(areas[TOTAL_COLUMN], errors="coerce").fillna(0.0),
            strict=True,
        )
    )
    names = (
        dict(zip(areas["postal_code"].astype(str), areas["name"].astype(str), strict=True))
        if "name" in areas.columns
        else {}
    )
    counts = where.value_counts().to_dict()
    dimensions = [
        dimension(
            "areas",
            "areas",
            {str(k): int(v) for k, v in counts.items()},
            population,
            {c: f"{c} {n}" for c, n in names.items()},
        )
    ]
    for question in survey.questions:
        if question.background is None or not question.options:
            continue
        with_population = [o for o in question.options if o.population]
        if not with_population:
            continue
        given = answers[(answers["question_id"] == question.id) & answers["parent_id"].isna()]
        chosen = given["value"].value_counts().to_dict()
        residents = {}
        for option in with_population:
            columns = [c for c in option.population if c in areas.columns]
            residents[option.id] = (
                float(
                    areas[columns]
                    .apply(pd.to_numeric, errors="coerce")
                    .fillna(0.0)
                    .to_numpy()
                    .sum()
                )
                if columns
                else 0.0
            )
        dimensions.append(
            dimension(
                question.id,
                question.text[language],
                {str(k): int(v) for k, v in chosen.items()},
                residents,
                {o.id: o.text[language] for o in question.options},
            )
        )
    return {
        "survey": survey.id,
        "respondents": int(answers["response_id"].nunique()) if not answers.empty else 0,
        "dimensions": dimensions,
    }


def publish(result: dict[str, Any], *, min_count: int) -> dict[str, Any]:
    """``result`` with every unit of fewer than ``min_count`` respondents blanked (and the
    complementary ones, :func:`dikas.surveys.results.blanked`); a dimension's score is shown
    only when none of its units is blanked."""
    out = {**result, "dimensions": []}
    for dim in result["dimensions"]:
        counts = pd.Series({u["unit"]: u["respondents"] for u in dim["units"]}, dtype=float)
        hide = blanked(counts, min_count) if not counts.empty else counts.astype(bool)
        units = []
        for unit in dim["units"]:
            if hide.get(unit["unit"], False):
                unit = {
                    **unit,
                    "respondents": None,
                    "per_1000": None,
                    "respondent_share": None,
                    "weight": None,
                    "under_represented": None,
                    "suppressed": True,
                }
            units.append(unit)
        out["dimensions"].append(
            {**dim, "units": units, "score": None if bool(hide.any()) else dim["score"]}
        )
    return out
