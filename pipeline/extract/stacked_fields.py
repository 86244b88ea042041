"""Web forms sent as mail, each field's label on a line of its own and its value on the next, the
fields apart by blank lines ("Item 1 - Shape" over "Round Bar", then "Item 1 - Size" over "2-1/2"
dia"), as WordPress, HubSpot and most site builders write a submission.

Each label is joined to its value with a full-width colon (which, unlike ":", needs no space after
it to end a label), an "Item 1 - " before a label is blanked, and the fields of one item run into
one block — a newline becomes "：" or a space, so every position in the text stays put — and the
item reader reads them as the "Label: value" lines it knows. Fields of different items ("Item 1 -
…", "Item 2 - …") stay apart.
"""

from __future__ import annotations

import re

from pipeline.extract.stacked_cells import lines_and_starts
from pipeline.extract.tables import role_of

# "Item 2 - Grade", "Size (thickness / diameter)", "Alloy / Temper": a field's name alone on its line
_LABEL = re.compile(
    r"[ \t]*(?:item\s*#?\s*(?P<item>\d{1,2})\s*[-–:.)]?\s*)?(?P<name>[A-Za-z][A-Za-z /()#.'-]{0,40}?)[ \t]*",
    re.IGNORECASE,
)
_FIELD_COLON = "："
_ITEM_ROLES = frozenset(
    {"qty", "size", "form", "grade", "description", "thickness", "width", "length", "diameter"}
)
_MIN_FIELDS = 3  # a material, a size and a count at least: an item's fields, not two stray lines


def fields_from_stacked_labels(text: str) -> str:
    """``text`` with each form field written as label line, value line joined as "Label: value",
    and the fields of one item run together."""
    if text.count("\n\n") < _MIN_FIELDS:
        return text
    lines, starts = lines_and_starts(text)
    fields = _fields(lines)
    if len(fields) < _MIN_FIELDS:
        return text
    joined = list(text)
    for index in _contact_fields(lines):  # "Company" over "Tri-County Hydraulic Repair"
        joined[starts[index] + len(lines[index])] = _FIELD_COLON
    groups: list[list[tuple[int, str | None]]] = []
    for index, item in fields:
        previous = groups[-1][-1] if groups else None
        follows = previous is not None and index == previous[0] + 3 and item == previous[1]
        groups[-1].append((index, item)) if follows else groups.append([(index, item)])
    for group in groups:
        if len(group) < _MIN_FIELDS:
            continue
        for index, item in group:
            joined[starts[index] + len(lines[index])] = _FIELD_COLON  # label, then its value
            if item is not None and (label := _LABEL.fullmatch(lines[index])):  # "Item 1 - ": the block's
                joined[starts[index] : starts[index] + label.start("name")] = " " * label.start("name")
        for index, _ in group[:-1]:
            joined[starts[index + 1] + len(lines[index + 1])] = " "  # the blank line after the value
    return "".join(joined)


_CONTACT = re.compile(
    r"[ \t]*(?:company(?:\s+name)?|organi[sz]ation|business(?:\s+name)?|po(?:\s*(?:#|number|no\.?))?|"
    r"purchase\s+order(?:\s*(?:#|number|no\.?))?)[ \t]*",
    re.IGNORECASE,
)


def _contact_fields(lines: list[str]) -> list[int]:
    """Label lines of the form's fields that say who orders: the company, the purchase order."""
    return [
        index
        for index in range(len(lines) - 2)
        if _CONTACT.fullmatch(lines[index]) and lines[index + 1].strip() and not lines[index + 2].strip()
    ]


def _fields(lines: list[str]) -> list[tuple[int, str | None]]:
    """(label line, item number) of each field naming what an item is made of, its size or count,
    whose value is one line followed by a blank one."""
    found = []
    for index in range(len(lines) - 2):
        label, value, after = lines[index], lines[index + 1].strip(), lines[index + 2].strip()
        if not value or after or ":" in label or len(value) > 60:
            continue
        match = _LABEL.fullmatch(label)
        if match is not None and role_of(match["name"]) in _ITEM_ROLES:
            found.append((index, match["item"]))
    return found
