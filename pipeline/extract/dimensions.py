"""Dimensions of one requested item: find lengths, read their labels, assign them by form.

A number counts as a dimension only when it has a unit, a label (``thick``, ``OD``, ``Ø``…)
or sits in an ``A x B x C`` chain, so grades (304), specs (AMS 4928) and quantities are not
mistaken for sizes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.models import Span
from pipeline.units import Length, find_lengths

_LABEL_AFTER = (
    ("thickness", r"\s*(?:thick(?:ness)?|thk|ga(?:uge)?\b)"),
    ("diameter", r"\s*(?:dia(?:meter)?\.?|diam\.?|round|rd)\b"),
    ("outer_diameter", r"\s*(?:OD|O\.D\.|outside\s+dia)"),
    ("inner_diameter", r"\s*(?:ID|I\.D\.|inside\s+dia)"),
    ("wall_thickness", r"\s*(?:wall|wt)\b"),
    ("across_flats", r"\s*(?:hex|across\s+flats|A/F)\b"),
    ("length", r"\s*(?:long|length|lg|lengths)\b"),
    ("width", r"\s*(?:wide|width)\b"),
    ("side", r"\s*(?:sq(?:uare)?)\b"),
)
_LABEL_BEFORE = (
    ("thickness", r"(?:thickness|thick|thk)\s*[:=]?\s*$"),
    ("diameter", r"(?:diameter|dia\.?|Ø|⌀)\s*[:=]?\s*$"),
    ("outer_diameter", r"(?:OD|outside\s+diameter|outer\s+diameter)\s*[:=]?\s*$"),
    ("inner_diameter", r"(?:ID|inside\s+diameter|inner\s+diameter)\s*[:=]?\s*$"),
    ("wall_thickness", r"(?:wall(?:\s+thickness)?)\s*[:=]?\s*$"),
    ("across_flats", r"(?:across\s+flats|hex)\s*[:=]?\s*$"),
    ("length", r"(?:length|long|lengths?\s+of)\s*[:=]?\s*$"),
    ("width", r"(?:width|wide)\s*[:=]?\s*$"),
)
_AFTER = [(name, re.compile(regex, re.IGNORECASE)) for name, regex in _LABEL_AFTER]
_BEFORE = [(name, re.compile(regex, re.IGNORECASE)) for name, regex in _LABEL_BEFORE]
_TIMES = re.compile(r"^\s*[x×X*]\s*$")


@dataclass(frozen=True)
class Measured:
    inches: float
    label: str | None
    span: Span
    has_unit: bool


def _label(text: str, length: Length) -> str | None:
    after = text[length.end : length.end + 24]
    for name, regex in _AFTER:
        if regex.match(after):
            return name
    before = text[max(0, length.start - 30) : length.start]
    for name, regex in _BEFORE:
        if regex.search(before):
            return name
    return None


def _in_chain(text: str, lengths: list[Length], index: int) -> bool:
    here = lengths[index]
    if index > 0 and _TIMES.match(text[lengths[index - 1].end : here.start]):
        return True
    return index + 1 < len(lengths) and bool(_TIMES.match(text[here.end : lengths[index + 1].start]))


def measure(text: str, offset: int = 0, exclude: list[Span] = ()) -> list[Measured]:
    """The lengths in ``text`` that are dimensions, with labels; spans are ``offset``-based."""
    lengths = [
        length
        for length in find_lengths(text)
        if not any(span.start <= length.start + offset < span.end for span in exclude)
    ]
    found = []
    for index, length in enumerate(lengths):
        label = _label(text, length)
        if length.unit is None and label is None and not _in_chain(text, lengths, index):
            continue
        found.append(
            Measured(
                length.inches,
                label,
                Span(length.start + offset, length.end + offset),
                length.unit is not None,
            )
        )
    return found


_FORM_SECTION: dict[str, tuple[str, ...]] = {
    "sheet": ("thickness", "width", "length"),
    "plate": ("thickness", "width", "length"),
    "foil": ("thickness", "width", "length"),
    "bar_round": ("diameter", "length"),
    "wire": ("diameter", "length"),
    "bar_hex": ("across_flats", "length"),
    "bar_square": ("side", "length"),
    "bar_rectangular": ("thickness", "width", "length"),
    "tube_round": ("outer_diameter", "wall_thickness", "length"),
    "tube_square": ("side", "wall_thickness", "length"),
    "tube_rectangular": ("width", "height", "wall_thickness", "length"),
    "angle": ("leg1", "leg2", "thickness", "length"),
    "channel": ("height", "width", "thickness", "length"),
    "beam_i": ("height", "width", "length"),
}
FLAT_FORMS = frozenset({"sheet", "plate", "foil", "bar_rectangular"})
_LABEL_ALIASES = {"diameter": ("outer_diameter",), "outer_diameter": ("diameter",)}


def assign(form: str | None, measured: list[Measured]) -> tuple[dict[str, float], dict[str, Span]]:
    """Name each measured value for ``form``: labelled values first, the rest by position."""
    names = _FORM_SECTION.get(form or "", ())
    dims: dict[str, float] = {}
    evidence: dict[str, Span] = {}
    unlabelled: list[Measured] = []
    for value in measured:
        target = value.label
        if target not in names:
            target = next((alias for alias in _LABEL_ALIASES.get(target or "", ()) if alias in names), None)
        if target and target not in dims:
            dims[target], evidence[target] = round(value.inches, 6), value.span
        else:
            unlabelled.append(value)
    if form in FLAT_FORMS:
        # the thinnest unlabelled value of a flat product is its thickness, then width, length
        unlabelled.sort(key=lambda value: value.inches)
    for value in unlabelled:
        target = next((name for name in names if name not in dims), None)
        if target is None:
            break
        dims[target], evidence[target] = round(value.inches, 6), value.span
    if form in FLAT_FORMS and dims.get("width", 0) > dims.get("length", float("inf")):
        dims["width"], dims["length"] = dims["length"], dims["width"]
        evidence["width"], evidence["length"] = evidence["length"], evidence["width"]
    return dims, evidence
