"""``make docs``: the Python API reference builds offline from the docstrings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None,
    reason="mkdocs is not installed (requirements.lock pins it)",
)
def test_the_reference_builds_strictly_and_loads_nothing_from_the_network(tmp_path: Path) -> None:
    site = tmp_path / "site"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    for name in (
        "compute_access",
        "compute_equity",
        "compute_segregation",
        "compute_local_segregation",
        "compute_segregation_trend",
        "compute_heat",
        "compute_vulnerability",
        "compute_flood",
        "compute_green",
        "AccessParams",
        "IndicatorBatch",
    ):
        assert re.search(rf'id="dikas\.[a-z_.]+\.{name}"', api), name
    assert "Minutes for cumulative opportunities" in api  # a field docstring
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'src="http' not in text and '<link href="http' not in text, page
