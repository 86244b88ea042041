"""What happened to each input of a batch: the record workers return and reports are made of."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OutcomeStatus = Literal["done", "failed", "skipped"]


@dataclass(frozen=True)
class Outcome:
    """One input's fate. ``reason`` says why it failed or was skipped, in words a person can act on."""

    name: str
    content_hash: str | None
    status: OutcomeStatus
    reason: str | None = None
    job_id: str | None = None
    order_id: str | None = None
    review_status: str | None = None
    lines: int = 0
    matched_lines: int = 0
    pipeline_ms: float = 0.0  # time in the pipeline for this email, measured where it ran
    worker: str | None = None  # host:pid that ran it


def failed(name: str, reason: str, content_hash: str | None = None) -> Outcome:
    return Outcome(name=name, content_hash=content_hash, status="failed", reason=reason)


def skipped(name: str, reason: str, content_hash: str | None = None) -> Outcome:
    return Outcome(name=name, content_hash=content_hash, status="skipped", reason=reason)
