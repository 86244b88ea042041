"""Re-matching after a catalog change: which stored order lines would get another part, price or confidence.

Each order as the ledger holds it now (reviewers' edits included) is matched line by line against
the new catalog exactly as the review API re-matches an edited line (the customer's
cross-references first), so the diff shows what the catalog change does and nothing else. Locked
orders (approved, auto-approved, rejected, exported) are left out and counted. Nothing is written
to the ledger: apply the new catalog with ``batch --since DATE --force``, which also leaves locked
orders alone.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.batch.batch_ledger import BatchLedger
from pipeline.batch.executors import Executor, InProcessExecutor
from pipeline.batch.report_files import write_rows
from pipeline.batch.run import absolute
from pipeline.batch.work import CatalogVersion, catalog_version, worker_catalog
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.ledger import Ledger
from pipeline.models import OrderLine
from pipeline.orders.service import OrderService
from pipeline.orders.store import StoredOrder

CONFIDENCE_STEP = 1e-4  # confidences are compared as the order JSON rounds them


@dataclass(frozen=True)
class LineChange:
    order_id: str
    status: str  # the order's review status
    line_no: int
    source_text: str
    changes: str  # "part", "price", "confidence", comma-separated
    old_part: str | None
    new_part: str | None
    old_unit_price: float | None
    new_unit_price: float | None
    old_confidence: float | None
    new_confidence: float | None


def _what_changed(old: OrderLine, new: OrderLine) -> list[str]:
    old_part, new_part = (line.match.part_number if line.match else None for line in (old, new))
    if old_part != new_part:
        return ["part"]
    if old.match is None or new.match is None:
        return []
    changed = []
    if (old.unit_price, old.extended_price) != (new.unit_price, new.extended_price):
        changed.append("price")
    if abs(old.match.confidence - new.match.confidence) >= CONFIDENCE_STEP:
        changed.append("confidence")
    return changed


def rematch_order(service: OrderService, stored: StoredOrder) -> list[LineChange]:
    """The lines of one stored order whose match would change against ``service.catalog``."""
    order = stored.order
    references = service.cross_references(order.account.customer_id) if order.account else []
    changes = []
    for old in order.lines:
        new = service.matched_line(old.item, references)
        changed = _what_changed(old, new)
        if changed:
            changes.append(
                LineChange(
                    order_id=order.order_id,
                    status=stored.status,
                    line_no=old.item.line_no,
                    source_text=old.item.source_text,
                    changes=",".join(changed),
                    old_part=old.match.part_number if old.match else None,
                    new_part=new.match.part_number if new.match else None,
                    old_unit_price=old.unit_price,
                    new_unit_price=new.unit_price,
                    old_confidence=old.match.confidence if old.match else None,
                    new_confidence=new.match.confidence if new.match else None,
                )
            )
    return changes


@lru_cache(maxsize=2)
def worker_order_service(settings: Settings, catalog: CatalogVersion) -> OrderService:
    """This process's review API on the new catalog: the store and its index built once per process."""
    return OrderService(Ledger(settings.ledger_path), worker_catalog(catalog), settings)


def rematch_chunk(hashes: list[str], settings: Settings, catalog: CatalogVersion) -> list[LineChange]:
    """The Dask task: re-match the orders of a chunk of emails (by content hash) against ``catalog``."""
    service = worker_order_service(settings, catalog)
    orders = (service.store.for_content(digest) for digest in hashes)
    return [change for stored in orders if stored is not None for change in rematch_order(service, stored)]


@dataclass
class RematchReport:
    catalog: str
    orders: int
    changes: list[LineChange]
    locked: dict[str, int] = field(default_factory=dict)  # locked orders left alone, by status
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
            "locked_left_alone": self.locked,
            "failures": self.failures,
            "seconds": round(self.seconds, 3),
        }

    def write(self, path: str | Path) -> Path:
        """``.json``: summary and every changed line; ``.csv``: one row per changed line."""
        rows = [asdict(change) for change in self.changes]
        return write_rows(path, rows, list(LineChange.__dataclass_fields__), self.summary(), key="changes")

    def text(self) -> str:
        s = self.summary()
        locked = ", ".join(
            f"{count:,} {status.replace('_', ' ')}" for status, count in sorted(self.locked.items())
        )
        lines = [
            f"re-matched {s['orders_checked']:,} orders against {s['catalog']} in {s['seconds']:.1f} s",
            f"  {s['orders_changed']:,} orders with {s['lines_changed']:,} changed lines:"
            f" {s['part_changes']:,} part, {s['price_changes']:,} price,"
            f" {s['confidence_changes']:,} confidence",
            f"  {sum(self.locked.values()):,} locked orders left alone" + (f" ({locked})" if locked else ""),
        ]
        lines += [
            f"  line {c.line_no} of {c.order_id} ({c.changes}): {c.old_part} → {c.new_part}"
            for c in self.changes[:20]
        ]
        if len(self.changes) > 20:
            lines.append(f"  … {len(self.changes) - 20:,} more in the report")
        return "\n".join(lines + [f"failed: {failure}" for failure in self.failures])


def rematch(
    settings: Settings,
    catalog: str | Path,
    *,
    since: datetime | None = None,
    executor: Executor | None = None,
    chunk_size: int = 50,
) -> RematchReport:
    """Re-match the order of every email processed (received since ``since``) against ``catalog``."""
    settings = absolute(settings)
    CatalogStore(catalog).close()  # a missing or broken catalog fails here, before any work
    ledger = BatchLedger(settings.ledger_path)
    hashes = [job.content_hash for job in ledger.latest_done(since=since)]
    locked = ledger.locked_orders(hashes)
    todo = [digest for digest in hashes if digest not in locked]
    chunks = [todo[start : start + chunk_size] for start in range(0, len(todo), chunk_size)]
    report = RematchReport(
        catalog=str(catalog), orders=len(todo), changes=[], locked=dict(Counter(locked.values()))
    )
    started = time.perf_counter()
    tasks = (executor or InProcessExecutor()).map(
        rematch_chunk, chunks, settings=settings, catalog=catalog_version(catalog)
    )
    for index, result in tasks:
        if isinstance(result, BaseException):
            report.failures.append(f"{_names(chunks[index])}: {result!r}")
        else:
            report.changes += result
    report.changes.sort(key=lambda change: (change.order_id, change.line_no))
    report.seconds = time.perf_counter() - started
    return report


def _names(hashes: Sequence[str]) -> str:
    return f"{len(hashes)} emails from {hashes[0][:12]}"
