"""Order decisions over HTTP, in process: the dashboard's routes, a real ledger, and a real HTTP ERP
that holds each order until the test lets it answer."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application

from dashboard import api, api_orders, jobs
from dashboard.jobs import JobService
from pipeline.config import ErpSettings, Settings
from pipeline.context import open_order_service, open_runner
from tests.conftest import SAMPLES

HOLD_S = 60  # the ERP's longest hold, so a broken test cannot hang the run


class WaitingErp:
    """An ERP on 127.0.0.1 that books each order once ``release`` is set."""

    def __init__(self) -> None:
        self.received = threading.Event()
        self.release = threading.Event()
        erp = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                erp.received.set()
                erp.release.wait(HOLD_S)
                data = json.dumps({"erp_id": "SO-00001", "status": "ok"}).encode()
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/orders"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def erp() -> Iterator[WaitingErp]:
    server = WaitingErp()
    yield server
    server.close()


@pytest.fixture
def served_service(
    desk_settings: Settings, erp: WaitingErp, monkeypatch: pytest.MonkeyPatch
) -> Iterator[JobService]:
    """The dashboard's job service on an HTTP ERP that answers in 5 s at most (no retries)."""
    settings = replace(desk_settings, erp=ErpSettings(adapter="http", url=erp.url, retries=0, timeout_s=5))
    service = JobService(open_runner(settings))
    monkeypatch.setattr(jobs, "_service", service)
    yield service
    service.close()


def approved_order(service: JobService) -> str:
    """Sample order 1 processed, its flagged lines accepted, approved."""
    state = service.runner.process("sample_order_1.txt", (SAMPLES / "sample_order_1.txt").read_bytes())
    orders = open_order_service(runner=service.runner)
    order_id = state.order.order_id
    for line in orders.get(order_id).order.lines:
        if line.gate_reasons:
            orders.accept_line(order_id, line.item.line_no, actor="ann")
    orders.approve(order_id, actor="dana")
    return order_id


def test_an_export_waiting_on_the_erp_does_not_hold_the_server(
    served_service: JobService, erp: WaitingErp
) -> None:
    order_id = approved_order(served_service)
    answered: list[str] = []

    async def run() -> int:
        sockets = bind_sockets(0, "127.0.0.1")
        server = HTTPServer(Application([*api_orders.ROUTES, *api.ROUTES[:1]]))  # + /api/health
        server.add_sockets(sockets)
        base = f"http://127.0.0.1:{sockets[0].getsockname()[1]}"
        client = AsyncHTTPClient()
        try:
            export = asyncio.ensure_future(
                client.fetch(
                    f"{base}/api/orders/{order_id}/export", method="POST", body=b"", raise_error=False
                )
            )
            export.add_done_callback(lambda _: answered.append("export"))
            await asyncio.to_thread(erp.received.wait, HOLD_S)  # the ERP holds the order now
            health = await client.fetch(f"{base}/api/health", raise_error=False)
            answered.append(f"health {health.code}")
            erp.release.set()
            return (await export).code
        finally:
            server.stop()

    status = asyncio.run(run())
    # the server answered another request while the export waited on the ERP, then the export
    assert answered == ["health 200", "export"] and status == 200
    assert open_order_service(runner=served_service.runner).get(order_id).status == "exported"
