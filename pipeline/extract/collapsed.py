"""Order tables whose columns a PDF's text extraction collapsed to single spaces.

"Line Qty UM Part Number Description Unit Price Ext Price Req Date" over
"1 3 EA RM-7075-0100 PLATE, 7075-T651 AMS-QQ-A-250/12 185.60 556.80 04/18/25" and its wrapped
".750 DIA X 144.0 LG": no gap shows where a cell ends, so the header's words give the columns in
order; a row's cells before the description are one word each from the left, those after it one
word each from the right (a column whose word does not fit it is empty), and the description is
what is left, plus the lines it wraps onto.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"\S+")
_GAPPED = re.compile(r"\S(?: {2,}|\t)\S")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MONEY = re.compile(r"[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2,4}")
_DATE = re.compile(r"\d{1,2}[-/.](?:\d{1,2}|[A-Za-z]{3})[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}")  # "24-JUN-2024"
_UNITS = frozenset({  # units of measure an ERP prints beside a count
    "ea", "each", "pc", "pcs", "pce", "ft", "lf", "lb", "lbs", "kg", "m", "mt", "cwt", "sh", "sht", "shts",
    "lot", "bar", "bars", "bdl", "pl", "plt", "in", "pr", "set", "cut", "len", "jt", "jts", "stk", "lg", "rl",
})  # fmt: skip
# a wrapped description's line: a size ("X 48 X 120", ".750 DIA X 144.0 LG") or a few words
_SIZE_WORDS = re.compile(
    r"\d\s*(?:[xX×]|\"|')|(?:^|\s)[xX×]\s*\.?\d|\b(?:DIA|LG|WALL|THK|OD|ID|GA|FT)\b", re.I
)
_QUALIFIER = re.compile(r"\([A-Za-z$€£]{1,5}\)")
_HEADER_HINT = re.compile(r"\b(?:qty|quan|ordered|pcs|pieces|count|menge|cant)", re.IGNORECASE)
_TOTALS = re.compile(r"(?:sub\s*)?total|tax|freight|shipping|page\s+\d", re.IGNORECASE)
_FITS: dict[str | None, Callable[[str], bool]] = {
    # a line number, or an "Item" column's code ("AL-5086-250")
    "line": lambda word: (
        re.fullmatch(r"0*\d{1,4}|(?=.*\d)(?=.*[A-Za-z])[\w.]+(?:-[\w.]+)+", word) is not None
    ),
    "qty": lambda word: _NUMBER.fullmatch(word) is not None,
    "weight": lambda word: _NUMBER.fullmatch(word) is not None,
    "uom": lambda word: word.lower().rstrip(".") in _UNITS,
    "price": lambda word: _MONEY.fullmatch(word) is not None,
    "date": lambda word: _DATE.fullmatch(word) is not None,
    "part": lambda word: re.search(r"[\d-]", word) is not None,
}


def header_columns(
    text: str, role_of: Callable[[str], str | None], role: Callable[[str], str | None]
) -> list[tuple[str | None, str, int, int]] | None:
    """The columns (role, label, start, end) of a single-spaced header line, or ``None`` when the
    line is not one: at least four columns, a description and a quantity, one unknown word at most.
    ``role`` names a phrase's role exactly; ``role_of`` a single word's, more loosely."""
    if _GAPPED.search(text.strip()) or not _HEADER_HINT.search(text) or re.search(r"\d", text):
        return None  # a header names its columns in words, a count's among them (most lines are not)
    # "(USD)" qualifies the column before it, as "/" joins two names of one ("Part Number / Description")
    words = [word for word in _WORD.finditer(text) if not _QUALIFIER.fullmatch(word.group())]
    columns: list[tuple[str | None, str, int, int]] = []
    index = 0
    while index < len(words):
        for size in (4, 3, 2, 1):
            if index + size > len(words):
                continue
            start, end = words[index].start(), words[index + size - 1].end()
            phrase = text[start:end]
            if (size == 4) != (" / " in phrase):
                continue  # four words only as "A B / C" names one column
            found = role(phrase) if 1 < size < 4 else role_of(phrase)
            first = text[words[index].start() : words[index].end()]
            if found == "description" and 1 < size < 4 and role_of(first) not in (None, "description"):
                continue  # "Item Description", "Material Description": a number, then the description
            if found or size == 1:
                columns.append((found, phrase.lower(), start, end))
                index += size
                break
    roles = [column[0] for column in columns]
    if len(columns) < 4 or "description" not in roles or "qty" not in roles or roles.count(None) > 1:
        return None
    return columns


def row_cells(roles: list[str | None], text: str) -> list[tuple[int, int, int]]:
    """(column, start, end) of the cells of a row that starts on ``text``; empty when ``text`` does
    not start a row (its first words do not fit the columns before the description)."""
    words = [match.span() for match in _WORD.finditer(text)]
    middle = roles.index("description")
    lead, trail = roles[:middle], roles[middle + 1 :]
    if len(words) <= len(lead):
        return []
    lead_cells = _leading(lead, [text[a:b] for a, b in words])
    if lead_cells is None:
        return []
    cells = [(column, *words[index]) for column, index in lead_cells]
    taken = len(lead_cells)
    last = len(words) - 1
    for offset, role in enumerate(reversed(trail)):
        start, end = words[last]
        word = text[start:end]
        left = trail[len(trail) - 2 - offset] if offset + 1 < len(trail) else "description"
        # a column of unknown content (or a note) takes its word unless the word is the next column's
        known = role not in (None, "note")
        fits = _FITS.get(role, lambda _: False)(word) if known else not _FITS.get(left, lambda _: False)(word)
        if last > taken and fits:
            cells.append((len(roles) - 1 - offset, start, end))
            last -= 1
        elif (
            role == "qty"
            and last - 1 > taken
            and _FITS["uom"](word)
            and _NUMBER.fullmatch(text[slice(*words[last - 1])])
        ):
            cells.append((len(roles) - 1 - offset, words[last - 1][0], end))  # "6 EA" under "Order Qty."
            last -= 2
    if last >= taken:
        cells.append((middle, words[taken][0], words[last][1]))
    return sorted(cells)


def _leading(
    roles: list[str | None], words: list[str], column: int = 0, word: int = 0
) -> list[tuple[int, int]] | None:
    """(column, word index) of the cells before the description: a word each, in order, each fitting
    its column; a column of unknown content ("Qty Rec'd") may be left empty, as a PDF drops it."""
    if column == len(roles):
        return []
    role = roles[column]
    if word < len(words) - 1 and _FITS.get(role, lambda _: True)(words[word]):
        rest = _leading(roles, words, column + 1, word + 1)
        if rest is not None:
            return [(column, word), *rest]
    if role in (None, "note") and column:
        return _leading(roles, words, column + 1, word)
    return None


def continues(text: str) -> bool:
    """Whether ``text`` is a row's description wrapped onto its own line (".188 WALL X 24 FT",
    "C OF C REQUIRED"), not the prose or the totals after the table."""
    stripped = text.strip(" >")
    if _TOTALS.match(stripped):
        return False
    if _SIZE_WORDS.search(stripped):
        return True
    return len(stripped) <= 40 and not stripped.endswith(".") and not _MONEY.search(stripped)


def ends_row(text: str) -> bool:
    """Whether ``text`` is a wrapped row's last line: the end of its description, then its closing
    cells ("LINER REPAIR $1,012.00 $2,024.00", "48\" $842.00 $842.00")."""
    words = text.split()
    tail = len(words)
    while tail and (_MONEY.fullmatch(words[tail - 1]) or _DATE.fullmatch(words[tail - 1])):
        tail -= 1
    return 0 < tail < len(words) and continues(" ".join(words[:tail]))


def closing(text: str) -> bool:
    """Whether ``text`` holds only a row's closing cells, wrapped onto a line of their own
    ("214.75 1,073.75", "EA 96.00 480.00 08/09/2024"): counts, units, prices and dates."""
    words = text.split()
    return bool(words) and all(
        _NUMBER.fullmatch(word) or _MONEY.fullmatch(word) or _DATE.fullmatch(word) or _FITS["uom"](word)
        for word in words
    )
