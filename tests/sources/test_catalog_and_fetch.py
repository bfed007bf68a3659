"""The catalog is complete and consistent, and fetching verifies checksums."""

from __future__ import annotations

from pathlib import Path

import pytest

from dikas.errors import ChecksumError, ConfigError, MissingDataError
from dikas.settings import Settings
from dikas.sources.catalog import load_catalog
from dikas.sources.fetch import fetch, locate, sha256_of


def test_helsinki_catalog_names_source_licence_and_checksum_for_every_file() -> None:
    catalog = load_catalog("helsinki-demo")
    assert catalog.crs == "EPSG:3067"
    files = [d for d in catalog.datasets if d.downloadable]
    assert len(files) == 14
    for dataset in files:
        assert len(dataset.sha256 or "") == 64
        assert all(u.startswith("https://") for u in dataset.urls)
        assert dataset.licence in {"CC BY 4.0", "ODbL 1.0"}
        assert dataset.attribution and dataset.official_service
    assert {d.years[0] for d in catalog.by_format("paavo")} == {2020, 2021, 2022, 2023}
    # flood hazard is a named service without a file
    assert not catalog["syke_flood_hazard"].downloadable


@pytest.mark.integration
def test_mirror_files_match_catalog_checksums(data_dir: Path) -> None:
    catalog = load_catalog("helsinki-demo")
    settings = Settings(data_dir=data_dir, cache_dir=Path("/nonexistent"))
    for dataset in (d for d in catalog.datasets if d.downloadable):
        found = locate(dataset, settings)
        assert found.origin == "mirror", dataset.name
        assert sha256_of(found.path) == dataset.sha256


def test_wrong_checksum_is_rejected_naming_dataset_and_file(tmp_path: Path) -> None:
    from tests.synthetic import write_city

    catalog_path = write_city(tmp_path / "mirror")
    catalog = load_catalog(path=catalog_path)
    target = tmp_path / "mirror" / "paavo" / "paavo_2023.geojson"
    target.write_bytes(target.read_bytes()[:-50])  # truncated
    settings = Settings(data_dir=tmp_path / "mirror", cache_dir=tmp_path / "cache")
    with pytest.raises(ChecksumError, match=r"dataset 'paavo_2023', file .*paavo_2023.geojson"):
        fetch(catalog["paavo_2023"], settings)


def test_missing_file_without_network_names_the_mirror_setting(tmp_path: Path) -> None:
    from tests.synthetic import write_city

    catalog = load_catalog(path=write_city(tmp_path / "mirror"))
    settings = Settings(data_dir=tmp_path / "elsewhere", cache_dir=tmp_path / "cache")
    with pytest.raises(MissingDataError, match="DIKAS_DATA_DIR"):
        fetch(catalog["grid"], settings, timeout=1)
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]  # nothing partial


def test_cached_file_is_used_and_verified(tmp_path: Path) -> None:
    from tests.synthetic import write_city

    catalog = load_catalog(path=write_city(tmp_path / "mirror"))
    cache = tmp_path / "cache"
    (cache / "grid").mkdir(parents=True)
    (cache / "grid" / "grid.gpkg").write_bytes((tmp_path / "mirror/grid/grid.gpkg").read_bytes())
    settings = Settings(data_dir=None, cache_dir=cache)
    assert fetch(catalog["grid"], settings) == cache / "grid" / "grid.gpkg"


def test_bad_catalog_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("city: {name: x}\ndatasets:\n  - {name: a}\n", "utf-8")
    with pytest.raises(ConfigError, match="lacks"):
        load_catalog(path=path)
    with pytest.raises(ConfigError, match="no catalog for city"):
        load_catalog("atlantis")


@pytest.fixture
def served_mirror(tmp_path: Path):
    """The synthetic mirror served over HTTP on 127.0.0.1 (no traffic leaves the machine)."""
    import functools
    import http.server
    import threading

    from tests.synthetic import write_city

    mirror = tmp_path / "served"
    write_city(mirror)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(mirror))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield mirror, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetch_downloads_verifies_and_caches(
    served_mirror: tuple[Path, str], tmp_path: Path
) -> None:
    from dataclasses import replace

    mirror, base_url = served_mirror
    catalog = load_catalog(path=mirror / "catalog.yaml")
    dataset = replace(
        catalog["grid"], urls=(f"{base_url}/missing.gpkg", f"{base_url}/grid/grid.gpkg")
    )
    settings = Settings(data_dir=None, cache_dir=tmp_path / "cache")
    path = fetch(dataset, settings)
    assert path == tmp_path / "cache" / "grid" / "grid.gpkg"
    assert sha256_of(path) == sha256_of(mirror / "grid" / "grid.gpkg") == dataset.sha256
    assert locate(dataset, settings).origin == "cache"


def test_fetch_rejects_a_download_with_the_wrong_checksum(
    served_mirror: tuple[Path, str], tmp_path: Path
) -> None:
    from dataclasses import replace

    mirror, base_url = served_mirror
    catalog = load_catalog(path=mirror / "catalog.yaml")
    dataset = replace(catalog["grid"], urls=(f"{base_url}/grid/grid.gpkg",), sha256="0" * 64)
    settings = Settings(data_dir=None, cache_dir=tmp_path / "cache")
    with pytest.raises(ChecksumError, match="sha256 mismatch"):
        fetch(dataset, settings)
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
