"""A job as a viewer sees it: its events folded, in order, into stage and line states.

Pure and Panel-free, so the same folding serves the store, tests and any other viewer. Every
state is a frozen record and every change makes new dicts: a watcher comparing old and new
values sees exactly what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from pipeline.events import Event

StageStatus = Literal["pending", "running", "done", "failed"]
JobStatus = Literal["queued", "running", "done", "failed"]


@dataclass(frozen=True)
class StageState:
    """One stage card: where the stage is, how long it took, and what it found."""

    name: str
    status: StageStatus = "pending"
    elapsed_ms: float | None = None
    summary: str = ""
    error: str = ""
    done: int | None = None  # progress within the stage, when it reports any
    total: int | None = None
    changed_at: datetime | None = None  # server time of the event behind the current status


@dataclass(frozen=True)
class LineState:
    """One requested line as it moves through extract, search and match."""

    line_no: int
    text: str = ""
    status: str = "extracted"  # extracted | searching | matched | no_match
    part_number: str | None = None
    confidence: float | None = None


@dataclass
class JobProgress:
    """Everything one job's events have said so far; ``apply`` folds in the next event."""

    job_id: str
    filename: str
    stage_names: tuple[str, ...]
    status: JobStatus = "queued"
    stages: dict[str, StageState] = field(default_factory=dict)
    lines: dict[int, LineState] = field(default_factory=dict)
    order: dict[str, Any] | None = None
    error: str = ""
    last_seq: int = 0

    def __post_init__(self) -> None:
        if not self.stages:
            self.stages = {name: StageState(name) for name in self.stage_names}

    def apply(self, event: Event, order: dict[str, Any] | None = None) -> bool:
        """Fold in ``event`` (``order`` is the ledger's result for ``job_finished``).

        Returns False for an event already seen, so replays and retries are harmless.
        """
        if event.seq <= self.last_seq:
            return False
        self.last_seq = event.seq
        data = event.data
        if event.kind == "job_started":
            self.status = "running"
            self.stage_names = tuple(data.get("stages", self.stage_names))
            self.stages = {name: StageState(name) for name in self.stage_names}
        elif event.kind == "line_updated":
            self._update_line(data)
        elif event.kind == "job_finished":
            self.status, self.order = "done", order
        elif event.kind == "job_failed":
            self.status, self.error = "failed", str(data.get("error", ""))
        elif event.stage is not None:
            self._update_stage(event)
        return True

    def _update_stage(self, event: Event) -> None:
        stage = self.stages.get(event.stage) or StageState(event.stage)
        data = event.data
        if event.kind == "stage_started":
            stage = replace(stage, status="running", changed_at=event.at)
        elif event.kind == "stage_progress":
            stage = replace(stage, done=data.get("done"), total=data.get("total"))
        elif event.kind == "stage_finished":
            stage = replace(
                stage,
                status="done",
                elapsed_ms=data.get("elapsed_ms"),
                summary=str(data.get("summary", "")),
                changed_at=event.at,
            )
        elif event.kind == "stage_failed":
            stage = replace(
                stage,
                status="failed",
                elapsed_ms=data.get("elapsed_ms"),
                error=str(data.get("error", "")),
                changed_at=event.at,
            )
        self.stages = {**self.stages, event.stage: stage}

    def _update_line(self, data: dict[str, Any]) -> None:
        line_no = int(data["line_no"])
        line = self.lines.get(line_no) or LineState(line_no)
        line = replace(
            line,
            text=str(data.get("text", line.text)),
            status=str(data.get("status", line.status)),
            part_number=data.get("part_number", line.part_number),
            confidence=data.get("confidence", line.confidence),
        )
        self.lines = {**self.lines, line_no: line}
