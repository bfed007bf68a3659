"""Limits on failed sign-ins, so that guessing passwords stays slow.

Each sign-in checks a password with scrypt (deliberately dear), so unlimited attempts would
both invite guessing and let anyone keep the server's CPUs busy.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from dikas.api.errors import TooManyAttemptsError

_PRUNE_ABOVE = 1000
"""Tracked user names above which names with no recent failure are forgotten."""


class SignInThrottle:
    """Failed sign-ins per user name within a sliding window of ``window_s`` seconds."""

    def __init__(self, attempts: int, window_s: float, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.attempts = attempts
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, username: str) -> None:
        """Refuse (429) a user name with ``attempts`` failures within the window."""
        with self._lock:
            recent = self._recent(username)
            if len(recent) >= self.attempts:
                wait = recent[0] + self.window_s - self._clock()
                raise TooManyAttemptsError(f"too many failed sign-ins for {username!r}; "
                                           f"try again in {max(1, round(wait))} s")

    def failed(self, username: str) -> None:
        """Count a failed sign-in."""
        with self._lock:
            self._recent(username).append(self._clock())
            if len(self._failures) > _PRUNE_ABOVE:
                for name in [n for n in self._failures if not self._recent(n)]:
                    del self._failures[name]

    def succeeded(self, username: str) -> None:
        """Forget the failures of a user name that signed in."""
        with self._lock:
            self._failures.pop(username, None)

    def _recent(self, username: str) -> deque[float]:
        failures = self._failures.setdefault(username, deque())
        while failures and failures[0] <= self._clock() - self.window_s:
            failures.popleft()
        return failures
