"""Marks a typed list lays out with, read as what they stand for: dot leaders
("1-1/4 rd .......... (16) @ 4-1/8\"", "… × 12′ ...... 3": then a count), arrowed side notes
("(4) @ 11\"   <-- last time these came at 10-7/8"), whose sizes are not the item's, the quotes
around a CSV row's cells ("304","#4","Sheet": not 304 inches), and an outline's numbers ("1.1",
"1.2": not 1.1 inches).

Each is written over with spaces (an outline's number with a list's) of the same length, so every
position in the text stays put (the customer's own words are still shown from the original text).
"""

from __future__ import annotations

import re

_LEADER = re.compile(r"(?<=\S) ?\.{4,} ?(?=\S)|(?<=\S) ?(?:\. ){3,}\.? ?(?=\S)")
_ARROWED_NOTE = re.compile(r"(?<=\S)[ \t]+(?:<-+|<=+|←)[^\n]*")


# a CSV row of quoted cells: '"PFE-10293",1,20,"304","#4","Sheet",0.060,,48,120'
_QUOTED_ROW = re.compile(r'^(?=(?:[^\n]*"[^"\n]*"\s*,){2})[^\n]*$', re.MULTILINE)
# a leader to a bare number closing the line: the count ("1045 TGP Ø1.375 × 12′ ...... 3")
_BARE_COUNT_AFTER = re.compile(r"\d{1,4}[ \t]*(?:\([^)\n]*\)[ \t]*)?$", re.MULTILINE)


def without_layout_marks(text: str) -> str:
    """``text`` with its dot leaders and arrowed side notes written as spaces of the same length;
    a leader to a bare count at the end of its line is written as a "qty" label before it."""
    if "...." in text or ". . ." in text:
        text = _LEADER.sub(lambda match: _gap(text, match), text)
    if "<-" in text or "<=" in text or "←" in text:
        text = _ARROWED_NOTE.sub(lambda match: " " * len(match.group()), text)
    if '","' in text:
        text = _QUOTED_ROW.sub(_unquoted, text)
    if "." in text:
        text = _outline_numbers(text)
    return text


# "1.1  HEX BAR, SS 316/316L, 7/8 IN A/F X 12 FT": an outline's number, set apart by spaces
_OUTLINE = re.compile(r"^([ \t>]*)(\d{1,2})\.(\d{1,2})(?=[ \t]{2,}\S)", re.MULTILINE)


def _outline_numbers(text: str) -> str:
    """An outline's numbers ("1.1", "1.2", … under "1  Q4 Material") written as a list's ("1.", "2.")
    — not a size such as "1.5  HEX BAR": at least two lines numbered in turn under one number."""
    found = list(_OUTLINE.finditer(text))
    numbered = {(match[2], int(match[3])) for match in found}
    chars = list(text)
    for match in found:
        major, minor = match[2], int(match[3])
        if (major, minor - 1) in numbered or (major, minor + 1) in numbered:
            written = match.group()[len(match[1]) :]
            start = match.start() + len(match[1])
            chars[start : match.end()] = f"{minor}.".rjust(len(written))
    return "".join(chars)


_ESCAPED_QUOTE = re.compile(r'(?<=[^,"])""(?=[^,\n])')


def _unquoted(row: re.Match[str]) -> str:
    """A CSV row's cell quotes as spaces; a doubled quote inside a cell ("1/2"" hex") is the inch
    mark it escapes, and a comma inside a cell ("304 or 316, whichever you have") a semicolon, so
    that it divides no cells once the quotes are gone."""
    marked = _ESCAPED_QUOTE.sub("\x00 ", row.group())  # the inch marks, kept apart from the cell quotes
    chars, quoted = list(marked), False
    for index, char in enumerate(chars):
        if char == '"':
            quoted = not quoted
            chars[index] = " "
        elif char == "," and quoted and marked[index + 1 : index + 2] == " ":
            chars[index] = ";"  # (not "1,200": a number's thousands)
    return "".join(chars).replace("\x00", '"')


def _gap(text: str, leader: re.Match[str]) -> str:
    width = len(leader.group())
    if width >= 5 and _BARE_COUNT_AFTER.match(text, leader.end()):
        return " " * (width - 4) + "qty "
    return " " * width
