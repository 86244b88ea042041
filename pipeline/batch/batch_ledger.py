"""The ledger as batch work uses it: a job's events written in one go, and the questions a batch asks.

A batch has no live listener, so a worker need not commit each event as it happens: it keeps a
job's events until its terminal event, and writes them all with it, in the transaction that
also sets the job's final status (``Runner._end``). That is about five transactions per email
instead of forty, which matters when several worker processes share one SQLite file.
Dashboards that replay a batch job see its whole history once it has finished.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pipeline.events import TERMINAL_KINDS, Event
from pipeline.ledger import JobRecord, Ledger, _job_record
from pipeline.orders.store import LOCKED_STATUSES, OrderStore

_PARAMS_PER_QUERY = 500  # well under SQLite's host-parameter limit


@dataclass(frozen=True)
class StoredInput:
    content_hash: str
    filename: str
    data: bytes
    received_at: str


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _PARAMS_PER_QUERY):
        yield values[start : start + _PARAMS_PER_QUERY]


class BatchLedger(Ledger):
    """A ``Ledger`` that holds each job's events until the job ends, plus batch queries."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self._held: dict[str, list[Event]] = {}

    def record(self, event: Event) -> None:
        held = self._held.setdefault(event.job_id, [])
        held.append(event)
        if event.kind in TERMINAL_KINDS:
            self.record_many(self._held.pop(event.job_id))

    # -- questions a batch asks ----------------------------------------------------------------
    def done_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these inputs already have a finished (``done``) job."""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(hashes))):
            marks = ", ".join("?" for _ in chunk)
            rows = self.connection().execute(
                f"SELECT DISTINCT content_hash FROM jobs WHERE status = 'done' AND content_hash IN ({marks})",
                chunk,
            )
            found.update(row[0] for row in rows)
        return found

    def locked_orders(self, hashes: Iterable[str]) -> dict[str, str]:
        """The inputs whose order is locked (approved, rejected, …), with its status: never re-run."""
        statuses = OrderStore(self).statuses_by_content(hashes)
        return {digest: status for digest, status in statuses.items() if status in LOCKED_STATUSES}

    def inputs_since(self, since: datetime) -> list[StoredInput]:
        """Every input received at or after ``since`` (UTC), oldest first."""
        rows = self.connection().execute(
            "SELECT content_hash, filename, data, received_at FROM inputs WHERE received_at >= ?"
            " ORDER BY received_at, content_hash",
            (since.isoformat(),),
        )
        return [StoredInput(row[0], row[1], bytes(row[2]), row[3]) for row in rows]

    def latest_done(
        self, since: datetime | None = None, hashes: Iterable[str] | None = None
    ) -> list[JobRecord]:
        """The newest finished job of each input (received since ``since``; among ``hashes``)."""
        sql = (
            "SELECT * FROM (SELECT j.*, ROW_NUMBER() OVER"
            " (PARTITION BY j.content_hash ORDER BY j.updated_at DESC, j.rowid DESC) AS newest"
            " FROM jobs j JOIN inputs i USING (content_hash)"
            " WHERE j.status = 'done' AND i.received_at >= ?{only})"
            " WHERE newest = 1 ORDER BY created_at, job_id"
        )
        start = since.isoformat() if since else ""
        if hashes is None:
            rows = self.connection().execute(sql.format(only=""), (start,)).fetchall()
            return [_job_record(row) for row in rows]
        records = []
        for chunk in _chunks(sorted(set(hashes))):
            only = f" AND j.content_hash IN ({', '.join('?' for _ in chunk)})"
            rows = self.connection().execute(sql.format(only=only), (start, *chunk)).fetchall()
            records += [_job_record(row) for row in rows]
        return records
