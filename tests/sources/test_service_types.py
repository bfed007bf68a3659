"""The tag → service-type mapping: the packaged rules case by case, and file validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from dikas.errors import ConfigError
from dikas.sources.service_types import load_service_mapping, parse_service_mapping

SCHEMA_TYPES = {
    "school",
    "daycare",
    "health_station",
    "hospital",
    "library",
    "grocery",
    "pharmacy",
    "swimming_hall",
    "sports_centre",
    "park",
    "playground",
    "elderly_service",
}


@pytest.fixture(scope="module")
def default():
    return load_service_mapping()


def test_default_mapping_covers_the_twin_schema_types(default) -> None:
    assert {service_type for service_type, _ in default.types} == SCHEMA_TYPES
    assert set(default.keys) == {"amenity", "healthcare", "leisure", "shop"}


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"amenity": "school"}, "school"),
        ({"amenity": "kindergarten"}, "daycare"),
        ({"amenity": "childcare"}, "daycare"),
        (
            {"amenity": "clinic", "healthcare": "clinic", "name": "Viiskulman terveysasema"},
            "health_station",
        ),
        ({"amenity": "doctors", "name": "Kampens HÄLSOSTATION"}, "health_station"),
        ({"amenity": "clinic", "healthcare": "centre"}, "health_station"),
        ({"healthcare": "centre", "name": "Health centre"}, "health_station"),
        ({"amenity": "clinic", "healthcare": "clinic", "name": "Terveystalo Kamppi"}, None),
        ({"amenity": "doctors", "healthcare": "doctor"}, None),
        ({"amenity": "hospital"}, "hospital"),
        ({"building": "hospital", "healthcare": "hospital"}, "hospital"),
        ({"amenity": "library"}, "library"),
        ({"shop": "supermarket"}, "grocery"),
        ({"shop": "convenience"}, "grocery"),
        ({"shop": "grocery"}, "grocery"),
        ({"shop": "clothes"}, None),
        ({"amenity": "pharmacy"}, "pharmacy"),
        ({"leisure": "sports_centre", "sport": "swimming"}, "swimming_hall"),
        ({"leisure": "sports_centre", "sport": "basketball; swimming"}, "swimming_hall"),
        ({"leisure": "sports_centre", "sport": "swimming_pool_games"}, "sports_centre"),
        ({"leisure": "swimming_pool", "indoor": "yes"}, "swimming_hall"),
        ({"leisure": "swimming_pool", "building": "yes"}, "swimming_hall"),
        ({"leisure": "swimming_pool", "location": "outdoor"}, None),
        ({"amenity": "public_bath", "sport": "swimming"}, "swimming_hall"),
        ({"amenity": "public_bath", "bath:type": "sauna"}, None),
        ({"leisure": "sports_centre", "sport": "tennis"}, "sports_centre"),
        ({"leisure": "park"}, "park"),
        ({"leisure": "playground"}, "playground"),
        ({"amenity": "social_facility", "social_facility": "group_home"}, "elderly_service"),
        ({"amenity": "social_facility", "social_facility": "nursing_home"}, "elderly_service"),
        ({"amenity": "social_facility", "social_facility:for": "senior"}, "elderly_service"),
        (
            {"amenity": "social_facility", "social_facility:for": "disabled;senior"},
            "elderly_service",
        ),
        (
            {
                "amenity": "social_facility",
                "social_facility": "shelter",
                "social_facility:for": "juvenile",
            },
            None,
        ),
        ({"amenity": "nursing_home"}, "elderly_service"),
        ({"amenity": "bench"}, None),
        ({}, None),
    ],
)
def test_default_rules(default, tags: dict[str, str], expected: str | None) -> None:
    assert default.classify(tags) == expected


def test_first_matching_type_wins() -> None:
    mapping = parse_service_mapping(
        {
            "service_types": [
                {"type": "first", "rules": [{"all": {"amenity": "*"}}]},
                {"type": "second", "rules": [{"all": {"amenity": "school"}}]},
            ]
        },
        source="inline",
    )
    assert mapping.classify({"amenity": "school"}) == "first"


def test_yaml_file_with_unquoted_yes(tmp_path: Path) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text(
        "service_types:\n"
        "  - type: swimming_hall\n"
        "    rules:\n"
        "      - all: {leisure: swimming_pool, indoor: yes}\n"
        "  - type: big_school\n"
        "    rules:\n"
        "      - all: {amenity: school}\n"
        "        any: [{capacity: [500, 600]}, {name: {matches: '^Iso'}}]\n",
        encoding="utf-8",
    )
    mapping = load_service_mapping(path)
    assert mapping.source == str(path)
    assert mapping.classify({"leisure": "swimming_pool", "indoor": "yes"}) == "swimming_hall"
    assert mapping.classify({"amenity": "school", "capacity": "500"}) == "big_school"
    assert mapping.classify({"amenity": "school", "name": "isokoulu"}) == "big_school"
    assert mapping.classify({"amenity": "school", "name": "Pikkukoulu"}) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("service_types: {}\n", "expected a 'service_types' list"),
        ("service_types:\n  - rules: []\n", "has no 'type'"),
        ("service_types:\n  - type: x\n", "has no 'rules' list"),
        ("service_types:\n  - type: x\n    rules: [{any: []}]\n", "needs 'all'"),
        ("service_types:\n  - type: x\n    rules: [{all: {}}]\n", "non-empty mapping"),
        ("service_types:\n  - type: x\n    rules: [{all: {name: {matches: '(('}}}]\n", "bad regex"),
        (
            "service_types:\n  - type: x\n    rules: [{all: {name: {near: 3}}}]\n",
            "cannot read condition 'name'",
        ),
        ("service_types: [\n", "not valid YAML"),
    ],
)
def test_invalid_mapping_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_service_mapping(path)
    assert "\n" not in str(caught.value)


def test_missing_mapping_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"absent\.yaml"):
        load_service_mapping(tmp_path / "absent.yaml")
