"""The report's accessibility section says why an area has no values."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dikas.i18n import format_number
from dikas.report.html import build_report
from dikas.twin.store import Twin
from tests.api import small_twin


def _report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, access_rows: list[dict]) -> str:
    """The 00200 report of the small twin whose stored access rows are ``access_rows``."""
    others = small_twin.indicator_rows()
    others = others[~others["indicator"].str.startswith("access_")]
    monkeypatch.setattr(
        small_twin, "indicator_rows", lambda: pd.concat([others, pd.DataFrame(access_rows)])
    )
    path = small_twin.write_small_twin(tmp_path / "twin.duckdb")
    with Twin.open(path) as twin:
        return build_report(twin, area="00200")


def _row(level: str, unit_id: str) -> dict:
    return {
        "indicator": "access_walk_nearest_1_school",
        "level": level,
        "unit_id": unit_id,
        "year": None,
        "value": 7.0,
        "method": "test",
    }


def test_no_access_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = _report(tmp_path, monkeypatch, [])
    assert "No accessibility indicators in this twin yet" in html


def test_access_for_cells_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = _report(tmp_path, monkeypatch, [_row("grid", "c0_4")])
    assert "stored for grid cells only" in html
    assert "No accessibility indicators in this twin yet" not in html


def test_access_for_other_areas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = _report(tmp_path, monkeypatch, [_row("grid", "c0_4"), _row("areas", "00100")])
    assert "No accessibility values for this area" in html


def test_access_for_this_area(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = _report(tmp_path, monkeypatch, [_row("areas", "00200")])
    assert "<td>7.0\u00a0min</td>" in html and "No accessibility" not in html


def test_partial_coverage_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [_row("areas", "00200"), _row("grid", "c0_4"), _row("grid", "c0_5")]
    html = _report(tmp_path, monkeypatch, rows)
    grid = small_twin.grid_frame()
    area = grid[grid["postal_code"] == "00200"]
    share = (
        area.loc[area["cell_id"].isin(["c0_4", "c0_5"]), "inhabitants"].sum()
        / area["inhabitants"].sum()
    )
    assert 0 < share < 1
    assert (
        f"the street network reaches: {format_number(share, 'en', percent=True)} (walking) "
        f"of the area&#x27;s inhabitants" in html
    )


def test_full_coverage_says_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grid = small_twin.grid_frame()
    cells = grid.loc[grid["postal_code"] == "00200", "cell_id"]
    html = _report(
        tmp_path, monkeypatch, [_row("areas", "00200")] + [_row("grid", cell) for cell in cells]
    )
    assert "street network reaches" not in html
