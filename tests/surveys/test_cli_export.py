"""``dikas survey``: create, list, close, export (GeoPackage, CSV, XLSX readable with their
attribution), sync into twin layers without raw places, and the report in three languages."""

from __future__ import annotations

import csv
import html
import json
import shutil
from pathlib import Path

import pyogrio
import pytest
import yaml
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings
from dikas.twin.store import Twin
from tests.cli_runner import run_dikas
from tests.surveys.conftest import example_data, point_in, token

ATTRIBUTION = "Heat survey of the city's residents, summer 2027"


@pytest.fixture()
def twin_with_answers(small_twin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A copy of the small twin with the example survey loaded by the CLI and 12 answers."""
    twin = tmp_path / "twin.duckdb"
    shutil.copy(small_twin, twin)
    survey = tmp_path / "too-hot.yaml"
    survey.write_text(yaml.safe_dump(example_data(), allow_unicode=True), encoding="utf-8")
    created = run_dikas(capsys, "survey", "create", str(twin), str(survey))
    assert created.returncode == 0, created.stderr
    assert "survey 'too-hot' version 1 saved" in created.stdout
    again = run_dikas(capsys, "survey", "create", str(twin), str(survey))
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "dikas: error: survey 'too-hot': version 1 is not above the stored version 1"
    )
    with TestClient(create_app(ApiSettings(twin_path=twin))) as client:
        for k in range(12):
            places = [{"geometry": point_in(0), "follow_ups": {"why": f"asphalt {k}"}}]
            if k == 0:
                places.append({"area": "00300"})
            response = client.post(
                "/api/surveys/too-hot/responses",
                json={
                    "token": token(),
                    "language": "sv",
                    "answers": {
                        "hot_place": places,
                        "heat_harm": 1 + k % 5,
                        "age_band": "age_30_44",
                    },
                },
            )
            assert response.status_code == 201, response.text
    return twin


def test_list_close_and_exports(
    twin_with_answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twin = str(twin_with_answers)
    listed = run_dikas(capsys, "survey", "list", twin, "--json")
    assert json.loads(listed.stdout) == [
        {
            "id": "too-hot",
            "version": 1,
            "open": True,
            "responses": 12,
            "title": "Where is it too hot in summer?",
        }
    ]
    # 12 responses × (place + follow-up + likert + age) + one area-only place = 49 rows
    for fmt in ("gpkg", "csv", "xlsx"):
        out = tmp_path / f"answers.{fmt}"
        result = run_dikas(
            capsys, "survey", "export", twin, "too-hot", "--format", fmt, "--out", str(out)
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"49 answers written to {out}"
    frame = pyogrio.read_dataframe(tmp_path / "answers.gpkg", layer="survey_answers")
    assert len(frame) == 49 and frame.crs.to_epsg() == 4326
    assert set(frame["attribution"]) == {ATTRIBUTION} and set(frame["licence"]) == {"CC BY 4.0"}
    points = frame[frame["question_id"] == "hot_place"].geometry
    assert points.notna().sum() == 12 and points.isna().sum() == 1  # the area-only place
    rows = list(csv.DictReader((tmp_path / "answers.csv").open(encoding="utf-8")))
    assert len(rows) == 49 and {r["attribution"] for r in rows} == {ATTRIBUTION}
    book = load_workbook(tmp_path / "answers.xlsx", read_only=True)
    sheet = [list(r) for r in book["answers"].iter_rows(values_only=True)]
    header = sheet[0]
    assert len(sheet) == 50 and {r[header.index("licence")] for r in sheet[1:]} == {"CC BY 4.0"}
    about = dict(r for r in book["about"].iter_rows(values_only=True))
    assert about["attribution"] == ATTRIBUTION and about["licence"] == "CC BY 4.0"
    # export also synced the twin's layers: linked units, no raw places
    with Twin.open(twin_with_answers) as opened:
        assert opened.count("survey_responses") == 12
        assert opened.count("survey_answers") == 49
        assert "geometry" not in opened.columns("survey_answers")
        linked = opened.sql(
            "SELECT postal_code, count(*) AS n FROM survey_answers WHERE "
            "question_id = 'hot_place' GROUP BY 1 ORDER BY 1"
        )
        assert linked.values.tolist() == [["00100", 12], ["00300", 1]]
    # a twin held open (as by a server) still gets its export, with a warning about the layers
    with Twin.open(twin_with_answers):
        held = run_dikas(
            capsys,
            "survey",
            "export",
            twin,
            "too-hot",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "again.csv"),
        )
    assert held.returncode == 0 and (tmp_path / "again.csv").is_file()
    assert held.stderr.startswith("dikas: warning: the twin's survey layers were not updated")
    assert held.stderr.count("\n") == 1
    closed = run_dikas(capsys, "survey", "close", twin, "too-hot")
    assert closed.returncode == 0
    assert (
        json.loads(run_dikas(capsys, "survey", "list", twin, "--json").stdout)[0]["open"] is False
    )
    missing = run_dikas(capsys, "survey", "close", twin, "nope")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("lang", "heading", "flag"),
    [
        ("fi", "Ketkä vastasivat", "aliedustettu"),
        ("sv", "Vilka svarade", "underrepresenterad"),
        ("en", "Who answered", "under-represented"),
    ],
)
def test_report_in_each_language(
    twin_with_answers: Path,
    tmp_path: Path,
    lang: str,
    heading: str,
    flag: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / f"report-{lang}.html"
    result = run_dikas(
        capsys,
        "survey",
        "report",
        str(twin_with_answers),
        "too-hot",
        "--lang",
        lang,
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page and heading in page and flag in page
    assert html.escape(ATTRIBUTION) in page and "vulnerability_index" not in page
    vulnerability = {
        "fi": "Sosiaalinen haavoittuvuus",
        "sv": "Social sårbarhet",
        "en": "Social vulnerability",
    }[lang]
    assert vulnerability in page
    # all 12 answered from 00100: shown; nobody from the others
    assert "12" in page
