"""Numbers and lengths as customers write them, normalised to inches.

``1-1/2"``, ``1 1/2 in``, ``.065``, ``25.4mm``, ``12 ft``, ``4'`` all become floats in inches.
Parsing is by regular expression, never ``eval``; anything unreadable returns ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MM_PER_INCH = 25.4

# A number: mixed fraction (1-1/2, 1 1/2), fraction (3/8), decimal (.065, 0.5, 1,000.5).
NUMBER = r"(?:\d+(?:[ -]\d+/\d+)|\d+/\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)"

UNIT_TO_INCHES: dict[str, float] = {
    '"': 1.0,
    "''": 1.0,
    "”": 1.0,
    "in": 1.0,
    "in.": 1.0,
    "inch": 1.0,
    "inches": 1.0,
    "'": 12.0,
    "’": 12.0,
    "ft": 12.0,
    "ft.": 12.0,
    "foot": 12.0,
    "feet": 12.0,
    "mm": 1 / MM_PER_INCH,
    "cm": 10 / MM_PER_INCH,
    "m": 1000 / MM_PER_INCH,
    "meter": 1000 / MM_PER_INCH,
    "meters": 1000 / MM_PER_INCH,
}

UNIT = r"(?:''|\"|”|’|'|inches|inch|in\.?|feet|foot|ft\.?|mm|cm|meters?|m)(?![a-z])"

LENGTH = re.compile(rf"(?P<value>{NUMBER})\s*(?:-\s*)?(?P<unit>{UNIT})?", re.IGNORECASE)


@dataclass(frozen=True)
class Length:
    """A length found in text: its value in inches and where it was written."""

    inches: float
    unit: str | None  # None when no unit was written
    start: int
    end: int


def parse_number(text: str) -> float | None:
    """``"1-1/2"`` → 1.5, ``".065"`` → 0.065, ``"1,000"`` → 1000.0; ``None`` if not a number."""
    text = text.strip()
    if not re.fullmatch(NUMBER, text):
        return None
    mixed = re.fullmatch(r"(\d+)[ -](\d+)/(\d+)", text)
    if mixed:
        whole, numerator, denominator = (int(group) for group in mixed.groups())
        return whole + numerator / denominator if denominator else None
    if "/" in text:
        numerator, denominator = (int(part) for part in text.split("/"))
        return numerator / denominator if denominator else None
    return float(text.replace(",", ""))


def to_inches(value: float, unit: str | None) -> float:
    """Convert a value in ``unit`` (inches when ``None``) to inches."""
    if unit is None:
        return value
    return value * UNIT_TO_INCHES[unit.lower()]


def find_lengths(text: str) -> list[Length]:
    """Every number in ``text`` with the unit written after it, converted to inches."""
    found = []
    for match in LENGTH.finditer(text):
        value = parse_number(match.group("value"))
        if value is None:
            continue
        unit = match.group("unit")
        found.append(Length(to_inches(value, unit), unit and unit.lower(), match.start(), match.end()))
    return found


def parse_length(text: str) -> float | None:
    """A single length such as ``2-1/2"`` or ``50 mm`` in inches; ``None`` if it is not one."""
    match = LENGTH.fullmatch(text.strip())
    if not match:
        return None
    value = parse_number(match.group("value"))
    return None if value is None else to_inches(value, match.group("unit"))
