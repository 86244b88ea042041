"""The base of every HTTP API handler: who is asking (401 when login is on and nobody is), JSON out.

Errors are JSON ``{"error": message}``, never an HTML traceback; an address that sent too many
wrong credentials lately gets 429 with ``Retry-After`` (``dashboard.access.throttle``). Handlers
reach the job service through ``dashboard.jobs.service()``, the same module the pages import, so
both share one service per process. ``access`` comes from the route's arguments
(``dashboard.server``); a route mounted without it (``panel serve --plugins dashboard.api``) reads
the login from the environment.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from tornado.web import HTTPError, RequestHandler

from dashboard import jobs
from dashboard.access import Access, TooManyLogins, User, cross_site, foreign_host, request_user
from pipeline.errors import OrderDeskError
from pipeline.ledger import JobRecord, LedgerError

log = logging.getLogger(__name__)
CHALLENGE = 'Basic realm="Order Desk", charset="UTF-8"'  # what a 401 offers (Bearer works too)


@functools.cache
def access_from_env() -> Access:
    return Access.from_env()


class ApiHandler(RequestHandler):
    """JSON in and out for an authenticated ``user``; errors are JSON too."""

    service: jobs.JobService
    user: User | None  # None only on a ``public`` handler called without credentials
    public = False  # answers without credentials too (and says less)

    def initialize(self, access: Access | None = None, hosts: Sequence[str] = ()) -> None:
        self.access = access or access_from_env()
        self.hosts = hosts

    def prepare(self) -> None:
        if foreign_host(self, self.hosts):
            name = self.request.host[:100]
            self.fail(403, f"refused a request for host {name!r}: not a name this server serves")
            return
        try:
            self.user = request_user(self, self.access)
        except TooManyLogins as error:
            self.set_header("Retry-After", str(math.ceil(error.retry_after_s)))
            self.fail(429, str(error))
            return
        if self.user is None and not self.public:
            self.unauthorised()
            return
        if cross_site(self):
            self.fail(403, "refused a change sent from another site's page")
            return
        try:
            self.service = jobs.service()
        except OrderDeskError as error:  # e.g. no catalog: say how to fix it (finishing skips the verb)
            self.fail(503, str(error))

    def unauthorised(self) -> None:
        self.set_header("WWW-Authenticate", CHALLENGE)
        self.fail(401, "log in: send Authorization: Bearer <API token> or Basic credentials")

    def reply(self, status: int, body: dict[str, Any]) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body, allow_nan=False))

    def fail(self, status: int, message: str) -> None:
        if not self._finished:
            self.reply(status, {"error": message})

    def record(self, job_id: str) -> JobRecord | None:
        record = self.service.job(job_id)
        if record is None:
            self.fail(404, f"no job {job_id}")
        return record

    def number(
        self,
        name: str,
        default: float,
        kind: type[int] | type[float] = int,
        *,
        low: float = -math.inf,
        high: float = math.inf,
        clamp: bool = False,
    ) -> float:
        """A numeric query argument from ``low`` to ``high`` (``clamp``: brought within them);
        anything else is the client's error (400), not ours (500)."""
        raw = self.get_argument(name, str(default))
        try:
            value = kind(raw)
        except ValueError:
            raise HTTPError(400, reason=f"{name} must be a number, not {raw!r}") from None
        if kind is float and math.isnan(value):  # an int of 400 digits is no float: not isnan's
            raise HTTPError(400, reason=f"{name} must be a number, not {raw!r}")
        if clamp:
            return min(max(value, low), high)
        if not low <= value <= high:
            raise HTTPError(400, reason=f"{name} must be from {low:g} to {high:g}, not {raw[:40]}")
        return value

    def json_body(self) -> dict[str, Any]:
        """The request's JSON object ({} when empty); anything else is a 400."""
        if not self.request.body:
            return {}
        try:
            body = json.loads(self.request.body)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise HTTPError(400, reason=f"the body is not JSON: {error}") from None
        if not isinstance(body, dict):
            raise HTTPError(400, reason="the body must be a JSON object")
        return body

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None))[1]
        if isinstance(error, LedgerError):  # a full disk, a read-only folder: say so, it is not a bug
            self.fail(503, str(error))
            return
        # the error's own reason: the status line's is "Unknown" when it is not Latin-1
        reason = error.reason if isinstance(error, HTTPError) and error.reason else self._reason
        self.fail(status_code, reason)

    def log_exception(self, kind: Any, error: BaseException | None, trace: Any) -> None:
        if isinstance(error, LedgerError):
            log.warning("%s %s: %s", self.request.method, self.request.path, error)
            return
        super().log_exception(kind, error, trace)


class PageHandler(ApiHandler):
    """An HTML page beside the API: without login, the browser goes to the login form instead."""

    def unauthorised(self) -> None:
        self.redirect("/login?" + urlencode({"next": self.request.uri}))
