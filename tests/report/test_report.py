"""Reports: content against the twin in fi/sv/en, summary sentences against hand-computed
numbers, no code names, the city's segregation indices, the CLI, A4 PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from dikas.cli.report import report
from dikas.i18n import LANGUAGES, format_number
from dikas.report.html import build_report, city_name, source_lines
from dikas.report.pdf import find_converter
from dikas.report.profile import city_profile
from dikas.twin.store import Twin
from tests.api import small_twin
from tests.api.small_twin import areas_frame, write_small_twin

CODE_NAME = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")
PAAVO_CODE = re.compile(
    r"\b(he|ko|hr|te|tr|ra|tp|pt)_[a-z0-9]+\b|\((HE|KO|HR|TE|TR|RA|TP|PT)\)", re.IGNORECASE
)


@pytest.fixture(scope="module")
def twin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_twin(tmp_path_factory.mktemp("report") / "twin.duckdb")


def visible_text(html: str) -> str:
    """What a reader sees: no styles, no inline images or charts, no tags."""
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    html = re.sub(r"src='data:[^']*'", " ", html)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("area", ["00200", None])
def test_reports_show_no_code_names(twin_path: Path, language: str, area: str | None) -> None:
    with Twin.open(twin_path) as twin:
        html = build_report(twin, area=area, language=language)
    assert f"<html lang='{language}'>" in html
    assert "@page{size:A4" in html
    text = visible_text(html)
    assert not CODE_NAME.search(text), CODE_NAME.search(text)
    assert not PAAVO_CODE.search(text)
    assert not re.search(r"(src|href)=['\"]https?://", html)  # self-contained


def test_area_report_summary_against_hand_computed_numbers(twin_path: Path) -> None:
    with Twin.open(twin_path) as twin:
        html = build_report(twin, area="00200", language="fi")
    frame = areas_frame()
    city = frame[frame["year"] == 2023]
    rates = city["unemployed"] / (city["employed"] + city["unemployed"])
    own = float(rates[city["postal_code"] == "00200"].iloc[0])
    city_rate = city["unemployed"].sum() / (city["employed"].sum() + city["unemployed"].sum())
    relation = (
        "enemmän kuin"
        if own > city_rate * 1.02
        else ("vähemmän kuin" if own < city_rate * 0.98 else "lähes sama kuin")
    )
    pct = {v: format_number(v, "fi", decimals=1, percent=True) for v in (own, city_rate)}
    assert f"Työttömyysaste: {pct[own]}, {relation} koko kaupungissa ({pct[city_rate]})." in html
    first = frame[(frame["year"] == 2022) & (frame["postal_code"] == "00200")].iloc[0]
    before = first["unemployed"] / (first["employed"] + first["unemployed"])
    verb = "noussut" if own > before * 1.02 else ("laskenut" if own < before * 0.98 else None)
    if verb:
        assert (
            f"Vuodesta 2022 se on {verb} (silloin "
            f"{format_number(before, 'fi', decimals=1, percent=True)})." in html
        )
    rank = int((rates > own).sum()) + 1
    assert f"Sija {rank}/3 postinumeroalueiden joukossa (1 = suurin arvo)." in html
    people = city.set_index("postal_code").loc["00200", "inhabitants_total"]
    assert f"Alueella Area 2 on {format_number(people, 'fi')} asukasta (2023)." in html
    assert "Aluerapotti: Area 2 (00200)" in html


def test_area_report_english_key_figures(twin_path: Path) -> None:
    with Twin.open(twin_path) as twin:
        html = build_report(twin, area="00200")
    row = areas_frame().query("year == 2023 and postal_code == '00200'").iloc[0]
    assert f"<td>{row['median_income']:,.0f}\u00a0€</td>" in html
    rate = row["unemployed"] / (row["employed"] + row["unemployed"])
    assert f"<td>{100 * rate:.1f}%</td>" in html
    assert html.count("<svg") >= 4  # age pyramid, income, education, trends
    assert "data:image/png;base64," in html
    assert "Test Paavo" in html and "CC BY 4.0" in html
    assert "<h2>Indicators by challenge</h2>" in html
    assert "<h3>Access to services</h3>" in html


def test_city_report_uses_city_totals(twin_path: Path) -> None:
    with Twin.open(twin_path) as twin:
        html = build_report(twin)
        profile = city_profile(twin)
    frame = areas_frame()
    city = frame[frame["year"] == 2023]
    assert f"<td>{city['inhabitants_total'].sum():,.0f}\u00a0persons</td>" in html
    trends = {t["year"]: t["inhabitants_total"] for t in profile.trends}
    assert trends == {
        y: frame.loc[frame["year"] == y, "inhabitants_total"].sum() for y in (2022, 2023)
    }
    assert ">City</th>" not in html  # the city is not compared with itself


def test_city_report_has_the_segregation_indices_and_their_trend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = "lowest_income_inhabitants/adults_income_total"
    rows = [
        {
            "indicator": name,
            "level": "city",
            "unit_id": "testville",
            "year": year,
            "value": value,
            "method": "test",
            "population_group": group,
        }
        for name, year, value in (
            ("segregation_dissimilarity", 2022, 0.2012),
            ("segregation_dissimilarity", 2023, 0.2346),
            ("segregation_isolation", 2023, 0.31),
            ("segregation_dissimilarity_p_value", 2023, 0.004),
        )
    ]
    stored = small_twin.indicator_rows()
    monkeypatch.setattr(
        small_twin, "indicator_rows", lambda: pd.concat([stored, pd.DataFrame(rows)])
    )
    path = small_twin.write_small_twin(tmp_path / "twin.duckdb")
    with Twin.open(path) as twin:
        html = build_report(twin, language="sv")
    assert "Segregationsindex" in html
    assert (
        "<tr><td>Olikhetsindex</td><td>Andel låginkomsttagare</td><td>0,201</td>"
        "<td>0,235</td><td>0,004</td></tr>"
    ) in html
    assert "<td>Isoleringsindex</td>" in html
    assert 'aria-label="Olikhetsindex över åren"' in html  # the trend chart


def test_the_city_is_named_in_the_report_language() -> None:
    assert city_name("helsinki-demo", "sv") == "Helsingfors"
    assert city_name("capital-region", "fi") == "Helsinki, Espoo, Vantaa, Kauniainen"
    assert city_name("testville", "fi") is None


def test_sources_are_listed_once() -> None:
    lines = source_lines(
        [
            "Source: Paavo (2020); Source: Paavo (2021)",
            "HSY grid",
            "Source: Paavo (2021)",
            "HSY grid",
        ]
    )
    assert lines == ["Source: Paavo (2020, 2021)", "HSY grid"]


def test_report_command(twin_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        report, [str(twin_path), "--area", "00100", "--out", str(out), "--lang", "sv"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html><html lang='sv'>")
    assert "Områdesrapport: Area 1 (00100)" in text


def test_report_pdf_is_a4(twin_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        report, [str(twin_path), "--area", "00300", "--out", str(out), "--pdf", "--lang", "fi"]
    )
    assert result.exit_code == 0, result.output
    if find_converter() is None:
        assert "no PDF converter" in result.output
        assert not out.with_suffix(".pdf").exists()
        return
    pdf = out.with_suffix(".pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes
    for box in boxes:
        x0, y0, x1, y1 = (float(v) for v in box)
        assert (round(x1 - x0), round(y1 - y0)) == (595, 842)  # A4 in points


def test_unknown_area_is_a_user_error(twin_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        report, [str(twin_path), "--area", "99999", "--out", str(tmp_path / "x.html")]
    )
    assert result.exit_code != 0
    assert "no area '99999'" in str(result.exception)
