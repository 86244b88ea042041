"""Plain HTTP beside the dashboard, for clients that cannot (or would rather not) open a WebSocket.

Served by the same process as the pages, on the same job service and ledger, so a job submitted
here shows up in every open page and the reverse:

- ``POST /api/jobs`` multipart upload of one or more files → 201 ``{"jobs": [{job_id, filename,
  status, links}]}``, one job per file, in upload order (400 when no file is attached). An email
  received before (the same bytes) answers with its existing job, its real status and
  ``received_before: {filename, received_at}``; it is not processed again.
- ``GET /api/jobs`` the recent jobs, newest first (``?limit=N``, at most 500).
- ``GET /api/jobs/<id>`` → ``dashboard.job_report.job_json`` (404 for an unknown id).
- ``GET /api/jobs/<id>/events?after=N&wait=S`` the job's events after ``seq`` N; with ``wait``
  (seconds, at most 30) it answers as soon as there is one, or empty when the wait is over.
- ``POST /api/jobs/<id>/retry`` → 202 for an interrupted or failed job, 409 otherwise.
- ``GET /jobs/<id>`` a small HTML status page that refreshes itself until the job ends.
- ``GET|POST /desk`` the desk without WebSockets or JavaScript: an upload form and the job list
  (``dashboard.api.plain_desk``), where the pages send a browser whose WebSocket is refused
  (``dashboard.live_check``, which also serves ``/live-check.js`` and ``/ws-check``).
- ``GET /api/health`` → ``{"status": "ok"}`` once the job service is up, 503 ``{"status": "ledger
  not writable"}`` while the last write to the ledger failed (a full disk, a read-only folder); to
  a signed-in caller also ``stages``, ``load`` (sessions, subscriptions, watchers, jobs in flight)
  and the ledger's ``error``.
- ``POST /api/orders/<id>/approve|export`` see ``dashboard.api.orders`` (approvers only).
- ``GET /api/mailbox`` each mailbox's state (``dashboard.api.mailbox``).

With login on (``dashboard.access``) every route but health wants ``Authorization: Bearer <API
token>``, HTTP Basic credentials or the page's login cookie, else 401 (the status page sends the
browser to the login form instead). Uploads over the size limits get 413 (``dashboard.uploads``).

``ROUTES`` is what ``panel serve --plugins dashboard.api`` and ``dashboard.server`` mount (the
order routes included); see ``dashboard.api.base`` for errors and credentials.
"""

from __future__ import annotations

import asyncio

from bokeh.server.tornado import BokehTornado

from dashboard import live_check
from dashboard.api import mailbox as api_mailbox
from dashboard.api import orders as api_orders
from dashboard.api import plain_desk
from dashboard.api.base import ApiHandler, PageHandler
from dashboard.api.jobs import JobsHandler
from dashboard.job_report import event_json, job_json, job_links
from dashboard.status_page import status_page_html
from pipeline.errors import OrderDeskError
from pipeline.events import Event
from pipeline.job_status import is_active

JOB_ID = r"(?P<job_id>[^/]+)"
MAX_WAIT_S = 30.0
MAX_SEQ = 2**63 - 1  # SQLite's largest integer


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
        after = int(self.number("after", 0, low=0, high=MAX_SEQ))
        wait = self.number("wait", 0, float, low=0, high=MAX_WAIT_S, clamp=True)
        ledger = self.service.runner.ledger
        events = ledger.events(job_id, after_seq=after)
        if not events and wait > 0 and is_active(record.status):
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


class StatusPageHandler(PageHandler):
    def get(self, job_id: str) -> None:
        record = self.record(job_id)
        if record is None:
            return
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        threshold = self.service.runner.settings.gates.min_confidence
        self.finish(status_page_html(job_json(self.service, record, job_links(job_id)), threshold))


class HealthHandler(ApiHandler):
    """Public, so a load balancer may ask; what runs inside only for a signed-in caller (or on
    loopback without login): the stages, and ``load`` — open page sessions, event subscriptions,
    job-list watchers, jobs queued or running — which returns to its baseline as pages close."""

    public = True

    def get(self) -> None:
        failure = self.service.runner.ledger.write_failure
        status, health = (
            (200, {"status": "ok"}) if failure is None else (503, {"status": "ledger not writable"})
        )
        if self.user is None:
            self.reply(status, health)
            return
        load = self.service.load() | {"sessions": self.sessions()}
        details = {"stages": list(self.service.stage_names), "load": load}
        self.reply(status, health | details | ({"error": failure} if failure else {}))

    def sessions(self) -> int | None:
        """Open Bokeh sessions of every page (None when not served by a Bokeh server)."""
        server = self.application
        if not isinstance(server, BokehTornado):
            return None
        return sum(len(server.get_sessions(path)) for path in server.app_paths)


ROUTES = [
    (r"/api/health", HealthHandler, {}),
    (r"/api/jobs", JobsHandler, {}),
    (rf"/api/jobs/{JOB_ID}", JobHandler, {}),
    (rf"/api/jobs/{JOB_ID}/events", JobEventsHandler, {}),
    (rf"/api/jobs/{JOB_ID}/retry", RetryHandler, {}),
    (rf"/jobs/{JOB_ID}", StatusPageHandler, {}),
    *api_orders.ROUTES,
    *api_mailbox.ROUTES,
    *plain_desk.ROUTES,
    *live_check.ROUTES,
]
