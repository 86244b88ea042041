"""An order listed twice in one message: in the customer's own language and again in English, or
as a list and then a summary sentence ("In English: please quote 4 sheets of …, 6 bars of …").

Each item is one line: of the two readings, the one that needed fewer flags is kept.
"""

from __future__ import annotations

from pipeline.catalog.equivalents import catalog_grade
from pipeline.models import LineItem


def once(lines: list[LineItem]) -> list[LineItem]:
    """``lines`` with a restatement of all of them left out (lines in reading order)."""
    half = len(lines) // 2
    if not half or len(lines) % 2:
        return lines
    first, second = lines[:half], lines[half:]
    if not all(_same_item(a, b) for a, b in zip(first, second, strict=True)):
        return lines
    return second if _flags(second) < _flags(first) else first


def _flags(lines: list[LineItem]) -> int:
    return sum(len(line.flags) for line in lines)


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
