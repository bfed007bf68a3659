"""``dikas access matrix|measures`` and ``dikas equity`` on a small lattice twin."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import dikas
from dikas.accessibility.equity import coverage
from dikas.accessibility.measures import nearest_travel_time
from dikas.accessibility.network import StreetNetwork
from dikas.cli.access import access
from dikas.cli.equity import equity
from dikas.errors import DataError, MissingColumnError, ParameterError


def run(command, args: list[str]):
    result = CliRunner().invoke(command, args, catch_exceptions=True)
    return result


def direct_matrix(twin_path: Path, mode: str, service_type: str | None = None) -> pd.DataFrame:
    with dikas.open(twin_path) as twin:
        network = StreetNetwork.from_twin(twin, mode)  # type: ignore[arg-type]
        grid = twin.read("grid", columns=["cell_id", "geometry"])
        services = twin.read("services")
    if service_type:
        services = services[services.service_type == service_type]
    return network.travel_time_matrix(
        grid.assign(geometry=grid.centroid),
        services,
        origin_id="cell_id",
        destination_id="service_id",
    )


@pytest.mark.parametrize("mode", ["walk", "bike"])
def test_matrix_command_writes_the_networks_matrix(
    lattice_twin: Path, tmp_path: Path, mode: str
) -> None:
    out = tmp_path / "tt.parquet"
    result = run(
        access,
        [
            "matrix",
            "--twin",
            str(lattice_twin),
            "--mode",
            mode,
            "--service-type",
            "grocery",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    written = pd.read_parquet(out)
    expected = direct_matrix(lattice_twin, mode, "grocery")
    pd.testing.assert_frame_equal(written, expected)
    assert len(written) == 16 * 5 and written["travel_time"].notna().all()


def test_matrix_from_polygon_files(lattice_twin: Path, tmp_path: Path) -> None:
    with dikas.open(lattice_twin) as twin:
        grid = twin.read("grid", columns=["cell_id", "geometry"])
    polygons = tmp_path / "cells.gpkg"
    grid.rename(columns={"cell_id": "ruutu"}).to_crs(4326).to_file(polygons)
    out = tmp_path / "tt.csv"
    result = run(
        access,
        [
            "matrix",
            "--twin",
            str(lattice_twin),
            "--origins",
            str(polygons),
            "--origin-id",
            "ruutu",
            "--destinations",
            str(polygons),
            "--destination-id",
            "ruutu",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out)
    with dikas.open(lattice_twin) as twin:
        network = StreetNetwork.from_twin(twin, "walk")
    centroids = grid.assign(geometry=grid.centroid)
    expected = network.travel_time_matrix(
        centroids, centroids, origin_id="cell_id", destination_id="cell_id"
    )
    np.testing.assert_allclose(written["travel_time"], expected["travel_time"], atol=1e-6)


def test_matrix_errors(lattice_twin: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "tt.parquet")
    result = run(
        access,
        [
            "matrix",
            "--twin",
            str(lattice_twin),
            "--origins",
            str(tmp_path / "none.gpkg"),
            "--out",
            out,
        ],
    )
    assert isinstance(result.exception, ParameterError)  # no --origin-id
    result = run(
        access, ["matrix", "--twin", str(lattice_twin), "--service-type", "opera", "--out", out]
    )
    assert isinstance(result.exception, ParameterError) and "opera" in str(result.exception)
    result = run(access, ["matrix", "--twin", str(lattice_twin), "--mode", "transit", "--out", out])
    # a twin without a GTFS feed has no transit: the error says what is missing
    assert isinstance(result.exception, DataError) and "no layer 'stops'" in str(result.exception)
    gpd.GeoDataFrame(
        {"x": [1]}, geometry=gpd.points_from_xy([385_100], [6_672_100]), crs=3067
    ).to_file(tmp_path / "p.gpkg")
    result = run(
        access,
        [
            "matrix",
            "--twin",
            str(lattice_twin),
            "--origins",
            str(tmp_path / "p.gpkg"),
            "--origin-id",
            "id",
            "--out",
            out,
        ],
    )
    assert isinstance(result.exception, MissingColumnError)


def test_measures_command_stores_indicators(lattice_twin: Path, tmp_path: Path) -> None:
    out = tmp_path / "measures.csv"
    result = run(
        access,
        [
            "measures",
            "--twin",
            str(lattice_twin),
            "--mode",
            "walk",
            "--service-type",
            "school",
            "--service-type",
            "park",
            "--n",
            "2",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    expected = nearest_travel_time(direct_matrix(lattice_twin, "walk", "school"), n=2)
    with dikas.open(lattice_twin) as twin:
        stored = twin.indicators(indicator="access_walk_nearest_2_school", level="grid")
    stored = stored.set_index("unit_id")["value"]
    pd.testing.assert_series_equal(
        stored.reindex(expected.index), expected, check_names=False, check_index_type=False
    )
    table = pd.read_csv(out).set_index("cell_id")
    assert {"school_gravity", "park_e2sfca", "park_2sfca_15min"} <= set(table.columns)


def test_equity_command_reports_coverage_by_group(lattice_twin: Path, tmp_path: Path) -> None:
    chart = tmp_path / "equity.png"
    result = run(
        equity,
        [
            "--twin",
            str(lattice_twin),
            "--mode",
            "walk",
            "--service-type",
            "school",
            "--threshold",
            "5",
            "--chart",
            str(chart),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.splitlines()[0])
    rows = pd.DataFrame(report["groups"]).set_index("group")
    nearest = nearest_travel_time(direct_matrix(lattice_twin, "walk", "school"))
    with dikas.open(lattice_twin) as twin:
        inhabitants = twin.read("grid", columns=["cell_id", "inhabitants"]).set_index("cell_id")
    expected = coverage(nearest, inhabitants[["inhabitants"]].astype(float), threshold_min=5)[
        "inhabitants"
    ]
    assert rows.loc["all", "coverage"] == pytest.approx(expected)
    assert 0 < expected < 1
    assert chart.stat().st_size > 10_000
    assert {"gini", "theil", "palma", "concentration_index"} <= set(report["city"][0])


def test_snap_report_lists_every_point(lattice_twin: Path, tmp_path: Path) -> None:
    far = tmp_path / "far.gpkg"
    gpd.GeoDataFrame(
        {"pid": ["near", "far"]},
        crs=3067,
        geometry=gpd.points_from_xy([385_130, 390_000], [6_672_010, 6_680_000]),
    ).to_file(far)
    report_path = tmp_path / "snaps.csv"
    result = run(
        access,
        [
            "matrix",
            "--twin",
            str(lattice_twin),
            "--mode",
            "bike",
            "--origins",
            str(far),
            "--origin-id",
            "pid",
            "--service-type",
            "park",
            "--out",
            str(tmp_path / "tt.csv"),
            "--snap-report",
            str(report_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 origins could not be snapped" in result.stderr
    report = pd.read_csv(report_path)
    origins = report[report.role == "origin"].set_index("id")
    assert origins.loc["near", "snap_distance_m"] == pytest.approx(10.0)
    assert origins.loc["near", "snap_time_s"] == pytest.approx(10.0 / 1.2)
    assert not origins.loc["far", "snapped"]
    assert (report.role == "destination").sum() == 4
    written = pd.read_csv(tmp_path / "tt.csv")
    assert written.loc[written.from_id == "far", "travel_time"].isna().all()
    assert len(written) == 2 * 4
