"""Phrases that change what the numbers and grades around them mean.

- superseded values: "change from 4140 to 4340", "we need 10, not 6", "instead of 8" — the old value
  is not the order's, and the line was revised;
- alternates: "if not available, 4340", "might accept 6063", "or equivalent" — one line with a
  substitute, not two lines;
- questions and holds: "Do you have any 410 in 8" round?", "let's put that on hold" — not orders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a grade or a number, with a unit if one is written: 4140, 8.000", 6 pcs, 316L, .090
_TOKEN = (
    r"(?:(?:[A-Za-z]{0,3}\d|(?<![\w.])\.\d)[\w.\-/]*"
    r"(?:\s?(?:\"|”|in\b|inch(?:es)?|mm|pcs|pieces|ft|feet|sheets|bars))?)"
)

# needles: words one of which must be in the text for any of these phrases to be there
_ALTERNATE_NEEDLES = ("available", "accept", "consider", "take", "substitut", "use", "alternat", "equ", "if ")
# (regex, words one of which it needs): "from 4140 to 4340", "10, not 6", "12 instead of 8" …
_SUPERSEDED = tuple(
    (re.compile(regex, re.IGNORECASE), needles)
    for regex, needles in (
        (
            r"\b(?:upgrad|downgrad|chang|switch|increas|decreas|reduc|revis|updat|mov)\w*"
            rf"(?:\s+\w+){{0,3}}?\s+from\s+(?P<old>{_TOKEN})(?:\s+to\s+(?P<new>{_TOKEN}))?",
            ("from",),
        ),
        (rf"\bfrom\s+(?P<old>{_TOKEN})\s+to\s+(?P<new>{_TOKEN})", ("from",)),
        (
            rf"\b(?:change|switch|swap|replace)\s+(?:the\s+)?(?P<old>{_TOKEN})\s+(?:to|with|for)\s+(?P<new>{_TOKEN})",
            ("change", "switch", "swap", "replace"),
        ),
        (rf"(?P<new>(?<![\w.]){_TOKEN}),?\s*\bnot\s+(?P<old>{_TOKEN})", ("not",)),
        (
            rf"(?:(?P<new>(?<![\w.]){_TOKEN})\s+)?\b(?:instead\s+of|rather\s+than|replac(?:es|ing))\s+(?:the\s+)?"
            rf"(?P<old>{_TOKEN})",
            ("instead", "rather", "replac"),
        ),
        (
            rf"\b(?:previously|originally|formerly)\s+(?:was\s+|were\s+)?(?P<old>{_TOKEN})",
            ("previously", "originally", "formerly"),
        ),
        (  # "… actually 3/16 is plenty, dont need the 1/4": the size given up, said last
            r"\b(?:don'?t|do\s+not)\s+need\s+the\s+(?P<old>\d+/\d+|\d*\.\d+)\s*(?:\"|”|in\b)?(?=\s*(?:[.,;!]|$))",
            ("need",),
        ),
    )
)

_SUPERSEDED_NEEDLES = frozenset(needle for _, needles in _SUPERSEDED for needle in needles)

_ALTERNATE = re.compile(
    r"""(?:\(\s*or\s+[^()\n,;]{1,40}?\s+(?=if\b))?  # "(or A36 if you do not have S275JR)": the offer too
    \(?\b(?:
        if\s+(?:(?:that|this|it|these|those|the\s+\w+|\w+)\s+)?(?:is\s+|are\s+)?(?:not|un)\s*available
      | if\s+(?:you\s+)?(?:don'?t|do\s+not|can'?t|cannot)\s+(?:have|get|find|supply)\b
      | (?:might|may|would|could|can)\s+(?:also\s+)?(?:accept|consider|take|substitute|use)\b
      | will\s+(?:also\s+)?(?:accept|consider|substitute)\b  # not "the framing will use L3x3 angle"
      | alternatively | alternate(?:ly)?\b | as\s+an?\s+alternat\w+ | substitute\s+with
      | or\s+(?:an?\s+)?equivalent | or\s+equal\b
    )[^.;?!\n)]*\)?""",
    re.IGNORECASE | re.VERBOSE,
)
_EQUIVALENT = re.compile(r"\bor\s+(?:an?\s+)?(?:equivalent|equal)\b", re.IGNORECASE)
ALTERNATES_HEADING = re.compile(
    r"alternat|substitut|backup\s+material|not\s+available|\bor\s+equivalent", re.I
)
QUESTIONS_HEADING = re.compile(r"\bquestions?\b", re.IGNORECASE)

_SENTENCE = re.compile(r"(?:[^.?!\n]|\.(?=\d))+(?:[.?!]+|$)")
_LIST_MARKER = re.compile(r"^[\s>*-]*\d{1,3}[.)]\s+")
_INTERROGATIVE = re.compile(
    r"^\W*(?:do|does|did|can|could|would|will|is|are|was|were|what|what's|which|how|"
    r"when|where|why|have|has|should|shall)\b",
    re.IGNORECASE,
)
_ASKS_SUPPLIER = re.compile(r"\b(?:can|could|do|does|would|will)\s+(?:you|we|your)\b", re.IGNORECASE)
# "Can you send 2 more of the 316 plates?" asks for goods: a request, not a question
_REQUEST = re.compile(
    r"\b(?:can|could|would|will)\s+you(?:\s+(?:guys|all|folks))?\s+(?:please\s+)?(?:kindly\s+)?(?:also\s+|just\s+)?(?:send|ship|deliver|supply|provide|quote|"
    r"cut|saw|shear|burn|add|include|get\s+(?:us|me)|order|enter|book|process|put\s+together|pull|pick|set\s+aside|"
    r"make\s+up|bring|drop\s+off|load|price|pack|run|have|throw\s+in|toss\s+in|tack\s+on)\b",
    re.IGNORECASE,
)
_ON_HOLD = re.compile(
    r"\bon\s+hold\b|\bhold\s+off\b|\bno\s+longer\s+need|\b(?:cancel(?:led)?|disregard)\b|"
    r"\bnot\s+(?:yet\s+)?(?:needed|required|ordering)\b|"
    # a table's note: "HOLD - do not order yet", "do not order"; "-- IGNORE, found two in the yard"
    r"\bdo\s+not\s+order\b|\bdon'?t\s+order\b|(?-i:\bHOLD\b)|"
    r"\bignore\b(?=[\s,-]+(?:found|have|got|already|not|no\b)|\s*$)|\bplease\s+ignore\b|"
    r"\A[\s>*•·-]*\(\s*(?:no|not|without)\s",  # "- (no 1/2\" sq pickets this time)": left out of the order
    re.IGNORECASE,
)

# letters without other case forms, one of them in every phrase of _ON_HOLD
_ON_HOLD_WORDS = ("hold", "need", "cancel", "regard", "not", "ignore", "(no", "( no", "(with")


@dataclass(frozen=True)
class Superseded:
    start: int  # of the old value
    end: int
    old: str
    new: str | None  # the value replacing it, when written ("to 4340", "10, not 6")


def superseded(text: str) -> list[Superseded]:
    """Old values the text replaces ("from 4140" in "change from 4140 to 4340"), once each."""
    found: dict[tuple[int, int], Superseded] = {}
    lower = text.lower()
    present = {needle for needle in _SUPERSEDED_NEEDLES if needle in lower}
    for regex, needles in _SUPERSEDED:
        if present.isdisjoint(needles):
            continue
        for match in regex.finditer(text):
            new = match["new"].strip().rstrip(".,;") if match.groupdict().get("new") else None
            key = (match.start("old"), match.end("old"))
            if key not in found or (new and not found[key].new):
                found[key] = Superseded(*key, match["old"].strip().rstrip(".,;"), new)
    for correction in _self_corrections(text, lower):
        found.setdefault((correction.start, correction.end), correction)
    return sorted(found.values(), key=lambda s: s.start)


# a writer correcting a value as they go: "36" long -- actually make it 40"", "6 pcs, sorry, 8 pcs",
# "3/8" plate 48 x 96, I mean 1/2"": the cue, then the new value
_CORRECTION = re.compile(
    r"[\s,;:(—–-]*\b(?:actually|sorry|i\s+mean|no\s+wait|correction|make\s+(?:it|that))\b[\s,:;-]*"
    rf"(?:(?:make|it'?s|should\s+be)\s+(?:it\s+|that\s+)?)?(?P<new>{_TOKEN})",
    re.IGNORECASE,
)
_CORRECTION_NEEDLES = ("actually", "sorry", "mean", "wait", "make it", "make that", "correction")
_ANY_TOKEN = re.compile(rf"\b{_TOKEN}")
_MEASURED = re.compile(r"\d\s?(?:\"|”|in\b|inch|mm|ft|feet)", re.IGNORECASE)
_COUNTED = re.compile(r"\d+\s?(?:pcs|pieces|sheets|bars)", re.IGNORECASE)
_BARE_SIZE = re.compile(r"\d+/\d+|\d*\.\d+")  # a fraction or a decimal, no unit


def _self_corrections(text: str, lower: str) -> list[Superseded]:
    """The value each correction replaces: the nearest before it in its sentence of the same kind
    (a size with a unit for a size, a bare fraction or decimal for one; a number of pieces for
    one); none when there is no such value."""
    if not any(needle in lower for needle in _CORRECTION_NEEDLES):
        return []
    found = []
    for match in _CORRECTION.finditer(text):
        new = match["new"].rstrip(".,;")
        if _MEASURED.search(new):
            kind = _MEASURED
        elif _BARE_SIZE.fullmatch(new):  # "1/4 5052 plate 24x48, actually 3/16 is plenty": a size
            kind = _BARE_SIZE
        elif _COUNTED.fullmatch(new):  # "make it 6" alone is not read as a count: nor replaces one
            kind = _COUNTED
        else:
            continue
        start = max(text.rfind(mark, 0, match.start()) for mark in (".\n", ". ", "\n\n", "!", "?")) + 1
        before = [
            token for token in _ANY_TOKEN.finditer(text, start, match.start()) if kind.search(token.group())
        ]
        if before:
            old = before[-1]
            found.append(Superseded(old.start(), old.end(), old.group().strip(), new))
    return found


def alternate_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of clauses that offer a substitute ("(if not available, will consider round bars)")."""
    lower = text.lower()
    if not any(needle in lower for needle in _ALTERNATE_NEEDLES):
        return []
    return [(match.start(), match.end()) for match in _ALTERNATE.finditer(text)]


def accepts_equivalent(text: str) -> bool:
    return "equ" in text.lower() and bool(_EQUIVALENT.search(text))  # most texts: no search at all


def is_question(text: str, position: int = 0) -> bool:
    """Whether the sentence of ``text`` at ``position`` asks the supplier something."""
    if "?" not in text:
        return False  # a question ends with one: most texts need no sentence splitting
    text = _LIST_MARKER.sub(lambda marker: " " * len(marker.group()), text, count=1)
    for sentence in _SENTENCE.finditer(text):
        if sentence.end() > position:
            stripped = sentence.group().strip()
            asks = _INTERROGATIVE.match(stripped) or _ASKS_SUPPLIER.search(stripped)
            return stripped.endswith("?") and bool(asks) and not _REQUEST.search(stripped)
    return False


# "- the 1/2 plate is fine", "the tube stays as is", "1.250 is fine on the 7075": a quoted line
# kept as it was, not a new one
_KEPT = re.compile(
    # "1.250 is fine on the 7075", "3/4\" hex stays the same at 8 pcs"
    r"^\W*(?:(?:the|that|your)\s+[^.;\n]{1,40}?|\d[\d./ -]{0,10}\"?(?:\s+[A-Za-z][\w-]{0,12}){0,2})\s+"
    r"(?:(?:is|are|looks?)\s+(?:fine|good|ok(?:ay)?|correct|right|perfect)"
    r"|stays?\s+(?:as[\s-]+is|the\s+same)|(?:is|are)\s+as\s+quoted)\b",
    re.IGNORECASE,
)


# "we already have the HSS and the 1/2\" plate in stock", "still have plenty of the 3/8 flat on hand":
# goods the customer has, not goods asked for
_ON_HAND = re.compile(
    r"\b(?:we|i)(?:'ve|\s+have)?\s+(?:already\s+|still\s+)?(?:have|got)\s+(?:enough|plenty|some|the|that|those|all)\b"
    r"[^.;\n]{0,60}?\b(?:in\s+stock|on\s+hand|in\s+the\s+(?:yard|shop|rack)|on\s+the\s+(?:shelf|rack|floor)|"
    r"left(?:\s+over)?)\b",
    re.IGNORECASE,
)


# "the S355J2 plates require 3.1 certificates", "all 316 needs MTRs": what comes with the goods
_ASKS_FOR_PAPERS = re.compile(
    r"\b(?:require[sd]?|need(?:s|ed)?|must\s+(?:have|come\s+with)|to\s+come\s+with)\s+"
    r"(?:(?:EN|DIN)\s*10204\s*)?(?:type\s*)?(?:[23]\.[12]\s*)?(?:mill\s+|material\s+)?"
    r"(?:certs?|certificates?|certification|mtrs?|test\s+reports?)\b",
    re.IGNORECASE,
)


def asks_for_papers(text: str) -> bool:
    """Whether ``text`` asks for the goods' certificates, not for goods."""
    return _ASKS_FOR_PAPERS.search(text) is not None


# a spreadsheet row's status: "have in stock", "N/A - have", "have stock", "HAVE - dont send"
_ROW_ON_HAND = re.compile(
    r"(?<!you\s)(?<!u\s)(?<!if\s)\bhave\s+(?:in\s+)?stock\b(?!\s*\?)|\bn/a\s*[-–—:]?\s*(?:have|in\s+stock)\b|"
    r"\bhave\s*[-–—,]\s*(?:don'?t|do\s+not)\s+(?:send|ship|need)\b|\b(?:don'?t|do\s+not)\s+send\b|"
    # a fabricator's list: supplied by another trade, cut from the shop's own stock, already built
    r"\b(?:by|from)\s+others\b|\b(?:supplied|furnished)\s+by\s+(?:customer|owner|client|us)\b|"
    r"\bfrom\s+(?:our\s+|shop\s+)?stock\b|\bexisting\b|\bnot\s+in\s+scope\b|\bN\.?I\.?C\.?(?!\w)",
    re.IGNORECASE,
)


def row_not_ordered(row: str) -> bool:
    """Whether a table's row is marked as had or got elsewhere, not ordered ("have in stock", "N/A -
    have", "BY OTHERS", "FROM STOCK")."""
    return _ROW_ON_HAND.search(row) is not None


def is_on_hand(text: str) -> bool:
    """Whether ``text`` speaks of goods the customer already has, not goods wanted."""
    return _ON_HAND.search(text) is not None


# "we ordered 1-1/2 round and got 1-1/4 … want to send them back": goods returned, not ordered
_RETURNED = re.compile(
    r"\b(?:send|ship|bring|take)\s+(?:them|it|these|those|the\s+\w+)\s+back\b|\breturn(?:ing)?\s+(?:them|it|these|those)\b|"
    r"\bRMA\b|\bset\s+up\s+a\s+credit\b|\bcredit\s+(?:memo|back)\b",
    re.IGNORECASE,
)


def is_returned(text: str) -> bool:
    """Whether ``text`` speaks of goods sent back, not of goods wanted."""
    return _RETURNED.search(text) is not None


def keeps_as_quoted(text: str) -> bool:
    """Whether ``text`` only says a quoted line stays as it was ("the 1/2 plate is fine")."""
    return _KEPT.search(text) is not None


def is_on_hold(text: str) -> bool:
    """Whether ``text`` puts its item on hold or leaves it out ("on hold", "not needed"); "h9
    tolerance not required" leaves out a requirement of the item, not the item."""
    lower = text.lower()  # every phrase holds one of these words: most texts need no search
    if not any(word in lower for word in _ON_HOLD_WORDS):
        return False
    return any(
        not _REQUIREMENT_BEFORE.search(text, max(0, hold.start() - 30), hold.start())
        for hold in _ON_HOLD.finditer(text)
    )


# what a "not required" may be said of, other than the item: its tolerance, certs, a finish, a cut
_REQUIREMENT_BEFORE = re.compile(
    r"\b(?:toleran\w*|certs?|certificat\w*|mtrs?|reports?|tests?|testing|finish|polish\w*|paint\w*|"
    r"deburr\w*|cutting|cut|saw\w*|packing|packaging|marking|inspection|pmi|[hk]\d{1,2})\W*$",
    re.IGNORECASE,
)


# Prose that names a metal without a count is a request only when it asks for goods ("we need",
# "please quote", "looking for"); "thanks for getting the 5086 plate out so fast" and "nothing to
# order this week, we still have the 16 ga" are not orders.
_ASKS_FOR_GOODS = re.compile(
    r"\b(?:need(?:s|ed)?|require[sd]?|requirement|looking\s+for|send|ship|quot(?:e|ation)|pric(?:e|ing)|"
    r"order(?:ing)?|want|supply|provide|request(?:ing)?|interested|would\s+like|rfq|replace(?:ment)?|"
    r"purchase|buy|source|procure|please|kindly|cotiza\w*|offer|(?:give|get|grab)\s+(?:me|us)|"
    r"(?:i|we)(?:'?ll|\s+will)\s+take|add|figure(?=\s+(?:on\s+)?\d))\b",
    re.IGNORECASE,
)
_NEGATED_ASK = re.compile(
    r"\b(?:nothing|no|not|don'?t|do\s+not|never|no\s+longer)\s+(?:\w+\s+)?$", re.IGNORECASE
)


def asks_for_goods(text: str) -> bool:
    """Whether ``text`` asks for goods in so many words, not negated ("nothing to order")."""
    return any(
        not _NEGATED_ASK.search(text, max(0, match.start() - 20), match.start())
        for match in _ASKS_FOR_GOODS.finditer(text)
    )


# "Total: 7,717.20", "PO Total 2,584.80", "Subtotal", "Grand total": a document's sum, never an item
_TOTAL_LINE = re.compile(
    r"\s*(?:(?:sub|grand|po|order|page|net|line)\s*)?totals?\b(?:\s+(?:net|gross|amount|value|due|usd|eur)){0,3}"
    r"\s*[:$]?\s*(?:usd|eur|gbp|cad)?\s*[$€£]?"  # "Total Net Value   USD 7,194.00"
    r"[\d,]+(?:\.\d+)?(?:\s+[$€£]?[\d,]+(?:\.\d+)?)*\s*(?:usd|eur|lbs?|kg)?\s*$",  # "TOTAL  113  7,426"
    re.IGNORECASE,
)


# "Tax (resale):  0.00", "Freight  125.00": an amount above a total, labelled in words alone
_AMOUNT_LINE = re.compile(r"[A-Za-z][A-Za-z ()./%&-]{0,30}:?\s*[$€£]?\s*[\d,]+\.\d\d")


def is_total(text: str) -> bool:
    """Whether ``text`` is a document's total line ("Total: 7,717.20"), or amounts closing on
    one ("Tax (resale): 0.00" over "Order Total: 6,875.80"), not an order line."""
    rows = text.strip().split("\n")
    return _TOTAL_LINE.search(rows[-1]) is not None and all(
        _TOTAL_LINE.search(row) or _AMOUNT_LINE.fullmatch(row.strip()) for row in rows[:-1]
    )


# a service a purchase order charges for beside the metal: "PMI TESTING & EN 10204 3.1 CERTS - ALL
# PIPE AND PLATE  1.00 LOT", "SAW CUTTING CHARGE", "FREIGHT - DELIVERED"
_CHARGE = re.compile(
    r"\b(?:freight|shipping|delivery\s+charge|testing|test\s+reports?|certs?|certifications?|c\s+of\s+c|mtrs?|"
    r"inspection|pmi|cut(?:ting)?\s+charges?|saw\s+cut(?:ting)?\s+charges?|handling|tariff|surcharge|set-?up|"
    r"crating|packaging|expedite\s+fee)\b",
    re.IGNORECASE,
)
_LOT = re.compile(r"\b\d+(?:\.\d+)?\s+(?:LOT|LS|JOB)\b", re.IGNORECASE)
_LEADING_WORDS = re.compile(r"[\s\d.#>*•-]*(?:[A-Za-z0-9&/-]+\W+){0,3}")


def is_charge(text: str) -> bool:
    """Whether an order line charges for a service (certs, testing, freight, cutting), not metal:
    the service is named first, or the line is billed by the lot."""
    found = _CHARGE.search(text)
    if found is None:
        return False
    lead = _LEADING_WORDS.match(text)
    return (lead is not None and found.start() < lead.end()) or _LOT.search(text) is not None
