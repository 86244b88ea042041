"""The ledger: a SQLite file (WAL) that keeps every accepted input, job and event.

Why SQLite and not the DuckDB catalog: several processes (dashboard workers, batch workers)
write here at once, which DuckDB files do not allow. WAL lets readers follow a job while a
writer appends to it. Each thread uses its own connection.

Nothing accepted is lost: ``accept`` stores the raw bytes before any stage runs, and a job
left running by a process that died is marked ``interrupted`` (retryable) by ``recover``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pipeline.errors import OrderDeskError
from pipeline.events import Event, utc_now

JobStatus = Literal["queued", "running", "done", "failed", "interrupted"]
ACTIVE_STATUSES = ("queued", "running")

# Each entry upgrades the schema by one version (PRAGMA user_version); append, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE inputs (
        content_hash TEXT PRIMARY KEY,
        filename     TEXT NOT NULL,
        data         BLOB NOT NULL,
        received_at  TEXT NOT NULL
    );
    CREATE TABLE jobs (
        job_id       TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL REFERENCES inputs(content_hash),
        filename     TEXT NOT NULL,
        status       TEXT NOT NULL,
        owner_pid    INTEGER,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        error        TEXT,
        result_json  TEXT
    );
    CREATE INDEX jobs_by_hash ON jobs(content_hash);
    CREATE INDEX jobs_by_status ON jobs(status, created_at);
    CREATE TABLE events (
        job_id TEXT NOT NULL REFERENCES jobs(job_id),
        seq    INTEGER NOT NULL,
        kind   TEXT NOT NULL,
        stage  TEXT,
        data   TEXT NOT NULL,
        at     TEXT NOT NULL,
        PRIMARY KEY (job_id, seq)
    );
    """,
)


class LedgerError(OrderDeskError):
    """The ledger file cannot be opened or written."""


@dataclass(frozen=True)
class JobRecord:
    job_id: str
    content_hash: str
    filename: str
    status: JobStatus
    created_at: str
    updated_at: str
    error: str | None
    result: dict[str, Any] | None


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Ledger:
    """Durable store of inputs, jobs and their events."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._migrate()
        except (OSError, sqlite3.Error) as error:
            raise LedgerError(f"cannot open ledger {self.path}: {error}") from error

    # -- connections -------------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.row_factory = sqlite3.Row
            self._local.connection = connection
        return connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def _migrate(self) -> None:
        with self._transaction() as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in filter(str.strip, script.split(";")):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number}")

    # -- jobs --------------------------------------------------------------------------------
    def accept(self, filename: str, data: bytes) -> str:
        """Store an input and create a queued job for it; returns the job id."""
        digest = content_hash(data)
        job_id = uuid.uuid4().hex
        now = utc_now().isoformat()
        with self._transaction() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO inputs VALUES (?, ?, ?, ?)", (digest, filename, data, now)
            )
            connection.execute(
                "INSERT INTO jobs (job_id, content_hash, filename, status, owner_pid, created_at,"
                " updated_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)",
                (job_id, digest, filename, os.getpid(), now, now),
            )
        return job_id

    def input_data(self, job_id: str) -> bytes:
        row = (
            self._connection()
            .execute(
                "SELECT i.data FROM jobs j JOIN inputs i USING (content_hash) WHERE j.job_id = ?",
                (job_id,),
            )
            .fetchone()
        )
        if row is None:
            raise LedgerError(f"no job {job_id} in {self.path}")
        return bytes(row["data"])

    def set_status(
        self,
        job_id: str,
        status: JobStatus,
        *,
        error: str | None = None,
        result: dict[str, Any] | None = None,
    ) -> None:
        result_json = json.dumps(result) if result is not None else None
        with self._transaction() as connection:
            connection.execute(
                "UPDATE jobs SET status = ?, owner_pid = ?, updated_at = ?, error = ?,"
                " result_json = COALESCE(?, result_json) WHERE job_id = ?",
                (status, os.getpid(), utc_now().isoformat(), error, result_json, job_id),
            )

    def job(self, job_id: str) -> JobRecord | None:
        row = self._connection().execute("SELECT * FROM jobs WHERE job_id = ?", (job_id,)).fetchone()
        return _job_record(row) if row else None

    def jobs(self, limit: int = 100, status: JobStatus | None = None) -> list[JobRecord]:
        sql = "SELECT * FROM jobs"
        params: tuple[Any, ...] = ()
        if status:
            sql += " WHERE status = ?"
            params = (status,)
        sql += " ORDER BY created_at DESC, rowid DESC LIMIT ?"
        rows = self._connection().execute(sql, (*params, limit)).fetchall()
        return [_job_record(row) for row in rows]

    def recover(self) -> list[str]:
        """Mark jobs whose owning process is gone as interrupted; returns their ids."""
        rows = (
            self._connection()
            .execute(f"SELECT job_id, owner_pid FROM jobs WHERE status IN {ACTIVE_STATUSES}")
            .fetchall()
        )
        lost = [row["job_id"] for row in rows if not _process_alive(row["owner_pid"])]
        for job_id in lost:
            self.set_status(job_id, "interrupted", error="the process running this job stopped")
        return lost

    # -- events ------------------------------------------------------------------------------
    def record(self, event: Event) -> None:
        """Append an event (an EventBus subscriber)."""
        self.record_many([event])

    def record_many(self, events: Sequence[Event]) -> None:
        """Append several events in one transaction (batch workers write a job's events at once)."""
        rows = [
            (event.job_id, event.seq, event.kind, event.stage, json.dumps(event.data), event.at.isoformat())
            for event in events
        ]
        with self._transaction() as connection:
            connection.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", rows)

    def events(self, job_id: str, after_seq: int = 0) -> list[Event]:
        rows = (
            self._connection()
            .execute("SELECT * FROM events WHERE job_id = ? AND seq > ? ORDER BY seq", (job_id, after_seq))
            .fetchall()
        )
        return [Event.from_dict(dict(row) | {"data": json.loads(row["data"])}) for row in rows]

    def last_seq(self, job_id: str) -> int:
        row = (
            self._connection()
            .execute("SELECT COALESCE(MAX(seq), 0) FROM events WHERE job_id = ?", (job_id,))
            .fetchone()
        )
        return int(row[0])


def _job_record(row: sqlite3.Row) -> JobRecord:
    return JobRecord(
        job_id=row["job_id"],
        content_hash=row["content_hash"],
        filename=row["filename"],
        status=row["status"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        error=row["error"],
        result=json.loads(row["result_json"]) if row["result_json"] else None,
    )


def _process_alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
