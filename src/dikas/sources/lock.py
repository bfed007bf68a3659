"""The lock file: what each live dataset's fetch got, so a build can be reproduced.

Live services have no pinned checksum. Every fetch records, per dataset part (a year of a
yearly layer, or the whole dataset), the URL and request, when it was made, the bytes and
sha256 of the cached file, and the server's ETag / Last-Modified. ``--frozen`` builds use
only cached files whose sha256 matches their lock entry; the build copies the entries into
the twin's provenance.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dikas.errors import ConfigError

LOCK_VERSION = 1


@dataclass(frozen=True)
class LockEntry:
    """One fetched part of a dataset."""

    dataset: str
    part: str
    """``"all"`` or the year, as text (JSON keys)."""
    url: str
    request: Mapping[str, Any]
    fetched_at: str
    bytes: int
    sha256: str
    path: str
    """The cached file, relative to the lock file's folder."""
    etag: str | None = None
    last_modified: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def fetched(self) -> dt.datetime | None:
        """``fetched_at`` as an aware datetime (``None`` when unreadable)."""
        try:
            when = dt.datetime.fromisoformat(self.fetched_at)
        except (TypeError, ValueError):
            return None
        return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


_FIELDS = frozenset(LockEntry.__dataclass_fields__)


class LockFile:
    """``dikas-lock.json`` of one catalog in the cache: dataset → part → :class:`LockEntry`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict[str, LockEntry]] = {}
        if path.is_file():
            self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            for dataset, parts in raw["datasets"].items():
                # keys a newer DikaS may add are ignored rather than making the lock unreadable
                self.entries[dataset] = {
                    part: LockEntry(**{k: v for k, v in entry.items() if k in _FIELDS})
                    for part, entry in parts.items()
                }
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(
                f"lock file {self.path}: unreadable ({exc.__class__.__name__}); "
                "delete it and fetch again"
            ) from exc

    def get(self, dataset: str, part: str) -> LockEntry | None:
        """The entry of one part, or ``None`` when it was never fetched."""
        return self.entries.get(dataset, {}).get(part)

    def parts(self, dataset: str) -> dict[str, LockEntry]:
        """Every locked part of a dataset."""
        return dict(self.entries.get(dataset, {}))

    def put(self, entry: LockEntry) -> None:
        """Record ``entry`` (replacing the part's previous one) and save atomically.

        Entries another :class:`LockFile` of the same file saved meanwhile are kept: the
        file is read again before it is written.
        """
        if self.path.is_file():
            mine, self.entries = self.entries, {}
            try:
                self._load()
            except ConfigError:  # unreadable on disk: this instance's entries win
                self.entries = {}
            for dataset, parts in mine.items():
                self.entries.setdefault(dataset, {}).update(
                    {k: v for k, v in parts.items() if k not in self.entries[dataset]}
                )
        self.entries.setdefault(entry.dataset, {})[entry.part] = entry
        self.save()

    def file(self, entry: LockEntry) -> Path | None:
        """The cached file of ``entry``; ``None`` if its path leaves the lock's folder."""
        root = self.path.parent.resolve()
        path = (root / entry.path).resolve()
        return path if path.is_relative_to(root) and path != root else None

    def __iter__(self) -> Iterator[LockEntry]:
        for parts in self.entries.values():
            yield from parts.values()

    def save(self) -> None:
        """Write the lock file atomically (temporary file, then rename)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "version": LOCK_VERSION,
            "datasets": {
                d: {p: asdict(e) for p, e in sorted(parts.items())}
                for d, parts in sorted(self.entries.items())
            },
        }
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".lock-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(body, out, indent=2, sort_keys=True)
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
