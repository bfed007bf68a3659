"""The indicator registry: every indicator a twin stores has labels in fi, sv and en, a unit,
a direction and a method link, and no label carries a code name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dikas.i18n import LANGUAGES
from dikas.segregation.registry import INDICES
from dikas.twin.store import Twin
from dikas.vocabulary import (
    CHALLENGES,
    DIRECTIONS,
    catalogue,
    describe,
    format_value,
    is_known,
    label,
    population_group_label,
)
from dikas.vocabulary.registry import units

ROOT = Path(__file__).resolve().parents[2]
DEMO_NAMES = [
    line
    for line in (Path(__file__).with_name("demo_indicators.txt").read_text("utf-8").splitlines())
    if line and not line.startswith("#")
]
SNAKE_CASE = re.compile(r"[A-Za-z0-9]+_[A-Za-z0-9_]+")
PAAVO_CODE = re.compile(
    r"\b(he|ko|hr|te|tr|ra|tp|pt)_[a-z0-9]+\b|\((HE|KO|HR|TE|TR|RA|TP|PT)\)", re.IGNORECASE
)
GENERATED = (
    [f"segregation_{name}" for name in INDICES]
    + [f"segregation_{name}_p_value" for name in INDICES]
    + [
        f"flood_{m}_{c}"
        for m in ("residents", "vulnerable_residents", "buildings", "overlap_share")
        for c in ("100", "1000")
    ]
    + [
        "vulnerability_heat_robust_hotspot",
        "vulnerability_flood_median_rank",
        "heat_valid_pixels",
        "heat_vulnerable_residents",
    ]
)


def _slug(heading: str) -> str:
    """GitHub's anchor of a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(doc: Path) -> set[str]:
    return {
        _slug(line.lstrip("#"))
        for line in doc.read_text("utf-8").splitlines()
        if line.startswith("#")
    }


def _assert_described(name: str) -> None:
    assert is_known(name), f"the registry does not describe {name!r}"
    for lang in LANGUAGES:
        info = describe(name, lang)
        assert info.label and info.explanation and info.unit and info.source, (name, lang)
        assert info.direction in DIRECTIONS and info.challenge in CHALLENGES, name
        assert info.unit_id in units(), name
        for text in (info.label, info.explanation, info.unit):
            assert not SNAKE_CASE.search(text), f"code name in {name!r} ({lang}): {text!r}"
            assert not PAAVO_CODE.search(text), f"Paavo code in {name!r} ({lang}): {text!r}"
            assert "{" not in text, f"unfilled placeholder in {name!r} ({lang}): {text!r}"
        path, _, anchor = info.method_url.partition("#")
        assert anchor in _anchors(ROOT / path), f"no anchor {info.method_url} for {name!r}"


@pytest.mark.parametrize("name", DEMO_NAMES + GENERATED)
def test_every_stored_indicator_is_described_in_three_languages(name: str) -> None:
    _assert_described(name)


def test_every_indicator_of_the_real_twin_is_described(helsinki_twin: Path) -> None:
    with Twin.open(helsinki_twin) as twin:
        entries = catalogue(twin, "fi")
    names = {entry.info.id for entry in entries}
    # Paavo variables, the ready-made shares and the grid, district and building columns
    assert {
        "median_income",
        "share:lowest_income_inhabitants/adults_income_total",
        "age_0_9",
        "water_m2",
        "year_built",
    } <= names
    for name in sorted(names):
        _assert_described(name)
    share = next(
        e for e in entries if e.info.id == "share:lowest_income_inhabitants/adults_income_total"
    )
    assert share.years == {"areas": [2020, 2021, 2022, 2023]}
    assert share.info.label == "Pienituloisten osuus" and share.info.percent


def test_languages_differ_and_generated_labels_are_composed() -> None:
    name = "access_bike_2sfca_15min_daycare"
    assert label(name, "fi") == "Päiväkoti: tarjonta asukasta kohden 15 minuutin sisällä (pyörällä)"
    assert label(name, "sv") == "Daghem: utbud per invånare inom 15 minuter (med cykel)"
    assert label(name, "en") == "Daycare centre: supply per resident within 15 minutes (by bike)"
    walk = describe("access_walk_nearest_1_health_station", "en")
    assert (walk.unit_id, walk.direction) == ("minutes", "higher_worse")
    assert describe("access_transit_cumulative_15min_school", "en").direction == "higher_better"
    assert label("segregation_dissimilarity_p_value", "sv") == "Olikhetsindex: p-värde"
    assert describe("segregation_interaction", "en").direction == "higher_better"
    assert label("lowest_income_inhabitants", "fi") == "Alimpaan tuloluokkaan kuuluvat asukkaat"
    assert (
        population_group_label("lowest_income_inhabitants/adults_income_total", "fi")
        == "Pienituloisten osuus"
    )
    differing = [n for n in DEMO_NAMES if label(n, "fi") != label(n, "en")]
    assert len(differing) == len(DEMO_NAMES)


def test_values_are_formatted_with_units_per_language() -> None:
    share = "share:lowest_income_inhabitants/adults_income_total"
    assert format_value(share, 0.1443, "fi") == "14,4\u00a0%"
    assert format_value(share, 0.1443, "en") == "14.4%"
    assert format_value("median_income", 23456, "sv") == "23\u00a0456\u00a0€"
    assert format_value("year_built", 1904, "fi") == "1904"
    assert format_value("access_walk_nearest_1_school", 12.34, "en") == "12.3\u00a0min"
    assert format_value("inhabitants_total", 18373, "fi") == "18\u00a0373\u00a0henkilöä"
    assert format_value("segregation_dissimilarity", 0.23456, "fi") == "0,235"
    assert format_value("median_income", None, "fi") == "–"


def test_unknown_names_are_humanized_and_flagged() -> None:
    info = describe("something_new", "fi")
    assert not info.known and info.label == "Something new"
