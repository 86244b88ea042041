"""Order lines: find the text of each requested item, then read material, form, size, quantity."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.dimensions import assign, measure
from pipeline.extract.quantity import find_quantity
from pipeline.extract.vocabulary import FAMILY_WORDS, FORM_WORDS, GRADE_PATTERNS, NON_CATALOG
from pipeline.models import LineItem, Span

_ITEM_START = re.compile(r"^\s*(?:\d{1,3}[.)]|item\s+\d+\s*[:.)-]|[-*•]|\(\d+\))\s+", re.IGNORECASE)
_SUB_BULLET = re.compile(r"^\s+[-*•]\s+|^\s*[-*•]\s+\w[\w /]*:\s")


@dataclass(frozen=True)
class Segment:
    text: str
    start: int


def _line_spans(text: str) -> list[Segment]:
    spans, position = [], 0
    for raw in text.split("\n"):
        spans.append(Segment(raw, position))
        position += len(raw) + 1
    return spans


def _mentions_material(text: str) -> bool:
    return any(p.pattern.search(text) for p in GRADE_PATTERNS) or any(
        regex.search(text) for regex, _ in FAMILY_WORDS
    )


def _mentions_form(text: str) -> bool:
    return any(regex.search(text) for regex, _ in FORM_WORDS)


def _blocks(lines: list[Segment]) -> list[list[Segment]]:
    """Group an item heading with the sub-bullets under it; every other line stands alone."""
    blocks: list[list[Segment]] = []
    for line in lines:
        if (
            blocks
            and line.text.strip()
            and _SUB_BULLET.match(line.text)
            and _ITEM_START.match(blocks[-1][0].text)
        ):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def segments(text: str) -> list[Segment]:
    """Item texts: blocks naming a material and a form, or a listed non-catalog item."""
    found = []
    for block in _blocks(_line_spans(text)):
        joined = "\n".join(segment.text for segment in block)
        listed_other = _ITEM_START.match(block[0].text) and NON_CATALOG.search(block[0].text)
        if (_mentions_material(joined) and _mentions_form(joined)) or listed_other:
            found.append(Segment(joined, block[0].start))
    return found


def _grade(text: str) -> tuple[str | None, str | None, str | None, Span | None]:
    """(grade, family, temper, span) of the first grade written in ``text``."""
    best = None
    for pattern in GRADE_PATTERNS:
        match = pattern.pattern.search(text)
        if match and (best is None or match.start() < best[0].start()):
            if pattern.family == "tool_steel" and not re.search(r"tool\s+steel", text, re.IGNORECASE):
                continue
            best = (match, pattern)
    if best is None:
        return None, None, None, None
    match, pattern = best
    temper = match.group(pattern.temper_group) if pattern.temper_group else None
    return pattern.grade, pattern.family, temper and temper.upper(), Span(match.start(), match.end())


def _first(text: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> tuple[str | None, Span | None]:
    best: tuple[int, str, Span] | None = None
    for regex, value in table:
        match = regex.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), value, Span(match.start(), match.end()))
    return (best[1], best[2]) if best else (None, None)


def parse_item(line_no: int, segment: Segment) -> LineItem:
    """Read one item's fields; spans in ``evidence`` index the whole document text."""
    text, offset = segment.text, segment.start
    item = LineItem(
        line_no=line_no, source_text=" ".join(text.split()), span=Span(offset, offset + len(text))
    )
    grade, family, temper, grade_span = _grade(text)
    word_family, family_span = _first(text, FAMILY_WORDS)
    item.grade, item.temper = grade, temper
    item.material = family or word_family
    if grade_span:
        item.evidence["grade"] = Span(grade_span.start + offset, grade_span.end + offset)
    if family_span or grade_span:
        span = family_span or grade_span
        item.evidence["material"] = Span(span.start + offset, span.end + offset)
    item.form, form_span = _first(text, FORM_WORDS)
    if form_span:
        item.evidence["form"] = Span(form_span.start + offset, form_span.end + offset)
    quantity = find_quantity(text, skip=((grade_span.start, grade_span.end),) if grade_span else ())
    exclude = []
    if quantity:
        item.quantity, item.uom = quantity.value, quantity.uom
        item.evidence["quantity"] = Span(quantity.start + offset, quantity.end + offset)
        exclude.append(item.evidence["quantity"])
    if grade_span:
        exclude.append(item.evidence["grade"])
    dims, spans = assign(item.form, measure(text, offset, exclude))
    item.dimensions, item.evidence = dims, item.evidence | spans
    _flag(item, text)
    return item


def _flag(item: LineItem, text: str) -> None:
    if NON_CATALOG.search(text):
        item.flags.append("not_catalog_product")
    if item.quantity is None:
        item.flags.append("missing_quantity")
    if item.grade is None:
        item.flags.append("missing_grade")
    if item.form is None:
        item.flags.append("missing_form")
    elif not item.dimensions:
        item.flags.append("missing_dimensions")


def extract_lines(text: str) -> list[LineItem]:
    return [parse_item(number, segment) for number, segment in enumerate(segments(text), start=1)]
