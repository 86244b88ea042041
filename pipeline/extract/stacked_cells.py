"""Tables pasted one cell per line, as web mail and Outlook flatten a table copied from a sheet:
"Qty", "Grade", "Description", "Length / Size", "Notes" each on a line of its own, then each row's
cells in the same order, an empty cell a blank line.

The header's lines and each row's are joined with tabs — a newline becomes a tab, so every
position in the text stays put — and the table reader reads the rows by their columns.
"""

from __future__ import annotations

import re

from pipeline.extract.quantity import parse_count
from pipeline.extract.tables import QUANTITY_HEADER, role_of

_MIN_COLUMNS = 3
_MAX_COLUMNS = 12
_HEADER_CELL_MAX = 30  # a column's name is a few words
_MAX_WRAP = 2  # lines a description may wrap onto
_QUANTITY_LINE = re.compile(
    rf"^[ \t*_]*(?:{QUANTITY_HEADER})[ \t*_:]*$", re.IGNORECASE | re.MULTILINE
)  # "*Qty*": bold
# the columns that name the item (its count is a column of its own, required apart)
_NAMING_ROLES = frozenset({"description", "grade", "size", "form"})


def lines_and_starts(text: str) -> tuple[list[str], list[int]]:
    """The lines of ``text`` and where each starts: where a newline is written over in place."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return lines, starts


def rows_from_stacked_cells(text: str) -> str:
    """``text`` with each table written one cell per line joined back into tab-separated rows."""
    if text.count("\n") < 2 * _MIN_COLUMNS or not _QUANTITY_LINE.search(text):
        return text
    lines, starts = lines_and_starts(text)
    joined = list(text)
    # each short line's role as a column name, read once (most lines are prose, longer than a name)
    named = [
        role_of(line.strip()) if 0 < len(line.strip()) <= _HEADER_CELL_MAX and "\t" not in line else None
        for line in lines
    ]
    index = 0
    while index < len(lines):
        roles = _header_roles(named, index)
        rows = _rows(lines, index + len(roles), roles) if roles else []
        if not rows:
            index += 1
            continue
        for first, last, wrapped in ((index, index + len(roles) - 1, ()), *rows):
            for line in range(first, last):
                joined[starts[line] + len(lines[line])] = " " if line in wrapped else "\t"
        index = rows[-1][1] + 1
    return "".join(joined)


def _header_roles(named: list[str | None], index: int) -> list[str] | None:
    """The roles of a header written one column name per line from line ``index``, if one starts
    there: three names or more, a quantity and something an item is read from among them."""
    roles: list[str] = []
    for role in named[index : index + _MAX_COLUMNS]:
        if role is None:
            break
        roles.append(role)
    if len(roles) < _MIN_COLUMNS or "qty" not in roles or not _NAMING_ROLES.intersection(roles):
        return None
    return roles


def _rows(lines: list[str], start: int, roles: list[str]) -> list[tuple[int, int, range]]:
    """(first line, last line, lines its description wraps onto) of each row under the header:
    ``len(roles)`` lines, or more when the description wraps ("AR400 plate, 1/2" x 48" x" over
    "96""), whose quantity cell holds a count — up to the first that does not."""
    rows = []
    while True:
        row = next((row for extra in range(_MAX_WRAP + 1) if (row := _row(lines, start, roles, extra))), None)
        if row is None:
            return rows
        rows.append(row)
        start = row[1] + 1


def _row(lines: list[str], start: int, roles: list[str], extra: int) -> tuple[int, int, range] | None:
    """The row starting at ``lines[start]`` with its description wrapped onto ``extra`` more lines."""
    width, description = len(roles), roles.index("description") if "description" in roles else None
    if (extra and description is None) or start + width + extra > len(lines):
        return None
    cells = [line.strip() for line in lines[start : start + width + extra]]
    wrapped = range(0)
    if extra:
        at = description if description is not None else 0
        wrapped = range(start + at, start + at + extra)
        cells[at : at + extra + 1] = [" ".join(cells[at : at + extra + 1])]
    count = cells[roles.index("qty")]
    if not re.fullmatch(r"\d{1,5}(?:\.\d+)?", count) or not parse_count(count):
        return None
    if not any(cells[column] for column, role in enumerate(roles) if role in _NAMING_ROLES):
        return None
    return start, start + width + extra - 1, wrapped
