"""Quantities given per assembly: "quantities below are for ONE ramp - there are 2 ramps", "QTY
BELOW IS PER TRAILER - please multiply x3", "per frame, we're building 4 frames", "Building 8 swing
gates. EACH gate gets:".

Fabricators list the pieces of one assembly and say once how many they build. The count ordered
is the product; each line multiplied carries ``quantity_per_assembly`` so that a person confirms
it. Both halves must be written — a basis ("per trailer", "for one ramp", a "Qty/Trailer" column)
and a count of those assemblies or an explicit factor ("x3", "double everything") — or nothing
is multiplied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.quantity import parse_count
from pipeline.models import LineItem

FLAG = "quantity_per_assembly"

_COUNT = r"\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve"
# "per trailer", "for ONE ramp", "for each frame", "Qty/Trailer", "qty per unit"
_BASIS = re.compile(
    r"\b(?:per|for\s+(?:one|1|each|a\s+single|every))\s+(?P<unit>[a-z]{3,}?)s?\b"
    r"|\bqty\s*/\s*(?P<column>[a-z]{3,}?)s?\b"
    # "EACH gate gets:", "every frame needs" over a list: said of the list's quantities
    r"|\b(?:each|every)\s+(?P<each>[a-z]{3,}?)s?\s+(?:gets|needs|takes|requires|uses|consists\s+of)\s*(?::|$)"
    # "Each PS-2 assembly:" over the list
    r"|\b(?:each|every)\s+(?:[\w-]+\s+){0,2}?(?P<titled>assembly|unit|frame|set|kit|support)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
# what makes a per-assembly statement about the list's quantities, not a price "per foot"
_ABOUT_QUANTITIES = re.compile(
    r"\b(?:qty|qtys|quantit(?:y|ies)|counts?|numbers|list|pieces|pcs|everything"
    r"|all\s+(?:of\s+)?(?:the\s+)?(?:above|below))\b",
    re.IGNORECASE,
)
_FACTOR = re.compile(
    rf"\b(?:multiply|multiplied)\s*(?:by|x|×)?\s*(?P<by>{_COUNT})\b|\btimes\s+(?P<times>{_COUNT})\b"
    r"|\b(?P<word>double|triple|quadruple)\s+(?:everything|all|the\s+(?:qty|qtys|quantities))",
    re.IGNORECASE,
)
_ABOVE = re.compile(r"\babove\b", re.IGNORECASE)
# an item said apart from the assemblies' list
_APART = re.compile(
    r"\b(?:separate(?:ly)?|apart\s+from|not\s+per|just\s+one|only\s+one|in\s+addition)\b", re.I
)
_WORD_FACTORS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}
_UNITS_NOT_ASSEMBLIES = frozenset(
    {"foot", "feet", "ft", "piece", "pc", "pcs", "lb", "pound", "sheet", "bar", "length"}
)


def _assemblies(text: str, unit: str) -> float | None:
    """The count written before the assembly's name in plural ("2 ramps", "a run of 3 flatbed
    trailers", "three frames"), or before "units" or "sets" ("we're building 5 units")."""
    name = rf"(?:{re.escape(unit)}|unit|set)s"
    found = re.search(rf"\b(?P<n>{_COUNT})\s+(?:[a-z-]+\s+){{0,2}}?{name}\b", text, re.IGNORECASE)
    return parse_count(found["n"]) if found else None


_TOTAL = re.compile(
    r"\btotal\s+(?P<unit>[a-z]+?)(?:s|ies)?\s*[:=]\s*(?P<n>\d{1,3})\b|\((?P<m>\d{1,3})\s+required\)", re.I
)


def _total(text: str, unit: str) -> float | None:
    """The count of assemblies written as a total ("Total assemblies: 14", "(14 required)")."""
    for found in _TOTAL.finditer(text):
        if found["m"] or unit.startswith(found["unit"].lower()[:5]):
            return parse_count(found["n"] or found["m"])
    return None


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``: from the last full stop or blank line to the next."""
    begin = max(text.rfind(".", 0, start), text.rfind("\n\n", 0, start)) + 1
    ends = [found for found in (text.find(".", end), text.find("\n\n", end)) if found >= 0]
    return text[begin : min(ends, default=len(text))]


def factor(text: str) -> float | None:
    """How many assemblies the quantities of ``text`` (the message's own words) are for, if it
    says both that they are per assembly and how many; ``None`` otherwise."""
    return _factor(text).times


@dataclass(frozen=True)
class _Basis:
    """What multiplies: ``times`` each, said at ``position`` (of the text read); for the lines
    after it, or before it when it speaks of the list "above"; within ``scope`` when the list is
    titled ("Each PS-2 assembly:")."""

    times: float | None = None
    scope: str | None = None
    position: int = 0
    above: bool = False


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TOTAL_COLUMN = re.compile(r"(?:^|\s)tot(?:al|\.)?(?:\s+qty)?(?=\s|$)", re.IGNORECASE | re.MULTILINE)


def _row_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _factor(text: str) -> _Basis:
    """The factor (see ``factor``), where it is said and, for a list titled "Each PS-2 assembly:",
    the list's own text (up to the next blank line): only its lines are per assembly, not "Also
    need …" after it."""
    for basis in _BASIS.finditer(text):
        unit = (basis["unit"] or basis["column"] or basis["each"] or basis["titled"]).lower()
        if unit in _UNITS_NOT_ASSEMBLIES:
            continue
        if basis["column"] and _TOTAL_COLUMN.search(
            text, text.rfind("\n", 0, basis.start()) + 1, _row_end(text, basis.end())
        ):
            continue  # "QTY/FRAME  TOTAL": the customer multiplied, the total column is read
        sentence = _sentence(text, basis.start(), basis.end())
        if basis["unit"] and not _ABOUT_QUANTITIES.search(sentence):
            continue
        blank = _BLANK_LINE.search(text, basis.end())
        scope = text[basis.end() : blank.start() if blank else len(text)] if basis["titled"] else None
        explicit = _FACTOR.search(sentence) or (_FACTOR.search(text) if basis["column"] else None)
        if explicit is not None:
            if explicit["word"]:
                count = _WORD_FACTORS[explicit["word"].lower()]
            else:
                count = parse_count(explicit["by"] or explicit["times"])
        else:
            count = _assemblies(text, unit) or _total(text, unit)
        if count and (explicit is not None or count > 1):
            # a column's heading is said of its rows, wherever the sentence naming the count is
            position = 0 if basis["column"] else basis.start()
            return _Basis(count, scope, position, _ABOVE.search(sentence) is not None)
    return _Basis()


def multiply(lines: list[LineItem], text: str, said: list[tuple[int, int]]) -> None:
    """Multiply each counted line by the assemblies the message's own words (``said``, spans of
    ``text``) name, when written after the statement (see the module) — or before it, when it
    speaks of the list above: a cut list "per feeder" under the sticks ordered leaves them be."""
    joined, starts, offset = [], [], 0
    for a, b in said:
        starts.append((offset, a))
        joined.append(text[a:b])
        offset += b - a + 2
    basis = _factor("\n\n".join(joined))
    if not basis.times or basis.times <= 1:
        return
    at = next(a + basis.position - begin for begin, a in reversed(starts) if begin <= basis.position)
    within = " ".join(basis.scope.split()) if basis.scope is not None else None
    for line in lines:
        if line.span is not None and (line.span.start < at) != basis.above:
            continue  # on the other side of the statement
        if within is not None and " ".join(line.source_text.split()) not in within:
            continue  # after the titled list: not per assembly
        if _APART.search(line.source_text):
            continue  # "Separate from the trailers - 1 full 20' stick …, just one"
        if line.quantity is not None and line.uom == "EA":
            line.quantity *= basis.times
            if FLAG not in line.flags:
                line.flags.append(FLAG)
