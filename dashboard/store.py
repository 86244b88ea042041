"""One browser session's state: the jobs it started and what their events have said.

Events arrive on the job service's worker threads. In a served session they are queued and
applied on the session's own thread with the document locked, in order, a few per tick (see
``dashboard.session``); every parameter change — and the browser update it causes — happens
there. In a notebook there is no server document; events are applied where they arrive, under
a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

import panel as pn
import param

from dashboard.jobs import JobService
from dashboard.progress import JobProgress
from dashboard.session import TickBatcher, session_scheduler
from pipeline.events import Event

Received = tuple[Event, dict[str, Any] | None]  # an event, and the order once the job is done


class DeskStore(param.Parameterized):
    """Session state that views bind to; ``stages``/``lines``/``order`` mirror the ``current`` job."""

    service = param.ClassSelector(
        class_=JobService, constant=True, doc="The process-wide service that runs and records jobs."
    )
    jobs = param.Dict(default={}, doc="Jobs started in this session, oldest first: job id -> label.")
    current = param.String(default=None, allow_None=True, doc="The job the views show.")
    status = param.Selector(
        default="queued", objects=["queued", "running", "done", "failed"], doc="The current job's status."
    )
    stages = param.Dict(default={}, doc="Stage name -> StageState of the current job, in pipeline order.")
    lines = param.Dict(default={}, doc="Line number -> LineState of the current job.")
    order = param.Dict(default=None, allow_None=True, doc="The current job's order (Order.to_dict()).")
    error = param.String(default="", doc="Why the current job failed, if it did.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._progress: dict[str, JobProgress] = {}
        self._unsubscribes: list[Callable[[], None]] = []
        self._lock = threading.RLock()  # a watcher may re-enter (e.g. set current)
        schedule = session_scheduler()
        self._batcher = TickBatcher(schedule, self._apply, _card_key) if schedule else None
        if schedule is not None:  # served: stop following jobs when the browser session ends
            pn.state.on_session_destroyed(lambda _context: self.close())
        self._show(JobProgress(job_id="", filename="", stage_names=self.service.stage_names))

    def submit(self, filename: str, data: bytes) -> str:
        """Start a job on the service and follow its events; the views switch to it."""
        job_id = self.service.submit(filename, data)
        self._progress[job_id] = JobProgress(job_id, filename, self.service.stage_names)
        self.jobs = {**self.jobs, job_id: f"{filename} · {job_id[:8]}"}
        self.current = job_id
        self._unsubscribes.append(self.service.subscribe(job_id, self._receive))
        return job_id

    def close(self) -> None:
        """Stop following jobs (the session is gone); the jobs themselves keep running."""
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes.clear()

    def _receive(self, event: Event) -> None:
        # Runs on a worker thread (live) or the session's thread (replay): read the order from the
        # ledger here, not on the event loop, and hand the rest to the session.
        record = self.service.job(event.job_id) if event.kind == "job_finished" else None
        received = (event, record.result if record else None)
        if self._batcher is None:
            self._apply([received])
        else:
            self._batcher.put(received)

    def _apply(self, batch: list[Received]) -> None:
        with self._lock:
            changed = set()
            for event, order in batch:
                job = self._progress.get(event.job_id)
                if job is not None and job.apply(event, order):
                    changed.add(event.job_id)
            if self.current in changed:
                self._show(self._progress[self.current])

    @param.depends("current", watch=True)
    def _show_current(self) -> None:
        with self._lock:
            job = self._progress.get(self.current or "")
            if job is not None:
                self._show(job)

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
    """What an event changes on screen: one stage card, one line row, or the job as a whole."""
    event = received[0]
    if event.kind == "line_updated":
        return (event.job_id, "line", event.data.get("line_no"))
    return (event.job_id, "stage", event.stage) if event.stage else (event.job_id, "job")
