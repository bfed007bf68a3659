"""``dikas data fetch`` and ``dikas data list`` against live-like local services."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import yaml

from dikas.cli.options import parse_endpoints, parse_years
from dikas.sources.status import format_age
from tests.cli_runner import run_dikas
from tests.sources.fault_server import FaultServer

GTFS = "r5py_docs/hsl_gtfs_20220222_inner_helsinki.zip"
HEAT = "r4c/urban_heat_exposure_index.tif"


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def _entry(name: str, **extra: object) -> dict[str, object]:
    return {
        "name": name,
        "title": f"{name} title",
        "producer": "Producer",
        "licence": "CC BY 4.0",
        "attribution": "Producer",
        "format": "x",
        "crs": "EPSG:3067",
        **extra,
    }


@pytest.fixture
def city(
    server: FaultServer, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A catalog with a GTFS feed and a raster on the local server, and a pinned file."""
    server.serve("/gtfs/hsl.zip", (data_dir / GTFS).read_bytes())
    server.serve("/heat.tif", (data_dir / HEAT).read_bytes())
    pinned = b"pinned bytes\n"
    mirror = tmp_path / "mirror"
    (mirror / "p").mkdir(parents=True)
    (mirror / "p" / "pinned.txt").write_bytes(pinned)
    catalog = {
        "city": {"name": "testcity", "title": "Test city"},
        "attribution": "Contains test data",
        "datasets": [
            _entry(
                "transit",
                format="gtfs",
                source={"kind": "gtfs", "url": server.url("/gtfs/hsl.zip") + "?key=k1"},
            ),
            _entry(
                "heat",
                format="raster",
                licence="ODbL 1.0",
                source={"kind": "raster", "url": server.url("/heat.tif")},
            ),
            _entry(
                "pinned",
                urls=[server.url("/nowhere.txt")],
                sha256=hashlib.sha256(pinned).hexdigest(),
                mirror_path="p/pinned.txt",
            ),
            _entry("flood", required=False, official_service="a WMS"),
        ],
    }
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump(catalog), "utf-8")
    monkeypatch.setenv("DIKAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DIKAS_DATA_DIR", str(mirror))
    return path


def test_data_fetch_prints_one_line_per_dataset_and_locks(
    city: Path, server: FaultServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_dikas(capsys, "data", "fetch", "--catalog", str(city))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ok", "transit", "1", "part", "1.9", "MB", "fetched"]
    assert lines[1].split() == ["ok", "heat", "1", "part", "4.1", "MB", "fetched"]
    assert lines[2].split() == ["ok", "pinned", "1", "part", "13", "B", "mirror"]
    assert lines[3].startswith("  --  flood") and "a WMS" in lines[3]
    assert lines[4] == "3 datasets ready, 0 failed."
    assert "· transit (gtfs) …" in result.stderr
    assert "transit:" in result.stderr and "/1.80M" in result.stderr  # tqdm bar, with total
    lock = json.loads((tmp_path / "cache/testcity/dikas-lock.json").read_text("utf-8"))
    assert set(lock["datasets"]) == {"transit", "heat"}
    assert lock["datasets"]["transit"]["all"]["request"] == {"key": "k1"}
    assert server.seen("/gtfs/hsl.zip")[0].query == {"key": "k1"}
    # again: everything from the cache, no request
    again = run_dikas(capsys, "data", "fetch", "--catalog", str(city))
    assert again.returncode == 0 and again.stdout.splitlines()[0].endswith("cache")
    assert len(server.seen("/gtfs/hsl.zip")) == 1
    # --refresh: conditional requests, the server says 304
    refreshed = run_dikas(
        capsys, "data", "fetch", "--catalog", str(city), "--refresh", "--only", "transit"
    )
    assert refreshed.returncode == 0
    assert refreshed.stdout.splitlines() == [
        refreshed.stdout.splitlines()[0],
        "1 datasets ready, 0 failed.",
    ]
    assert "if-none-match" in server.seen("/gtfs/hsl.zip")[-1].headers


def test_data_fetch_endpoint_replaces_the_url(
    city: Path, server: FaultServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = server.serve("/elsewhere/feed.zip", (data_dir / GTFS).read_bytes())
    result = run_dikas(
        capsys,
        "data",
        "fetch",
        "--catalog",
        str(city),
        "--only",
        "transit",
        "--endpoint",
        f"transit={local}",
    )
    assert result.returncode == 0, result.stderr
    assert server.seen("/elsewhere/feed.zip")[0].query == {"key": "k1"}
    assert server.seen("/gtfs/hsl.zip") == []


def test_data_fetch_failure_is_reported_per_dataset_and_exits_1(
    city: Path, server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.fault("/heat.tif", ("status", 404))
    result = run_dikas(capsys, "data", "fetch", "--catalog", str(city))
    assert result.returncode == 1
    [failed] = [line for line in result.stdout.splitlines() if line.startswith("  !!")]
    assert failed.split()[:3] == ["!!", "heat", "failed:"]
    assert f"dataset 'heat', URL {server.url('/heat.tif')}: HTTP 404 Not Found" in failed
    assert "ok  transit" in result.stdout and "ok  pinned" in result.stdout
    assert result.stderr.strip().endswith("dikas: error: 1 dataset(s) could not be fetched: heat")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--endpoint", "transit"], "'transit' is not DATASET=URL"),
        (["--endpoint", "transit=ftp://x/y"], "is not an http(s) URL"),
        (["--years", "2022,twenty"], "'twenty' is not a year"),
    ],
)
def test_bad_options_are_usage_errors(
    city: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_dikas(capsys, "data", "fetch", "--catalog", str(city), *args)
    assert result.returncode == 2 and message in result.stderr
    assert not (city.parent / "cache").exists()


def test_unknown_dataset_is_one_line(city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_dikas(
        capsys, "data", "fetch", "--catalog", str(city), "--endpoint", "nope=http://127.0.0.1:9/x"
    )
    assert result.returncode == 1
    assert result.stderr == "dikas: error: catalog 'testcity' has no dataset 'nope'\n"


def test_data_list_shows_kind_status_age_and_licence(
    city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = run_dikas(capsys, "data", "list", "--catalog", str(city))
    rows = {line.split()[0]: line.split() for line in before.stdout.splitlines()[1:-1]}
    assert rows["transit"][:4] == ["transit", "gtfs", "service", "-"]
    assert rows["pinned"][:4] == ["pinned", "file", "mirror", "-"]
    assert rows["flood"][:3] == ["flood", "file", "missing"]
    assert (
        run_dikas(
            capsys, "data", "fetch", "--catalog", str(city), "--only", "transit,heat"
        ).returncode
        == 0
    )
    lock_file = tmp_path / "cache/testcity/dikas-lock.json"
    lock = json.loads(lock_file.read_text("utf-8"))
    three_days = dt.datetime.now(dt.UTC) - dt.timedelta(days=3, minutes=5)
    lock["datasets"]["transit"]["all"]["fetched_at"] = three_days.isoformat(timespec="seconds")
    lock_file.write_text(json.dumps(lock), "utf-8")
    # the pinned file only in the cache, written two hours ago
    monkeypatch.setenv("DIKAS_DATA_DIR", str(tmp_path / "empty"))
    cached = tmp_path / "cache" / "p" / "pinned.txt"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"pinned bytes\n")
    two_hours = time.time() - 2 * 3600 - 60
    os.utime(cached, (two_hours, two_hours))
    after = run_dikas(capsys, "data", "list", "--catalog", str(city))
    assert after.returncode == 0
    rows = {line.split()[0]: line for line in after.stdout.splitlines()[1:-1]}
    assert rows["transit"].split()[:6] == ["transit", "gtfs", "locked", "cached", "3", "d"]
    assert rows["heat"].split()[2:5] == ["locked", "cached", "just"]
    assert "ODbL 1.0" in rows["heat"]
    assert rows["pinned"].split()[2:6] == ["cache", "cached", "2", "h"]
    # a cached file removed behind the lock's back: back to the service
    (tmp_path / "cache/testcity/heat/all.tif").unlink()
    gone = run_dikas(capsys, "data", "list", "--catalog", str(city))
    assert next(line for line in gone.stdout.splitlines() if "heat" in line).split()[2] == "service"
    assert after.stdout.splitlines()[-1] == "Attribution: Contains test data"


def test_option_parsers() -> None:
    assert parse_endpoints(["a=http://h/x?y=1", " b = https://h/z "]) == {
        "a": "http://h/x?y=1",
        "b": "https://h/z",
    }
    with pytest.raises(click.BadParameter, match="given twice"):
        parse_endpoints(["a=http://h/x", "a=http://h/y"])
    assert parse_years("2023, 2022,2023") == (2022, 2023) and parse_years(None) is None
    now = dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC)
    assert format_age(now - dt.timedelta(days=3, hours=5), now) == "cached 3 d ago"
    assert format_age(now - dt.timedelta(minutes=42), now) == "cached 42 min ago"
    assert format_age(None, now) == "-"


def test_frozen_and_service_date_options() -> None:
    from click.testing import CliRunner

    from dikas.cli.options import endpoint_option, frozen_option, service_date_option
    from dikas.sources.gtfs import next_weekday

    @click.command()
    @endpoint_option
    @frozen_option
    @service_date_option
    def probe(endpoints: dict[str, str], frozen: bool, service_date: dt.date) -> None:
        click.echo(f"{sorted(endpoints.items())} {frozen} {service_date!r}")

    runner = CliRunner()
    given = runner.invoke(
        probe,
        ["--frozen", "--service-date", "2022-02-22", "--endpoint", "gtfs=http://127.0.0.1:1/f.zip"],
    )
    assert given.output == (
        "[('gtfs', 'http://127.0.0.1:1/f.zip')] True datetime.date(2022, 2, 22)\n"
    )
    default = runner.invoke(probe, [])
    assert default.output == f"[] False {next_weekday(dt.date.today())!r}\n"
    bad = runner.invoke(probe, ["--service-date", "22.2.2022"])
    assert bad.exit_code == 2 and "'22.2.2022' does not match the format '%Y-%m-%d'" in bad.output
