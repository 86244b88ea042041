"""Commercial terms in the newest message: urgency, payment terms and required certifications.

Each is read as canonical names ("Net 30", "EN 10204 3.1") with the span of the phrase that said so.
Urgency is the strongest level any phrase justifies: emergency ("line down", "tonight", "AOG"),
rush ("urgent", "ASAP", "expedite", "Priority: HIGH"), else standard; "critical for compatibility"
is about a size, not a date, so only "critical order/project/delivery" counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.models import Span, Urgency

_EMERGENCY = re.compile(
    r"\bemergency\b|\b(?:production\s+|assembly\s+|primary\s+production\s+)?line\s+(?:is\s+)?down\b|"
    r"\b(?:plant|machine|production)\s+(?:is\s+)?(?:down|shut\s*down|stopped)\b|\bAOG\b|"
    r"\baircraft\s+on\s+ground\b|\btonight\b",
    re.IGNORECASE,
)
_RUSH = re.compile(
    r"\burgent(?:ly)?\b|\brush\b|\bASAP\b|\bas\s+soon\s+as\s+possible\b|\bexpedite[ds]?\b|\bhot\s+(?:order|job)\b|"
    r"\bpriority\s*:\s*(?:high|critical|urgent)\b|\bcritical\s+(?:order|projects?|delivery|need|timeline|repair)\b|"
    r"\btime[-\s]critical\b|\bsame[-\s]day\b|\bnext[-\s]day\b",
    re.IGNORECASE,
)
_HIGH_PRIORITY_HEADERS = (
    ("X-Priority", re.compile(r"^\s*[12]\b")),
    ("Importance", re.compile(r"high", re.I)),
    ("Priority", re.compile(r"high|urgent", re.I)),
)

_PAYMENT_TERMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(regex, re.IGNORECASE))
    for name, regex in (
        (
            "{p}% {d} Net {n}",
            r"(?P<p>\d(?:\.\d)?)\s?%\s?(?P<d>\d{1,2})(?:\s?days)?,?\s?net\s?(?P<n>\d{1,3})\b",
        ),
        ("Net {n}", r"\bnet\s?(?P<n>\d{1,3})(?:\s?days)?\b|\b(?P<n2>\d{1,3})\s?days\s+net\b"),
        ("COD", r"\bC\.?O\.?D\.?(?![\w.])|\bcash\s+on\s+delivery\b"),
        ("credit card", r"\bcredit\s+card\b|\b(?:visa|mastercard|amex)\b"),
        ("wire transfer", r"\bwire\s+transfer\b|\bbank\s+transfer\b"),
        ("letter of credit", r"\bletter\s+of\s+credit\b|\bL/C\b"),
        ("prepaid", r"\bprepa(?:id|yment)\b|\bpayment\s+in\s+advance\b|\bcash\s+in\s+advance\b"),
        ("due on receipt", r"\bdue\s+(?:up)?on\s+receipt\b"),
    )
)

_CERTIFICATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(regex, re.IGNORECASE))
    for name, regex in (
        ("EN 10204 3.2", r"\b(?:EN|DIN)\s?10204\b[^.\n]{0,25}?\b3\.2\b"),
        (
            "EN 10204 3.1",
            r"\b(?:EN|DIN)\s?10204\b[^.\n]{0,25}?\b3\.1(?:\s?B)?\b|\b3\.1\s?B?\s+(?:mill\s+)?cert",
        ),
        ("EN 10204 2.2", r"\b(?:EN|DIN)\s?10204\b[^.\n]{0,25}?\b2\.2\b"),
        (
            "MTR",
            r"\bC?MTRs?\b|\bmill\s+(?:test\s+)?(?:certs?|certificates?|certifications?|test\s+reports?)\b|"
            r"\bmaterial\s+(?:test\s+)?(?:certs?|certificates?|certifications?|test\s+reports?)\b|"
            r"\bcertified\s+(?:mill\s+)?test\s+reports?\b|\btest\s+reports?\b",
        ),
        ("CoC", r"\bC\s?of\s?C\b|\bCoC\b|\bcertificates?\s+of\s+(?:compliance|conformance|conformity)\b"),
        ("DFARS", r"\bDFARS\b|\bspecialty\s+metals?\s+clause\b|\b252\.225-70(?:09|14)\b"),
        ("ITAR", r"\bITAR\b"),
        ("NACE MR0175", r"\b(?:NACE\s?)?MR[-\s]?0175\b|\bISO\s?15156\b"),
        ("NACE MR0103", r"\b(?:NACE\s?)?MR[-\s]?0103\b"),
        ("AS9100", r"\bAS\s?9100[A-D]?\b"),
        ("ISO 9001", r"\bISO\s?9001\b"),
        ("ASME Section II", r"\bASME\s+(?:Section|Sec\.?)\s+II\b"),
        ("RoHS", r"\bRoHS\b"),
    )
)


def _matches(text: str, spans: Iterable[tuple[int, int]], regex: re.Pattern[str]) -> list[re.Match[str]]:
    return [match for start, end in spans for match in regex.finditer(text, start, end)]


def urgency(
    text: str, spans: tuple[tuple[int, int], ...], subject: str, headers: dict[str, str]
) -> tuple[Urgency, list[str], Span | None]:
    """The urgency level, the phrases that justify it, and where the first phrase is."""
    for level, regex in (("emergency", _EMERGENCY), ("rush", _RUSH)):
        found = _matches(text, spans, regex)
        phrases = [match.group() for match in regex.finditer(subject)] + [match.group() for match in found]
        if phrases:
            span = Span(found[0].start(), found[0].end()) if found else None
            unique = {phrase.strip().lower(): phrase.strip() for phrase in reversed(phrases)}
            return level, list(reversed(unique.values())), span  # type: ignore[return-value]
    for name, regex in _HIGH_PRIORITY_HEADERS:
        if regex.search(headers.get(name, "")):
            return "rush", [f"{name}: {headers[name]}"], None
    return "standard", [], None


def payment_terms(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str | None, Span | None]:
    """Canonical payment terms in the order written ("COD, credit card, wire transfer")."""
    found: list[tuple[int, str, Span]] = []
    taken: list[tuple[int, int]] = []
    for name, regex in _PAYMENT_TERMS:
        for match in _matches(text, spans, regex):
            if any(a <= match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            groups = {key.rstrip("2"): value for key, value in match.groupdict().items() if value}
            found.append((match.start(), name.format(**groups), Span(match.start(), match.end())))
    if not found:
        return None, None
    found.sort()
    names = list(dict.fromkeys(name for _, name, _ in found))
    return ", ".join(names), Span(found[0][2].start, found[-1][2].end)


def certifications(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[str, Span]]:
    """Required certifications, canonical names in the order written, each with its span.

    An EN 10204 certificate *is* a mill test report, so "EN 10204 3.1 material certificates"
    gives one certification, not two.
    """
    found: list[tuple[int, str, Span]] = []
    en_lines: set[int] = set()
    for name, regex in _CERTIFICATIONS:
        for match in _matches(text, spans, regex):
            line = text.rfind("\n", 0, match.start())
            if name.startswith("EN 10204"):
                en_lines.add(line)
            elif name == "MTR" and line in en_lines:
                continue
            found.append((match.start(), name, Span(match.start(), match.end())))
    found.sort()
    seen: dict[str, Span] = {}
    for _, name, span in found:
        seen.setdefault(name, span)
    return list(seen.items())
