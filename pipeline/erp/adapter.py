"""The ERP adapter interface: submit an approved order's canonical JSON, get the ERP's id back.

An adapter must be idempotent per ``idempotency_key``: submitting the same key twice creates one
order in the ERP (the outbox refuses a second file; the HTTP adapter sends the key as the
``Idempotency-Key`` header for the ERP to honour). The ledger's submission record makes a
second call rare; adapter idempotency covers a crash between the call and that record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from pipeline.errors import OrderDeskError


class ErpError(OrderDeskError):
    """The ERP refused an order, could not be reached, or the order does not fit the schema."""


@dataclass(frozen=True)
class ErpReceipt:
    erp_id: str
    status: Literal["accepted", "duplicate"]  # duplicate: the ERP already had this key
    detail: str = ""  # where it went (file path, URL)


class ErpAdapter(Protocol):
    name: str

    def submit(self, payload: dict[str, Any], idempotency_key: str) -> ErpReceipt:
        """Deliver ``payload`` once per ``idempotency_key``; raise ErpError when it cannot."""
        ...
