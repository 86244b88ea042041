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

from pipeline.erp.adapter import ErpAdapter, ErpError, ErpReceipt
from pipeline.erp.payload import EXPORTABLE_STATUSES, erp_order, idempotency_key
from pipeline.events import utc_now
from pipeline.ledger import Ledger, from_row, process_alive
from pipeline.orders.store import OrderStore


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
        """Send one approved order (a no-op returning the record if it was already sent)."""
        claimed = self._claim(order_id)
        if claimed.status == "submitted":
            return claimed
        payload = json.loads(self._payload(claimed.idempotency_key))
        try:
            receipt = self.adapter.submit(payload, claimed.idempotency_key)
        except ErpError as error:
            self._failed(claimed.idempotency_key, str(error))
            raise
        return self._submitted(order_id, claimed.idempotency_key, receipt, actor)

    def export_approved(self, *, actor: str) -> tuple[list[Submission], list[str]]:
        """Send every approved order not yet sent; returns the submissions and one error per failure."""
        sent, errors = [], []
        for status in EXPORTABLE_STATUSES:
            for summary in self.orders.summaries(status=status, limit=1_000_000):
                try:
                    sent.append(self.export(summary.order_id, actor=actor))
                except ErpError as error:
                    errors.append(f"{summary.order_id}: {error}")
        return sent, errors

    def _claim(self, order_id: str) -> Submission:
        key = idempotency_key(order_id)
        now = utc_now().isoformat()
        with self.ledger.transaction() as connection:
            current = self.submission(order_id)
            if current is None:
                payload = erp_order(self.orders.load(order_id))  # validated against the schema
                connection.execute(
                    "INSERT INTO erp_submissions (idempotency_key, order_id, adapter, status, payload_json,"
                    " created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
                    (key, order_id, self.adapter.name, json.dumps(payload, allow_nan=False), now, now),
                )
                current = self.submission(order_id)
            if current.status == "submitted":
                return current
            owner = self._owner(key)
            if current.status == "sending" and owner != os.getpid() and process_alive(owner):
                raise ErpError(f"order {order_id} is being exported by process {owner}; try again later")
            connection.execute(
                "UPDATE erp_submissions SET status = 'sending', owner_pid = ?, attempts = attempts + 1,"
                " adapter = ?, updated_at = ? WHERE idempotency_key = ?",
                (os.getpid(), self.adapter.name, now, key),
            )
        return replace(current, status="sending", attempts=current.attempts + 1)

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
