"""Take a mailbox folder's messages into jobs, one step at a time (see ``tables`` for the steps).

A message is claimed before it is read; its bytes become a ledger input and its job in one
transaction; the job runs through the same runner as every other input; then the mailbox is told
(flag, move, or set aside with a note). A restart resumes each unfinished message at its step, so
none is processed twice and none is skipped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from pipeline.inbox.claims import MailClaims, MailRecord, MessageRef
from pipeline.inbox.message import MessageInfo, identify, note_for
from pipeline.inbox.source import MailSource
from pipeline.runner import Runner

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[^\w .,#&()+-]+")
MAX_ERRORS = 20  # the newest errors a tally keeps (a watcher runs for weeks)


@dataclass
class Tally:
    """What one sweep (or a whole watch) did; ``last`` names the newest message taken."""

    taken: int = 0
    duplicates: int = 0
    set_aside: int = 0
    acknowledged: int = 0  # acknowledgements sent to customers
    last: str = ""
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.taken += other.taken
        self.duplicates += other.duplicates
        self.set_aside += other.set_aside
        self.acknowledged += other.acknowledged
        self.last = other.last or self.last
        self.errors = (self.errors + other.errors)[-MAX_ERRORS:]


class Intake:
    """Moves the messages of one source through the ledger and the runner."""

    def __init__(self, runner: Runner, source: MailSource) -> None:
        self.runner = runner
        self.source = source
        self.claims = MailClaims(runner.ledger)

    def sweep(
        self, folder: str, since: date | None = None, progress: Callable[[Tally, int], None] | None = None
    ) -> Tally:
        """Resume this folder's unfinished messages, then take every one waiting in it;
        ``progress`` gets the tally so far and how many messages are still waiting, before each
        message and once all are taken."""
        tally = Tally()
        uidvalidity = self.source.select(folder)
        refs = [record.ref for record in self.claims.unfinished(self.source.name, folder)]
        taken = self.claims.finished_uids(self.source.name, folder, uidvalidity)
        waiting = [uid for uid in self.source.waiting(since) if uid not in taken]
        refs += [MessageRef(self.source.name, folder, uidvalidity, uid) for uid in waiting]
        for done, ref in enumerate(refs):
            if progress is not None:
                progress(tally, len(refs) - done)
            self._take(ref, tally)
        if progress is not None:
            progress(tally, 0)
        return tally

    def _take(self, ref: MessageRef, tally: Tally) -> None:
        record = self.claims.claim(ref)
        if record is None or record.status == "finished":
            return  # another connector holds it, or it was taken before
        if record.status == "claimed":
            record = self._accept(ref)
        if record.status == "accepted":
            record = self._run(record)
        if record.status == "decided":
            self._show(record, tally)

    def _accept(self, ref: MessageRef) -> MailRecord:
        """Read the message; store it as a job, or recognise it as a copy, or refuse it."""
        fetched = self.source.fetch(ref.uidvalidity, ref.uid)
        if fetched is None:
            self.claims.decided(ref, "gone")
            return self._record(ref)
        info = identify(fetched.data)
        self.claims.identified(ref, info)
        if fetched.refused:
            self.claims.decided(ref, "needs_person", error=fetched.refused)
            return self._record(ref)
        with self.runner.ledger.transaction():  # the look-up and the job: one writer at a time
            earlier = self.claims.earlier_copy(info, ref)
            if earlier is not None:
                self.claims.decided(ref, "duplicate", job_id=earlier.job_id)
            else:
                self.claims.accepted(ref, self.runner.submit(job_filename(ref, info), fetched.data))
        return self._record(ref)

    def _run(self, record: MailRecord) -> MailRecord:
        """Run its job (a job already done returns at once); decide from how the job ended."""
        assert record.job_id is not None
        try:
            self.runner.run(record.job_id)
        except Exception:  # the runner has recorded the job failed with the reason; go on
            log.exception("job %s of %s raised", record.job_id, record.ref.where)
        job = self.runner.ledger.job(record.job_id)
        if job is None or job.status not in ("done", "failed"):
            return record  # running in another process: a later sweep decides
        if job.status == "done":
            self.claims.decided(record.ref, "job")
        else:
            self.claims.decided(record.ref, "needs_person", error=job.error or "the job failed")
        return self._record(record.ref)

    def _show(self, record: MailRecord, tally: Tally) -> None:
        """Make the mailbox show what became of the message, then finish it in the ledger."""
        ref = record.ref
        if record.outcome == "needs_person":
            note = note_for(_info(record), ref.where, record.error or "", note_key(record))
            self.source.set_aside(ref.uidvalidity, ref.uid, note, note_key(record))
            tally.set_aside += 1
            tally.errors.append(f"{record.subject or ref.where}: {record.error}")
        elif record.outcome in ("job", "duplicate"):
            self.source.mark_taken(ref.uidvalidity, ref.uid)
            tally.taken += record.outcome == "job"
            tally.duplicates += record.outcome == "duplicate"
            tally.last = record.subject or ref.where
        self.claims.finished(ref)

    def _record(self, ref: MessageRef) -> MailRecord:
        record = self.claims.get(ref)
        assert record is not None  # claimed by this process
        return record


def job_filename(ref: MessageRef, info: MessageInfo) -> str:
    """The job's name: folder, UID and subject, as an .eml so ingest reads it as an email."""
    subject = _UNSAFE.sub(" ", info.subject).strip()[:60]
    return f"{ref.folder} {ref.uid}{' ' + subject if subject else ''}.eml"


def note_key(record: MailRecord) -> str:
    """Names the note of one set-aside message (IMAP-searchable, file-name safe)."""
    return f"{record.uidvalidity}-{record.uid}-{(record.fingerprint or record.content_hash or '')[:16]}"


def _info(record: MailRecord) -> MessageInfo:
    return MessageInfo(
        message_id=record.message_id,
        subject=record.subject,
        sender=record.sender,
        content_hash=record.content_hash or "",
        fingerprint=record.fingerprint or "",
    )
