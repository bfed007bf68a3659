"""Population groups: defined in every catalog, stored in the twin, read back by id."""

from __future__ import annotations

from pathlib import Path

import pytest

from dikas.errors import ConfigError, ParameterError
from dikas.sources.catalog import (
    GROUP_LANGUAGES,
    PopulationGroup,
    available_cities,
    load_catalog,
    population_group,
)
from dikas.sources.paavo import paavo_variables
from dikas.twin.groups import (
    column_sums,
    group,
    population_groups,
    store_population_groups,
    used_for,
)
from dikas.twin.schema import LEVELS
from dikas.twin.store import Twin

EXPECTED = {
    "age_0_6": (("age_0_2", "age_3_6"), "inhabitants_total"),
    "age_75_plus": (("age_75_79", "age_80_84", "age_85_plus"), "inhabitants_total"),
    "lowest_income": (("lowest_income_inhabitants",), "adults_income_total"),
    "middle_income": (("middle_income_inhabitants",), "adults_income_total"),
    "highest_income": (("highest_income_inhabitants",), "adults_income_total"),
    "unemployed": (("unemployed",), "inhabitants_activity_total"),
    "renter_households": (("rented_households",), "households_total"),
    "age_0_9_and_70_plus": (("age_0_9", "age_70_79", "age_80_plus"), "inhabitants"),
}


@pytest.mark.parametrize("city", available_cities())
def test_every_catalog_defines_the_groups_with_three_labels(city: str) -> None:
    groups = load_catalog(city).population_groups
    assert {g.id: (g.columns, g.total) for g in groups} == EXPECTED
    paavo = {v.name for v in paavo_variables()}
    for g in groups:
        assert set(g.labels) == set(GROUP_LANGUAGES)
        assert len({g.label(lang) for lang in GROUP_LANGUAGES}) >= 2  # translated, not copied
        assert all(lv in LEVELS for lv in g.levels)
        if g.levels == ("areas",):
            assert set(g.columns) | {g.total} <= paavo
    assert groups[2].label("fi") == "Alimpaan tuloluokkaan kuuluvat aikuiset"
    assert groups[2].label("sv") == "Vuxna i den lägsta inkomstklassen"
    assert groups[2].label("en") == "Adults in the lowest income class"


def test_uses_select_the_groups_each_computation_counts() -> None:
    groups = load_catalog("helsinki-demo").population_groups
    assert list(column_sums(used_for(groups, "access", level="areas"))) == [
        "age_0_6",
        "age_75_plus",
        "lowest_income",
        "middle_income",
        "highest_income",
        "unemployed",
        "renter_households",
    ]
    assert [g.id for g in used_for(groups, "segregation")] == [
        "lowest_income",
        "unemployed",
        "renter_households",
    ]
    assert [g.id for g in used_for(groups, "income_class")] == [
        "lowest_income",
        "middle_income",
        "highest_income",
    ]
    assert [g.id for g in used_for(groups, "equity_objective")] == ["age_75_plus", "lowest_income"]
    assert [g.id for g in used_for(groups, "heat_sensitive", level="grid")] == [
        "age_0_9_and_70_plus"
    ]


def test_groups_stored_in_the_twin_round_trip(tmp_path: Path) -> None:
    custom = (
        PopulationGroup(
            "pensioners",
            {"fi": "Eläkeläiset", "sv": "Pensionärer", "en": "Pensioners"},
            ("pensioners",),
            "inhabitants_total",
            ("areas",),
            ("access",),
        ),
        PopulationGroup(
            "children",
            {"fi": "Lapset", "sv": "Barn", "en": "Children"},
            ("age_0_9",),
            None,
            ("grid",),
            (),
        ),
    )
    with Twin.create(tmp_path / "t.duckdb", city="not-a-shipped-city", build_id="b") as twin:
        store_population_groups(twin, custom)
        assert population_groups(twin) == custom
        assert group(twin, "children").total is None
        assert "population_groups" not in twin.layers()  # describes the twin, not the city
        with pytest.raises(ParameterError, match=r"unknown population group 'x'.*pensioners"):
            group(twin, "x")


def test_twin_without_the_table_reads_its_shipped_catalog(tmp_path: Path) -> None:
    with Twin.create(tmp_path / "a.duckdb", city="helsinki", build_id="b") as twin:
        assert population_groups(twin) == load_catalog("helsinki").population_groups
        assert group(twin, "unemployed").label("sv") == "Arbetslösa"
    with (
        Twin.create(tmp_path / "b.duckdb", city="nowhere", build_id="b") as twin,
        pytest.raises(ConfigError, match="no population groups"),
    ):
        population_groups(twin)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "Bad Id"}, "snake_case"),
        ({"id": "g", "labels": {"fi": "a", "en": "b"}}, "lacks labels in sv"),
        (
            {"id": "g", "labels": {"fi": "a", "sv": "b", "en": "c"}, "levels": ["areas"]},
            "needs 'column'",
        ),
        ({"id": "g", "labels": {"fi": "a", "sv": "b", "en": "c"}, "column": "x"}, "needs 'levels'"),
        (
            {
                "id": "g",
                "labels": {"fi": "a", "sv": "b", "en": "c"},
                "column": "x",
                "levels": ["areas"],
                "uses": ["everything"],
            },
            "unknown use",
        ),
        (
            {
                "id": "g",
                "labels": {"fi": "a", "sv": "b", "en": "c"},
                "column": "x",
                "levels": ["areas"],
                "colour": "red",
            },
            "does not take colour",
        ),
    ],
)
def test_bad_group_entries_name_the_problem(entry: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        population_group(entry, "catalog test.yaml")


def test_unknown_level_is_refused_when_stored(tmp_path: Path) -> None:
    bad = PopulationGroup("g", {"fi": "a", "sv": "b", "en": "c"}, ("x",), None, ("moon",))
    with (
        Twin.create(tmp_path / "t.duckdb", city="x", build_id="b") as twin,
        pytest.raises(ConfigError, match="unknown level"),
    ):
        store_population_groups(twin, [bad])
