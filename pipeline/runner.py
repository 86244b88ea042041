"""The runner: executes the named stages of one job and reports each step as an event.

Stages are pure work on a ``JobState``; everything around them — timing, events, the ledger,
turning an exception into a failed job — happens here, in one place (as kedro's
``runner/task.py`` does: report, then re-raise to the caller only for unexpected errors).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.catalog.search import Hits
from pipeline.catalog.store import CatalogStore
from pipeline.errors import OrderDeskError
from pipeline.events import Event, EventBus, EventKind
from pipeline.ledger import Ledger
from pipeline.match import MatchResult
from pipeline.models import Candidate, Document, Extraction, Order


@dataclass
class JobState:
    """Everything a job has produced so far; each stage reads earlier fields and fills its own."""

    job_id: str
    filename: str
    data: bytes
    document: Document | None = None
    extraction: Extraction | None = None
    candidates: dict[int, Hits] = field(default_factory=dict)  # the search stage's finds per line
    matches: dict[int, MatchResult] = field(default_factory=dict)  # the match stage's answer per line
    ranked: dict[int, list[Candidate]] = field(default_factory=dict)
    order: Order | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)


class StageContext:
    """What a stage may use besides the state: the catalog, and progress reporting."""

    def __init__(self, runner: Runner, job_id: str, stage: str) -> None:
        self.catalog = runner.catalog
        self._runner = runner
        self._job_id = job_id
        self._stage = stage

    def progress(self, done: int, total: int, message: str = "") -> None:
        self._runner.emit(
            self._job_id, "stage_progress", self._stage, done=done, total=total, message=message
        )

    def line_updated(self, line_no: int, status: str, **data: Any) -> None:
        self._runner.emit(self._job_id, "line_updated", self._stage, line_no=line_no, status=status, **data)


StageFn = Callable[[JobState, StageContext], str]


@dataclass(frozen=True)
class Stage:
    """A named step; ``run`` fills its part of the state and returns a one-line summary."""

    name: str
    run: StageFn


class Runner:
    """Runs jobs through ``stages``; emits events to ``bus`` and records them in ``ledger``."""

    def __init__(
        self,
        catalog: CatalogStore,
        ledger: Ledger,
        stages: tuple[Stage, ...] | None = None,
        bus: EventBus | None = None,
    ) -> None:
        from pipeline.stages import DEFAULT_STAGES  # stages import the runner's types

        self.catalog = catalog
        self.ledger = ledger
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
            counter = self._seq.setdefault(job_id, itertools.count(self.ledger.last_seq(job_id) + 1))
            event = Event(job_id=job_id, seq=next(counter), kind=kind, stage=stage, data=data)
            self.ledger.record(event)
        self.bus.emit(event)
        return event

    def submit(self, filename: str, data: bytes) -> str:
        """Accept an input into the ledger (durably) and return its job id; does not run it."""
        return self.ledger.accept(filename, data)

    def run(self, job_id: str) -> JobState:
        """Run every stage of an accepted job. Expected failures fail the job, not the caller."""
        record = self.ledger.job(job_id)
        if record is None:
            raise OrderDeskError(f"no job {job_id} in the ledger {self.ledger.path}")
        state = JobState(job_id=job_id, filename=record.filename, data=self.ledger.input_data(job_id))
        self.ledger.set_status(job_id, "running")
        self.emit(job_id, "job_started", filename=record.filename, stages=list(self.stage_names))
        try:
            for stage in self.stages:
                self._run_stage(stage, state)
        except OrderDeskError as error:
            self._fail(state, error)
        except Exception as error:
            self._fail(state, error)
            raise
        else:
            result = state.order.to_dict() if state.order else None
            self.ledger.set_status(job_id, "done", result=result)
            self.emit(job_id, "job_finished", timings_ms=state.timings_ms)
        finally:
            with self._seq_lock:
                self._seq.pop(job_id, None)
        return state

    def process(self, filename: str, data: bytes) -> JobState:
        """Accept and run in one call (CLI, notebooks, batch)."""
        return self.run(self.submit(filename, data))

    def _run_stage(self, stage: Stage, state: JobState) -> None:
        self.emit(state.job_id, "stage_started", stage.name)
        started = time.perf_counter()
        try:
            summary = stage.run(state, StageContext(self, state.job_id, stage.name))
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
        self.ledger.set_status(state.job_id, "failed", error=message)
        self.emit(state.job_id, "job_failed", error=message)


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
