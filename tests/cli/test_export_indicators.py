"""``dikas export --indicators``: the stored indicators as wide GeoPackage layers, read back
with pyogrio and compared with the twin's long ``indicators`` table."""

from __future__ import annotations

import math
from pathlib import Path

import pyogrio
import pytest

from dikas.twin.store import Twin
from dikas.twin.wide_indicators import MAX_NAME, _unique, safe_name
from tests.api.small_twin import write_small_twin
from tests.cli_runner import run_dikas


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_twin(tmp_path_factory.mktemp("twin") / "twin.duckdb")


@pytest.fixture(scope="module")
def exported(twin: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "indicators.gpkg"
    from dikas.cli.main import main

    with pytest.raises(SystemExit) as done:
        main(["export", str(twin), "--indicators", "--out", str(out)])
    assert done.value.code in (0, None)
    return out


def _values(path: Path, layer: str, key: str, column: str) -> dict[str, float | None]:
    frame = pyogrio.read_dataframe(path, layer=layer)
    return {
        k: (None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v))
        for k, v in zip(frame[key], frame[column], strict=True)
    }


def test_one_layer_per_level_and_year_and_a_column_table(exported: Path) -> None:
    layers = dict(pyogrio.list_layers(exported))
    assert set(layers) == {"areas_2023", "grid", "indicator_columns"}
    assert layers["grid"] == "Polygon" and layers["indicator_columns"] is None


def test_area_values_equal_the_indicators_table(twin: Path, exported: Path) -> None:
    with Twin.open(twin) as opened:
        stored = opened.indicators(level="areas", year=2023)
    for indicator in ("access_walk_nearest_1_school", "vulnerability_index"):
        rows = stored[stored["indicator"] == indicator]
        expected = dict(zip(rows["unit_id"], rows["value"].astype(float), strict=True))
        assert _values(exported, "areas_2023", "postal_code", indicator) == expected
    # hand-checked: the fixture's values
    assert _values(exported, "areas_2023", "postal_code", "vulnerability_index") == {
        "00100": 0.2,
        "00200": 0.5,
        "00300": 0.8,
    }
    frame = pyogrio.read_dataframe(exported, layer="areas_2023")
    assert len(frame) == 3 and frame.crs.to_epsg() == 3067


def test_population_groups_are_columns_and_small_counts_are_blanked(exported: Path) -> None:
    everyone = _values(exported, "grid", "cell_id", "heat_vulnerable_residents")
    elderly = _values(exported, "grid", "cell_id", "heat_vulnerable_residents_elderly")
    # 3 and 2 residents are below DIKAS_MIN_COUNT (10): blanked; 20 and 12 are shown
    assert everyone["c0_4"] is None and everyone["c0_5"] == 20.0
    assert elderly["c0_4"] is None and elderly["c0_5"] == 12.0
    assert sum(v is not None for v in everyone.values()) == 1
    inhabitants = _values(exported, "grid", "cell_id", "inhabitants")
    assert inhabitants["c0_1"] is None and inhabitants["c0_4"] == 50.0  # the layer's counts too
    assert len(everyone) == 48


def test_booleans_stay_booleans(exported: Path) -> None:
    info = pyogrio.read_info(exported, layer="grid")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["in_city"] == "bool" and types["age_suppressed"] == "bool"
    frame = pyogrio.read_dataframe(exported, layer="grid")
    assert frame["in_city"].dtype == bool and bool(frame["in_city"].all())
    assert frame["age_suppressed"].dtype == bool


def test_the_column_table_says_what_each_column_holds(exported: Path) -> None:
    table = pyogrio.read_dataframe(exported, layer="indicator_columns")
    row = table[
        (table["layer"] == "grid") & (table["column"] == "heat_vulnerable_residents_elderly")
    ].iloc[0]
    assert (
        row["source"],
        row["indicator"],
        row["population_group"],
        row["method"],
        row["unit"],
    ) == ("indicator", "heat_vulnerable_residents", "elderly", "test", "persons")
    assert row["label"] == "Heat vulnerable residents (elderly)"
    walk = table[table["column"] == "access_walk_nearest_1_school"].iloc[0]
    assert walk["year"] == 2023 and walk["unit"] == ""
    assert set(table[table["layer"] == "grid"]["column"]) >= {"in_city", "cell_id"}
    assert table["column"].str.fullmatch(r"[a-z][a-z0-9_]*").all()


def test_level_and_year_choose_the_layers(
    twin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "grid.gpkg"
    result = run_dikas(
        capsys, "export", str(twin), "--indicators", "--level", "grid", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert [name for name, _ in pyogrio.list_layers(out)] == ["grid", "indicator_columns"]
    out = tmp_path / "2022.gpkg"
    result = run_dikas(
        capsys,
        "export",
        str(twin),
        "--indicators",
        "--level",
        "areas",
        "--year",
        "2022",
        "--out",
        str(out),
    )
    assert result.returncode == 1 and "no stored indicators for areas, year 2022" in result.stderr
    assert not out.exists()


def test_indicators_and_layer_together_are_one_line_errors(
    twin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_dikas(
        capsys,
        "export",
        str(twin),
        "--indicators",
        "--layer",
        "grid",
        "--out",
        str(tmp_path / "x.gpkg"),
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "dikas: error: give either --layer or --indicators, not both"
    ]


def test_safe_names() -> None:
    assert safe_name("Ääni-arvo 2") == "aani_arvo_2"
    assert safe_name("2022 share") == "c_2022_share"
    assert safe_name("x" * 80) == "x" * MAX_NAME
    taken = {"a"}
    assert _unique("a", taken) == "a_2" and _unique("a", taken) == "a_3"
