"""``dikas segregation``: JSON names, twin round trip, local layer, pictures, errors."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from click.testing import CliRunner

import dikas
from dikas.cli.segregation import segregation
from dikas.errors import DikasError, MissingColumnError, ParameterError
from dikas.segregation import compute_indices, two_group_counts
from dikas.segregation.registry import MULTIGROUP_SUITE, TWO_GROUP_SUITE
from dikas.twin.store import Twin
from tests.segregation.helpers import ADULTS, INCOME_GROUPS, LOW_INCOME, read_paavo, synthetic_city

TWIN_NAMES = {
    LOW_INCOME: "lowest_income_inhabitants",
    ADULTS: "adults_income_total",
    "Households living in rented dwellings (TE)": "rented_households",
    "Households, total (TE)": "households_total",
}


@pytest.fixture(scope="module")
def paavo_twin(tmp_path_factory, data_dir: Path) -> Path:
    """A twin whose ``areas`` hold real Paavo 2020 and 2023 under their twin names."""
    path = tmp_path_factory.mktemp("twin") / "helsinki.duckdb"
    years = [
        read_paavo(data_dir, y).rename(columns=TWIN_NAMES).assign(year=y) for y in (2020, 2023)
    ]
    areas = pd.concat(
        [f[["postal_code", "year", *TWIN_NAMES.values(), "geometry"]] for f in years],
        ignore_index=True,
    )
    with Twin.create(path, city="helsinki", build_id="test") as twin:
        twin.write_layer("areas", gpd.GeoDataFrame(areas, crs=3067))
    return path


def run(*args: str) -> dict:
    result = CliRunner().invoke(segregation, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if "--json" in args else {"output": result.stdout}


@pytest.mark.integration
def test_two_group_json_from_twin_matches_the_api_and_is_stored(paavo_twin, data_dir) -> None:
    payload = run(
        "--twin",
        str(paavo_twin),
        "--group",
        "lowest_income_inhabitants",
        "--total",
        "adults_income_total",
        "--json",
    )
    assert list(payload["indices"]) == list(TWO_GROUP_SUITE)
    assert payload["n_units"] == 83 and payload["year"] == 2023
    assert payload["excluded"] == [{"unit_id": "00230", "reason": "zero total"}]
    assert payload["indices"]["boundary_spatial_dissimilarity"] is None
    assert "share no boundary" in payload["notes"]["boundary_spatial_dissimilarity"]
    expected = compute_indices(
        two_group_counts(read_paavo(data_dir, 2023), group=LOW_INCOME, total=ADULTS)
    ).statistics()
    for name, value in payload["indices"].items():
        assert value == pytest.approx(expected[name], rel=1e-12) if value is not None else True
    with dikas.open(paavo_twin) as twin:
        stored = twin.indicators(indicator="segregation_dissimilarity", level="city", year=2023)
    assert stored["value"].iloc[0] == pytest.approx(expected["dissimilarity"])
    assert stored["population_group"].iloc[0] == "lowest_income_inhabitants/adults_income_total"
    assert json.loads(stored["parameters"].iloc[0])["excluded"][0]["unit_id"] == "00230"
    assert "PySAL" in stored["method"].iloc[0]


@pytest.mark.integration
def test_paavo_codes_year_and_permutations(paavo_twin) -> None:
    payload = run(
        "--twin",
        str(paavo_twin),
        "--year",
        "2020",
        "--group",
        "hr_pi_tul",
        "--total",
        "adults_income_total",
        "--permutations",
        "19",
        "--seed",
        "1",
        "--json",
    )
    assert payload["year"] == 2020 and payload["null"] == "permutation"
    assert set(payload["p_values"]) == set(TWO_GROUP_SUITE)
    assert payload["p_values"]["dissimilarity"] == 0.0


@pytest.mark.integration
def test_multigroup_json_from_an_input_file(data_dir) -> None:
    path = data_dir / "paavo_helsinki" / "paavo_12f7_helsinki_2023.geojson"
    payload = run("--input", str(path), "--groups", ",".join(INCOME_GROUPS), "--json")
    assert list(payload["indices"]) == list(MULTIGROUP_SUITE)
    assert payload["n_units"] == 83


@pytest.mark.integration
def test_unknown_columns_and_bad_source_are_user_errors(paavo_twin, tmp_path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        segregation,
        ["--twin", str(paavo_twin), "--group", "nope", "--total", "adults_income_total"],
    )
    assert isinstance(result.exception, ParameterError)
    result = runner.invoke(segregation, ["--group", "a", "--total", "b"])
    assert isinstance(result.exception, ParameterError)
    result = runner.invoke(
        segregation, ["--input", str(tmp_path / "missing.gpkg"), "--group", "a", "--total", "b"]
    )
    assert isinstance(result.exception, DikasError)
    broken = tmp_path / "broken.gpkg"
    broken.write_text("not a geopackage")
    result = runner.invoke(segregation, ["--input", str(broken), "--group", "a", "--total", "b"])
    assert isinstance(result.exception, DikasError) and "cannot read" in str(result.exception)


@pytest.mark.integration
def test_local_layer_map_and_trend_chart(paavo_twin, tmp_path) -> None:
    layer_path, map_path = tmp_path / "local.gpkg", tmp_path / "lisa.png"
    run(
        "local",
        "--twin",
        str(paavo_twin),
        "--group",
        "rented_households",
        "--total",
        "households_total",
        "--output",
        str(layer_path),
        "--map",
        str(map_path),
        "--permutations",
        "99",
        "--seed",
        "0",
    )
    layer = gpd.read_file(layer_path)
    assert len(layer) == 84 and {"lisa", "moran_p", "gi_star_z"} <= set(layer.columns)
    assert map_path.read_bytes()[:4] == b"\x89PNG"
    with dikas.open(paavo_twin) as twin:
        stored = twin.indicators(indicator="segregation_local_location_quotient", level="areas")
    assert len(stored) == 83
    chart = tmp_path / "trend.svg"
    payload = run(
        "trend",
        "--twin",
        str(paavo_twin),
        "--group",
        "lowest_income_inhabitants",
        "--total",
        "adults_income_total",
        "--index",
        "dissimilarity,isolation",
        "--chart",
        str(chart),
        "--permutations",
        "49",
        "--seed",
        "0",
        "--json",
    )
    assert payload["years"] == [2020, 2023]
    assert set(payload["change"]) == {"dissimilarity", "isolation"}
    assert 0 <= payload["change"]["dissimilarity"]["p_value"] <= 1
    assert chart.read_text().lstrip().startswith("<?xml")


def test_grid_local_layer_hides_cells_below_the_privacy_threshold(tmp_path) -> None:
    city = synthetic_city(seed=4).rename(columns={"cell": "cell_id", "total": "inhabitants"})
    city.loc[:3, "inhabitants"] = 5
    city.loc[:3, "group"] = 2
    path = tmp_path / "grid.duckdb"
    with Twin.create(path, city="testville", build_id="t") as twin:
        twin.write_layer("grid", city[["cell_id", "group", "inhabitants", "geometry"]])
    output = tmp_path / "grid.geojson"
    run(
        "local",
        "--twin",
        str(path),
        "--level",
        "grid",
        "--group",
        "group",
        "--total",
        "inhabitants",
        "--output",
        str(output),
        "--permutations",
        "9",
    )
    layer = gpd.read_file(output).set_index("unit_id")
    hidden = city["cell_id"][:4]
    assert (layer.loc[hidden, "lisa"] == "suppressed").all()
    assert layer.loc[hidden, "share"].isna().all()
    assert layer.drop(index=hidden)["share"].notna().all()


def test_missing_column_in_an_input_file_is_reported(tmp_path) -> None:
    path = tmp_path / "units.gpkg"
    synthetic_city(seed=0).to_file(path)
    result = CliRunner().invoke(
        segregation, ["--input", str(path), "--group", "gone", "--total", "total"]
    )
    assert isinstance(result.exception, ParameterError | MissingColumnError)
    assert "gone" in str(result.exception)


@pytest.mark.integration
def test_named_corrected_index_and_profile_on_an_input_file(data_dir) -> None:
    path = str(data_dir / "paavo_helsinki" / "paavo_12f7_helsinki_2023.geojson")
    payload = run(
        "--input",
        path,
        "--group",
        LOW_INCOME,
        "--total",
        ADULTS,
        "--index",
        "relative_clustering,relative_clustering_corrected",
        "--json",
    )
    assert list(payload["indices"]) == ["relative_clustering", "relative_clustering_corrected"]
    profile = run(
        "profile",
        "--input",
        path,
        "--group",
        LOW_INCOME,
        "--total",
        ADULTS,
        "--distances",
        "1000,3000",
        "--json",
    )
    values = list(profile["profile"].values())
    assert list(profile["profile"]) == ["0.0", "1000.0", "3000.0"]
    assert values[0] == pytest.approx(payload_dissimilarity(path)) and values[2] < values[0]


def payload_dissimilarity(path: str) -> float:
    return run(
        "--input",
        path,
        "--group",
        LOW_INCOME,
        "--total",
        ADULTS,
        "--index",
        "dissimilarity",
        "--json",
    )["indices"]["dissimilarity"]
