"""The queue's search finds orders by customer, PO, part number or the customer's words."""

from __future__ import annotations

from pipeline.orders.search import matching_orders
from tests.conftest import Desk


def test_orders_are_found_by_customer_po_part_and_words(desk: Desk) -> None:
    rush = desk.process("urgent_rush_order.txt")
    first = desk.process("sample_order_1.txt")
    ledger = desk.ledger
    assert matching_orders(ledger, "") == {rush, first}
    assert matching_orders(ledger, "er-2024-0209") == {rush}  # the PO, any case
    assert matching_orders(ledger, "acme") == {first}  # the customer
    part = desk.service.get(first).order.lines[0].match.part_number
    assert matching_orders(ledger, part.lower()) == {first}
    assert matching_orders(ledger, f"acme {part}") == {first}  # every word, in any field
    assert matching_orders(ledger, "acme ER-2024-0209") == set()
    assert matching_orders(ledger, "100%_") == set()  # typed characters, never wildcards
