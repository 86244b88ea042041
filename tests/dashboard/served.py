"""The dashboard's HTTP routes on an in-process tornado server, for tests that need no browser."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from ssl import SSLContext
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application


@asynccontextmanager
async def served(routes: list[Any], ssl: SSLContext | None = None, **settings: Any) -> AsyncIterator[str]:
    """``routes`` served on a free loopback port for the block (over TLS with ``ssl``); yields the
    base URL."""
    sockets = bind_sockets(0, "127.0.0.1")
    server = HTTPServer(Application(routes, **settings), ssl_options=ssl)
    server.add_sockets(sockets)
    try:
        yield f"{'https' if ssl else 'http'}://127.0.0.1:{sockets[0].getsockname()[1]}"
    finally:
        server.stop()
