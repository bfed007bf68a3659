"""The map app's pure modules (classification, translations, URL state) pass their own unit
tests: ``src/dikas/web/app/test/*.test.js`` under Node's built-in test runner
(``npm test``), which needs no installed packages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "src" / "dikas" / "web" / "app"


def test_the_app_modules_pass_their_node_unit_tests() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("no node for the map app's unit tests")
    result = subprocess.run(
        [node, "--experimental-detect-module", "--test", "test/"],
        cwd=APP,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
    assert "# pass 8" in result.stdout
