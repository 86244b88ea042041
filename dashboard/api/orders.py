"""Order decisions over HTTP, for the signed-in approver (``dashboard.decisions`` checks the role).

- ``POST /api/orders/<id>/approve`` (JSON ``{"comment", "expected_version"}``, both optional) → 200
  ``{order_id, status, version, decided_by}``; 403 for a user who is not an approver, 404 for an
  unknown order, 409 when the order is locked, changed meanwhile or not ready.
- ``POST /api/orders/<id>/quote`` (same body and answer as approve): a request for quote whose
  prices are ready becomes ``quoted``; its quotation then goes to the customer in their thread as
  an approval's acknowledgement does (``pipeline.acknowledge``: the mailbox watcher, ``inbox
  acknowledge``, the review page). 409 for an order, a locked or an unpriced one.
- ``POST /api/orders/<id>/export`` → 200 ``{order_id, status, erp_id, adapter}`` (a second export
  answers with the first submission); 409 while another request or process is sending it (one
  wins the ledger's claim, so the ERP gets the order once); 502 when the ERP refuses or cannot be
  reached.
- Approving or exporting an order for no approved customer (a prospect, one on hold) or a request
  for quote is 409, with why in words.
- ``POST /api/orders/<id>/customer`` (JSON ``{"customer_id"}`` to assign the order and its email's
  domain to that customer, else ``{"terms", "credit_limit"}`` to approve the order's own customer)
  and ``POST /api/orders/<id>/convert`` (a quote the customer now orders) → 200 ``{order_id,
  status, version, kind, customer}``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from tornado.web import HTTPError

from dashboard.access import AccessDeniedError
from dashboard.api.base import ApiHandler
from dashboard.decisions import Decisions
from pipeline.erp.adapter import ErpError
from pipeline.errors import OrderDeskError
from pipeline.orders.errors import OrderNotFoundError
from pipeline.orders.store import StoredOrder

ORDER_ID = r"(?P<order_id>[^/]+)"
MAX_VERSION_DIGITS = 18  # within SQLite's integers


class DecisionHandler(ApiHandler):
    async def decide(self, action: Callable[[Decisions], dict[str, Any]]) -> None:
        """Run ``action`` in a thread; each refusal becomes its status code with the error's message.

        In a thread because an export waits on the ERP (its timeout and retries: tens of seconds
        when it is down) and a decision writes the ledger; on the event loop either would stall
        every page and HTTP client of the server meanwhile.
        """
        try:
            self.reply(200, await asyncio.to_thread(action, Decisions(self.service.runner)))
        except AccessDeniedError as error:
            self.fail(403, str(error))
        except OrderNotFoundError as error:
            self.fail(404, str(error))
        except ErpError as error:
            self.fail(502, str(error))
        except OrderDeskError as error:  # locked, changed meanwhile, not ready to approve
            self.fail(409, str(error))


class ApproveHandler(DecisionHandler):
    async def post(self, order_id: str) -> None:
        await self.decide_with(order_id, Decisions.approve)

    async def decide_with(self, order_id: str, decision: Callable[..., StoredOrder]) -> None:
        """``decision`` (approve, quote) with the body's comment and expected version."""
        body = self.json_body()
        comment = str(body.get("comment", ""))
        expected = _version(body.get("expected_version"))

        def decide(decisions: Decisions) -> dict[str, Any]:
            stored = decision(decisions, self.user, order_id, comment=comment, expected_version=expected)
            return {
                "order_id": stored.order_id,
                "status": stored.status,
                "version": stored.version,
                "decided_by": stored.decided_by,
            }

        await self.decide(decide)


class QuoteHandler(ApproveHandler):
    async def post(self, order_id: str) -> None:
        await self.decide_with(order_id, Decisions.quote)


def _version(value: object) -> int | None:
    """``expected_version`` as sent: absent or null asks no check; else a whole number (a JSON number
    or its digits in a string), anything else a 400 rather than a silent "no check"."""
    if value is None:
        return None
    text = str(value)
    whole = isinstance(value, int | str) and not isinstance(value, bool)
    # ASCII: "²" is a digit to isdigit, not to int
    if not (whole and text.isascii() and text.isdigit() and len(text) <= MAX_VERSION_DIGITS):
        raise HTTPError(400, reason=f"expected_version must be a whole number, not {text[:40]!r}")
    return int(text)


class ExportHandler(DecisionHandler):
    async def post(self, order_id: str) -> None:
        def export(decisions: Decisions) -> dict[str, Any]:
            sent = decisions.export(self.user, order_id)
            fields = ("order_id", "status", "erp_id", "adapter")
            return {name: getattr(sent, name) for name in fields}

        await self.decide(export)


def _written(stored: StoredOrder) -> dict[str, Any]:
    account = stored.order.account
    return {
        "order_id": stored.order_id,
        "status": stored.status,
        "version": stored.version,
        "kind": stored.order.header.kind,
        "customer": None
        if account is None
        else {"customer_id": account.customer_id, "status": account.status},
    }


class CustomerHandler(DecisionHandler):
    """``{"customer_id": "C-1001"}`` assigns the order (and its email's domain) to that customer;
    ``{"terms": "NET30", "credit_limit": 5000}`` (both optional) approves the order's own customer."""

    async def post(self, order_id: str) -> None:
        body = self.json_body()
        customer_id = body.get("customer_id")
        credit = body.get("credit_limit")
        if customer_id is not None and not isinstance(customer_id, str):
            raise HTTPError(400, reason="customer_id must be a string")
        if credit is not None and (isinstance(credit, bool) or not isinstance(credit, int | float)):
            raise HTTPError(400, reason=f"credit_limit must be a number, not {str(credit)[:40]!r}")
        terms = body.get("terms")
        expected = _version(body.get("expected_version"))

        def settle(decisions: Decisions) -> dict[str, Any]:
            return _written(
                decisions.settle_customer(
                    self.user,
                    order_id,
                    customer_id=customer_id,
                    terms=str(terms) if terms else None,
                    credit_limit=float(credit) if credit is not None else None,
                    expected_version=expected,
                )
            )

        await self.decide(settle)


class ConvertHandler(DecisionHandler):
    async def post(self, order_id: str) -> None:
        body = self.json_body()
        comment, expected = str(body.get("comment", "")), _version(body.get("expected_version"))
        await self.decide(
            lambda decisions: _written(
                decisions.convert_to_order(self.user, order_id, comment=comment, expected_version=expected)
            )
        )


ROUTES = [
    (rf"/api/orders/{ORDER_ID}/approve", ApproveHandler, {}),
    (rf"/api/orders/{ORDER_ID}/export", ExportHandler, {}),
    (rf"/api/orders/{ORDER_ID}/customer", CustomerHandler, {}),
    (rf"/api/orders/{ORDER_ID}/convert", ConvertHandler, {}),
    (rf"/api/orders/{ORDER_ID}/quote", QuoteHandler, {}),
]
