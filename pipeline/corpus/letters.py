"""Whole order emails: greeting, the items laid out as customers lay them out, PO, dates, signature.

The letter also returns what it says (PO, requested date, urgency), so labels are the truth the
text was written from, not a second reading of it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from pipeline.corpus.items import Written, write_item
from pipeline.corpus.parts import PartSpec
from pipeline.corpus.people import Person

GREETINGS = ("Hello,", "Hi,", "Good morning,", "Hi team,", "Hello {desk},", "Good afternoon,")
INTROS = (
    "Please quote and ship the following:",
    "We need to order the following materials:",
    "Please enter the following order:",
    "Can you send us the following?",
    "Please process our order for:",
    "We would like to order:",
)
NOTES = (
    "Mill test reports required with shipment.",
    "Please include certs.",
    "Material must be domestic (DFARS compliant).",
    "Ship complete if possible.",
    "Partial shipments are OK.",
    "Please confirm pricing and lead time.",
)
NON_CATALOG = (
    '100 ea 1/2-13 x 2" hex head bolts, grade 8',
    "50 flat washers 3/8",
    "25 pcs 6203 bearings",
    "10 ea 2 ton shackles",
)
RUSH = ("This is a rush order, please expedite.", "We need these ASAP.", "Please rush this one.")
EMERGENCY = ("Our production line is down and we need this material right away.", "EMERGENCY - line down.")
LAYOUTS = ("numbered", "paren", "bullets", "item", "prose", "block", "table")
LAYOUT_WEIGHTS = (8, 2, 4, 2, 2, 2, 1)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass(frozen=True)
class Letter:
    """An email body and the facts it states."""

    subject: str
    body: str
    po_number: str | None
    requested_date: str | None  # ISO date, when the text pins one down
    urgency: str
    items: tuple[tuple[PartSpec, Written], ...]
    non_catalog: int


def _layout(style: str, entries: list[tuple[PartSpec, Written]], extras: list[str]) -> str:
    """The items as a numbered list, bullets, "Item n:", prose, sub-bullets or a Qty column."""
    texts = [written.text for _, written in entries] + extras
    if style == "table" and not extras:
        rows = [f"{written.quantity:<5g} {written.body}" for _, written in entries]
        return "Qty   Description\n" + "\n".join(rows)
    if style == "block" and not extras:
        return "\n".join(
            f"{n}. {written.body}\n   - Qty: {written.quantity:g}{' ft' if written.uom == 'FT' else ''}"
            for n, (_, written) in enumerate(entries, 1)
        )
    if style == "prose":
        openers = ("Please send", "We also need", "Also", "Plus")
        return "\n".join(f"{openers[min(n, 3)]} {text}." for n, text in enumerate(texts))
    if style == "item":
        return "\n\n".join(f"Item {n}: {text}" for n, text in enumerate(texts, 1))
    if style == "bullets":
        return "\n".join(f"- {text}" for text in texts)
    marker = ")" if style == "paren" else "."
    return "\n".join(f"{n}{marker} {text}" for n, text in enumerate(texts, 1))


def _po(rng: random.Random, sent: datetime) -> str:
    return rng.choice(
        [
            f"{rng.randint(10000, 99999)}",
            f"PO-{sent.year}-{rng.randint(1, 9999):04d}",
            f"{rng.randint(1000, 9999)}-{rng.choice('ABCDEFGH')}",
        ]
    )


def _po_sentence(po: str, rng: random.Random) -> str:
    return rng.choice(
        [f"PO# {po}", f"Please reference PO {po} on all paperwork.", f"P.O. {po}", f"Our PO number: {po}"]
    )


def _requested(rng: random.Random, sent: datetime, dated: bool) -> tuple[str, str | None]:
    """A delivery request and its ISO date when it names one (relative ones need the sent date)."""
    kind = rng.choice(["explicit", "explicit", "within", "weekday", "vague"])
    if kind == "explicit":
        due = sent.date() + timedelta(days=rng.randint(5, 45))
        text = f"{MONTHS[due.month - 1]} {due.day}, {due.year}"
        return rng.choice([f"We need delivery by {text}.", f"Required by {text}."]), due.isoformat()
    if kind == "within":
        weeks = rng.randint(1, 4)
        due = sent.date() + timedelta(weeks=weeks)
        span = f"{weeks} week{'s' if weeks > 1 else ''}"
        return f"Delivery required within {span}.", due.isoformat() if dated else None
    if kind == "weekday":
        weekday = rng.randrange(len(WEEKDAYS))
        due = sent.date() + timedelta(days=(weekday - sent.weekday()) % 7 or 7)
        return f"We need it delivered by {WEEKDAYS[weekday]}.", due.isoformat() if dated else None
    return "Let us know your earliest ship date.", None


def _urgency(rng: random.Random) -> str:
    return rng.choices(["standard", "rush", "emergency"], weights=(70, 22, 8))[0]


def _subject(urgency: str, po: str | None, rng: random.Random) -> str:
    base = rng.choice(["Material order", "Order request", "Stock order", "Steel order", "New order"])
    if po and rng.random() < 0.4:
        base += f" - PO {po}"
    prefix = {"rush": rng.choice(["URGENT - ", "RUSH: "]), "emergency": "EMERGENCY - "}.get(urgency, "")
    return prefix + base


def write_letter(
    parts: list[PartSpec], sender: Person, sent: datetime, dated: bool, rng: random.Random
) -> Letter:
    """An order email asking for ``parts``; ``dated`` says whether the reader knows when it was sent."""
    entries = [(part, write_item(part, rng)) for part in parts]
    extras = [rng.choice(NON_CATALOG)] if rng.random() < 0.06 else []
    items_text = _layout(rng.choices(LAYOUTS, weights=LAYOUT_WEIGHTS)[0], entries, extras)
    urgency = _urgency(rng)
    po = _po(rng, sent) if rng.random() < 0.65 else None
    date_sentence, requested = _requested(rng, sent, dated) if rng.random() < 0.6 else ("", None)
    closing = [
        rng.choice(RUSH) if urgency == "rush" else "",
        rng.choice(EMERGENCY) if urgency == "emergency" else "",
    ]
    closing += [
        _po_sentence(po, rng) if po else "",
        date_sentence,
        rng.choice(NOTES) if rng.random() < 0.5 else "",
    ]
    greeting = rng.choice(GREETINGS).format(desk=rng.choice(["Sales", "Orders team", "Inside Sales"]))
    paragraphs = [greeting, rng.choice(INTROS), items_text, "\n".join(s for s in closing if s)]
    body = "\n\n".join(p for p in paragraphs if p) + "\n\n" + sender.signature(rng) + "\n"
    return Letter(
        subject=_subject(urgency, po, rng),
        body=body,
        po_number=po,
        requested_date=requested,
        urgency=urgency,
        items=tuple(entries),
        non_catalog=len(extras),
    )


def sent_at(rng: random.Random) -> datetime:
    """A weekday business hour in 2024-2025 (fixed range, so a seed always gives the same date)."""
    day = date(2024, 1, 2) + timedelta(days=rng.randrange(700))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    zone = timezone(timedelta(hours=-rng.choice([5, 6, 7, 8])))
    return datetime(day.year, day.month, day.day, rng.randint(7, 17), rng.randrange(60), tzinfo=zone)
