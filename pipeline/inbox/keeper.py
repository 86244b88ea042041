"""Keep a mailbox watched in a background thread of a longer-lived process (the dashboard server).

``watch`` already rides out lost connections; this keeps it running past anything else: an
unexpected error is logged with its traceback, shown in the state (``crashed``, with why and when
the next try is) and ``watch`` starts again after 1 s, doubling to 60 s. ``stop`` ends it cleanly
(the IMAP connection logged out) within a fraction of a second, or a command's timeout.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from pipeline.acknowledge.sender import Acknowledger
from pipeline.inbox.intake import Intake
from pipeline.inbox.watch import MAX_PAUSE_S, MailboxState, watch

log = logging.getLogger(__name__)

Listener = Callable[[MailboxState], None]
Watch = Callable[..., MailboxState]  # ``watch``'s signature


class BackgroundWatch:
    """One mailbox's ``watch`` on a daemon thread, restarted after a crash; its latest state and
    listeners told of each change (on the watcher's thread: they must be quick)."""

    def __init__(
        self,
        intake: Intake,
        folders: tuple[str, ...],
        poll_s: float,
        acknowledger: Acknowledger | None = None,
        *,
        run: Watch = watch,
        first_pause_s: float = 1.0,
    ) -> None:
        self.intake = intake
        self.folders = folders
        self.poll_s = poll_s
        self.acknowledger = acknowledger
        self.crashes = 0  # unexpected errors since start
        self._run = run
        self._first_pause_s = first_pause_s
        self._state = MailboxState(intake.source.name)
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._keep, name=f"mailbox {self.name}", daemon=True)

    @property
    def name(self) -> str:
        return self.intake.source.name

    @property
    def state(self) -> MailboxState:
        with self._lock:
            return self._state

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def start(self) -> BackgroundWatch:
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 30.0) -> bool:
        """Ask the watcher to stop and wait for it; whether it stopped within ``timeout_s``."""
        self._stop.set()
        if self._thread.ident is not None:
            self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(state)`` on every change from now on; returns the way to stop."""
        with self._lock:
            self._listeners.append(listener)

        def unlisten() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unlisten

    def _keep(self) -> None:
        pause = self._first_pause_s
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                self._run(self.intake, self.folders, self._stop, self.poll_s, self._report, self.acknowledger)
            except Exception as error:  # a bug or a fault watch does not expect: log, show, retry
                self.crashes += 1
                if time.monotonic() - started > MAX_PAUSE_S:  # it had been running well: start over
                    pause = self._first_pause_s
                log.exception("the watcher of %s stopped on an error; again in %g s", self.name, pause)
                why = f"{type(error).__name__}: {error}; trying again in {pause:g} s"
                self._report(replace(self.state, state="crashed", error=why, waiting=0))
                self.intake.source.close()
                self._stop.wait(pause)
                pause = min(pause * 2, MAX_PAUSE_S)
        self._report(replace(self.state, state="stopped", waiting=0))

    def _report(self, state: MailboxState) -> None:
        with self._lock:
            self._state = state
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(state)
            except Exception:  # one broken page must not stop the mailbox being read
                log.exception("a listener of the mailbox %s failed", self.name)
