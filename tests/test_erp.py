"""ERP export: the published schema, exactly-once delivery to the outbox and over HTTP, CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.config import ErpSettings
from pipeline.erp import ErpError, ErpExporter, HttpAdapter, OutboxAdapter, adapter_from_settings
from pipeline.erp.csv_export import COLUMNS, order_csv
from pipeline.erp.payload import NotApprovedError, erp_order, idempotency_key, schema, validate_erp_order
from pipeline.errors import ConfigError
from pipeline.orders import OrderLockedError
from tests.erp_server import FakeErp

if TYPE_CHECKING:
    from conftest import Desk

ROOT = Path(__file__).resolve().parents[1]
ENV = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


@pytest.fixture
def approved(desk: Desk) -> str:
    """Sample order 1, its short-stock lines accepted by a reviewer, then approved."""
    order_id = desk.process("sample_order_1.txt")
    for line in desk.service.get(order_id).order.lines:
        if line.gate_reasons:
            desk.service.accept_line(order_id, line.item.line_no, actor="ann")
    desk.service.approve(order_id, actor="dana", comment="ok to ship partial")
    return order_id


def test_the_erp_order_fits_the_published_schema(desk: Desk, approved: str) -> None:
    stored = desk.service.get(approved)
    payload = erp_order(stored)
    validate_erp_order(payload)
    assert set(payload) == set(schema()["properties"])
    assert (payload["status"], payload["approved_by"], payload["customer"]["customer_id"]) == (
        "approved",
        "dana",
        "C-1001",
    )
    assert [line["part_number"] for line in payload["lines"]] == [
        line.match.part_number for line in stored.order.lines
    ]
    assert payload["totals"]["total"] == stored.order.totals.total
    assert payload["idempotency_key"] == idempotency_key(approved)


@pytest.mark.parametrize(
    ("damage", "where"),
    [
        (lambda p: p["lines"][0].pop("part_number"), "lines/0: 'part_number' is a required property"),
        (lambda p: p["lines"][0].update(quantity=-1), "lines/0/quantity"),
        (lambda p: p.update(surprise=1), "Additional properties are not allowed"),
        (lambda p: p.update(requested_date="next week"), "requested_date: 'next week' is not a 'date'"),
        (lambda p: p["lines"].clear(), "lines: [] should be non-empty"),
    ],
)
def test_the_schema_refuses_what_an_erp_could_not_book(desk: Desk, approved: str, damage, where: str) -> None:
    payload = erp_order(desk.service.get(approved))
    damage(payload)
    with pytest.raises(ErpError, match=f"does not fit the ERP schema: .*{re.escape(where)}"):
        validate_erp_order(payload)


def test_a_substitution_reaches_the_erp_line_and_the_csv(desk: Desk) -> None:
    order_id = desk.process("sample_order_3.txt")  # line 2: 7075-T6 plate, stocked as T651
    for line in desk.service.get(order_id).order.lines:
        if line.gate_reasons:
            desk.service.accept_line(order_id, line.item.line_no, actor="ann")
    desk.service.approve(order_id, actor="dana")
    payload = erp_order(desk.service.get(order_id))
    substituted = {line["line_no"]: line["substitution"] for line in payload["lines"] if line["substitution"]}
    assert list(substituted) == [2] and "T651" in substituted[2]
    rows = list(csv.DictReader(io.StringIO(order_csv(payload))))
    assert [row["substitution"] for row in rows] == [line["substitution"] or "" for line in payload["lines"]]


def test_an_order_in_review_is_not_exported(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    exporter = ErpExporter(desk.ledger, OutboxAdapter(desk.settings.outbox_dir))
    with pytest.raises(NotApprovedError, match="is needs review; approve it first"):
        exporter.export(order_id, actor="cy")
    assert exporter.submission(order_id) is None and not desk.settings.outbox_dir.exists()


def test_the_outbox_gets_one_file_however_often_it_is_exported(desk: Desk, approved: str) -> None:
    adapter = OutboxAdapter(desk.settings.outbox_dir)
    exporter = ErpExporter(desk.ledger, adapter)
    first = exporter.export(approved, actor="cy")
    again = ErpExporter(desk.ledger, OutboxAdapter(desk.settings.outbox_dir)).export(approved, actor="cy")
    assert first == again and (first.status, first.attempts) == ("submitted", 1)
    files = list(desk.settings.outbox_dir.iterdir())
    assert files == [adapter.path_for(idempotency_key(approved))]
    written = json.loads(files[0].read_text())
    validate_erp_order(written)
    assert written["order_id"] == approved
    stored = desk.service.get(approved)
    assert stored.status == "exported"
    assert [e.action for e in desk.service.audit_log(approved)][-2:] == ["approve", "export"]
    assert desk.service.audit_log(approved)[-1].after["erp_id"] == first.erp_id
    with pytest.raises(OrderLockedError, match="sent to the ERP"):
        desk.service.edit_line(approved, 1, actor="eve", quantity=1)


def test_an_adapter_that_already_has_the_key_is_not_written_twice(desk: Desk, approved: str) -> None:
    adapter = OutboxAdapter(desk.settings.outbox_dir)
    payload = erp_order(desk.service.get(approved))
    assert adapter.submit(payload, "k1").status == "accepted"
    again = adapter.submit(payload | {"order_id": "changed"}, "k1")
    assert again.status == "duplicate"
    assert json.loads(adapter.path_for("k1").read_text())["order_id"] == approved
    assert [path.name for path in desk.settings.outbox_dir.iterdir()] == ["k1.json"]


EXPORT = [sys.executable, "-m", "pipeline", "orders", "export", "--by", "cron"]


def test_exporters_in_several_processes_write_one_file(desk: Desk, approved: str) -> None:
    env = ENV | {
        "ORDERDESK_LEDGER": str(desk.settings.ledger_path),
        "ORDERDESK_CATALOG": str(desk.settings.catalog_path),
        "ORDERDESK_DATA_DIR": str(desk.settings.data_dir),
    }
    procs = [
        subprocess.Popen(
            [*EXPORT, approved], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert sum(proc.returncode == 0 for proc in procs) >= 1, outputs
    for proc, (_, err) in zip(procs, outputs, strict=True):  # a loser is told to wait, or finds it done
        assert proc.returncode == 0 or "is being exported; try again later" in err
    assert len(list(desk.settings.outbox_dir.iterdir())) == 1
    assert [e.action for e in desk.service.audit_log(approved)].count("export") == 1


# Exports through an adapter that delivers, then stops before the ledger records the delivery.
KILLED_EXPORT = """
import sys
from pathlib import Path
from pipeline.erp import ErpExporter, OutboxAdapter
from pipeline.ledger import Ledger

class DeliverThenHang(OutboxAdapter):
    def submit(self, payload, key):
        receipt = super().submit(payload, key)
        print("delivered", flush=True)
        sys.stdin.readline()  # killed here
        return receipt

ErpExporter(Ledger(sys.argv[1]), DeliverThenHang(sys.argv[2])).export(sys.argv[3], actor="cron")
"""


def test_a_crash_after_delivery_is_not_delivered_twice_on_rerun(desk: Desk, approved: str) -> None:
    outbox = desk.settings.outbox_dir
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(desk.settings.ledger_path), str(outbox), approved],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert proc.stdout.readline().strip() == "delivered", proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close(), proc.stdin.close(), proc.stderr.close()
    exporter = ErpExporter(desk.ledger, OutboxAdapter(outbox))
    assert exporter.submission(approved).status == "sending"  # the ledger never heard back
    assert desk.service.get(approved).status == "approved"
    done = exporter.export(approved, actor="cron")
    assert (done.status, done.attempts) == ("submitted", 2)
    assert len(list(outbox.iterdir())) == 1
    assert desk.service.audit_log(approved)[-1].after["delivery"] == "duplicate"


@pytest.fixture
def erp_server() -> Iterator[FakeErp]:
    servers: list[FakeErp] = []

    def start(failures: list[int]) -> FakeErp:
        servers.append(FakeErp(failures))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def test_http_export_survives_two_failures_and_books_exactly_one_order(
    desk: Desk, approved: str, erp_server
) -> None:
    erp = erp_server([503, 500])
    waits: list[float] = []
    adapter = HttpAdapter(erp.url, retries=3, backoff_s=0.05, sleep=waits.append)
    exporter = ErpExporter(desk.ledger, adapter)
    submission = exporter.export(approved, actor="cron")
    assert (submission.status, submission.erp_id, submission.adapter) == ("submitted", "SO-00001", "http")
    assert erp.requests == [idempotency_key(approved)] * 3 and waits == [0.05, 0.1]
    assert list(erp.orders) == [idempotency_key(approved)]
    validate_erp_order(erp.orders[idempotency_key(approved)])
    assert exporter.export(approved, actor="cron") == submission  # re-run: nothing sent
    assert len(erp.requests) == 3 and len(erp.orders) == 1


def test_http_refusal_is_final_and_a_later_export_succeeds(desk: Desk, approved: str, erp_server) -> None:
    erp = erp_server([422])
    exporter = ErpExporter(desk.ledger, HttpAdapter(erp.url, backoff_s=0.01))
    with pytest.raises(ErpError, match=r"refused orderdesk-OD-\w+: HTTP 422"):
        exporter.export(approved, actor="cron")
    assert len(erp.requests) == 1 and exporter.submission(approved).status == "failed"
    assert desk.service.get(approved).status == "approved"
    assert exporter.export(approved, actor="cron").status == "submitted"
    assert len(erp.orders) == 1


def test_http_gives_up_after_its_retries(desk: Desk, approved: str, erp_server) -> None:
    erp = erp_server([503] * 10)
    exporter = ErpExporter(desk.ledger, HttpAdapter(erp.url, retries=2, backoff_s=0.01))
    with pytest.raises(ErpError, match=r"did not take orderdesk-OD-\w+ after 3 attempts: HTTP 503"):
        exporter.export(approved, actor="cron")
    assert len(erp.requests) == 3 and erp.orders == {}
    assert "HTTP 503" in exporter.submission(approved).error


def test_an_unreachable_erp_is_a_clear_error(desk: Desk, approved: str, erp_server) -> None:
    erp = erp_server([])
    url = erp.url
    erp.close()
    with pytest.raises(ErpError, match="after 2 attempts"):
        HttpAdapter(url, retries=1, backoff_s=0.01).submit({"order_id": approved}, "k")


def test_csv_has_one_row_per_line_with_the_order_header(desk: Desk, approved: str) -> None:
    payload = erp_order(desk.service.get(approved))
    rows = list(csv.DictReader(io.StringIO(order_csv(payload))))
    assert list(rows[0]) == list(COLUMNS)
    assert [row["part_number"] for row in rows] == [line["part_number"] for line in payload["lines"]]
    assert {row["customer_id"] for row in rows} == {"C-1001"}
    assert [float(row["extended_price"]) for row in rows] == [
        line["extended_price"] for line in payload["lines"]
    ]
    csv_outbox = OutboxAdapter(desk.settings.outbox_dir, fmt="csv")
    assert ErpExporter(desk.ledger, csv_outbox).export(approved, actor="cron").adapter == "outbox_csv"
    assert csv_outbox.path_for(idempotency_key(approved)).read_text() == order_csv(payload)


def test_the_adapter_comes_from_the_settings(desk: Desk) -> None:
    settings = desk.settings
    assert isinstance(adapter_from_settings(settings), OutboxAdapter)
    http = adapter_from_settings(
        replace(settings, erp=ErpSettings(adapter="http", url="http://127.0.0.1:1/x"))
    )
    assert isinstance(http, HttpAdapter) and http.url == "http://127.0.0.1:1/x"
    with pytest.raises(ConfigError, match="needs a URL"):
        adapter_from_settings(replace(settings, erp=ErpSettings(adapter="http")))
    with pytest.raises(ConfigError, match="unknown ERP adapter 'ftp'"):
        adapter_from_settings(replace(settings, erp=ErpSettings(adapter="ftp")))
