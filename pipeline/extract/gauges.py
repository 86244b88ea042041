"""Sheet gauges (``16 ga``) to thickness in inches, by the gauge table the material uses.

Steel uses the Manufacturers' Standard Gauge, stainless (and the other steels-like alloys) the
stainless gauge, aluminum and copper alloys the Brown & Sharpe (AWG) gauge; wire is always AWG.
"""

from __future__ import annotations

import re

_STEEL = {
    3: 0.2391, 4: 0.2242, 5: 0.2092, 6: 0.1943, 7: 0.1793, 8: 0.1644, 9: 0.1495, 10: 0.1345,
    11: 0.1196, 12: 0.1046, 13: 0.0897, 14: 0.0747, 15: 0.0673, 16: 0.0598, 17: 0.0538, 18: 0.0478,
    19: 0.0418, 20: 0.0359, 21: 0.0329, 22: 0.0299, 23: 0.0269, 24: 0.0239, 25: 0.0209, 26: 0.0179,
    27: 0.0164, 28: 0.0149, 29: 0.0135, 30: 0.0120,
}  # fmt: skip
_STAINLESS = {
    7: 0.1875, 8: 0.1719, 9: 0.1563, 10: 0.1406, 11: 0.1250, 12: 0.1094, 13: 0.0938, 14: 0.0781,
    15: 0.0703, 16: 0.0625, 17: 0.0563, 18: 0.0500, 19: 0.0438, 20: 0.0375, 21: 0.0344, 22: 0.0313,
    23: 0.0281, 24: 0.0250, 25: 0.0219, 26: 0.0188, 27: 0.0172, 28: 0.0156, 29: 0.0141, 30: 0.0125,
}  # fmt: skip
_AWG_FAMILIES = frozenset({"aluminum", "copper", "brass", "bronze"})
_STAINLESS_FAMILIES = frozenset({"stainless_steel", "nickel_alloy", "titanium"})

GAUGE = re.compile(
    r"(?<![\w.])(?:#\s?)?(?P<n>\d{1,2})\s*(?:ga\.?|gauge|gage|awg)(?![a-z])"
    r"|(?:gauge|gage|ga\.?)\s*[:#]?\s*(?P<m>\d{1,2})(?![\d.])",
    re.IGNORECASE,
)


def awg_inches(gauge: int) -> float:
    """American Wire Gauge: diameter = 0.005" x 92^((36 - n) / 39), its defining formula."""
    return round(0.005 * 92 ** ((36 - gauge) / 39), 4)


def gauge_inches(gauge: int, family: str | None, form: str | None) -> float | None:
    """Thickness (or wire diameter) of ``gauge`` for the material; ``None`` if out of the table."""
    if form == "wire" or family in _AWG_FAMILIES:
        return awg_inches(gauge) if 0 <= gauge <= 40 else None
    table = _STAINLESS if family in _STAINLESS_FAMILIES else _STEEL
    return table.get(gauge)
