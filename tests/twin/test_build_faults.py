"""Builds killed, terminated or out of disk: the existing twin stays as it was, and no
temporary file outlives the next build."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import dikas
from dikas.errors import DikasError
from dikas.twin.store import Twin
from dikas.twin.tempfiles import DiskFullError, remove_stale
from tests.cli_runner import run_dikas
from tests.synthetic import sha256, write_city

SRC = Path(__file__).resolve().parents[2] / "src"
BUILD_S = 60
"""Upper bound on one build of the synthetic city in a subprocess (never reached)."""


@pytest.fixture
def city(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A synthetic mirror and an already built twin from it."""
    mirror = tmp_path / "mirror"
    catalog = write_city(mirror)
    out = tmp_path / "out" / "twin.duckdb"
    result = run_dikas(
        capsys, "build", "--catalog", str(catalog), "--data-dir", str(mirror), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    return catalog, out


def _build(catalog: Path, out: Path) -> subprocess.Popen[str]:
    """``dikas build`` of the synthetic city in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "DIKAS_DATA_DIR": str(catalog.parent)}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from dikas.cli.main import main; main()",
            "build",
            "--catalog",
            str(catalog),
            "--data-dir",
            str(catalog.parent),
            "--out",
            str(out),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _temporaries(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _wait_for_temporary(process: subprocess.Popen[str], out: Path) -> bool:
    """Wait until the build has its temporary twin open (False if it ended first)."""
    deadline = time.monotonic() + BUILD_S
    while time.monotonic() < deadline and process.poll() is None:
        if any(name.endswith(".tmp") for name in _temporaries(out)):
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("after_s", [0.5, 1.0, 2.0])
def test_kill_9_leaves_the_twin_and_the_next_build_sweeps(
    city: tuple[Path, Path], after_s: float
) -> None:
    catalog, out = city
    before = sha256(out)
    process = _build(catalog, out)
    time.sleep(after_s)
    process.kill()
    process.communicate(timeout=BUILD_S)
    # the twin is the old one, or (the build was done before the kill) a complete new one
    if sha256(out) != before:
        assert dikas.open(out).count("areas") == 12
    # whatever the kill left behind, the next build removes it (its writer is gone)
    again = _build(catalog, out)
    _, stderr = again.communicate(timeout=BUILD_S)
    assert again.returncode == 0, stderr
    assert _temporaries(out) == []
    assert dikas.open(out).count("grid") == 96


def test_killed_mid_write_leftovers_are_swept(city: tuple[Path, Path]) -> None:
    catalog, out = city
    before = sha256(out)
    process = _build(catalog, out)
    assert _wait_for_temporary(process, out), "the build ended before writing"
    process.kill()
    process.communicate(timeout=BUILD_S)
    left = _temporaries(out)
    assert any(name.endswith(".tmp") for name in left) and any(
        name.endswith(".tmp.lock") for name in left
    ), left
    assert sha256(out) == before
    # a live writer's files are not touched (this process holds the lock) ...
    live = out.with_name(f".{out.name}.live0000000.tmp")
    from dikas.twin.tempfiles import owned

    with owned(live):
        live.write_bytes(b"being written")
        removed = remove_stale(out)
        assert sorted(p.name for p in removed) == left
        assert live.exists()
    # ... and the next build finds nothing left
    assert _temporaries(out) == []


def test_sigterm_cleans_up_and_exits_with_one_line(city: tuple[Path, Path]) -> None:
    catalog, out = city
    before = sha256(out)
    process = _build(catalog, out)
    assert _wait_for_temporary(process, out), "the build ended before writing"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=BUILD_S)
    assert process.returncode == 1
    assert stderr.strip().splitlines()[-1] == (
        f"dikas: error: build of {out} stopped by SIGTERM; {out} is unchanged"
    )
    assert "Traceback" not in stderr
    assert sha256(out) == before
    assert _temporaries(out) == []


def test_full_disk_is_one_line_and_nothing_is_left(
    city: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, out = city
    before = sha256(out)
    real = Twin.write_layer
    calls = []

    def full(self: Twin, name: str, frame: object) -> None:
        calls.append(name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, name, frame)  # type: ignore[arg-type]

    monkeypatch.setattr(Twin, "write_layer", full)
    result = run_dikas(
        capsys,
        "build",
        "--catalog",
        str(catalog),
        "--data-dir",
        str(catalog.parent),
        "--out",
        str(out),
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"dikas: error: building {out}: no space left on the device holding {out.parent} "
        "(nothing was changed; free some space and run it again)"
    )
    assert sha256(out) == before and _temporaries(out) == []
    assert issubclass(DiskFullError, DikasError)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs with 8 KiB free (needs root; skipped where mounting is not allowed)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    (folder / "filler").write_bytes(b"x" * 56 * 1024)
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def test_real_full_disk_build_and_export(
    city: tuple[Path, Path], tiny_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, built = city
    out = tiny_disk / "twin.duckdb"
    result = run_dikas(
        capsys,
        "build",
        "--catalog",
        str(catalog),
        "--data-dir",
        str(catalog.parent),
        "--out",
        str(out),
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"dikas: error: building {out}: no space left on the device holding {tiny_disk} "
        "(nothing was changed; free some space and run it again)"
    )
    assert [p.name for p in tiny_disk.iterdir()] == ["filler"]
    for fmt in ("gpkg", "geojson", "csv", "parquet"):
        target = tiny_disk / f"grid.{fmt}"
        result = run_dikas(
            capsys, "export", str(built), "--layer", "grid", "--format", fmt, "--out", str(target)
        )
        assert result.returncode == 1, fmt
        assert result.stderr.strip().splitlines()[-1] == (
            f"dikas: error: exporting 'grid' to {target}: no space left on the device "
            f"holding {tiny_disk} (nothing was changed; free some space and run it again)"
        )
        assert [p.name for p in tiny_disk.iterdir()] == ["filler"], fmt
