"""Customer cross-references: what a reviewer taught the desk about one customer's wording.

When a reviewer maps a customer's wording of a line (or the customer's own part number) to a
catalog part, the next order from that customer that says the same thing gets that part first,
at confidence 0.99 with the reason "customer cross-reference". Wording is compared without the
item number and the quantity, so "1. ... Quantity: 10" and "3. ... Quantity: 4" are one wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from pipeline.catalog.store import CatalogStore
from pipeline.events import utc_now
from pipeline.ledger import Ledger, from_row
from pipeline.models import Candidate, LineItem
from pipeline.orders.parts import named_part

CROSS_REFERENCE_CONFIDENCE = 0.99
CROSS_REFERENCE_REASON = "customer cross-reference"
Kind = Literal["wording", "part_number"]

_NUMBERING = re.compile(r"^\s*(?:\d{1,3}[.)]|item\s+\d+\s*[:.)-]|[-*•]|\(\d+\))\s+", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9][a-z0-9./#\"-]*")
_PART_TOKEN = re.compile(r"[A-Z0-9][A-Z0-9._/-]*[A-Z0-9]")


@dataclass(frozen=True)
class CrossReference:
    customer_id: str
    kind: Kind
    key: str
    part_number: str
    created_by: str
    created_at: str
    order_id: str | None = None
    line_no: int | None = None


def wording_key(item: LineItem, text: str | None = None) -> str:
    """The line's wording without numbering, quantity, case or punctuation noise.

    ``text`` is the document the line was read from; with it, the quantity phrase the extractor
    found (its evidence span) is cut out. Without it the whole line is the wording.
    """
    raw = item.source_text
    quantity = item.evidence.get("quantity")
    span = item.span
    if text is not None and span and quantity and span.start <= quantity.start <= quantity.end <= span.end:
        raw = f"{text[span.start : quantity.start]} {text[quantity.end : span.end]}"
    return " ".join(_WORD.findall(_NUMBERING.sub("", raw).lower()))


def part_number_key(customer_part_number: str) -> str:
    key = customer_part_number.strip().upper()
    if not _PART_TOKEN.fullmatch(key):
        raise ValueError(f"{customer_part_number!r} is not a part number (letters, digits, . _ / -)")
    return key


def find_cross_reference(
    references: list[CrossReference], item: LineItem, text: str | None = None
) -> CrossReference | None:
    """The reference that applies to ``item``: the customer's part number first, then the wording."""
    tokens = set(_PART_TOKEN.findall(item.source_text.upper()))
    for reference in references:
        if reference.kind == "part_number" and reference.key in tokens:
            return reference
    key = wording_key(item, text)
    return next((r for r in references if r.kind == "wording" and r.key == key), None)


def with_cross_reference(
    ranked: list[Candidate], part: Candidate, reference: CrossReference
) -> list[Candidate]:
    """``part`` first at the cross-reference confidence, then the other candidates."""
    why = f"mapped by {reference.created_by} on {reference.created_at[:10]}"
    first = replace(
        part, confidence=CROSS_REFERENCE_CONFIDENCE, reasons=[CROSS_REFERENCE_REASON, why, *part.reasons]
    )
    return [first, *(candidate for candidate in ranked if candidate.part_number != part.part_number)]


class CrossReferences:
    """The cross-reference table; a new mapping of the same wording replaces the old one."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def for_customer(self, customer_id: str) -> list[CrossReference]:
        rows = (
            self.ledger.connection()
            .execute(
                "SELECT * FROM cross_references WHERE customer_id = ? ORDER BY kind, key", (customer_id,)
            )
            .fetchall()
        )
        return [from_row(CrossReference, row) for row in rows]

    def add(
        self,
        customer_id: str,
        kind: Kind,
        key: str,
        part_number: str,
        *,
        actor: str,
        order_id: str | None = None,
        line_no: int | None = None,
    ) -> CrossReference:
        reference = CrossReference(
            customer_id, kind, key, part_number, actor, utc_now().isoformat(), order_id, line_no
        )
        with self.ledger.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO cross_references VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    reference.customer_id,
                    reference.kind,
                    reference.key,
                    reference.part_number,
                    reference.created_by,
                    reference.created_at,
                    reference.order_id,
                    reference.line_no,
                ),
            )
        return reference


def apply_cross_reference(
    catalog: CatalogStore,
    item: LineItem,
    ranked: list[Candidate],
    references: list[CrossReference],
    text: str | None = None,
) -> list[Candidate]:
    """The match-stage hook: ``ranked`` with the customer's cross-referenced part first, if one applies.

    A referenced part that left the catalog is ignored, so the plain match stands.
    """
    reference = find_cross_reference(references, item, text) if references else None
    part = named_part(catalog, reference.part_number, item) if reference else None
    if reference is None or part is None:
        return ranked
    return with_cross_reference(ranked, part, reference)
