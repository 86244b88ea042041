"""A job as the HTTP API reports it: the ledger's record plus its events folded into stages and lines.

This is a contract read by scripts (``GET /api/jobs/<id>``): extend it, never rename or remove a
field. ``order`` is exactly the object ``python -m pipeline process --json`` prints for the file.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from dashboard.jobs import JobService
from dashboard.progress import JobProgress, StageState
from pipeline.events import Event
from pipeline.ledger import JobRecord


def job_links(job_id: str) -> dict[str, str]:
    return {
        "self": f"/api/jobs/{job_id}",
        "events": f"/api/jobs/{job_id}/events",
        "status_page": f"/jobs/{job_id}",
        "dashboard": f"/app?job={job_id}",
    }


def fold(service: JobService, record: JobRecord) -> JobProgress:
    """The job's whole history from the ledger, folded as a page would show it."""
    progress = JobProgress(record.job_id, record.filename, service.stage_names)
    for event in service.runner.ledger.events(record.job_id):
        progress.apply(event, record.result if event.kind == "job_finished" else None)
    return progress


def _stage_json(stage: StageState) -> dict[str, Any]:
    changed_at = stage.changed_at.isoformat() if stage.changed_at else None
    return asdict(stage) | {"changed_at": changed_at}


def job_json(service: JobService, record: JobRecord, links: dict[str, str]) -> dict[str, Any]:
    """``GET /api/jobs/<id>``: status, stages in pipeline order, lines, and the order once done."""
    progress = fold(service, record)
    return {
        "job_id": record.job_id,
        "filename": record.filename,
        "status": record.status,  # queued | running | done | failed | interrupted (the ledger's word)
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "error": record.error,
        "stages": [_stage_json(stage) for stage in progress.stages.values()],
        "lines": [asdict(line) for _, line in sorted(progress.lines.items())],
        "order": record.result,
        "last_seq": progress.last_seq,
        "links": links,
    }


def event_json(event: Event) -> dict[str, Any]:
    return event.to_dict()
