"""Bulk approval approves the clean orders only, and says why each other one was left alone."""

from __future__ import annotations

from pipeline.orders.bulk import approve_clean
from tests.conftest import Desk


def test_only_orders_the_gates_now_pass_are_approved(desk: Desk) -> None:
    clean = desk.process("chain_email_thread.txt")
    (flagged,) = desk.service.get(clean).order.review.details
    desk.service.accept_line(clean, flagged.line_no, actor="ann")  # a reviewer took the doubtful line
    dirty = desk.process("complex_multi_order.txt")
    outcome = approve_clean(desk.service, [clean, dirty], actor="ann")
    assert outcome.approved == [clean]
    assert desk.service.get(clean).status == "approved"
    assert desk.service.get(clean).decided_by == "ann"
    assert desk.service.get(dirty).status == "needs_review"
    assert outcome.refused[dirty].startswith("line 2: no matching part; line 3: match confidence")
    assert outcome.refused[dirty].endswith("(and 3 more)")  # a request for quote too


def test_an_order_not_in_review_or_unknown_is_refused_with_why(desk: Desk) -> None:
    order_id = desk.process("chain_email_thread.txt")
    desk.service.reject(order_id, actor="ann", comment="duplicate")
    outcome = approve_clean(desk.service, [order_id, "OD-NOPE"], actor="ann")
    assert outcome.approved == []
    assert outcome.refused[order_id] == "it is rejected, not waiting for review"
    assert "OD-NOPE" in outcome.refused["OD-NOPE"]
