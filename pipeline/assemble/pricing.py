"""Price one line: how much of the part it sells (pieces or feet), the minimum order, the money.

A part is sold as the catalog says (``uom``): EA per piece, FT per foot. A request in pieces of
a length becomes feet for an FT part; a request in feet becomes whole pieces of an EA part.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.assemble.terms import PartTerms
from pipeline.bounds import MAX_LINE_VALUE, plausible_money
from pipeline.models import Candidate, LineItem


@dataclass(frozen=True)
class LinePrice:
    sold_quantity: float | None
    unit_price: float
    extended_price: float | None
    notes: tuple[str, ...] = ()


def requested_quantity(item: LineItem, part: Candidate) -> float | None:
    """The quantity asked, in the part's unit of measure (``None`` when it cannot be known).

    A part sold each and cut to size (12" x 24" blanks from a 48" x 96" sheet) sells the stock
    pieces the matching engine's cut plan pulls, not one stock piece per blank.
    """
    if item.quantity is None:
        return None
    if part.uom == "EA" and part.cut is not None and part.cut.pieces_to_pull:
        return float(part.cut.pieces_to_pull)
    if part.uom == "FT":
        if item.uom == "FT":
            return item.quantity
        length = item.dimensions.get("length") or part.dimensions.get("length")
        return round(item.quantity * length / 12, 3) if length else None
    if item.uom == "FT":
        length = part.dimensions.get("length")
        return float(math.ceil(item.quantity * 12 / length - 1e-9)) if length else None
    return item.quantity


def apply_minimum(quantity: float, part: Candidate, terms: PartTerms) -> tuple[float, tuple[str, ...]]:
    """Raise ``quantity`` to the minimum order; FT parts with a stick minimum go out in whole sticks."""
    minimum = terms.min_order_qty
    if minimum <= 1:
        return quantity, ()
    if part.uom == "FT":
        sticks = max(1, math.ceil(quantity / minimum - 1e-9))
        sold = float(sticks * minimum)
        if sold > quantity + 1e-9:
            return sold, (f"sold in full {minimum} FT lengths: {sold:g} FT for {quantity:g} FT asked",)
        return sold, ()
    if quantity < minimum:
        return float(minimum), (f"minimum order {minimum} {part.uom} applied ({quantity:g} asked)",)
    return quantity, ()


def price_line(item: LineItem, part: Candidate, terms: PartTerms) -> LinePrice:
    """Unit and extended price of ``part`` for ``item``; no extended price without a quantity."""
    asked = requested_quantity(item, part)
    if asked is None:
        why = "no quantity given" if item.quantity is None else "no length to convert the quantity"
        return LinePrice(None, part.unit_price, None, (f"not priced: {why}",))
    sold, notes = apply_minimum(asked, part, terms)
    extended = round(part.unit_price * sold, 2)
    if not plausible_money(extended):
        limit = f"${MAX_LINE_VALUE:,.0f}"
        return LinePrice(None, part.unit_price, None, (f"not priced: {sold:g} {part.uom} is over {limit}",))
    return LinePrice(sold, part.unit_price, extended, notes)
