"""Paavo reader: names, aliases, years, protected values and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dikas.errors import CRSError, DataError, MissingColumnError
from dikas.sources.paavo import code_aliases, paavo_variables, read_paavo, resolve_column
from tests.synthetic import paavo_frame


def test_mapping_is_one_to_one_and_keeps_paavo_codes() -> None:
    variables = paavo_variables()
    assert len(variables) == 107
    assert len({v.name for v in variables}) == len({v.code for v in variables}) == 107
    assert resolve_column("he_vakiy") == "inhabitants_total"
    assert code_aliases()["hr_pi_tul"] == "lowest_income_inhabitants"
    assert resolve_column("te_vuok_as") == "rented_households"


@pytest.mark.integration
def test_real_paavo_2023_known_values(data_dir: Path) -> None:
    frame, report = read_paavo(
        data_dir / "paavo_helsinki/paavo_12f7_helsinki_2023.geojson", year=2023
    )
    assert len(frame) == 84 and frame.crs == "EPSG:3067"
    row = frame.set_index("postal_code").loc["00100"]
    assert row["inhabitants_total"] == 18462
    assert row["median_income"] == 32509
    assert row["lowest_income_inhabitants"] == 2871
    assert frame.set_index("postal_code").loc["00230", "inhabitants_total"] == 0
    assert report.repaired == 0


@pytest.mark.integration
def test_year_comes_from_catalog_not_broken_column(data_dir: Path) -> None:
    frame, _ = read_paavo(data_dir / "paavo_helsinki/paavo_12f7_helsinki_2020.geojson", year=2020)
    assert set(frame["year"]) == {2020}
    assert frame.set_index("postal_code").loc["00100", "inhabitants_total"] == 18373


def test_protected_minus_one_becomes_missing(tmp_path: Path) -> None:
    frame = paavo_frame()
    frame.loc[0, "Median income of inhabitants"] = -1
    path = tmp_path / "p.geojson"
    frame.to_file(path, driver="GeoJSON")
    read, _ = read_paavo(path, year=2023)
    assert np.isnan(read.loc[0, "median_income"])
    assert read.loc[1, "median_income"] == frame.loc[1, "Median income of inhabitants"]


def test_text_where_numbers_belong(tmp_path: Path) -> None:
    frame = paavo_frame()
    frame["Unemployed (PT)"] = frame["Unemployed (PT)"].astype(object)
    frame.loc[2, "Unemployed (PT)"] = "many"
    path = tmp_path / "p.geojson"
    frame.to_file(path, driver="GeoJSON")
    with pytest.raises(DataError, match=r"'Unemployed \(PT\)' has text where numbers belong"):
        read_paavo(path, year=2023, dataset="paavo_2023")


def test_missing_required_column(tmp_path: Path) -> None:
    path = tmp_path / "p.geojson"
    paavo_frame().drop(columns=["postal_code"]).to_file(path, driver="GeoJSON")
    with pytest.raises(MissingColumnError, match=r"dataset 'x', file .*p.geojson.*'postal_code'"):
        read_paavo(path, year=2023, dataset="x")


def test_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "p.geojson"
    paavo_frame().to_file(path, driver="GeoJSON")
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(DataError, match="cannot read as a vector file"):
        read_paavo(path, year=2023)


@pytest.mark.parametrize("crs", [None, "urn:ogc:def:crs:EPSG::999999"])
def test_missing_or_unknown_crs(tmp_path: Path, crs: str | None) -> None:
    data = json.loads(paavo_frame().to_json())
    if crs is None:
        del data["crs"]
    else:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    path = tmp_path / "p.geojson"
    path.write_text(json.dumps(data))
    with pytest.raises(CRSError, match="missing or wrong CRS"):
        read_paavo(path, year=2023)


def test_invalid_geometry_is_repaired_and_counted(tmp_path: Path) -> None:
    frame = paavo_frame()
    bowtie = {
        "type": "Polygon",
        "coordinates": [
            [
                [385000, 6671000],
                [386000, 6672000],
                [386000, 6671000],
                [385000, 6672000],
                [385000, 6671000],
            ]
        ],
    }
    data = json.loads(frame.to_json())
    data["features"][0]["geometry"] = bowtie
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}}
    path = tmp_path / "p.geojson"
    path.write_text(json.dumps(data))
    read, report = read_paavo(path, year=2023)
    assert report.repaired == 1
    assert read.geometry.is_valid.all()
    assert read.geometry.iloc[0].area == pytest.approx(500_000.0)


def test_empty_geometries_are_dropped_and_all_empty_rejected(tmp_path: Path) -> None:
    data = json.loads(paavo_frame().to_json())
    for feature in data["features"]:
        feature["geometry"] = None
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}}
    path = tmp_path / "p.geojson"
    path.write_text(json.dumps(data))
    with pytest.raises(DataError, match="no valid, non-empty geometries"):
        read_paavo(path, year=2023)
