"""The order header: who is ordering, their PO, when they need it and how urgently."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parseaddr

from pipeline.models import Customer, Document, OrderHeader, Span, Urgency

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:phone|tel|cell|direct|mobile)?\s*:?\s*(\+?\d[\d\s().-]{8,}\d)", re.IGNORECASE)
_LABELLED_PHONE = re.compile(
    r"^\s*(?:phone|tel|cell|direct)\s*:\s*(?P<v>\+?[\d(][\d\s().-]{7,}\d)", re.I | re.M
)
_COMPANY_SUFFIX = re.compile(
    r"\b(?:Inc\.?|LLC|Ltd\.?|Corp\.?|Corporation|Co\.|Company|GmbH|AG|Industries|Manufacturing|"
    r"Solutions|Systems|Aerospace|Plant|Fabrication)\b"
)
_LABELLED = {
    "company": re.compile(r"^\s*(?:customer|company)\s*:\s*(?P<v>.+)$", re.I | re.M),
    "contact": re.compile(r"^\s*(?:contact|attn|attention)\s*:\s*(?P<v>.+)$", re.I | re.M),
    "email": re.compile(r"^\s*e-?mail\s*:\s*(?P<v>\S+@\S+)", re.I | re.M),
}
_PO = re.compile(
    r"\b(?:P\.?O\.?|purchase\s+order)\s*(?:#|no\.?|number)?\s*[:#]?\s*(?:will\s+be\s+)?"
    r"(?P<v>[A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(r"^\s*(?:thanks|thank you|best regards|regards|sincerely|cheers)\b.*$", re.I | re.M)
_EMERGENCY = re.compile(r"\b(?:emergency|line (?:is )?down|production line is down|tonight|AOG)\b", re.I)
_RUSH = re.compile(r"\b(?:urgent|rush|asap|expedite|critical|hot\s+order|need it tomorrow)\b", re.I)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_NAMES = "|".join(rf"{m[:3]}(?:{m[3:]}|\.)?" if len(m) > 3 else m for m in _MONTHS)
_EXPLICIT_DATE = re.compile(
    rf"\b(?P<month>{_MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE = re.compile(
    r"\b(?P<next>next\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b|\b(?P<tomorrow>tomorrow)\b"
    r"|\bwithin\s+(?P<n>\d+)\s+(?P<unit>days?|weeks?)\b",
    re.IGNORECASE,
)
_DATE_CONTEXT = re.compile(r"\b(?:by|deliver(?:y|ed)?|due|need(?:ed)?|arrive|required|ship)\b", re.I)


def _labelled(text: str, field: str) -> tuple[str | None, Span | None]:
    match = _LABELLED[field].search(text)
    if not match:
        return None, None
    return match.group("v").strip(), Span(match.start("v"), match.end("v"))


def _signature(text: str) -> list[tuple[str, int]]:
    """Lines after the last sign-off ("Thanks,", "Best regards,"), with their offsets."""
    matches = list(_SIGN_OFF.finditer(text))
    if not matches:
        return []
    position = matches[-1].end() + 1
    lines = []
    for raw in text[position:].split("\n")[:8]:
        if raw.strip():
            lines.append((raw.strip(), position + raw.index(raw.strip())))
        position += len(raw) + 1
    return lines


def _customer(document: Document, evidence: dict[str, Span]) -> Customer:
    text = document.text
    customer = Customer()
    for field in ("company", "contact", "email"):
        value, span = _labelled(text, field)
        if value:
            setattr(customer, field, value)
            evidence[f"customer.{field}"] = span
    signature = _signature(text)
    if customer.contact is None and signature and not _EMAIL.search(signature[0][0]):
        customer.contact, start = signature[0]
        evidence["customer.contact"] = Span(start, start + len(customer.contact))
    if customer.company is None:
        for line, start in signature[1:]:
            if _COMPANY_SUFFIX.search(line) and ":" not in line:
                customer.company = line
                evidence["customer.company"] = Span(start, start + len(line))
                break
    if customer.email is None:
        _, address = parseaddr(document.sender)
        customer.email = address or None
    phone = _LABELLED_PHONE.search(text)
    if phone:
        customer.phone = phone.group("v").strip()
        evidence["customer.phone"] = Span(phone.start("v"), phone.end("v"))
    return customer


def _requested_date(text: str, sent: datetime | None) -> tuple[str | None, Span | None]:
    for match in _EXPLICIT_DATE.finditer(text):
        if not _DATE_CONTEXT.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        month = next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(match.group("month")[:3].lower()))
        year = int(match.group("year") or (sent.year if sent else date.today().year))
        try:
            return date(year, month, int(match.group("day"))).isoformat(), Span(match.start(), match.end())
        except ValueError:
            continue
    if sent is None:
        return None, None
    for match in _RELATIVE.finditer(text):
        if not _DATE_CONTEXT.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        return _relative(match, sent.date()).isoformat(), Span(match.start(), match.end())
    return None, None


def _relative(match: re.Match[str], sent: date) -> date:
    if match.group("tomorrow"):
        return sent + timedelta(days=1)
    if match.group("n"):
        days = int(match.group("n")) * (7 if match.group("unit").lower().startswith("week") else 1)
        return sent + timedelta(days=days)
    weekday = _WEEKDAYS.index(match.group("weekday").lower())
    ahead = (weekday - sent.weekday()) % 7 or 7
    if match.group("next"):
        ahead += 7 if ahead < 7 else 0
    return sent + timedelta(days=ahead)


def _urgency(document: Document) -> Urgency:
    text = f"{document.subject}\n{document.text}"
    if _EMERGENCY.search(text):
        return "emergency"
    if _RUSH.search(text) or document.headers.get("Priority", "").lower() in ("high", "urgent"):
        return "rush"
    return "standard"


def extract_header(document: Document) -> OrderHeader:
    header = OrderHeader()
    header.customer = _customer(document, header.evidence)
    po = _PO.search(document.text)
    if po:
        header.po_number = po.group("v")
        header.evidence["po_number"] = Span(po.start("v"), po.end("v"))
    header.requested_date, span = _requested_date(document.text, document.date)
    if span:
        header.evidence["requested_date"] = span
    header.urgency = _urgency(document)
    return header
