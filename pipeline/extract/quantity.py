"""How many the customer wants, and in which unit (pieces or feet)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.units import NUMBER, parse_number

_PIECES = r"(?:pieces?|pcs?\.?|ea\.?|each|sheets?|bars?|plates?|tubes?|lengths?|units?|rods?|beams?|sticks?)"
_FEET = r"(?:linear\s+feet|lineal\s+feet|feet|ft\.?|foot)"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b(?:quantity|qty)\s*[:=]?\s*(?P<n>{NUMBER})\b", re.IGNORECASE), "EA"),
    (re.compile(rf"(?<![\w.\"/-])(?P<n>{NUMBER})\s+{_FEET}\s+of\b", re.IGNORECASE), "FT"),
    (re.compile(rf"(?<![\w.\"/-])(?P<n>{NUMBER})\s*{_PIECES}(?!\w)", re.IGNORECASE), "EA"),
    (re.compile(rf"\bneed\s+(?P<n>{NUMBER})\b", re.IGNORECASE), "EA"),
    (re.compile(r"^\s*\((?P<n>\d+)\)\s", re.IGNORECASE), "EA"),
)


@dataclass(frozen=True)
class Quantity:
    value: float
    uom: str
    start: int
    end: int


def find_quantity(text: str, skip: tuple[tuple[int, int], ...] = ()) -> Quantity | None:
    """The first quantity phrase in ``text`` (``Quantity: 10``, ``5 pieces``, ``25 feet of``).

    Numbers inside ``skip`` ranges (e.g. the grade in "718 sheet") are not quantities.
    """
    for pattern, uom in _PATTERNS:
        for match in pattern.finditer(text):
            if any(start <= match.start("n") < end for start, end in skip):
                continue
            value = parse_number(match.group("n"))
            if value:
                return Quantity(value, uom, match.start(), match.end())
    return None
