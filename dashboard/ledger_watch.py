"""Changes other processes make to the ledger, noticed once per process and told to every session.

The review queue and the mailbox view show what the CLI, ``inbox watch`` or another server process
changed. Polling SQLite from each browser session put one query per session every two seconds on
the event loop every page shares; here one daemon thread per watched value reads it every
``PERIOD_S`` and calls the listeners only when it moved. Listeners run on that thread: sessions
hand the call to their own loop (``dashboard.session.Coalescer``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

PERIOD_S = 2.0  # changes made by another process show within this; this process's own at once
Listener = Callable[[], None]


class LedgerWatch:
    """Calls its listeners whenever ``read()`` returns something new; the thread runs while any listen."""

    def __init__(self, name: str, read: Callable[[], object], period_s: float = PERIOD_S) -> None:
        self.name = name
        self._read = read
        self._period_s = period_s
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._stop: threading.Event | None = None
        self._last: object = None

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener()`` after each change from now on; returns the call that stops it."""
        with self._lock:
            self._listeners.append(listener)
            if self._stop is None:
                self._last = self._safe_read()
                self._stop = threading.Event()
                thread = threading.Thread(target=self._run, args=(self._stop,), name=self.name, daemon=True)
                thread.start()

        def unlisten() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
                if not self._listeners and self._stop is not None:
                    self._stop.set()
                    self._stop = None

        return unlisten

    @property
    def running(self) -> bool:
        """Whether the watching thread runs (someone listens)."""
        return self._stop is not None

    def check(self) -> bool:
        """Read once; tell the listeners and answer True if the value moved."""
        value = self._safe_read()
        with self._lock:
            if value is None or value == self._last:
                return False
            self._last = value
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener()
            except Exception:  # one broken session must not starve the others
                log.exception("%s: a listener failed", self.name)
        return True

    def _run(self, stop: threading.Event) -> None:
        while not stop.wait(self._period_s):
            self.check()

    def _safe_read(self) -> object:
        try:
            return self._read()
        except Exception:  # a locked or vanished ledger: try again next period, say why once here
            log.exception("%s: cannot read the ledger", self.name)
            return None


_watches: dict[tuple[str, str], LedgerWatch] = {}
_watches_lock = threading.Lock()


def shared_watch(kind: str, ledger_path: str, read: Callable[[], object]) -> LedgerWatch:
    """The process's one watch of ``kind`` on the ledger at ``ledger_path`` (made on first ask)."""
    with _watches_lock:
        watch = _watches.get((kind, ledger_path))
        if watch is None:
            watch = _watches[(kind, ledger_path)] = LedgerWatch(f"ledger-watch:{kind}", read)
        return watch
