"""The committed map bundle (src/dikas/web/dist) was built from the committed sources.

``npm run build`` ends with ``stamp.mjs``, which writes one sha256 over the app's sources,
``package.json`` and ``package-lock.json`` into ``dist/SOURCES.sha256``. This test recomputes
the same hash in Python: a source edited without rebuilding the bundle fails here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "src" / "dikas" / "web" / "app"
DIST = APP.parent / "dist"


def sources_hash() -> str:
    inputs = sorted(
        [p.relative_to(APP).as_posix() for p in (APP / "src").rglob("*") if p.is_file()]
        + ["package.json", "package-lock.json"]
    )
    digest = hashlib.sha256()
    for path in inputs:
        digest.update(path.encode() + b"\n")
        digest.update((APP / path).read_bytes())
        digest.update(b"\n")
    return digest.hexdigest()


def test_committed_bundle_matches_its_sources() -> None:
    stamp = (DIST / "SOURCES.sha256").read_text().strip()
    assert stamp == sources_hash(), (
        "src/dikas/web/dist is stale: run `cd src/dikas/web/app && npm ci && npm run build`"
    )
