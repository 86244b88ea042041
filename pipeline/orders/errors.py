"""What the review API refuses, and why; each message says what to do instead."""

from __future__ import annotations

from pipeline.errors import OrderDeskError


class OrderError(OrderDeskError):
    """Base of the review API's refusals."""


class OrderNotFoundError(OrderError):
    def __init__(self, order_id: str) -> None:
        super().__init__(f"no order {order_id}; `python -m pipeline orders list` shows the orders")
        self.order_id = order_id


class LineNotFoundError(OrderError):
    def __init__(self, order_id: str, line_no: int, known: list[int]) -> None:
        super().__init__(f"order {order_id} has no line {line_no}; its lines are {known}")
        self.order_id, self.line_no = order_id, line_no


class OrderLockedError(OrderError):
    """The order was approved, rejected or exported: it changes only by an explicit, audited reopen."""

    def __init__(self, order_id: str, status: str) -> None:
        hint = "it was sent to the ERP" if status == "exported" else "reopen it first (audited)"
        super().__init__(f"order {order_id} is {status.replace('_', ' ')} and cannot change: {hint}")
        self.order_id, self.status = order_id, status


class OrderConflictError(OrderError):
    """Someone else changed the order since the caller read it (optimistic concurrency)."""

    def __init__(self, order_id: str, expected: int, actual: int) -> None:
        super().__init__(
            f"order {order_id} changed since version {expected} (now {actual}); reload it and try again"
        )
        self.order_id, self.expected, self.actual = order_id, expected, actual


class InvalidEditError(OrderError):
    """An edit or decision that cannot apply (unknown alternative, bad quantity, unready order)."""


class CustomerNotApprovedError(OrderError):
    """Approving or exporting an order whose customer is not an approved (active) customer."""

    def __init__(self, order_id: str, action: str, who: str) -> None:
        super().__init__(
            f"cannot {action} {order_id}: {who}. An approver approves the customer, or assigns the email"
            " to an existing customer, first"
        )
        self.order_id = order_id


class QuoteNotOrderError(OrderError):
    """A request for quote is kept as a quote: it is approved or exported only once converted."""

    def __init__(self, order_id: str, action: str, rfq: str | None) -> None:
        reference = f" (RFQ {rfq})" if rfq else ""
        super().__init__(
            f"cannot {action} {order_id}: it is a request for quote{reference}, not an order. Send the"
            " customer the prices; convert it to an order when they place it"
        )
        self.order_id = order_id
