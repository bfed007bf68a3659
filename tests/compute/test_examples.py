"""The worked examples in docs/examples run as written and print the CLI's stored values.

Each example shows the command (```bash), the Python calls (```python) and what they print
on the demo twin (```text). The test runs the commands through the CLI on a copy of the
demo twin, executes the Python blocks in order in one namespace, and checks that the output
is exactly the documented one and that the labelled numbers equal the stored indicators.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest

import dikas
from tests.cli_runner import run_dikas

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
TWIN_NAME = "twin.duckdb"

STORED = {
    # example → printed label → the stored indicator it must equal (indicator, level, unit)
    "segregation": {
        "dissimilarity": ("segregation_dissimilarity", "city", "all"),
        "isolation": ("segregation_isolation", "city", "all"),
        "spatial dissimilarity": ("segregation_spatial_dissimilarity", "city", "all"),
    },
    "climate": {
        "00100 heat index": ("vulnerability_heat", "areas", "00100"),
        "00100 from the parts": ("vulnerability_heat", "areas", "00100"),
    },
    "access": {"00100 mean walk": ("access_walk_nearest_1_grocery", "areas", "00100")},
}


def blocks(path: Path) -> list[tuple[str, str]]:
    """The fenced blocks of a Markdown file: ``(language, text)`` in order."""
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(path.read_text(encoding="utf-8"))]


def run_example(path: Path, twin: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the example's commands and Python blocks on ``twin``; returns what Python printed."""
    printed = io.StringIO()
    namespace: dict[str, object] = {}
    for language, text in blocks(path):
        text = text.replace(TWIN_NAME, str(twin))
        if language == "bash":
            for line in text.splitlines():
                args = shlex.split(line.replace("lisa.gpkg", str(twin.with_name("lisa.gpkg"))))
                assert args[0] == "dikas"
                result = run_dikas(capsys, *args[1:])
                assert result.returncode == 0, result.stderr
        elif language == "python":
            with contextlib.redirect_stdout(printed):
                exec(compile(text, f"{path.name}", "exec"), namespace)
    return printed.getvalue()


@pytest.mark.parametrize("name", sorted(STORED))
def test_example_prints_what_it_documents_and_the_stored_values(
    name: str, helsinki_twin: Path, tmp_path: Path, capsys
) -> None:
    twin = tmp_path / TWIN_NAME
    shutil.copyfile(helsinki_twin, twin)
    path = EXAMPLES / f"{name}.md"
    output = run_example(path, twin, capsys)
    documented = [text for language, text in blocks(path) if language == "text"][-1]
    assert output == documented
    lines = dict(line.split(": ", 1) for line in output.splitlines() if ": " in line)
    with dikas.open(str(twin)) as opened:
        for label, (indicator, level, unit) in STORED[name].items():
            rows = opened.indicators(indicator=indicator, level=level)
            value = float(rows.set_index("unit_id").loc[unit, "value"])
            shown = lines[label].split()[0].rstrip(",")
            assert shown == f"{value:.4f}", label
