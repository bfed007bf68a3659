"""The code version provenance records: package version plus the git commit of a checkout."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from dikas import __version__
from dikas.code_version import code_version, git_label, version_with_label
from dikas.twin.store import Twin

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def _repo(tmp_path: Path) -> Path:
    package = tmp_path / "repo" / "src" / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("x = 1\n")
    root = tmp_path / "repo"
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "one")
    return package


def test_version_with_label_is_pep440_local() -> None:
    assert version_with_label("0.1.0", "g1a2b3c4") == "0.1.0+g1a2b3c4"
    assert version_with_label("0.1.0", "g1a2b3c4.dirty") == "0.1.0+g1a2b3c4.dirty"
    assert version_with_label("0.1.0+local", "g1a2b3c4") == "0.1.0+local.g1a2b3c4"
    assert version_with_label("0.1.0", None) == "0.1.0"


@needs_git
def test_git_label_is_the_short_commit_and_dirty_when_tracked_files_change(tmp_path: Path) -> None:
    package = _repo(tmp_path)
    sha = _git(package, "rev-parse", "--short", "HEAD")
    assert git_label(package) == f"g{sha}"
    (package.parent / "untracked.txt").write_text("new\n")  # untracked files do not count
    assert git_label(package) == f"g{sha}"
    (package / "__init__.py").write_text("x = 2\n")
    assert git_label(package) == f"g{sha}.dirty"


@needs_git
def test_untracked_package_inside_a_checkout_gets_no_label(tmp_path: Path) -> None:
    package = _repo(tmp_path)
    installed = package.parent.parent / ".venv" / "site-packages" / "pkg"
    installed.mkdir(parents=True)
    (installed / "__init__.py").write_text("x = 1\n")
    assert git_label(installed) is None


def test_no_git_repository_gets_no_label(tmp_path: Path) -> None:
    (tmp_path / "__init__.py").write_text("")
    assert git_label(tmp_path) is None


def test_code_version_starts_with_the_package_version_and_is_computed_once() -> None:
    version = code_version()
    assert version == __version__ or version.startswith(f"{__version__}+g")
    assert code_version() is version


def test_twin_build_info_and_indicator_rows_record_the_code_version(tmp_path: Path) -> None:
    with Twin.create(tmp_path / "t.duckdb", city="test", build_id="b1") as twin:
        assert twin.build_info()["code_version"] == code_version()
        twin.write_indicators(
            pd.DataFrame(
                {
                    "indicator": ["x"],
                    "level": ["areas"],
                    "unit_id": ["1"],
                    "year": [2023],
                    "value": [1.0],
                    "method": ["m"],
                }
            )
        )
        assert twin.indicators()["code_version"].tolist() == [code_version()]
