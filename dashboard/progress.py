"""A job as a viewer sees it: its events folded, in order, into stage and line states.

Pure and Panel-free, so the same folding serves the store, tests and any other viewer. Every
state is a frozen record and every change makes new dicts: a watcher comparing old and new
values sees exactly what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from pipeline.events import Event
from pipeline.job_status import JobStatus, StageStatus
from pipeline.ledger import JobRecord
from pipeline.verdict import match_status

UNMATCHED = frozenset({"extracted", "searching"})  # a line's states before its match is known


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
    status: str = "extracted"  # extracted | searching | matched | no_match, or the job's end if it
    # stopped before the line was matched: interrupted | failed
    part_number: str | None = None
    confidence: float | None = None
    passed: bool | None = None  # the review's verdict on the line, once the order is assembled


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
        if event.kind == "job_started":  # also a retry's fresh start: forget the earlier attempt
            self.status, self.order, self.error, self.lines = "running", None, "", {}
            self.stage_names = tuple(data.get("stages", self.stage_names))
            self.stages = {name: StageState(name) for name in self.stage_names}
        elif event.kind == "line_updated":
            self._update_line(data)
        elif event.kind == "job_finished":
            self.status, self.order = "done", order
            self._apply_order(order)
        elif event.kind == "job_failed":
            self.status, self.error = "failed", str(data.get("error", ""))
            self._stop_unmatched_lines()
        elif event.kind == "job_interrupted":
            self.status, self.error = "interrupted", str(data.get("error", ""))
            self._stop_unmatched_lines()
            self.stages = {
                name: replace(stage, status="interrupted", changed_at=event.at)
                if stage.status == "running"
                else stage
                for name, stage in self.stages.items()
            }
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

    def _stop_unmatched_lines(self) -> None:
        """A line still being read or searched when the job ended says how the job ended."""
        self.lines = {
            line_no: replace(line, status=self.status) if line.status in UNMATCHED else line
            for line_no, line in self.lines.items()
        }

    def _apply_order(self, order: dict[str, Any] | None) -> None:
        # The assembled order has the last word on each line: assembly may decline the match
        # stage's best candidate (too weak to pick), and the review gives each line its verdict.
        lines = dict(self.lines)
        for line in (order or {}).get("lines", []):
            match = line.get("match") or {}
            verdict = line.get("review")
            lines[line["line_no"]] = replace(
                lines.get(line["line_no"]) or LineState(line["line_no"], text=line["source_text"][:200]),
                status=match_status(match or None),
                part_number=match.get("part_number"),
                confidence=match.get("confidence"),
                passed=verdict.get("passed") if isinstance(verdict, dict) else None,
            )
        self.lines = lines


@dataclass(frozen=True)
class JobRow:
    """One job in a list of jobs: what the ledger's record says about it."""

    job_id: str
    filename: str
    status: str
    created_at: str
    error: str = ""
    review: str = ""
    lines: int | None = None
    subtotal: float | None = None
    customer: str = ""

    @classmethod
    def from_record(cls, record: JobRecord) -> JobRow:
        return cls(
            job_id=record.job_id,
            filename=record.filename,
            status=record.status,
            created_at=record.created_at,
            error=record.error or "",
            **_order_fields(record.result),
        )

    def finished_as(self, progress: JobProgress) -> JobRow:
        """This row once ``progress`` (the same job, followed live) says it is done: what the
        ledger's record will say, before the record is read again."""
        return replace(self, status=progress.status, error=progress.error, **_order_fields(progress.order))


def _order_fields(order: dict[str, Any] | None) -> dict[str, Any]:
    """What a job's row shows of its order (nothing before the job is done)."""
    order = order or {}
    totals = order.get("totals") or {}
    customer = order.get("customer") or {}
    return {
        "review": str((order.get("review") or {}).get("status", "")),
        "lines": totals.get("line_count"),
        "subtotal": totals.get("subtotal"),
        "customer": str(customer.get("company") or customer.get("email") or ""),
    }
