"""A manager's figures by customer from the ledger: value, backlog and its age, time to approve,
lines read right the first time."""

from __future__ import annotations

import pytest

from pipeline.manager import ManagerMetrics
from tests.conftest import Desk


def test_figures_by_customer_follow_what_reviewers_did(desk: Desk) -> None:
    approved = desk.process("chain_email_thread.txt")
    (flagged,) = desk.service.get(approved).order.review.details
    desk.service.accept_line(approved, flagged.line_no, actor="ann")  # accepted as read: still right
    desk.service.approve(approved, actor="ann")
    edited = desk.process("sample_order_3.txt")
    desk.service.edit_line(edited, 1, actor="ann", quantity=3)
    desk.service.remove_line(edited, 2, actor="ann", comment="not needed")
    rejected = desk.process("sample_order_1.txt")
    desk.service.reject(rejected, actor="ann", comment="duplicate")
    metrics = ManagerMetrics(desk.ledger.path)
    table = metrics.by_customer().set_index("customer")
    stored = {order_id: desk.service.get(order_id) for order_id in (approved, edited, rejected)}
    names = {order_id: s.order.account.name for order_id, s in stored.items()}
    assert len(set(names.values())) == 3
    first = table.loc[names[approved]]
    assert first["orders"] == 1 and first["backlog"] == 0 and first["approve_h"] >= 0
    assert first["value"] == pytest.approx(stored[approved].order.totals.total)
    assert first["lines_right"] == first["lines_read"] == 1
    waiting = table.loc[names[edited]]
    assert (
        waiting["backlog"] == 1
        and waiting["oldest_waiting_h"] >= 0
        and waiting["approve_h"] != waiting["approve_h"]
    )
    assert (waiting["lines_read"], waiting["lines_right"]) == (4, 2)  # line 1 edited, line 2 removed
    assert table.loc[names[rejected], "value"] == 0.0  # a rejected order is no business
    totals = metrics.totals()
    assert totals.backlog == 1 and totals.lines_read == 10 and totals.lines_right == 8
    assert totals.right_first_time == pytest.approx(0.8)
    assert table.index[0] == max(table.index, key=lambda name: table.loc[name, "value"])
