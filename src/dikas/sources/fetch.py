"""Getting catalog files onto disk: mirror first, then cache, then download.

Downloads go to a temporary file that is verified against the catalog's sha256 before it is
renamed into the cache, so a failed or tampered download never leaves a file behind.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from dikas.errors import ChecksumError, FetchError, MissingDataError
from dikas.settings import Settings
from dikas.sources.acquire import FetchContext, Part
from dikas.sources.catalog import Dataset
from dikas.sources.http import HttpClient

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class Located:
    """Where a dataset's file was found and whether it was verified."""

    dataset: Dataset
    path: Path | None
    origin: str  # "mirror", "cache" or "missing"


def cache_path(dataset: Dataset, settings: Settings) -> Path:
    """The cache location of a dataset's file (same relative layout as the mirror)."""
    assert dataset.mirror_path is not None
    return settings.cache_dir / dataset.mirror_path


def locate(dataset: Dataset, settings: Settings) -> Located:
    """Find a dataset's file in the mirror or the cache without downloading."""
    if dataset.mirror_path is None:
        return Located(dataset, None, "missing")
    if settings.data_dir is not None:
        mirrored = settings.data_dir / dataset.mirror_path
        if mirrored.is_file():
            return Located(dataset, mirrored, "mirror")
    cached = cache_path(dataset, settings)
    if cached.is_file():
        return Located(dataset, cached, "cache")
    return Located(dataset, None, "missing")


def verify(dataset: Dataset, path: Path) -> None:
    """Raise :class:`ChecksumError` unless ``path`` matches the catalog's sha256."""
    if dataset.sha256 is None:
        return
    actual = sha256_of(path)
    if actual != dataset.sha256:
        raise ChecksumError(
            f"sha256 mismatch: expected {dataset.sha256[:12]}…, got {actual[:12]}… "
            "(corrupt, truncated or a different version)",
            dataset=dataset.name,
            path=path,
        )


def _download(url: str, target: Path, *, timeout: float, dataset: str) -> None:
    """Download one pinned file with the shared client (retries, resume, timeouts)."""
    HttpClient(timeout=timeout).download(url, target, dataset=dataset)


def fetch(dataset: Dataset, settings: Settings, *, timeout: float = 30.0) -> Path:
    """Return a verified local path for ``dataset``, downloading into the cache if needed."""
    found = locate(dataset, settings)
    if found.path is not None:
        verify(dataset, found.path)
        return found.path
    if not dataset.downloadable:
        raise MissingDataError(
            f"dataset {dataset.name!r}: no downloadable file; get it from "
            f"{dataset.official_service or 'its producer'}"
        )
    target = cache_path(dataset, settings)
    errors = []
    for url in dataset.urls:
        staging = target.with_name(target.name + ".download")
        try:
            _download(url, staging, timeout=timeout, dataset=dataset.name)
            verify(dataset, staging)
            os.replace(staging, target)
            return target
        except (FetchError, OSError, TimeoutError) as exc:
            errors.append(f"{url}: {exc}")
        finally:
            if staging.exists():
                staging.unlink()
    raise MissingDataError(
        f"dataset {dataset.name!r}: not in the mirror ({settings.data_dir}) or cache "
        f"({settings.cache_dir}) and download failed ({'; '.join(errors) or 'no URL'}); "
        "set DIKAS_DATA_DIR or --data-dir to a mirror"
    )


def fetch_file(dataset: Dataset, ctx: FetchContext) -> list[Part]:
    """The ``file`` source kind: the pinned, sha256-verified file as one part per dataset.

    ``--frozen`` never downloads: the file must be in the mirror or the cache already.
    """
    if ctx.frozen:
        found = locate(dataset, ctx.settings)
        if found.path is None:
            raise MissingDataError(
                f"dataset {dataset.name!r}: --frozen and the pinned file "
                "is neither in the mirror nor in the cache"
            )
        verify(dataset, found.path)
        return [Part(dataset.name, None, found.path, found.origin)]
    before = locate(dataset, ctx.settings).origin
    path = fetch(dataset, ctx.settings)
    return [Part(dataset.name, None, path, before if before != "missing" else "fetched")]
