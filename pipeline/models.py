"""Typed records passed between stages.

Stages take these and return these; nothing here does I/O. ``to_dict`` gives the shapes of the
``process --json`` contract, so field names here are part of a public interface: add, never rename.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

Urgency = Literal["standard", "rush", "emergency"]
ReviewStatus = Literal["auto_approved", "needs_review", "no_order_found", "rejected", "approved"]


@dataclass(frozen=True)
class Span:
    """Characters ``text[start:end]`` of the document text a value was read from."""

    start: int
    end: int


@dataclass(frozen=True)
class Attachment:
    """A readable attachment; its text is also in ``Document.text`` from ``offset`` on."""

    filename: str
    content_type: str
    text: str
    offset: int | None = None


@dataclass(frozen=True)
class Document:
    """One ingested input: the text to read plus what the envelope says about it."""

    path: str
    text: str
    content_hash: str
    subject: str = ""
    sender: str = ""
    date: datetime | None = None
    headers: dict[str, str] = field(default_factory=dict)
    attachments: tuple[Attachment, ...] = ()
    warnings: tuple[str, ...] = ()  # parts that could not be read, e.g. an encrypted PDF attachment
    body_length: int | None = None  # the message body is text[:body_length]; attachments follow

    @property
    def body_end(self) -> int:
        """Where the message body ends in ``text`` (attachments' text follows it)."""
        return len(self.text) if self.body_length is None else self.body_length


@dataclass
class Customer:
    company: str | None = None
    contact: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass
class OrderHeader:
    customer: Customer = field(default_factory=Customer)
    po_number: str | None = None
    requested_date: str | None = None  # ISO date
    urgency: Urgency = "standard"
    evidence: dict[str, Span] = field(default_factory=dict)
    rfq_number: str | None = None
    ship_to: str | None = None  # address lines joined with ", "
    payment_terms: str | None = None
    certifications: list[str] = field(default_factory=list)  # canonical names, e.g. "EN 10204 3.1"
    urgency_evidence: list[str] = field(default_factory=list)  # the phrases that set ``urgency``
    flags: list[str] = field(default_factory=list)  # e.g. "multiple_ship_to"


@dataclass(frozen=True)
class Tolerance:
    """A size tolerance in inches: ``+plus`` / ``minus`` (``minus`` is zero or negative)."""

    plus: float
    minus: float


@dataclass
class Alternate:
    """Another grade, form or size the customer named for the same line (a substitute or a doubt)."""

    text: str
    grade: str | None = None
    material: str | None = None
    form: str | None = None
    dimensions: dict[str, float] = field(default_factory=dict)
    span: Span | None = None


@dataclass
class LineItem:
    """What the customer asked for on one line, normalised (dimensions in inches)."""

    line_no: int
    source_text: str
    material: str | None = None  # family, e.g. "stainless_steel"
    grade: str | None = None
    temper: str | None = None
    form: str | None = None
    dimensions: dict[str, float] = field(default_factory=dict)
    quantity: float | None = None
    uom: str = "EA"
    flags: list[str] = field(default_factory=list)
    span: Span | None = None
    evidence: dict[str, Span] = field(default_factory=dict)
    tolerances: dict[str, Tolerance] = field(default_factory=dict)
    alternates: list[Alternate] = field(default_factory=list)
    quantity_range: tuple[float, float] | None = None  # "20-30 pieces"; ``quantity`` is the low end
    revisions: list[str] = field(default_factory=list)  # e.g. "grade was 4140" (earlier in the thread)


@dataclass
class Extraction:
    header: OrderHeader
    lines: list[LineItem]


@dataclass
class Candidate:
    """A catalog part scored against a request line; ``reasons`` are written for a salesperson."""

    part_number: str
    description: str
    family: str
    grade: str
    temper: str | None
    form: str
    dimensions: dict[str, float]
    unit_price: float
    uom: str
    stock_qty: int
    confidence: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass
class OrderLine:
    item: LineItem
    match: Candidate | None
    alternatives: list[Candidate] = field(default_factory=list)
    unit_price: float | None = None
    extended_price: float | None = None


@dataclass
class Review:
    status: ReviewStatus
    reasons: list[str] = field(default_factory=list)


@dataclass
class Order:
    order_id: str
    document: Document
    header: OrderHeader
    lines: list[OrderLine]
    review: Review | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def subtotal(self) -> float:
        return round(sum(line.extended_price or 0.0 for line in self.lines), 2)

    def to_dict(self) -> dict[str, Any]:
        """The ``process --json`` object for this order (a public contract)."""
        return {
            "order_id": self.order_id,
            "source": {
                "path": self.document.path,
                "subject": self.document.subject,
                "sender": self.document.sender,
                "warnings": list(self.document.warnings),
            },
            "customer": asdict(self.header.customer),
            "po_number": self.header.po_number,
            "requested_date": self.header.requested_date,
            "urgency": self.header.urgency,
            "lines": [_line_dict(line) for line in self.lines],
            "totals": {
                "line_count": len(self.lines),
                "matched_lines": sum(1 for line in self.lines if line.match),
                "subtotal": self.subtotal,
                "currency": "USD",
            },
            "review": asdict(self.review) if self.review else None,
            "timings_ms": dict(self.timings_ms),
            "rfq_number": self.header.rfq_number,
            "ship_to": self.header.ship_to,
            "payment_terms": self.header.payment_terms,
            "certifications": list(self.header.certifications),
            "urgency_evidence": list(self.header.urgency_evidence),
            "header_flags": list(self.header.flags),
            "evidence": _spans_dict(self.header.evidence),
        }


def _spans_dict(evidence: dict[str, Span]) -> dict[str, list[int]]:
    return {name: [span.start, span.end] for name, span in evidence.items()}


def _candidate_dict(candidate: Candidate) -> dict[str, Any]:
    return {
        "part_number": candidate.part_number,
        "description": candidate.description,
        "grade": candidate.grade,
        "form": candidate.form,
        "dimensions": dict(candidate.dimensions),
        "confidence": round(candidate.confidence, 4),
        "unit_price": candidate.unit_price,
        "uom": candidate.uom,
        "stock_qty": candidate.stock_qty,
        "reasons": list(candidate.reasons),
    }


def _line_dict(line: OrderLine) -> dict[str, Any]:
    item = line.item
    match = None
    if line.match is not None:
        match = _candidate_dict(line.match) | {
            "unit_price": line.unit_price,
            "extended_price": line.extended_price,
            "alternatives": [_candidate_dict(alt) for alt in line.alternatives],
        }
    return {
        "line_no": item.line_no,
        "source_text": item.source_text,
        "material": item.material,
        "grade": item.grade,
        "temper": item.temper,
        "form": item.form,
        "dimensions": dict(item.dimensions),
        "quantity": item.quantity,
        "uom": item.uom,
        "flags": list(item.flags),
        "match": match,
        "tolerances": {name: asdict(tolerance) for name, tolerance in item.tolerances.items()},
        "alternates": [
            {key: value for key, value in asdict(alternate).items() if key != "span"}
            for alternate in item.alternates
        ],
        "quantity_range": list(item.quantity_range) if item.quantity_range else None,
        "revisions": list(item.revisions),
        "span": [item.span.start, item.span.end] if item.span else None,
        "evidence": _spans_dict(item.evidence),
    }
