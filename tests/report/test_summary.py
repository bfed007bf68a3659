"""Summary sentences from hand-made profiles: level against the city, better or worse by the
registry's direction, change since the first year, rank of N."""

from __future__ import annotations

from dikas.report.profile import Profile
from dikas.report.summary import area_sentences, city_sentences, compare


def _profile(figures: list[dict], trends: list[dict], level: str = "areas") -> Profile:
    return Profile(
        id="00530",
        name="Kallio",
        level=level,
        year=2023,
        key_figures=figures,
        age_pyramid=[],
        income=None,
        education=None,
        accessibility=[],
        heat=None,
        vulnerability=None,
        trends=trends,
    )


def test_compare_uses_a_two_percent_band() -> None:
    assert compare(0.102, 0.100) == "same"
    assert compare(0.103, 0.100) == "higher"
    assert compare(0.097, 0.100) == "lower"


def test_area_sentences_in_english_and_finnish() -> None:
    figures = [
        {
            "name": "inhabitants_total",
            "label": "Inhabitants, total",
            "value": 17887.0,
            "city_value": 663237.0,
            "rank": 4,
            "rank_of": 84,
            "direction": "neutral",
        },
        {
            "name": "unemployment_rate",
            "label": "Unemployment rate",
            "value": 0.125,
            "city_value": 0.100,
            "rank": 7,
            "rank_of": 83,
            "direction": "higher_worse",
        },
        {
            "name": "median_income",
            "label": "Median income of inhabitants",
            "value": 30000.0,
            "city_value": 28000.0,
            "rank": 20,
            "rank_of": 84,
            "direction": "higher_better",
        },
    ]
    trends = [
        {
            "year": 2020,
            "unemployment_rate": 0.100,
            "median_income": 30100.0,
            "inhabitants_total": 17000.0,
        },
        {
            "year": 2023,
            "unemployment_rate": 0.125,
            "median_income": 30000.0,
            "inhabitants_total": 17887.0,
        },
    ]
    english = area_sentences(_profile(figures, trends), "en")
    assert english[0] == (
        "Kallio has 17,887 inhabitants (2023). Since 2020 it has risen from "
        "17,000\u00a0persons. Rank 4 of 84 postal areas (1 = highest value)."
    )
    # 30 000 vs 28 000 is 7 % higher: better (higher is better); 30 100 → 30 000 is the same
    assert english[1] == (
        "Median income of inhabitants: 30,000\u00a0€, higher than in the "
        "city as a whole (28,000\u00a0€). That is better than the city "
        "average. Since 2020 it has stayed about the same (30,100\u00a0€). "
        "Rank 20 of 84 postal areas (1 = highest value)."
    )
    assert english[2].startswith(
        "Unemployment rate: 12.5%, higher than in the city as a "
        "whole (10.0%). That is worse than the city average. Since "
        "2020 it has risen from 10.0%."
    )
    finnish = area_sentences(_profile(figures, trends), "fi")
    assert finnish[2].startswith(
        "Unemployment rate: 12,5\u00a0%, enemmän kuin koko "
        "kaupungissa (10,0\u00a0%). Se on huonompi kuin kaupungissa "
        "keskimäärin. Vuodesta 2020 se on noussut (silloin "
        "10,0\u00a0%)."
    )


def test_city_sentences() -> None:
    figures = [
        {
            "name": "low_income_share",
            "label": "Andel låginkomsttagare",
            "value": 0.18,
            "city_value": 0.18,
        }
    ]
    trends = [{"year": 2020, "low_income_share": 0.20}, {"year": 2023, "low_income_share": 0.18}]
    assert city_sentences(_profile(figures, trends, "city"), "sv") == [
        "Andel låginkomsttagare: 18,0\u00a0% år 2023. Sedan 2020 har det sjunkit från 20,0\u00a0%."
    ]
