"""The order header: who is ordering, their PO or RFQ, when and how urgently they need it, where
it goes, how they pay and which certificates they require — each with the span it was read from.

Only the newest message of a thread counts (quoted history holds superseded dates and the
supplier's own signature) — except for a PO the newest message does not repeat; the subject line
counts for urgency.
"""

from __future__ import annotations

import re

from pipeline.extract import address, dates, references, terms
from pipeline.extract.customer import read_customer
from pipeline.extract.kind import document_kind
from pipeline.extract.references import find_reference
from pipeline.extract.thread import Message, Thread
from pipeline.extract.vocabulary import fold
from pipeline.models import Document, OrderHeader


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
    quoted = tuple((m.start, m.end) for m in thread.history)
    header.customer = read_customer(document, thread.current or spans, evidence, earlier, quoted)
    folded = fold(text)
    labelled_po = find_reference(references.PO, text, folded, spans)
    history = tuple((m.start, m.end) for m in thread.history if not source or m.start != source.start)
    rfq = find_reference(references.RFQ, text, folded, spans, generic=True)
    for name, found in (
        # a PO, else the customer's order reference, else a PO quoted below (the supplier
        # confirming "your PO 24-1187" that the newest message does not repeat), else — on a
        # request for quote — their RFQ number: the reference they expect on the reply
        (
            "po_number",
            labelled_po
            or find_reference(references.ORDER, text, folded, spans, generic=True)
            or find_reference(references.PO, text, folded, history)
            or rfq
            or find_reference(references.JOB, text, folded, spans, generic=True),
        ),
        ("rfq_number", rfq),
    ):
        if found:
            setattr(header, name, found[0])
            evidence[name] = found[1]
    own_text = "\n".join(folded[start:end] for start, end in spans)
    header.kind = document_kind(f"{fold(document.subject)}\n{own_text}", labelled_po is not None)
    reference = dates.reference_date(document.date, text)
    # "All ex-stock, next day delivery" in the supplier's own quote, replied to: not the customer's ask
    asked = (
        spans
        if not earlier or thread.forwarded or not _from_another(text, source, document.sender)
        else spans[:-1]
    )
    header.requested_date, span = dates.requested_date(text, asked, reference)
    header.urgency, header.urgency_evidence, span_urgency = terms.urgency(
        text, asked, document.subject, document.headers
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


_FROM_LINE = re.compile(r"^[ \t>]*From:[ \t]*(?P<who>[^\n]+)", re.IGNORECASE | re.MULTILINE)
_DOMAIN = re.compile(r"@(?P<domain>[\w.-]+)")


def _from_another(text: str, message: Message | None, sender: str) -> bool:
    """Whether a quoted ``message`` was written by someone other than the newest message's
    ``sender``: a "From:" line just above it names another mail domain or another person."""
    if message is None or not sender:
        return False
    lines = list(_FROM_LINE.finditer(text, max(0, message.start - 400), message.start + 200))
    if not lines:
        return False
    who = lines[-1]["who"]
    theirs, ours = _DOMAIN.search(who), _DOMAIN.search(sender)
    if theirs and ours:
        return theirs["domain"].lower() != ours["domain"].lower()
    name = re.sub(r"<[^>]*>|[\"']", "", who).strip().lower()
    return bool(name) and name not in sender.lower()
