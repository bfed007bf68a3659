"""Reports: HTML content against the twin, the CLI command, the API route, PDF availability."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from dikas.cli.report import report
from dikas.report.html import build_report, format_value
from dikas.report.pdf import find_converter
from dikas.report.profile import city_profile
from dikas.twin.store import Twin
from tests.api.small_twin import areas_frame, write_small_twin


@pytest.fixture(scope="module")
def twin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_twin(tmp_path_factory.mktemp("report") / "twin.duckdb")


def test_format_value() -> None:
    assert format_value("unemployment_rate", 0.1234) == "12.3 %"
    assert format_value("inhabitants_total", 12345.0) == "12,345"
    assert format_value("average_age", 41.5) == "41.50"
    assert format_value("x", None) == "–"
    assert format_value("name", "<b>") == "&lt;b&gt;"


def test_area_report_is_self_contained(twin_path: Path) -> None:
    with Twin.open(twin_path) as twin:
        html = build_report(twin, area="00200")
    frame = areas_frame()
    row = frame[(frame["year"] == 2023) & (frame["postal_code"] == "00200")].iloc[0]
    assert "<h1>Area 2 (00200)</h1>" in html
    assert f"<td>{row['median_income']:,.0f}</td>" in html
    rate = row["unemployed"] / (row["employed"] + row["unemployed"])
    assert f"<td>{100 * rate:.1f} %</td>" in html
    assert html.count("<svg") >= 4  # age pyramid, income, education, trends
    assert "data:image/png;base64," in html
    assert "Test Paavo" in html and "CC BY 4.0" in html
    assert "vulnerability index" in html
    # Self-contained: no external resources.
    assert not re.search(r"(src|href)=['\"]https?://", html)


def test_city_report_uses_city_totals(twin_path: Path) -> None:
    with Twin.open(twin_path) as twin:
        html = build_report(twin)
        profile = city_profile(twin)
    frame = areas_frame()
    city = frame[frame["year"] == 2023]
    assert f"<td>{city['inhabitants_total'].sum():,.0f}</td>" in html
    trends = {t["year"]: t["inhabitants_total"] for t in profile.trends}
    assert trends == {y: frame.loc[frame["year"] == y, "inhabitants_total"].sum()
                      for y in (2022, 2023)}


def test_report_command(twin_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(report, [str(twin_path), "--area", "00100", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert "Area 1" in out.read_text("utf-8")


def test_report_command_pdf_without_converter(twin_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(report, [str(twin_path), "--area", "00300", "--out", str(out),
                                         "--pdf"])
    assert result.exit_code == 0, result.output
    if find_converter() is None:
        assert "no PDF converter" in result.output
        assert not out.with_suffix(".pdf").exists()
    else:
        assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_unknown_area_is_a_user_error(twin_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(report, [str(twin_path), "--area", "99999",
                                         "--out", str(tmp_path / "x.html")])
    assert result.exit_code != 0
    assert "no area '99999'" in str(result.exception)
