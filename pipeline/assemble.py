"""Assemble: turn matched lines into priced order lines and an order."""

from __future__ import annotations

from pipeline.models import Candidate, Document, Extraction, LineItem, Order, OrderLine

MIN_CONFIDENCE_TO_PICK = 0.3  # below this the best candidate is shown only as an alternative


def order_id_for(document: Document) -> str:
    """Deterministic: the same input always becomes the same order id."""
    return f"OD-{document.content_hash[:12].upper()}"


def extended_price(item: LineItem, part: Candidate) -> float | None:
    """Price of the quantity asked: per piece (EA) or per foot of the requested length (FT)."""
    if item.quantity is None:
        return None
    if part.uom == "FT":
        length = item.dimensions.get("length") or part.dimensions.get("length")
        if item.uom == "FT":
            feet = item.quantity
        elif length:
            feet = item.quantity * length / 12
        else:
            return None
        return round(part.unit_price * feet, 2)
    return round(part.unit_price * item.quantity, 2)


def assemble_line(item: LineItem, ranked: list[Candidate]) -> OrderLine:
    best = ranked[0] if ranked and ranked[0].confidence >= MIN_CONFIDENCE_TO_PICK else None
    alternatives = [candidate for candidate in ranked if candidate is not best]
    if best is None:
        return OrderLine(item=item, match=None, alternatives=alternatives)
    return OrderLine(
        item=item,
        match=best,
        alternatives=alternatives,
        unit_price=best.unit_price,
        extended_price=extended_price(item, best),
    )


def assemble(document: Document, extraction: Extraction, ranked: dict[int, list[Candidate]]) -> Order:
    lines = [assemble_line(item, ranked.get(item.line_no, [])) for item in extraction.lines]
    return Order(order_id=order_id_for(document), document=document, header=extraction.header, lines=lines)
