"""The order header: who is ordering, their PO or RFQ, when and how urgently they need it, where
it goes, how they pay and which certificates they require — each with the span it was read from.

Only the newest message of a thread counts (quoted history holds superseded dates and the
supplier's own signature) — except for a PO the newest message does not repeat; the subject line
counts for urgency.
"""

from __future__ import annotations

from pipeline.extract import address, dates, references, terms
from pipeline.extract.customer import read_customer
from pipeline.extract.references import find_reference
from pipeline.extract.thread import Message, Thread
from pipeline.extract.vocabulary import fold
from pipeline.models import Document, OrderHeader, Span


def _po_number(
    text: str, folded: str, spans: tuple[tuple[int, int], ...], history: tuple[tuple[int, int], ...]
) -> tuple[str, Span] | None:
    """The customer's PO: labelled as one, else their order reference, else a PO quoted below
    (the supplier confirming "your PO 24-1187" when the newest message repeats none)."""
    return (
        find_reference(references.PO, text, folded, spans)
        or find_reference(references.ORDER, text, folded, spans, generic=True)
        or find_reference(references.PO, text, folded, history)
    )


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
    history = tuple((m.start, m.end) for m in thread.history if not source or m.start != source.start)
    for name, found in (
        ("po_number", _po_number(text, folded, spans, history)),
        ("rfq_number", find_reference(references.RFQ, text, folded, spans)),
    ):
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
