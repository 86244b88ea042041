"""Keep a mailbox's folders taken: sweep, wait (IDLE or polling), sweep again; reconnect after a
lost connection with a growing pause. ``MailboxState`` is what a status line or page shows."""

from __future__ import annotations

import imaplib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline.acknowledge.sender import Acknowledger
from pipeline.errors import OrderDeskError
from pipeline.events import utc_now
from pipeline.inbox.intake import Intake, Tally

_CONNECTION_ERRORS = (imaplib.IMAP4.error, OSError, OrderDeskError)
MAX_PAUSE_S = 60.0
ACTOR = "order-desk"  # who the audit trail says acknowledged an order


@dataclass(frozen=True)
class MailboxState:
    mailbox: str
    # connecting | reading | idle | polling | disconnected | stopped (and crashed: see keeper)
    state: str = "connecting"
    tally: Tally = field(default_factory=Tally)
    last_at: str = ""  # when the last message was taken (UTC, ISO)
    error: str = ""  # why the connection was lost, until it is back
    waiting: int = 0  # messages the sweep under way found and has not taken yet

    @property
    def connected(self) -> bool:
        return self.state in ("reading", "idle", "polling")

    def line(self) -> str:
        tally = self.tally
        parts = [
            f"{self.mailbox}: {self.state}",
            f"{tally.taken} taken",
            f"{tally.duplicates} duplicates",
            f"{tally.set_aside} set aside",
        ]
        if self.waiting:
            parts.append(f"{self.waiting} waiting")
        if tally.acknowledged:
            parts.append(f"{tally.acknowledged} acknowledged")
        if tally.last:
            parts.append(f"last {self.last_at[11:19]} {tally.last[:40]!r}")
        if self.error:
            parts.append(f"error: {self.error}")
        return " · ".join(parts)


class MailboxError(OrderDeskError):
    """The mailbox could not be reached or refused a command; the message names it and says why."""


def fetch_once(intake: Intake, folders: tuple[str, ...], since: date | None) -> Tally:
    """One pass over the folders (``inbox fetch``); a lost or refused connection is a ``MailboxError``
    (what was taken until then stays taken; the next pass resumes)."""
    tally = Tally()
    try:
        intake.source.connect()
        for folder in folders:
            tally.add(intake.sweep(folder, since))
    except (imaplib.IMAP4.error, OSError) as error:
        raise MailboxError(f"{intake.source.name}: {error}") from error
    finally:
        intake.source.close()
    return tally


def watch(
    intake: Intake,
    folders: tuple[str, ...],
    stop: threading.Event,
    poll_s: float,
    report: Callable[[MailboxState], None],
    acknowledger: Acknowledger | None = None,
) -> MailboxState:
    """Until ``stop``: sweep every folder, send the acknowledgements of orders approved meanwhile,
    then wait for news on the last folder (IDLE when it is the only one and the server offers it;
    so an approval is answered within ``poll_s``). Returns the last state."""
    state = MailboxState(intake.source.name)
    pause = 1.0
    while not stop.is_set():
        try:
            report(state := replace(state, state="connecting"))
            intake.source.connect()
            while not stop.is_set():
                report(state := replace(state, state="reading", error=""))
                for folder in folders:
                    found = intake.sweep(
                        folder,
                        progress=lambda tally, left, before=state: report(
                            replace(_swept(before, tally), waiting=left)
                        ),
                    )
                    state = replace(_swept(state, found), waiting=0)
                if acknowledger is not None:
                    state = _swept(state, acknowledged(acknowledger))
                pause = 1.0
                if len(folders) == 1 and intake.source.can_idle:
                    report(state := replace(state, state="idle"))
                    intake.source.idle(poll_s, stop)
                else:
                    report(state := replace(state, state="polling"))
                    stop.wait(poll_s)
        except _CONNECTION_ERRORS as error:
            report(state := replace(state, state="disconnected", error=str(error) or type(error).__name__))
            intake.source.close()
            stop.wait(pause)
            pause = min(pause * 2, MAX_PAUSE_S)
    intake.source.close()
    report(state := replace(state, state="stopped"))
    return state


def acknowledged(acknowledger: Acknowledger) -> Tally:
    """Send the waiting acknowledgements; a failure is counted and retried next time."""
    sent, errors = acknowledger.send_waiting(actor=ACTOR)
    return Tally(acknowledged=len(sent), errors=errors)


def _swept(state: MailboxState, found: Tally) -> MailboxState:
    tally = Tally()
    tally.add(state.tally)
    tally.add(found)
    last_at = utc_now().isoformat() if found.last else state.last_at
    return replace(state, tally=tally, last_at=last_at)
