"""The customer's reference numbers: their purchase order, order reference and RFQ number.

A reference follows a label and has a digit in it ("PO limit", "PO box" are no references):

- a purchase order: PO, P.O., P/O, purchase order, Bestellung, orden de compra, bon de commande …;
- an order reference: "order no.", "Ord. n.", "Auftrags-Nr.", "our ref", "reference number" …
  — a label after "your", "sales" or "work" names someone else's number (the supplier's quote or
  sales order, a shop's work order), and a grade ("Ref: 6061-T6") is no reference;
- a request for quote: RFQ, enquiry, request for quotation, richiesta offerta, Anfrage …;
- a job number, labelled or named the reference ("Job #: 24-117"), when none of the others is given.

Its value is a run of letters and digits joined by ``- / . _`` ("CW-2291-B", "2025/118").
Patterns are lower-case, matched on ``fold()``-ed text.
"""

from __future__ import annotations

import re

from pipeline.extract.grades import find_grades
from pipeline.models import Span

_NUMBER_WORD = (
    r"(?:#|no\b\.?|nr\b\.?|n\s?[.°º]|nº|num(?:ber|ero|éro)?\b\.?|nummer|ref(?:erence)?\b\.?|id\b|code\b)"
)
# a value, perhaps with a short prefix set apart ("MTW 2519", "RDO 2024/117") — not a word of the
# sentence ("PO for 2 pcs", "PO dated 5/12")
_PREFIX = (
    r"(?:(?!(?:is|for|dated|date|on|of|the|to|and|was|per|from|in|at|by|ref|no|nr|num|as|rohr|tube|pipe|bar|"
    r"rod|rund|flat|hex|pl|ms|ss|box|po|oc|rfq|job|item|line|pos)\b)[a-z]{2,4}[ ](?=\d))"
)
_VALUE = rf"(?P<v>{_PREFIX}?[a-z0-9]+(?:[./_-][a-z0-9]+)*)"
# on the label's line; "Our order number is the same, NM-4471", "PO number for the below is …" too
_TAIL = (
    r"[ \t]*[:#：]?[ \t]*(?:for[ \t]+(?:the|this)[ \t]+(?:below|above|order)[ \t]+)?"
    r"(?:(?:is|remains|stays)[ \t]+(?:still[ \t]+)?(?:the[ \t]+same|unchanged)[ \t]*[,:;–-]?[ \t]*)?"
    rf"(?:(?:will\s+be|is|reads)[ \t]+)?{_VALUE}"
)
_NUMBERED = rf"(?![a-z])[ \t-]*(?:{_NUMBER_WORD}[ \t-]*)*{_TAIL}"
# a bare "order" needs a number word or a colon: "order 10 pcs" is no reference
_NUMBER_REQUIRED = rf"(?:(?![a-z])[ \t-]*(?:{_NUMBER_WORD}[ \t-]*)+|[ \t]*(?=:)){_TAIL}"

_PO_LABEL = (
    r"p\.?\s?o\.?|p/o|l\.?p\.?o\.?|purchase\s+order|bestell(?:ung|nummer|-?nr\.?)|orden\s+de\s+compra|"
    r"(?:pedido|ordem)\s+de\s+compra|"  # Portuguese
    r"采购订单号?|订单号|発注番号|주문번호|"  # Chinese, Japanese, Korean; LPO: the Gulf's local PO
    r"ordine\s+(?:d'acquisto|di\s+acquisto)|bon\s+de\s+commande|zam[oó]wienie|"
    r"o\.?c\.?(?=\s*[:#]|[ \t]+\d+[-/]\d)"  # "OC: 2025-0342", "OC 45-1187": orden de compra
)
_ORDER_LABEL = (
    r"order(?:nummer|nr\.?)?|ord\.|ordine|pedido|commande|cde|auftrags?|bestelling|bestelnummer|"
    r"(?:nota\s+de\s+)?encomenda|comand[aă]"
)
_RFQ_LABEL = (
    r"rfq|r\.f\.q\.|request\s+for\s+(?:a\s+)?quot(?:e|ation)|quote\s+request|enquiry|inquiry|"
    r"richiesta\s+(?:di\s+|d['’]\s*)?offerta|anfrage|solicitud\s+de\s+cotizaci[oó]n|demande\s+de\s+prix|"
    r"zapytanie(?:\s+ofertowe)?|rdo|"
    # Portuguese, French
    r"(?:pedido|solicita[cç][aã]o)\s+de\s+cota[cç][aã]o|demande\s+de\s+(?:cotation|devis)|"
    r"(?:offert)?f[öo]rfr[åa]gan|offerteaanvraag|foresp[øo]rsel"  # Swedish, Dutch, Danish/Norwegian
)

# "PO-4471", "PO-NL-2025-0088", "PO00219" and "RFQ-AC-0342" are the number as written, prefix and all
PO = (
    re.compile(r"(?P<v>po(?:-\d|\d{4}|-[a-z]{2,4}-\d)[\w/-]*)"),
    re.compile(rf"(?:{_PO_LABEL}){_NUMBERED}"),
    re.compile(r"(?P<v>\d[\w/-]*)[ \t]+is[ \t]+(?:the|our|my)[ \t]+p\.?o\b"),  # "job 22-118 is the po"
)
ORDER = (
    re.compile(rf"(?:{_ORDER_LABEL}){_NUMBER_REQUIRED}"),
    # or a value that is plainly a reference: joined parts with two digits or more ("our order
    # 2025/118", "order - RCT-0917"; not "order 10 pcs" nor "order 1/2 plate": see _first)
    re.compile(rf"(?:{_ORDER_LABEL})[ \t]*[-:]?[ \t]+(?P<v>{_PREFIX}?[a-z0-9]+(?:[./_-][a-z0-9]+)+)"),
    # or a long number, perhaps with a prefix, that ends a phrase ("Order 11482 - EN8 shafting",
    # "against our order 11482:", "Order HVE 6613"; not "order 2000 lbs")
    re.compile(rf"(?:{_ORDER_LABEL})[ \t]+(?P<v>{_PREFIX}?\d{{4,}})(?=[ \t]*(?:[-–—:,.;)]|$))", re.MULTILINE),
    re.compile(rf"(?:our|customer|client|buyer)\s+ref(?:erence)?\.?{_NUMBERED}"),
    re.compile(rf"ref(?:erence)?{_NUMBER_REQUIRED}"),
    re.compile(rf"(?:nostro\s+)?rif(?:erimento)?\.{_NUMBERED}"),  # Italian: "Rif. 112/24"
)
RFQ = (
    re.compile(r"(?P<v>rfq[-/](?:\d|[a-z]{2,4}[-/]\d)[\w/-]*)"),
    re.compile(rf"(?:{_RFQ_LABEL}){_NUMBERED}"),
)
# a fabricator's job number, labelled ("Job #: 24-117") or named the reference ("Job 2319 - …,
# reference job # on packing list"): the reference they ask for when they give no PO
JOB = (
    re.compile(rf"job{_NUMBER_REQUIRED}"),
    re.compile(r"job[ \t]+(?P<v>\d[\w/-]*)(?=[^\n]*\breference\s+(?:the\s+)?job)"),
)

_SIZE = re.compile(r"\d+(?:[ -]\d+)?/(?:2|4|8|16|32|64)")  # "1/2", "1-1/2": a size, never a reference
_SOMEONE_ELSES = frozenset({"your", "sales", "work", "shop", "production", "change", "job", "part", "item"})
_WORD_BEFORE = re.compile(r"([a-z]+)[^a-z\n]{0,3}$")


def _word_before(folded: str, position: int) -> str:
    found = _WORD_BEFORE.search(folded, max(0, position - 24), position)
    return found.group(1) if found else ""


def _is_grade(value: str) -> bool:
    return any(hit.start == 0 and hit.end == len(value) for hit in find_grades(value))


_EARLIER = re.compile(
    r"\b(?:same\s+as|repeat\s+of|re-?order\s+of|copy\s+of|previous|prior|last|old|original)\s+"
    r"(?:our\s+|the\s+|my\s+|your\s+)?$"
)


_NEW = re.compile(r"\bnew\s+$")


def _first(regex: re.Pattern[str], folded: str, start: int, end: int, generic: bool) -> re.Match[str] | None:
    """The first match that starts a word and passes the checks; a failed one does not consume the
    text after its label ("PO.\nPO Number: 4471" still finds 4471)."""
    while (match := regex.search(folded, start, end)) is not None:
        start = match.start() + 1
        if _acceptable(match, folded, generic):
            return match
    return None


def _acceptable(match: re.Match[str], folded: str, generic: bool) -> bool:
    """Whether a labelled value is the customer's reference: it starts a word, holds two digits or
    more, and is no size, grade, earlier order's number or someone else's number."""
    at, value = match.start(), match["v"]
    if at > 0 and (folded[at - 1].isalnum() or folded[at - 1] == "_"):
        return False
    if at > 1 and folded[at - 1] in "-/" and folded[at - 2].isalnum():
        return False  # the "PO-31457" inside "HMB-PO-31457": the whole is read after its own label
    if _SIZE.fullmatch(value) or sum(char.isdigit() for char in value) < 2:
        return False
    if _EARLIER.search(folded, max(0, at - 25), at):
        return False  # "same as PO 7731 from March … New PO is 7798": an earlier order's number
    if " " in value and _is_grade(value.split(" ", 1)[1]):
        return False  # "Anfrage Rohr 1.4571": a product and its grade, no reference
    return not (generic and (_word_before(folded, at) in _SOMEONE_ELSES or _is_grade(value)))


def find_reference(
    regexes: tuple[re.Pattern[str], ...],
    text: str,
    folded: str,
    spans: tuple[tuple[int, int], ...],
    generic: bool = False,
) -> tuple[str, Span] | None:
    """The first reference any of ``regexes`` finds at a word start in ``spans``, as written in
    ``text`` (at one position, the earlier regex wins).

    A ``generic`` label ("order no.", "ref", "RFQ") is skipped after someone else's word ("your
    order no.", "sales order no.") or when its value is a grade ("RFQ: Ti-6Al-4V bars").
    """
    renewed = [
        match
        for start, end in spans
        for regex in regexes
        for match in (regex.finditer(folded, start, end) if "new" in folded[start:end] else ())
        if _NEW.search(folded, max(0, match.start() - 6), match.start())
        and _acceptable(match, folded, generic)
    ]
    if renewed:  # "RE: PO 7731 … New PO is 7798": the new number wins over the one it replaces
        match = renewed[0]
        return text[match.start("v") : match.end("v")], Span(match.start("v"), match.end("v"))
    for start, end in spans:
        found = [match for regex in regexes if (match := _first(regex, folded, start, end, generic))]
        if found:
            match = min(found, key=lambda m: m.start())
            return text[match.start("v") : match.end("v")], Span(match.start("v"), match.end("v"))
    return None
