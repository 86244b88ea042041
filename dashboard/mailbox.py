"""The server's mailbox watcher: ``python -m dashboard serve`` watches the mailbox the settings name
(the same ``[inbox]`` / ``ORDERDESK_INBOX_*`` settings as ``python -m pipeline inbox watch``).

It runs on a thread of its own (``pipeline.inbox.keeper``), never on the event loop, and takes
each message through the job service's runner: its jobs' events reach the pages like any
upload's. A crash is logged and retried with a growing pause; a mailbox that cannot be opened
(a missing password) is logged and shown on the Mailbox page while the rest of the server runs.
One per process, as the job service is.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from dashboard.jobs import JobService
from pipeline.context import mailbox_configured, open_acknowledger, open_intake
from pipeline.errors import OrderDeskError
from pipeline.inbox.keeper import BackgroundWatch

log = logging.getLogger(__name__)
STOP_TIMEOUT_S = 10.0  # a job under way finishes first; an IMAP command times out long before


@dataclass(frozen=True)
class Watching:
    """What this server does with the mailbox: the watcher, or why there is none."""

    watcher: BackgroundWatch | None = None
    problem: str = ""  # why a configured mailbox is not watched
    configured: bool = False


_watching = Watching()
_lock = threading.Lock()


def start(service: JobService) -> Watching:
    """Start watching the configured mailbox (if any) through ``service``'s runner."""
    global _watching
    settings = service.runner.settings
    with _lock:
        if _watching.watcher is not None:
            raise OrderDeskError("the mailbox watcher of this process is already running")
        if not mailbox_configured(settings):
            _watching = Watching()
            return _watching
        try:
            intake, folders = open_intake(service.runner)
            acknowledger = open_acknowledger(service.runner.ledger, settings)
        except OrderDeskError as error:
            log.error("the mailbox is not watched: %s", error)
            _watching = Watching(problem=str(error), configured=True)
            return _watching
        watcher = BackgroundWatch(intake, folders, settings.inbox.poll_s, acknowledger)
        _watching = Watching(watcher=watcher.start(), configured=True)
    answers = "acknowledgements on" if acknowledger else "no acknowledgements (no SMTP server)"
    log.info("watching %s of %s; %s", ", ".join(folders), watcher.name, answers)
    return _watching


def watching() -> Watching:
    """The process's mailbox watcher, or why there is none."""
    with _lock:
        return _watching


def stop(timeout_s: float = STOP_TIMEOUT_S) -> None:
    """Stop the watcher (the server is stopping); the IMAP connection is logged out."""
    global _watching
    with _lock:
        watcher, _watching = _watching.watcher, Watching()
    if watcher is None:
        return
    if watcher.stop(timeout_s):
        log.info("stopped watching %s", watcher.name)
    else:
        log.warning("the watcher of %s did not stop within %.0f s", watcher.name, timeout_s)
