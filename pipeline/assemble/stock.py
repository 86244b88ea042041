"""Stock on hand against the quantity sold: ship now, partial, or backorder with a lead time."""

from __future__ import annotations

from pipeline.assemble.terms import PartTerms
from pipeline.catalog.commercial import MILL_LEAD_DAYS
from pipeline.models import Availability, Candidate

DEFAULT_RESTOCK_DAYS = 21  # a family the mill table does not know


def restock_days(part: Candidate, terms: PartTerms) -> int:
    """Days until more arrives: the catalog's lead time of an out-of-stock part, else the mill's."""
    if part.stock_qty <= 0 and terms.lead_time_days is not None:
        return terms.lead_time_days
    return MILL_LEAD_DAYS.get(part.family, DEFAULT_RESTOCK_DAYS)


def availability(part: Candidate, terms: PartTerms, sold: float | None) -> Availability | None:
    """How much of ``sold`` ships from stock and when the rest follows; ``None`` without a quantity."""
    if sold is None:
        return None
    on_hand = float(max(part.stock_qty, 0))
    if sold <= on_hand:
        return Availability("in_stock", on_hand, sold, 0.0, terms.lead_time_days)
    status = "partial" if on_hand > 0 else "backorder"
    return Availability(status, on_hand, on_hand, round(sold - on_hand, 3), restock_days(part, terms))
