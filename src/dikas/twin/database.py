"""Connecting to a twin's DuckDB file with the spatial extension loaded from its wheel.

``INSTALL spatial`` would download the extension at run time; the project instead depends on
the ``duckdb-extension-spatial`` wheel of the same version and loads the file it ships.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

from dikas.errors import TwinDamagedError, TwinError
from dikas.twin.locking import is_lock_conflict, waiting_for


@cache
def spatial_extension_path() -> str:
    """Path of the spatial extension shipped by the ``duckdb-extension-spatial`` wheel."""
    import duckdb_extension_spatial

    root = Path(duckdb_extension_spatial.__file__).parent / "extensions"
    version = duckdb.__version__
    candidates = sorted(root.glob(f"v{version}/*/spatial.duckdb_extension")) or sorted(
        root.glob(f"v{version}/spatial.duckdb_extension")
    )
    if not candidates:
        raise TwinError(
            f"the duckdb-extension-spatial wheel has no build for duckdb {version}; "
            "install matching versions (see requirements.lock)"
        )
    return str(candidates[0])


def connect(
    path: Path | str | None = None, *, read_only: bool = False, wait_s: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB connection (file or in-memory) with spatial functions available.

    A file another process holds (a writer, or readers when writing) is waited for, up to
    ``wait_s`` seconds (default ``DIKAS_WRITE_WAIT_S``), see :mod:`dikas.twin.locking`.
    """
    if path is None:
        con = duckdb.connect(":memory:")
    else:
        con = waiting_for(path, lambda: _connect_file(path, read_only=read_only), wait_s=wait_s)
    con.load_extension(spatial_extension_path())
    return con


def _connect_file(path: Path | str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        if is_lock_conflict(exc):
            raise
        first = str(exc).splitlines()[0]
        if "Corrupt database file" in first:
            raise TwinDamagedError(
                f"twin {str(path)!r} is damaged ({first}); rebuild it with `dikas build`"
            ) from exc
        raise TwinError(f"twin {str(path)!r}: cannot open ({first})") from exc
