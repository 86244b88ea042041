"""The touchless rate (``pipeline/touchless.py``) of the ledger's orders, and what stopped the rest.

It reads the pipeline's own verdict from the order tables — the last "created" or "reprocessed"
audit row of each order — so a reviewer's later approval does not make an order look touchless.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from pipeline.ledger import Ledger
from pipeline.orders.store import SYSTEM_ACTOR
from pipeline.touchless import TOUCHLESS_STATUS, touchless_rate


@dataclass(frozen=True)
class Blocker:
    code: str
    orders: int  # orders this reason stopped (each counted once)
    occurrences: int  # times it was found (an order may have it on several lines)


@dataclass(frozen=True)
class TouchlessReport:
    orders: int
    auto_approved: int
    by_status: dict[str, int] = field(default_factory=dict)
    blockers: list[Blocker] = field(default_factory=list)  # most orders blocked first

    @property
    def touchless_rate(self) -> float:
        return touchless_rate(self.auto_approved, self.orders)


_VERDICTS = """
    SELECT a.after_json FROM audit a
    JOIN (SELECT order_id, MAX(version) AS version FROM audit
          WHERE actor = ? AND action IN ('created', 'reprocessed') GROUP BY order_id) last
      ON a.order_id = last.order_id AND a.version = last.version
"""


def touchless_report(ledger: Ledger) -> TouchlessReport:
    verdicts = [json.loads(row[0]) for row in ledger.connection().execute(_VERDICTS, (SYSTEM_ACTOR,))]
    statuses = Counter(verdict["status"] for verdict in verdicts)
    occurrences: Counter[str] = Counter()
    orders: Counter[str] = Counter()
    for verdict in verdicts:
        codes = verdict.get("reason_codes", [])
        occurrences.update(codes)
        orders.update(set(codes))
    blockers = [
        Blocker(code, orders[code], occurrences[code])
        for code in sorted(orders, key=lambda code: (-orders[code], -occurrences[code], code))
    ]
    return TouchlessReport(
        orders=len(verdicts),
        auto_approved=statuses.get(TOUCHLESS_STATUS, 0),
        by_status=dict(sorted(statuses.items())),
        blockers=blockers,
    )
