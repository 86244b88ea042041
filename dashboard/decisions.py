"""Approve and export orders over the HTTP API (``dashboard/api/orders.py``): the approver check,
then the review API, with the signed-in user's name as the audit's actor.

The review page checks the same rule (``User.require_approver``) in ``ReviewStore``.
"""

from __future__ import annotations

from dashboard.access import User
from pipeline.context import open_order_service
from pipeline.erp import adapter_from_settings
from pipeline.erp.exporter import ErpExporter, Submission
from pipeline.orders.store import StoredOrder
from pipeline.runner import Runner


class Decisions:
    """What an authorised user may decide about an order, on the server's runner (catalog, ledger)."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.orders = open_order_service(runner=runner)

    def approve(
        self, user: User, order_id: str, comment: str = "", expected_version: int | None = None
    ) -> StoredOrder:
        user.require_approver(self.runner.settings.access, "approve")
        return self.orders.approve(
            order_id, actor=user.name, comment=comment, expected_version=expected_version
        )

    def quote(
        self, user: User, order_id: str, comment: str = "", expected_version: int | None = None
    ) -> StoredOrder:
        """A priced request for quote: quoted, so its quotation goes to the customer."""
        user.require_approver(self.runner.settings.access, "quote")
        return self.orders.quote(
            order_id, actor=user.name, comment=comment, expected_version=expected_version
        )

    def settle_customer(
        self,
        user: User,
        order_id: str,
        *,
        customer_id: str | None = None,
        terms: str | None = None,
        credit_limit: float | None = None,
        expected_version: int | None = None,
    ) -> StoredOrder:
        """Assign the order to ``customer_id``, or (without one) approve the order's own customer."""
        user.require_approver(self.runner.settings.access, "settle the customer of")
        if customer_id:
            return self.orders.assign_customer(
                order_id, customer_id, actor=user.name, expected_version=expected_version
            )
        return self.orders.approve_customer(
            order_id,
            actor=user.name,
            terms=terms,
            credit_limit=credit_limit,
            expected_version=expected_version,
        )

    def convert_to_order(
        self, user: User, order_id: str, comment: str = "", expected_version: int | None = None
    ) -> StoredOrder:
        """A request for quote the customer now orders: from here on it is an order."""
        user.require_approver(self.runner.settings.access, "convert quotes to")
        return self.orders.convert_to_order(
            order_id, actor=user.name, comment=comment, expected_version=expected_version
        )

    def export(self, user: User, order_id: str) -> Submission:
        """Send an approved order to the ERP (once: a second export returns the first submission)."""
        user.require_approver(self.runner.settings.access, "export")
        self.orders.get(order_id)  # an unknown order is a 404, not an ERP error
        exporter = ErpExporter(self.runner.ledger, adapter_from_settings(self.runner.settings))
        return exporter.export(order_id, actor=user.name)
