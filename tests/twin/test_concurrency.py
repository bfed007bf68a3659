"""Twin concurrency: writers wait for a busy twin and never lose their rows, the server
serves a private snapshot and switches to a changed twin between requests.

A twin is held by a real second process (DuckDB's and ``fcntl``'s locks are per process).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings
from dikas.cli.main import main
from dikas.twin.locking import TwinBusyError
from dikas.twin.pending import read_pending
from dikas.twin.store import Twin
from tests.api.small_twin import write_small_twin

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read")
print("held", flush=True)
time.sleep(float(sys.argv[3]))
con.close()
"""


@pytest.fixture(scope="module")
def base_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_twin(tmp_path_factory.mktemp("base") / "twin.duckdb")


@pytest.fixture
def twin(base_twin: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "twin.duckdb"
    shutil.copy(base_twin, copy)
    return copy


@pytest.fixture
def hold() -> Iterator[object]:
    """``hold(path, mode, seconds)``: another process holds the twin (returns once held)."""
    started: list[subprocess.Popen[str]] = []

    def start(path: Path, mode: str, seconds: float) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(path), mode, str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()
        process.wait()


def rows(value: float, unit: str = "00100") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator": ["test_value"],
            "level": ["areas"],
            "unit_id": [unit],
            "year": [2023],
            "value": [value],
            "method": ["hand"],
        }
    )


def stored(path: Path, indicator: str = "test_value") -> dict[str, float]:
    with Twin.open(path) as opened:
        frame = opened.indicators(indicator=indicator)
    return dict(zip(frame["unit_id"], frame["value"], strict=True))


def test_writer_waits_for_a_reader_and_says_who_holds_the_twin(
    twin: Path, hold: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIKAS_WRITE_WAIT_S", "30")
    holder = hold(twin, "read", 1.5)  # type: ignore[operator]
    started = time.monotonic()
    with Twin.open(twin, read_only=False) as writable:
        assert writable.write_indicators(rows(4.25)) == 1
    waited = time.monotonic() - started
    assert 1.0 < waited < 20.0
    assert stored(twin) == {"00100": 4.25}
    err = capsys.readouterr().err
    assert f"waiting for the twin {twin}" in err and f"PID {holder.pid}" in err


def test_reader_waits_for_a_writer(
    twin: Path, hold: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIKAS_WRITE_WAIT_S", "30")
    hold(twin, "write", 1.0)  # type: ignore[operator]
    with Twin.open(twin) as opened:
        assert opened.count("areas") == 6


def test_rows_survive_a_timeout_in_a_side_file_and_load_later(
    twin: Path, hold: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DIKAS_WRITE_WAIT_S", "0.5")
    holder = hold(twin, "write", 60)  # type: ignore[operator]
    frame = pd.concat([rows(1.5, "00100"), rows(2.5, "00200")], ignore_index=True)
    with pytest.raises(TwinBusyError) as caught, Twin.open(twin, read_only=False) as writable:
        writable.write_indicators(frame)
    message = str(caught.value)
    assert f"PID {holder.pid}" in message and "DIKAS_WRITE_WAIT_S" in message
    side = Path(message.split("are kept in ")[1].split(":")[0])
    assert side.parent == twin.parent and side.is_file()
    assert f"dikas load-indicators {twin} {side}" in message
    kept = read_pending(side)
    assert dict(zip(kept["unit_id"], kept["value"], strict=True)) == {"00100": 1.5, "00200": 2.5}
    holder.kill()
    holder.wait()
    with pytest.raises(SystemExit) as done:
        main(["load-indicators", str(twin), str(side)])
    assert done.value.code in (0, None)
    assert stored(twin) == {"00100": 1.5, "00200": 2.5}
    assert not side.exists()
    assert "Stored 2 indicator values" in capsys.readouterr().out


def test_three_writers_at_once_all_store(twin: Path) -> None:
    script = (
        "import sys, pandas as pd; from dikas.twin.store import Twin\n"
        "unit = sys.argv[2]\n"
        "with Twin.open(sys.argv[1]) as t: t.count('grid')\n"
        "with Twin.open(sys.argv[1], read_only=False) as t:\n"
        "    t.write_indicators(pd.DataFrame({'indicator': ['test_value'], "
        "'level': ['areas'], 'unit_id': [unit], 'year': [2023], "
        "'value': [float(unit[2])], 'method': ['hand']}))\n"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(twin), unit],
            env={"PYTHONPATH": "src", "PATH": "/usr/bin:/bin"},
            stderr=subprocess.PIPE,
            text=True,
        )
        for unit in ("00100", "00200", "00300")
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    assert stored(twin) == {"00100": 1.0, "00200": 2.0, "00300": 3.0}


def test_server_switches_to_a_changed_twin_between_requests(
    twin: Path, tmp_path: Path, hold: object
) -> None:
    settings = ApiSettings(
        twin_path=twin, community_path=tmp_path / "community.sqlite", min_count=10
    )
    app = create_app(settings)
    twins = app.state.twins
    with TestClient(app) as client:
        # the server holds no lock on the twin: another process can write it at once
        hold(twin, "write", 0.1)  # type: ignore[operator]
        before = client.get("/api/indicators", params={"indicator": "test_value"})
        assert before.status_code in (400, 404)  # an indicator the twin does not have
        in_flight = twins.acquire()  # a request that started before the write
        old_file = in_flight.twin_file
        assert not twins.refresh()  # unchanged twin: nothing to do
        with Twin.open(twin, read_only=False) as writable:
            writable.write_indicators(rows(7.5))
        assert twins.changed() and twins.refresh()
        after = client.get("/api/indicators", params={"indicator": "test_value"})
        assert after.status_code == 200
        assert after.json()["values"]["00100"] == 7.5
        # the request in flight still reads its own snapshot, then lets it go
        assert in_flight.twin().indicators(indicator="test_value").empty
        assert old_file.exists()
        twins.release(in_flight)
        assert not old_file.exists()
        assert app.state.context is twins.current
        assert twins.current.twin_file != old_file
    assert not twins.current.twin_file.parent.exists()
