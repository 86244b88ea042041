"""Stock on hand against the quantity sold: ship now, partial, or backorder with a lead time."""

from __future__ import annotations

import math

from pipeline.assemble.terms import PartTerms
from pipeline.catalog.commercial import MILL_LEAD_DAYS
from pipeline.models import Availability, Candidate

DEFAULT_RESTOCK_DAYS = 21  # a family the mill table does not know


def restock_days(part: Candidate, terms: PartTerms) -> int:
    """Days until more arrives: the catalog's lead time of an out-of-stock part, else the mill's."""
    if part.stock_qty <= 0 and terms.lead_time_days is not None:
        return terms.lead_time_days
    return MILL_LEAD_DAYS.get(part.family, DEFAULT_RESTOCK_DAYS)


def _ships_now(part: Candidate, on_hand: float, sold: float, pulled: float) -> float:
    """How much of ``sold`` the stock on hand fills: whole stock pieces of the cut plan, each
    filling its share of the line, else what is on hand."""
    cut = part.cut
    if cut is None or not cut.pieces_to_pull or pulled <= sold + 1e-9:
        return min(on_hand, sold)
    per_piece = pulled / cut.pieces_to_pull  # a stock length (FT) or a stock piece (EA)
    whole = math.floor(on_hand / per_piece + 1e-9)
    return round(sold * min(whole, cut.pieces_to_pull) / cut.pieces_to_pull, 3)


def availability(
    part: Candidate, terms: PartTerms, sold: float | None, pulled: float | None = None
) -> Availability | None:
    """How much of ``sold`` ships from stock and when the rest follows; ``None`` without a quantity.

    ``pulled`` is the stock the line takes from the rack (whole lengths for cut pieces, drop
    included): it is what must be on hand for the line to ship complete.
    """
    if sold is None:
        return None
    on_hand = float(max(part.stock_qty, 0))
    needed = max(sold, pulled or 0.0)
    if needed <= on_hand + 1e-9:
        return Availability("in_stock", on_hand, sold, 0.0, terms.lead_time_days)
    now = _ships_now(part, on_hand, sold, needed)
    status = "partial" if now > 0 else "backorder"
    return Availability(status, on_hand, now, round(sold - now, 3), restock_days(part, terms))
