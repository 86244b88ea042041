"""What a stage works on: the job's state, the stage itself, and what it may use besides the state.

The runner (``pipeline/runner.py``) runs stages; the stages (``pipeline/stages.py``) are built from
these types alone, so neither imports the other's module in both directions.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.catalog.search import Hits
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.customers.directory import CustomerMatch
from pipeline.errors import StageError
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
    customer: CustomerMatch | None = None  # the customer stage's answer: who sent it
    candidates: dict[int, Hits] = field(default_factory=dict)  # the search stage's finds per line
    matches: dict[int, MatchResult] = field(default_factory=dict)  # the match stage's answer per line
    ranked: dict[int, list[Candidate]] = field(default_factory=dict)
    order: Order | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    reused: bool = False  # True when ``run`` returned a finished job's stored order without running


EmitFn = Callable[..., Any]  # (job_id, kind, stage, **data): records an event and fans it out


class StageContext:
    """What a stage may use besides the state: catalog, ledger, settings, and progress reporting."""

    def __init__(
        self,
        catalog: CatalogStore,
        ledger: Ledger,
        settings: Settings,
        emit: EmitFn,
        job_id: str,
        stage: str,
        deadline: float = math.inf,
    ) -> None:
        self.catalog = catalog
        self.ledger = ledger
        self.settings = settings
        self._emit = emit
        self._job_id = job_id
        self._stage = stage
        self._deadline = deadline

    def check_time(self) -> None:
        """Stop the job (a ``StageError``) once it has run past ``intake.max_job_seconds``.

        Threads cannot be interrupted, so the bound is checked at each step a stage reports;
        the input limits keep the work between two steps short.
        """
        if time.monotonic() > self._deadline:
            limit = self.settings.intake.max_job_seconds
            raise StageError(
                self._stage, f"the job ran past its time limit of {limit:g} s (intake.max_job_seconds)"
            )

    def progress(self, done: int, total: int, message: str = "") -> None:
        self.check_time()
        self._emit(self._job_id, "stage_progress", self._stage, done=done, total=total, message=message)

    def line_updated(self, line_no: int, status: str, **data: Any) -> None:
        self.check_time()
        self._emit(self._job_id, "line_updated", self._stage, line_no=line_no, status=status, **data)


StageFn = Callable[[JobState, StageContext], str]


@dataclass(frozen=True)
class Stage:
    """A named step; ``run`` fills its part of the state and returns a one-line summary."""

    name: str
    run: StageFn
