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

from pipeline.extract.quantity import parse_count
from pipeline.models import LineItem

FLAG = "quantity_per_assembly"

_COUNT = r"\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve"
# "per trailer", "for ONE ramp", "for each frame", "Qty/Trailer", "qty per unit"
_BASIS = re.compile(
    r"\b(?:per|for\s+(?:one|1|each|a\s+single|every))\s+(?P<unit>[a-z]{3,}?)s?\b"
    r"|\bqty\s*/\s*(?P<column>[a-z]{3,}?)s?\b"
    # "EACH gate gets:", "every frame needs" over a list: said of the list's quantities
    r"|\b(?:each|every)\s+(?P<each>[a-z]{3,}?)s?\s+(?:gets|needs|takes|requires|uses|consists\s+of)\s*(?::|$)",
    re.IGNORECASE | re.MULTILINE,
)
# what makes a per-assembly statement about the list's quantities, not a price "per foot"
_ABOUT_QUANTITIES = re.compile(
    r"\b(?:qty|qtys|quantit(?:y|ies)|counts?|pieces|pcs|everything|all\s+(?:of\s+)?(?:the\s+)?(?:above|below))\b",
    re.IGNORECASE,
)
_FACTOR = re.compile(
    rf"\b(?:multiply|multiplied)\s*(?:by|x|×)?\s*(?P<by>{_COUNT})\b|\btimes\s+(?P<times>{_COUNT})\b"
    r"|\b(?P<word>double|triple|quadruple)\s+(?:everything|all|the\s+(?:qty|qtys|quantities))",
    re.IGNORECASE,
)
_WORD_FACTORS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}
_UNITS_NOT_ASSEMBLIES = frozenset(
    {"foot", "feet", "ft", "piece", "pc", "pcs", "lb", "pound", "sheet", "bar", "length"}
)


def _assemblies(text: str, unit: str) -> float | None:
    """The count written before the assembly's name in plural ("2 ramps", "a run of 3 flatbed
    trailers", "three frames")."""
    found = re.search(rf"\b(?P<n>{_COUNT})\s+(?:[a-z-]+\s+){{0,2}}?{re.escape(unit)}s\b", text, re.IGNORECASE)
    return parse_count(found["n"]) if found else None


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``: from the last full stop or blank line to the next."""
    begin = max(text.rfind(".", 0, start), text.rfind("\n\n", 0, start)) + 1
    ends = [found for found in (text.find(".", end), text.find("\n\n", end)) if found >= 0]
    return text[begin : min(ends, default=len(text))]


def factor(text: str) -> float | None:
    """How many assemblies the quantities of ``text`` (the message's own words) are for, if it
    says both that they are per assembly and how many; ``None`` otherwise."""
    for basis in _BASIS.finditer(text):
        unit = (basis["unit"] or basis["column"] or basis["each"]).lower()
        if unit in _UNITS_NOT_ASSEMBLIES:
            continue
        sentence = _sentence(text, basis.start(), basis.end())
        if basis["unit"] and not _ABOUT_QUANTITIES.search(sentence):
            continue
        explicit = _FACTOR.search(sentence) or (_FACTOR.search(text) if basis["column"] else None)
        if explicit is not None:
            if explicit["word"]:
                return _WORD_FACTORS[explicit["word"].lower()]
            return parse_count(explicit["by"] or explicit["times"])
        count = _assemblies(text, unit)
        if count and count > 1:
            return count
    return None


def multiply(lines: list[LineItem], text: str) -> None:
    """Multiply each counted line by the assemblies ``text`` names (see the module)."""
    times = factor(text)
    if not times or times <= 1:
        return
    for line in lines:
        if line.quantity is not None and line.uom == "EA":
            line.quantity *= times
            if FLAG not in line.flags:
                line.flags.append(FLAG)
