"""Words for materials and forms, mapped to the catalog's canonical names (``catalog/schema.py``).

Grades live in ``grades.py``; this module holds the family words (``SS``, ``CRS``, ``alum``), the form
synonyms (rod → bar_round, flat stock → bar_rectangular, W8 x 31 → beam_i) and the items a metals
catalog does not carry. Tables are tried in order; at one position the earlier entry wins, so the
more specific spelling comes first.
"""

from __future__ import annotations

import re

Table = tuple[tuple[re.Pattern[str], str], ...]


def _table(entries: tuple[tuple[str, str], ...]) -> Table:
    return tuple((re.compile(rf"\b(?:{regex})\b", re.IGNORECASE), name) for regex, name in entries)


_FAMILIES: tuple[tuple[str, str], ...] = (
    (r"stainless(?:\s+steel)?|S/S|SS|inox", "stainless_steel"),
    (r"alumin(?:um|ium)|alum", "aluminum"),
    (r"titanium", "titanium"),
    (r"inconel|hastelloy|monel|nickel(?:\s+alloy)?", "nickel_alloy"),
    (r"tool\s+steel|drill\s+rod", "tool_steel"),
    (r"alloy\s+steel|chromoly|chrome[-\s]moly", "alloy_steel"),
    (r"brass", "brass"),
    (r"bronze", "bronze"),
    (r"copper", "copper"),
    (
        r"carbon\s+steel|mild\s+steel|low\s+carbon\s+steel|CRS|HRS|C/R|H/R|"
        r"cold[-\s]rolled(?:\s+steel)?|hot[-\s]rolled(?:\s+steel)?|cold[-\s]drawn\s+steel",
        "carbon_steel",
    ),
)
FAMILY_WORDS: Table = _table(_FAMILIES)
FAMILY_ALTERNATION = "|".join(regex for regex, _ in _FAMILIES)  # any family word, for larger patterns

# "steel" alone: a carbon steel unless a grade or a more specific word says otherwise.
PLAIN_STEEL = re.compile(r"\bsteel\b", re.IGNORECASE)

FORM_WORDS: Table = _table(
    (
        (r"square\s+tub(?:e|es|ing)|sq\.?\s+tub(?:e|es|ing)", "tube_square"),
        (r"rect(?:angular|\.)?\s+tub(?:e|es|ing)", "tube_rectangular"),
        (r"(?:round\s+)?tub(?:e|es|ing)|pipes?|DOM|hollow\s+bars?", "tube_round"),
        (r"hex(?:agon(?:al)?)?(?:\s+(?:bars?|rods?|stock))?", "bar_hex"),
        (r"square\s+(?:bars?|stock)|sq\.?\s+bars?", "bar_square"),
        (
            r"flat\s+bars?|flats|flat\s+stock|strips?|rect(?:angular|\.)?\s+bars?|bus\s+bars?",
            "bar_rectangular",
        ),
        (r"round\s+(?:bars?|stock|rods?)|rounds?|rods?|bar\s+stock|shaft(?:s|ing)?|bars?", "bar_round"),
        (r"sheets?|sheet\s+metal", "sheet"),
        (r"plates?", "plate"),
        (r"angles?|angle\s+iron|L-shaped|L-angles?", "angle"),
        (r"C-?channels?|channels?|M?C\d+\s?[x×]\s?\d+(?:\.\d+)?", "channel"),
        (r"I-?beams?|H-?beams?|W-?beams?|wide\s+flange(?:\s+beams?)?|W\d+\s?[x×]\s?\d+(?:\.\d+)?", "beam_i"),
        (r"wire(?!\s+rope)", "wire"),
        (r"foil", "foil"),
    )
)

# Forms the customer names that no metals catalog stocks: the line is kept and flagged.
NON_CATALOG_FORMS = re.compile(r"\b(?:forged\s+)?(?:rings?|forgings?|castings?)\b", re.IGNORECASE)

# Items a metals catalog does not carry ("bearing quality steel" and "bearing housing" are metal).
NON_CATALOG = re.compile(
    r"\b(?:screws?|bolts?|nuts?|washers?|bearings?(?!\s+(?:quality|steel|housings?|races?|surfaces?|contact|bronze))"
    r"|wire\s+rope|brackets?|gaskets?|fasteners?|rivets?|springs?|o-rings?|valves?|fittings?)\b",
    re.IGNORECASE,
)


def first_match(text: str, table: Table) -> tuple[str, int, int] | None:
    """(name, start, end) of the earliest entry of ``table`` found in ``text``."""
    best: tuple[str, int, int] | None = None
    for regex, name in table:
        match = regex.search(text)
        if match and (best is None or match.start() < best[1]):
            best = (name, match.start(), match.end())
    return best
