"""Lines of one part at one length written more than once: one order line, their counts added.

A cut list gives each mark its row ("C1  4  HSS 4x4x1/4  10'-2\"" and "C2  2  HSS 4x4x1/4  10'-2\"",
drilled differently in the customer's shop); the distributor ships six pieces of one part, and the
desk keys one line. The line is flagged ``lines_combined`` so that a person sees the counts were
added. Only rows of one list are combined (no blank line between them): the same items again in
another part of the message are a list said twice (a quote and the order it became), not more
pieces. Lines that differ in anything read (grade, temper, form, a size, the unit) stay apart, and
so does a line with no count.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from pipeline.models import LineItem

FLAG = "lines_combined"


def _part(line: LineItem) -> Hashable | None:
    if line.quantity is None or line.form is None or not line.dimensions or line.quantity_range:
        return None
    return (
        line.grade,
        line.temper,
        line.material,
        line.form,
        line.uom,
        tuple(sorted(line.dimensions.items())),
    )


_BLANK_LINE = re.compile(r"\n[ \t>]*\n")


def _same_list(text: str, first: LineItem, line: LineItem) -> bool:
    if first.span is None or line.span is None or line.span.start < first.span.end:
        return False
    return _BLANK_LINE.search(text, first.span.end, line.span.start) is None


def combine(lines: list[LineItem], text: str) -> list[LineItem]:
    """``lines`` (read from ``text``) with each part-and-length said again in the same list added
    to its first line, renumbered."""
    first: dict[Hashable, LineItem] = {}
    kept: list[LineItem] = []
    for line in lines:
        part = _part(line)
        if part is None or part not in first or not _same_list(text, first[part], line):
            if part is not None:
                first[part] = line
            kept.append(line)
            continue
        into = first[part]
        into.quantity = (into.quantity or 0) + (line.quantity or 0)
        into.source_text = f"{into.source_text} / {line.source_text}"
        into.flags = list(dict.fromkeys([*into.flags, *line.flags, FLAG]))
    for number, line in enumerate(kept, start=1):
        line.line_no = number
    return kept
