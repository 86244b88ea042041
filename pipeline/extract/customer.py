"""Who is ordering: company, contact, email and phone, from the signature, labels and headers.

The signature block of the newest message is the best source (the person who wrote it, their
company, their direct number); labelled lines ("Customer:", "Contact:") come next, the From header
last. A "Customer:" label inside a project section may name the customer's own customer, so of
several companies the one matching the sender's mail domain wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import parseaddr

from pipeline.models import Customer, Document, Span

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_NUMBER = r"\+?[\d(][\d\s().-]{5,}\d"
_PHONE_LINE = re.compile(
    rf"^\s*(?P<label>phone|tel(?:ephone)?|office|direct|main|cell|mobile|mob|ph)\.?\s*[:.]?\s*(?P<v>{_PHONE_NUMBER})",
    re.IGNORECASE,
)
_BARE_PHONE = re.compile(rf"^\s*(?P<v>{_PHONE_NUMBER})\s*$")
_SIGN_OFF = (
    r"(?:mit\s+freundlichen\s+grüßen|best\s+regards|kind\s+regards|warm\s+regards|regards|many\s+thanks|"
    r"thanks(?:\s+again)?|thank\s+you|sincerely|cheers|best|respectfully|yours\s+truly)"
)
_SIGN_OFF_LINE = re.compile(rf"^\s*{_SIGN_OFF}(?:\s*/\s*{_SIGN_OFF})*[\s,!.]*$", re.IGNORECASE)
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Ing)\.?\s+)"
_CREDENTIAL = r"(?:,?\s*(?:P\.?\s?Eng|PE|P\.E\.|PhD|Ph\.D\.|MBA|CPSM|CPM|Jr\.?|Sr\.?))"
_NAME = re.compile(
    rf"^\s*{_HONORIFIC}?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){{1,2}}){_CREDENTIAL}?\s*,?\s*$"
)
COMPANY_SUFFIX = re.compile(
    r"\b(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|Corp\.?|Corporation|Co\.|Company|GmbH|AG|S\.?A\.?|B\.?V\.?|"
    r"Industries|Manufacturing|Solutions|Systems|Aerospace|Plant|Fabrication|Works|Group|Enterprises)\b"
)
_TITLE_WORDS = re.compile(
    r"\b(?:manager|engineer|agent|director|technician|purchasing|procurement|buyer|supervisor|coordinator|"
    r"specialist|officer|president|owner|department|dept|sales|operations|planner|analyst|head|vp|ceo)\b",
    re.IGNORECASE,
)
_LABELLED = {
    "company": re.compile(
        r"^[ \t>*-]*(?:customer|company|client)(?:\s+name)?\s*:\s*(?P<v>[^\n]+)$", re.I | re.M
    ),
    "contact": re.compile(
        r"^[ \t>*-]*(?:contact|buyer|requested\s+by)(?:\s+name)?\s*:\s*(?P<v>[^\n]+)$", re.I | re.M
    ),
    "email": re.compile(r"^[ \t>*-]*e-?mail\s*:\s*(?P<v>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I | re.M),
    "phone": re.compile(rf"^[ \t>*-]*(?:phone|tel)\s*:\s*(?P<v>{_PHONE_NUMBER})", re.I | re.M),
}
_END_OF_BODY = re.compile(
    r"^\s*(?:P\.?S\.?\b|-{2,3}\s*$|_{3,}\s*$|This (?:e-?mail|message) (?:may )?contain)", re.I
)


@dataclass
class _Signature:
    contact: tuple[str, Span] | None = None
    company: tuple[str, Span] | None = None
    email: tuple[str, Span] | None = None
    phones: list[tuple[str, str, Span]] = field(default_factory=list)  # (label, number, span)


def _paragraphs(text: str, spans: tuple[tuple[int, int], ...]) -> list[list[tuple[str, int]]]:
    """Paragraphs (lists of (line, offset)) of the newest message, up to a P.S. or a disclaimer."""
    paragraphs: list[list[tuple[str, int]]] = []
    for start, end in spans:
        current: list[tuple[str, int]] = []
        position = start
        for raw in text[start:end].split("\n"):
            if _END_OF_BODY.match(raw):
                break
            if raw.strip():
                current.append((raw, position))
            elif current:
                paragraphs.append(current)
                current = []
            position += len(raw) + 1
        if current:
            paragraphs.append(current)
    return paragraphs


def _signature_lines(paragraphs: list[list[tuple[str, int]]]) -> list[tuple[str, int]]:
    """The lines of the signature block: after the last sign-off, or a closing name block."""
    for index in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 4), -1):
        paragraph = paragraphs[index]
        sign_off = next((i for i, (line, _) in enumerate(paragraph) if _SIGN_OFF_LINE.match(line)), None)
        if sign_off is not None:
            rest = paragraph[sign_off + 1 :]
            return rest or (paragraphs[index + 1] if index + 1 < len(paragraphs) else [])
        if _NAME.match(paragraph[0][0]) and len(paragraph) <= 8:
            return paragraph
    return []


def _span_of(line: str, offset: int, value: str) -> Span:
    start = offset + line.index(value)
    return Span(start, start + len(value))


def _read_signature(lines: list[tuple[str, int]]) -> _Signature:
    signature = _Signature()
    for index, (line, offset) in enumerate(lines):
        email = EMAIL.search(line)
        phone = _PHONE_LINE.match(line) or _BARE_PHONE.match(line)
        name = _NAME.match(line)
        if email:
            signature.email = signature.email or (
                email.group(),
                Span(offset + email.start(), offset + email.end()),
            )
        elif phone:
            label = phone.groupdict().get("label") or "phone"
            signature.phones.append(
                (label.lower(), phone["v"].strip(), _span_of(line, offset, phone["v"].strip()))
            )
        elif index == 0 and name and not COMPANY_SUFFIX.search(line):
            signature.contact = (name["name"], _span_of(line, offset, name["name"]))
        elif signature.company is None and COMPANY_SUFFIX.search(line) and ":" not in line:
            company = line.strip()
            signature.company = (company, _span_of(line, offset, company))
    return signature


def _domain_label(address: str) -> str:
    parts = address.rsplit("@", 1)[-1].lower().split(".")
    return re.sub(r"[^a-z0-9]", "", parts[-2] if len(parts) >= 2 else parts[0])


def matches_domain(company: str, addresses: list[str]) -> bool:
    """Whether a company name fits a mail domain ("Global Fabrication Inc" ~ globalfab.com)."""
    key = re.sub(r"[^a-z0-9]", "", company.lower())
    first_word = re.sub(r"[^a-z0-9]", "", company.split()[0].lower()) if company.split() else ""
    for address in addresses:
        label = _domain_label(address)
        if len(label) >= 4 and (label in key or (len(first_word) >= 4 and label.startswith(first_word))):
            return True
    return False


def _labelled(text: str, spans: tuple[tuple[int, int], ...], name: str) -> list[tuple[str, Span]]:
    found = []
    for start, end in spans:
        for match in _LABELLED[name].finditer(text, start, end):
            value = match["v"].strip()
            found.append((value, Span(match.start("v"), match.start("v") + len(value))))
    return found


def read_customer(
    document: Document, spans: tuple[tuple[int, int], ...], evidence: dict[str, Span]
) -> Customer:
    """The customer of the newest message (``spans``), recording where each field was read."""
    text = document.text
    signature = _read_signature(_signature_lines(_paragraphs(text, spans)))
    sender = parseaddr(document.sender)[1]
    picks: dict[str, tuple[str, Span | None] | None] = {
        "contact": signature.contact or _first_name(_labelled(text, spans, "contact")),
        "email": signature.email
        or next(iter(_labelled(text, spans, "email")), None)
        or (sender and (sender, None)),
        "phone": _best_phone(signature) or next(iter(_labelled(text, spans, "phone")), None),
    }
    addresses = [value[0] for value in (picks["email"],) if value] + ([sender] if sender else [])
    companies = ([signature.company] if signature.company else []) + _labelled(text, spans, "company")
    picks["company"] = next((c for c in companies if matches_domain(c[0], addresses)), None) or (
        companies[0] if companies else None
    )
    customer = Customer()
    for name, pick in picks.items():
        if pick:
            setattr(customer, name, pick[0])
            if pick[1] is not None:
                evidence[f"customer.{name}"] = pick[1]
    return customer


def _first_name(labelled: list[tuple[str, Span]]) -> tuple[str, Span] | None:
    for value, span in labelled:
        name = _NAME.match(value)
        if name:
            start = span.start + value.index(name["name"])
            return name["name"], Span(start, start + len(name["name"]))
    return None


def _best_phone(signature: _Signature) -> tuple[str, Span] | None:
    """A desk calls the office line first: phone/tel/direct before cell/mobile; never a fax."""
    ranked = sorted(signature.phones, key=lambda phone: phone[0] in ("cell", "mobile", "mob"))
    return (ranked[0][1], ranked[0][2]) if ranked else None
