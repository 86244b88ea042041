"""The commercial terms of matched parts that candidates do not carry: minimum order, lead time.

Read once per catalog store into two arrays aligned with the matching engine's attribute index
(both in part-number order), so an order's look-up costs a binary search per part, not a query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from pipeline.catalog.search import attribute_index
from pipeline.catalog.store import CatalogStore


@dataclass(frozen=True)
class PartTerms:
    min_order_qty: int = 1  # in the part's uom; for FT tubes and shapes, one full stick
    lead_time_days: int | None = None  # in stock: days to ship; out of stock: days until restocked
    weight_per_unit: float | None = None  # pounds per unit sold (a foot, or a piece): for a quantity in LB


def _terms_columns(store: CatalogStore) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # Same ORDER BY as the attribute index, so row i here is row i there.
    query = "SELECT min_order_qty, lead_time_days, weight_per_unit FROM parts ORDER BY part_number"
    columns = store.cursor().execute(query).fetchnumpy()
    return (
        np.asarray(columns["min_order_qty"]),
        np.asarray(columns["lead_time_days"]),
        np.asarray(columns["weight_per_unit"], dtype=float),
    )


def load_terms(store: CatalogStore, part_numbers: Iterable[str]) -> dict[str, PartTerms]:
    """Terms of the given parts (a part missing from the catalog is simply absent)."""
    index = attribute_index(store)
    minimum, lead, weight = store.derived("part_terms", _terms_columns)
    found = {}
    for part_number in set(part_numbers):
        row = index.position(part_number)
        if row is not None:
            pounds = float(weight[row]) if weight[row] > 0 else None  # NaN and 0: weight unknown
            found[part_number] = PartTerms(int(minimum[row]), int(lead[row]), pounds)
    return found
