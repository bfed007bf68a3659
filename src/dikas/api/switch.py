"""Serving a twin that commands keep writing to: private snapshots, switched between requests.

The server never keeps the twin itself open (DuckDB's lock would make every command storing
results fail). It serves a private copy (:func:`dikas.twin.snapshot.copy_snapshot`, made
under a shared lock so it is consistent) and checks every ``DIKAS_SNAPSHOT_CHECK_S`` seconds
(default 2) whether the twin's file has changed (written to, or replaced by ``dikas build``).
Then it copies it again, loads the new copy's map layers in the background, and only then
switches: requests that started on the old snapshot finish on it, new ones get the new one,
and the old copy is closed and deleted when its last request ends. Every cache (tiles,
feature indexes, memoized results, networks) lives in the snapshot's
:class:`~dikas.api.context.ApiContext`, so nothing stale survives the switch.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from dikas.api.context import ApiContext
from dikas.api.settings import ApiSettings
from dikas.errors import ParameterError
from dikas.twin.snapshot import Stamp, copy_snapshot, remove_snapshot, stamp

DEFAULT_CHECK_S = 2.0
"""How often the twin's file is checked for changes (``DIKAS_SNAPSHOT_CHECK_S``)."""

log = logging.getLogger(__name__)


def check_seconds() -> float:
    """``DIKAS_SNAPSHOT_CHECK_S`` (default 2 s; 0 turns watching off)."""
    raw = os.environ.get("DIKAS_SNAPSHOT_CHECK_S", "").strip()
    if not raw:
        return DEFAULT_CHECK_S
    try:
        value = float(raw)
    except ValueError:
        raise ParameterError(f"DIKAS_SNAPSHOT_CHECK_S={raw!r} is not a number of seconds") from None
    if value < 0:
        raise ParameterError(f"DIKAS_SNAPSHOT_CHECK_S={raw!r} must not be negative")
    return value


class TwinSwitch:
    """The context of the snapshot being served, and switching to newer ones.

    ``on_switch`` is called with each new context once it serves (the app keeps
    ``app.state.context`` pointing at the current one).
    """

    def __init__(
        self, settings: ApiSettings, *, on_switch: Callable[[ApiContext], None] | None = None
    ) -> None:
        self.settings = settings
        self._folder = Path(tempfile.mkdtemp(prefix="dikas-serve-"))
        # an app never started (or not stopped) still leaves no copies behind
        weakref.finalize(self, shutil.rmtree, self._folder, True)
        self._lock = threading.Lock()
        self._switching = threading.Lock()
        self._generation = 0
        self.on_switch = on_switch
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self.switches = 0
        """How many times a newer snapshot replaced the served one."""
        self.last_error: str | None = None
        """Why the last attempt to switch failed (the old snapshot kept serving)."""
        try:
            file, self._stamp = self._copy()
            self.current = ApiContext(settings, twin_file=file)
        except BaseException:
            shutil.rmtree(self._folder, ignore_errors=True)
            raise

    def _copy(self) -> tuple[Path, Stamp]:
        self._generation += 1
        target = self._folder / f"snapshot-{self._generation}.duckdb"
        return target, copy_snapshot(self.settings.twin_path, target)

    # -- requests --------------------------------------------------------------------------
    def acquire(self) -> ApiContext:
        """The current context, held until :meth:`release` (one per request or task)."""
        with self._lock:
            context = self.current
            context.users += 1
            return context

    def release(self, context: ApiContext) -> None:
        """A request or task is done with ``context``; a retired one closes when unused."""
        with self._lock:
            context.users -= 1
            done = context.retired and context.users <= 0
        if done:
            self._dispose(context)

    def run(self, context: ApiContext, task: Callable[[], None]) -> None:
        """Run ``task`` holding ``context`` (background work such as preloading)."""
        with self._lock:
            context.users += 1
        try:
            task()
        finally:
            self.release(context)

    def _dispose(self, context: ApiContext) -> None:
        try:
            context.close()
        finally:
            remove_snapshot(context.twin_file)

    # -- switching -------------------------------------------------------------------------
    def changed(self) -> bool:
        """Whether the twin's file differs from the served snapshot's (a missing file, as
        between a build's steps, is not a change yet)."""
        now = stamp(self.settings.twin_path)
        return now is not None and now != self._stamp

    def refresh(self) -> bool:
        """Switch to a new snapshot if the twin changed; whether it switched.

        The new snapshot's layers are loaded before it serves (when the server preloads),
        so no request waits for them; a twin that cannot be served (damaged, not a twin) is
        logged and the old snapshot keeps serving.
        """
        with self._switching:
            if self._stop.is_set() or not self.changed():
                return False
            file, copied = self._copy()
            try:
                fresh = ApiContext(self.settings, twin_file=file, previous=self.current)
                if self.settings.preload:
                    fresh.status["seeding"] = bool(self.settings.seed_tiles)
                    fresh.load_layers()
            except Exception as exc:
                self._stamp = copied  # tried; wait for the next change
                self.last_error = " ".join(str(exc).split()) or type(exc).__name__
                log.exception(
                    "the changed twin cannot be served; the previous snapshot keeps serving"
                )
                remove_snapshot(file)
                return False
            with self._lock:
                old, self.current = self.current, fresh
                self._stamp = copied
                old.retired = True
                idle = old.users <= 0
                self.switches += 1
                self.last_error = None
            if self.on_switch is not None:
                self.on_switch(fresh)
            if idle:
                self._dispose(old)
            if self.settings.preload:
                threading.Thread(
                    target=self.run, args=(fresh, fresh.preload), name="dikas-seed", daemon=True
                ).start()
            return True

    def watch(self, every_s: float) -> None:
        """Check for a changed twin every ``every_s`` seconds in a background thread."""
        if every_s <= 0 or self._watcher is not None:
            return

        def loop() -> None:
            while not self._stop.wait(every_s):
                try:
                    self.refresh()
                except Exception:
                    log.exception("checking the twin for changes failed")

        self._watcher = threading.Thread(target=loop, name="dikas-twin-watch", daemon=True)
        self._watcher.start()

    def close(self) -> None:
        """Stop watching, close the served snapshot and delete the copies."""
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=30)
        with self._switching, self._lock:
            context = self.current
            context.retired = True
        try:
            context.close()
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)
