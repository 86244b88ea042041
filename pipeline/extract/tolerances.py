"""Size tolerances (``±0.005"``, ``+0.000/-0.005"``, ``(+0.0/-0.05mm)``): kept apart from sizes.

A tolerance is read, removed from the text the sizes are read from (so ``0.005`` is never taken
for a thickness), and later attached to the size written just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.units import NUMBER, UNIT, parse_number, to_inches

_U = rf"(?:\s*(?P<{{name}}>{UNIT}))?"
_SYMMETRIC = re.compile(
    rf"\(?\s*(?:±|\+/-|\+-|plus\s*(?:/|or)\s*minus)\s*(?P<v>{NUMBER}){_U.format(name='vu')}\s*\)?",
    re.IGNORECASE,
)
_PLUS_MINUS = re.compile(
    rf"\(?\s*\+\s*(?P<p>{NUMBER}){_U.format(name='pu')}\s*/\s*-\s*(?P<m>{NUMBER}){_U.format(name='mu')}\s*\)?",
    re.IGNORECASE,
)
_MINUS_PLUS = re.compile(
    rf"\(?\s*-\s*(?P<m>{NUMBER}){_U.format(name='mu')}\s*/\s*\+\s*(?P<p>{NUMBER}){_U.format(name='pu')}\s*\)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Written:
    """A tolerance as written: values in their own unit (``None``: the unit of the size before it)."""

    plus: float
    minus: float  # zero or negative
    unit: str | None
    start: int
    end: int

    def in_inches(self, size_unit: str | None) -> tuple[float, float]:
        unit = self.unit or size_unit
        # "+ 0.0" turns a -0.0 into 0.0, so "+0.0005/-0.0000" reads back as (0.0005, 0.0)
        return round(to_inches(self.plus, unit), 6) + 0.0, round(to_inches(self.minus, unit), 6) + 0.0


def _value(match: re.Match[str], group: str) -> float:
    return parse_number(match[group]) or 0.0


def find_tolerances(text: str) -> list[Written]:
    """Every tolerance in ``text``, in reading order, without overlaps."""
    found: list[Written] = []
    if "±" not in text and "+" not in text and "plus" not in text.lower():
        return found  # every tolerance spelling has one of these
    for match in _PLUS_MINUS.finditer(text):
        unit = match["pu"] or match["mu"]
        found.append(Written(_value(match, "p"), -_value(match, "m"), unit, match.start(), match.end()))
    for match in _MINUS_PLUS.finditer(text):
        if any(t.start <= match.start() < t.end for t in found):
            continue
        unit = match["pu"] or match["mu"]
        found.append(Written(_value(match, "p"), -_value(match, "m"), unit, match.start(), match.end()))
    for match in _SYMMETRIC.finditer(text):
        value = _value(match, "v")
        found.append(Written(value, -value, match["vu"], match.start(), match.end()))
    return sorted(found, key=lambda t: t.start)
