"""Learning from corrections: a reviewer's mapping wins the customer's next order at 0.99."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pipeline.customers.directory import CustomerError
from pipeline.orders import InvalidEditError
from pipeline.orders.crossref import CROSS_REFERENCE_CONFIDENCE, CROSS_REFERENCE_REASON, wording_key

if TYPE_CHECKING:
    from conftest import Desk

REORDER = """From: John Smith <john.smith@acme-manufacturing.com>
Subject: Reorder

Please send:

1. Copper C110 Sheet - 24" x 24" x 0.062" thick - Quantity: 2 sheets
2. Stainless Steel 304 Sheet - 4ft x 8ft x 0.125" thick - Quantity: 3 sheets

Thanks, John
"""


def other_part(desk: Desk, part_number: str) -> str:
    """Another catalog part of the same grade and form: what a reviewer knows the customer means."""
    query = (
        "SELECT o.part_number FROM parts o JOIN parts p USING (grade, form)"
        " WHERE p.part_number = ? AND o.part_number <> ? ORDER BY o.part_number LIMIT 1"
    )
    return desk.runner.catalog.rows(query, [part_number, part_number])[0]["part_number"]


def _learn_copper_line(desk: Desk) -> str:
    """Map ACME's copper sheet wording to another copper sheet; returns that part number."""
    order_id = desk.process("sample_order_1.txt")
    copper = next(line for line in desk.service.get(order_id).order.lines if line.item.grade == "C11000")
    chosen = other_part(desk, copper.match.part_number)
    after = desk.service.choose_alternative(order_id, copper.item.line_no, chosen, actor="ann", remember=True)
    entry = desk.service.audit_log(order_id)[-1]
    assert entry.after["cross_reference"] == wording_key(
        next(line for line in after.order.lines if line.item.line_no == copper.item.line_no).item,
        after.order.document.text,
    )
    return chosen


def test_the_next_order_with_the_same_wording_gets_the_mapped_part_first(desk: Desk) -> None:
    chosen = _learn_copper_line(desk)
    [reference] = desk.service.cross_references("C-1001")
    assert (reference.kind, reference.part_number, reference.created_by) == ("wording", chosen, "ann")
    assert "quantity" not in reference.key and not reference.key.startswith("5")
    order = desk.service.get(desk.process("reorder.txt", REORDER)).order
    copper, steel = order.lines
    assert copper.match.part_number == chosen
    assert copper.match.confidence == CROSS_REFERENCE_CONFIDENCE
    assert copper.match.reasons[0] == CROSS_REFERENCE_REASON
    assert chosen not in [alternative.part_number for alternative in copper.alternatives]
    assert CROSS_REFERENCE_REASON not in steel.match.reasons  # other wording: matched as usual


def test_another_customer_with_the_same_wording_is_not_affected(desk: Desk) -> None:
    _learn_copper_line(desk)
    stranger = REORDER.replace("john.smith@acme-manufacturing.com", "buyer@techparts.com")
    order = desk.service.get(desk.process("stranger.txt", stranger)).order
    assert order.account.customer_id == "C-1002"
    assert CROSS_REFERENCE_REASON not in order.lines[0].match.reasons
    assert desk.service.cross_references("C-1002") == []


def test_a_customer_part_number_in_a_line_finds_the_mapped_part(desk: Desk) -> None:
    part = desk.runner.catalog.rows(
        "SELECT part_number FROM parts WHERE grade = '304' AND form = 'plate' ORDER BY part_number LIMIT 1"
    )[0]["part_number"]
    desk.service.remember_part_number("C-1001", "acme-7731", part, actor="ann")
    email = REORDER.replace(
        '1. Copper C110 Sheet - 24" x 24" x 0.062" thick - Quantity: 2 sheets',
        "1. Our part ACME-7731, stainless 304 sheet, 4 pcs",
    )
    line = desk.service.get(desk.process("by_number.txt", email)).order.lines[0]
    assert line.match.part_number == part
    assert (line.match.confidence, line.match.reasons[0]) == (0.99, CROSS_REFERENCE_REASON)


def test_bad_mappings_are_refused(desk: Desk) -> None:
    with pytest.raises(CustomerError, match="no customer C-0000"):
        desk.service.remember_part_number("C-0000", "A-1", "NOPE", actor="ann")
    with pytest.raises(InvalidEditError, match="no catalog part NOPE"):
        desk.service.remember_part_number("C-1001", "A-1", "NOPE", actor="ann")
    part = desk.runner.catalog.rows("SELECT part_number FROM parts LIMIT 1")[0]["part_number"]
    with pytest.raises(InvalidEditError, match="is not a part number"):
        desk.service.remember_part_number("C-1001", "two words", part, actor="ann")
