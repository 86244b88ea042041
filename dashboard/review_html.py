"""The review workspace's read-only parts as HTML: the order's header, each line, the audit trail.

Request text, customer names, reasons that quote the email and reviewers' comments all pass
through ``escape`` here; the email itself is cut and escaped by ``dashboard.evidence``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pipeline.models import GateReason, OrderLine
from pipeline.orders import AuditEntry, StoredOrder
from pipeline.orders.customers import why_not_approved
from pipeline.words import form_words, kind_words, reason_words, unit_words

CSS = """
.od-rv { font-family: system-ui, sans-serif; font-size: 13.5px; }
.od-rv dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 6px; }
.od-rv dt { color: #57606a; }
.od-rv dd { margin: 0; }
.od-rv ul { margin: 4px 0; padding-left: 18px; }
.od-rv-status { border-radius: 10px; padding: 1px 9px; color: #fff; background: #8c959f; font-weight: 600; }
.od-rv-status-approved, .od-rv-status-auto_approved, .od-rv-status-exported,
.od-rv-status-quoted { background: #1a7f37; }
.od-rv-status-needs_review, .od-rv-status-no_order_found { background: #bf8700; }
.od-rv-status-rejected { background: #cf222e; }
.od-rv-request { font-family: ui-monospace, monospace; background: #f6f8fa; padding: 2px 6px; }
.od-conf { border-radius: 10px; padding: 1px 8px; font-size: 11.5px; color: #fff; }
.od-conf-high { background: #1a7f37; }
.od-conf-low { background: #bf8700; }
.od-conf-none { background: #cf222e; }
.od-rv-flags { color: #9a6700; }
.od-rv-kind { border-radius: 10px; padding: 1px 9px; color: #fff; background: #8250df; font-weight: 600; }
.od-rv-customer-warning { color: #cf222e; font-weight: 600; }
.od-rv-specs { color: #0550ae; }
.od-rv-why li b, .od-rv-reasons li b { font-weight: 600; }
.od-rv-audit { border-collapse: collapse; width: 100%; }
.od-rv-audit td, .od-rv-audit th { border-bottom: 1px solid #eaeef2; padding: 3px 6px; text-align: left;
                                    vertical-align: top; }
"""
# The before/after fields an audit row summarises, in the order a reviewer reads them.
CHANGED_FIELDS = (
    "status",
    "part_number",
    "quantity",
    "uom",
    "grade",
    "form",
    "dimensions",
    "accepted_by",
    "customer_id",
    "name",
    "terms",
    "kind",
)


def _dl(fields: dict[str, Any]) -> str:
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in fields.items() if v)
    return f"<dl>{rows}</dl>"


def _money(value: float | None) -> str:
    return "—" if value is None else f"${value:,.2f}"


def _when(iso: str | None) -> str:
    return (iso or "")[:19].replace("T", " ")


def status_badge(status: str) -> str:
    return (
        f'<span class="od-rv-status od-rv-status-{escape(status)}" data-status="{escape(status)}">'
        f"{escape(status.replace('_', ' '))}</span>"
    )


def kind_badge(kind: str) -> str:
    """A request for quote is marked as one wherever an order is shown."""
    if kind != "quote":
        return ""
    return f'<span class="od-rv-kind" data-kind="quote">{escape(kind_words(kind))}</span>'


def reason_html(reason: GateReason) -> str:
    """A review reason as a desk reads it: its words, then the detail (never the bare code)."""
    words, detail = reason_words(reason.code), reason.message
    where = f"line {reason.line_no}: " if reason.line_no else ""
    shown = f"<b>{escape(where + words)}</b>"
    if detail and detail != words:
        shown += f" — {escape(detail)}"
    return f'<li data-code="{escape(reason.code)}">{shown}</li>'


def customer_html(stored: StoredOrder) -> str:
    """The customer, and — when not an approved customer — why the order cannot be approved yet."""
    order, header = stored.order, stored.order.header
    account = order.account
    who = account.name if account else header.customer.company or header.customer.email or "unknown"
    if account:
        who += f" ({account.customer_id}, {account.terms})"
    why = why_not_approved(account)
    if why is None:
        return escape(who)
    return (
        f'{escape(who)} <span class="od-rv-customer-warning" data-customer="not-approved">'
        f"Not an approved customer: {escape(why)}.</span>"
    )


def order_summary_html(stored: StoredOrder) -> str:
    """Who ordered what and where the order stands: status, version, money, decision, open reasons."""
    order, header = stored.order, stored.order.header
    totals = order.totals
    quote = header.kind == "quote"
    fields = {
        "Contact": " · ".join(filter(None, (header.customer.contact, header.customer.email))),
        "RFQ" if quote else "PO": (header.rfq_number or header.po_number) if quote else header.po_number,
        "Requested date": header.requested_date,
        "Urgency": header.urgency,
        "Certificates": ", ".join(header.certifications),
        "Total": f"{_money(totals.total if totals else order.subtotal)} ({len(order.lines)} lines)",
        "Decided": " · ".join(
            filter(None, (stored.decided_by, _when(stored.decided_at), stored.decision_comment))
        ),
    }
    details = order.review.details if order.review else []
    reasons = "".join(reason_html(reason) for reason in details)
    customer = f"<dl><dt>Customer</dt><dd>{customer_html(stored)}</dd></dl>"
    return (
        f'<div class="od-rv od-rv-summary" data-order="{escape(stored.order_id)}"'
        f' data-version="{stored.version}" data-kind="{escape(header.kind)}">'
        f"<h3>{escape(stored.order_id)} {status_badge(stored.status)} {kind_badge(header.kind)}"
        f" <small>version {stored.version}</small></h3>{customer}{_dl(fields)}"
        f"{f'<ul class=od-rv-reasons>{reasons}</ul>' if reasons else ''}</div>"
    )


def confidence_badge(confidence: float | None, threshold: float) -> str:
    if confidence is None:
        return '<span class="od-conf od-conf-none">no match</span>'
    level = "high" if confidence >= threshold else "low"
    return f'<span class="od-conf od-conf-{level}">{confidence:.2f}</span>'


def _stock(line: OrderLine) -> str:
    stock = line.availability
    if stock is None:
        return ""
    lead = f", complete in {stock.lead_time_days} days" if stock.lead_time_days else ""
    return (
        f"{stock.status.replace('_', ' ')}: {stock.on_hand:g} on hand, ships now {stock.ship_now:g},"
        f" backorder {stock.backorder:g}{lead}"
    )


def _price(line: OrderLine) -> str:
    if line.unit_price is None:
        return ""
    uom = line.match.uom if line.match else line.item.uom
    sold = f"{line.sold_quantity:g} {unit_words(uom)}" if line.sold_quantity is not None else "?"
    return f"{sold} × {_money(line.unit_price)} = {_money(line.extended_price)}"


def _pulled(line: OrderLine) -> str:
    """The stock the line takes from the rack, when it is more than what is billed (the drop)."""
    if line.pulled_quantity is None or line.match is None or line.sold_quantity is None:
        return ""
    if line.pulled_quantity <= line.sold_quantity + 1e-9:
        return ""  # what is billed is what leaves the rack
    cut = line.match.cut
    units = unit_words(line.match.uom)
    pieces = f"{cut.pieces_to_pull} stock pieces, " if cut and cut.pieces_to_pull else ""
    return f"{pieces}{line.pulled_quantity:g} {units}"


def _specs(line: OrderLine) -> list[str]:
    """The customer's spec notes and tolerances, as the customer wrote them and what they mean."""
    notes = []
    for note in line.item.specs:
        if note.kind == "finish":
            meaning = f"no {note.value}" if note.refused else f"finish {note.value}"
        else:
            meaning = f"certificate: {note.value}"
        notes.append(f"{meaning} (“{note.text}”)")
    for name, tolerance in line.item.tolerances.items():
        notes.append(f"tolerance on {name.replace('_', ' ')}: +{tolerance.plus:g} / {tolerance.minus:g} in")
    return notes


def line_html(line: OrderLine, threshold: float) -> str:
    """One line as a reviewer weighs it: what was asked, what was matched, and why it stops or not."""
    item, match = line.item, line.match
    asked = {
        "Asked": f"{item.quantity:g} {unit_words(item.uom)}" if item.quantity is not None else "no quantity",
        "Grade / form": " ".join(filter(None, (item.grade, item.temper, form_words(item.form)))),
        "Size (in)": ", ".join(
            f"{name.replace('_', ' ')} {value:g}" for name, value in item.dimensions.items()
        ),
        "Customer's notes": "; ".join(_specs(line)),
        "Part": f"{match.part_number} · {match.description}" if match else line.no_match or "no part",
        "Stock": _stock(line),
        "Price": _price(line),
        "Pulled": _pulled(line),
        "Pricing": "; ".join(line.pricing_notes),
        "Accepted by": line.accepted_by,
    }
    reasons = "".join(f"<li>{escape(reason)}</li>" for reason in (match.reasons if match else []))
    stops = "".join(reason_html(reason) for reason in line.gate_reasons)
    # flags a gate reason already says are not repeated
    said = {reason.code for reason in line.gate_reasons}
    notes = "".join(
        f'<li data-code="{escape(flag)}">{escape(reason_words(flag))}</li>'
        for flag in item.flags
        if flag not in said
    )
    sold = "" if line.sold_quantity is None else f"{line.sold_quantity:g}"
    pulled = "" if line.pulled_quantity is None else f"{line.pulled_quantity:g}"
    passed = "false" if line.gate_reasons else "true"
    return (
        f'<div class="od-rv od-rv-line-info" data-line="{item.line_no}"'
        f' data-part="{escape(match.part_number if match else "")}" data-quantity="{item.quantity}"'
        f' data-uom="{escape(item.uom)}" data-sold="{sold}" data-pulled="{pulled}"'
        f' data-accepted="{escape(line.accepted_by or "")}" data-passed="{passed}">'
        f"<p><b>Line {item.line_no}</b> {confidence_badge(match.confidence if match else None, threshold)}"
        f' <span class="od-rv-request">{escape(item.source_text)}</span></p>{_dl(asked)}'
        f"{f'<ul class=od-rv-why>{reasons}</ul>' if reasons else ''}"
        f"{f'<ul class=od-rv-stops>{stops}</ul>' if stops else ''}"
        f"{f'<ul class=od-rv-flags>{notes}</ul>' if notes else ''}</div>"
    )


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{name} {size:g}" for name, size in value.items()) or "—"
    return "—" if value is None else str(value)


def change_summary(entry: AuditEntry) -> str:
    """What an audit row changed, in words: "quantity 10 → 12", "part number A → B", "status … → approved"."""
    before, after = entry.before, entry.after
    if isinstance(before, dict) and isinstance(after, dict):
        changes = [
            f"{name.replace('_', ' ')} {_value(before.get(name))} → {_value(after[name])}"
            for name in CHANGED_FIELDS
            if name in after and before.get(name) != after[name]
        ]
        return "; ".join(changes)
    shown = after if isinstance(after, dict) else before if isinstance(before, dict) else {}
    return " · ".join(
        str(shown[name]) for name in ("source_text", "part_number", "status") if shown.get(name)
    )


def audit_html(entries: list[AuditEntry]) -> str:
    """The order's audit trail, newest first: who did what, when, to which line, and why."""
    rows = "".join(
        f'<tr data-action="{escape(entry.action)}" data-actor="{escape(entry.actor)}">'
        f"<td>{entry.version}</td><td>{escape(_when(entry.at))}</td>"
        f"<td>{escape(entry.actor)}</td><td>{escape(entry.action.replace('_', ' '))}</td>"
        f"<td>{entry.line_no or ''}</td><td>{escape(change_summary(entry))}</td>"
        f"<td>{escape(entry.comment)}</td></tr>"
        for entry in reversed(entries)
    )
    return (
        '<table class="od-rv od-rv-audit"><thead><tr><th>v</th><th>At (UTC)</th><th>By</th><th>Action</th>'
        f"<th>Line</th><th>Change</th><th>Comment</th></tr></thead><tbody>{rows}</tbody></table>"
    )
