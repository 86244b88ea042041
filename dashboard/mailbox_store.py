"""One browser session's view of the mailboxes: the server watcher's state, live, and the ledger's.

The watcher tells of each change on its own thread; the change reaches the session through its
event loop (``dashboard.session``), coalesced to at most one refresh per ``DELAY_S``. The
process's one ``LedgerWatch`` of the mailboxes' state catches what another process (``inbox
watch``) took. Only a changed status is sent to the browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import panel as pn
import param

from dashboard import mailbox
from dashboard.ledger_watch import shared_watch
from dashboard.mailbox_status import MailboxStatus, mailbox_status
from dashboard.session import Coalescer, session_scheduler
from pipeline.ledger import Ledger

DELAY_S = 0.25


class MailboxStore(param.Parameterized):
    """``status`` is each mailbox's state; views bind to it."""

    ledger = param.ClassSelector(
        class_=Ledger, constant=True, doc="The ledger the mailboxes' messages are in."
    )
    status = param.ClassSelector(class_=MailboxStatus, doc="Each mailbox's state, as last read.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._unlisten: list[Callable[[], None]] = []
        self.refresh()
        schedule = session_scheduler(DELAY_S)
        if schedule is not None:  # served: follow until the browser session ends
            self._follow(schedule)

    def _follow(self, schedule: Callable[[Callable[[], None]], None]) -> None:
        watcher = mailbox.watching().watcher
        if watcher is not None:
            changes = Coalescer(schedule, lambda _states: self.refresh(), key=lambda state: state.mailbox)
            self._unlisten.append(watcher.listen(changes.put))
        ledger = self.ledger
        watch = shared_watch(
            "mailboxes", str(ledger.path), lambda: mailbox_status(mailbox.watching(), ledger)
        )
        elsewhere = Coalescer(schedule, lambda _batch: self.refresh(), key=lambda _what: "ledger")
        self._unlisten.append(watch.listen(lambda: elsewhere.put("ledger")))
        pn.state.on_session_destroyed(lambda _context: self.close())

    def refresh(self) -> None:
        """Read the state again; the views hear of it only if it changed."""
        status = mailbox_status(mailbox.watching(), self.ledger)
        if status != self.status:
            self.status = status

    def close(self) -> None:
        """Stop following the watcher and the ledger (the session is gone)."""
        while self._unlisten:
            self._unlisten.pop()()
