"""One browser session's state: the recent jobs, and the one job its views follow.

The job list comes from the ledger, not from the session, so a page opened or reloaded lists
every recent job — started here, in another tab, by the HTTP API or before a restart — and the
service's watch keeps it current. Following a job replays its history from the ledger and then
follows it live, so a page that arrives mid-job shows what already happened.

Events arrive on the job service's worker threads. In a served session they are queued and
applied on the session's own thread with the document locked, in order, a few per tick (see
``dashboard.session``); every parameter change — and the browser update it causes — happens
there. In a notebook there is no server document; events are applied where they arrive, under
a lock.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Hashable
from typing import Any

import panel as pn
import param

from dashboard.jobs import JobService
from dashboard.progress import JobProgress, JobRow
from dashboard.session import Coalescer, TickBatcher, session_scheduler
from pipeline.events import Event
from pipeline.job_status import JOB_STATUSES, stopped
from pipeline.ledger import JobRecord

RECENT_JOBS = 50  # how many of the ledger's newest jobs a page lists when it opens
# A job list lags its jobs by at most this; the stage cards go first. Every open page refreshes its
# list this often at most while jobs arrive (8 pages, 8 jobs/s: 0.25 s cost 31 % of the loop, 1 s 18 %).
ROW_DELAY_S = 1.0
ReceivedEvent = tuple[Event, dict[str, Any] | None]  # an event, and the order once the job is done
Received = ReceivedEvent | JobRecord  # a followed job's event, or a listed job's new record


class DeskStore(param.Parameterized):
    """Session state that views bind to; ``stages``/``lines``/``order`` mirror the ``current`` job."""

    service = param.ClassSelector(
        class_=JobService, constant=True, doc="The process-wide service that runs and records jobs."
    )
    jobs = param.Dict(default={}, doc="Recent jobs, newest first: job id -> JobRow (from the ledger).")
    current = param.String(default=None, allow_None=True, doc="The job the views follow (the URL's ?job=).")
    status = param.Selector(
        default="queued",
        objects=list(JOB_STATUSES),
        doc="The current job's status.",
    )
    stages = param.Dict(default={}, doc="Stage name -> StageState of the current job, in pipeline order.")
    lines = param.Dict(default={}, doc="Line number -> LineState of the current job.")
    order = param.Dict(default=None, allow_None=True, doc="The current job's order (Order.to_dict()).")
    error = param.String(default="", doc="Why the current job failed or stopped, if it did.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._followed = JobProgress(job_id="", filename="", stage_names=self.service.stage_names)
        self._unfollow: Callable[[], None] | None = None
        self._lock = threading.RLock()  # a watcher may re-enter (e.g. set current)
        self._accepting = asyncio.Lock()
        schedule = session_scheduler()
        self._batcher = TickBatcher(schedule, self._apply, _card_key) if schedule else None
        slow = session_scheduler(ROW_DELAY_S)
        self._rows = Coalescer(slow, self._apply, _card_key) if slow else None
        # Watch first, then list: a job changing while the list is read is still heard of (after a
        # restart, a page opening as the adopted jobs run missed their "done" and said "running").
        self._unwatch = self.service.watch(self._job_changed)
        with self._lock:
            recent = self.service.recent(RECENT_JOBS)
            self.jobs = {record.job_id: JobRow.from_record(record) for record in recent}
        if schedule is not None:  # served: stop following jobs when the browser session ends
            pn.state.on_session_destroyed(lambda _context: self.close())
        self._show(self._followed)
        if self.current:
            self._follow(self.current)

    def submit(self, filename: str, data: bytes) -> str:
        """Start a job on the service and follow it; the views switch to it."""
        return self.submit_many([(filename, data)])[0]

    def submit_many(self, inputs: list[tuple[str, bytes]]) -> list[str]:
        """Start one job per input (all stored before any runs) and follow the first: it runs first,
        so its progress shows at once (the last of ten waited for eight others on two workers)."""
        return self.service.submit_many(inputs, before_run=self._show_accepted)

    async def submit_many_off_loop(self, inputs: list[tuple[str, bytes]]) -> list[str]:
        """``submit_many`` for a served page: the inputs are stored in a thread, not on the event
        loop that carries every page's updates (measured: 11 % of the loop under load). Listing,
        following and queueing then happen back here, in that order, as ``submit_many`` does."""
        async with self._accepting:  # one upload at a time: a later one cannot overtake
            job_ids = await asyncio.to_thread(self.service.accept, inputs)
            return self.service.run_accepted(job_ids, before_run=self._show_accepted)

    @property
    def served(self) -> bool:
        """Whether this store belongs to a served browser session (not a notebook or a test)."""
        return self._batcher is not None

    def _show_accepted(self, job_ids: list[str]) -> None:
        # Listed and followed before the jobs are queued: no event is emitted before this page
        # subscribes (none has to wait for a replay), and the list never lacks the current job.
        records = [self.service.job(job_id) for job_id in job_ids]
        self._update_rows({record.job_id: JobRow.from_record(record) for record in records if record})
        self.current = job_ids[0]

    def retry(self, job_id: str | None = None) -> None:
        """Run an interrupted or failed job again (default: the current one) and follow it."""
        job_id = job_id or self.current
        if not job_id:
            return
        self.service.retry(job_id)
        if job_id == self.current:
            self._follow(job_id)  # its subscription ended with the interruption

    def close(self) -> None:
        """Stop following jobs (the session is gone); the jobs themselves keep running."""
        self._unwatch()
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None

    @param.depends("current", watch=True)
    def _current_changed(self) -> None:
        self._follow(self.current)

    def _follow(self, job_id: str | None) -> None:
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None
        record = self.service.job(job_id) if job_id else None
        progress = JobProgress(job_id or "", record.filename if record else "", self.service.stage_names)
        if job_id and record is None:
            progress.error = f"There is no job {job_id} in the ledger."
        with self._lock:
            self._followed = progress
            self._show(progress)
        if record is not None:
            self._unfollow = self.service.subscribe(record.job_id, self._receive)

    def _receive(self, event: Event) -> None:
        # Runs on a worker thread (live) or the session's thread (replay): read the order from the
        # ledger here, not on the event loop, and hand the rest to the session.
        record = self.service.job(event.job_id) if event.kind == "job_finished" else None
        self._put((event, record.result if record else None))

    def _job_changed(self, job_id: str) -> None:
        # Read and hand on in one step: two threads telling of the same job (the submitter's
        # "queued", the worker's "failed") must not apply an earlier read over a later one.
        with self._lock:
            record = self.service.job(job_id)
            if record is None:
                return
            if self._rows is None:
                self._apply([record])
            else:
                self._rows.put(record)

    def _put(self, received: Received) -> None:
        if self._batcher is None:
            self._apply([received])
        else:
            self._batcher.put(received)

    def _apply(self, batch: list[Received]) -> None:
        with self._lock:
            rows: dict[str, JobRow] = {}
            changed = False
            for received in batch:
                if isinstance(received, JobRecord):
                    rows[received.job_id] = JobRow.from_record(received)
                    continue
                event, order = received
                if event.job_id == self._followed.job_id:
                    changed = self._followed.apply(event, order) or changed
            if changed:
                self._show(self._followed)
            rows = self._agree_with_cards(rows)
            if rows:
                self._update_rows(rows)
                self._refollow_if_restarted(rows.get(self._followed.job_id))

    def _agree_with_cards(self, rows: dict[str, JobRow]) -> dict[str, JobRow]:
        """``rows`` with the followed job's row done as soon as its cards are: its own record may
        come up to ``ROW_DELAY_S`` later, or a record read before it finished may still be due."""
        followed = self._followed
        row = rows.get(followed.job_id) or self.jobs.get(followed.job_id)
        if followed.status != "done" or row is None or row.status == "done":
            return rows
        return {**rows, followed.job_id: row.finished_as(followed)}

    def _update_rows(self, rows: dict[str, JobRow]) -> None:
        added = {job_id: row for job_id, row in rows.items() if job_id not in self.jobs}
        kept = {job_id: rows.get(job_id, row) for job_id, row in self.jobs.items()}
        self.jobs = dict(list({**dict(reversed(added.items())), **kept}.items())[: RECENT_JOBS * 4])

    def _refollow_if_restarted(self, row: JobRow | None) -> None:
        # Someone (another tab, the API) retried the job this page shows: its old subscription
        # ended with the interruption, so subscribe again to see the new run. (The first news of
        # the retry may already say "done": a short job can finish before the notice is read.)
        if row is not None and stopped(self._followed.status) and row.status != self._followed.status:
            self._follow(row.job_id)

    def _show(self, job: JobProgress) -> None:
        # JobProgress replaces a dict whenever it changes, so identity says what changed. Passing
        # only those keeps a line event from re-rendering every stage card (param cannot compare
        # dicts of dataclasses, so it would treat an unchanged ``stages`` as changed).
        shown = {
            "status": job.status,
            "stages": job.stages,
            "lines": job.lines,
            "order": job.order,
            "error": job.error,
        }
        self.param.update({name: value for name, value in shown.items() if getattr(self, name) is not value})


def _card_key(received: Received) -> Hashable:
    """What an item changes on screen: a job's row, one stage card, one line row, or the whole job."""
    if isinstance(received, JobRecord):
        return ("row", received.job_id)
    event = received[0]
    if event.kind == "line_updated":
        return (event.job_id, "line", event.data.get("line_no"))
    return (event.job_id, "stage", event.stage) if event.stage else (event.job_id, "job")
