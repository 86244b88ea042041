"""Numbers no order holds (10^30 pieces, 400 digits) never reach a total, the ledger, JSON or the ERP,
and one order stored with Infinity by an older version stops no other order (issue 14, item 1)."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from pipeline.match.cut import plan
from pipeline.orders.errors import InvalidEditError
from tests.cli import run_cli
from tests.conftest import Desk

EMAIL = """From: john.smith@acme-manufacturing.com
To: orders@yourcompany.com
Subject: Order

Please send:

1. {quantity} pcs 304 stainless sheet 1/8 x 48 x 96

Thanks,
John Smith
ACME Manufacturing Co.
"""
NONSENSE = {"thirty digits": "9" * 30, "four hundred digits": "9" * 400}


def strict_json(text: str) -> object:
    """JSON as the standard allows it: no NaN, no Infinity."""
    return json.loads(text, parse_constant=lambda constant: pytest.fail(f"{constant} in JSON"))


@pytest.mark.parametrize("quantity", [1e30, math.inf, math.nan])
@pytest.mark.parametrize("piece", [(12.0, 12.0), (1e-30, 1e-30)])
def test_the_cut_plan_never_overflows(quantity: float, piece: tuple[float, float]) -> None:
    arrays = plan(np.array([96.0, 120.0]), np.array([48.0, 60.0]), *piece, quantity, False, "sheet")
    assert (arrays.pulls >= 0).all() and (arrays.pulls <= 1).all()  # quantity unknown: one piece


@pytest.mark.parametrize("name", NONSENSE)
def test_a_nonsense_quantity_is_flagged_never_approved_nor_totalled(desk: Desk, name: str) -> None:
    order_id = desk.process(f"{name}.txt", EMAIL.format(quantity=NONSENSE[name]))
    stored = desk.service.get(order_id)
    assert stored.status == "needs_review"
    line = stored.order.lines[0]
    assert "implausible_quantity" in line.item.flags
    assert line.item.quantity is None and line.extended_price is None
    assert any("quantity read is not a plausible number" in reason for reason in stored.order.review.reasons)
    assert stored.order.totals.total == 0.0
    strict_json(json.dumps(stored.to_dict()))
    with pytest.raises(InvalidEditError, match="quantity must be positive, at most 1,000,000"):
        desk.service.edit_line(order_id, 1, quantity=1e30, actor="ann")
    edited = desk.service.edit_line(order_id, 1, quantity=4, actor="ann")
    assert "implausible_quantity" not in edited.order.lines[0].item.flags
    assert edited.order.lines[0].extended_price > 0


def test_process_json_stays_valid_json(desk: Desk, tmp_path: Path) -> None:
    files = []
    for name, quantity in NONSENSE.items():
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(EMAIL.format(quantity=quantity))
    env = {
        "ORDERDESK_CATALOG": str(desk.settings.catalog_path),
        "ORDERDESK_LEDGER": str(tmp_path / "l.sqlite"),
    }
    result = run_cli(["process", *map(str, files), "--json"], env)
    assert result.returncode == 0, result.stderr
    outputs = [strict_json(line) for line in result.stdout.splitlines()]
    assert [output["review"]["status"] for output in outputs] == ["needs_review"] * 2


def _store_as_an_older_version_did(ledger_path: Path, order_id: str) -> None:
    """What the issue found: Infinity in the stored order (invalid JSON to SQLite), auto-approved."""
    with sqlite3.connect(ledger_path) as connection:
        query = "SELECT data_json FROM orders WHERE order_id = ?"
        (data,) = connection.execute(query, (order_id,)).fetchone()
        order = json.loads(data)
        order["lines"][0]["item"]["quantity"] = math.inf
        order["lines"][0]["sold_quantity"] = math.inf
        order["lines"][0]["extended_price"] = -6.3e21
        connection.execute(
            "UPDATE orders SET status = 'auto_approved', data_json = ? WHERE order_id = ?",
            (json.dumps(order), order_id),
        )


def test_one_bad_stored_order_stops_no_other(desk: Desk, tmp_path: Path) -> None:
    good = desk.process("sample_order_1.txt")
    for line in desk.service.get(good).order.lines:
        if line.gate_reasons:
            desk.service.accept_line(good, line.item.line_no, actor="ann")
    desk.service.approve(good, actor="dana")
    bad = desk.process("bad.txt", EMAIL.format(quantity=NONSENSE["four hundred digits"]))
    _store_as_an_older_version_did(desk.settings.ledger_path, bad)
    env = {
        "ORDERDESK_CATALOG": str(desk.settings.catalog_path),
        "ORDERDESK_LEDGER": str(desk.settings.ledger_path),
        "ORDERDESK_DATA_DIR": str(tmp_path),
    }
    listed = run_cli(["orders", "list", "--json"], env)
    assert listed.returncode == 0, listed.stderr
    assert {strict_json(row)["order_id"] for row in listed.stdout.splitlines()} == {good, bad}
    assert [s.order_id for s in desk.service.list_orders(status="auto_approved")] == [bad]  # the review tab
    exported = run_cli(["orders", "export", "--all-approved", "--adapter", "outbox"], env)
    assert exported.returncode == 1
    assert f"{good}: submitted" in exported.stdout
    assert f"error: {bad}: line 1 has no part or no priced quantity" in exported.stderr
    strict_json((tmp_path / "outbox" / f"orderdesk-{good}.json").read_text())
    assert desk.service.get(good).status == "exported"
    assert desk.service.get(bad).status == "auto_approved"
