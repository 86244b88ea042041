"""Plain HTTP beside the dashboard, for clients that cannot (or would rather not) open a WebSocket.

Served by the same process as the pages, on the same job service and ledger, so a job submitted
here shows up in every open page and the reverse:

- ``POST /api/jobs`` multipart upload of one or more files → 201 ``{"jobs": [{job_id, filename,
  status, links}]}``, one job per file, in upload order (400 when no file is attached).
- ``GET /api/jobs`` the recent jobs, newest first (``?limit=N``, at most 500).
- ``GET /api/jobs/<id>`` → ``dashboard.job_report.job_json`` (404 for an unknown id).
- ``GET /api/jobs/<id>/events?after=N&wait=S`` the job's events after ``seq`` N; with ``wait``
  (seconds, at most 30) it answers as soon as there is one, or empty when the wait is over.
- ``POST /api/jobs/<id>/retry`` → 202 for an interrupted or failed job, 409 otherwise.
- ``GET /jobs/<id>`` a small HTML status page that refreshes itself until the job ends.
- ``GET /api/health`` → ``{"status": "ok"}`` once the job service is up.

``ROUTES`` is what ``panel serve --plugins dashboard.api`` and ``dashboard.server`` mount. Errors are
JSON ``{"error": message}``. Handlers reach the service through ``dashboard.jobs.service()``, the
same module the pages import, so both share one service per process.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import PurePath
from typing import Any

from tornado.web import HTTPError, RequestHandler

from dashboard import jobs
from dashboard.job_report import event_json, is_active, job_json
from dashboard.status_page import status_page_html
from pipeline.errors import OrderDeskError
from pipeline.events import Event
from pipeline.ledger import JobRecord

JOB_ID = r"(?P<job_id>[^/]+)"
MAX_WAIT_S = 30.0
MAX_LIST = 500


def job_links(job_id: str) -> dict[str, str]:
    return {
        "self": f"/api/jobs/{job_id}",
        "events": f"/api/jobs/{job_id}/events",
        "status_page": f"/jobs/{job_id}",
        "dashboard": f"/app?job={job_id}",
    }


class ApiHandler(RequestHandler):
    """JSON in and out; errors are JSON too, never an HTML traceback."""

    service: jobs.JobService

    def prepare(self) -> None:
        try:
            self.service = jobs.service()
        except OrderDeskError as error:  # e.g. no catalog: say how to fix it (finishing skips the verb)
            self.fail(503, str(error))

    def reply(self, status: int, body: dict[str, Any]) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))

    def fail(self, status: int, message: str) -> None:
        if not self._finished:
            self.reply(status, {"error": message})

    def record(self, job_id: str) -> JobRecord | None:
        record = self.service.job(job_id)
        if record is None:
            self.fail(404, f"no job {job_id}")
        return record

    def number(self, name: str, default: float, kind: type[int] | type[float] = int) -> float:
        """A numeric query argument; anything else is the client's error (400), not ours (500)."""
        raw = self.get_argument(name, str(default))
        try:
            return kind(raw)
        except ValueError:
            raise HTTPError(400, reason=f"{name} must be a number, not {raw!r}") from None

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.fail(status_code, self._reason)


class JobsHandler(ApiHandler):
    def post(self) -> None:
        uploads = [upload for field in self.request.files.values() for upload in field]
        if not uploads:
            self.fail(400, "attach one or more files as multipart/form-data (any field name)")
            return
        service = self.service
        accepted = []
        for upload in uploads:
            filename = PurePath(upload.filename or "upload.txt").name  # a name, never a path
            job_id = service.submit(filename, upload.body)
            accepted.append(
                {"job_id": job_id, "filename": filename, "status": "queued", "links": job_links(job_id)}
            )
        self.reply(201, {"jobs": accepted})

    def get(self) -> None:
        limit = int(min(self.number("limit", 50), MAX_LIST))
        records = self.service.recent(limit)
        rows = [
            {"job_id": r.job_id, "filename": r.filename, "status": r.status, "created_at": r.created_at}
            | {"links": job_links(r.job_id)}
            for r in records
        ]
        self.reply(200, {"jobs": rows})


class JobHandler(ApiHandler):
    def get(self, job_id: str) -> None:
        record = self.record(job_id)
        if record is not None:
            self.reply(200, job_json(self.service, record, job_links(job_id)))


class JobEventsHandler(ApiHandler):
    async def get(self, job_id: str) -> None:
        record = self.record(job_id)
        if record is None:
            return
        after = int(self.number("after", 0))
        wait = min(self.number("wait", 0, float), MAX_WAIT_S)
        ledger = self.service.runner.ledger
        events = ledger.events(job_id, after_seq=after)
        if not events and wait > 0 and is_active(record):
            await self._next_event(job_id, after, wait)
        # The status first: a job's last event commits with its final status, so events read
        # after a final status include the last one, and a follower that stops there misses none.
        status = ledger.job(job_id).status
        events = ledger.events(job_id, after_seq=after)
        self.reply(200, {"job_id": job_id, "status": status, "events": [event_json(e) for e in events]})

    async def _next_event(self, job_id: str, after: int, wait: float) -> None:
        loop = asyncio.get_running_loop()
        arrived = asyncio.Event()

        def on_event(event: Event) -> None:  # a worker thread; only wake the loop
            if event.seq > after:
                loop.call_soon_threadsafe(arrived.set)

        unsubscribe = self.service.subscribe(job_id, on_event)
        try:
            await asyncio.wait_for(arrived.wait(), wait)
        except TimeoutError:
            pass  # nothing new within the wait: answer with no events, the client asks again
        finally:
            unsubscribe()


class RetryHandler(ApiHandler):
    def post(self, job_id: str) -> None:
        if self.record(job_id) is None:
            return
        try:
            self.service.retry(job_id)
        except OrderDeskError as error:
            self.fail(409, str(error))
            return
        self.reply(202, {"job_id": job_id, "status": "queued", "links": job_links(job_id)})


class StatusPageHandler(ApiHandler):
    def get(self, job_id: str) -> None:
        record = self.record(job_id)
        if record is None:
            return
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        threshold = self.service.runner.settings.gates.min_confidence
        self.finish(status_page_html(job_json(self.service, record, job_links(job_id)), threshold))


class HealthHandler(ApiHandler):
    def get(self) -> None:
        self.reply(200, {"status": "ok", "stages": list(self.service.stage_names)})


ROUTES = [
    (r"/api/health", HealthHandler, {}),
    (r"/api/jobs", JobsHandler, {}),
    (rf"/api/jobs/{JOB_ID}", JobHandler, {}),
    (rf"/api/jobs/{JOB_ID}/events", JobEventsHandler, {}),
    (rf"/api/jobs/{JOB_ID}/retry", RetryHandler, {}),
    (rf"/jobs/{JOB_ID}", StatusPageHandler, {}),
]
