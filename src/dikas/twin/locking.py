"""Waiting for a twin another process holds, instead of failing after the work is done.

DuckDB lets one process write a database file, or any number of processes read it, and
refuses the others at once ("Could not set lock on file … Conflicting lock is held in …
(PID n)"). A command that computed for minutes and then finds the twin busy (another command
storing its results, or a reader) must not lose its work: opening a twin retries with
growing, jittered pauses (so that writers started together do not retry in step) for up to
``DIKAS_WRITE_WAIT_S`` seconds, saying on stderr who holds it.
"""

from __future__ import annotations

import fcntl
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb

from dikas.errors import ParameterError, TwinError

T = TypeVar("T")

DEFAULT_WAIT_S = 120.0
"""How long opening a busy twin waits by default (``DIKAS_WRITE_WAIT_S``)."""
LOCK_MESSAGE = "Could not set lock on file"
"""What DuckDB says when another process holds the file."""
FIRST_PAUSE_S = 0.05
LONGEST_PAUSE_S = 1.0
NOTE_EVERY_S = 10.0
"""The "waiting for the twin" line is repeated this often while waiting."""

_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


class TwinBusyError(TwinError):
    """The twin stayed held by another process for longer than the wait allowed."""

    def __init__(self, message: str, *, holder: str) -> None:
        super().__init__(message)
        self.holder = holder


def wait_seconds() -> float:
    """Seconds to wait for a busy twin: ``DIKAS_WRITE_WAIT_S`` (default 120)."""
    raw = os.environ.get("DIKAS_WRITE_WAIT_S", "").strip()
    if not raw:
        return DEFAULT_WAIT_S
    try:
        value = float(raw)
    except ValueError:
        raise ParameterError(f"DIKAS_WRITE_WAIT_S={raw!r} is not a number of seconds") from None
    if value < 0:
        raise ParameterError(f"DIKAS_WRITE_WAIT_S={raw!r} must not be negative")
    return value


def is_lock_conflict(error: BaseException) -> bool:
    """Whether a DuckDB error means another process holds the file."""
    return isinstance(error, duckdb.IOException) and LOCK_MESSAGE in str(error)


def holder_of(error: BaseException) -> str:
    """Who holds the twin, from DuckDB's message: ``PID 123, python3.11``."""
    match = _HOLDER.search(str(error))
    if match is None:
        return "another process"
    return f"PID {match['pid']}, {Path(match['program']).name}"


def waiting_for(
    path: Path | str,
    attempt: Callable[[], T],
    *,
    wait_s: float | None = None,
    is_busy: Callable[[BaseException], bool] = is_lock_conflict,
    holder: Callable[[BaseException], str] = holder_of,
) -> T:
    """``attempt()``, retried while it fails because another process holds ``path``.

    Pauses grow from 50 ms to 1 s with jitter; a line "waiting for the twin … (held by …)"
    goes to stderr at the first conflict and every 10 s. After ``wait_s`` seconds (default
    :func:`wait_seconds`) a :class:`TwinBusyError` names the holder.
    """
    limit = wait_seconds() if wait_s is None else wait_s
    deadline = time.monotonic() + limit
    pause = FIRST_PAUSE_S
    noted = -NOTE_EVERY_S
    while True:
        try:
            return attempt()
        except Exception as exc:
            if not is_busy(exc):
                raise
            who = holder(exc)
            now = time.monotonic()
            if now >= deadline:
                raise TwinBusyError(
                    f"twin {str(path)!r}: still held by {who} after waiting "
                    f"{limit:g} s (set DIKAS_WRITE_WAIT_S to wait longer)",
                    holder=who,
                ) from None
            if now - noted >= NOTE_EVERY_S:
                print(
                    f"· waiting for the twin {path} … (held by {who})", file=sys.stderr, flush=True
                )
                noted = now
            time.sleep(min(pause * random.uniform(0.5, 1.0), max(deadline - now, 0.0)))
            pause = min(pause * 2, LONGEST_PAUSE_S)


@contextmanager
def held_exclusively(path: Path, *, wait_s: float | None = None) -> Iterator[None]:
    """Hold ``path`` the way a DuckDB writer does (an exclusive ``fcntl`` lock), waiting
    for readers and writers to finish, e.g. while ``dikas build`` renames a new twin over
    it (a command storing results in the old file finishes first, instead of writing into
    a file that is about to be unlinked). A missing file needs no lock."""
    try:
        descriptor = os.open(path, os.O_RDWR)
    except (FileNotFoundError, PermissionError):  # nothing to replace, or not ours to lock
        yield
        return
    try:
        waiting_for(
            path,
            lambda: fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB),
            wait_s=wait_s,
            is_busy=lambda exc: isinstance(exc, BlockingIOError | PermissionError),
            holder=lambda exc: "another process",
        )
        yield
    finally:
        os.close(descriptor)  # releases the lock
