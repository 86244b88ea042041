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
from pipeline.extract.vocabulary import fold
from pipeline.models import Document, OrderHeader, Span

# Lower-case patterns on fold()ed text, each alternative starting with a literal (see vocabulary).
_REFERENCE = (
    r"\s*(?:#|no\.?|num(?:ber)?\.?)?\s*[:#]?\s*(?:(?:will\s+be|is)\s+)?"
    r"(?P<v>[a-z0-9][a-z0-9/-]*\d[a-z0-9/-]*)"  # a reference has a digit: not "PO limit", "PO box"
)
# "PO-1234" and "RFQ-2024-0311" are kept whole: the prefix is part of the reference
_PO = re.compile(rf"(?P<whole>po-\d[\w/-]*)|(?:p\.?o\.?|purchase\s+order){_REFERENCE}")
_RFQ = re.compile(
    rf"(?P<whole>rfq-\d[\w/-]*)|(?:rfq|request\s+for\s+quot(?:e|ation)|quote\s+request|enquiry|inquiry){_REFERENCE}"
)


def _reference(
    regex: re.Pattern[str], text: str, folded: str, spans: tuple[tuple[int, int], ...]
) -> tuple[str, Span] | None:
    """The first reference ``regex`` finds at a word start; its value as written in ``text``."""
    for start, end in spans:
        for match in regex.finditer(folded, start, end):
            if match.start() > 0 and (
                folded[match.start() - 1].isalnum() or folded[match.start() - 1] == "_"
            ):
                continue
            group = "whole" if match["whole"] else "v"
            value = text[match.start(group) : match.end(group)].rstrip("-/")
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
    folded = fold(text)
    for name, regex in (("po_number", _PO), ("rfq_number", _RFQ)):
        found = _reference(regex, text, folded, spans)
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
