"""Quality gates: an order goes straight through only when every line and the customer pass."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.config import GateSettings
from pipeline.models import CustomerAccount, Totals
from pipeline.orders.report import touchless_report
from pipeline.review import customer_reasons, line_reasons, review

if TYPE_CHECKING:
    from conftest import Desk


def _order(desk: Desk, sample: str):
    return desk.service.get(desk.process(sample)).order


def test_a_partial_stock_line_stops_the_order_with_its_reason_on_the_line(desk: Desk) -> None:
    order = _order(desk, "sample_order_1.txt")
    assert order.review.status == "needs_review"
    blocked = [line for line in order.lines if line.gate_reasons]
    assert blocked, "the small catalog has too little 1in C360 hex bar for 15 x 6 ft"
    for line in blocked:
        assert {reason.code for reason in line.gate_reasons} <= {"partial", "backorder", "low_confidence"}
        assert all(reason.line_no == line.item.line_no for reason in line.gate_reasons)
    assert [r.message for r in order.review.details] == [
        r.split(": ", 1)[1] if r.startswith("line ") else r for r in order.review.reasons
    ]
    passing = [line for line in order.lines if not line.gate_reasons]
    assert passing and all(line.match.confidence >= 0.9 for line in passing)


def test_with_stock_not_required_and_a_lower_threshold_the_same_lines_pass(desk: Desk) -> None:
    order = _order(desk, "sample_order_1.txt")
    lenient = GateSettings(min_confidence=0.5, require_in_stock=False)
    assert review(order, lenient).status == "auto_approved"
    assert review(order, GateSettings(min_confidence=1.01)).status == "needs_review"


def test_an_accepted_line_passes_whatever_its_problems(desk: Desk) -> None:
    order = _order(desk, "sample_order_1.txt")
    for line in order.lines:
        line.accepted_by = "ann"
    assert review(order).status == "auto_approved"
    assert all(not line.gate_reasons for line in order.lines)


def test_blocking_flags_are_configurable(desk: Desk) -> None:
    order = _order(desk, "test_minimal.txt")  # "304 sheet - 1 piece": no size
    codes = {reason.code for reason in review(order).details}
    assert {"missing_dimensions", "new_customer"} <= codes
    relaxed = review(order, GateSettings(blocking_flags=(), min_confidence=0.0)).details
    assert "missing_dimensions" not in {reason.code for reason in relaxed}


def test_an_email_without_lines_is_no_order_found(desk: Desk) -> None:
    order = _order(desk, "partial_info_followup.txt")
    assert order.review.status == "no_order_found"
    assert [reason.code for reason in order.review.details] == ["no_lines"]


def test_customer_checks_credit_discount_status_and_order_value(desk: Desk) -> None:
    order = _order(desk, "sample_order_1.txt")
    account = CustomerAccount("C-1", "Acme", credit_limit=10_000, open_balance=9_000, discount_pct=15)
    order.account, order.totals = account, Totals(subtotal=2_000, total=2_000)
    codes = [reason.code for reason in customer_reasons(order, GateSettings(max_auto_total=1_500))]
    assert codes == ["credit_limit", "discount_approval", "order_value"]
    order.account = replace(account, credit_limit=50_000, discount_pct=2, status="on_hold")
    assert [reason.code for reason in customer_reasons(order, GateSettings())] == ["customer_on_hold"]
    order.account = replace(account, status="prospect", discount_pct=0)
    assert [reason.code for reason in customer_reasons(order, GateSettings())] == ["new_customer"]
    order.account = None
    assert [reason.code for reason in customer_reasons(order, GateSettings())] == ["unknown_customer"]


def test_the_process_json_contract_carries_the_new_fields(desk: Desk) -> None:
    order = _order(desk, "sample_order_1.txt")
    data = order.to_dict()
    assert data["customer_id"] == "C-1001" and data["account"]["matched_by"] == "email_domain"
    totals = data["totals"]
    assert {"line_count", "matched_lines", "subtotal", "currency"} <= set(totals)  # kept
    assert totals["total"] == round(totals["subtotal"] - totals["discount"] + totals["tax"], 2)
    assert totals["discount"] == round(totals["subtotal"] * 0.03, 2)  # ACME's 3 %
    for line, raw in zip(order.lines, data["lines"], strict=True):
        assert raw["review"]["passed"] is (not line.gate_reasons)
        assert raw["availability"]["status"] in ("in_stock", "partial", "backorder")
        assert raw["match"]["extended_price"] == line.extended_price
    assert {detail["code"] for detail in data["review"]["details"]} == {
        code for raw in data["lines"] for code in raw["review"]["codes"]
    }


def test_the_touchless_rate_counts_the_pipelines_verdict_not_later_approvals(desk: Desk) -> None:
    for sample in ("sample_order_1.txt", "partial_info_followup.txt", "test_minimal.txt"):
        desk.process(sample)
    before = touchless_report(desk.ledger)
    assert (before.orders, before.auto_approved, before.touchless_rate) == (3, 0, 0.0)
    assert before.by_status == {"needs_review": 2, "no_order_found": 1}
    blockers = {blocker.code: (blocker.orders, blocker.occurrences) for blocker in before.blockers}
    assert blockers["no_lines"] == (1, 1) and blockers["new_customer"] == (1, 1)
    assert list(blockers) == [
        b.code for b in sorted(before.blockers, key=lambda b: (-b.orders, -b.occurrences, b.code))
    ]
    order_id = desk.process("sample_order_1.txt")
    for line in desk.service.get(order_id).order.lines:
        desk.service.accept_line(order_id, line.item.line_no, actor="ann")
    desk.service.approve(order_id, actor="dana")
    assert touchless_report(desk.ledger) == before  # a person's approval is not touchless


def test_a_trade_substitution_passes_when_the_rules_allow_it_and_stays_flagged(desk: Desk) -> None:
    order = _order(desk, "sample_order_3.txt")  # line 2: 7075-T6 plate, stocked as T651
    [line] = [line for line in order.lines if line.match and line.match.substitution]
    match = line.match
    assert "T651" in (match.substitution or "") and any("substitution" in reason for reason in match.reasons)
    # the confidence still reads "right part?" with the doubt the customer takes T651 for T6 ...
    assert match.confidence < 0.9 <= (match.substitution_confidence or 0.0)
    # ... and the desk's rules decide whether that doubt needs a person
    assert "low_confidence" not in {reason.code for reason in line_reasons(line, GateSettings())}
    strict = line_reasons(line, GateSettings(allow_trade_substitutions=False))
    assert [reason.code for reason in strict if "needs a person" in reason.message] == ["low_confidence"]
