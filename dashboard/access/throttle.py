"""Failed logins counted per client address: past a limit, further attempts are refused unchecked.

Each password check is a scrypt hash (about 50 ms, on the server's event loop), so unlimited
guessing is both a way in and a way to stall every open page. Counting by address rather than
by user name means a guesser cannot lock a colleague out of their own account; a right password
from an address clears its count.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 10  # failed logins one address may make within WINDOW_S
WINDOW_S = 300.0
SWEEP_AT = 10_000  # addresses remembered before stale ones are swept out


class TooManyLogins(Exception):
    """This address failed to log in too often; it may try again in ``retry_after_s`` seconds."""

    def __init__(self, retry_after_s: float) -> None:
        self.retry_after_s = retry_after_s
        minutes = max(1, round(retry_after_s / 60))
        super().__init__(f"too many failed logins from this address; try again in {minutes} min")


class LoginThrottle:
    """Sliding-window count of failed logins per address; thread-safe."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, address: str) -> None:
        """Raise ``TooManyLogins`` when ``address`` may not try now (before any password is hashed)."""
        with self._lock:
            recent = self._prune(address)
            if len(recent) >= self.max_failures:
                raise TooManyLogins(recent[0] + self.window_s - self._clock())

    def failed(self, address: str) -> None:
        with self._lock:
            if len(self._failures) >= SWEEP_AT:  # many addresses failing once: forget the stale
                for known in list(self._failures):
                    self._prune(known)
            self._failures.setdefault(address, deque()).append(self._clock())

    def succeeded(self, address: str) -> None:
        with self._lock:
            self._failures.pop(address, None)

    def _prune(self, address: str) -> deque[float]:
        """``address``'s failures within the window (older ones forgotten, and an address with none
        left dropped, so the table holds only addresses that failed lately)."""
        recent = self._failures.get(address, deque())
        horizon = self._clock() - self.window_s
        while recent and recent[0] <= horizon:
            recent.popleft()
        if not recent:
            self._failures.pop(address, None)
        return recent
