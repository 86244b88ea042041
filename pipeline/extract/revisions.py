"""Compare the newest message's lines with the quoted history: what did the thread change?

A line whose grade, quantity or size differs from the same item earlier in the thread carries the
final value (it comes from the newest message) and a ``revised_in_thread`` flag, with a note per
change for the person reviewing it ("quantity was 12").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extract.cues import superseded
from pipeline.extract.grades import find_grades
from pipeline.extract.quantity import parse_count
from pipeline.models import LineItem
from pipeline.units import find_lengths


def _same_item(line: LineItem, earlier: LineItem) -> bool:
    if line.form and earlier.form and line.form != earlier.form:
        return False
    return bool(
        (line.grade and line.grade == earlier.grade) or (line.material and line.material == earlier.material)
    )


def _changes(line: LineItem, earlier: LineItem) -> list[str]:
    changes = []
    if earlier.grade and line.grade and earlier.grade != line.grade:
        changes.append(f"grade was {earlier.grade}")
    if earlier.quantity and line.quantity and earlier.quantity != line.quantity:
        changes.append(f"quantity was {earlier.quantity:g}")
    for name, value in earlier.dimensions.items():
        now = line.dimensions.get(name)
        if now is not None and abs(now - value) > 0.005 * max(now, value):
            changes.append(f'{name.replace("_", " ")} was {value:g}"')
    return changes


def mark_revisions(lines: list[LineItem], history: Iterable[list[LineItem]]) -> None:
    """Flag each line the thread changed; ``history`` gives the quoted messages' lines, newest
    first. It is read only as far as needed: once every line has found its earlier self."""
    earlier: dict[int, LineItem] = {}
    for message in history:
        for index, line in enumerate(lines):
            if index not in earlier:
                found = next((candidate for candidate in message if _same_item(line, candidate)), None)
                if found is not None:
                    earlier[index] = found
        if len(earlier) == len(lines):
            break
    for index, before in earlier.items():
        line = lines[index]
        line.revisions += [change for change in _changes(line, before) if change not in line.revisions]
        if line.revisions and "revised_in_thread" not in line.flags:
            line.flags.append("revised_in_thread")


UNREAD_CHANGE = "thread_change_unread"  # a change the newest message asks that no line shows applied


def note_change(line: LineItem, change: str) -> None:
    """Record on ``line`` what a later message changed, which the desk is asked about."""
    line.revisions.append(change)
    if "revised_in_thread" not in line.flags:
        line.flags.append("revised_in_thread")


def _change_grade(lines: list[LineItem], old: str, new: str) -> bool:
    old_hits, new_hits = find_grades(old), find_grades(new)
    if not old_hits or not new_hits:
        return False
    changed = False
    for line in lines:
        if line.grade == old_hits[0].grade:
            line.grade, line.material = new_hits[0].grade, new_hits[0].family or line.material
            note_change(line, f"grade was {old_hits[0].grade}")
            changed = True
    return changed


def _change_number(lines: list[LineItem], old: str, new: str) -> None:
    """A quantity ("10, not 6") or, when the number has a unit or is written as a size, a size
    ("8.5\", not 8\"", ".090 instead of .080")."""
    old_lengths, new_lengths = find_lengths(old), find_lengths(new)
    # a unit, a leading point or a fraction: a size (".090 instead of .080"), never a count
    sized = any(re.match(r"\.\d|\d+/\d", value.strip()) for value in (old, new))
    if old_lengths and new_lengths and (old_lengths[0].unit or new_lengths[0].unit or sized):
        for line in lines:
            for name, value in line.dimensions.items():
                if abs(value - old_lengths[0].inches) < 1e-6:
                    line.dimensions[name] = round(new_lengths[0].inches, 6)
                    note_change(line, f'{name.replace("_", " ")} was {value:g}"')
        return
    before, after = parse_count(re.sub(r"[^\d.,]", "", old)), parse_count(re.sub(r"[^\d.,]", "", new))
    if before is None or after is None:
        return
    for line in lines:
        if line.quantity == before:
            line.quantity = after
            note_change(line, f"quantity was {before:g}")


def apply_changes(lines: list[LineItem], text: str) -> None:
    """Apply what a reply changes in the quoted lines it approves ("we need 10, not 6",
    "change the grade from 4140 to 4340")."""
    for change in superseded(text):
        if change.new and not _change_grade(lines, change.old, change.new):
            _change_number(lines, change.old, change.new)
