"""Bad input never corrupts: failed builds leave an existing twin byte-for-byte untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from dikas.errors import DataError
from tests.cli_runner import Result, run_dikas
from tests.synthetic import grid_frame, sha256, write_city


@pytest.fixture
def city(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A synthetic mirror and an already built twin from it."""
    mirror = tmp_path / "mirror"
    catalog = write_city(mirror)
    out = tmp_path / "twin.duckdb"
    result = run_dikas(
        capsys, "build", "--catalog", str(catalog), "--data-dir", str(mirror), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "areas" in result.stdout and "Built" in result.stdout
    return catalog, out


def test_synthetic_build_has_layers_links_and_summary(city: tuple[Path, Path]) -> None:
    import dikas

    _, out = city
    twin = dikas.open(out)
    assert twin.count("areas") == 12 and twin.count("grid") == 96
    grid = twin.read("grid", columns=["cell_id", "postal_code", "in_city"])
    assert grid["in_city"].all()
    assert grid["postal_code"].nunique() == 6


def _rebuild_after(
    city: tuple[Path, Path], damage: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> Result:
    catalog, out = city
    before = sha256(out)
    damage(catalog.parent)
    result = run_dikas(
        capsys,
        "build",
        "--catalog",
        str(catalog),
        "--data-dir",
        str(catalog.parent),
        "--out",
        str(out),
    )
    assert result.returncode != 0
    assert sha256(out) == before, "existing twin was modified"
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".twin")], "temp left"
    assert "Traceback" not in result.stderr
    return result


def _truncate(mirror: Path) -> None:
    path = mirror / "paavo/paavo_2023.geojson"
    path.write_bytes(path.read_bytes()[:1000])


def _without_checksums(mirror: Path) -> None:
    catalog = yaml.safe_load((mirror / "catalog.yaml").read_text())
    for dataset in catalog["datasets"]:
        dataset["sha256"] = None
    (mirror / "catalog.yaml").write_text(yaml.safe_dump(catalog))


def test_truncated_file_fails_on_checksum(
    city: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    result = _rebuild_after(city, _truncate, capsys)
    assert "dataset 'paavo_2023'" in result.stderr and "sha256 mismatch" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3  # progress line(s) + one error line


def test_corrupt_file_without_checksum_fails_in_reader(
    city: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    def damage(mirror: Path) -> None:
        _without_checksums(mirror)
        _truncate(mirror)

    result = _rebuild_after(city, damage, capsys)
    assert "dataset 'paavo_2023'" in result.stderr and "cannot read" in result.stderr


def test_missing_column_and_text_in_numbers(
    city: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    import geopandas as gpd

    def drop_column(mirror: Path) -> None:
        _without_checksums(mirror)
        path = mirror / "grid/grid.gpkg"
        gpd.read_file(path).drop(columns=["inhabitants"]).to_file(path, driver="GPKG")

    result = _rebuild_after(city, drop_column, capsys)
    assert "missing required column(s) 'inhabitants'" in result.stderr

    def text_in_numbers(mirror: Path) -> None:
        path = mirror / "grid/grid.gpkg"
        frame = grid_frame()
        frame["inhabitants"] = frame["inhabitants"].astype(str)
        frame.loc[3, "inhabitants"] = "lots"
        frame.to_file(path, driver="GPKG")

    result = _rebuild_after(city, text_in_numbers, capsys)
    assert "text where numbers belong" in result.stderr and "'lots'" in result.stderr


def test_debug_lets_the_exception_through(city: tuple[Path, Path]) -> None:
    catalog, out = city
    _truncate(catalog.parent)
    from dikas.cli.main import main

    with pytest.raises(DataError, match="sha256 mismatch"):
        main(
            [
                "--debug",
                "build",
                "--catalog",
                str(catalog),
                "--data-dir",
                str(catalog.parent),
                "--out",
                str(out),
            ]
        )
