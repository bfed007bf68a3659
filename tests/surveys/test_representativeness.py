"""Representativeness and post-stratification weights against a hand-computed case, and the
rank correlation of answers with indicators against SciPy."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from dikas.surveys.against_twin import against_twin, spearman_permutation
from dikas.surveys.answers import check_answers
from dikas.surveys.definition import Survey, parse_survey
from dikas.surveys.linking import Linker
from dikas.surveys.representativeness import publish, representativeness
from dikas.twin.store import Twin
from tests.surveys.conftest import example_survey, point_in

T = {"fi": "x", "sv": "x", "en": "x"}


def mini_survey() -> Survey:
    return parse_survey(
        {
            "id": "mini",
            "version": 1,
            "title": T,
            "introduction": T,
            "consent": T,
            "questions": [
                {"id": "place", "kind": "map_point", "text": T},
                {
                    "id": "age",
                    "kind": "single_choice",
                    "background": "age_band",
                    "text": T,
                    "options": [
                        {"id": "young", "text": T, "population": ["age_young"]},
                        {"id": "old", "text": T, "population": ["age_old"]},
                    ],
                },
                {"id": "home", "kind": "free_text", "background": "postal_code", "text": T},
            ],
        },
        "mini.yaml",
    )


def answers(rows: list[tuple[int, str, object, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "response_id": r,
                "question_id": q,
                "parent_id": None,
                "value": v,
                "postal_code": p,
                "cell_id": None,
                "district_id": None,
            }
            for r, q, v, p in rows
        ]
    )


AREAS = pd.DataFrame(
    {
        "postal_code": ["A", "B", "C"],
        "name": ["Aa", "Bb", "Cc"],
        "inhabitants_total": [1000.0, 3000.0, 1000.0],
        "age_young": [300.0, 500.0, 200.0],
        "age_old": [200.0, 500.0, 300.0],
    }
)
ANSWERS = answers(
    [
        (1, "place", None, "A"),
        (1, "age", "young", None),
        (2, "place", None, "A"),
        (2, "home", "B", None),  # lives in B: home wins
        (3, "place", None, "A"),
        (3, "age", "young", None),
        (4, "place", None, "B"),
        (4, "age", "old", None),
        (5, "home", "C", None),  # no place, home only
        (6, "place", None, "C"),
        (6, "home", "ZZ", None),  # unknown home: the place's area
        (7, "place", None, "B"),
    ]
)


def test_participation_score_weights_and_flags_by_hand() -> None:
    result = representativeness(mini_survey(), ANSWERS, AREAS)
    assert result["respondents"] == 7
    areas, ages = result["dimensions"]
    # areas: A {1, 3}, B {2, 4, 7}, C {5, 6}; residents 1000, 3000, 1000
    by_area = {u["unit"]: u for u in areas["units"]}
    assert [by_area[a]["respondents"] for a in "ABC"] == [2, 3, 2]
    assert [by_area[a]["per_1000"] for a in "ABC"] == pytest.approx([2.0, 1.0, 2.0])
    assert areas["score"] == pytest.approx(0.5)  # 1.0 / 2.0
    # weight = population share / respondent share: 0.2/(2/7), 0.6/(3/7), 0.2/(2/7)
    assert [by_area[a]["weight"] for a in "ABC"] == pytest.approx([0.7, 1.4, 0.7])
    assert [by_area[a]["under_represented"] for a in "ABC"] == [False, True, False]
    assert by_area["B"]["label"] == "B Bb"
    # age: young {1, 3} of 1000, old {4} of 1000
    by_age = {u["unit"]: u for u in ages["units"]}
    assert (by_age["young"]["respondents"], by_age["old"]["respondents"]) == (2, 1)
    assert (by_age["young"]["per_1000"], by_age["old"]["per_1000"]) == (2.0, 1.0)
    assert ages["score"] == pytest.approx(0.5)
    assert (by_age["young"]["weight"], by_age["old"]["weight"]) == pytest.approx((0.75, 1.5))
    assert (by_age["young"]["under_represented"], by_age["old"]["under_represented"]) == (
        False,
        True,
    )
    # weighted respondents reproduce the population's mix
    weighted = {a: by_area[a]["weight"] * by_area[a]["respondents"] for a in "ABC"}
    total = sum(weighted.values())
    assert [weighted[a] / total for a in "ABC"] == pytest.approx([0.2, 0.6, 0.2])


def test_published_representativeness_blanks_small_units() -> None:
    result = publish(representativeness(mini_survey(), ANSWERS, AREAS), min_count=3)
    by_area = {u["unit"]: u for u in result["dimensions"][0]["units"]}
    # A and C (2 each) are under 3; together they hold 4, so B (3) can stay
    assert [by_area[a]["respondents"] for a in "ABC"] == [None, 3, None]
    assert by_area["A"]["weight"] is None and by_area["A"]["per_1000"] is None
    assert by_area["A"]["under_represented"] is None
    assert result["dimensions"][0]["score"] is None
    by_age = {u["unit"]: u for u in result["dimensions"][1]["units"]}
    # young 2, old 1: both under 3
    assert by_age["young"]["respondents"] is None and by_age["old"]["respondents"] is None


def test_spearman_and_permutation_p_value_match_scipy() -> None:
    rng = np.random.default_rng(5)
    x = rng.normal(size=15)
    y = 0.5 * x + rng.normal(size=15)
    rho, p = spearman_permutation(x, y, permutations=9999, seed=3)
    assert rho == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-12)
    reference = stats.permutation_test(
        (x, y),
        lambda a, b: stats.spearmanr(a, b).statistic,
        permutation_type="pairings",
        n_resamples=9999,
        alternative="two-sided",
        random_state=np.random.default_rng(11),
    )
    assert p == pytest.approx(reference.pvalue, abs=0.01)
    assert 0 < p < 0.2


def test_answers_against_the_twins_indicators(small_twin: Path) -> None:
    survey = example_survey()
    with Twin.open(small_twin) as twin:
        linker = Linker(twin)
        rows = []
        for response_id, area in enumerate([0, 0, 0, 1], start=1):
            linked = linker.link(
                survey, check_answers(survey, {"hot_place": [{"geometry": point_in(area)}]})
            )
            rows += [
                {
                    "response_id": response_id,
                    "question_id": item.answer.question_id,
                    "parent_id": item.answer.parent_id,
                    "value": item.answer.value,
                    "postal_code": item.postal_code,
                    "cell_id": item.cell_id,
                    "district_id": item.district_id,
                }
                for item in linked
            ]
        result = against_twin(survey, pd.DataFrame(rows), twin, permutations=999)
    (item,) = result
    # 1 km² areas: 3, 1 and 0 places per km²
    assert item["density_per_km2"] == pytest.approx({"00100": 3.0, "00200": 1.0, "00300": 0.0})
    heat, vulnerability = item["comparisons"]
    assert heat == {"indicator": "heat_exposure_index", "available": False}  # grid only
    # vulnerability 0.2, 0.5, 0.8 against density 3, 1, 0: perfectly reversed ranks
    assert vulnerability["spearman_rho"] == pytest.approx(-1.0)
    assert vulnerability["units"] == 3
    # 3 units have 6 orderings, 2 of them as extreme: p close to 1/3
    assert vulnerability["p_value"] == pytest.approx(1 / 3, abs=0.05)
