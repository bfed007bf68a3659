"""What-if summaries against hand-computed diffs, in every language."""

from __future__ import annotations

from typing import Any

import pytest

from dikas.scenarios.summary import compare_summaries, summarize, summary_table

NBSP = "\u00a0"
MINUS = "\u2212"


def _row(
    indicator: str, measure: str, group: str, before: float | None, after: float | None
) -> dict[str, Any]:
    change = None if before is None or after is None else after - before
    return {
        "indicator": indicator,
        "measure": measure,
        "population_group": group,
        "before": before,
        "after": after,
        "change": change,
    }


HEALTH = "access_walk_health_station"
DIFF = {
    "city": [
        _row(HEALTH, "residents_within_15min", "all", 10_000.0, 11_240.4),
        _row(HEALTH, "residents_within_15min", "lowest_income", 2_000.0, 2_310.2),
        _row(HEALTH, "coverage_15min", "all", 0.5, 0.562),
        _row(HEALTH, "mean_minutes", "all", 14.25, 12.5),
        _row("access_walk_library", "residents_within_15min", "all", 100.0, 96.0),
        _row("heat", "hot_residents", "all", 5_000.0, 4_200.0),
        _row("segregation", "dissimilarity", "lowest_income", 0.3123, 0.3101),
        _row("segregation", "isolation", "renter_households", 0.2, 0.2),
    ],
    "areas": [],
}

SENTENCES = {
    "en": [
        "+1,240 residents within a 15-minute walk of a health station, of them 310 in the "
        "lowest income class",
        "Fewer than 10 residents lose a 15-minute walk to a library",
        f"Residents of the hottest cells: {MINUS}800",
        "Segregation: dissimilarity index (lowest income class): 0.312 → 0.310",
    ],
    "fi": [
        f"Terveysasema 15 minuutin kävelymatkan päässä: +1{NBSP}240 asukasta, heistä 310 "
        "alimmassa tuloluokassa",
        "Kirjasto 15 minuutin kävelymatkan päässä: alle 10 asukasta vähemmän",
        f"Kuumimpien ruutujen asukkaat: {MINUS}800",
        "Segregaatio: erilaisuusindeksi (alin tuloluokka): 0,312 → 0,310",
    ],
    "sv": [
        f"+1{NBSP}240 invånare inom 15 minuters promenad från en hälsostation, av dem 310 i "
        "den lägsta inkomstklassen",
        "Färre än 10 invånare förlorar ett bibliotek inom 15 minuters promenad",
        f"Invånare i de hetaste rutorna: {MINUS}800",
        "Segregation: olikhetsindex (lägsta inkomstklassen): 0,312 → 0,310",
    ],
}


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_sentences_from_a_hand_computed_diff(lang: str) -> None:
    summary = summarize(DIFF, lang=lang)
    assert summary["language"] == lang
    assert summary["sentences"] == SENTENCES[lang]
    assert summary["no_change"] is False


def test_table_labels_units_directions_and_better() -> None:
    table = {
        (r["measure"], r["population_group"], r["indicator"]): r
        for r in summary_table(DIFF, lang="fi")
    }
    share = table[("coverage_15min", "all", HEALTH)]
    assert share["label"] == "Terveysasema: osuus 15 minuutin kävelymatkan päässä"
    assert share["group"] == "Kaikki asukkaat"
    assert (share["unit"], share["kind"], share["direction"]) == ("%", "share", "higher_is_better")
    assert share["change"] == pytest.approx(0.062)
    assert share["better"] is True
    assert (share["before_text"], share["after_text"], share["change_text"]) == (
        f"50,0{NBSP}%",
        f"56,2{NBSP}%",
        f"+6,2{NBSP}%-yks.",
    )
    walk = table[("mean_minutes", "all", HEALTH)]
    assert walk["direction"] == "lower_is_better" and walk["better"] is True
    assert walk["change_text"] == f"{MINUS}1,8{NBSP}min"
    hot = table[("hot_residents", "all", "heat")]
    assert hot["better"] is True and hot["change"] == -800.0
    unchanged = table[("isolation", "renter_households", "segregation")]
    assert unchanged["better"] is None and unchanged["change"] == 0.0
    assert unchanged["group"] == "Vuokralla asuvat kotitaloudet"
    # counts are whole persons; a change below the threshold is withheld, not stated
    reached = table[("residents_within_15min", "all", HEALTH)]
    assert (reached["before"], reached["after"], reached["change"]) == (10000.0, 11240.0, 1240.0)
    library = table[("residents_within_15min", "all", "access_walk_library")]
    assert library["change"] is None and library["change_text"] == f"{MINUS}alle 10"
    assert library["better"] is False


def test_no_code_name_reaches_the_reader() -> None:
    for lang in ("en", "fi", "sv"):
        for row in summary_table(DIFF, lang=lang):
            for key in ("label", "group", "unit", "before_text", "after_text", "change_text"):
                assert "_" not in row[key], (lang, key, row[key])


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Nothing changes: the edits move none of the indicators they affect."),
        (
            "fi",
            "Mikään ei muutu: muutokset eivät liikuta yhtäkään niiden vaikutuspiirissä olevaa "
            "mittaria.",
        ),
        ("sv", "Ingenting förändras: ändringarna påverkar inte någon av de indikatorer de berör."),
    ],
)
def test_no_change(lang: str, sentence: str) -> None:
    diff = {
        "city": [
            _row(HEALTH, "coverage_15min", "all", 0.5, 0.5),
            _row(HEALTH, "mean_minutes", "all", 12.0, 12.0 + 1e-15),
        ]
    }
    summary = summarize(diff, lang=lang)
    assert summary["no_change"] is True
    assert summary["sentences"] == [sentence]
    assert all(r["better"] is None for r in summary["table"])
    assert summarize({"city": []}, lang=lang)["no_change"] is True


def test_small_gains_and_the_threshold_setting() -> None:
    diff = {
        "city": [
            _row(HEALTH, "residents_within_15min", "all", 100.0, 106.0),
            _row("flood", "exposed_residents", "class_1", 50.0, 57.0),
        ]
    }
    assert summarize(diff, lang="en")["sentences"] == [
        "Fewer than 10 residents gain a 15-minute walk to a health station",
        "Residents in flood hazard areas (hazard class 1): up by fewer than 10",
    ]
    assert summarize(diff, lang="en", min_count=5)["sentences"] == [
        "+6 residents within a 15-minute walk of a health station",
        "Residents in flood hazard areas (hazard class 1): +7",
    ]


def test_two_runs_side_by_side() -> None:
    a = {"city": [_row(HEALTH, "coverage_15min", "all", 0.5, 0.6)]}
    b = {
        "city": [
            _row(HEALTH, "coverage_15min", "all", 0.5, 0.45),
            _row("heat", "population_weighted_heat", "all", 0.4, 0.38),
        ]
    }
    rows = compare_summaries(a, b, lang="sv")
    assert [(r["indicator"], r["measure"]) for r in rows] == [
        (HEALTH, "coverage_15min"),
        ("heat", "population_weighted_heat"),
    ]
    first, second = rows
    assert first["before"] == 0.5
    assert (first["after_a"], first["better_a"]) == (0.6, True)
    assert (first["after_b"], first["better_b"]) == (0.45, False)
    assert first["change_text_b"] == f"{MINUS}5,0{NBSP}procentenheter"
    assert second["label"] == "Invånarnas genomsnittliga värmeexponering"
    assert (second["after_a"], second["change_a"], second["better_a"]) == (None, None, None)
    assert second["better_b"] is True


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "en",
            "+400 residents within a 15-minute walk of a library and a school, of them 62 in "
            "the lowest income class",
        ),
        (
            "fi",
            "Kirjasto ja koulu 15 minuutin kävelymatkan päässä: +400 asukasta, heistä 62 "
            "alimmassa tuloluokassa",
        ),
        (
            "sv",
            "+400 invånare inom 15 minuters promenad från ett bibliotek och en skola, av dem 62 "
            "i den lägsta inkomstklassen",
        ),
    ],
)
def test_services_moved_alike_share_one_sentence(lang: str, sentence: str) -> None:
    rows = []
    for service in ("school", "library"):
        rows += [
            _row(f"access_walk_{service}", "residents_within_15min", "all", 1000.0, 1400.2),
            _row(f"access_walk_{service}", "residents_within_15min", "lowest_income", 100.0, 162.0),
        ]
    rows.append(_row("heat", "hot_residents", "all", 300.0, 340.0))
    assert summarize({"city": rows}, lang=lang)["sentences"][0] == sentence
    assert len(summarize({"city": rows}, lang=lang)["sentences"]) == 2


def test_changes_below_the_shown_precision_are_not_sentences() -> None:
    diff = {
        "city": [
            _row(HEALTH, "mean_minutes", "all", 21.31, 21.32),
            _row("heat", "hot_residents", "all", 400.0, 400.2),
        ]
    }
    summary = summarize(diff, lang="fi")
    assert summary["no_change"] is False
    assert summary["sentences"] == [
        "Muutokset liikuttavat mittareita vähemmän kuin tässä näytetty tarkkuus; taulukossa "
        "ovat tarkat arvot."
    ]
    walk = next(r for r in summary["table"] if r["measure"] == "mean_minutes")
    assert walk["change"] == pytest.approx(0.01) and walk["better"] is False
