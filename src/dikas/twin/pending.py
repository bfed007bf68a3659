"""Indicator values that could not be stored because the twin stayed busy.

When another process holds a twin for longer than a command may wait, the command's computed
rows are not thrown away: they go to a Parquet side file beside the twin (or in the working
directory when the twin's folder is not writable), in the twin's own ``indicators`` columns,
and ``dikas load-indicators TWIN FILE`` stores them later.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dikas.errors import DataError

PENDING_COLUMNS = (
    "indicator",
    "level",
    "unit_id",
    "year",
    "population_group",
    "value",
    "method",
    "parameters",
    "source_layers",
    "computed_at",
    "code_version",
)
"""The columns of a side file (those of the twin's ``indicators`` table)."""


def pending_name(twin: Path) -> str:
    """``TWIN.pending-<UTC time>-<pid>.parquet``: unique per process and moment."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"{twin.name}.pending-{stamp}-{os.getpid()}.parquet"


def save_pending(twin: Path, rows: pd.DataFrame) -> Path:
    """Write ``rows`` (long indicator rows) to a side file and return its path."""
    name = pending_name(Path(twin))
    for folder in (Path(twin).parent, Path.cwd()):
        target = folder / name
        try:
            rows.to_parquet(target, index=False)
        except OSError:
            continue
        return target
    raise DataError(
        "cannot write the side file for the computed indicator values",
        path=Path(twin).parent / name,
    )


def read_pending(path: Path) -> pd.DataFrame:
    """The rows of a side file, checked to be indicator rows."""
    if not path.is_file():
        raise DataError("no such file", path=path)
    try:
        rows = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
        raise DataError(
            f"not a Parquet file of indicator values ({type(exc).__name__})", path=path
        ) from None
    missing = [c for c in PENDING_COLUMNS if c not in rows.columns]
    if missing:
        raise DataError(
            f"not a file of indicator values: no column(s) {', '.join(missing)}", path=path
        )
    return rows[list(PENDING_COLUMNS)]
