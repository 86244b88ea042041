"""Price one line: how much of the part it sells (pieces or feet), the minimum order, the money.

A part is sold as the catalog says (``uom``): EA per piece, FT per foot. A request in pieces of
a length becomes feet for an FT part; a request in feet becomes whole pieces of an EA part; a
request in pounds becomes feet or whole pieces by the part's weight.

What is sold and what is pulled from the rack agree with the matcher's cut plan: blanks cut from
sheet or plate sell the stock pieces pulled; pieces cut from lengths pull whole lengths, and a
part sold in full lengths (tube and shapes) sells every length pulled, drop included, while a
bar sold by the foot sells the pieces' footage and its drop goes back to stock. ``pulled`` is
what stock must hold for the line (``pipeline.assemble.stock``).
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
    pulled: float | None = None  # stock taken from the rack for the line, in the part's uom


def pulled_quantity(item: LineItem, part: Candidate) -> float | None:
    """Stock the cut plan takes from the rack, in the part's uom (None: no plan of whole pieces)."""
    cut = part.cut
    if item.quantity is None or item.uom not in ("EA", "FT") or cut is None or not cut.pieces_to_pull:
        return None
    if part.uom == "FT":
        return round(cut.pieces_to_pull * cut.stock_length / 12, 3)
    return float(cut.pieces_to_pull)


def _by_weight(item: LineItem, part: Candidate, terms: PartTerms) -> float | None:
    """Pounds asked as feet, or whole pieces, of ``part`` (None when its weight is unknown)."""
    if not terms.weight_per_unit or item.quantity is None:
        return None
    units = item.quantity / terms.weight_per_unit
    return round(units, 3) if part.uom == "FT" else float(math.ceil(units - 1e-9))


def requested_quantity(item: LineItem, part: Candidate, terms: PartTerms | None = None) -> float | None:
    """The quantity asked, in the part's unit of measure (``None`` when it cannot be known).

    A part sold each and cut to size (12" x 24" blanks from a 48" x 96" sheet) sells the stock
    pieces the matching engine's cut plan pulls, not one stock piece per blank.
    """
    if item.quantity is None:
        return None
    if item.uom == "LB":
        return _by_weight(item, part, terms or PartTerms())
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


def _whole_lengths(sold: float, pulled: float | None, part: Candidate, terms: PartTerms) -> tuple[float, str]:
    """A part sold in full lengths sells every length the cut plan pulls; else what was sold."""
    if pulled is None or part.uom != "FT" or terms.min_order_qty <= 1 or pulled <= sold + 1e-9:
        return sold, ""
    cut = part.cut
    assert cut is not None
    note = (
        f"sold in full {cut.stock_length / 12:g} FT lengths: {cut.pieces_to_pull} pulled for the pieces"
        f" asked, {pulled:g} FT"
    )
    return pulled, note


def _drop_note(sold: float, pulled: float | None, part: Candidate) -> str:
    if pulled is None or part.uom != "FT" or pulled <= sold + 1e-9:
        return ""
    cut = part.cut
    assert cut is not None
    return (
        f"{cut.pieces_to_pull} lengths pulled ({pulled:g} FT) for {sold:g} FT sold;"
        f" the {pulled - sold:g} FT drop goes back to stock"
    )


def price_line(item: LineItem, part: Candidate, terms: PartTerms) -> LinePrice:
    """Unit and extended price of ``part`` for ``item``; no extended price without a quantity."""
    asked = requested_quantity(item, part, terms)
    if asked is None:
        why = (
            "no quantity given"
            if item.quantity is None
            else "the part's weight is unknown"
            if item.uom == "LB"
            else "no length to convert the quantity"
        )
        return LinePrice(None, part.unit_price, None, (f"not priced: {why}",))
    sold, notes = apply_minimum(asked, part, terms)
    pulled = pulled_quantity(item, part)
    sold, whole = _whole_lengths(sold, pulled, part, terms)
    if whole:
        notes = (whole,)
    notes = (*notes, *filter(None, (_drop_note(sold, pulled, part),)))
    extended = round(part.unit_price * sold, 2)
    if not plausible_money(extended):
        limit = f"${MAX_LINE_VALUE:,.0f}"
        return LinePrice(None, part.unit_price, None, (f"not priced: {sold:g} {part.uom} is over {limit}",))
    return LinePrice(sold, part.unit_price, extended, notes, max(sold, pulled or 0.0))
