"""Send approved orders to the ERP exactly once, and remember that they went.

Each order has one submission row, keyed by its idempotency key. Sending is claimed in the
ledger first (so two exporters do not both call the ERP), the payload is the one stored at the
first attempt (a retry sends the same bytes), and success marks the order ``exported`` with an
audit row. A crash between the ERP call and that record is covered by the adapter's
idempotency: the next run calls again with the same key and gets the same ERP order.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace

from pipeline.customers.directory import CustomerDirectory
from pipeline.erp.adapter import ErpAdapter, ErpReceipt
from pipeline.erp.payload import EXPORTABLE_STATUSES, erp_order, idempotency_key
from pipeline.errors import OrderDeskError
from pipeline.events import utc_now
from pipeline.ledger import Ledger, from_row, process_alive
from pipeline.orders.customers import current_account, why_not_approved
from pipeline.orders.errors import CustomerNotApprovedError, QuoteNotOrderError
from pipeline.orders.store import OrderStore


class ExportInProgressError(OrderDeskError):
    """Another thread or process holds the order's claim and is sending it now."""


@dataclass(frozen=True)
class Submission:
    idempotency_key: str
    order_id: str
    adapter: str
    status: str  # pending | sending | submitted | failed
    erp_id: str | None
    attempts: int
    error: str | None
    created_at: str
    updated_at: str


class ErpExporter:
    """Exports approved orders through one adapter and records each submission in the ledger."""

    def __init__(self, ledger: Ledger, adapter: ErpAdapter) -> None:
        self.ledger = ledger
        self.adapter = adapter
        self.orders = OrderStore(ledger)

    def submission(self, order_id: str) -> Submission | None:
        row = (
            self.ledger.connection()
            .execute("SELECT * FROM erp_submissions WHERE idempotency_key = ?", (idempotency_key(order_id),))
            .fetchone()
        )
        return from_row(Submission, row) if row else None

    def export(self, order_id: str, *, actor: str) -> Submission:
        """Send one approved order (a no-op returning the record if it was already sent).

        Whatever goes wrong after the claim (the ERP's error, an answer that cannot be read) is
        recorded as a failed, retryable submission: the order is never left ``sending``.
        """
        sent = self.submission(order_id)
        if sent is None or sent.status != "submitted":
            self._require_sendable(order_id)
        claimed = self._claim(order_id)
        if claimed.status == "submitted":
            return claimed
        try:
            payload = json.loads(self._payload(claimed.idempotency_key))
            receipt = self.adapter.submit(payload, claimed.idempotency_key)
            return self._submitted(order_id, claimed.idempotency_key, receipt, actor)
        except BaseException as error:
            self._failed(claimed.idempotency_key, str(error) or type(error).__name__)
            raise

    def export_approved(self, *, actor: str) -> tuple[list[Submission], list[str]]:
        """Send every approved order not yet sent; returns the submissions and one error per failure."""
        sent, errors = [], []
        for status in EXPORTABLE_STATUSES:
            for summary in self.orders.summaries(status=status, limit=1_000_000):
                try:
                    sent.append(self.export(summary.order_id, actor=actor))
                except OrderDeskError as error:
                    errors.append(f"{summary.order_id}: {error}")
        return sent, errors

    def _require_sendable(self, order_id: str) -> None:
        """An order for no approved customer, or a request for quote, is never sent as an order."""
        stored = self.orders.load(order_id)
        if stored.status not in EXPORTABLE_STATUSES:
            return  # not approved: the payload says so ("approve it first")
        order = stored.order
        if order.header.kind == "quote":
            raise QuoteNotOrderError(order_id, "export", order.header.rfq_number)
        why = why_not_approved(current_account(CustomerDirectory(self.ledger), order.account))
        if why is not None:
            raise CustomerNotApprovedError(order_id, "export", why)

    def _claim(self, order_id: str) -> Submission:
        """Win the right to send: one atomic UPDATE from the state read, which one thread of one
        process alone can make; the others see ``sending`` and are told to wait."""
        key = idempotency_key(order_id)
        current = self.submission(order_id) or self._create(order_id, key)
        if current.status == "submitted":
            return current
        if current.status == "sending" and process_alive(self._owner(key)):
            raise ExportInProgressError(f"order {order_id} is being exported; try again later")
        read = (key, current.status, current.attempts)
        with self.ledger.transaction() as connection:
            won = connection.execute(
                "UPDATE erp_submissions SET status = 'sending', owner_pid = ?, attempts = attempts + 1,"
                " adapter = ?, updated_at = ? WHERE idempotency_key = ? AND status = ? AND attempts = ?",
                (os.getpid(), self.adapter.name, utc_now().isoformat(), *read),
            ).rowcount
        if not won:  # another thread or process claimed or sent it since it was read
            return self._claim(order_id)
        return replace(current, status="sending", attempts=current.attempts + 1)

    def _create(self, order_id: str, key: str) -> Submission:
        """The order's pending submission with its payload (validated; stored once, sent on retries)."""
        payload = erp_order(self.orders.load(order_id))
        now = utc_now().isoformat()
        with self.ledger.transaction() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO erp_submissions (idempotency_key, order_id, adapter, status,"
                " payload_json, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
                (key, order_id, self.adapter.name, json.dumps(payload, allow_nan=False), now, now),
            )
        return self.submission(order_id)

    def _owner(self, key: str) -> int | None:
        row = (
            self.ledger.connection()
            .execute("SELECT owner_pid FROM erp_submissions WHERE idempotency_key = ?", (key,))
            .fetchone()
        )
        return row["owner_pid"] if row else None

    def _payload(self, key: str) -> str:
        row = (
            self.ledger.connection()
            .execute("SELECT payload_json FROM erp_submissions WHERE idempotency_key = ?", (key,))
            .fetchone()
        )
        return str(row["payload_json"])

    def _failed(self, key: str, error: str) -> None:
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE erp_submissions SET status = 'failed', error = ?, owner_pid = NULL, updated_at = ?"
                " WHERE idempotency_key = ?",
                (error, utc_now().isoformat(), key),
            )

    def _submitted(self, order_id: str, key: str, receipt: ErpReceipt, actor: str) -> Submission:
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE erp_submissions SET status = 'submitted', erp_id = ?, error = NULL, owner_pid = NULL,"
                " updated_at = ? WHERE idempotency_key = ?",
                (receipt.erp_id, utc_now().isoformat(), key),
            )
            stored = self.orders.load(order_id)
            self.orders.write(
                replace(stored, status="exported"),
                actor=actor,
                action="export",
                before={"status": stored.status},
                after={"status": "exported", "erp_id": receipt.erp_id, "adapter": self.adapter.name}
                | {"delivery": receipt.status, "detail": receipt.detail},
            )
        return self.submission(order_id)
