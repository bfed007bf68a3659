"""Scenario runs in a child process with a wall-clock limit.

A thread cannot be stopped, so a run that takes too long would hold its slot (and a CPU)
for as long as it likes. Each run is instead a child process started by a fork server
(forking the threaded server itself is unsafe; the fork server is a clean single-threaded
process that imported :mod:`dikas.scenarios` once, so a run starts in milliseconds, not
seconds of imports). On timeout the child is killed and the request gets one line.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.spawn
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dikas.api.errors import TooLargeError
from dikas.errors import DikasError
from dikas.scenarios.spec import Scenario

_context_lock = threading.Lock()
_context: Any = None


class RunTimeoutError(TooLargeError):
    """A scenario run took longer than the server allows (413: the request costs too much)."""


def _mp_context() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["dikas.scenarios"])
            _context = context
        return _context


@contextmanager
def _without_main() -> Iterator[None]:
    """Start children without re-importing the parent's ``__main__`` (multiprocessing runs
    it in each child to find targets defined there; ours lives in this module, and the
    parent's main may be a console script, ``python -c`` or stdin, which cannot or should
    not run again)."""
    with _context_lock:
        original = multiprocessing.spawn.get_preparation_data

        def preparation(name: str) -> dict[str, Any]:
            data = original(name)
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
            return data

        multiprocessing.spawn.get_preparation_data = preparation
        try:
            yield
        finally:
            multiprocessing.spawn.get_preparation_data = original


def _child(
    connection: multiprocessing.connection.Connection, twin_path: str, spec: Scenario
) -> None:
    from dikas.scenarios import run_scenario

    try:
        result: tuple[str, Any] = ("ok", run_scenario(twin_path, spec).to_dict())
    except DikasError as exc:
        result = ("error", (type(exc).__name__, " ".join(str(exc).split())))
    except Exception as exc:
        result = ("bug", f"{type(exc).__name__}: {exc}")
    connection.send(result)
    connection.close()


class ScenarioRunError(DikasError):
    """A scenario could not be applied to the twin (the child's one-line message)."""


def run_in_child(twin_path: Path, spec: Scenario, *, timeout_s: float) -> dict[str, Any]:
    """``run_scenario(twin_path, spec).to_dict()`` in a child process, killed after
    ``timeout_s`` seconds (:class:`RunTimeoutError`)."""
    context = _mp_context()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(send, str(twin_path), spec), name="dikas-scenario", daemon=True
    )
    with _without_main():
        process.start()
    send.close()
    try:
        if not receive.poll(timeout_s):
            raise RunTimeoutError(
                f"scenario {spec.name!r} took longer than {timeout_s:g} s "
                "and was stopped; use fewer edits, or run it with "
                "`dikas scenario run`"
            )
        try:
            status, value = receive.recv()
        except EOFError:
            raise ScenarioRunError(
                f"scenario {spec.name!r}: the run process died (exit code {process.exitcode})"
            ) from None
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receive.close()
    if status == "ok":
        return value
    if status == "error":
        raise ScenarioRunError(f"scenario {spec.name!r}: {value[1]}")
    raise RuntimeError(f"scenario {spec.name!r} failed: {value}")
