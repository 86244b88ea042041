"""What the page's file input and ``POST /api/jobs`` share: the size limits, and telling a re-sent email.

A file over ``intake.max_file_mb`` (the limit of every input, however it arrives) is refused by
name while the rest of its upload goes on; an upload over ``limits.max_request_mb`` in all is
refused whole (over HTTP before its body is read).
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.config import IntakeSettings, LimitsSettings
from pipeline.ledger import JobRecord

MB = 1024 * 1024
MULTIPART_SLACK = 64 * 1024  # part headers and boundaries around the files of one request


def size_text(size: float) -> str:
    """``size`` bytes for a person: 3 significant figures, in KB below a megabyte."""
    return f"{size / MB:.3g} MB" if size >= MB else f"{size / 1024:.3g} KB"


def too_big(name: str, size: int, intake: IntakeSettings) -> str | None:
    """Why this file is refused, or None when it fits."""
    if size <= intake.max_file_bytes:
        return None
    return (
        f"{name} is {size_text(size)}; files may be at most {size_text(intake.max_file_bytes)} "
        "(setting intake.max_file_mb)"
    )


def request_too_big(size: int, limits: LimitsSettings) -> str | None:
    """Why an upload of ``size`` bytes in all is refused, or None when it fits."""
    if size <= limits.max_request_bytes + MULTIPART_SLACK:
        return None
    return (
        f"this upload is {size_text(size)}; one upload may carry at most "
        f"{size_text(limits.max_request_bytes)} "
        "(setting limits.max_request_mb): send the files in smaller groups"
    )


def within_limits(
    files: list[tuple[str, bytes]], intake: IntakeSettings
) -> tuple[list[tuple[str, bytes]], list[dict[str, str]]]:
    """(the files that fit, ``{"filename", "error"}`` for each refused one)."""
    accepted, refused = [], []
    for name, data in files:
        problem = too_big(name, len(data), intake)
        if problem is None:
            accepted.append((name, data))
        else:
            refused.append({"filename": name, "error": problem})
    return accepted, refused


def received_before(
    uploads: list[tuple[str, str]], job: Callable[[str], JobRecord | None], since: str
) -> dict[str, JobRecord]:
    """Which of the accepted ``(filename, job_id)`` were in the ledger before ``since`` (an ISO time
    taken before accepting), with their earlier record.

    The same bytes give the same job, so a re-sent email is never processed or ordered twice; the
    upload answers with that job, and this lets the page and the API say so (the earlier job may
    carry another file name, and its result or error names that one).
    """
    earlier = {}
    for _, job_id in uploads:
        record = job(job_id)
        if record is not None and record.created_at < since:
            earlier[job_id] = record
    return earlier


def received_before_text(filename: str, record: JobRecord) -> str:
    """What the page says of a re-sent email."""
    when = record.created_at[:16].replace("T", " ")
    named = "" if record.filename == filename else f" as {record.filename}"
    first = f"({when} UTC, {record.status})"
    return f"{filename} was received before{named} {first}; its job stands, it is not run again"
