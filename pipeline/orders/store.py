"""Orders in the ledger: the full order, one row per line for queries, and the audit trail.

Every change writes the new order, its lines and exactly one audit row under the next
``version`` in one transaction — ``UNIQUE (order_id, version)`` makes a lost or doubled update
impossible to commit, even with several processes writing at once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

from pipeline.customers.directory import CustomerDirectory, CustomerMatch
from pipeline.events import utc_now
from pipeline.ledger import Ledger, from_row
from pipeline.models import Order, OrderLine
from pipeline.orders.codec import order_from_json, order_to_json
from pipeline.orders.errors import OrderNotFoundError

OrderStatus = Literal[
    "needs_review", "auto_approved", "no_order_found", "approved", "rejected", "exported", "quoted"
]
# "quoted": a request for quote whose prices the desk sent (or is sending) in a quotation
LOCKED_STATUSES: frozenset[str] = frozenset({"approved", "auto_approved", "rejected", "exported", "quoted"})
SYSTEM_ACTOR = "order desk"


@dataclass(frozen=True)
class StoredOrder:
    """An order as the ledger holds it: the order plus its review state and version."""

    order: Order
    status: OrderStatus
    version: int
    job_id: str
    content_hash: str
    created_at: str
    updated_at: str
    decided_by: str | None = None
    decided_at: str | None = None
    decision_comment: str | None = None

    @property
    def order_id(self) -> str:
        return self.order.order_id

    @property
    def locked(self) -> bool:
        """Approved, rejected, exported or quoted orders change only through an explicit reopen."""
        return self.status in LOCKED_STATUSES

    def to_dict(self) -> dict[str, Any]:
        """``Order.to_dict`` plus the ledger's view (status, version, decision)."""
        return self.order.to_dict() | {
            "status": self.status,
            "version": self.version,
            "job_id": self.job_id,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "decision": {"by": self.decided_by, "at": self.decided_at, "comment": self.decision_comment},
        }


@dataclass(frozen=True)
class OrderSummary:
    """One row of the orders queue."""

    order_id: str
    status: OrderStatus
    version: int
    customer_id: str | None
    customer_name: str | None
    line_count: int
    total: float
    currency: str
    created_at: str
    updated_at: str
    decided_by: str | None
    top_reason: str | None = None  # the review's first reason, what a queue shows
    kind: str | None = "order"  # "quote" for a request for quote (``OrderHeader.kind``)


@dataclass(frozen=True)
class AuditEntry:
    audit_id: int
    order_id: str
    version: int
    at: str
    actor: str
    action: str
    line_no: int | None
    before: Any
    after: Any
    comment: str


def line_snapshot(line: OrderLine) -> dict[str, Any]:
    """What a reviewer compares before and after an edit of one line."""
    item, match = line.item, line.match
    return {
        "line_no": item.line_no,
        "source_text": item.source_text,
        "grade": item.grade,
        "form": item.form,
        "dimensions": dict(item.dimensions),
        "quantity": item.quantity,
        "uom": item.uom,
        "part_number": match.part_number if match else None,
        "confidence": match.confidence if match else None,
        "unit_price": line.unit_price,
        "sold_quantity": line.sold_quantity,
        "extended_price": line.extended_price,
        "accepted_by": line.accepted_by,
    }


def order_snapshot(stored: StoredOrder) -> dict[str, Any]:
    """The order in brief: status, total, parts, and the codes of what the gates found."""
    order = stored.order
    return {
        "status": stored.status,
        "total": order.totals.total if order.totals else order.subtotal,
        "lines": [line.match.part_number if line.match else None for line in order.lines],
        "reason_codes": [reason.code for reason in order.review.details] if order.review else [],
    }


class OrderStore:
    """Reads and writes orders, their lines and audit rows; callers hold ``ledger.transaction()``."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    # -- reading -----------------------------------------------------------------------------
    def find(self, order_id: str) -> StoredOrder | None:
        return self._one("order_id", order_id)

    def load(self, order_id: str) -> StoredOrder:
        stored = self.find(order_id)
        if stored is None:
            raise OrderNotFoundError(order_id)
        return stored

    def for_content(self, content_hash: str) -> StoredOrder | None:
        """The order of the email with these bytes (one email, one order)."""
        return self._one("content_hash", content_hash)

    def _one(self, column: str, value: str) -> StoredOrder | None:
        query = f"SELECT * FROM orders WHERE {column} = ?"  # column: one of ours, never user input
        row = self.ledger.connection().execute(query, (value,)).fetchone()
        return _stored(row) if row else None

    def exists(self, order_id: str) -> bool:
        query = "SELECT 1 FROM orders WHERE order_id = ?"
        return self.ledger.connection().execute(query, (order_id,)).fetchone() is not None

    def statuses_by_content(self, content_hashes: Iterable[str]) -> dict[str, OrderStatus]:
        """The order status of each email (by content hash) that has an order; for batch decisions,
        e.g. leave alone what ``LOCKED_STATUSES`` holds."""
        wanted = sorted(set(content_hashes))
        found: dict[str, OrderStatus] = {}
        for start in range(0, len(wanted), 500):  # well under SQLite's host-parameter limit
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT content_hash, status FROM orders WHERE content_hash IN ({marks})"
            rows = self.ledger.connection().execute(query, chunk)
            found.update((row["content_hash"], row["status"]) for row in rows)
        return found

    def summaries(
        self, status: str | None = None, customer_id: str | None = None, limit: int = 100
    ) -> list[OrderSummary]:
        where, params = [], []
        if status:
            where.append("o.status = ?")
            params.append(status)
        if customer_id:
            where.append("o.customer_id = ?")
            params.append(customer_id)
        sql = (
            "SELECT o.*, c.name AS customer_name,"
            # json_valid: one order stored with Infinity by an older version must not stop the list
            " CASE WHEN json_valid(o.data_json)"
            " THEN json_extract(o.data_json, '$.review.reasons[0]') END AS top_reason,"
            " CASE WHEN json_valid(o.data_json)"
            " THEN json_extract(o.data_json, '$.header.kind') END AS kind"
            " FROM orders o LEFT JOIN customers c USING (customer_id)"
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + " ORDER BY o.updated_at DESC, o.order_id LIMIT ?"
        )
        rows = self.ledger.connection().execute(sql, (*params, limit)).fetchall()
        return [from_row(OrderSummary, row) for row in rows]

    def last_audit_id(self) -> int:
        """Grows with every change of any order (each writes one audit row): a cheap "anything new?"."""
        row = self.ledger.connection().execute("SELECT max(audit_id) FROM audit").fetchone()
        return row[0] or 0

    def audit(self, order_id: str) -> list[AuditEntry]:
        rows = (
            self.ledger.connection()
            .execute("SELECT * FROM audit WHERE order_id = ? ORDER BY version", (order_id,))
            .fetchall()
        )
        return [_audit(row) for row in rows]

    # -- writing -----------------------------------------------------------------------------
    def save_processed(self, order: Order, job_id: str, customer: CustomerMatch | None = None) -> bool:
        """Store a freshly processed order (and the prospect it introduced); False if kept as it was.

        Re-processing replaces an order still in review (audited, with the old state as "before");
        an approved, rejected or exported order is never replaced by a re-run.
        """
        status = order.review.status if order.review else "needs_review"
        with self.ledger.transaction():
            if customer is not None:
                CustomerDirectory(self.ledger).save_prospect(customer)
            existing = self.find(order.order_id)
            if existing is not None and existing.locked:
                return False
            now = utc_now().isoformat()
            fresh = StoredOrder(
                order=order,
                status=status,
                version=existing.version if existing else 0,
                job_id=job_id,
                content_hash=order.document.content_hash,
                created_at=existing.created_at if existing else now,
                updated_at=now,
            )
            before = order_snapshot(existing) if existing else None
            action = "reprocessed" if existing else "created"
            self.write(fresh, actor=SYSTEM_ACTOR, action=action, before=before, after=order_snapshot(fresh))
        return True

    def write(
        self,
        stored: StoredOrder,
        *,
        actor: str,
        action: str,
        line_no: int | None = None,
        before: Any = None,
        after: Any = None,
        comment: str = "",
    ) -> StoredOrder:
        """Write ``stored`` as version ``stored.version + 1`` with one audit row; returns what was written."""
        written = replace(stored, version=stored.version + 1, updated_at=utc_now().isoformat())
        order_id = written.order_id
        with self.ledger.transaction() as connection:
            connection.execute(_UPSERT_ORDER, _order_row(written))
            connection.execute("DELETE FROM order_lines WHERE order_id = ?", (order_id,))
            connection.executemany(
                "INSERT INTO order_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_line_row(order_id, line) for line in written.order.lines],
            )
            connection.execute(
                "INSERT INTO audit (order_id, version, at, actor, action, line_no, before_json, after_json,"
                " comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    order_id,
                    written.version,
                    written.updated_at,
                    actor,
                    action,
                    line_no,
                    json.dumps(before, allow_nan=False),
                    json.dumps(after, allow_nan=False),
                    comment,
                ),
            )
        return written


_UPSERT_ORDER = (
    "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (order_id) DO UPDATE SET job_id = excluded.job_id, customer_id = excluded.customer_id,"
    " status = excluded.status, version = excluded.version, line_count = excluded.line_count,"
    " subtotal = excluded.subtotal, total = excluded.total, currency = excluded.currency,"
    " updated_at = excluded.updated_at, decided_by = excluded.decided_by, decided_at = excluded.decided_at,"
    " decision_comment = excluded.decision_comment, data_json = excluded.data_json"
)


def _order_row(written: StoredOrder) -> tuple[Any, ...]:
    order, totals = written.order, written.order.totals
    return (
        order.order_id,
        written.job_id,
        written.content_hash,
        order.account.customer_id if order.account else None,
        written.status,
        written.version,
        len(order.lines),
        order.subtotal,
        totals.total if totals else order.subtotal,
        totals.currency if totals else "USD",
        written.created_at,
        written.updated_at,
        written.decided_by,
        written.decided_at,
        written.decision_comment,
        order_to_json(order),
    )


def _line_row(order_id: str, line: OrderLine) -> tuple[Any, ...]:
    match, item = line.match, line.item
    return (
        order_id,
        item.line_no,
        item.source_text,
        match.part_number if match else None,
        match.confidence if match else None,
        item.quantity,
        line.sold_quantity,
        match.uom if match else item.uom,
        line.unit_price,
        line.extended_price,
        line.availability.status if line.availability else None,
        int(not line.gate_reasons),
        json.dumps([reason.code for reason in line.gate_reasons]),
    )


def _stored(row: sqlite3.Row) -> StoredOrder:
    return from_row(StoredOrder, row, order=order_from_json(row["data_json"]))


def _audit(row: sqlite3.Row) -> AuditEntry:
    before, after = (json.loads(row[name]) if row[name] else None for name in ("before_json", "after_json"))
    return from_row(AuditEntry, row, before=before, after=after)
