"""A customer's recent orders, as a reviewer weighs a new one against them.

Read from the ledger's ``orders`` table (its ``orders_by_customer`` index), newest first: when
each came, its PO (or RFQ) number, how many lines, its value and where it stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.ledger import Ledger, from_row

RECENT_LIMIT = 8


@dataclass(frozen=True)
class PastOrder:
    """One earlier order of the customer, as the review page lists it."""

    order_id: str
    status: str
    created_at: str
    line_count: int
    total: float
    currency: str
    po_number: str | None = None
    rfq_number: str | None = None
    kind: str | None = "order"


@dataclass(frozen=True)
class CustomerHistory:
    """The customer's most recent orders (newest first) and how many they have in all."""

    customer_id: str
    orders: list[PastOrder]
    total_count: int


# json_valid: one order stored with Infinity by an older version must not stop the list
_HEADER = "CASE WHEN json_valid(data_json) THEN json_extract(data_json, '$.header.{0}') END AS {0}"


def recent_orders(
    ledger: Ledger, customer_id: str, *, exclude: str | None = None, limit: int = RECENT_LIMIT
) -> CustomerHistory:
    """``customer_id``'s latest ``limit`` orders other than ``exclude`` (the one under review)."""
    columns = ", ".join(_HEADER.format(name) for name in ("po_number", "rfq_number", "kind"))
    where = "customer_id = ? AND order_id != ?"
    params = (customer_id, exclude or "")
    connection = ledger.connection()
    rows = connection.execute(
        "SELECT order_id, status, created_at, line_count, total, currency,"
        f" {columns} FROM orders WHERE {where} ORDER BY created_at DESC, order_id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    (count,) = connection.execute(f"SELECT count(*) FROM orders WHERE {where}", params).fetchone()
    return CustomerHistory(customer_id, [from_row(PastOrder, row) for row in rows], count)
