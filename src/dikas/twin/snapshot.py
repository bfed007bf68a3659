"""A consistent private copy of a twin, and how to tell that the twin has changed since.

A server that kept the twin open would hold DuckDB's lock on it for as long as it runs, and
every command storing results would fail. Instead, the server copies the file while holding
a shared ``fcntl`` lock on it, the same kind of lock DuckDB's readers take (so no writer is
mid-transaction while it copies, and a writer waits only as long as the copy takes), and
serves the copy. The twin's :class:`Stamp` (device, inode, size, modification time) says
when it has been written to or replaced (``dikas build`` renames a new file into place), so
the server can take a new copy and switch to it.
"""

from __future__ import annotations

import fcntl
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from dikas.twin.locking import waiting_for

COPY_CHUNK = 64 * 2**20


@dataclass(frozen=True)
class Stamp:
    """What changes when a file is written to or replaced."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, status: os.stat_result) -> Stamp:
        """The stamp of a ``stat`` result."""
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def stamp(path: Path) -> Stamp | None:
    """The file's stamp now, ``None`` while it does not exist (between a build's unlink and
    rename on some systems)."""
    try:
        return Stamp.of(os.stat(path))
    except FileNotFoundError:
        return None


def _holder(descriptor: int) -> str:
    """Who holds a conflicting lock on the file (``F_GETLK``): ``PID n, program``."""
    try:
        query = struct.pack("@hhqqi4x", fcntl.F_RDLCK, os.SEEK_SET, 0, 0, 0)
        answer = fcntl.fcntl(descriptor, fcntl.F_GETLK, query)
        kind, _, _, _, pid = struct.unpack("@hhqqi4x", answer)
        if kind == fcntl.F_UNLCK:
            return "another process"
        program = Path(f"/proc/{pid}/comm").read_text().strip()
        return f"PID {pid}, {program}"
    except (OSError, struct.error):
        return "another process"


def _copy(source: int, target: Path) -> None:
    size = os.fstat(source).st_size
    with open(target, "wb") as out:
        offset = 0
        while offset < size:
            sent = os.sendfile(out.fileno(), source, offset, min(COPY_CHUNK, size - offset))
            if sent == 0:
                break
            offset += sent


def copy_snapshot(path: Path, target: Path, *, wait_s: float | None = None) -> Stamp:
    """Copy the twin at ``path`` (and a DuckDB WAL beside it) to ``target`` while no writer
    holds it; returns the stamp of the file copied. Waits for a writer like opening a twin
    does (:func:`dikas.twin.locking.waiting_for`).

    The copy is made from the open file, so a build renaming a new twin into place during
    the copy changes nothing about it; the stamp is that of the file actually copied.
    """
    descriptor = os.open(path, os.O_RDONLY)
    try:

        def lock() -> None:
            fcntl.lockf(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)

        waiting_for(
            path,
            lock,
            wait_s=wait_s,
            is_busy=lambda exc: isinstance(exc, BlockingIOError | PermissionError),
            holder=lambda exc: _holder(descriptor),
        )
        copied = Stamp.of(os.fstat(descriptor))
        _copy(descriptor, target)
        wal = path.with_name(path.name + ".wal")
        wal_target = target.with_name(target.name + ".wal")
        try:
            wal_descriptor = os.open(wal, os.O_RDONLY)
        except FileNotFoundError:
            wal_target.unlink(missing_ok=True)
        else:
            try:
                _copy(wal_descriptor, wal_target)
            finally:
                os.close(wal_descriptor)
        return copied
    finally:
        os.close(descriptor)  # releases the lock


def remove_snapshot(target: Path) -> None:
    """Delete a copy and its WAL."""
    target.unlink(missing_ok=True)
    target.with_name(target.name + ".wal").unlink(missing_ok=True)
