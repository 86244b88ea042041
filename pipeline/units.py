"""Numbers and lengths as customers write them, normalised to inches.

``1-1/2"``, ``1 1/2 in``, ``1½"``, ``.065``, ``25.4mm``, ``2.5 cm``, ``12 ft``, ``4'``, ``20-foot`` all
become floats in inches. Parsing is by regular expression, never ``eval``; anything unreadable
returns ``None``. Numbers glued to a letter (``A36``, ``W8``, ``M8``, ``6Al``, ``2B``) or after ``#``
(the ``#4`` finish) are not lengths, except next to ``x``/``×`` (``4x8``) or after ``Ø`` (``Ø25``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MM_PER_INCH = 25.4

VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_VULGAR = "".join(VULGAR_FRACTIONS)

# A number: mixed fraction (1-1/2, 1 1/2, 1½, Brazil's 1.1/2), fraction (3/8), decimal (.065, 0.5,
# 1,000.5).
# a decimal comma has one or two digits after it ("1,5 mm", "48,3 x 2,6"); three make thousands
NUMBER = (
    rf"(?:\d+(?:[ -]\d+/\d+|\.\d+/(?:2|4|8|16|32|64)\b)|\d+/\d+|\d*[{_VULGAR}]|"
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+,\d{{1,2}}(?![\d,])|"
    rf"\d*\.\d+|\d+)"
)

_INCH = 1.0
_FOOT = 12.0
_MM = 1 / MM_PER_INCH
UNIT_TO_INCHES: dict[str, float] = {
    '"': _INCH,
    "''": _INCH,
    "”": _INCH,
    "″": _INCH,
    "in": _INCH,
    "in.": _INCH,
    "inch": _INCH,
    "inches": _INCH,
    "'": _FOOT,
    "’": _FOOT,
    "′": _FOOT,
    "ft": _FOOT,
    "ft.": _FOOT,
    "foot": _FOOT,
    "feet": _FOOT,
    "footer": _FOOT,  # "24 footers": 24 ft sticks
    "footers": _FOOT,
    "pies": _FOOT,  # Spanish: "20 pies"
    "pie": _FOOT,
    "pi": _FOOT,  # Canadian French: "12 pi" (pieds)
    "pieds": _FOOT,
    "mm": _MM,
    "millimeter": _MM,
    "millimeters": _MM,
    "millimetre": _MM,
    "millimetres": _MM,
    "cm": 10 * _MM,
    "m": 1000 * _MM,
    "meter": 1000 * _MM,
    "meters": 1000 * _MM,
    "metre": 1000 * _MM,
    "metres": 1000 * _MM,
    "metro": 1000 * _MM,  # Spanish and Portuguese: "barra 6 metros"
    "metros": 1000 * _MM,
    "metri": 1000 * _MM,  # Italian
    "mtr": 1000 * _MM,  # "6 mtr length": the Indian and British trade's metre
    "mtrs": 1000 * _MM,
    "mt": 1000 * _MM,  # "6 mt": the Italian and Turkish metre
}
FOOT_UNITS = frozenset(unit for unit, factor in UNIT_TO_INCHES.items() if factor == _FOOT)
METRE_UNITS = frozenset(unit for unit, factor in UNIT_TO_INCHES.items() if factor == 1000 * _MM)

UNIT = (  # a mark may touch the next word ("4'x8'"), a word unit may not ("in" of "inside")
    r"(?:''|\"|”|″|’|′|'|(?:inches|inch|in\.?|(?:feet|footers?|foot|ft\.?|pies?|pieds|pi)(?![-\s]?lbs?\b)|millimet(?:er|re)s?|mm|cm|met(?:er|re|ro)s?|metri|mtrs?|mt|m)"
    r"(?![a-z\d]))"  # "080M40" is a steel's name, not 80 metres
)

# Not after a letter (other than x/X), a digit, a dot, a slash, "#" or a letter and a hyphen: "A36",
# "W8", "6Al-4V", "1/2", "#4", "H-1150";
# and, without a unit, not before a letter (other than x/X): "2B" (a finish), "6Al".
_NOT_GLUED = r"(?<![A-WYZa-wyz0-9_./#])(?<![A-Za-z]-)"  # nor after "H-" ("H-1150" is a condition)
# but a cut list's designations glue the size to the shape: "PL1/2X96", "FB3/8X4", "HSS6X6X3/8"
GLUED_SHAPES = ("PL", "FB", "FL", "FLT", "HSS", "SHS", "RHS", "CHS", "RD", "SQ", "HEX")
_AFTER_SHAPE = "|".join(rf"(?<=\b{shape})" for shape in GLUED_SHAPES)
_NOT_GLUED = rf"(?:{_AFTER_SHAPE}|{_NOT_GLUED})"
# a decimal with the wall's "W" glued on: "2 X 2 X .120W" (not "350W", a CSA grade)
_WALL_MARK = r"(?:(?<=\.\d\d)|(?<=\.\d\d\d)|(?<=\.\d{4}))(?=W\b)"
LENGTH = re.compile(
    rf"{_NOT_GLUED}(?P<value>{NUMBER})(?:\s*(?:-\s*)?(?P<unit>{UNIT})|{_WALL_MARK}|(?![A-WYZa-wyz\d]|\.\d))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Length:
    """A length found in text: its value in inches and where it was written."""

    inches: float
    unit: str | None  # None when no unit was written
    start: int
    end: int


def parse_number(text: str) -> float | None:
    """``"1-1/2"`` → 1.5, ``"1½"`` → 1.5, ``".065"`` → 0.065, ``"1,000"`` → 1000.0, ``"1,5"`` → 1.5;
    else ``None``."""
    text = text.strip()
    if not re.fullmatch(NUMBER, text):
        return None
    if text[-1] in VULGAR_FRACTIONS:
        return float(text[:-1] or 0) + VULGAR_FRACTIONS[text[-1]]
    mixed = re.fullmatch(r"(\d+)[ .-](\d+)/(\d+)", text)
    if mixed:
        whole, numerator, denominator = (int(group) for group in mixed.groups())
        return whole + numerator / denominator if denominator else None
    if "/" in text:
        numerator, denominator = (int(part) for part in text.split("/"))
        return numerator / denominator if denominator else None
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


def to_inches(value: float, unit: str | None) -> float:
    """Convert a value in ``unit`` (inches when ``None``) to inches."""
    if unit is None:
        return value
    return value * UNIT_TO_INCHES[unit.lower()]


def _length(match: re.Match[str]) -> Length | None:
    value = parse_number(match.group("value"))
    if value is None:
        return None
    unit = match.group("unit")
    if unit is None:  # the optional "-" of "20-foot" must not swallow a minus sign
        return Length(value, None, match.start(), match.end("value"))
    return Length(to_inches(value, unit), unit.lower(), match.start(), match.end())


_INCH_UNITS = frozenset(unit for unit, factor in UNIT_TO_INCHES.items() if factor == _INCH)


# after "10' 6\"", what ends a length ("long", a comma, the line's end), not a size's ("OD", "x 2")
_LENGTH_ENDS = re.compile(  # … or a column's gap, or a dash before a note ("21' 6"      main rails")
    r"(?:[ \t]{2,}|\t|\s+[-–—]\s)|\s*(?:$|\n|[,;)]|\+|(?:long|lg|lgths?|lengths?|ea(?:ch)?|pcs?|cut)\b)",
    re.IGNORECASE,
)


def find_lengths(text: str) -> list[Length]:
    """Every number in ``text`` with the unit written after it, converted to inches; feet and
    inches written together (``10'-6"``, ``2'-3 1/2"``, ``12'6"``, ``10' 6" long``) are one length
    (but ``20' 2" OD`` is two)."""
    lengths = [length for match in LENGTH.finditer(text) if (length := _length(match)) is not None]
    joined: list[Length] = []
    for length in lengths:
        before = joined[-1] if joined else None
        inches_said = (  # "ten foot six long": the inches after the feet, said without a unit
            length.unit is None
            and float(length.inches).is_integer()
            and re.fullmatch(r"\s+", text[before.end : length.start] if before else "x") is not None
            and re.match(r"\s*long\b", text[length.end :]) is not None
        )
        if (
            before is not None
            and before.unit in FOOT_UNITS
            and (length.unit in _INCH_UNITS or inches_said)
            and length.inches < 12
            and (
                inches_said
                or re.fullmatch(r"|\s?-\s?", text[before.end : length.start])
                or (text[before.end : length.start] == " " and _LENGTH_ENDS.match(text, length.end))
            )
        ):
            joined[-1] = Length(before.inches + length.inches, before.unit, before.start, length.end)
        else:
            joined.append(length)
    return joined


def parse_length(text: str) -> float | None:
    """A single length such as ``2-1/2"`` or ``50 mm`` in inches; ``None`` if it is not one."""
    match = LENGTH.fullmatch(text.strip())
    if not match:
        return None
    length = _length(match)
    return None if length is None else length.inches
