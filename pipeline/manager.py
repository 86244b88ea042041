"""What a sales manager asks of the desk, from the ledger's orders and audit trail, by customer.

- **order value**: the orders' totals (rejected orders left out);
- **backlog**: orders waiting for review now, and how long the oldest has waited;
- **time to approve**: from an order's arrival to a person's approval (approved or exported);
- **lines read right the first time**: of the lines the pipeline read from an email, those no
  reviewer edited, replaced by another part or removed (accepting a line as read counts as
  right; a line a reviewer added is not one the pipeline read).

Each question is over the orders that arrived ``since``; times are hours, UTC. Plain DataFrames,
for the metrics page and notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from pipeline.events import utc_now
from pipeline.metrics import LedgerMetrics

CHANGED_BY_REVIEW = ("edit_line", "choose_alternative", "remove_line")
UNKNOWN_CUSTOMER = "(not identified)"
_ORDERS_SQL = f"""
SELECT o.order_id, coalesce(c.name, o.customer_id, '{UNKNOWN_CUSTOMER}') AS customer, o.status,
       o.total, o.created_at, o.decided_at,
       (SELECT json_array_length(a.after_json, '$.lines') FROM audit a
         WHERE a.order_id = o.order_id AND a.action IN ('created', 'reprocessed')
         ORDER BY a.version DESC LIMIT 1) AS lines_read,
       (SELECT count(DISTINCT a.line_no) FROM audit a
         WHERE a.order_id = o.order_id AND a.line_no IS NOT NULL
           AND a.action IN ({", ".join(f"'{action}'" for action in CHANGED_BY_REVIEW)})) AS lines_changed
FROM orders o LEFT JOIN customers c USING (customer_id)
WHERE o.created_at >= ?
"""
COLUMNS = [
    "customer",
    "orders",
    "value",
    "backlog",
    "oldest_waiting_h",
    "approve_h",
    "lines_read",
    "lines_right",
]


@dataclass(frozen=True)
class DeskTotals:
    """The desk's figures over every customer."""

    value: float
    backlog: int
    oldest_waiting_h: float | None
    approve_h: float | None  # median
    lines_read: int
    lines_right: int

    @property
    def right_first_time(self) -> float | None:
        return self.lines_right / self.lines_read if self.lines_read else None


class ManagerMetrics(LedgerMetrics):
    """The manager's questions over one ledger file (read-only, like ``LedgerMetrics``)."""

    def order_facts(self, since: datetime | None = None) -> pd.DataFrame:
        """One row per order: customer, status, total, waiting and approval hours, lines read / right."""
        rows = [dict(row) for row in self._rows(_ORDERS_SQL, (since.isoformat() if since else "",))]
        frame = pd.DataFrame(
            rows,
            columns=[
                "order_id",
                "customer",
                "status",
                "total",
                "created_at",
                "decided_at",
                "lines_read",
                "lines_changed",
            ],
        )
        created = pd.to_datetime(frame["created_at"], utc=True, format="ISO8601")
        decided = pd.to_datetime(frame["decided_at"], utc=True, format="ISO8601")
        waiting = frame["status"] == "needs_review"
        approved = frame["status"].isin(["approved", "exported"]) & decided.notna()
        lines_read = frame["lines_read"].fillna(0).astype(int)
        return frame.assign(
            value=frame["total"].where(frame["status"] != "rejected", 0.0),
            waiting_h=((utc_now() - created).dt.total_seconds() / 3600).where(waiting),
            approve_h=((decided - created).dt.total_seconds() / 3600).where(approved),
            lines_read=lines_read,
            lines_right=(lines_read - frame["lines_changed"].fillna(0).astype(int)).clip(lower=0),
        )

    def by_customer(self, since: datetime | None = None, facts: pd.DataFrame | None = None) -> pd.DataFrame:
        """Per customer, largest order value first: ``COLUMNS`` (approve_h is the median)."""
        facts = self.order_facts(since) if facts is None else facts
        if facts.empty:
            return pd.DataFrame(columns=COLUMNS)
        grouped = facts.groupby("customer")
        table = grouped.agg(
            orders=("order_id", "size"),
            value=("value", "sum"),
            backlog=("waiting_h", "count"),
            oldest_waiting_h=("waiting_h", "max"),
            approve_h=("approve_h", "median"),
            lines_read=("lines_read", "sum"),
            lines_right=("lines_right", "sum"),
        )
        return table.reset_index().sort_values(["value", "customer"], ascending=[False, True])[COLUMNS]

    def totals(self, since: datetime | None = None, facts: pd.DataFrame | None = None) -> DeskTotals:
        facts = self.order_facts(since) if facts is None else facts
        waiting, approve = facts["waiting_h"].dropna(), facts["approve_h"].dropna()
        return DeskTotals(
            value=float(facts["value"].sum()),
            backlog=len(waiting),
            oldest_waiting_h=float(waiting.max()) if len(waiting) else None,
            approve_h=float(approve.median()) if len(approve) else None,
            lines_read=int(facts["lines_read"].sum()),
            lines_right=int(facts["lines_right"].sum()),
        )
