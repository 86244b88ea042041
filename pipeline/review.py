"""Quality gates: decide whether an order can go straight through or needs a person."""

from __future__ import annotations

from pipeline.models import Order, OrderLine, Review

AUTO_APPROVE_CONFIDENCE = 0.9
BLOCKING_FLAGS = frozenset(
    {"missing_quantity", "missing_grade", "missing_form", "missing_dimensions", "not_catalog_product"}
    # the customer was unsure or gave a range: extraction kept a value, a person must confirm it
    | {"ambiguous_grade", "quantity_range", "approximate_quantity"}
)


def line_problems(line: OrderLine) -> list[str]:
    """Why this line cannot pass without review (empty when it can)."""
    problems = [f"flag {flag}" for flag in line.item.flags if flag in BLOCKING_FLAGS]
    if line.match is None:
        problems.append("no matching part")
    else:
        if line.match.confidence < AUTO_APPROVE_CONFIDENCE:
            problems.append(f"match confidence {line.match.confidence:.2f} < {AUTO_APPROVE_CONFIDENCE}")
        if line.item.quantity and line.match.stock_qty <= 0:
            problems.append("out of stock")
    return problems


def review(order: Order) -> Review:
    if not order.lines:
        return Review(status="no_order_found", reasons=["no order lines found in the document"])
    reasons = [
        f"line {line.item.line_no}: {problem}" for line in order.lines for problem in line_problems(line)
    ]
    return Review(status="needs_review" if reasons else "auto_approved", reasons=reasons)
