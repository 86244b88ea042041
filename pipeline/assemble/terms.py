"""The commercial terms of matched parts that candidates do not carry: minimum order, lead time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.catalog.store import CatalogStore


@dataclass(frozen=True)
class PartTerms:
    min_order_qty: int = 1  # in the part's uom; for FT tubes and shapes, one full stick
    lead_time_days: int | None = None  # in stock: days to ship; out of stock: days until restocked


def load_terms(store: CatalogStore, part_numbers: Iterable[str]) -> dict[str, PartTerms]:
    """Terms of the given parts, in one query (a part missing from the catalog is simply absent)."""
    wanted = sorted(set(part_numbers))
    if not wanted:
        return {}
    rows = store.rows(
        "SELECT part_number, min_order_qty, lead_time_days FROM parts"
        f" WHERE part_number IN ({', '.join('?' for _ in wanted)})",
        wanted,
    )
    return {
        row["part_number"]: PartTerms(int(row["min_order_qty"]), int(row["lead_time_days"])) for row in rows
    }
