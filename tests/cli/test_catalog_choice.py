"""Which catalog a command uses: --city, $DIKAS_CITY, else the catalogs' own defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from dikas.sources.catalog import default_city, load_catalog
from tests.cli_runner import run_dikas


def test_defaults_come_from_the_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIKAS_CITY", raising=False)
    offline, why_offline = default_city(offline=True)
    online, why_online = default_city(offline=False)
    assert (offline, online) == ("helsinki-demo", "helsinki")
    assert "mirror is configured" in why_offline and "no local data mirror" in why_online
    assert load_catalog().city == "helsinki"
    monkeypatch.setenv("DIKAS_CITY", "capital-region")
    assert default_city(offline=True) == ("capital-region", "DIKAS_CITY")


def test_catalogs_command_lists_every_shipped_catalog(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIKAS_CITY", raising=False)
    result = run_dikas(capsys, "data", "catalogs")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:3]] == [
        "capital-region",
        "helsinki",
        "helsinki-demo",
    ]
    assert "Kauniainen 235" in lines[0] and "0 from live services" in lines[2]
    assert lines[-1].startswith("Default: 'helsinki-demo' with a data mirror, 'helsinki'")


def test_a_command_without_city_says_which_catalog_it_took(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.delenv("DIKAS_CITY", raising=False)
    result = run_dikas(capsys, "data", "list", "--data-dir", str(data_dir))
    assert result.returncode == 0
    assert "Using the 'helsinki-demo' catalog: a local data mirror is configured" in result.stderr
