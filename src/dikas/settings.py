"""Runtime settings, read once from the environment (``DIKAS_`` prefix) and passed down.

Nothing here runs at import time beyond defining the class; call :func:`load_settings`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

TWIN_CRS = "EPSG:3067"
"""Every geometry in a twin is stored in ETRS-TM35FIN."""


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dikas"


@dataclass(frozen=True)
class Settings:
    """Where data comes from and how outputs protect privacy.

    Attributes
    ----------
    data_dir
        A local mirror laid out like the catalog's ``mirror_path`` entries; replaces downloading.
        ``DIKAS_DATA_DIR``.
    cache_dir
        Where fetched files are kept. ``DIKAS_CACHE_DIR``.
    min_count
        Person counts below this are never published at cell or building level
        (``DIKAS_MIN_COUNT``, default 10).
    """

    data_dir: Path | None = None
    cache_dir: Path = field(default_factory=_default_cache)
    min_count: int = 10


def load_settings(**overrides: object) -> Settings:
    """Settings from ``DIKAS_*`` environment variables, with explicit overrides winning."""
    env = os.environ
    values: dict[str, object] = {}
    if env.get("DIKAS_DATA_DIR"):
        values["data_dir"] = Path(env["DIKAS_DATA_DIR"])
    if env.get("DIKAS_CACHE_DIR"):
        values["cache_dir"] = Path(env["DIKAS_CACHE_DIR"])
    if env.get("DIKAS_MIN_COUNT"):
        values["min_count"] = int(env["DIKAS_MIN_COUNT"])
    values.update({k: v for k, v in overrides.items() if v is not None})
    if values.get("data_dir") is not None:
        values["data_dir"] = Path(str(values["data_dir"]))
    return Settings(**values)  # type: ignore[arg-type]
