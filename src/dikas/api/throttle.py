"""Limits on failed sign-ins, so that guessing passwords stays slow.

Each sign-in checks a password with scrypt (deliberately dear), so unlimited attempts would
both invite guessing and let anyone keep the server's CPUs busy. Failures are counted twice
within a sliding window:

- per user name: a name with ``attempts`` recent failures is refused to every client that
  has failed recently itself, so an attacker hammering a name cannot go on; a client with no
  recent failure (the account's owner, elsewhere) may still sign in with the right password,
  so the attacker cannot lock the owner out;
- per client address: a client with ``client_attempts`` recent failures is refused for any
  name, which stops spraying one guess each across many names.

Both tables are least-recently-used maps of at most ``max_keys`` keys, each holding at most
the last ``attempts`` (``client_attempts``) failure times, so memory stays bounded however
many names or addresses are tried.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from dikas.api.errors import TooManyAttemptsError

MAX_KEYS = 10_000
"""User names (and, separately, client addresses) tracked at most; the least recently failed
are forgotten first."""


class _Failures:
    """Recent failure times per key, in an LRU map of at most ``max_keys`` keys."""

    def __init__(
        self, limit: int, window_s: float, max_keys: int, clock: Callable[[], float]
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self.max_keys = max_keys
        self._clock = clock
        self._times: OrderedDict[str, deque[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._times)

    def recent(self, key: str) -> deque[float]:
        """Failures of ``key`` within the window (oldest first); an empty one is not kept."""
        times = self._times.get(key)
        if times is None:
            return deque()
        cutoff = self._clock() - self.window_s
        while times and times[0] <= cutoff:
            times.popleft()
        if not times:
            del self._times[key]
        return times

    def add(self, key: str) -> None:
        times = self._times.get(key)
        if times is None:
            times = self._times[key] = deque(maxlen=self.limit)
        times.append(self._clock())
        self._times.move_to_end(key)
        while len(self._times) > self.max_keys:
            self._times.popitem(last=False)

    def blocked_for(self, key: str) -> float | None:
        """Seconds until ``key`` may try again, or ``None`` when it may now."""
        times = self.recent(key)
        if len(times) < self.limit:
            return None
        return times[-self.limit] + self.window_s - self._clock()


class SignInThrottle:
    """Failed sign-ins per user name and per client within a sliding window of ``window_s``."""

    def __init__(
        self,
        attempts: int,
        window_s: float,
        *,
        client_attempts: int | None = None,
        max_keys: int = MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.attempts = attempts
        self.client_attempts = client_attempts if client_attempts is not None else 2 * attempts
        self.window_s = window_s
        self._names = _Failures(attempts, window_s, max_keys, clock)
        self._clients = _Failures(self.client_attempts, window_s, max_keys, clock)
        self._lock = threading.Lock()

    @property
    def tracked(self) -> tuple[int, int]:
        """How many user names and client addresses are being tracked."""
        with self._lock:
            return len(self._names), len(self._clients)

    def check(self, username: str, client: str) -> None:
        """Refuse (429, with the seconds to wait) a sign-in the limits do not allow."""
        with self._lock:
            wait = self._clients.blocked_for(client)
            if wait is not None:
                raise TooManyAttemptsError(
                    f"too many failed sign-ins from this address; try again in {_seconds(wait)} s",
                    retry_after_s=_seconds(wait),
                )
            if not self._clients.recent(client):
                return  # a client that has not failed may always try
            wait = self._names.blocked_for(username)
            if wait is not None:
                raise TooManyAttemptsError(
                    f"too many failed sign-ins for {username!r}; try again in {_seconds(wait)} s",
                    retry_after_s=_seconds(wait),
                )

    def failed(self, username: str, client: str) -> None:
        """Count a failed sign-in."""
        with self._lock:
            self._names.add(username)
            self._clients.add(client)


def _seconds(wait: float) -> int:
    return max(1, math.ceil(wait))
