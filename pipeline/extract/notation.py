"""Drawing notation of Japanese, Chinese and Korean orders, read as the trade's usual marks.

``φ30`` / ``Φ89×4`` and a metric bar's ``D50 x 3000`` are diameters (``Ø``), a hexagon's ``CH 17`` /
``SW17`` its size across flats in millimetres, ``t3 x 1219 x 2438``, ``2.3t`` and ``δ=20mm`` give a
plate's thickness (``□50`` marks a square section), ``… x 2500L`` a length in millimetres, ``长6米`` six
metres, and a JIS aluminium designation ``A5052P-H32`` is the alloy 5052-H32 (``A`` and the
product letter ``P`` for plate, ``B`` for bar… dropped; 1xxx is left alone, where ASTM's A1008 and
A1011 are specifications). Each mark is written as one of the same length, so every position in
the text stays put (the customer's own words are still shown from the original text).
"""

from __future__ import annotations

import re

_DIAMETER = re.compile(
    r"[φΦϕ](?=\s*\d)|(?<![\w.\-/])D(?=\d{2,3}(?:[.,]\d+)?\s*(?:mm\b|[x×]\s*\d{3,}))"
)  # "D50 x 3000"
# "t3 x 1219", "t=20" — not a temper written small ("6061 t6 plate")
_THICKNESS = re.compile(
    r"(?<![\w.\-/])(?:t(?=\d+(?:\.\d+)?\s*[x×*])|t\s*=\s*(?=\d))|δ\s*=?\s*(?=\d)"
    r"|(?<=\d)t(?=\s*[x×*]\s*\d)"  # "□50 x 50 x 2.3t x 6000L": the mark after the thickness
    r"|[□■](?=\s*\d)"  # a square section's mark
)
# not "inox 316L", nor the grade counted in "2 x 316L"
_LENGTH_MARK = re.compile(r"((?<![A-Za-z])[x×*]\s*(?!(?:304|316|317|904)L)\d{2,}(?:\.\d+)?)L\b")
# Polish "fi 30": the diameter sign, spelled
_FI = re.compile(r"(?<![\w.])fi(?=\s?\d)")
# a hexagon's wrench size in millimetres: Italian "CH 17" (chiave), German "SW 17" (Schlüsselweite)
_WRENCH = re.compile(r"\b(?:CH|SW)\s?(\d{1,3})(?![\d/]|[.,]\d|\s*(?:mm|\"|in\b))")
_METRES = re.compile(r"(?<=\d)[米]")
_JIS_ALUMINIUM = re.compile(r"(?<![\w-])A([2-7]\d{3})([A-Z]{1,2})?(-(?:H\d{2,3}|T\d{1,4}|O)\b)?")


def drawing_notation(text: str) -> str:
    """``text`` with φ (and D before a metric size) written as Ø, thickness marks as spaces, a
    length's trailing ``L`` as a space and 米 as m."""
    text = _JIS_ALUMINIUM.sub(_alloy, text)
    if "fi" in text:
        text = _FI.sub("Ø ", text)
    if "CH" in text or "SW" in text:  # "CH 17" as "17 mm", "SW17" as "17mm"
        text = _WRENCH.sub(lambda match: match[1] + " mm" if " " in match.group() else match[1] + "mm", text)
    if not any(mark in text for mark in "φΦϕtδL米D□■"):
        return text
    text = _DIAMETER.sub("Ø", text)
    text = _THICKNESS.sub(lambda match: " " * len(match.group()), text)
    text = _LENGTH_MARK.sub(lambda match: match[1] + " ", text)
    return _METRES.sub("m", text)


def _alloy(match: re.Match[str]) -> str:
    """``A5052P-H32`` as `` 5052-H32 ``: the alloy and temper, padded to the length written."""
    alloy = match[1] + (match[3] or "")
    return " " + alloy + " " * (len(match.group()) - len(alloy) - 1)
