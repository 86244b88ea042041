"""Orders after the pipeline: stored in the ledger, reviewed by people, learned from.

``OrderService`` (service.py) is the review API the dashboard, notebooks and CLI call;
``OrderStore`` (store.py) the ledger tables; ``crossref.py`` what reviewers teach the desk;
``report.py`` the touchless rate and what blocks orders.
"""

from pipeline.orders.errors import (
    CustomerNotApprovedError,
    InvalidEditError,
    LineNotFoundError,
    OrderConflictError,
    OrderError,
    OrderLockedError,
    OrderNotFoundError,
    QuoteNotOrderError,
)
from pipeline.orders.service import OrderService
from pipeline.orders.store import AuditEntry, OrderSummary, StoredOrder

__all__ = [
    "AuditEntry",
    "CustomerNotApprovedError",
    "InvalidEditError",
    "LineNotFoundError",
    "OrderConflictError",
    "OrderError",
    "OrderLockedError",
    "OrderNotFoundError",
    "OrderService",
    "OrderSummary",
    "QuoteNotOrderError",
    "StoredOrder",
]
