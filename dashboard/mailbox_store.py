"""One browser session's view of the mailboxes: the server watcher's state, live, and the ledger's.

The watcher tells of each change on its own thread; the change reaches the session through its
event loop (``dashboard.session``), coalesced to at most one refresh per ``DELAY_S``. A poll
every ``POLL_MS`` catches what another process (``inbox watch``) took. Only a changed status is
sent to the browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import panel as pn
import param

from dashboard import mailbox
from dashboard.mailbox_status import MailboxStatus, mailbox_status
from dashboard.session import Coalescer, session_scheduler
from pipeline.ledger import Ledger

DELAY_S = 0.25
POLL_MS = 2_000


class MailboxStore(param.Parameterized):
    """``status`` is each mailbox's state; views bind to it."""

    ledger = param.ClassSelector(
        class_=Ledger, constant=True, doc="The ledger the mailboxes' messages are in."
    )
    status = param.ClassSelector(class_=MailboxStatus, doc="Each mailbox's state, as last read.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._unlisten: Callable[[], None] | None = None
        self.refresh()
        schedule = session_scheduler(DELAY_S)
        if schedule is not None:  # served: follow until the browser session ends
            self._follow(schedule)

    def _follow(self, schedule: Callable[[Callable[[], None]], None]) -> None:
        watcher = mailbox.watching().watcher
        if watcher is not None:
            changes = Coalescer(schedule, lambda _states: self.refresh(), key=lambda state: state.mailbox)
            self._unlisten = watcher.listen(changes.put)
        pn.state.add_periodic_callback(self.refresh, period=POLL_MS)
        pn.state.on_session_destroyed(lambda _context: self.close())

    def refresh(self) -> None:
        """Read the state again; the views hear of it only if it changed."""
        status = mailbox_status(mailbox.watching(), self.ledger)
        if status != self.status:
            self.status = status

    def close(self) -> None:
        """Stop following the watcher (the session is gone)."""
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
