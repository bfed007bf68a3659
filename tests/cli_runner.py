"""Run the ``dikas`` command line in-process, as a user would call it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dikas.cli.main import main


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_dikas(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """Call ``dikas ARGS`` and return its exit code and captured output."""
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
