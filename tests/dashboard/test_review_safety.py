"""The review page and the HTTP API keep an order safe to approve (issue 15, part 3), without a
browser: a prospect's order is refused with why until an approver settles the customer, a request
for quote stays one until converted, the page exports with the HTTP API's claim, a line's unit is
edited in place, and reasons and forms read in a desk's words."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import panel as pn
import pytest
from tornado.httpclient import AsyncHTTPClient

from dashboard import jobs
from dashboard.access import AccessDeniedError, User
from dashboard.api import orders as api_orders
from dashboard.components import OrdersQueue, ReviewWorkspace
from dashboard.decisions import Decisions
from dashboard.review_store import ReviewStore
from pipeline.config import AccessSettings
from pipeline.context import open_order_service
from pipeline.orders import OrderService
from tests.conftest import Desk
from tests.dashboard.served import served
from tests.review_emails import PROSPECT_ORDER, QUOTE_REQUEST, email


def press(button: pn.widgets.Button) -> None:
    button.clicks += 1


def processed(desk: Desk, template: str) -> str:
    return desk.process("email.txt", email(template))


def accept_all(service: OrderService, order_id: str) -> None:
    for line in service.get(order_id).order.lines:
        if line.gate_reasons:
            service.accept_line(order_id, line.item.line_no, actor="ann")


def workspace_for(desk: Desk, order_id: str, user: User | None = None) -> tuple[ReviewStore, ReviewWorkspace]:
    params: dict[str, Any] = {"user": user, "actor": user.name} if user else {"actor": "rita"}
    store = ReviewStore(orders=desk.service, order_id=order_id, decisions=Decisions(desk.runner), **params)
    return store, ReviewWorkspace(store=store)


async def post(path: str, payload: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    async with served(api_orders.ROUTES) as base:
        response = await AsyncHTTPClient().fetch(
            f"{base}{path}", method="POST", body=json.dumps(payload or {}).encode(), raise_error=False
        )
    return response.code, json.loads(response.body)


@pytest.fixture
def served_desk(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    """The desk behind the dashboard's HTTP handlers (its job service closed after the test)."""
    service = jobs.JobService(desk.runner)
    monkeypatch.setattr(jobs, "_service", service)
    yield desk
    service.close()


def test_over_http_a_prospects_order_is_refused_with_why_until_the_customer_is_settled(
    served_desk: Desk,
) -> None:
    desk = served_desk
    order_id = processed(desk, PROSPECT_ORDER)
    accept_all(desk.service, order_id)
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/approve"))
    assert code == 409 and "is a new customer on PREPAY terms, not yet approved" in answer["error"]
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/export"))
    assert code == 409 and "approve it first" in answer["error"]
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/customer", {"customer_id": "C-1004"}))
    assert code == 200 and answer["customer"] == {"customer_id": "C-1004", "status": "active"}
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/approve"))
    assert code == 200 and answer["status"] == "approved"
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/customer", {"credit_limit": "lots"}))
    assert code == 400 and "credit_limit" in answer["error"]


def test_over_http_a_quote_is_kept_until_converted(served_desk: Desk) -> None:
    desk = served_desk
    order_id = processed(desk, QUOTE_REQUEST)
    accept_all(desk.service, order_id)
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/approve"))
    assert code == 409 and "request for quote (RFQ 2291)" in answer["error"]
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/convert", {"comment": "PO by phone"}))
    assert code == 200 and answer["kind"] == "order"
    assert asyncio.run(post(f"/api/orders/{order_id}/approve"))[0] == 200
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/export"))
    assert code == 200 and answer["status"] == "submitted"


def test_only_approvers_settle_the_customer_or_convert_a_quote(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    order_id = processed(desk, PROSPECT_ORDER)
    settings = replace(desk.settings, access=AccessSettings(approvers=("ann",)))
    monkeypatch.setattr(desk.runner, "settings", settings)
    orders = OrderService(desk.ledger, desk.runner.catalog, settings)
    bob = ReviewStore(orders=orders, user=User("bob", signed_in=True), actor="bob", order_id=order_id)
    assert not bob.approve_customer() and "bob may not approve the customer of orders" in bob.message
    assert not bob.assign_customer("C-1004") and not bob.convert_to_order()
    with pytest.raises(AccessDeniedError, match="bob may not settle the customer of orders"):
        Decisions(desk.runner).settle_customer(User("bob", signed_in=True), order_id, customer_id="C-1004")
    assert desk.service.get(order_id).order.account.status == "prospect"
    ann = ReviewStore(orders=orders, user=User("ann", signed_in=True), actor="ann", order_id=order_id)
    assert ann.approve_customer("NET30", 5000), ann.message
    assert desk.service.get(order_id).order.account.status == "active"


def test_the_page_refuses_a_prospect_says_why_and_lets_the_approver_approve_the_customer(desk: Desk) -> None:
    order_id = processed(desk, PROSPECT_ORDER)
    accept_all(desk.service, order_id)
    store, workspace = workspace_for(desk, order_id)
    summary = workspace.summary.object
    assert 'data-customer="not-approved"' in summary and "Not an approved customer" in summary
    assert workspace.customer.visible and "Global Fabrication Inc (C-1004)" in workspace.assign_to.options
    press(workspace.approve)
    assert store.message_kind == "danger" and "not yet approved" in store.message
    assert desk.service.get(order_id).status == "needs_review"
    workspace.terms.value, workspace.credit.value = "NET30", 10_000
    press(workspace.approve_customer)
    assert store.stored.order.account.status == "active" and not workspace.customer.visible
    press(workspace.approve)
    assert store.stored.status == "approved" and workspace.export.visible
    assert store.export()  # the button sends off the loop (a browser test presses it); here in this thread
    assert store.message_kind == "success" and store.stored.status == "exported", store.message
    assert workspace.export.disabled and workspace.export.label == "Exported"
    assert [entry.action for entry in store.audit][-3:] == ["approve_customer", "approve", "export"]


def test_the_page_assigns_the_email_to_an_existing_customer(desk: Desk) -> None:
    order_id = processed(desk, PROSPECT_ORDER)
    store, workspace = workspace_for(desk, order_id)
    workspace.assign_to.value = "C-1004"
    press(workspace.assign)
    assert store.stored.order.account.customer_id == "C-1004" and not workspace.customer.visible
    assert "Global Fabrication Inc (C-1004, NET30)" in workspace.summary.object


def test_the_page_shows_and_keeps_a_quote_until_converted(desk: Desk) -> None:
    order_id = processed(desk, QUOTE_REQUEST)
    store, workspace = workspace_for(desk, order_id)
    queue = OrdersQueue(store=store)
    row = queue.table.value[queue.table.value["order_id"] == order_id].iloc[0]
    assert row["kind"] == "request for quote"
    assert 'data-kind="quote"' in workspace.summary.object and "RFQ" in workspace.summary.object
    assert "request for quote" in workspace.summary.object and workspace.convert.visible
    press(workspace.approve)
    assert "request for quote (RFQ 2291)" in store.message and store.stored.status == "needs_review"
    press(workspace.convert)
    assert store.stored.order.header.kind == "order" and not workspace.convert.visible
    press(workspace.approve)
    assert store.stored.status == "approved"


def test_a_line_unit_is_edited_on_the_page_and_reasons_and_forms_read_in_words(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    store, workspace = workspace_for(desk, order_id)
    editor = next(e for e in workspace.editors if e.line.item.line_no == 2)
    assert editor.unit.value == "EA" and set(editor.unit.options) == {"pieces", "feet", "pounds"}
    assert "round bar" in editor.form.options and "bar_round" not in editor.form.options
    before = editor.line.sold_quantity
    editor.unit.value = "FT"
    press(editor.save)
    line = next(line for line in store.stored.order.lines if line.item.line_no == 2)
    assert line.item.uom == "FT" and line.sold_quantity != before, store.message
    info = editor.info.object
    assert 'data-uom="FT"' in info and "feet" in info and "round bar" in info
    assert all("_" not in code for code in ["bar_round"] if code in info) and "bar_round" not in info
    audit = open_order_service(runner=desk.runner).audit_log(order_id)[-1]
    assert (audit.action, audit.before["uom"], audit.after["uom"]) == ("edit_line", "EA", "FT")


def test_over_http_a_priced_quote_is_quoted_once_and_an_order_is_not(served_desk: Desk) -> None:
    desk = served_desk
    order_id = processed(desk, QUOTE_REQUEST)
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/quote", {"comment": "prices checked"}))
    assert code == 200 and answer["status"] == "quoted" and answer["order_id"] == order_id
    assert set(answer) == {"order_id", "status", "version", "decided_by"}  # approve's answer
    code, answer = asyncio.run(post(f"/api/orders/{order_id}/quote"))
    assert code == 409 and "quoted" in answer["error"]
    assert asyncio.run(post("/api/orders/no-such-order/quote"))[0] == 404
    other = processed(desk, PROSPECT_ORDER)
    code, answer = asyncio.run(post(f"/api/orders/{other}/quote"))
    assert code == 409 and "approve it instead" in answer["error"]
    assert [entry.action for entry in desk.service.audit_log(order_id)][-1] == "quote"


def test_the_page_sends_a_quotation_instead_of_approving_a_quote(desk: Desk) -> None:
    order_id = processed(desk, QUOTE_REQUEST)
    store, workspace = workspace_for(desk, order_id)
    assert workspace.quote.visible and not workspace.quote.disabled
    press(workspace.quote)
    assert store.stored.status == "quoted" and store.message_kind == "success", store.message
    assert workspace.quote.disabled and workspace.reopen.visible and workspace.convert.visible
    press(workspace.convert)  # the customer ordered what was quoted
    assert store.stored.order.header.kind == "order" and store.stored.status == "needs_review"
    assert not workspace.quote.visible
