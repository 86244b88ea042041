"""Typed records passed between stages.

Stages take these and return these; nothing here does I/O. ``to_dict`` gives the shapes of the
``process --json`` contract, so field names here are part of a public interface: add, never rename.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

from pipeline.words import form_words, kind_words, reason_words, unit_words

Urgency = Literal["standard", "rush", "emergency"]
OrderKind = Literal["order", "quote"]  # an order places one; a request for quote asks for prices
ReviewStatus = Literal["auto_approved", "needs_review", "no_order_found", "rejected", "approved", "quoted"]
StockStatus = Literal["in_stock", "partial", "backorder"]
CustomerStatus = Literal["active", "prospect", "on_hold"]
# How a candidate was found: by its grade as asked, a same-alloy equivalent (42CrMo4 -> 4140), a
# trade substitution (316L for 316), a family or form only, the part number, free text — or as
# an alternative offered because nothing acceptable is stocked.
MatchKind = Literal[
    "exact", "equivalent", "substitute", "family", "any", "part_number", "text", "alternative"
]


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
    po_number: str | None = None  # the customer's reference: PO, order reference, else their RFQ number
    requested_date: str | None = None  # ISO date
    urgency: Urgency = "standard"
    evidence: dict[str, Span] = field(default_factory=dict)
    rfq_number: str | None = None
    ship_to: str | None = None  # address lines joined with ", "
    payment_terms: str | None = None
    certifications: list[str] = field(default_factory=list)  # canonical names, e.g. "EN 10204 3.1"
    urgency_evidence: list[str] = field(default_factory=list)  # the phrases that set ``urgency``
    flags: list[str] = field(default_factory=list)  # e.g. "multiple_ship_to"
    kind: OrderKind = "order"
    unread: list[str] = field(default_factory=list)  # text that looks like an item but is in no line


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


SpecKind = Literal["finish", "certificate"]


@dataclass
class SpecNote:
    """A requirement the customer wrote beyond grade, form, size and quantity (``extract/specs.py``):
    a finish wanted or refused ("Galvanized not required"), a certificate the line needs."""

    kind: SpecKind
    text: str  # the customer's words, e.g. "Galvanized not required"
    value: str | None = None  # the catalog's finish ("galvanized") or the certificate ("MTR")
    refused: bool = False  # "not galvanized", "no galv", "galvanized not required"
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
    specs: list[SpecNote] = field(default_factory=list)  # finishes wanted or refused, certificates


@dataclass
class Extraction:
    header: OrderHeader
    lines: list[LineItem]
    # the item lines the message wrote, before lines of one part and length were combined: what the
    # order-size limit counts (``pipeline.extract.combined``)
    lines_written: int = 0


@dataclass(frozen=True)
class CutPlan:
    """How a service center fills the quantity asked from this stock item (inches).

    ``pieces_per_stock`` pieces of ``piece_length`` (x ``piece_width`` for sheet and plate) come
    out of one stock piece, allowing ``kerf`` per cut; ``pieces_to_pull`` stock pieces cover the
    quantity (or the footage, for a request in feet). ``cut`` is False when the stock size is
    the size asked.
    """

    stock_length: float
    stock_width: float | None
    piece_length: float | None
    piece_width: float | None
    pieces_per_stock: int | None
    pieces_to_pull: int
    kerf: float
    cut: bool


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
    match_kind: MatchKind = "exact"
    substitution: str | None = None  # what was substituted and why (never silent), else None
    cut: CutPlan | None = None  # None when the request gives no piece size or footage
    # For a trade substitution (316L for 316, T651 for T6): the confidence once the substitution is
    # accepted — ``confidence`` less only the doubt that the customer takes it. The quality gate
    # reads it when the desk's rules accept trade substitutions; None for anything else.
    substitution_confidence: float | None = None


@dataclass
class Availability:
    """Stock on hand against the quantity sold, in the part's unit of measure (pieces or feet)."""

    status: StockStatus
    on_hand: float
    ship_now: float
    backorder: float
    lead_time_days: int | None  # days until the line can ship complete


@dataclass
class GateReason:
    """Why a quality gate stops an order; ``code`` is stable (for counting), ``message`` is for people."""

    code: str
    message: str
    line_no: int | None = None  # None for order-level reasons (customer, credit, totals)


@dataclass
class OrderLine:
    item: LineItem
    match: Candidate | None
    alternatives: list[Candidate] = field(default_factory=list)
    unit_price: float | None = None
    extended_price: float | None = None
    sold_quantity: float | None = None  # in the part's uom (feet for FT), after the minimum order
    availability: Availability | None = None
    pricing_notes: list[str] = field(default_factory=list)  # e.g. "minimum order 20 FT applied"
    gate_reasons: list[GateReason] = field(default_factory=list)  # set by the review stage
    accepted_by: str | None = None  # a reviewer accepted the line as it is
    no_match: str | None = None  # why no part fits (then ``alternatives`` are the nearest offers)
    # stock taken from the rack for the line, in the part's uom: whole lengths or sheets of the cut
    # plan (drop included), at least ``sold_quantity``
    pulled_quantity: float | None = None


@dataclass
class Review:
    status: ReviewStatus
    reasons: list[str] = field(default_factory=list)
    details: list[GateReason] = field(default_factory=list)  # the same reasons with codes and lines


@dataclass
class CustomerAccount:
    """The customer master record an order was priced for, as it was then, and how it was found."""

    customer_id: str
    name: str
    status: CustomerStatus = "active"
    terms: str = "NET30"
    credit_limit: float = 0.0
    open_balance: float = 0.0  # receivables already owed; counts against the credit limit
    discount_pct: float = 0.0
    matched_by: str = "email_domain"  # email_domain | company_name | new_prospect
    match_score: float = 1.0


@dataclass
class Totals:
    """Money of the order after the customer's discount, the small-order charge and tax."""

    subtotal: float
    discount_pct: float = 0.0
    discount: float = 0.0
    small_order_charge: float = 0.0
    tax_rate: float = 0.0
    tax: float = 0.0
    total: float = 0.0
    currency: str = "USD"


@dataclass
class Order:
    order_id: str
    document: Document
    header: OrderHeader
    lines: list[OrderLine]
    review: Review | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    account: CustomerAccount | None = None
    totals: Totals | None = None

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
            }
            | (asdict(self.totals) if self.totals else {}),
            "review": _review_dict(self.review) if self.review else None,
            "timings_ms": dict(self.timings_ms),
            "customer_id": self.account.customer_id if self.account else None,
            "account": asdict(self.account) if self.account else None,
            "rfq_number": self.header.rfq_number,
            "kind": self.header.kind,
            "kind_words": kind_words(self.header.kind),
            "ship_to": self.header.ship_to,
            "payment_terms": self.header.payment_terms,
            "certifications": list(self.header.certifications),
            "urgency_evidence": list(self.header.urgency_evidence),
            "header_flags": list(self.header.flags),
            "unread": list(self.header.unread),
            "evidence": _spans_dict(self.header.evidence),
        }


def _review_dict(review: Review) -> dict[str, Any]:
    """The review with each reason's words beside its code (``details[].words``)."""
    found = asdict(review)
    for detail in found["details"]:
        detail["words"] = reason_words(detail["code"])
    return found


def _spec_dict(note: SpecNote) -> dict[str, Any]:
    span = [note.span.start, note.span.end] if note.span else None
    return {"kind": note.kind, "text": note.text, "value": note.value, "refused": note.refused, "span": span}


def _spans_dict(evidence: dict[str, Span]) -> dict[str, list[int]]:
    return {name: [span.start, span.end] for name, span in evidence.items()}


def candidate_dict(candidate: Candidate) -> dict[str, Any]:
    """A candidate as both JSON contracts (`process --json` matches, `match --json`) show it."""
    return {
        "part_number": candidate.part_number,
        "description": candidate.description,
        "grade": candidate.grade,
        "temper": candidate.temper,
        "form": candidate.form,
        "form_words": form_words(candidate.form),
        "dimensions": dict(candidate.dimensions),
        "confidence": round(candidate.confidence, 4),
        "unit_price": candidate.unit_price,
        "uom": candidate.uom,
        "stock_qty": candidate.stock_qty,
        "reasons": list(candidate.reasons),
        "match_kind": candidate.match_kind,
        "substitution": candidate.substitution,
        "substitution_confidence": candidate.substitution_confidence,
        "cut": asdict(candidate.cut) if candidate.cut else None,
    }


def _line_dict(line: OrderLine) -> dict[str, Any]:
    item = line.item
    match = None
    if line.match is not None:
        match = candidate_dict(line.match) | {
            "unit_price": line.unit_price,
            "extended_price": line.extended_price,
            "alternatives": [candidate_dict(alt) for alt in line.alternatives],
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
        "form_words": form_words(item.form),
        "uom_words": unit_words(item.uom),
        "flags": list(item.flags),
        "flag_words": [reason_words(flag) for flag in item.flags],
        "match": match,
        "sold_quantity": line.sold_quantity,
        "pulled_quantity": line.pulled_quantity,
        "availability": asdict(line.availability) if line.availability else None,
        "pricing_notes": list(line.pricing_notes),
        "review": {
            "passed": not line.gate_reasons,
            "reasons": [reason.message for reason in line.gate_reasons],
            "codes": [reason.code for reason in line.gate_reasons],
            "words": [reason_words(reason.code) for reason in line.gate_reasons],
            "accepted_by": line.accepted_by,
        },
        "no_match": None
        if line.match is not None or line.no_match is None
        else {"reason": line.no_match, "alternatives": [candidate_dict(alt) for alt in line.alternatives]},
        "tolerances": {name: asdict(tolerance) for name, tolerance in item.tolerances.items()},
        "alternates": [
            {key: value for key, value in asdict(alternate).items() if key != "span"}
            for alternate in item.alternates
        ],
        "quantity_range": list(item.quantity_range) if item.quantity_range else None,
        "revisions": list(item.revisions),
        "specs": [_spec_dict(note) for note in item.specs],
        "span": [item.span.start, item.span.end] if item.span else None,
        "evidence": _spans_dict(item.evidence),
    }
