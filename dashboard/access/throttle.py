"""What the server remembers of logins: failures per address and user name (past a limit, further
attempts are refused unchecked), and Basic credentials it has verified lately.

Each password check is a scrypt hash (about 50 ms, on the server's event loop), so unlimited
guessing is both a way in and a way to stall every open page. Failures count per client address
(``dashboard.access.addresses``) and name tried: a guesser elsewhere cannot lock a colleague out
of their own account, and where many people share one address (a proxy not configured as
trusted, an office's NAT) a guesser locks out only the names guessed, never everyone. A right
password clears the count of its address and name.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 10  # failed logins one address may make within WINDOW_S
VERIFIED_S = 300.0  # how long verified Basic credentials are taken without a new hash
MAX_VERIFIED = 1_000
WINDOW_S = 300.0
SWEEP_AT = 10_000  # addresses remembered before stale ones are swept out


class TooManyLogins(Exception):
    """This address failed to log in too often; it may try again in ``retry_after_s`` seconds."""

    def __init__(self, retry_after_s: float) -> None:
        self.retry_after_s = retry_after_s
        minutes = max(1, round(retry_after_s / 60))
        wait = f"try again in {minutes} min"
        super().__init__(f"too many failed logins for this name from this address; {wait}")


class LoginThrottle:
    """Sliding-window count of failed logins per address and user name; thread-safe."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, address: str, user: str = "") -> None:
        """Raise ``TooManyLogins`` when ``user`` may not try from ``address`` now (before any password
        is hashed); ``user`` is empty for an API token."""
        with self._lock:
            recent = self._prune((address, user.casefold()))
            if len(recent) >= self.max_failures:
                raise TooManyLogins(recent[0] + self.window_s - self._clock())

    def record(self, address: str, succeeded: bool, user: str = "") -> None:
        """Count a failed login of ``user`` from ``address``; a right one clears its count."""
        key = (address, user.casefold())
        with self._lock:
            if succeeded:
                self._failures.pop(key, None)
                return
            if len(self._failures) >= SWEEP_AT:  # many addresses failing once: forget the stale
                for known in list(self._failures):
                    self._prune(known)
            self._failures.setdefault(key, deque()).append(self._clock())

    def _prune(self, key: tuple[str, str]) -> deque[float]:
        """``key``'s failures within the window (older ones forgotten, and a key with none left
        dropped, so the table holds only what failed lately)."""
        recent = self._failures.get(key, deque())
        horizon = self._clock() - self.window_s
        while recent and recent[0] <= horizon:
            recent.popleft()
        if not recent:
            self._failures.pop(key, None)
        return recent


class VerifiedCredentials:
    """Basic credentials verified within ``VERIFIED_S``, by digest: a script sending them with each
    request (a long-polling follower asks once per event) costs one scrypt hash, not one a request.
    Only right credentials are kept, and only their SHA-256; thread-safe."""

    def __init__(self, ttl_s: float = VERIFIED_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_s = ttl_s
        self._clock = clock
        self._names: dict[bytes, tuple[str, float]] = {}  # digest -> (user name, expiry)
        self._lock = threading.Lock()

    def name(self, credentials: str) -> str | None:
        """The user these credentials were verified for lately, else None."""
        with self._lock:
            found = self._names.get(_digest(credentials))
        return found[0] if found and found[1] > self._clock() else None

    def remember(self, credentials: str, name: str) -> None:
        with self._lock:
            if len(self._names) >= MAX_VERIFIED:
                now = self._clock()
                self._names = {key: kept for key, kept in self._names.items() if kept[1] > now}
                if len(self._names) >= MAX_VERIFIED:
                    self._names.clear()
            self._names[_digest(credentials)] = (name, self._clock() + self.ttl_s)


def _digest(credentials: str) -> bytes:
    return hashlib.sha256(credentials.encode("utf-8")).digest()
