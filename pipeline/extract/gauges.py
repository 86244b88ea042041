"""Sheet gauges (``16 ga``) to thickness in inches, by the gauge table the material uses.

The tables are the catalog's (``pipeline.catalog.sizes``), so "11 ga" stainless asks for the
0.120" the catalog stocks as 11 ga: steel uses the Manufacturers' Standard Gauge, stainless (and
nickel and titanium) the mills' stainless gauge, aluminum and copper alloys the Brown & Sharpe
(AWG) gauge; wire is always AWG.
"""

from __future__ import annotations

import re

from pipeline.catalog.sizes import awg_inches, gauge_to_inches

GAUGE = re.compile(
    r"(?:(?<![\w.])|(?<=\d[xX×]))(?:#\s?)?(?P<n>\d{1,2})\s*(?:ga\.?|gauge|gage|awg)(?![a-z])"
    # "cal. 14", "calibre 11": the Spanish-speaking trade's gauge
    # — not "calibre 1,5 mm", a thickness written after the word
    r"|\b(?:gauge|gage|ga\.?|cal\.?|calibre|calibro)\s*[:#]?\s*(?P<m>\d{1,2})(?![\d.]|,\d)",
    re.IGNORECASE,
)


def find_gauge(text: str) -> re.Match[str] | None:
    """The first gauge written in ``text``. Every spelling holds "ga" or "awg": a text without
    them is not searched (most are not, and the pattern is slow to search through)."""
    lower = text.lower()
    return GAUGE.search(text) if "ga" in lower or "awg" in lower or "cal" in lower else None


def gauge_inches(gauge: int, family: str | None, form: str | None) -> float | None:
    """Thickness (or wire diameter) of ``gauge`` for the material; ``None`` if out of the table."""
    if form == "wire":
        return awg_inches(gauge) if 0 <= gauge <= 40 else None
    if (form or "").startswith("tube") and gauge in _TUBE_WALL:
        return _TUBE_WALL[gauge]
    return gauge_to_inches(gauge, family)


# A tube's wall by gauge is the tube trade's (Birmingham) gauge, not sheet steel's: 16 ga tube has
# a .065" wall (16 ga sheet is .0598"), 14 ga .083", 11 ga .120"
_TUBE_WALL = {
    7: 0.180, 8: 0.165, 9: 0.148, 10: 0.134, 11: 0.120, 12: 0.109, 13: 0.095, 14: 0.083, 15: 0.072,
    16: 0.065, 17: 0.058, 18: 0.049, 19: 0.042, 20: 0.035, 22: 0.028,
}  # fmt: skip
