"""``dikas index`` on a small twin; ``climate-just`` equals the stored vulnerability."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from dikas.cli.climate import climate
from dikas.cli.index import index
from dikas.cli.main import main
from dikas.indices.compute import IndexParams, compute_index
from dikas.twin.store import Twin
from tests.climate.test_cli import _twin as climate_twin


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(index, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("level", ["areas", "grid"])
def test_climate_just_equals_the_stored_vulnerability(tmp_path: Path, level: str) -> None:
    path = climate_twin(tmp_path)
    result = CliRunner().invoke(
        climate,
        ["vulnerability", "--twin", str(path), "--level", level, "--draws", "2"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    with Twin.open(path) as twin:
        for name in ("heat", "flood"):
            stored = twin.indicators(indicator=f"vulnerability_{name}", level=level)
            batch = compute_index(twin, IndexParams("climate-just", level=level, index=name))
            mine = batch.rows[batch.rows["indicator"] == f"index_climate_just_{name}"]
            assert len(stored) == len(mine) > 0
            assert (
                stored.set_index("unit_id")["value"].sort_index().tolist()
                == mine.set_index("unit_id")["value"].sort_index().tolist()
            )  # exact


def test_list_names_every_configuration() -> None:
    rows = json.loads(_run(["list", "--json"]))
    assert [r["name"] for r in rows] == [
        "climate-just",
        "hsy-2016-heat-flood",
        "need-allocation",
        "svi-percentile",
    ]
    finnish = _run(["list", "--lang", "fi"])
    assert "Myönteisen erityiskohtelun rahoituksen tarve" in finnish


def test_compute_stores_index_and_rank_robustness(twin_path: Path) -> None:
    records = json.loads(
        _run(
            [
                "compute",
                "--twin",
                str(twin_path),
                "--config",
                "svi-percentile",
                "--draws",
                "40",
                "--seed",
                "3",
                "--json",
            ]
        )
    )
    assert len(records) == 6
    assert sorted(r["index"] for r in records) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1])
    assert all(
        r["rank_p05"] <= r["rank"] <= r["rank_p95"] or r["rank_p05"] <= r["rank_p95"]
        for r in records
    )
    with Twin.open(twin_path) as twin:
        stored = twin.indicators(indicator="index_svi_percentile", level="areas")
    assert sorted(stored["value"]) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1])
    table = _run(
        [
            "compute",
            "--twin",
            str(twin_path),
            "--config",
            "hsy-2016-heat-flood",
            "--index",
            "flood",
            "--draws",
            "0",
            "--no-store",
            "--lang",
            "sv",
        ]
    )
    assert "Rang" in table and "6 enheter med ett index" in table


def test_allocate_shares_the_budget_with_robustness(twin_path: Path) -> None:
    records = json.loads(
        _run(
            [
                "allocate",
                "--twin",
                str(twin_path),
                "--config",
                "need-allocation",
                "--budget",
                "1000000",
                "--draws",
                "300",
                "--seed",
                "1",
                "--json",
            ]
        )
    )
    assert sum(r["amount"] for r in records) == pytest.approx(1_000_000)
    for r in records:
        assert r["amount_p05"] <= r["amount"] <= r["amount_p95"]
        assert r["share"] == pytest.approx(r["amount"] / 1_000_000)
    with Twin.open(twin_path) as twin:
        shares = twin.indicators(indicator="index_need_allocation_share", level="areas")
        p95 = twin.indicators(indicator="index_need_allocation_share_p95", level="areas")
    assert shares["value"].sum() == pytest.approx(1.0) and len(p95) == 6
    table = _run(
        [
            "allocate",
            "--twin",
            str(twin_path),
            "--budget",
            "1000000",
            "--draws",
            "50",
            "--no-store",
            "--lang",
            "fi",
        ]
    )
    assert "Osuus" in table and "1\u00a0000\u00a0000 jaettu 6 alueelle tarpeen mukaan" in table


def test_bad_configuration_is_one_line(
    twin_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ntitle: {en: x, fi: x, sv: x}\nsources: []\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(
            ["index", "allocate", "--twin", str(twin_path), "--config", str(bad), "--budget", "100"]
        )
    assert exit_.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("dikas: error: ") and str(bad) in err and "\n" not in err
    assert "sources" in err
    with pytest.raises(SystemExit) as exit_:
        main(
            [
                "index",
                "allocate",
                "--twin",
                str(twin_path),
                "--config",
                "hsy-2016-heat-flood",
                "--budget",
                "100",
            ]
        )
    assert exit_.value.code == 1
    assert "non-negative index" in capsys.readouterr().err


def test_climate_just_equals_an_independent_pandas_computation(twin_path: Path) -> None:
    from dikas.climate.twin_io import read_areas, read_grid
    from dikas.climate.vulnerability import raw_indicators
    from dikas.indices.config import load_index_config

    config = load_index_config("climate-just")
    with Twin.open(twin_path) as twin:
        grid, (areas, _year) = read_grid(twin), read_areas(twin)
        batch = compute_index(twin, IndexParams("climate-just", index="heat"))
    chosen = config.indicators_for("heat")
    raw = raw_indicators(
        grid, areas, config.vulnerability_config(), level="areas", indicators=chosen
    )
    scores = {}
    for ind in chosen:
        x = raw[ind.name]
        n = (x - x.min()) / (x.max() - x.min())
        scores[ind.name] = n if ind.direction == 1 else 1 - n
    frame = pd.DataFrame(scores)
    groups = {}
    for group in dict.fromkeys(i.group for i in chosen):
        members = [i for i in chosen if i.group == group]
        weights = pd.Series({i.name: i.weight for i in members})
        groups[group] = (frame[weights.index] * weights).sum(axis=1) / weights.sum()
    expected = pd.DataFrame(groups).mean(axis=1)
    got = batch.units["index"]
    assert got.to_numpy() == pytest.approx(expected.reindex(got.index).to_numpy(), abs=1e-12)


ORIGINAL_VALUES = {
    # `dikas climate vulnerability` of the code before the engine, on tests.climate's twin
    "heat": {
        "00100": 0.5508908060806079,
        "00200": 0.386993159469845,
        "00300": 0.5305008617025165,
        "00400": 0.5321334114521532,
    },
    "flood": {
        "00100": 0.5539962734578053,
        "00200": 0.39333104681210346,
        "00300": 0.3617504927433141,
        "00400": 0.514732612934205,
    },
}


def test_climate_just_keeps_the_values_of_the_code_before_the_engine(tmp_path: Path) -> None:
    path = climate_twin(tmp_path)
    with Twin.open(path) as twin:
        for name, expected in ORIGINAL_VALUES.items():
            batch = compute_index(twin, IndexParams("climate-just", index=name))
            assert batch.units["index"].to_dict() == expected  # exact
