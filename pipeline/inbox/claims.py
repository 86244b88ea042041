"""The ledger's record of mailbox messages: claimed before a message is read, moved one step at a
time, so a connector killed anywhere resumes where it stopped and takes no message twice.

Every change is one write transaction whose ``WHERE`` names the state it expects, so of two
connectors racing for a message one alone wins (as ``ErpExporter._claim`` does for exports).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from pipeline.events import utc_now
from pipeline.inbox.message import MessageInfo
from pipeline.ledger import Ledger, from_row, process_alive

MailStatus = Literal["claimed", "accepted", "decided", "finished"]
Outcome = Literal["job", "duplicate", "needs_person", "gone"]


@dataclass(frozen=True)
class MessageRef:
    """One message as its mailbox numbers it; a Maildir's file key is its ``uid``."""

    mailbox: str
    folder: str
    uidvalidity: int
    uid: str

    @property
    def where(self) -> str:
        return f"{self.mailbox} {self.folder} (UIDVALIDITY {self.uidvalidity}, UID {self.uid})"


@dataclass(frozen=True)
class MailRecord:
    mailbox: str
    folder: str
    uidvalidity: int
    uid: str
    message_id: str
    subject: str
    sender: str
    content_hash: str | None
    fingerprint: str | None
    status: MailStatus
    outcome: Outcome | None
    job_id: str | None
    owner_pid: int | None
    error: str | None
    seen_at: str
    updated_at: str

    @property
    def ref(self) -> MessageRef:
        return MessageRef(self.mailbox, self.folder, self.uidvalidity, self.uid)


@dataclass(frozen=True)
class FolderSummary:
    mailbox: str
    folder: str
    taken: int
    duplicates: int
    set_aside: int
    in_progress: int  # claimed and not finished: being taken now, or left by a watcher that stopped
    last_seen_at: str


_KEY = "mailbox = ? AND folder = ? AND uidvalidity = ? AND uid = ?"


def _key(ref: MessageRef) -> tuple[str, str, int, str]:
    return (ref.mailbox, ref.folder, ref.uidvalidity, ref.uid)


class MailClaims:
    """Claims and steps of mailbox messages in one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def get(self, ref: MessageRef) -> MailRecord | None:
        row = (
            self.ledger.connection()
            .execute(f"SELECT * FROM mail_messages WHERE {_KEY}", _key(ref))
            .fetchone()
        )
        return from_row(MailRecord, row) if row else None

    def claim(self, ref: MessageRef) -> MailRecord | None:
        """This process's hold on the message (new, or left by a process that is gone); None while
        another living process holds it. A finished message is returned as it is, unclaimed."""
        now = utc_now().isoformat()
        with self.ledger.transaction() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO mail_messages (mailbox, folder, uidvalidity, uid, status, owner_pid,"
                " seen_at, updated_at) VALUES (?, ?, ?, ?, 'claimed', ?, ?, ?)",
                (*_key(ref), os.getpid(), now, now),
            )
            record = self.get(ref)
            assert record is not None  # inserted or already there, in this transaction
            if record.status == "finished" or record.owner_pid == os.getpid():
                return record
            if process_alive(record.owner_pid):
                return None
            connection.execute(
                f"UPDATE mail_messages SET owner_pid = ?, updated_at = ? WHERE {_KEY}",
                (os.getpid(), now, *_key(ref)),
            )
        return self.get(ref)

    def earlier_copy(self, info: MessageInfo, ref: MessageRef) -> MailRecord | None:
        """Another message with the same fingerprint that made (or is making) a job."""
        row = (
            self.ledger.connection()
            .execute(
                "SELECT * FROM mail_messages WHERE fingerprint = ? AND job_id IS NOT NULL"
                " AND COALESCE(outcome, 'job') IN ('job', 'duplicate')"
                " AND NOT (mailbox = ? AND folder = ? AND uidvalidity = ? AND uid = ?)"
                " ORDER BY seen_at LIMIT 1",
                (info.fingerprint, *_key(ref)),
            )
            .fetchone()
        )
        return from_row(MailRecord, row) if row else None

    def identified(self, ref: MessageRef, info: MessageInfo) -> None:
        """Record what the message is (Message-ID, subject, sender, hashes), still claimed."""
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE mail_messages SET message_id = ?, subject = ?, sender = ?, content_hash = ?,"
                f" fingerprint = ?, updated_at = ? WHERE {_KEY}",
                (
                    info.message_id,
                    info.subject,
                    info.sender,
                    info.content_hash,
                    info.fingerprint,
                    utc_now().isoformat(),
                    *_key(ref),
                ),
            )

    def accepted(self, ref: MessageRef, job_id: str) -> None:
        """The message's job exists; call inside the transaction that accepted its input."""
        self._step(ref, "accepted", job_id=job_id)

    def decided(
        self, ref: MessageRef, outcome: Outcome, *, job_id: str | None = None, error: str = ""
    ) -> None:
        self._step(ref, "decided", outcome=outcome, job_id=job_id, error=error or None)

    def finished(self, ref: MessageRef) -> None:
        """The mailbox shows what became of it; nobody holds it any more."""
        self._step(ref, "finished")

    def _step(
        self,
        ref: MessageRef,
        status: MailStatus,
        *,
        outcome: Outcome | None = None,
        job_id: str | None = None,
        error: str | None = None,
    ) -> None:
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE mail_messages SET status = ?, outcome = COALESCE(?, outcome),"
                " job_id = COALESCE(?, job_id), error = COALESCE(?, error),"
                " owner_pid = CASE WHEN ? = 'finished' THEN NULL ELSE owner_pid END, updated_at = ?"
                f" WHERE {_KEY}",
                (status, outcome, job_id, error, status, utc_now().isoformat(), *_key(ref)),
            )

    def unfinished(self, mailbox: str, folder: str) -> list[MailRecord]:
        """Messages of a folder (any UIDVALIDITY) not finished: to resume after a restart."""
        rows = (
            self.ledger.connection()
            .execute(
                "SELECT * FROM mail_messages WHERE mailbox = ? AND folder = ? AND status != 'finished'"
                " ORDER BY seen_at",
                (mailbox, folder),
            )
            .fetchall()
        )
        return [from_row(MailRecord, row) for row in rows]

    def finished_uids(self, mailbox: str, folder: str, uidvalidity: int) -> set[str]:
        """UIDs of the folder (as numbered now) already finished: not claimed again."""
        rows = self.ledger.connection().execute(
            "SELECT uid FROM mail_messages WHERE mailbox = ? AND folder = ? AND uidvalidity = ?"
            " AND status = 'finished'",
            (mailbox, folder, uidvalidity),
        )
        return {row["uid"] for row in rows}

    def summary(self) -> list[FolderSummary]:
        """Each mailbox folder as the ledger knows it (``inbox status``, the dashboard)."""
        rows = (
            self.ledger.connection()
            .execute(
                "SELECT mailbox, folder, MAX(seen_at) AS last_seen_at,"
                " COUNT(CASE WHEN outcome = 'job' THEN 1 END) AS taken,"
                " COUNT(CASE WHEN outcome = 'duplicate' THEN 1 END) AS duplicates,"
                " COUNT(CASE WHEN outcome = 'needs_person' THEN 1 END) AS set_aside,"
                " COUNT(CASE WHEN status != 'finished' THEN 1 END) AS in_progress"
                " FROM mail_messages GROUP BY mailbox, folder ORDER BY mailbox, folder"
            )
            .fetchall()
        )
        return [from_row(FolderSummary, row) for row in rows]

    def set_aside(self, limit: int = 10) -> list[MailRecord]:
        """The newest messages set aside for a person, with their reasons."""
        query = "SELECT * FROM mail_messages WHERE outcome = 'needs_person' ORDER BY updated_at DESC LIMIT ?"
        return [from_row(MailRecord, row) for row in self.ledger.connection().execute(query, (limit,))]

    def records(self, mailbox: str | None = None) -> list[MailRecord]:
        sql, params = "SELECT * FROM mail_messages", ()
        if mailbox is not None:
            sql, params = sql + " WHERE mailbox = ?", (mailbox,)
        rows = self.ledger.connection().execute(sql + " ORDER BY seen_at", params).fetchall()
        return [from_row(MailRecord, row) for row in rows]
