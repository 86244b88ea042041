"""Assemble: matched lines become priced order lines with availability, and the order its totals."""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.assemble.pricing import price_line
from pipeline.assemble.stock import availability
from pipeline.assemble.terms import PartTerms
from pipeline.assemble.totals import order_totals
from pipeline.bounds import bounded_item
from pipeline.config import PricingSettings
from pipeline.models import Candidate, CustomerAccount, Document, Extraction, LineItem, Order, OrderLine
from pipeline.verdict import pick


def order_id_for(document: Document) -> str:
    """Deterministic: the same input always becomes the same order id."""
    return f"OD-{document.content_hash[:12].upper()}"


def priced(line: OrderLine, terms: PartTerms) -> OrderLine:
    """``line`` with price, quantity sold and availability for its current match (cleared if none)."""
    line.pricing_notes = []
    if line.match is None:
        line.unit_price = line.extended_price = line.sold_quantity = line.availability = None
        line.pulled_quantity = None
        return line
    price = price_line(line.item, line.match, terms)
    line.unit_price, line.extended_price = price.unit_price, price.extended_price
    line.sold_quantity, line.pricing_notes = price.sold_quantity, list(price.notes)
    line.pulled_quantity = price.pulled
    line.availability = availability(line.match, terms, price.sold_quantity, price.pulled)
    return line


def assemble_line(
    item: LineItem, ranked: list[Candidate], terms: Mapping[str, PartTerms] | None = None
) -> OrderLine:
    """The order line of ``item``: its best candidate priced; implausible numbers dropped and flagged."""
    item = bounded_item(item)
    best = pick(ranked)
    alternatives = [candidate for candidate in ranked if candidate is not best]
    line = OrderLine(item=item, match=best, alternatives=alternatives)
    return priced(line, (terms or {}).get(best.part_number, PartTerms()) if best else PartTerms())


def assemble(
    document: Document,
    extraction: Extraction,
    ranked: dict[int, list[Candidate]],
    terms: Mapping[str, PartTerms] | None = None,
    account: CustomerAccount | None = None,
    pricing: PricingSettings | None = None,
) -> Order:
    lines = [assemble_line(item, ranked.get(item.line_no, []), terms) for item in extraction.lines]
    order = Order(
        order_id=order_id_for(document),
        document=document,
        header=extraction.header,
        lines=lines,
        account=account,
    )
    order.totals = order_totals(lines, account, pricing or PricingSettings())
    return order
