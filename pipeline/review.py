"""Quality gates: decide whether an order can go straight through or needs a person, and why.

A line passes when it is complete (no blocking flag), matched above the confidence threshold,
and in stock — or when a reviewer accepted it. A trade substitution (316L for 316) is judged on
its confidence once accepted when the settings allow trade substitutions. An order is
auto-approved only when every line passes and the customer checks pass (known, active customer;
credit; discount; order value) — and never a request for quote, which a person answers.
Each reason has a stable ``code`` for counting what blocks orders most, and a message for people.
"""

from __future__ import annotations

from pipeline.bounds import ALWAYS_BLOCKING, FLAG_MESSAGES
from pipeline.config import GateSettings
from pipeline.models import GateReason, Order, OrderLine, Review
from pipeline.words import reason_words


def line_reasons(line: OrderLine, gates: GateSettings) -> list[GateReason]:
    """Why this line cannot pass without review (empty when it can)."""
    if line.accepted_by:
        return []
    number = line.item.line_no
    reasons = [
        GateReason(flag, FLAG_MESSAGES.get(flag, reason_words(flag)), number)
        for flag in line.item.flags
        if flag in gates.blocking_flags or flag in ALWAYS_BLOCKING
    ]
    if line.match is None:
        return [*reasons, GateReason("no_match", "no matching part", number)]
    confidence, message = _gated_confidence(line, gates)
    if confidence < gates.min_confidence:
        reasons.append(GateReason("low_confidence", message, number))
    if line.item.quantity is not None and line.extended_price is None:
        reasons.append(GateReason("not_priced", "; ".join(line.pricing_notes) or "not priced", number))
    stock = line.availability
    if gates.require_in_stock and stock is not None and stock.status != "in_stock":
        uom = line.match.uom
        message = (
            f"only {stock.on_hand:g} {uom} in stock; {stock.backorder:g} {uom} on backorder"
            if stock.status == "partial"
            else f"out of stock; {stock.backorder:g} {uom} on backorder"
        )
        if stock.lead_time_days is not None:
            message += f" (about {stock.lead_time_days} days)"
        reasons.append(GateReason(stock.status, message, number))
    return reasons


def _gated_confidence(line: OrderLine, gates: GateSettings) -> tuple[float, str]:
    """The confidence the threshold applies to, and the message if it is too low.

    A trade substitution the desk's rules accept is judged on its confidence once accepted (the
    doubt left is about the part, not about the customer taking 316L for 316); it stays flagged.
    """
    match = line.match
    assert match is not None
    message = f"match confidence {match.confidence:.2f} < {gates.min_confidence}"
    if match.substitution_confidence is None:
        return match.confidence, message
    if gates.allow_trade_substitutions:
        accepted = match.substitution_confidence
        return accepted, f"{message} (substitution accepted: {accepted:.2f})"
    return match.confidence, f"{message}: substitution {match.substitution} needs a person"


def customer_reasons(order: Order, gates: GateSettings) -> list[GateReason]:
    """Order-level checks: who the customer is, their credit, their discount, the order's value."""
    account, totals = order.account, order.totals
    reasons = []
    if account is None:
        reasons.append(GateReason("unknown_customer", "the customer could not be identified"))
    elif account.status == "prospect":
        reasons.append(
            GateReason("new_customer", f"new customer {account.name} ({account.customer_id}) needs approval")
        )
    elif account.status == "on_hold":
        reasons.append(GateReason("customer_on_hold", f"customer {account.name} is on hold"))
    if account and totals and account.status != "prospect":
        exposure = account.open_balance + totals.total
        if exposure > account.credit_limit:
            message = (
                f"credit limit {account.credit_limit:,.2f} exceeded: open balance"
                f" {account.open_balance:,.2f} + this order {totals.total:,.2f}"
            )
            reasons.append(GateReason("credit_limit", message))
    if account and account.discount_pct > gates.max_auto_discount_pct:
        limit = gates.max_auto_discount_pct
        message = f"discount {account.discount_pct:g}% above the {limit:g}% allowed without approval"
        reasons.append(GateReason("discount_approval", message))
    if totals and gates.max_auto_total and totals.total > gates.max_auto_total:
        message = f"order total {totals.total:,.2f} above {gates.max_auto_total:,.2f}"
        reasons.append(GateReason("order_value", message))
    if order.header.kind == "quote":  # never approved or exported as an order by itself
        rfq = f" (RFQ {order.header.rfq_number})" if order.header.rfq_number else ""
        message = f"a request for quote{rfq}: quote the prices; convert it to an order once it is ordered"
        reasons.append(GateReason("quote_requested", message))
    return reasons


def _clipped(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def review(order: Order, gates: GateSettings | None = None) -> Review:
    """The order's gate result; also sets each line's ``gate_reasons`` (shown per line)."""
    gates = gates or GateSettings()
    if not order.lines:
        reason = GateReason("no_lines", "no order lines found in the document")
        return Review(status="no_order_found", reasons=[reason.message], details=[reason])
    details: list[GateReason] = []
    for line in order.lines:
        line.gate_reasons = line_reasons(line, gates)
        details += line.gate_reasons
    details += [
        GateReason("unread_item", f"not read as a line, check it: \u201c{_clipped(text)}\u201d")
        for text in order.header.unread
    ]
    details += customer_reasons(order, gates)
    reasons = [f"line {r.line_no}: {r.message}" if r.line_no else r.message for r in details]
    return Review(status="needs_review" if details else "auto_approved", reasons=reasons, details=details)
