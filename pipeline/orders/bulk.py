"""Approving many orders at once: only the clean ones, and why each other one was left alone.

An order is clean when it waits in review and the gates, run now, find nothing: every line
passes (matched above the threshold, in stock, priced, or accepted by a reviewer) and the
customer checks pass. Each clean order is approved through ``OrderService.approve`` at the
version read, so a change made meanwhile, or any refusal the review API makes, is reported too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.config import GateSettings
from pipeline.orders.errors import OrderError
from pipeline.orders.service import OrderService
from pipeline.orders.store import StoredOrder
from pipeline.review import review

SHOWN_REASONS = 2  # a refusal names the first reasons; the order itself lists them all


@dataclass
class BulkApproval:
    """What one bulk approval did: the approved order ids and, per refused order, why."""

    approved: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)


def why_not_clean(stored: StoredOrder, gates: GateSettings) -> str | None:
    """Why the order cannot be approved in bulk (None when it is clean)."""
    if stored.status != "needs_review":
        return f"it is {stored.status.replace('_', ' ')}, not waiting for review"
    found = review(stored.order, gates).reasons
    if not found:
        return None
    more = f" (and {len(found) - SHOWN_REASONS} more)" if len(found) > SHOWN_REASONS else ""
    return "; ".join(found[:SHOWN_REASONS]) + more


def approve_clean(
    orders: OrderService, order_ids: Iterable[str], *, actor: str, comment: str = "bulk approval"
) -> BulkApproval:
    """Approve every clean order of ``order_ids``; the others are refused with their reason."""
    outcome = BulkApproval()
    for order_id in order_ids:
        try:
            stored = orders.get(order_id)
            reason = why_not_clean(stored, orders.settings.gates)
            if reason is None:
                orders.approve(order_id, actor=actor, comment=comment, expected_version=stored.version)
                outcome.approved.append(order_id)
                continue
        except OrderError as error:
            reason = str(error)
        outcome.refused[order_id] = reason
    return outcome
