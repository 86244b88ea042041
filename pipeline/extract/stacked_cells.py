"""Tables pasted one cell per line, as web mail and Outlook flatten a table copied from a sheet:
"Qty", "Grade", "Description", "Length / Size", "Notes" each on a line of its own, then each row's
cells in the same order, an empty cell a blank line.

The header's lines and each row's are joined with tabs — a newline becomes a tab, so every
position in the text stays put — and the table reader reads the rows by their columns.
"""

from __future__ import annotations

import re

from pipeline.extract.quantity import parse_count
from pipeline.extract.tables import role_of

_MIN_COLUMNS = 3
_MAX_COLUMNS = 12
_HEADER_CELL_MAX = 30  # a column's name is a few words
_ITEM_ROLES = frozenset({"description", "grade", "size", "form"})


def rows_from_stacked_cells(text: str) -> str:
    """``text`` with each table written one cell per line joined back into tab-separated rows."""
    if text.count("\n") < 2 * _MIN_COLUMNS:
        return text
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    joined = list(text)
    index = 0
    while index < len(lines):
        roles = _header_roles(lines, index)
        if roles is None:
            index += 1
            continue
        width = len(roles)
        rows = _rows(lines, index + width, roles)
        if not rows:
            index += 1
            continue
        for first in (index, *rows):
            for line in range(first, first + width - 1):
                joined[starts[line] + len(lines[line])] = "\t"
        index = rows[-1] + width
    return "".join(joined)


def _header_roles(lines: list[str], index: int) -> list[str] | None:
    """The roles of a header written one column name per line from ``lines[index]``, if one starts
    there: three names or more, a quantity and something an item is read from among them."""
    roles: list[str] = []
    for line in lines[index : index + _MAX_COLUMNS]:
        name = line.strip()
        role = role_of(name) if name and len(name) <= _HEADER_CELL_MAX and "\t" not in name else None
        if role is None:
            break
        roles.append(role)
    if len(roles) < _MIN_COLUMNS or "qty" not in roles or not _ITEM_ROLES.intersection(roles):
        return None
    return roles


def _rows(lines: list[str], start: int, roles: list[str]) -> list[int]:
    """The first line of each row under the header: rows of ``len(roles)`` lines whose quantity
    cell holds a count, up to the first that does not."""
    width, quantity = len(roles), roles.index("qty")
    rows = []
    while start + width <= len(lines):
        cells = [line.strip() for line in lines[start : start + width]]
        count = cells[quantity]
        if not re.fullmatch(r"\d{1,5}(?:\.\d+)?", count) or not parse_count(count):
            break
        if not any(cells[column] for column, role in enumerate(roles) if role in _ITEM_ROLES):
            break
        rows.append(start)
        start += width
    return rows
