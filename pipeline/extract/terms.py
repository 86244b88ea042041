"""Commercial terms in the newest message: urgency, payment terms and required certifications.

Each is read as canonical names ("Net 30", "EN 10204 3.1") with the span of the phrase that said so.
Urgency is the strongest level any phrase justifies: emergency ("line down", "tonight", "AOG"),
rush ("urgent", "ASAP", "expedite", "Priority: HIGH", "need it tomorrow"), else standard; "critical
for compatibility" is about a size, not a date, so only "critical order/project/delivery" counts. A
negated phrase ("no rush", "no expedite charges are authorized") counts for nothing (``negation``).

Phrases are lower-case patterns matched on ``fold()``-ed text (see ``vocabulary``): each
alternative starts with a literal so the regex engine can skip ahead to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extract.negation import negated
from pipeline.extract.vocabulary import Table, fold, table
from pipeline.models import Span, Urgency

_EMERGENCY = table(
    (
        (r"emergency", "emergency", ("emergency",)),
        (
            r"(?:production\s+|assembly\s+|primary\s+production\s+)?line\s+(?:#?\d{1,2}\s+|[a-z]\s+)?(?:is\s+)?down",
            "emergency",
            ("down",),
        ),
        (
            r"(?:plant|machines?|production|press|mill)\s+(?:is\s+|are\s+|has\s+|have\s+|went\s+)?"
            r"(?:down|shut\s*down|stopped)|l[ií]nea\s+(?:de\s+producci[oó]n\s+)?parada|"
            r"(?:maschine|anlage|linie)\s+steht|macchina\s+ferma|linea\s+ferma",
            "emergency",
            ("down", "stopped", "parada", "steht", "ferma"),
        ),
        (r"aog|aircraft\s+on\s+ground|tonight", "emergency", ("aog", "aircraft", "tonight")),
    )
)
_RUSH = table(
    (
        (
            r"urgent(?:ly|e|emente)?|urgence|dringend|eilig|pilne|spoed|rush|asap|as\s+soon\s+as\s+possible|"
            r"expedite[ds]?|hot\s+(?:order|job)|lo\s+antes\s+posible|al\s+pi[uù]\s+presto",
            "rush",
            (
                "urgent",
                "urgence",
                "dringend",
                "eilig",
                "pilne",
                "spoed",
                "rush",
                "asap",
                "soon",
                "expedite",
                "hot",
                "antes",
                "presto",
            ),
        ),
        (r"priority\s*:\s*(?:high|critical|urgent)", "rush", ("priority",)),
        (
            r"critical\s+(?:order|projects?|delivery|need|timeline|repair)|time[-\s]critical",
            "rush",
            ("critical",),
        ),
        # (not a supplier's "all in stock, ships next day")
        (r"(?<!ships\s)(?<!shipping\s)(?<!shipped\s)(?:same[-\s]day|next[-\s]day)", "rush", ("day",)),
        (  # "need it by tomorrow", "required on site today", "can i pick up tomorrow morning", "need it
            # on site this arvo" — not "quote by tomorrow"
            # ("need this on the truck tomorrow", "can we get this tomorrow morning")
            r"(?:need(?:ed|s)?|required|ship(?:ped)?|deliver(?:ed|y)?|arrive|pick(?:\s+(?:it|them))?\s+up|"
            r"(?:can|could)\s+(?:we|i|you)\s+(?:get|have))"
            r"(?:\s+(?!quot|pric|offer|info|draw|answer|call)[a-z']+){0,4}?\s+(?:by\s+|for\s+)?"
            r"(?:today|tomorrow|tmrw|tmr|this\s+(?:arvo|afternoon))(?!['’])"
            r"|out\s+(?:by\s+)?(?:today|tomorrow|tmrw|tmr)(?!['’])",
            "rush",
            ("today", "tomorrow", "tmr"),
        ),
        (  # "get it on tomorrow's truck", "first truck tomorrow morning", "on today's route"
            r"(?:on|for)\s+(?:the\s+)?(?:today|tomorrow|tmrw)['’]?s\s+(?:truck|delivery|route|run)|"
            r"first\s+truck\s+(?:today|tomorrow|tmrw)",
            "rush",
            ("today", "tomorrow", "tmrw"),
        ),
    )
)
_HIGH_PRIORITY_HEADERS = (
    ("X-Priority", re.compile(r"^\s*[12]\b")),
    ("Importance", re.compile(r"high", re.I)),
    ("Priority", re.compile(r"high|urgent", re.I)),
)

_PAYMENT_TERMS = table(
    (
        (
            r"(?P<p>\d(?:\.\d)?)\s?%\s?(?P<d>\d{1,2})(?:\s?days)?,?\s?net\s?(?P<n>\d{1,3})",
            "{p}% {d} Net {n}",
            ("net",),
        ),
        (r"net\s?(?P<n>\d{1,3})(?:\s?days)?", "Net {n}", ("net",)),
        (r"(?P<n>\d{1,3})\s?days\s+net", "Net {n}", ("net",)),
        (r"c\.?o\.?d\.?(?![\w.])|cash\s+on\s+delivery", "COD", ("cod", "c.o.d", "cash")),
        (r"credit\s+card|visa|mastercard|amex", "credit card", ("credit", "visa", "mastercard", "amex")),
        (r"wire\s+transfer|bank\s+transfer", "wire transfer", ("transfer",)),
        (r"letter\s+of\s+credit|l/c", "letter of credit", ("letter", "l/c")),
        (r"prepa(?:id|yment)|payment\s+in\s+advance|cash\s+in\s+advance", "prepaid", ("prepa", "advance")),
        (r"due\s+(?:up)?on\s+receipt", "due on receipt", ("receipt",)),
    )
)

_CERTIFICATIONS = table(
    (
        (r"(?:en|din)\s?10204\b[^.\n]{0,25}?\b3\.2", "EN 10204 3.2", ("10204",)),
        (
            r"(?:en|din)\s?10204\b[^.\n]{0,25}?\b3\.1(?:\s?b)?|3\.1\s?b?\s+(?:mill\s+)?cert\w*",
            "EN 10204 3.1",
            ("10204", "3.1"),
        ),
        (r"(?:en|din)\s?10204\b[^.\n]{0,25}?\b2\.2", "EN 10204 2.2", ("10204",)),
        (r"c?mtrs?", "MTR", ("mtr",)),
        (
            r"(?:mill|material)\s+(?:test\s+)?(?:certs?|certificates?|certifications?|test\s+reports?)",
            "MTR",
            ("cert", "report"),
        ),
        (r"certified\s+(?:mill\s+)?test\s+reports?|test\s+reports?", "MTR", ("report",)),
        (
            r"c\s?of\s?c|coc|certificates?\s+of\s+(?:compliance|conformance|conformity)",
            "CoC",
            ("c of c", "cofc", "coc", "certificate"),
        ),
        (r"dfars|specialty\s+metals?\s+clause|252\.225-70(?:09|14)", "DFARS", ("dfars", "specialty", "252.")),
        (r"itar", "ITAR", ("itar",)),
        (r"(?:nace\s?)?mr[-\s]?0175|iso\s?15156", "NACE MR0175", ("0175", "15156")),
        (r"(?:nace\s?)?mr[-\s]?0103", "NACE MR0103", ("0103",)),
        (r"as\s?9100[a-d]?", "AS9100", ("9100",)),
        (r"iso\s?9001", "ISO 9001", ("9001",)),
        (r"asme\s+(?:section|sec\.?)\s+ii", "ASME Section II", ("asme",)),
        (r"rohs", "RoHS", ("rohs",)),
    )
)


def _found(folded: str, spans: Iterable[tuple[int, int]], phrases: Table) -> list[tuple[str, re.Match[str]]]:
    """(name, match) of every phrase in ``spans``, in reading order."""
    return sorted(
        (pair for start, end in spans for pair in phrases.matches(folded, start, end)),
        key=lambda pair: pair[1].start(),
    )


def urgency(
    text: str, spans: tuple[tuple[int, int], ...], subject: str, headers: dict[str, str]
) -> tuple[Urgency, list[str], Span | None]:
    """The urgency level, the phrases that justify it, and where the first phrase is."""
    folded, folded_subject = fold(text), fold(subject)
    for level, phrases in (("emergency", _EMERGENCY), ("rush", _RUSH)):
        found = [m for _, m in _found(folded, spans, phrases) if not negated(folded, m.start(), m.end())]
        written = [
            subject[m.start() : m.end()]
            for _, m in phrases.matches(folded_subject)
            if not negated(folded_subject, m.start(), m.end())
        ]
        written += [text[match.start() : match.end()] for match in found]
        if written:
            span = Span(found[0].start(), found[0].end()) if found else None
            unique = {phrase.strip().lower(): phrase.strip() for phrase in reversed(written)}
            return level, list(reversed(unique.values())), span  # type: ignore[return-value]
    for name, regex in _HIGH_PRIORITY_HEADERS:
        if regex.search(headers.get(name, "")):
            return "rush", [f"{name}: {headers[name]}"], None
    return "standard", [], None


def payment_terms(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str | None, Span | None]:
    """Canonical payment terms in the order written ("COD, credit card, wire transfer")."""
    names: list[str] = []
    first, last, taken_until = None, None, -1
    for name, match in _found(fold(text), spans, _PAYMENT_TERMS):
        if match.start() < taken_until:  # "2% 10 Net 30" is one term, not also "Net 30"
            continue
        taken_until = match.end()
        names.append(name.format(**{key: value for key, value in match.groupdict().items() if value}))
        first, last = first or match, match
    if first is None or last is None:
        return None, None
    return ", ".join(dict.fromkeys(names)), Span(first.start(), last.end())


def certifications(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[str, Span]]:
    """Required certifications, canonical names in the order written, each with its span.

    An EN 10204 certificate *is* a mill test report, so "EN 10204 3.1 material certificates"
    gives one certification, not two.
    """
    found = _found(fold(text), spans, _CERTIFICATIONS)
    en_lines = {text.rfind("\n", 0, match.start()) for name, match in found if name.startswith("EN 10204")}
    seen: dict[str, Span] = {}
    for name, match in found:
        if not (name == "MTR" and text.rfind("\n", 0, match.start()) in en_lines):
            seen.setdefault(name, Span(match.start(), match.end()))
    return list(seen.items())
