"""Marks a typed list lays out with, read as the gaps they stand for: dot leaders
("1-1/4 rd .......... (16) @ 4-1/8\"") and arrowed side notes ("(4) @ 11\"   <-- last time these came
at 10-7/8"), whose sizes are not the item's.

They are written as spaces of the same length, so every position in the text stays put (the
customer's own words are still shown from the original text).
"""

from __future__ import annotations

import re

_LEADER = re.compile(r"(?<=\S) ?\.{4,} ?(?=\S)|(?<=\S) ?(?:\. ){3,}\.? ?(?=\S)")
_ARROWED_NOTE = re.compile(r"(?<=\S)[ \t]+(?:<-+|<=+|←)[^\n]*")


def without_layout_marks(text: str) -> str:
    """``text`` with its dot leaders and arrowed side notes written as spaces of the same length."""
    if "...." in text or ". . ." in text:
        text = _LEADER.sub(lambda match: " " * len(match.group()), text)
    if "<-" in text or "<=" in text or "←" in text:
        text = _ARROWED_NOTE.sub(lambda match: " " * len(match.group()), text)
    return text
