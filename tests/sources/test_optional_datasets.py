"""An optional dataset that cannot be had is left out with a warning; a required one stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from dikas.errors import FetchError
from dikas.settings import Settings
from dikas.sources.acquire import acquire
from dikas.sources.catalog import load_catalog
from dikas.sources.http import HttpClient

CATALOG = """
city: {{name: optional-test, title: Test, crs: EPSG:3067}}
datasets:
  - name: hazard
    title: a hazard layer
    producer: P
    licence: CC BY 4.0
    attribution: P
    format: flood_hazard
    crs: EPSG:3067
    required: {required}
    source: {{kind: wfs, url: "http://127.0.0.1:9/wfs", type_name: "x:y"}}
"""


def _catalog(tmp_path: Path, *, required: bool) -> Path:
    path = tmp_path / f"catalog-{required}.yaml"
    path.write_text(CATALOG.format(required=str(required).lower()), "utf-8")
    return path


def test_optional_dataset_left_out_with_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = load_catalog(path=_catalog(tmp_path, required=False))
    parts = acquire(
        catalog,
        Settings(cache_dir=tmp_path / "cache"),
        client=HttpClient(retries=0, timeout=2),
        show_progress=False,
    )
    assert parts == {}
    warning = capsys.readouterr().err.strip().splitlines()[-1]
    assert warning.startswith("dikas: warning: optional dataset 'hazard' left out: ")
    assert "127.0.0.1:9" in warning
    assert not (tmp_path / "cache" / "optional-test" / "hazard").exists()


def test_required_dataset_stops_with_one_line(tmp_path: Path) -> None:
    catalog = load_catalog(path=_catalog(tmp_path, required=True))
    with pytest.raises(FetchError, match=r"^dataset 'hazard', URL http://127\.0\.0\.1:9/"):
        acquire(
            catalog,
            Settings(cache_dir=tmp_path / "cache"),
            client=HttpClient(retries=0, timeout=2),
            show_progress=False,
        )
