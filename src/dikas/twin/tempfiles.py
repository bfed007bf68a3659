"""The build's temporary twin file: owned by a live process, swept once its writer is gone,
removed on SIGTERM, and a full disk reported as one line.

A build writes ``.{name}.{build_id}.tmp`` (and DuckDB's ``.tmp.wal``) beside the target and
renames it into place on success. A build killed with ``kill -9`` (or by a power cut) cannot
clean up, so each build also holds an exclusive ``flock`` on ``.{name}.{build_id}.tmp.lock``
(holding the writer's pid, for people) while it runs: the kernel drops that lock when the
process dies, however it dies. The next build beside the same target removes every temporary
file whose lock is free (or missing), and leaves those of builds still running alone.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

from dikas.errors import DikasError

LOCK_SUFFIX = ".lock"
FULL_BELOW_BYTES = 1 << 20
"""A device with less free space than this after a failed write is taken to be full."""
FRESH_LOCK_S = 5.0
"""An empty lock file younger than this is never swept (its build may be between creating
and locking it)."""


class DiskFullError(DikasError):
    """No space left on the device a twin (or an export) is being written to."""


class BuildTerminated(SystemExit):
    """A build stopped by SIGTERM after removing its temporary files (exit status 1, with
    the message on stderr, as ``sys.exit(message)`` does)."""


def temp_files(tmp: Path) -> list[Path]:
    """Every file a build writing ``tmp`` may leave: the twin, DuckDB's WAL, the lock."""
    return [tmp, tmp.with_name(tmp.name + ".wal"), tmp.with_name(tmp.name + LOCK_SUFFIX)]


def _is_held(lock: Path) -> bool:
    """Whether a live process holds ``lock`` (a missing lock file is not held)."""
    try:
        descriptor = os.open(lock, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)  # closing also releases a lock we just took
    return False


def _is_empty(lock: Path) -> bool:
    """A lock file without a pid yet: its build may not have locked it (a build writes its
    pid only once it holds the lock)."""
    try:
        return lock.stat().st_size == 0
    except FileNotFoundError:
        return False


def _age_s(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return float("inf")


def remove_stale(out: Path) -> list[Path]:
    """Remove the temporary files of builds of ``out`` whose writer process is gone; returns
    what was removed."""
    prefix = f".{out.name}."
    removed = []
    for path in sorted(out.parent.glob(f"{prefix}*.tmp*")):
        stem = path.name.split(".tmp", 1)[0] + ".tmp"  # ".{name}.{build_id}.tmp"
        tmp = path.with_name(stem)
        lock = tmp.with_name(tmp.name + LOCK_SUFFIX)
        if _is_held(lock) or (_is_empty(lock) and _age_s(lock) < FRESH_LOCK_S):
            continue  # a live build's, or one that is just taking its lock
        with suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


@contextmanager
def owned(tmp: Path) -> Iterator[None]:
    """Hold the lock that marks ``tmp`` as being written by this process, and remove every
    temporary file of it when the block ends (the target is renamed into place inside the
    block on success)."""
    lock = tmp.with_name(tmp.name + LOCK_SUFFIX)
    descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        yield
    finally:
        for leftover in temp_files(tmp)[:2]:
            with suppress(FileNotFoundError):
                leftover.unlink()
        with suppress(FileNotFoundError):
            lock.unlink()  # unlinked while still locked: no other build can take it
        os.close(descriptor)


@contextmanager
def sigterm_exits(message: str) -> Iterator[None]:
    """Turn SIGTERM into :class:`BuildTerminated` (``message``) while the block runs, so that
    ``finally`` blocks clean up before the process exits; further SIGTERMs during the
    cleanup are ignored. Outside the main thread (where Python has no signal handlers) the
    block runs unchanged."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise BuildTerminated(message)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def is_disk_full(error: BaseException, folder: Path | None = None) -> bool:
    """Whether a write failed because the device is full: an ``OSError`` saying so, a
    DuckDB or SQLite error whose text says so, or (GDAL's errors do not say why a write
    failed) any error while less than :data:`FULL_BELOW_BYTES` are left free in
    ``folder``."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(error)
    if any(
        words in text
        for words in ("No space left on device", "Disk quota exceeded", "database or disk is full")
    ):
        return True
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


def disk_full(what: str, folder: Path) -> DiskFullError:
    """The one-line error for a full device while writing ``what`` in ``folder``."""
    return DiskFullError(
        f"{what}: no space left on the device holding {folder} (nothing "
        "was changed; free some space and run it again)"
    )
