"""`dikas info`, `dikas export` and `dikas data list` on a small synthetic twin."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

import dikas
from tests.cli_runner import run_dikas
from tests.synthetic import write_city


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from dikas.settings import Settings
    from dikas.sources.catalog import load_catalog
    from dikas.twin.build import build_twin

    root = tmp_path_factory.mktemp("city")
    catalog = write_city(root / "mirror")
    out = root / "twin.duckdb"
    build_twin(
        load_catalog(path=catalog),
        Settings(data_dir=root / "mirror", cache_dir=root / "cache"),
        out,
        show_progress=False,
    )
    return catalog, out


def test_info_json_lists_layers_years_extent_provenance(
    built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, twin = built
    result = run_dikas(capsys, "info", str(twin), "--json")
    assert result.returncode == 0
    info = json.loads(result.stdout)
    assert info["city"] == "testville" and info["crs"] == "EPSG:3067"
    areas = info["layers"]["areas"]
    assert areas["rows"] == 12 and areas["years"] == [2022, 2023]
    assert areas["extent"] == [385000.0, 6671000.0, 388000.0, 6673000.0]
    assert areas["datasets"] == ["paavo_2022", "paavo_2023"]
    assert len(areas["sha256"]["paavo_2023"]) == 64


@pytest.mark.parametrize("fmt", ["gpkg", "geojson", "parquet", "csv"])
def test_export_opens_in_gdal_and_blanks_small_counts(
    built: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    _, twin = built
    out = tmp_path / f"grid.{fmt}"
    result = run_dikas(
        capsys, "export", str(twin), "--layer", "grid", "--format", fmt, "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    original = dikas.open(twin).read("grid").set_index("cell_id")
    if fmt in ("gpkg", "geojson"):
        info = pyogrio.read_info(out)
        assert info["features"] == 96
        exported = gpd.read_file(out)
    elif fmt == "parquet":
        exported = gpd.read_parquet(out)
    else:
        exported = pd.read_csv(out, dtype={"cell_id": str})
    exported = exported.set_index("cell_id").loc[original.index]
    small = (original["inhabitants"] > 0) & (original["inhabitants"] < 10)
    big = original["inhabitants"] >= 10
    assert small.any()
    assert exported.loc[small, "inhabitants"].isna().all()
    assert (exported.loc[big, "inhabitants"] == original.loc[big, "inhabitants"]).all()


def test_export_bad_layer_and_no_partial_file(
    built: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, twin = built
    out = tmp_path / "x.gpkg"
    result = run_dikas(
        capsys, "export", str(twin), "--layer", "nope", "--format", "gpkg", "--out", str(out)
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("dikas: error:") and "no layer 'nope'" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_data_list_shows_mirror_status(
    built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = built
    result = run_dikas(
        capsys, "data", "list", "--city", "helsinki-demo", "--data-dir", str(catalog.parent)
    )
    assert result.returncode == 0
    assert "paavo_2023" in result.stdout and "missing" in result.stdout
    assert "OpenStreetMap" in result.stdout
