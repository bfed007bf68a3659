"""Several what-ifs on one base twin, here or on a Dask cluster.

Each scenario of a batch is independent of the others (a scenario's own edits apply one
after another, so one scenario is one task). On a cluster the base twin's bytes are
scattered to every worker once; a worker writes them to a private temporary file (once per
twin, by its sha256) and runs :func:`~dikas.scenarios.run.run_scenario` on it, so workers
need no shared file system. Results are the same as a local run's, in the given order; the
provenance names the caller's base twin path, not the worker's copy.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dikas.cluster import run_chunks
from dikas.scenarios.run import run_scenario
from dikas.scenarios.spec import Scenario, load_scenario

_TWINS: dict[str, Path] = {}
"""Twin copies a worker process has written: sha256 → file."""


def _twin_copy(content: bytes, digest: str) -> Path:
    """A private file holding the base twin's bytes (written once per process and twin)."""
    path = _TWINS.get(digest)
    if path is None or not path.is_file():
        folder = Path(tempfile.mkdtemp(prefix="dikas-batch-"))
        path = folder / f"{digest[:16]}.duckdb"
        with open(path, "wb") as handle:
            handle.write(content)
        os.chmod(path, 0o600)
        _TWINS[digest] = path
    return path


def _run_one(
    spec: Scenario,
    *,
    twin: Path | None = None,
    twin_bytes: bytes | None = None,
    twin_sha256: str = "",
    base_name: str = "",
) -> dict[str, Any]:
    """One scenario of a batch, as plain data (module level: workers import it)."""
    path = twin if twin is not None else _twin_copy(twin_bytes or b"", twin_sha256)
    result = run_scenario(path, spec).to_dict()
    result["provenance"]["base_twin"] = base_name or str(path)
    result["provenance"].pop("computed_at", None)
    return result


def run_scenarios(
    base_twin: Path | str,
    scenarios: Sequence[Path | str | Mapping[str, Any]],
    *,
    dask_address: str | None = None,
    progress: bool = True,
) -> list[dict[str, Any]]:
    """Run every scenario on ``base_twin`` (each on a fresh copy) and return their results.

    Parameters
    ----------
    scenarios
        YAML files or mappings (see :mod:`dikas.scenarios.spec`); each is checked before
        anything runs.
    dask_address
        A Dask scheduler (``tcp://host:port``): one task per scenario, the twin scattered
        once. ``None`` runs them here, one after another.
    """
    base = Path(base_twin)
    specs = [load_scenario(s) for s in scenarios]
    if dask_address is None:
        return run_chunks(
            _run_one,
            specs,
            shared={"twin": base, "base_name": str(base)},
            label="scenarios",
            progress=progress,
        )
    content = base.read_bytes()
    shared = {
        "twin_bytes": content,
        "twin_sha256": hashlib.sha256(content).hexdigest(),
        "base_name": str(base),
    }
    return run_chunks(
        _run_one,
        specs,
        shared=shared,
        dask_address=dask_address,
        label="scenarios",
        progress=progress,
    )
