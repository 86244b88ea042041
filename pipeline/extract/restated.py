"""An order listed twice in one message: in the customer's own language and again in English, or
as a list and then a summary sentence ("In English: please quote 4 sheets of …, 6 bars of …").

Each item is one line: of its two readings, the one that needed fewer flags is kept.
"""

from __future__ import annotations

from pipeline.catalog.equivalents import catalog_grade
from pipeline.models import LineItem


def once(lines: list[LineItem]) -> list[LineItem]:
    """``lines`` with a restatement of all of them left out (lines in reading order): the two
    halves give the same counts in order, and all items but one (two languages may read one item
    differently) the same. Of each pair, the reading with fewer flags, then more sizes, is kept."""
    half = len(lines) // 2
    if not half or len(lines) % 2:
        return lines
    pairs = list(zip(lines[:half], lines[half:], strict=True))
    if any(a.quantity is None or a.quantity != b.quantity for a, b in pairs):
        return lines
    if sum(1 for a, b in pairs if not _same_item(a, b)) > (1 if half >= 3 else 0):
        return lines
    return [min(pair, key=lambda line: (len(line.flags), -len(line.dimensions))) for pair in pairs]


def _same_item(a: LineItem, b: LineItem) -> bool:
    """The same count of the same sizes in the same (or an equivalent, or an unsaid) grade; the form
    may be read differently in two languages ("barre plate" and "flat bar")."""
    sizes = sorted(round(value, 3) for value in a.dimensions.values())
    return (
        a.quantity is not None
        and a.quantity == b.quantity
        and bool(sizes)
        and sizes == sorted(round(value, 3) for value in b.dimensions.values())
        and (a.grade is None or b.grade is None or _alloy(a.grade) == _alloy(b.grade))
    )


def _alloy(grade: str) -> str:
    return catalog_grade(grade) or grade.upper()
