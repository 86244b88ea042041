"""Each mailbox's state as the desk sees it: the server's watcher (live) beside the ledger's record
of every mailbox folder (what any watcher, this server's or ``inbox watch``'s, took from it).

One reading for the Mailbox page, the process page's summary and ``GET /api/mailbox``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from dashboard.mailbox import Watching
from pipeline.inbox.claims import MailClaims, MailRecord
from pipeline.inbox.watch import MailboxState
from pipeline.ledger import Ledger

NEEDS_PERSON_SHOWN = 10  # the newest messages set aside, with their reasons


@dataclass(frozen=True)
class MailboxRow:
    """One mailbox: live state if this server watches it, else what the ledger knows."""

    mailbox: str
    state: str  # MailboxState.state, or "not watched here"
    connected: bool
    waiting: int  # messages found and not taken yet
    last_at: str  # when the newest message was taken or seen (UTC, ISO)
    last_subject: str
    taken: int  # all time, from the ledger
    duplicates: int
    needs_person: int
    acknowledged: int  # since this server started
    error: str  # why the connection is down or the watcher crashed, until it is back
    recent_errors: list[str] = field(default_factory=list)  # messages set aside since the start
    crashes: int = 0


@dataclass(frozen=True)
class MailboxStatus:
    configured: bool
    problem: str  # why a configured mailbox is not watched
    mailboxes: list[MailboxRow]
    needs_person: list[MailRecord]  # the newest set aside, newest first

    def to_dict(self) -> dict[str, Any]:
        return {
            "configured": self.configured,
            "problem": self.problem,
            "mailboxes": [asdict(row) for row in self.mailboxes],
            "needs_person": [_needs_person_json(record) for record in self.needs_person],
        }


def mailbox_status(watching: Watching, ledger: Ledger) -> MailboxStatus:
    """The watcher's state and the ledger's counts, one row per mailbox (the watched one first)."""
    claims = MailClaims(ledger)
    counts: dict[str, dict[str, Any]] = {}
    for folder in claims.summary():
        row = counts.setdefault(folder.mailbox, {"taken": 0, "duplicates": 0, "set_aside": 0, "last": ""})
        row["taken"] += folder.taken
        row["duplicates"] += folder.duplicates
        row["set_aside"] += folder.set_aside
        row["last"] = max(row["last"], folder.last_seen_at)
    rows = []
    watcher = watching.watcher
    if watcher is not None:
        rows.append(_live_row(watcher.state, counts.pop(watcher.name, {}), watcher.crashes))
    rows += [_ledger_row(name, known) for name, known in counts.items()]
    set_aside = claims.set_aside(NEEDS_PERSON_SHOWN)
    return MailboxStatus(watching.configured, watching.problem, rows, set_aside)


def _live_row(state: MailboxState, known: dict[str, Any], crashes: int) -> MailboxRow:
    tally = state.tally
    return MailboxRow(
        mailbox=state.mailbox,
        state=state.state,
        connected=state.connected,
        waiting=state.waiting,
        last_at=state.last_at or known.get("last", ""),
        last_subject=tally.last,
        taken=known.get("taken", 0),
        duplicates=known.get("duplicates", 0),
        needs_person=known.get("set_aside", 0),
        acknowledged=tally.acknowledged,
        error=state.error,
        recent_errors=list(tally.errors),
        crashes=crashes,
    )


def _ledger_row(name: str, known: dict[str, Any]) -> MailboxRow:
    return MailboxRow(
        mailbox=name,
        state="not watched here",
        connected=False,
        waiting=0,
        last_at=known["last"],
        last_subject="",
        taken=known["taken"],
        duplicates=known["duplicates"],
        needs_person=known["set_aside"],
        acknowledged=0,
        error="",
    )


def _needs_person_json(record: MailRecord) -> dict[str, Any]:
    keys = ("mailbox", "folder", "uid", "message_id", "subject", "sender", "error", "updated_at")
    return {key: getattr(record, key) for key in keys}
