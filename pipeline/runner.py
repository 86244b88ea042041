"""The runner: executes the named stages of one job and reports each step as an event.

Stages are pure work on a ``JobState``; everything around them — timing, events, the ledger,
turning an exception into a failed job — happens here, in one place (as kedro's
``runner/task.py`` does: report, then re-raise to the caller only for unexpected errors).
"""

from __future__ import annotations

import itertools
import math
import threading
import time
from typing import Any

from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.errors import OrderDeskError
from pipeline.events import Event, EventBus, EventKind
from pipeline.job import JobState, Stage, StageContext
from pipeline.job_status import JobStatus
from pipeline.ledger import JobRecord, Ledger
from pipeline.orders.store import OrderStore
from pipeline.stages import DEFAULT_STAGES


class Runner:
    """Runs jobs through ``stages``; emits events to ``bus`` and records them in ``ledger``."""

    def __init__(
        self,
        catalog: CatalogStore,
        ledger: Ledger,
        stages: tuple[Stage, ...] | None = None,
        bus: EventBus | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.catalog = catalog
        self.ledger = ledger
        self.settings = settings or Settings.from_env()
        self.orders = OrderStore(ledger)
        self.stages = stages if stages is not None else DEFAULT_STAGES
        self.bus = bus or EventBus()
        self._seq: dict[str, itertools.count[int]] = {}
        self._seq_lock = threading.Lock()

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def emit(self, job_id: str, kind: EventKind, stage: str | None = None, **data: Any) -> Event:
        """Record an event in the ledger first (so replay never misses it), then fan it out."""
        with self._seq_lock:
            event = self._recorded(job_id, kind, stage, data)
        self.bus.emit(event)
        return event

    def _recorded(self, job_id: str, kind: EventKind, stage: str | None, data: dict[str, Any]) -> Event:
        """The job's next event, written to the ledger; the caller holds ``_seq_lock``."""
        counter = self._seq.setdefault(job_id, itertools.count(self.ledger.last_seq(job_id) + 1))
        event = Event(job_id=job_id, seq=next(counter), kind=kind, stage=stage, data=data)
        self.ledger.record(event)
        return event

    def _end(self, state: JobState, status: JobStatus, kind: EventKind, store: bool, **data: Any) -> None:
        """Write the job's last event, its final status and (``store``) its order in one transaction.

        A reader that sees the job done or failed therefore already finds its last event: an HTTP
        follower stops at the status, so the two must never be seen apart. The sequence lock is
        taken before the ledger's write lock, in the order ``emit`` takes them.
        """
        with self._seq_lock:
            try:
                with self.ledger.transaction():
                    event = self._recorded(state.job_id, kind, None, data)
                    result = state.order.to_dict() if store and state.order else None
                    self.ledger.set_status(state.job_id, status, result=result, error=data.get("error"))
                    if store and state.order is not None:
                        self.orders.save_processed(state.order, state.job_id, state.customer)
            except BaseException:
                self._seq.pop(state.job_id, None)  # rolled back: the next event reuses its number
                raise
        self.bus.emit(event)

    def submit(self, filename: str, data: bytes, *, force: bool = False) -> str:
        """Accept an input into the ledger (durably) and return its job id; does not run it.

        The same bytes again give the existing job (so re-processing an email is free and never
        duplicates its order) unless ``force`` asks for a new job.
        """
        return self.ledger.accept(filename, data, force=force)

    def submit_many(self, inputs: list[tuple[str, bytes]]) -> list[str]:
        """Accept several inputs in one transaction: every one of them, or (on an error) none.

        An upload is accepted whole or refused whole, never half stored; and one commit waits
        for the disk once, not once per file.
        """
        with self.ledger.transaction():
            return [self.submit(filename, data) for filename, data in inputs]

    def run(self, job_id: str) -> JobState:
        """Run every stage of an accepted job. Expected failures fail the job, not the caller.

        Queued, failed and interrupted jobs run (a retry is just ``run`` again); a job that is
        done or running elsewhere is not run twice — its stored order, if any, is returned.
        """
        record = self.ledger.job(job_id)
        if record is None:
            raise OrderDeskError(f"no job {job_id} in the ledger {self.ledger.path}")
        state = JobState(job_id=job_id, filename=record.filename, data=self.ledger.input_data(job_id))
        claimed = self.ledger.claim(job_id) or (
            self.ledger.release_orphan(job_id) and self.ledger.claim(job_id)
        )
        if not claimed:
            return self._stored(state, self.ledger.job(job_id) or record)
        self.emit(job_id, "job_started", filename=record.filename, stages=list(self.stage_names))
        deadline = time.monotonic() + self.settings.intake.max_job_seconds
        try:
            for stage in self.stages:
                self._run_stage(stage, state, deadline)
            self._end(state, "done", "job_finished", store=True, timings_ms=state.timings_ms)
        except OrderDeskError as error:
            self._fail(state, error)
        except Exception as error:
            self._fail(state, error)
            raise
        finally:
            with self._seq_lock:
                self._seq.pop(job_id, None)
        return state

    def process(self, filename: str, data: bytes, *, force: bool = False) -> JobState:
        """Accept and run in one call (CLI, notebooks, batch); see ``submit`` for ``force``."""
        return self.run(self.submit(filename, data, force=force))

    def _stored(self, state: JobState, record: JobRecord) -> JobState:
        """The state of a job not run now: its stored order (none while it still runs elsewhere)."""
        stored = self.orders.for_content(record.content_hash) if record.status == "done" else None
        if stored is not None:
            state.order = stored.order
            state.document = stored.order.document
            state.timings_ms = dict(stored.order.timings_ms)
        state.reused = True
        return state

    def _run_stage(self, stage: Stage, state: JobState, deadline: float = math.inf) -> None:
        context = StageContext(
            self.catalog, self.ledger, self.settings, self.emit, state.job_id, stage.name, deadline
        )
        self.emit(state.job_id, "stage_started", stage.name)
        started = time.perf_counter()
        try:
            context.check_time()
            summary = stage.run(state, context)
        except Exception as error:
            elapsed = _ms_since(started)
            state.timings_ms[stage.name] = elapsed
            message = str(error) if isinstance(error, OrderDeskError) else repr(error)
            self.emit(state.job_id, "stage_failed", stage.name, elapsed_ms=elapsed, error=message)
            raise
        elapsed = _ms_since(started)
        state.timings_ms[stage.name] = elapsed
        if state.order is not None:
            state.order.timings_ms = dict(state.timings_ms)
        self.emit(state.job_id, "stage_finished", stage.name, elapsed_ms=elapsed, summary=summary)

    def _fail(self, state: JobState, error: Exception) -> None:
        message = str(error) if isinstance(error, OrderDeskError) else f"internal error: {error!r}"
        self._end(state, "failed", "job_failed", store=False, error=message)


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
