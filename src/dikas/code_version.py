"""The code version that provenance records: the package version plus the git commit.

Every twin records the code that built it (``build_info``, ``provenance``) and every indicator
row the code that computed it. The package version alone (``0.1.0``) cannot tell two builds
from a checkout apart, so when the package runs from a git checkout (an editable install or
``PYTHONPATH=src``) the version carries the commit as a PEP 440 local version label:
``0.1.0+g<short sha>``, with ``.dirty`` when tracked files differ from that commit. An
installed package (a wheel in ``site-packages``) or a machine without git gets the plain
package version; computing it never fails. The result is computed once per process.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

from dikas import __version__

GIT_TIMEOUT_S = 2.0
"""Longest wait for one git call; a slow or hanging git gives the plain version."""


def _git(folder: Path, *args: str) -> str | None:
    """Stdout of ``git -C folder args``, or ``None`` when git is missing or fails."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def git_label(folder: Path) -> str | None:
    """``g<short sha>`` (plus ``.dirty``) when ``folder``'s ``__init__.py`` is tracked by git.

    The file must be tracked, not merely inside some repository: a package installed into a
    virtual environment that itself lies in a checkout is not that checkout's code.
    """
    if _git(folder, "ls-files", "--error-unmatch", "__init__.py") is None:
        return None
    sha = _git(folder, "rev-parse", "--short", "HEAD")
    if not sha or not sha.strip():
        return None
    status = _git(folder, "status", "--porcelain", "--untracked-files=no")
    dirty = ".dirty" if status is None or status.strip() else ""
    return f"g{sha.strip()}{dirty}"


def version_with_label(version: str, label: str | None) -> str:
    """``version`` with ``label`` appended as a local version (``0.1.0+g1a2b3c4``)."""
    if not label:
        return version
    return f"{version}.{label}" if "+" in version else f"{version}+{label}"


@cache
def code_version() -> str:
    """The running code's version: ``0.1.0+g<short sha>[.dirty]`` from a checkout, else
    the package version. Computed once per process."""
    return version_with_label(__version__, git_label(Path(__file__).resolve().parent))
