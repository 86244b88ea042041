"""The ledger: a SQLite file (WAL) that keeps every accepted input, job and event.

Why SQLite and not the DuckDB catalog: several processes (dashboard workers, batch workers)
write here at once, which DuckDB files do not allow. WAL lets readers follow a job while a
writer appends to it. Each thread uses its own connection.

Nothing accepted is lost: ``accept`` stores the raw bytes before any stage runs; a job left
running by a process that died is marked ``interrupted`` (retryable) by ``recover``, and one it
had only queued is taken over to run by ``adopt_queued``.
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
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from pipeline.acknowledgement_tables import ACKNOWLEDGEMENT_TABLES, ANSWER_KIND_MIGRATION
from pipeline.bounds import loads_finite
from pipeline.errors import OrderDeskError
from pipeline.events import Event, utc_now
from pipeline.job_status import ACTIVE_STATUSES, RUNNABLE_STATUSES, JobStatus, is_active
from pipeline.mail_tables import MAIL_TABLES
from pipeline.order_tables import ORDER_TABLES

T = TypeVar("T")
INTERRUPTED_ERROR = "the process running this job stopped; retry it"

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
    ORDER_TABLES,  # 2: customers, orders, order lines, audit, cross-references, ERP submissions
    "",  # 3: seeded the sample emails' customers; they are demo data now (pipeline/customers/samples.py)
    MAIL_TABLES,  # 4: mailbox messages and how far each got (pipeline.inbox)
    ACKNOWLEDGEMENT_TABLES,  # 5: the customers' acknowledgements (pipeline.acknowledge)
    ANSWER_KIND_MIGRATION,  # 6: their quotations too, a row per order and kind
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
        self.write_failure: str | None = None  # why the last write failed; None once one succeeds
        # a ledger this process cannot write (a read-only folder or file) still answers reads;
        # a write says why it cannot be saved (``storage_error``)
        self.read_only = self.path.exists() and not _writable(self.path)
        try:
            if self.read_only:
                self._check_version()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._migrate()
        except (OSError, sqlite3.Error) as error:
            raise LedgerError(f"cannot open ledger {self.path}: {error}") from error

    # -- connections -------------------------------------------------------------------------
    def connection(self) -> sqlite3.Connection:
        """This thread's connection (rows are ``sqlite3.Row``); write only inside ``transaction()``."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            with self._storage_errors():
                connection = self._read_only_connection() if self.read_only else self._connect(self.path)
                if not self.read_only:
                    connection.execute("PRAGMA journal_mode=WAL")
                    connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute("PRAGMA foreign_keys=ON")
            connection.row_factory = sqlite3.Row
            self._local.connection = connection
        return connection

    @staticmethod
    def _connect(target: str | Path) -> sqlite3.Connection:
        return sqlite3.connect(target, timeout=30, isolation_level=None, uri=isinstance(target, str))

    def _read_only_connection(self) -> sqlite3.Connection:
        """Read-only; on a read-only medium without the WAL's index file (which a reader must be
        able to create) as an immutable file: no one can be writing it there."""
        uri = self.path.resolve().as_uri()
        connection = self._connect(f"{uri}?mode=ro")
        try:
            connection.execute("PRAGMA user_version").fetchone()
            return connection
        except sqlite3.OperationalError:
            connection.close()
        return self._connect(f"{uri}?mode=ro&immutable=1")

    def _check_version(self) -> None:
        version = self.connection().execute("PRAGMA user_version").fetchone()[0]
        if version < len(MIGRATIONS):
            raise LedgerError(
                f"the ledger {self.path} is read-only and older than this version of Order Desk;"
                " open it once where it can be written, to upgrade it"
            )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that holds the file's write lock from its first statement.

        ``BEGIN IMMEDIATE`` makes read-modify-write safe across processes: a second writer waits
        (up to the 30 s busy timeout) instead of failing or reading a state about to change.
        Nested use joins the outer transaction, so several stores can commit together.
        """
        connection = self.connection()
        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            try:
                yield connection
            finally:
                self._local.depth = depth
            return
        self._local.depth = 1
        try:
            with self._storage_errors():
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield connection
                    connection.execute("COMMIT")
                    self.write_failure = None
                except BaseException:
                    if connection.in_transaction:  # SQLite has already rolled back after a full disk
                        connection.execute("ROLLBACK")
                    raise
        finally:
            self._local.depth = 0

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        """A full disk or an unwritable folder raised inside becomes the ``LedgerError`` saying so."""
        try:
            yield
        except sqlite3.OperationalError as error:
            clear = storage_error(self.path, error)
            if clear is None:
                raise
            self.write_failure = str(clear)
            raise clear from error

    def _migrate(self) -> None:
        with self.transaction() as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in filter(str.strip, script.split(";")):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number}")

    # -- jobs --------------------------------------------------------------------------------
    def accept(self, filename: str, data: bytes, *, force: bool = False) -> str:
        """Store an input and return its job id: the existing job for the same bytes unless ``force``.

        The look-up and the insert share one write transaction, so two processes accepting the
        same email at once get one job, not two.
        """
        digest = content_hash(data)
        job_id = uuid.uuid4().hex
        now = utc_now().isoformat()
        with self.transaction() as connection:
            existing = connection.execute(
                "SELECT job_id FROM jobs WHERE content_hash = ? ORDER BY created_at DESC, rowid DESC",
                (digest,),
            ).fetchone()
            if existing and not force:
                return str(existing["job_id"])
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
            self.connection()
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
        result_json = json.dumps(result, allow_nan=False) if result is not None else None
        with self.transaction() as connection:
            connection.execute(
                "UPDATE jobs SET status = ?, owner_pid = ?, updated_at = ?, error = ?,"
                " result_json = COALESCE(?, result_json) WHERE job_id = ?",
                (status, os.getpid(), utc_now().isoformat(), error, result_json, job_id),
            )

    def claim(self, job_id: str) -> bool:
        """Mark a queued, failed or interrupted job running for this process; False if it is not runnable.

        Only one caller wins, across threads and processes: a job already running or done is
        never run twice at once.
        """
        with self.transaction() as connection:
            cursor = connection.execute(
                "UPDATE jobs SET status = 'running', owner_pid = ?, updated_at = ?, error = NULL"
                f" WHERE job_id = ? AND status IN {RUNNABLE_STATUSES}",
                (os.getpid(), utc_now().isoformat(), job_id),
            )
            return cursor.rowcount == 1

    def job(self, job_id: str) -> JobRecord | None:
        row = self.connection().execute("SELECT * FROM jobs WHERE job_id = ?", (job_id,)).fetchone()
        return _job_record(row) if row else None

    def jobs(self, limit: int = 100, status: JobStatus | None = None) -> list[JobRecord]:
        sql = "SELECT * FROM jobs"
        params: tuple[Any, ...] = ()
        if status:
            sql += " WHERE status = ?"
            params = (status,)
        sql += " ORDER BY created_at DESC, rowid DESC LIMIT ?"
        rows = self.connection().execute(sql, (*params, limit)).fetchall()
        return [_job_record(row) for row in rows]

    def count(self, statuses: Sequence[JobStatus]) -> int:
        """How many jobs have one of ``statuses`` (an index lookup: cheap enough to poll)."""
        marks = ", ".join("?" * len(statuses))
        sql = f"SELECT count(*) FROM jobs WHERE status IN ({marks})"
        return self.connection().execute(sql, tuple(statuses)).fetchone()[0]

    def recover(self) -> list[str]:
        """Mark running jobs whose process is gone as interrupted; returns their ids.

        Each gets a ``job_interrupted`` event in the same transaction, so a replayed history says
        why the job stopped, and two processes recovering at once mark each job once. (A job
        stopped part-way waits for a person's Retry; queued ones are for ``adopt_queued``.)
        """
        return [job_id for job_id in self._orphans("running") if self.interrupt(job_id)]

    def adopt_queued(self) -> list[str]:
        """Take over the queued jobs of processes that are gone (they never started); returns their
        ids, oldest first, for this process to run. Each is adopted by one process only."""
        adopted = []
        for job_id, owner in self._orphans("queued").items():
            with self.transaction() as connection:
                won = connection.execute(
                    "UPDATE jobs SET owner_pid = ?, updated_at = ?"
                    " WHERE job_id = ? AND status = 'queued' AND owner_pid IS ?",
                    (os.getpid(), utc_now().isoformat(), job_id, owner),
                ).rowcount
            if won:
                adopted.append(job_id)
        return adopted

    def _orphans(self, status: JobStatus) -> dict[str, int | None]:
        """Jobs in ``status`` whose owning process is gone, oldest first, with that process's id."""
        query = "SELECT job_id, owner_pid FROM jobs WHERE status = ? ORDER BY created_at, rowid"
        rows = self.connection().execute(query, (status,)).fetchall()
        return {row["job_id"]: row["owner_pid"] for row in rows if not process_alive(row["owner_pid"])}

    def release_orphan(self, job_id: str) -> bool:
        """Mark one queued or running job interrupted if the process that owns it is gone; True if so.

        For a job met again before anyone ran ``recover``: a batch task that Dask re-runs after its
        worker process was killed finds its job still "running" under the dead process.
        """
        row = (
            self.connection()
            .execute("SELECT status, owner_pid FROM jobs WHERE job_id = ?", (job_id,))
            .fetchone()
        )
        if row is None or not is_active(row["status"]) or process_alive(row["owner_pid"]):
            return False
        return self.interrupt(job_id)

    def interrupt(self, job_id: str, error: str = INTERRUPTED_ERROR) -> bool:
        """Mark a queued or running job interrupted (with its ``job_interrupted`` event); False if it
        was not active. For whoever knows the process running it is gone."""
        now = utc_now()
        with self.transaction() as connection:
            changed = connection.execute(
                f"UPDATE jobs SET status = 'interrupted', updated_at = ?, error = ?"
                f" WHERE job_id = ? AND status IN {ACTIVE_STATUSES}",
                (now.isoformat(), error, job_id),
            ).rowcount
            if changed:
                connection.execute(
                    "INSERT INTO events SELECT ?, COALESCE(MAX(seq), 0) + 1, 'job_interrupted', NULL, ?, ?"
                    " FROM events WHERE job_id = ?",
                    (job_id, json.dumps({"error": error}), now.isoformat(), job_id),
                )
        return bool(changed)

    # -- events ------------------------------------------------------------------------------
    def record(self, event: Event) -> None:
        """Append an event (an EventBus subscriber)."""
        self.record_many([event])

    def record_many(self, events: Sequence[Event]) -> None:
        """Append several events in one transaction (batch workers write a job's events at once)."""
        rows = [
            (
                event.job_id,
                event.seq,
                event.kind,
                event.stage,
                json.dumps(event.data, allow_nan=False),
                event.at.isoformat(),
            )
            for event in events
        ]
        with self.transaction() as connection:
            connection.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", rows)

    def events(self, job_id: str, after_seq: int = 0) -> list[Event]:
        rows = (
            self.connection()
            .execute("SELECT * FROM events WHERE job_id = ? AND seq > ? ORDER BY seq", (job_id, after_seq))
            .fetchall()
        )
        return [Event.from_dict(dict(row) | {"data": loads_finite(row["data"])}) for row in rows]

    def last_seq(self, job_id: str) -> int:
        row = (
            self.connection()
            .execute("SELECT COALESCE(MAX(seq), 0) FROM events WHERE job_id = ?", (job_id,))
            .fetchone()
        )
        return int(row[0])


def from_row(kind: type[T], row: sqlite3.Row, **values: Any) -> T:
    """A ``kind`` dataclass from the row's columns of the same names; ``values`` replace or add fields."""
    return kind(**{f.name: values[f.name] if f.name in values else row[f.name] for f in fields(kind)})


def _job_record(row: sqlite3.Row) -> JobRecord:
    return JobRecord(
        job_id=row["job_id"],
        content_hash=row["content_hash"],
        filename=row["filename"],
        status=row["status"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        error=row["error"],
        result=loads_finite(row["result_json"]) if row["result_json"] else None,
    )


_STORAGE_ERRORS = ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN")


def storage_error(path: Path, error: sqlite3.OperationalError) -> LedgerError | None:
    """A full disk or an unwritable folder as a ``LedgerError`` saying so; None for other errors.

    SQLite rolls the transaction back in both cases, so the ledger is as it was before.
    """
    name = getattr(error, "sqlite_errorname", "")
    if not name.startswith(_STORAGE_ERRORS):
        return None
    if name.startswith("SQLITE_FULL"):
        problem = "the disk is full (or a file size limit was reached)"
    elif name.startswith("SQLITE_IOERR"):  # what a write refused for its size (EFBIG) gives, too
        problem = f"the disk is full or failing ({error})"
    elif not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        problem = f"the data folder {path.parent} is read-only"
    else:
        problem = str(error)
    return LedgerError(
        f"cannot write to the ledger {path}: {problem}; nothing was saved — fix that, then retry"
    )


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def process_alive(pid: int | None) -> bool:
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
