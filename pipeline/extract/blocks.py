"""Cut a message into blocks: the pieces of text that may each describe one requested item.

Emails write items in a few shapes, and each becomes one block:
- a numbered item with the lines indented or bulleted under it (``1. Titanium sheets`` / ``- Qty: 12``);
- a run of labelled lines (``- Material: 4340`` / ``- Size: 8.5" dia x 36"`` / ``- Quantity: 18``);
- a bullet (``- 50 pieces of …``) with its continuation lines;
- a row of a table (pasted, HTML, or an attached sheet) under its header row;
- a paragraph of prose.
Each block remembers the section heading above it ("ALTERNATE MATERIALS:", "QUESTIONS FOR YOU:")
and its labelled fields, so later steps know what a number is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract import tables
from pipeline.extract.vocabulary import FORM_WORDS, first_match

_NUMBERED = re.compile(
    r"^[ \t>]*(?:\d{1,3}(?:[.)]|/(?=[ \t]))|item\s*#?\s*\d{1,3}\s*[:.)-]|line\s+\d{1,3}\s*[:.)-]"
    r"|pos\.?\s*\d{1,3}\s*[:.)-])[ \t]+",
    re.I,
)
_BULLET = re.compile(r"^[ \t>]*(?:[-*•–·▪]|[a-h][.)])[ \t]+")
_BOLD_HEADING = re.compile(r"^[ \t>]*(?:[-*][ \t]+)?\*\*[^*\n]+\*\*[ \t]*:?[ \t]*$")
_CAPS_HEADING = re.compile(r"^[ \t>]*[A-Z][A-Z0-9 &/(),'#.+-]{3,}:?[ \t]*$")
_SIZE_CHAIN = re.compile(r"\d\s*(?:IN\.?|FT\.?|MM|\"|')?\s*[xX×]\s*\d")  # "1/2 IN X 48 IN"
_RULED_HEADING = re.compile(
    r"^[ \t>]*(?:-{2,}|={2,}|\*{2,}|#{2,})[ \t]*\S.*?\S[ \t]*(?:-{2,}|={2,}|\*{2,}|#{2,})[ \t]*$"
)  # "--- 304 ---"
# a colon and a space; or the full-width colon, which needs none ("品名：钢板", and a web form's label
# joined to its value, see ``stacked_fields``)
_COLON = re.compile(r"[ \t]*(?::[ \t]+|：[ \t]*)(?=\S)")
_LAST_SEPARATOR = re.compile(r"[,;|][ \t]*|[ \t]{2,}")  # PDFs separate fields by runs of spaces
# a label has no sentence inside it ("Confirmed. Please enter: 8 pcs …" is prose, not a field)
_LABEL = re.compile(r"[A-Za-z](?:[A-Za-z0-9/&#()'-]|\.(?!\s)|[ \t](?=\S)){0,40}")
_TITLE = re.compile(r"\*\*[^*\n]+\*\*")


@dataclass(frozen=True)
class Field:
    """A labelled value (``Thickness: 0.125"``); the label is lower-case, its unit hint apart."""

    label: str
    start: int  # of the value
    end: int
    unit: str | None = None  # "Length (mm)" → "mm"


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str  # "numbered" | "bullet" | "spec" | "row" | "paragraph"
    heading: str  # the section heading above the block, lower-case ("" if none)
    fields: tuple[Field, ...] = ()
    title: tuple[int, int] | None = None  # a bold title naming the item's purpose ("**Bushings**")
    counted: bool = False  # a row of a table with a quantity column: its count is read there only
    metric: bool = False  # its message writes sizes in mm or m and none in inches: unitless ones are mm


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str
    fields: tuple[Field, ...] = ()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t>"))

    @property
    def blank(self) -> bool:
        return not self.text.strip(" \t>")


def _lines(text: str, start: int, end: int) -> list[_Line]:
    lines, position = [], start
    for raw in text[start:end].split("\n"):
        end_of_line = position + len(raw)
        lines.append(_Line(position, end_of_line, raw, tuple(line_fields(text, position, end_of_line))))
        position = end_of_line + 1
    return lines


# a line that gives sizes and a count only: "  1/4 x 2 ..... 6 pcs", "  7/8 hex - 5"
_SIZES_FIRST = re.compile(
    r"[ \t>]*\d[\d./ -]*(?:\"|in\b)?\s*(?:[x×]\s*\d|hex\b|rd\b|round\b|sq\b|dia\b)", re.I
)


def _heads_sizes(lines: list[_Line], index: int) -> bool:
    """Whether a heading names the item the lines right under it size and count ("C110 copper bus
    bar, 12' lengths:" over "1/4 x 2 ..... 6 pcs"): read with them, as a group's head."""
    return (
        first_match(lines[index].text, FORM_WORDS) is not None
        and index + 1 < len(lines)
        and not lines[index + 1].blank
        and _SIZES_FIRST.match(lines[index + 1].text) is not None
    )


def _is_heading(line: _Line) -> bool:
    text = line.text
    # "ANGLE,A36,3 X 3 X 1/4,20 FT LG", a material master's description, is an item, not a heading
    described = "," in text and _SIZE_CHAIN.search(text) is not None
    capitals = _CAPS_HEADING.match(text) and sum(c.isalpha() for c in text) > 3 and not described
    if _BOLD_HEADING.match(text) or capitals:
        return not _NUMBERED.match(text)
    if _RULED_HEADING.match(text):
        return True
    stripped = text.strip(" \t>")
    return (
        stripped.endswith(":")
        and len(stripped.split()) <= 15
        and not _NUMBERED.match(text)
        and not _BULLET.match(text)
        and ": " not in stripped
    )


def _wrapped_on(before: _Line, line: _Line) -> bool:
    """A sentence's last words wrapped onto the next line ("… Just send full 20'" over "sticks:"),
    not a heading of its own: the line before ends mid-sentence and this one goes on in lower case."""
    return before.text.rstrip()[-1:] not in ".:!?" and line.text.lstrip(" \t>")[:1].islower()


def _cells(line: _Line) -> list[tuple[int, int]]:
    """Spans of the cells of a ``a | b | c`` table line (see ``tables.split_cells``)."""
    return [(line.start + a, line.start + b) for a, b in tables.split_cells(line.text, "pipe")]


def _is_table_line(line: _Line) -> bool:
    return "|" in line.text and sum(1 for start, end in _cells(line) if end > start) >= 2


def line_fields(text: str, line_start: int, line_end: int) -> list[Field]:
    """``Label: value`` pairs on one line; a label starts the line or follows ``,`` ``;`` ``|`` or a
    run of spaces, and is at most five words without a sentence in it."""
    fields: list[Field] = []
    body = text[line_start:line_end]
    if ":" not in body and "：" not in body:
        return fields
    lead = _BULLET.match(body) or _NUMBERED.match(body)
    offset = lead.end() if lead else len(body) - len(body.lstrip(" \t>"))
    for colon in _COLON.finditer(body, offset):
        separator = max(
            _LAST_SEPARATOR.finditer(body, offset, colon.start()), key=lambda m: m.end(), default=None
        )
        label_start = separator.end() if separator else offset
        label = body[label_start : colon.start()].strip()
        if not _LABEL.fullmatch(label) or len(label.split()) > 5:
            continue
        label = label.lower()
        hint = tables.UNIT_HINT.search(label)
        if hint:
            label = label[: hint.start()].strip()
        if fields:
            previous = fields[-1]
            fields[-1] = Field(previous.label, previous.start, line_start + label_start, previous.unit)
        fields.append(Field(label, line_start + colon.end(), line_end, hint and tables.hinted_unit(hint)))
    return fields


def _table_blocks(lines: list[_Line], heading: str) -> list[Block]:
    """Rows under a header row; each cell becomes a field labelled by its column."""
    header = [lines[0].text[a - lines[0].start : b - lines[0].start] for a, b in _cells(lines[0])]
    blocks = []
    for line in lines[1:]:
        if re.fullmatch(r"[\s|:=+-]*", line.text):  # markdown "|---|---|"
            continue
        fields = []
        for column, (a, b) in enumerate(_cells(line)):
            if a == b:
                continue
            label = header[column].strip().lower() if column < len(header) else ""
            hint = tables.UNIT_HINT.search(label)
            fields.append(
                Field(
                    label[: hint.start()].strip() if hint else label, a, b, hint and tables.hinted_unit(hint)
                )
            )
        blocks.append(Block(line.start, line.end, "row", heading, tuple(fields)))
    return blocks


_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+")


def _unquoted(text: str) -> str:
    """A line with its reply quote marks ("> ", ">> ") blanked: a quoted table's columns stand
    where they stood, the marks being no cell of it."""
    return _QUOTE_MARKS.sub(lambda marks: " " * len(marks.group()), text)


def _header(lines: list[_Line], index: int) -> tables.Table | None:
    """The table headed by ``lines[index]``, with the labels of a header row above it if any."""
    above = lines[index - 1] if index and not lines[index - 1].blank else None
    text = _unquoted(lines[index].text)
    merged = tables.header_under(_unquoted(above.text), text) if above is not None else None
    return merged or tables.read_header(text)


def _row_block(row: tables.Row, heading: str) -> Block:
    fields = tuple(Field(cell.label, cell.start, cell.end, cell.unit) for cell in row.cells)
    return Block(row.start, row.end, "row", heading, fields, counted=row.counted)


def _single_field(text: str, line: _Line) -> bool:
    return bool(line.fields) and line.fields[0].start - line.start <= line.indent + 45


def _take_children(lines: list[_Line], index: int) -> int:
    """Index after the lines that belong under ``lines[index]`` (indented or labelled bullets)."""
    parent = lines[index]
    numbered = bool(_NUMBERED.match(parent.text))
    j = index + 1
    while j < len(lines) and not lines[j].blank and not _is_heading(lines[j]):
        line = lines[j]
        if _NUMBERED.match(line.text) and line.indent <= parent.indent:
            break
        if line.indent <= parent.indent and not (numbered and _BULLET.match(line.text)):
            break
        j += 1
    return j


def _spec_run(text: str, lines: list[_Line], index: int) -> int:
    """Index after a run of labelled lines (with their continuation lines) starting at ``index``."""
    j = index + 1
    while j < len(lines) and not lines[j].blank and not _is_heading(lines[j]):
        line = lines[j]
        if _NUMBERED.match(line.text):
            break
        if not _single_field(text, line) and line.indent <= lines[index].indent:
            break
        if _names_item(line) and any(_names_item(earlier) for earlier in lines[index:j]):
            break  # "Plate: 1/4 x 48 x 96" then "Round bar: 1 dia x 12'": two items
        j += 1
    return j


def _names_item(line: _Line) -> bool:
    """A line labelled with a form ("- Plate: 0.25" thick x 48" x 96""): an item of its own."""
    return bool(line.fields) and FORM_WORDS.name_of(line.fields[0].label) is not None


def _block(text: str, lines: list[_Line], kind: str, heading: str) -> Block:
    start, end = lines[0].start, lines[-1].end
    fields = tuple(field for line in lines for field in line.fields)
    title = _TITLE.search(lines[0].text)
    title_span = (lines[0].start + title.start(), lines[0].start + title.end()) if title else None
    return Block(start, end, kind, heading, fields, title_span)


def heading_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the lines of ``text[start:end]`` that read as section headings ("ALUMINUM (6061-T6):")."""
    return [
        (line.start, line.end) for line in _lines(text, start, end) if not line.blank and _is_heading(line)
    ]


def split_blocks(text: str, start: int, end: int) -> list[Block]:
    """The blocks of ``text[start:end]`` in reading order."""
    lines = _lines(text, start, end)
    blocks: list[Block] = []
    heading = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
        elif (table := _header(lines, i)) is not None and (
            rows := tables.read_rows(
                table, [(later.start, _unquoted(later.text)) for later in lines[i + 1 :]]
            )
        )[0]:
            blocks += [_row_block(row, heading) for row in rows[0]]
            i += 1 + rows[1]
        elif _is_heading(line) and not _heads_sizes(lines, i):
            heading, i = line.text.strip(" \t>*:").lower(), i + 1
        elif _is_table_line(line) and i + 1 < len(lines) and _is_table_line(lines[i + 1]):
            j = i
            while j < len(lines) and _is_table_line(lines[j]):
                j += 1
            blocks += _table_blocks(lines[i:j], heading)
            i = j
        elif _NUMBERED.match(line.text) or (
            _BULLET.match(line.text) and (not _single_field(text, line) or _names_item(line))
        ):
            j = _take_children(lines, i)
            kind = "numbered" if _NUMBERED.match(line.text) else "bullet"
            blocks.append(_block(text, lines[i:j], kind, heading))
            i = j
        elif _single_field(text, line):
            j = _spec_run(text, lines, i)
            blocks.append(_block(text, lines[i:j], "spec", heading))
            i = j
        else:
            j = i + 1
            while (
                j < len(lines)
                and not lines[j].blank
                and (not _is_heading(lines[j]) or _wrapped_on(lines[j - 1], lines[j]))
                and not (_NUMBERED.match(lines[j].text) or _BULLET.match(lines[j].text))
                and tables.read_header(lines[j].text) is None
            ):
                j += 1
            blocks.append(_block(text, lines[i:j], "paragraph", heading))
            i = j
    return blocks
