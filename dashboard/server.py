"""``python -m dashboard serve``: every page and the HTTP API in one Panel server process.

Why not only ``panel serve dashboard/app.py``: the pages and the API handlers must share one job
service (they do when both import ``dashboard.jobs`` in one process), uploads need websocket and
body limits that follow the ``[limits]`` settings, login (``dashboard.access``) must cover the API
routes and be checked before binding beyond loopback, and the catalog and ledger should be opened —
and interrupted jobs of a previous run marked — when the server starts, not when the first page
is opened. ``make serve`` runs this.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
from dataclasses import dataclass, field
from typing import Any

import panel as pn
from tornado.ioloop import IOLoop
from tornado.web import RedirectHandler
from tornado.websocket import WebSocketClosedError

from dashboard import api, jobs, mailbox
from dashboard.access import Access, serve_options
from dashboard.pages import PAGES, TITLE
from dashboard.resources import COMPONENT_ROUTE
from pipeline.config import LimitsSettings, Settings

log = logging.getLogger(__name__)

# A closed tab's session (its store, its subscriptions, its job-list updates) is dropped this long
# after its websocket closed, not Bokeh's 15-32 s: open pages share the one event loop with it.
UNUSED_SESSION_LIFETIME_MS = 10_000
MESSAGE_SLACK = 1024 * 1024  # the JSON around an upload's files, and the other fields of a request
CHECK_UNUSED_SESSIONS_MS = 2_000


@dataclass(frozen=True)
class ServeOptions:
    address: str = "127.0.0.1"
    port: int = 5006
    workers: int = jobs.DEFAULT_WORKERS
    processes: bool = False  # run jobs in worker processes, not threads (see dashboard.pools)
    allow_websocket_origin: list[str] = field(default_factory=list)


def origins(options: ServeOptions) -> list[str]:
    """Where pages may open their websocket from: this address and port, plus any asked for."""
    own = [f"{options.address}:{options.port}", f"localhost:{options.port}"]
    return [*dict.fromkeys([*own, *options.allow_websocket_origin])]


def quiet_closed_websockets(loop: asyncio.AbstractEventLoop) -> None:
    """Log an update that was on its way when a browser closed its page as what it is: routine.

    Panel writes a session's changes as tasks on the loop; a tab closing while one is in flight
    makes asyncio report "Task exception was never retrieved ... WebSocketClosedError" as an
    ERROR with a traceback. Every other unhandled exception keeps the default report.
    """

    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if isinstance(context.get("exception"), WebSocketClosedError):
            log.info("a browser closed its page while an update was on its way")
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handle)


def message_limits(limits: LimitsSettings) -> dict[str, Any]:
    """Room for the largest upload allowed: the page sends a selection as base64 in one websocket
    message (4/3 of its size); over HTTP the handler refuses more itself (413), tornado only caps
    what it lets go by unread."""
    return {
        "websocket_max_message_size": limits.max_request_bytes * 4 // 3 + MESSAGE_SLACK,
        "http_server_kwargs": {"max_body_size": 2 * limits.max_request_bytes + MESSAGE_SLACK},
    }


def api_routes(access: Access, hosts: list[str]) -> list[tuple[str, type, dict[str, Any]]]:
    """The HTTP API, each handler told the server's login and the host names it serves, and the
    component resources in place of Panel's (``dashboard.resources``)."""
    routes = [
        (pattern, handler, {**kwargs, "access": access, "hosts": hosts})
        for pattern, handler, kwargs in api.ROUTES
    ]
    return [(r"/", RedirectHandler, {"url": "/app"}), COMPONENT_ROUTE, *routes]


def stop_loop_on_sigterm(loop: IOLoop) -> threading.Event:
    """SIGTERM stops the server's loop as Ctrl-C does (so ``serve`` stops the mailbox watcher
    outside the signal handler, where no lock can be held); returns the event saying it came."""
    terminated = threading.Event()

    def on_term(_number: int, _frame: object) -> None:
        terminated.set()
        loop.asyncio_loop.call_soon_threadsafe(loop.stop)

    signal.signal(signal.SIGTERM, on_term)
    return terminated


def end_as_terminated() -> None:
    """Die of SIGTERM as before the handler: jobs under way are left to the next start's recovery."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def serve(options: ServeOptions) -> None:
    """Check the login, open the job service (recovering interrupted jobs) and the mailbox watcher
    (when a mailbox is configured), then serve until stopped."""
    access = Access.from_env()
    access.refuse_open_bind(options.address)  # before anything opens: a quick, clear refusal
    settings = Settings.from_env()
    log.info("%s; approvers: %s", access.describe(), ", ".join(settings.access.approvers) or "none named")
    service = jobs.start(settings, workers=options.workers, processes=options.processes)
    if service.interrupted:
        log.warning(
            "%d jobs of an earlier run were interrupted; retry them from the page or the API",
            len(service.interrupted),
        )
    quiet_closed_websockets(IOLoop.current().asyncio_loop)  # the loop pn.serve runs on
    mailbox.start(service)
    terminated = stop_loop_on_sigterm(IOLoop.current())
    try:
        _serve_pages(options, access, settings)
    finally:
        mailbox.stop()
    if terminated.is_set():
        end_as_terminated()


def _serve_pages(options: ServeOptions, access: Access, settings: Settings) -> None:
    pn.serve(
        PAGES,
        address=options.address,
        port=options.port,
        websocket_origin=origins(options),
        extra_patterns=api_routes(access, origins(options)),
        **message_limits(settings.limits),
        **serve_options(access),
        unused_session_lifetime_milliseconds=UNUSED_SESSION_LIFETIME_MS,
        check_unused_sessions_milliseconds=CHECK_UNUSED_SESSIONS_MS,
        title={slug: TITLE for slug in PAGES},
        show=False,
        start=True,
        threaded=False,
    )
