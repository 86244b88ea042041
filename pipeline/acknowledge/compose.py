"""The answer to one order's email: a reply in the customer's thread, plain text and HTML.

Two kinds share it: the acknowledgement of an approved order and the quotation answering a
request for quote (``AnswerKind``). The text comes from a template (``acknowledge.template_file``
or ``acknowledge.quotation_template_file``, else ``TEMPLATE`` or ``QUOTATION_TEMPLATE``) with these
placeholders: ``$customer``, ``$order_id``, ``$po``, ``$rfq``, ``$lines`` (each line in the
customer's words beside the part chosen, quantity, unit and extended price, when it ships, any
substitution), ``$totals``, ``$valid_until``, ``$validity_days`` and ``$contact``. The HTML part is
the same text with the lines as a table; a PDF of the text is attached.
"""

from __future__ import annotations

import email
import html
import string
from dataclasses import dataclass
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, make_msgid
from pathlib import Path

from pipeline.acknowledge.pdf import text_pdf
from pipeline.config import AcknowledgeSettings
from pipeline.errors import ConfigError
from pipeline.events import utc_now
from pipeline.models import Order, OrderLine

TEMPLATE = """Hello $customer,

Thank you for your order$po. We have entered it as $order_id:

$lines

$totals

Please tell us at once if anything here is not what you meant.

$contact
"""
QUOTATION_TEMPLATE = """Hello $customer,

Thank you for your request for quote$rfq. Here is our quotation $order_id:

$lines

$totals

These prices are valid for $validity_days days, until $valid_until. To order, reply to this
email with your PO number.

$contact
"""
_LINES_MARK = "@@lines@@"  # where the HTML part takes the table; html.escape leaves it as it is


@dataclass(frozen=True)
class AnswerKind:
    """What the desk answers an order's email with, and when: one sender and one composer serve
    each kind, so a quotation goes (once, threaded, audited) exactly as an acknowledgement does."""

    name: str  # "acknowledgement" | "quotation": the ledger's kind, the PDF's and the audit's name
    due: tuple[str, ...]  # the order statuses at which it goes
    sent_action: str  # the audit action once the customer has it
    template: str  # the built-in template
    template_setting: str  # the setting naming the desk's own template for this kind
    awaits: str  # what it waits for before it goes, in the desk's words


ACKNOWLEDGEMENT = AnswerKind(
    name="acknowledgement",
    due=("approved", "auto_approved", "exported"),
    sent_action="acknowledge",
    template=TEMPLATE,
    template_setting="template_file",
    awaits="the order is approved",
)
QUOTATION = AnswerKind(
    name="quotation",
    due=("quoted",),
    sent_action="send_quotation",
    template=QUOTATION_TEMPLATE,
    template_setting="quotation_template_file",
    awaits="the desk sends the quotation",
)
ANSWER_KINDS = (ACKNOWLEDGEMENT, QUOTATION)


def answer_kind(order_kind: str | None) -> AnswerKind:
    """The answer an order's email gets: a quotation for a request for quote, else an acknowledgement."""
    return QUOTATION if order_kind == "quote" else ACKNOWLEDGEMENT


def acknowledgement(
    order: Order, original: EmailMessage, settings: AcknowledgeSettings, kind: AnswerKind = ACKNOWLEDGEMENT
) -> tuple[EmailMessage, str]:
    """The reply to ``original`` answering ``order`` as ``kind`` says, and its recipient's address."""
    recipient = _reply_address(original)
    if not recipient:
        raise ConfigError(f"order {order.order_id}: its email names no sender to answer")
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = settings.from_address
    message["To"] = recipient
    subject = str(original["Subject"] or f"your order {order.order_id}")
    message["Subject"] = subject if subject.lower().startswith("re:") else f"Re: {subject}"
    message["Message-ID"] = make_msgid(idstring=order.order_id, domain=_domain(settings.from_address))
    parent = str(original["Message-ID"] or "").strip()
    if parent:
        message["In-Reply-To"] = parent
        message["References"] = " ".join([*str(original["References"] or "").split(), parent])
    values = _values(order, settings)
    template = string.Template(_template(settings, kind))
    text = template.safe_substitute(values, lines=_text_lines(order))
    message.set_content(text)
    page = html_page(template.safe_substitute(values, lines=_LINES_MARK))
    message.add_alternative(page.replace(f"<p>{_LINES_MARK}</p>", _html_lines(order)), subtype="html")
    _attach_pdf(message, text, f"{kind.name}-{order.order_id}.pdf")
    return message, recipient


def _attach_pdf(message: EmailMessage, text: str, filename: str) -> None:
    pdf = text_pdf(text, title=filename.removesuffix(".pdf"))
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)


def html_page(text: str) -> str:
    """``text`` as HTML, a paragraph per blank-line-separated block."""
    blocks = (html.escape(block.strip()).replace("\n", "<br>") for block in text.split("\n\n"))
    return "<html><body>" + "".join(f"<p>{block}</p>" for block in blocks if block) + "</body></html>"


def with_text(data: bytes, text: str) -> bytes:
    """The composed acknowledgement ``data`` with the desk's ``text`` as its body, headers kept."""
    composed = email.message_from_bytes(data, policy=policy.SMTP)
    edited = EmailMessage(policy=policy.SMTP)
    for name in ("From", "To", "Subject", "Message-ID", "In-Reply-To", "References"):
        if composed[name]:
            edited[name] = str(composed[name]).strip()
    edited.set_content(text)
    edited.add_alternative(html_page(text), subtype="html")
    for attachment in composed.iter_attachments():  # the PDF, made again from the new text
        _attach_pdf(edited, text, attachment.get_filename() or "acknowledgement.pdf")
    return edited.as_bytes()


def _template(settings: AcknowledgeSettings, kind: AnswerKind) -> str:
    path = str(getattr(settings, kind.template_setting))
    if not path:
        return kind.template
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"acknowledge.{kind.template_setting} {path}: {error.strerror}") from error


def _reply_address(original: EmailMessage) -> str:
    for header in ("Reply-To", "From"):
        addresses = [address for _, address in getaddresses([str(original[header] or "")]) if "@" in address]
        if addresses:
            return addresses[0]
    return ""


def _domain(address: str) -> str:
    found = [mail for _, mail in getaddresses([address]) if "@" in mail]
    return found[0].rsplit("@", 1)[1] if found else "order-desk.local"


def _values(order: Order, settings: AcknowledgeSettings) -> dict[str, str]:
    customer = order.account.name if order.account else order.header.customer.company
    totals = order.totals
    money = (lambda value: f"{value:,.2f} {totals.currency}") if totals else str
    lines = []
    if totals:
        lines.append(f"Subtotal: {money(totals.subtotal)}")
        if totals.discount:
            lines.append(f"Discount ({totals.discount_pct:g}%): -{money(totals.discount)}")
        if totals.small_order_charge:
            lines.append(f"Small-order charge: {money(totals.small_order_charge)}")
        if totals.tax:
            lines.append(f"Tax: {money(totals.tax)}")
        lines.append(f"Total: {money(totals.total)}")
    validity = settings.quote_validity_days
    return {
        "customer": customer or "",
        "order_id": order.order_id,
        "po": f" {order.header.po_number}" if order.header.po_number else "",
        "rfq": f" {order.header.rfq_number}" if order.header.rfq_number else "",
        "totals": "\n".join(lines),
        "validity_days": str(validity),
        "valid_until": (utc_now() + timedelta(days=validity)).date().isoformat(),
        "contact": settings.contact or settings.from_address,
    }


def _cells(line: OrderLine) -> tuple[str, str, str, str, str]:
    """Their words, the part, quantity and price, when it ships, and any substitution."""
    match = line.match
    part = f"{match.part_number} {match.description}" if match else "to be confirmed by the desk"
    quantity = line.sold_quantity if line.sold_quantity is not None else line.item.quantity
    unit = match.uom if match else line.item.uom
    price = (
        f"{quantity:g} {unit} × {line.unit_price:,.2f} = {line.extended_price:,.2f}"
        if quantity is not None and line.unit_price is not None and line.extended_price is not None
        else f"{quantity:g} {unit}"
        if quantity is not None
        else ""
    )
    return (
        line.item.source_text.strip(),
        part,
        price,
        _ships(line),
        (match.substitution or "") if match else "",
    )


def _ships(line: OrderLine) -> str:
    stock = line.availability
    if stock is None:
        return ""
    if stock.status == "in_stock":
        return "ships from stock"
    later = f"in {stock.lead_time_days} days" if stock.lead_time_days is not None else "later"
    if stock.status == "partial":
        return f"{stock.ship_now:g} ship from stock, {stock.backorder:g} on backorder ({later})"
    return f"on backorder, ships {later}"


def _text_lines(order: Order) -> str:
    blocks = []
    for number, line in enumerate(order.lines, start=1):
        words, part, price, ships, substitution = _cells(line)
        block = [f"{number}. You wrote: {words}", f"   We supply: {part}"]
        block += [f"   {text}" for text in (price, ships) if text]
        if substitution:
            block.append(f"   Substitution: {substitution}")
        blocks.append("\n".join(block))
    return "\n\n".join(blocks)


def _html_lines(order: Order) -> str:
    head = "".join(
        f"<th>{name}</th>" for name in ("You wrote", "We supply", "Quantity and price", "Ships", "Note")
    )
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in _cells(line)) + "</tr>"
        for line in order.lines
    )
    return f"<table border='1' cellpadding='4'><tr>{head}</tr>{rows}</table>"
