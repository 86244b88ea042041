"""Compare the newest message's lines with the quoted history: what did the thread change?

A line whose grade, quantity or size differs from the same item earlier in the thread carries the
final value (it comes from the newest message) and a ``revised_in_thread`` flag, with a note per
change for the person reviewing it ("quantity was 12").
"""

from __future__ import annotations

from pipeline.models import LineItem


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


def mark_revisions(lines: list[LineItem], history: list[list[LineItem]]) -> None:
    """Flag each line the thread changed; ``history`` is the quoted messages' lines, newest first."""
    earlier_lines = [earlier for message in history for earlier in message]
    for line in lines:
        earlier = next((candidate for candidate in earlier_lines if _same_item(line, candidate)), None)
        if earlier is None:
            continue
        changes = [change for change in _changes(line, earlier) if change not in line.revisions]
        line.revisions += changes
        if line.revisions and "revised_in_thread" not in line.flags:
            line.flags.append("revised_in_thread")
