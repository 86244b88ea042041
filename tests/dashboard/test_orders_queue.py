"""The queue's search, bulk approval and keyboard shortcuts, on real orders in a real ledger."""

from __future__ import annotations

import dataclasses

import panel as pn

from dashboard.access import User
from dashboard.components import OrdersQueue
from dashboard.review_store import ReviewStore
from pipeline.orders import OrderService
from tests.conftest import Desk


def press(button: pn.widgets.Button) -> None:
    button.clicks += 1


def test_the_search_lists_the_orders_of_a_customer_po_or_part(desk: Desk) -> None:
    rush, first = desk.process("urgent_rush_order.txt"), desk.process("sample_order_1.txt")
    queue = OrdersQueue(store=ReviewStore(orders=desk.service))
    assert set(queue.listed_orders()) == {rush, first}
    queue.search.value_input = "ER-2024-0209"
    assert queue.listed_orders() == [rush]
    queue.search.value_input = desk.service.get(first).order.lines[0].match.part_number
    assert queue.listed_orders() == [first]
    queue.search.value_input = ""
    assert set(queue.listed_orders()) == {rush, first}


def test_bulk_approval_approves_the_clean_listed_orders_and_says_why_not_the_others(desk: Desk) -> None:
    clean, dirty = desk.process("chain_email_thread.txt"), desk.process("complex_multi_order.txt")
    (flagged,) = desk.service.get(clean).order.review.details
    desk.service.accept_line(clean, flagged.line_no, actor="rita")
    store = ReviewStore(orders=desk.service, actor="rita")
    queue = OrdersQueue(store=store)
    press(queue.approve_clean)
    assert desk.service.get(clean).status == "approved" and desk.service.get(clean).decided_by == "rita"
    assert desk.service.get(dirty).status == "needs_review"
    assert queue.listed_orders() == [dirty]  # "Needs review" no longer lists the approved one
    shown = queue.outcome.object
    assert f"Approved: {clean}" in shown and f"<b>{dirty}</b>: line 2: no matching part" in shown


def test_bulk_approval_is_for_approvers_only(desk: Desk) -> None:
    clean = desk.process("chain_email_thread.txt")
    (flagged,) = desk.service.get(clean).order.review.details
    desk.service.accept_line(clean, flagged.line_no, actor="rita")
    settings = dataclasses.replace(
        desk.settings, access=dataclasses.replace(desk.settings.access, approvers=("ann",))
    )
    orders = OrderService(desk.ledger, desk.runner.catalog, settings)
    store = ReviewStore(orders=orders, user=User("bob", signed_in=True), actor="bob")
    queue = OrdersQueue(store=store)
    press(queue.approve_clean)
    assert desk.service.get(clean).status == "needs_review"
    assert "bob may not approve orders" in queue.outcome.object


def test_keys_open_the_next_order_accept_its_flagged_line_and_approve_it(desk: Desk) -> None:
    first, second = desk.process("sample_order_3.txt"), desk.process("chain_email_thread.txt")
    store = ReviewStore(orders=desk.service, actor="rita")
    queue = OrdersQueue(store=store)
    assert queue.shortcuts.keys == ["j", "a", "A"]
    queue.shortcuts.press("j")
    listed = queue.listed_orders()
    assert store.order_id == listed[0]
    queue.shortcuts.press("j")
    assert store.order_id == listed[1]
    opened = store.order_id
    (flagged,) = desk.service.get(opened).order.review.details
    queue.shortcuts.press("a")
    assert desk.service.get(opened).order.lines[flagged.line_no - 1].accepted_by == "rita"
    queue.shortcuts.press("A")
    assert desk.service.get(opened).status == "approved"
    assert {first, second} == set(listed)
