"""A twin with damaged pages: one line from every command, and a server that says so."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings
from tests.cli_runner import run_dikas
from tests.synthetic import write_city

DAMAGE_BYTES = 256 * 1024
"""One DuckDB block."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dikas.settings import Settings
    from dikas.sources.catalog import load_catalog
    from dikas.twin.build import build_twin

    root = tmp_path_factory.mktemp("city")
    catalog = write_city(root / "mirror")
    out = root / "twin.duckdb"
    build_twin(
        load_catalog(path=catalog),
        Settings(data_dir=root / "mirror", cache_dir=root / "cache"),
        out,
        show_progress=False,
    )
    return out


HEADER_BYTES = 3 * 4096
"""DuckDB's file header and two database headers come before the first block."""


def _grid_offset(built: Path) -> int:
    """Where the first block of the grid layer's data starts in the file."""
    import duckdb

    with duckdb.connect(str(built), read_only=True) as con:
        blocks = [
            b
            for (b,) in con.execute("SELECT block_id FROM pragma_storage_info('grid')").fetchall()
            if b is not None and b >= 0
        ]
    return HEADER_BYTES + min(blocks) * DAMAGE_BYTES


def _damaged(built: Path, folder: Path, *, at: float, length: int = DAMAGE_BYTES) -> Path:
    """A copy of the twin with ``length`` bytes overwritten from ``at`` (share of its size;
    ``0.5`` stands for the grid layer's first block, wherever the layout puts it)."""
    twin = folder / f"damaged-{at:g}.duckdb"
    shutil.copyfile(built, twin)
    size = twin.stat().st_size
    start = _grid_offset(built) if at == 0.5 else int(size * at)
    with twin.open("r+b") as handle:
        handle.seek(start)
        handle.write(b"\xa5" * min(length, size - start))
    return twin


def _is_damage_line(stderr: str, twin: Path) -> bool:
    lines = stderr.strip().splitlines()
    return (
        len(lines) >= 1
        and "Traceback" not in stderr
        and lines[-1].startswith(
            f"dikas: error: twin '{twin}' is damaged (IO Error: Corrupt database file: "
        )
        and lines[-1].endswith("); rebuild it with `dikas build`")
    )


@pytest.mark.parametrize("at", [0.5, 0.3])  # the grid's pages; the catalog's too
def test_every_command_says_one_line(
    built: Path, tmp_path: Path, at: float, capsys: pytest.CaptureFixture[str]
) -> None:
    twin = _damaged(built, tmp_path, at=at, length=DAMAGE_BYTES if at == 0.5 else 10**8)
    out = tmp_path / "grid.csv"
    for args in (
        ["info", str(twin)],
        ["export", str(twin), "--layer", "grid", "--format", "csv", "--out", str(out)],
        [
            "segregation",
            "--twin",
            str(twin),
            "--level",
            "grid",
            "--group",
            "inhabitants",
            "--total",
            "inhabitants",
        ],
        ["serve", str(twin), "--port", "1"],
    ):
        result = run_dikas(capsys, *args)
        assert result.returncode == 1, (args, result.stderr)
        assert _is_damage_line(result.stderr, twin), (args, result.stderr)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == [twin.name]


def test_server_reports_unhealthy_after_its_preload_died(built: Path, tmp_path: Path) -> None:
    twin = _damaged(built, tmp_path, at=0.5)
    settings = ApiSettings(twin_path=twin, community_path=tmp_path / "c.sqlite", preload=True)
    with TestClient(create_app(settings)) as client:
        deadline = time.monotonic() + 30
        status = client.get("/api/status")
        while status.status_code == 200 and time.monotonic() < deadline:
            time.sleep(0.05)
            status = client.get("/api/status")
        assert status.status_code == 503
        detail = status.json()["detail"]
        assert detail.startswith(
            "the server cannot serve this twin: the twin is "
            "damaged (IO Error: Corrupt database file: "
        )
        assert str(twin) not in detail  # no server path in public errors
        # requests touching the damage are 503 with the same one line, not 500s
        items = client.get("/ogc/collections/grid/items?limit=5")
        assert items.status_code == 503
        assert items.json()["detail"].startswith("the twin is damaged")
        assert str(twin) not in items.json()["detail"]  # no server path in public errors
