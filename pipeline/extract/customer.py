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
from functools import partial

from pipeline.extract.blocks import line_fields
from pipeline.extract.company import (
    COMPANY_WORD,
    LEGAL_FORM,
    TITLE_WORDS,
    block_companies,
    company_in,
    introduced_company,
)
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
    r"thanks(?:\s+again)?|thank\s+you|sincerely|cheers|best|respectfully|yours\s+truly|best\s+wishes|"
    r"all\s+the\s+best|thx|"
    # other languages' sign-offs: Spanish, French, Italian, German, Dutch, Polish, Portuguese
    r"(?:un\s+)?saludos?(?:\s+cordiales)?|atentamente|gracias|cordialement|salutations|merci|"
    r"(?:distinti|cordiali)\s+saluti|grazie|(?:viele|beste|freundliche)\s+grüße|mfg|"
    r"met\s+vriendelijke\s+groet(?:en)?|pozdrawiam|atenciosamente|obrigad[oa])"
)
_LETTERHEAD_LINES = 8  # a pasted PO's letterhead comes after a line or two of covering note
_SIGNATURE_LINES = 8  # a signature is a few lines: name, title, company, address, phones
_SIGN_OFF_LINE = re.compile(rf"^\s*{_SIGN_OFF}(?:\s*/\s*{_SIGN_OFF})*[\s,!.]*$", re.IGNORECASE)
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Ing)\.?\s+)"
_CREDENTIAL = r"(?:,?\s*(?:P\.?\s?Eng|PE|P\.E\.|PhD|Ph\.D\.|MBA|CPSM|CPM|Jr\.?|Sr\.?))"
_NAME = re.compile(
    rf"^\s*{_HONORIFIC}?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){{1,2}}){_CREDENTIAL}?\s*,?\s*$"
)
_FIRST_NAME = re.compile(r"[A-Z][a-z]{1,14}")
_LABELS = {
    "company": re.compile(r"(?:customer|company|client)(?:\s+name)?"),
    # an ERP block's customer: taken only when the value looks like a company ("Buyer: Tom" is a contact)
    "block": re.compile(r"bill(?:ed)?\s+to|sold\s+to|invoice\s+to|buyer|purchaser|customer"),
    "contact": re.compile(r"(?:contact|buyer|requested\s+by|purchaser)(?:\s+name)?"),
    "email": re.compile(r"e-?mail(?:\s+address)?"),
    "phone": re.compile(r"phone|tel\.?|telephone|direct|office"),
}
_VALUES = {"email": EMAIL, "phone": re.compile(_PHONE_NUMBER)}
_NOT_A_PERSON = re.compile(
    r"\b(?:dept|department|team|sales|orders?|purchasing|procurement|info|office)\b", re.I
)
# every word capitalised, as a name is: "BLUE RIDGE HYDRAULICS LLC", "Ricci Meccanica S.r.l."
_NAME_WORD = r"(?:[A-Z0-9][\w.'’&/-]*,?|&|of|and|de|di|del|und)"
_CAPITALISED = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*")
_GENERIC_DOMAIN_LABELS = frozenset({"co", "com", "ac", "or", "ne", "gov", "org", "net", "edu"})
_END_OF_BODY = re.compile(
    r"^\s*(?:P\.?S\.?\b|_{3,}\s*$|This (?:e-?mail|message) (?:may )?contain|"
    r"(?:confidentiality|privacy)\s+(?:notice|note|warning)|disclaimer\s*:|please consider the environment)",
    re.I,
)
# a quoted message's own head: its rule line, "From:/Sent:/To:/Subject:" block or "On … wrote:"
_MESSAGE_HEAD = re.compile(
    r"(?:[ \t>]*(?:_{3,}|-{3,}[^\n]*|(?:From|Sent|To|Cc|Subject|Date|Von|Gesendet|An|Betreff)\s*:[^\n]*"
    r"|On\s[^\n]*wrote:|Am\s[^\n]*schrieb[^\n]*:)?[ \t]*\n)*",
    re.IGNORECASE,
)
_SIGNATURE_DELIMITER = re.compile(r"^\s*-{2,3}\s*$")  # "-- ": the signature follows, a paragraph of its own


@dataclass
class _Signature:
    contact: tuple[str, Span] | None = None
    company: tuple[str, Span] | None = None
    email: tuple[str, Span] | None = None
    phones: list[tuple[str, str, Span]] = field(default_factory=list)  # (label, number, span)


_QUOTE_MARKS = re.compile(r"(?:[ \t]*>)+[ \t]?")


def _past_head(text: str, start: int, end: int) -> int:
    """Where a quoted message's own words begin, past its head (see ``_MESSAGE_HEAD``)."""
    head = _MESSAGE_HEAD.match(text, start, end)
    return min(head.end(), end) if head else start


def _paragraphs(text: str, spans: tuple[tuple[int, int], ...]) -> list[list[tuple[str, int]]]:
    """Paragraphs (lists of (line, offset)) of the newest message, up to a P.S. or a disclaimer; a
    quoted message's lines without their "> " marks."""
    paragraphs: list[list[tuple[str, int]]] = []
    for start, end in spans:
        current: list[tuple[str, int]] = []
        position = start
        for line in text[start:end].split("\n"):
            marks = quoted.end() if (quoted := _QUOTE_MARKS.match(line)) else 0
            raw = line[marks:]
            if _END_OF_BODY.match(raw):
                break
            if raw.strip() and not _SIGNATURE_DELIMITER.match(raw):
                current.append((raw, position + marks))
            elif current:
                paragraphs.append(current)
                current = []
            position += len(line) + 1
        if current:
            paragraphs.append(current)
    return paragraphs


def _signature_lines(paragraphs: list[list[tuple[str, int]]]) -> list[tuple[str, int]]:
    """The lines of the signature block: after the last sign-off, a closing name block, or a
    closing block with a phone number or address in it."""
    last = paragraphs[-4:]
    for index in range(len(last) - 1, -1, -1):
        paragraph = last[index]
        sign_off = next((i for i, (line, _) in enumerate(paragraph) if _SIGN_OFF_LINE.match(line)), None)
        if sign_off is not None:  # the name under the sign-off, and the blocks after it
            rest = paragraph[sign_off + 1 :] + [line for later in last[index + 1 :] for line in later]
            return _split_pipes(rest[:_SIGNATURE_LINES])
        lines = _split_pipes(paragraph)
        if lines and _NAME.match(lines[0][0]) and len(lines) <= 8:
            return lines
        if (
            2 <= len(lines) <= 8
            and _FIRST_NAME.fullmatch(lines[0][0].strip().capitalize())
            and (company_in(lines[1][0]) or _TITLE_CASE_NAME.fullmatch(lines[1][0].strip()))
        ):
            return lines  # "Dale" / "Lakeshore Machine & Tool", "joe" / "Iron Ridge Railings & Ornamental"
    # a covering note's sign-off above a pasted document ("thanks / Rudy" over the PO's text)
    for index in range(len(paragraphs) - len(last) - 1, -1, -1):
        paragraph = paragraphs[index]
        sign_off = next((i for i, (line, _) in enumerate(paragraph) if _SIGN_OFF_LINE.match(line)), None)
        if sign_off is not None:
            below = [line for later in paragraphs[index + 1 : index + 3] for line in later]
            rest = paragraph[sign_off + 1 :] + below
            return _split_pipes(rest[:_SIGNATURE_LINES])
    closing = last[-1] if last else []
    contacts = (
        EMAIL.search(line) or _PHONE_LINE.match(line) or _BARE_PHONE.match(line) for line, _ in closing
    )
    if 2 <= len(closing) <= _SIGNATURE_LINES and any(contacts):
        return closing
    return []


def _split_pipes(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A one-line signature "Luis Ortega | Gulf Coast Valve Co. | 713-555-0121" as lines."""
    split = []
    for line, offset in lines:
        position = 0
        for part in line.split("|"):
            if part.strip():
                split.append((part.strip(), offset + position + part.index(part.strip())))
            position += len(part) + 1
    return split


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
        elif index == 0 and name and not _has_company_marks(line):
            signature.contact = (name["name"], _span_of(line, offset, name["name"]))
        elif (company := _company_of_line(line)) and (
            signature.company is None
            or (LEGAL_FORM.search(company) and not LEGAL_FORM.search(signature.company[0]))
        ):  # "Mechanical Design" (a department) then "Delta Automation Inc.": the legal name
            signature.company = (company, _span_of(line, offset, company))
    if signature.company is None:
        signature.company = _named_under(lines, signature)
    return signature


_TITLE_CASE_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:&|and|of|de|[A-Z][\w'’.-]*))+")


def _company_of_line(line: str) -> str | None:
    """A company a signature line names (not a labelled field's: "Supplier: Mercer Metals")."""
    return company_in(line) if ":" not in line else None


def _named_under(lines: list[tuple[str, int]], signature: _Signature) -> tuple[str, Span] | None:
    """The company a signature names without a legal form or trade word: the Title Case line right
    under the person's name ("Dale" / "Tri-County Trailer Repair"), not a title, street or city."""
    for index, (line, _) in enumerate(lines[:-1]):
        first_name = index == 0 and len(line.split()) == 1 and line.strip().capitalize().istitle()
        if not (_NAME.match(line) or first_name):
            continue
        for below, at in lines[index + 1 : index + 3]:  # the company, or a title then the company
            name = below.strip()
            if TITLE_WORDS.search(name):
                continue
            plain = _TITLE_CASE_NAME.fullmatch(name) and not re.search(r"\d|@", name)
            if plain and 2 <= len(name.split()) <= 6:
                return name, _span_of(below, at, name)
            break
    return None


def _has_company_marks(line: str) -> bool:
    return bool(LEGAL_FORM.search(line) or COMPANY_WORD.search(line))


def _domain_label(address: str) -> str:
    """The name part of a mail domain: "globalfab" of globalfab.com, "yamada-seisakusho" of .co.jp."""
    parts = address.rsplit("@", 1)[-1].lower().split(".")[:-1] or [""]
    while len(parts) > 1 and parts[-1] in _GENERIC_DOMAIN_LABELS:
        parts.pop()
    return re.sub(r"[^a-z0-9]", "", parts[-1])


def matches_domain(company: str, addresses: list[str]) -> bool:
    """Whether a company name fits a mail domain ("Global Fabrication Inc" ~ globalfab.com)."""
    key = re.sub(r"[^a-z0-9]", "", company.lower())
    first_word = re.sub(r"[^a-z0-9]", "", company.split()[0].lower()) if company.split() else ""
    for address in addresses:
        label = _domain_label(address)
        if len(label) >= 4 and (label in key or (len(first_word) >= 4 and label.startswith(first_word))):
            return True
    return False


def _labelled_fields(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[str, str, Span]]:
    """Every (label, value, span) written as ``Label: value`` in ``spans``, in reading order."""
    found = []
    for start, end in spans:
        position = start
        for raw in text[start:end].split("\n"):
            for labelled in line_fields(text, position, position + len(raw)):
                value = text[labelled.start : labelled.end].strip()
                value_start = labelled.start + text[labelled.start : labelled.end].find(value)
                found.append((labelled.label, value, Span(value_start, value_start + len(value))))
            position += len(raw) + 1
    return found


def _labelled(fields: list[tuple[str, str, Span]], name: str) -> list[tuple[str, Span]]:
    """Values of the fields labelled for ``name`` ("Buyer: Tom Kessler" for a contact)."""
    found = []
    pattern = _VALUES.get(name)
    for label, value, span in fields:
        if not _LABELS[name].fullmatch(label):
            continue
        match = pattern.search(value) if pattern else None
        if match is not None:
            found.append((match.group(), Span(span.start + match.start(), span.start + match.end())))
        elif pattern is None and value:
            found.append((value, span))
    return found


def _letterhead(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, Span] | None:
    """A company name heading the document (a PDF purchase order's letterhead), within its first
    lines, or in the first column of one ("Fairview Tooling Solutions      PO Num: 102334")."""
    for start, end in spans[:1]:
        lines = [match for match in re.finditer(r"[^\n]*\S[^\n]*", text[start:end])]
        body = [
            m
            for m in lines
            if not re.match(r"\s*(?:From|To|Subject|Date|Cc|Sent|Priority):", m.group(), re.I)
        ]
        for match in body[:_LETTERHEAD_LINES]:
            line = re.split(r"\s{3,}", match.group().strip())[0]
            if _CAPITALISED.fullmatch(line) and company_in(line) and len(line.split()) <= 6:
                offset = start + match.start() + match.group().index(line)
                return line, Span(offset, offset + len(line))
    return None


def _person(display_name: str) -> str | None:
    """The From header's display name when it names a person, not a department."""
    name = display_name.strip().strip('"')
    is_person = len(name.split()) >= 2 and not (_NOT_A_PERSON.search(name) or _has_company_marks(name))
    return name if is_person else None


def read_customer(
    document: Document,
    spans: tuple[tuple[int, int], ...],
    evidence: dict[str, Span],
    earlier: tuple[tuple[int, int], ...] = (),
    history: tuple[tuple[int, int], ...] = (),
) -> Customer:
    """The customer of the newest message (``spans``), recording where each field was read.

    ``earlier`` is a forwarded message: its signature names the company when the newest does not.
    ``history`` are the quoted messages, newest first: a customer who signs only his first name
    in a reply signed his company below, and a desk forwarding a thread is not the customer.
    """
    text = document.text
    signature = _read_signature(_signature_lines(_paragraphs(text, spans)))
    display_name, sender = parseaddr(document.sender)
    if "@" not in sender:  # "From: Acme Tool Works", a name without an address
        display_name, sender = document.sender, ""
    fields = _labelled_fields(text, spans)
    person = _person(display_name)
    picks: dict[str, tuple[str, Span | None] | None] = {
        "contact": signature.contact
        or _first_name(_labelled(fields, "contact"))
        or (person and (person, None)),
        "email": signature.email
        or next(iter(_labelled(fields, "email")), None)
        or (sender and (sender, None)),
        "phone": _best_phone(signature) or next(iter(_labelled(fields, "phone")), None),
    }
    addresses = [value[0] for value in (picks["email"],) if value] + ([sender] if sender else [])
    labelled = _labelled(fields, "company") + [
        (company, span)
        for value, span in _labelled(fields, "block")
        if (company := company_in(value)) == value
    ]
    named = _company(text, spans, earlier, signature, addresses, labelled, _recipients(document, addresses))
    internal = _internal(document, sender)
    if internal or not named:  # a salesperson forwarding the customer's mail, or a bare reply
        quoted = (
            signed
            for a, b in ((_past_head(text, a, b), b) for a, b in (*earlier, *history))
            if (signed := _read_signature(_signature_lines(_paragraphs(text, ((a, b),)))).company)
            and (internal or matches_domain(signed[0], addresses))
        )
        named = next(quoted, None) or named
    fits_sender = partial(matches_domain, addresses=addresses)
    named = named or next(filter(None, (introduced_company(text, a, b, fits_sender) for a, b in spans)), None)
    picks["company"] = named or (company_in(display_name) and (display_name.strip().strip('"'), None))
    customer = Customer()
    for name, pick in picks.items():
        if pick:
            setattr(customer, name, pick[0])
            if pick[1] is not None:
                evidence[f"customer.{name}"] = pick[1]
    return customer


def _company(
    text: str,
    spans: tuple[tuple[int, int], ...],
    earlier: tuple[tuple[int, int], ...],
    signature: _Signature,
    addresses: list[str],
    labelled: list[tuple[str, Span]],
    recipients: list[str],
) -> tuple[str, Span] | None:
    """Of the companies named (signature, "Customer:" labels, a "Bill To" block, letterhead), the
    one matching the sender's mail domain, else the first; never one matching a recipient's domain
    (the supplier's own). A forwarded message's company counts only if it matches the sender."""
    own = ([signature.company] if signature.company else []) + labelled + block_companies(text, spans)
    own += [found] if (found := _letterhead(text, spans)) else []
    own = [company for company in own if not matches_domain(company[0], recipients)]
    forwarded = _read_signature(_signature_lines(_paragraphs(text, earlier))).company if earlier else None
    candidates = own + ([forwarded] if forwarded else [])
    matching = next((company for company in candidates if matches_domain(company[0], addresses)), None)
    return matching or (own[0] if own else None)


def _internal(document: Document, sender: str) -> bool:
    """Whether the sender writes from the mail domain of the one they write to: the supplier's own
    people passing a customer's mail on (a customer copying a colleague writes To the supplier)."""
    found = EMAIL.findall(document.headers.get("To", ""))
    return (
        bool(found)
        and "@" in sender
        and found[0].rsplit("@", 1)[-1].lower() == sender.rsplit("@", 1)[-1].lower()
    )


def _recipients(document: Document, addresses: list[str]) -> list[str]:
    """The To and Cc addresses outside the sender's own mail domain: the supplier's."""
    own = {address.rsplit("@", 1)[-1].lower() for address in addresses}
    found = EMAIL.findall(f"{document.headers.get('To', '')} {document.headers.get('Cc', '')}")
    return [address for address in found if address.rsplit("@", 1)[-1].lower() not in own]


def _first_name(labelled: list[tuple[str, Span]]) -> tuple[str, Span] | None:
    for value, span in labelled:
        name = _NAME.match(value)
        if name and not _has_company_marks(value):
            start = span.start + value.index(name["name"])
            return name["name"], Span(start, start + len(name["name"]))
    return None


def _best_phone(signature: _Signature) -> tuple[str, Span] | None:
    """A desk calls the office line first: phone/tel/direct before cell/mobile; never a fax."""
    ranked = sorted(signature.phones, key=lambda phone: phone[0] in ("cell", "mobile", "mob"))
    return (ranked[0][1], ranked[0][2]) if ranked else None
