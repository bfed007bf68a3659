"""Per-client limits on costly requests: how often, and how many at once.

Scenario runs, isochrones and reports cost seconds of CPU each and need no sign-in, so each
client (its user name when it sends a valid token, else its address) gets its own sliding
window of requests, and scenario runs share a few slots of which one client holds at most
one: a single client can neither keep the server busy nor lock the others out. Refusals are
429 with a ``Retry-After`` header (:class:`RateLimitedError`).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from dikas.api.errors import BusyError

_PRUNE_ABOVE = 10_000
"""Tracked clients above which clients with no recent request are forgotten."""


class RateLimitedError(BusyError):
    """A client asked too often, or every run slot is taken; retry after ``retry_after_s``."""

    def __init__(self, message: str, *, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = max(1, math.ceil(retry_after_s))


class ClientRate:
    """At most ``requests`` requests of one kind per client within ``window_s`` seconds."""

    def __init__(
        self,
        what: str,
        requests: int,
        window_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what = what
        self.requests = requests
        self.window_s = window_s
        self._clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, client: str) -> None:
        """Count one request of ``client``, or refuse it (429) when its window is full."""
        with self._lock:
            now = self._clock()
            recent = self._recent(client, now)
            if len(recent) >= self.requests:
                wait = recent[0] + self.window_s - now
                raise RateLimitedError(
                    f"too many {self.what} from this client ({self.requests} per "
                    f"{self.window_s:g} s); try again in {max(1, math.ceil(wait))} s",
                    retry_after_s=wait,
                )
            recent.append(now)
            if len(self._seen) > _PRUNE_ABOVE:
                for name in [n for n in self._seen if not self._recent(n, now)]:
                    del self._seen[name]

    def _recent(self, client: str, now: float) -> deque[float]:
        seen = self._seen.setdefault(client, deque())
        while seen and seen[0] <= now - self.window_s:
            seen.popleft()
        return seen


class RunSlots:
    """``slots`` concurrent runs in all, at most ``per_client`` of them for one client."""

    def __init__(self, slots: int, *, per_client: int = 1, retry_after_s: float = 5.0) -> None:
        self.slots = slots
        self.per_client = per_client
        self.retry_after_s = retry_after_s
        self._running: dict[str, int] = {}
        self._lock = threading.Lock()

    @property
    def busy(self) -> int:
        """Runs in progress."""
        with self._lock:
            return sum(self._running.values())

    @contextmanager
    def hold(self, client: str) -> Iterator[None]:
        """Hold a slot for ``client`` while the block runs, or refuse (429) at once."""
        with self._lock:
            if self._running.get(client, 0) >= self.per_client:
                raise RateLimitedError(
                    "this client already has a scenario running; wait for it to finish",
                    retry_after_s=self.retry_after_s,
                )
            if sum(self._running.values()) >= self.slots:
                raise RateLimitedError(
                    "another scenario is running; try again in a moment",
                    retry_after_s=self.retry_after_s,
                )
            self._running[client] = self._running.get(client, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                self._running[client] -= 1
                if not self._running[client]:
                    del self._running[client]
