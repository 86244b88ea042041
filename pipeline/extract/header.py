"""The order header: who is ordering, their PO or RFQ, when and how urgently they need it, where
it goes, how they pay and which certificates they require — each with the span it was read from.

Only the newest message of a thread counts (quoted history holds superseded dates and the
supplier's own signature); the subject line counts for urgency.
"""

from __future__ import annotations

import re

from pipeline.extract import address, dates, terms
from pipeline.extract.customer import read_customer
from pipeline.extract.thread import Message, Thread
from pipeline.models import Document, OrderHeader, Span

_REFERENCE = (
    r"\s*(?:#|no\.?|num(?:ber)?\.?)?\s*[:#]?\s*(?:(?:will\s+be|is)\s+)?"
    r"(?P<v>[A-Z0-9][A-Z0-9/-]*\d[A-Z0-9/-]*)"  # a reference has a digit: not "PO limit", "PO box"
)
# "PO-1234" and "RFQ-2024-0311" are kept whole: the prefix is part of the reference
_PO = re.compile(rf"\b(?P<whole>PO-\d[\w/-]*)|\b(?:P\.?O\.?|purchase\s+order){_REFERENCE}", re.IGNORECASE)
_RFQ = re.compile(
    r"\b(?P<whole>RFQ-\d[\w/-]*)|"
    rf"\b(?:RFQ|request\s+for\s+quot(?:e|ation)|quote\s+request|enquiry|inquiry){_REFERENCE}",
    re.I,
)


def _reference(
    regex: re.Pattern[str], text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[str, Span] | None:
    for start, end in spans:
        match = regex.search(text, start, end)
        if match:
            group = "whole" if match["whole"] else "v"
            value = match[group].rstrip("-/")
            return value, Span(match.start(group), match.start(group) + len(value))
    return None


def extract_header(document: Document, thread: Thread, source: Message | None = None) -> OrderHeader:
    """The header of the newest message (``thread.current``) and the document's attachments, and
    of ``source``, the quoted message the lines came from when the newest one forwards it."""
    text = document.text
    attachments = tuple(
        (a.offset, a.offset + len(a.text)) for a in document.attachments if a.offset is not None
    )
    earlier = ((source.start, source.end),) if source else ()
    spans = (*thread.current, *attachments, *earlier)
    header = OrderHeader()
    evidence = header.evidence
    header.customer = read_customer(document, thread.current or spans, evidence, earlier)
    for name, regex in (("po_number", _PO), ("rfq_number", _RFQ)):
        found = _reference(regex, text, spans)
        if found:
            setattr(header, name, found[0])
            evidence[name] = found[1]
    reference = dates.reference_date(document.date, text)
    header.requested_date, span = dates.requested_date(text, spans, reference)
    header.urgency, header.urgency_evidence, span_urgency = terms.urgency(
        text, spans, document.subject, document.headers
    )
    header.ship_to, span_ship, several = address.ship_to(text, spans)
    header.payment_terms, span_terms = terms.payment_terms(text, spans)
    found_certs = terms.certifications(text, spans)
    header.certifications = [name for name, _ in found_certs]
    spans_found = {
        "requested_date": span,
        "urgency": span_urgency,
        "ship_to": span_ship,
        "payment_terms": span_terms,
    }
    evidence |= {name: found for name, found in spans_found.items() if found is not None}
    evidence |= {f"certifications.{name}": cert_span for name, cert_span in found_certs}
    if several:
        header.flags.append("multiple_ship_to")
    if document.warnings:
        header.flags.append("unreadable_attachment")
    return header
