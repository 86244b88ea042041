"""Cut lists: an item named once in a heading, then its pieces by count and length.

    1-1/2 x 1-1/2 x 1/8 sq tube A500:
       4 off @ 36-1/2"
       6 off @ 22-3/4"

The heading gives grade, form and section; each line under it gives a count and, where the piece
is cut to length, that length. Every such line is an order line of its own.
"""

from __future__ import annotations

import copy
import re

from pipeline.extract.blocks import Block
from pipeline.extract.item import Parsed, parse_block
from pipeline.models import LineItem, Span
from pipeline.units import find_lengths

_GIVEN_BY_PIECE = frozenset({"missing_quantity"})


def template(text: str, start: int, end: int, metric: bool = False) -> LineItem | None:
    """The item a heading names, if it names one whole but for its count (a heading naming no
    material or form is read no further); ``metric``: its message's unitless sizes are mm."""
    parsed = parse_block(text, Block(start, end, "bullet", "", metric=metric))
    if (parsed.has_material or parsed.has_form) and parsed.has_sizes and not parsed.has_quantity:
        return parsed.item
    return None


def pieces(text: str, head: LineItem, block: Block) -> list[LineItem]:
    """The lines of ``block`` that give a count (and a length) for ``head``; none unless every
    line of the block does."""
    found = []
    position = block.start
    for raw in text[block.start : block.end].split("\n"):
        line = Block(position, position + len(raw), "bullet", block.heading, metric=block.metric)
        position += len(raw) + 1
        if not raw.strip():
            continue
        piece = parse_block(text, line, candidates_only=False)
        if (
            not piece.has_quantity
            or piece.has_material
            or piece.has_form
            or len(piece.item.dimensions) > _sizes_cut(head)
        ):
            return []
        found.append(_cut(head, piece.item, raw))
    return found


def _sizes_cut(head: LineItem) -> int:
    """How many sizes a piece under ``head`` gives: its length, or a plate's width and length."""
    flat = head.form in ("plate", "sheet", "bar_rectangular") and "width" not in head.dimensions
    return 2 if flat and "thickness" in head.dimensions else 1


def _cut(head: LineItem, piece: LineItem, raw: str) -> LineItem:
    item = copy.deepcopy(head)
    item.quantity, item.uom, item.quantity_range = piece.quantity, piece.uom, piece.quantity_range
    item.span = piece.span
    item.source_text = f"{head.source_text} {' '.join(raw.split())}"
    item.evidence |= {name: span for name, span in piece.evidence.items() if name == "quantity"}
    written = [span for name, span in piece.evidence.items() if name in piece.dimensions]
    # a length, or (of a plate or sheet given by its thickness) a width and a length: "4 pcs 12 x 24"
    names = ("length",) if len(piece.dimensions) == 1 else ("width", "length")
    for name, value, span in zip(names, piece.dimensions.values(), [*written, None, None], strict=False):
        item.dimensions[name] = value
        if span is not None:
            item.evidence[name] = Span(span.start, span.end)
    item.flags = [flag for flag in item.flags if flag not in _GIVEN_BY_PIECE] + [
        flag
        for flag in piece.flags
        if flag not in item.flags and flag in ("approximate_quantity", "quantity_range")
    ]
    return item


# a labelled spec run's "Lengths: (4) 20-foot beams, (2) 16-foot beams": the item's pieces
_LENGTHS_FIELD = re.compile(r"^[ \t>*•-]*lengths?\s*:\s*(?P<value>[^\n]+)$", re.IGNORECASE | re.MULTILINE)
_COUNTED_LENGTH = re.compile(r"\((?P<n>\d{1,4})\)\s*(?P<length>[^,();\n]+)")


def listed_lengths(text: str, block: Block) -> list[LineItem]:
    """The lines of a spec run ("- Size: W8 x 31 / - Lengths: (4) 20-foot beams, (2) 16-foot
    beams") that lists two or more counted lengths: the rest of the run names the item, each
    count and length is a line."""
    field = _LENGTHS_FIELD.search(text, block.start, block.end)
    if field is None:
        return []
    counted = list(_COUNTED_LENGTH.finditer(text, field.start("value"), field.end("value")))
    if len(counted) < 2:
        return []
    blanked = text[: field.start()] + " " * (field.end() - field.start()) + text[field.end() :]
    return _each_piece(block, blanked, counted, text[block.start : field.start()])


# "8 @ 30\", 4 @ 60-1/4\"" after the item on its own line: each count and length a piece
_AT_CUT = re.compile(
    r"(?<![\w/.-])(?P<n>\d{1,4})\s*(?:pcs?\.?|pieces|ea\.?|off|x)?\s*@\s*"
    r"(?P<length>\d[\d /.-]*(?:\"|”|''|'|\s?in\b|\s?ft\b|\s?mm\b)(?:\s*-?\s*\d[\d /.-]*(?:\"|”))?)"
)

_FROM_STOCK = re.compile(
    r"\b(?:from|out\s+of)\s+(?:\d{1,2}|one|a|an)\s+(?:sticks?|bars?|lengths?|pieces?)\b", re.IGNORECASE
)


def cuts_on_line(text: str, block: Block) -> list[LineItem]:
    """The pieces of one line that names an item, then two or more counts at lengths ("304 sq tube
    1-1/2 x 1-1/2 x .065 wall: 8 @ 30\", 4 @ 60-1/4\""): a line each, the item's the rest."""
    if "@" not in text[block.start : block.end] or "\n" in text[block.start : block.end].strip():
        return []
    counted = list(_AT_CUT.finditer(text, block.start, block.end))
    if len(counted) < 2:
        return []
    blanked = text
    # "from 1 stick cut 3 @ 36\" and 2 @ 16\"": the stock the cuts come out of is no count of its own
    for piece in [*counted, *_FROM_STOCK.finditer(text, block.start, block.end)]:
        blanked = blanked[: piece.start()] + " " * (piece.end() - piece.start()) + blanked[piece.end() :]
    return _each_piece(block, blanked, counted, None)


def _each_piece(block: Block, blanked: str, counted: list[re.Match[str]], lead: str | None) -> list[LineItem]:
    """A line for each count and length of ``counted``, the item the rest of ``block`` names (read
    in ``blanked``, the counts blanked out; ``lead`` its words, else the item's own); none when the
    rest names no sized item or has a count of its own ("6 @ 17'-2\", 4 @ 6'-5\" | 8 pcs x 21'":
    the cuts are a note on nesting), or a length is not one size."""
    head = parse_block(blanked, block, candidates_only=False)
    if not (head.has_form and head.has_sizes) or head.non_catalog or head.has_quantity:
        return []
    words = head.item.source_text.rstrip(" ,;") if lead is None else lead
    found = []
    for piece in counted:
        lengths = find_lengths(piece["length"])
        if len(lengths) != 1:
            return []
        item = copy.deepcopy(head.item)
        item.quantity, item.uom, item.quantity_range = float(piece["n"]), "EA", None
        item.dimensions["length"] = lengths[0].inches
        item.span = Span(piece.start(), piece.end())
        item.source_text = " ".join(f"{words} {piece.group()}".split())
        item.flags = [flag for flag in item.flags if flag not in _GIVEN_BY_PIECE]
        found.append(item)
    return found


# A group: a short line naming the item once ("5086-H116 plate", "Shafting 1045 TG&P 2-7/16" dia",
# "Plate A36 1/2"") over lines that each give a count and the rest of the size ("3 pcs 3/16" x 72 x
# 240", "2 pcs @ 4'-8 1/4"", "2 pcs 14" x 22 1/2""): each such line is the item, read as if written
# after the heading.
_HEAD_MAX = 60
_SENTENCE = re.compile(r"[.!?](?:\s+[A-Za-z]|\s*$)")


def short_line(body: str, most: int = _HEAD_MAX) -> bool:
    """One line of at most ``most`` characters that is not a sentence: written as an item or a
    heading is, not as prose."""
    body = body.strip()
    return "\n" not in body and len(body) <= most and not _SENTENCE.search(body)


def group_head(text: str, block: Block, parsed: Parsed) -> bool:
    """Whether ``block`` may name the item of the lines under it: a short line with a grade or a
    form and no count."""
    return (
        (parsed.has_material or parsed.has_form)
        and not parsed.has_quantity
        and not parsed.non_catalog
        and short_line(text[block.start : block.end])
    )


def group_member(text: str, block: Block, parsed: Parsed, head: Parsed) -> bool:
    """Whether ``block`` gives a count and sizes for ``head``'s item, naming no item of its own."""
    form = parsed.item.form if "form_inferred" not in parsed.item.flags else None
    return (
        parsed.has_quantity
        and parsed.has_sizes
        and not parsed.has_material
        # under "C360 brass, 12ft bars", a "7/8 hex" is one of the bars
        and (form in (None, head.item.form) or _names_bars(text, head))
        and short_line(text[block.start : block.end])
    )


def _names_bars(text: str, head: Parsed) -> bool:
    """Whether the head names its form only as "bars" (which may be round, hex, flat …)."""
    form = head.item.evidence.get("form")
    return form is not None and _BARS.fullmatch(text[form.start : form.end]) is not None


_BARS = re.compile(r"bars?", re.IGNORECASE)


def grouped(text: str, head: Block, member: Block) -> LineItem:
    """The item ``member`` gives a count and sizes for, read after ``head``'s words; its evidence
    points into both lines of the document."""
    joined = f"{text[head.start : head.end]}\n{text[member.start : member.end]}"
    cut = head.end - head.start + 1
    block = Block(0, len(joined), "bullet", head.heading, metric=head.metric or member.metric)
    item = parse_block(joined, block, candidates_only=False).item

    def back(span: Span) -> Span:
        if span.end <= cut:
            return Span(head.start + span.start, head.start + span.end)
        return Span(member.start + max(span.start - cut, 0), member.start + span.end - cut)

    item.evidence = {name: back(span) for name, span in item.evidence.items()}
    item.span = Span(member.start, member.end)
    return item
