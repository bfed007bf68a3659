"""Where each dataset of a catalog stands on this machine, without touching the network.

``dikas data list`` shows it: a pinned file is in the ``mirror``, in the ``cache`` or
``missing``; a live dataset is ``locked`` (every fetched part is in the cache with its locked
size) or only at its ``service`` (never fetched, or its cached files are gone or changed).
Cached datasets carry their age: the lock's ``fetched_at`` (the oldest part) or, for pinned
files, the file's modification time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dikas.settings import Settings
from dikas.sources.catalog import Dataset
from dikas.sources.fetch import locate
from dikas.sources.lock import LockFile


@dataclass(frozen=True)
class DatasetStatus:
    """One dataset's local state."""

    status: str
    """``mirror``, ``cache``, ``locked``, ``service`` or ``missing``."""
    fetched: dt.datetime | None = None
    """When the cached copy was fetched (``None``: not cached, or the mirror)."""
    parts: int = 0
    """Cached parts (years) of a live dataset."""
    bytes: int = 0


def format_age(fetched: dt.datetime | None, now: dt.datetime) -> str:
    """``"cached 3 d ago"`` style age of a cached copy; ``"-"`` when there is none."""
    if fetched is None:
        return "-"
    seconds = max(0.0, (now - fetched).total_seconds())
    if seconds < 60:
        return "cached just now"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"cached {int(seconds // size)} {unit} ago"
    return "cached just now"  # pragma: no cover (the loop always returns)


def dataset_status(dataset: Dataset, settings: Settings, lock: LockFile) -> DatasetStatus:
    """The local state of ``dataset`` (sizes are compared, checksums are not recomputed)."""
    if not dataset.source.live:
        found = locate(dataset, settings)
        if found.path is None:
            return DatasetStatus("missing")
        size = found.path.stat().st_size
        if found.origin == "mirror":
            return DatasetStatus("mirror", bytes=size)
        mtime = dt.datetime.fromtimestamp(found.path.stat().st_mtime, dt.UTC)
        return DatasetStatus("cache", fetched=mtime, parts=1, bytes=size)
    entries = list(lock.parts(dataset.name).values())
    intact = []
    for entry in entries:
        path = lock.file(entry)
        if path is None or not path.is_file() or path.stat().st_size != entry.bytes:
            break
        intact.append(entry)
    if not entries or len(intact) != len(entries):
        return DatasetStatus("service")
    times = [e.fetched for e in entries if e.fetched is not None]
    return DatasetStatus(
        "locked",
        fetched=min(times) if times else None,
        parts=len(entries),
        bytes=sum(e.bytes for e in entries),
    )
