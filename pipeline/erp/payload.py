"""The canonical ERP order: an approved order in the published JSON Schema (erp_order.schema.json).

Every export is validated against the schema before it leaves, so an ERP never receives an
order the contract does not describe.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from pipeline.erp.adapter import ErpError
from pipeline.errors import OrderDeskError
from pipeline.orders.store import StoredOrder

SCHEMA_VERSION = "1.0"
EXPORTABLE_STATUSES = ("approved", "auto_approved")  # ready to send
RENDERABLE_STATUSES = (*EXPORTABLE_STATUSES, "exported")  # may be shown as ERP JSON or CSV


class NotApprovedError(OrderDeskError):
    """Export asked of an order nobody approved: the caller's mistake (409 over HTTP), not the ERP's."""


@cache
def schema() -> dict[str, Any]:
    """The published schema (``pipeline/erp/erp_order.schema.json``)."""
    return json.loads(resources.files("pipeline.erp").joinpath("erp_order.schema.json").read_text())


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def idempotency_key(order_id: str) -> str:
    """One order, one ERP order: the key depends only on the order (its id is its email's hash)."""
    return f"orderdesk-{order_id}"


def validate_erp_order(payload: dict[str, Any]) -> None:
    """Raise ErpError listing every way ``payload`` breaks the schema (or JSON: NaN, Infinity)."""
    try:
        json.dumps(payload, allow_nan=False)
    except ValueError:
        raise ErpError(
            f"order {payload.get('order_id')} holds a number that is not finite (NaN or Infinity);"
            " edit the line or reprocess the email"
        ) from None
    errors = sorted(_validator().iter_errors(payload), key=lambda error: list(error.absolute_path))
    if errors:
        where = "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(order)'}: {e.message}" for e in errors)
        raise ErpError(f"order {payload.get('order_id')} does not fit the ERP schema: {where}")


def erp_order(stored: StoredOrder) -> dict[str, Any]:
    """The ERP JSON of an approved order, validated."""
    if stored.status not in RENDERABLE_STATUSES:
        raise NotApprovedError(
            f"order {stored.order_id} is {stored.status.replace('_', ' ')}; approve it first"
        )
    order, account = stored.order, stored.order.account
    if account is None or order.totals is None:
        raise ErpError(f"order {stored.order_id} has no customer or totals; reprocess it")
    contact = order.header.customer
    payload = {
        "schema_version": SCHEMA_VERSION,
        "order_id": order.order_id,
        "idempotency_key": idempotency_key(order.order_id),
        "status": "approved" if stored.decided_by else "auto_approved",
        "approved_by": stored.decided_by or "order desk (auto-approved)",
        "approved_at": stored.decided_at or stored.updated_at,
        "customer": {
            "customer_id": account.customer_id,
            "name": account.name,
            "terms": account.terms,
            "status": account.status,
            "contact": contact.contact,
            "email": contact.email,
            "phone": contact.phone,
        },
        "po_number": order.header.po_number,
        "requested_date": order.header.requested_date,
        "urgency": order.header.urgency,
        "source": {
            "path": order.document.path,
            "content_hash": order.document.content_hash,
            "subject": order.document.subject,
            "sender": order.document.sender,
        },
        "lines": [_line(line) for line in order.lines],
        "totals": {
            key: getattr(order.totals, key)
            for key in ("subtotal", "discount_pct", "discount", "small_order_charge", "tax_rate", "tax")
        }
        | {"total": order.totals.total, "currency": order.totals.currency},
    }
    validate_erp_order(payload)
    return payload


def _line(line: Any) -> dict[str, Any]:
    match, stock = line.match, line.availability
    if match is None or line.sold_quantity is None or line.extended_price is None:
        raise ErpError(f"line {line.item.line_no} has no part or no priced quantity")
    return {
        "line_no": line.item.line_no,
        "part_number": match.part_number,
        "description": match.description,
        "quantity": line.sold_quantity,
        "uom": match.uom,
        "unit_price": line.unit_price,
        "extended_price": line.extended_price,
        "ship_now": stock.ship_now if stock else line.sold_quantity,
        "backorder": stock.backorder if stock else 0.0,
        "lead_time_days": stock.lead_time_days if stock else None,
        "customer_text": line.item.source_text,
        "substitution": match.substitution,  # a substitution is never silent, in the ERP either
    }
