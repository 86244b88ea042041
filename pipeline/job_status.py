"""A job's status and its stages': one vocabulary for the ledger, runner, HTTP API and pages.

queued → running → done, or failed / interrupted (its process stopped). A job that failed or was
interrupted ended without an order and may be run again.
"""

from __future__ import annotations

from typing import Literal, get_args

JobStatus = Literal["queued", "running", "done", "failed", "interrupted"]
StageStatus = Literal["pending", "running", "done", "failed", "interrupted"]  # a stage of one job
JOB_STATUSES: tuple[JobStatus, ...] = get_args(JobStatus)
ACTIVE_STATUSES: tuple[JobStatus, ...] = ("queued", "running")  # being run, or waiting to be
STOPPED_STATUSES: tuple[JobStatus, ...] = ("failed", "interrupted")  # ended without an order
RUNNABLE_STATUSES: tuple[JobStatus, ...] = ("queued", *STOPPED_STATUSES)  # may be claimed to run


def is_active(status: str) -> bool:
    """Queued or running: the job's history is still growing."""
    return status in ACTIVE_STATUSES


def stopped(status: str) -> bool:
    """Failed or interrupted: the job ended without an order, and Retry runs it again."""
    return status in STOPPED_STATUSES
