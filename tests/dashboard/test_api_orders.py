"""Order decisions over HTTP, in process: the dashboard's routes, a real ledger, and a real HTTP ERP
(``tests.erp_server``) that holds each order until the test lets it answer."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Iterator
from dataclasses import replace

import pytest
from tornado.httpclient import AsyncHTTPClient

from dashboard import api, jobs
from dashboard.api import orders as api_orders
from dashboard.jobs import JobService
from pipeline.config import ErpSettings, Settings
from pipeline.context import open_order_service, open_runner
from pipeline.customers.samples import load_sample_customers
from pipeline.erp.exporter import ErpExporter
from pipeline.erp.outbox import OutboxAdapter
from tests.conftest import SAMPLES
from tests.dashboard.served import served
from tests.erp_server import HOLD_S, FakeErp, GarbledErp


@pytest.fixture
def erp() -> Iterator[FakeErp]:
    server = FakeErp([], hold=True)
    yield server
    server.close()


@pytest.fixture
def served_service(
    desk_settings: Settings, erp: FakeErp, monkeypatch: pytest.MonkeyPatch
) -> Iterator[JobService]:
    """The dashboard's job service on an HTTP ERP that answers in 5 s at most (no retries)."""
    service = serve_jobs(desk_settings, erp.url, monkeypatch)
    yield service
    service.close()


def serve_jobs(settings: Settings, erp_url: str, monkeypatch: pytest.MonkeyPatch) -> JobService:
    """The service the dashboard's handlers use, exporting to ``erp_url`` (5 s timeout, no retries)."""
    erp = ErpSettings(adapter="http", url=erp_url, retries=0, timeout_s=5)
    service = JobService(open_runner(replace(settings, erp=erp)))
    load_sample_customers(service.runner.ledger)  # only an approved customer's order is approved
    monkeypatch.setattr(jobs, "_service", service)
    return service


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
    served_service: JobService, erp: FakeErp
) -> None:
    order_id = approved_order(served_service)
    answered: list[str] = []

    async def run() -> int:
        client = AsyncHTTPClient()
        async with served([*api_orders.ROUTES, *api.ROUTES[:1]]) as base:  # + /api/health
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

    status = asyncio.run(run())
    # the server answered another request while the export waited on the ERP, then the export
    assert answered == ["health 200", "export"] and status == 200
    assert open_order_service(runner=served_service.runner).get(order_id).status == "exported"


@pytest.mark.parametrize("concurrent", [2, 3])
def test_concurrent_exports_reach_the_erp_once(
    served_service: JobService, erp: FakeErp, concurrent: int
) -> None:
    order_id = approved_order(served_service)

    async def run() -> list[int]:
        client = AsyncHTTPClient()
        async with served(api_orders.ROUTES) as base:
            url = f"{base}/api/orders/{order_id}/export"
            exports = [
                asyncio.ensure_future(client.fetch(url, method="POST", body=b"", raise_error=False))
                for _ in range(concurrent)
            ]
            await asyncio.to_thread(erp.received.wait, HOLD_S)  # one export holds the claim now
            answered = asyncio.as_completed(exports, timeout=HOLD_S)
            for losing in itertools.islice(answered, concurrent - 1):  # while the ERP holds the first
                await losing
            erp.release.set()
            return sorted(response.code for response in await asyncio.gather(*exports))

    codes = asyncio.run(run())
    assert codes == [200] + [409] * (concurrent - 1)
    assert len(erp.requests) == 1
    audit = open_order_service(runner=served_service.runner).audit_log(order_id)
    assert [entry.actor for entry in audit if entry.action == "export"] == ["desk"]


GARBLED = {
    "not JSON": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 15\r\n\r\n<html>ok</html>",
    "a bad status line": b"HTTP/1.1 OK\r\n\r\n",
    "a truncated body": b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"erp_id": "SO',
}


@pytest.mark.parametrize("answer", GARBLED)
def test_an_erp_answer_that_cannot_be_read_is_a_retryable_failure(
    desk_settings: Settings, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    garbled = GarbledErp(GARBLED[answer])
    service = serve_jobs(desk_settings, garbled.url, monkeypatch)
    order_id = approved_order(service)

    async def export() -> tuple[int, dict]:
        async with served(api_orders.ROUTES) as base:
            url = f"{base}/api/orders/{order_id}/export"
            response = await AsyncHTTPClient().fetch(url, method="POST", body=b"", raise_error=False)
            return response.code, json.loads(response.body)

    try:
        code, body = asyncio.run(export())
    finally:
        garbled.close()
    assert code == 502 and "could not be read" in body["error"], body
    exporter = ErpExporter(service.runner.ledger, OutboxAdapter(desk_settings.outbox_dir))
    assert exporter.submission(order_id).status == "failed"  # recorded, not left "sending"
    assert exporter.export(order_id, actor="dana").status == "submitted"  # and retried
    service.close()
