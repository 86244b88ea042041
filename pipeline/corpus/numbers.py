"""How customers write sizes: fractions, decimals, bare numbers, millimetres, feet.

One value, many spellings — ``1-1/2"``, ``1.5"``, ``1 1/2 in``, ``38.1mm`` — chosen by the
caller's random stream, so a corpus exercises every way the extractor must read a number.
"""

from __future__ import annotations

import random

from pipeline.catalog.sizes import fraction_label
from pipeline.units import MM_PER_INCH

STYLES = ("fraction", "decimal", "bare", "inch_word", "mm")


def _decimal(value: float, rng: random.Random) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    if value < 1 and rng.random() < 0.5:
        text = text.lstrip("0")  # ".125", as a desk writes it
    return text


def _fraction(value: float) -> str | None:
    """``1-1/2`` when the value is on the 1/64" grid, else ``None``."""
    label = fraction_label(value)
    return None if "." in label else label.rstrip('"')


def inches(value: float, style: str, rng: random.Random) -> str:
    """``value`` (inches) written in ``style`` (one of ``STYLES``)."""
    if style == "mm":
        mm = value * MM_PER_INCH
        return f"{mm:.0f}mm" if abs(mm - round(mm)) < 0.05 else f"{mm:.1f}mm"
    fraction = _fraction(value)
    number = fraction if fraction and style != "decimal" else _decimal(value, rng)
    if style == "bare":
        return number
    if style == "inch_word":
        spaced = number.replace("-", " ") if rng.random() < 0.5 else number  # "1 1/2 in"
        return f"{spaced} {rng.choice(['in', 'in.', 'inch'])}"
    return f'{number}"'


def feet(value_inches: float, rng: random.Random) -> str | None:
    """``12 ft`` / ``12'`` / ``12 foot`` for whole feet; ``None`` when not a whole number of feet."""
    if value_inches % 12:
        return None
    count = int(value_inches // 12)
    return rng.choice([f"{count} ft", f"{count}'", f"{count} feet", f"{count}ft"])


def length(value_inches: float, rng: random.Random) -> str:
    """A stock or cut length the way it is asked for: feet when it is whole feet, else inches."""
    in_feet = feet(value_inches, rng)
    if in_feet and (value_inches >= 72 or rng.random() < 0.3):
        return in_feet
    whole = f"{value_inches:g}"
    return rng.choice([f'{whole}"', f"{whole} in", f'{whole}" long', f"{whole} inches"])
