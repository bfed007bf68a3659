"""Scenario files: valid ones load, invalid ones fail with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dikas.errors import ConfigError
from dikas.scenarios.spec import AddHousing, AddService, Greening, load_scenario

EXAMPLE = """\
name: Jätkäsaari health station and new homes
edits:
  - add_service: {service_type: health_station, lon: 24.913, lat: 60.157, capacity: 20000}
  - add_housing: {lon: 24.917, lat: 60.155, dwellings: 800, residents: 1500, social_rental_share: 0.3}
  - greening: {polygon_file: park.geojson, canopy_increase: 0.2}
"""


def test_the_issue_example_loads(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    scenario = load_scenario(path)
    assert scenario.name == "Jätkäsaari health station and new homes"
    assert [type(e) for e in scenario.edits] == [AddService, AddHousing, Greening]
    assert scenario.edits[1].social_rental_share == 0.3
    assert scenario.resolve("park.geojson") == tmp_path.resolve() / "park.geojson"
    assert len(scenario.sha256) == 64
    assert load_scenario(scenario.to_mapping()).edits == scenario.edits


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x\nedits: []\n", "'edits' must be a non-empty list"),
        ("edits: [{add_service: {service_type: a, lon: 1, lat: 2}}]\n", "'name'"),
        ("name: x\nedits: [{build_castle: {}}]\n", "unknown edit 'build_castle'"),
        ("name: x\nedits: [{add_service: {service_type: a, lon: 1}}]\n", "exactly one location"),
        (
            "name: x\nedits: [{add_housing: {lon: 1, lat: 2, dwellings: 1, residents: 2, "
            "social_rental_share: 1.5}}]\n",
            "social_rental_share",
        ),
        ("name: x\nedits: [{greening: {canopy_increase: 0.2}}]\n", "polygon_file or polygon"),
        (
            "name: x\nedits: [{add_service: {service_type: a, lon: 1, lat: 2, colour: red}}]\n",
            "colour",
        ),
        ("name: [unclosed\n", "not valid YAML"),
    ],
)
def test_invalid_scenarios_fail_with_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_scenario(path)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_scenario(tmp_path / "none.yaml")
