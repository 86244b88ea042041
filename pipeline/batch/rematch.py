"""Re-matching after a catalog change: which stored order lines would get another part, price or confidence.

Matching is re-run from each order's stored extracted lines (not from the email), so the diff
shows what the catalog change does and nothing else. Orders a person approved are left out and
listed as such. Nothing is written to the ledger: apply the new catalog with
``batch --since DATE --force`` (which also leaves approved orders alone).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.assemble import assemble_line
from pipeline.batch.batch_ledger import BatchLedger
from pipeline.batch.executors import Executor, InProcessExecutor
from pipeline.batch.report_files import write_rows
from pipeline.batch.work import catalog_key, worker_catalog
from pipeline.catalog.search import search_line
from pipeline.catalog.store import CatalogStore
from pipeline.ledger import JobRecord
from pipeline.match import rank
from pipeline.models import LineItem

CONFIDENCE_STEP = 1e-4  # stored confidences are rounded to 4 places


@dataclass(frozen=True)
class StoredOrder:
    job_id: str
    filename: str
    order: dict[str, Any]


@dataclass(frozen=True)
class LineChange:
    order_id: str
    job_id: str
    filename: str
    line_no: int
    source_text: str
    changes: str  # "part", "price", "confidence", comma-separated
    old_part: str | None
    new_part: str | None
    old_unit_price: float | None
    new_unit_price: float | None
    old_confidence: float | None
    new_confidence: float | None


def stored_line_item(line: dict[str, Any]) -> LineItem:
    """The request of a stored ``process --json`` line, as the matcher takes it."""
    return LineItem(
        line_no=line["line_no"],
        source_text=line["source_text"],
        material=line.get("material"),
        grade=line.get("grade"),
        temper=line.get("temper"),
        form=line.get("form"),
        dimensions=dict(line.get("dimensions") or {}),
        quantity=line.get("quantity"),
        uom=line.get("uom") or "EA",
        flags=list(line.get("flags") or []),
    )


def _what_changed(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[str]:
    if (old or {}).get("part_number") != (new or {}).get("part_number"):
        return ["part"]
    if old is None or new is None:
        return []
    changed = []
    if (old["unit_price"], old["extended_price"]) != (new["unit_price"], new["extended_price"]):
        changed.append("price")
    if abs(old["confidence"] - new["confidence"]) >= CONFIDENCE_STEP:
        changed.append("confidence")
    return changed


def _new_match(store: CatalogStore, line: dict[str, Any]) -> dict[str, Any] | None:
    item = stored_line_item(line)
    matched = assemble_line(item, rank(item, search_line(store, item)))
    if matched.match is None:
        return None
    return {
        "part_number": matched.match.part_number,
        "unit_price": matched.unit_price,
        "extended_price": matched.extended_price,
        "confidence": round(matched.match.confidence, 4),
    }


def rematch_order(store: CatalogStore, stored: StoredOrder) -> list[LineChange]:
    """The lines of one stored order whose match would change against ``store``."""
    changes = []
    for line in stored.order["lines"]:
        old, new = line["match"], _new_match(store, line)
        changed = _what_changed(old, new)
        if changed:
            changes.append(
                LineChange(
                    order_id=stored.order["order_id"],
                    job_id=stored.job_id,
                    filename=stored.filename,
                    line_no=line["line_no"],
                    source_text=line["source_text"],
                    changes=",".join(changed),
                    old_part=old and old["part_number"],
                    new_part=new and new["part_number"],
                    old_unit_price=old and old["unit_price"],
                    new_unit_price=new and new["unit_price"],
                    old_confidence=old and old["confidence"],
                    new_confidence=new and new["confidence"],
                )
            )
    return changes


def rematch_chunk(orders: list[StoredOrder], catalog: tuple[str, int]) -> list[LineChange]:
    """The Dask task: re-match a chunk of stored orders on this process's store for ``catalog``."""
    store = worker_catalog(catalog)
    return [change for stored in orders for change in rematch_order(store, stored)]


@dataclass
class RematchReport:
    catalog: str
    orders: int
    changes: list[LineChange]
    approved: list[str] = field(default_factory=list)  # order ids left alone
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        kinds = Counter(kind for change in self.changes for kind in change.changes.split(","))
        return {
            "catalog": self.catalog,
            "orders_checked": self.orders,
            "orders_changed": len({change.order_id for change in self.changes}),
            "lines_changed": len(self.changes),
            "part_changes": kinds["part"],
            "price_changes": kinds["price"],
            "confidence_changes": kinds["confidence"],
            "approved_left_alone": len(self.approved),
            "failures": self.failures,
            "seconds": round(self.seconds, 3),
        }

    def write(self, path: str | Path) -> Path:
        """``.json``: summary and every changed line; ``.csv``: one row per changed line."""
        rows = [asdict(change) for change in self.changes]
        return write_rows(path, rows, list(LineChange.__dataclass_fields__), self.summary(), key="changes")

    def text(self) -> str:
        s = self.summary()
        lines = [
            f"re-matched {s['orders_checked']:,} orders against {s['catalog']} in {s['seconds']:.1f} s",
            f"  {s['orders_changed']:,} orders with {s['lines_changed']:,} changed lines:"
            f" {s['part_changes']:,} part, {s['price_changes']:,} price,"
            f" {s['confidence_changes']:,} confidence",
            f"  {s['approved_left_alone']:,} approved orders left alone",
        ]
        lines += [
            f"  line {c.line_no} of {c.order_id} ({c.changes}): {c.old_part} → {c.new_part}"
            for c in self.changes[:20]
        ]
        if len(self.changes) > 20:
            lines.append(f"  … {len(self.changes) - 20:,} more in the report")
        return "\n".join(lines + [f"failed: {failure}" for failure in self.failures])


def _stored(jobs: list[JobRecord]) -> tuple[list[StoredOrder], list[str]]:
    orders, approved = [], []
    for job in jobs:
        if not job.result:
            continue
        if (job.result.get("review") or {}).get("status") == "approved":
            approved.append(job.result["order_id"])
        else:
            orders.append(StoredOrder(job.job_id, job.filename, job.result))
    return orders, approved


def rematch(
    ledger_path: str | Path,
    catalog: str | Path,
    *,
    since: datetime | None = None,
    executor: Executor | None = None,
    chunk_size: int = 50,
) -> RematchReport:
    """Re-match the newest order of every stored email (since ``since``) against ``catalog``."""
    CatalogStore(catalog).close()  # a missing or broken catalog fails here, before any work
    orders, approved = _stored(BatchLedger(ledger_path).latest_done(since=since))
    chunks = [orders[start : start + chunk_size] for start in range(0, len(orders), chunk_size)]
    report = RematchReport(catalog=str(catalog), orders=len(orders), changes=[], approved=approved)
    started = time.perf_counter()
    for index, result in (executor or InProcessExecutor()).map(
        rematch_chunk, chunks, catalog=catalog_key(catalog)
    ):
        if isinstance(result, BaseException):
            report.failures.append(f"orders {_names(chunks[index])}: {result!r}")
        else:
            report.changes += result
    report.changes.sort(key=lambda change: (change.order_id, change.line_no))
    report.seconds = time.perf_counter() - started
    return report


def _names(orders: Sequence[StoredOrder]) -> str:
    return ", ".join(stored.order["order_id"] for stored in orders[:3]) + (" …" if len(orders) > 3 else "")
