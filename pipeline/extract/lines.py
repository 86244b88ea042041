"""Order lines: which blocks of a message are requested items, and what each asks for.

A numbered item, a bullet, a labelled spec block or a table row is a line when it names a
material or a form and gives a size or a quantity. Prose counts only when it names a material
and a form or size — and, in an email that also lists its items, only when it gives a quantity
(so "the aluminum plates need to be cut to 600 x 400mm" refers to a listed line, it is not a new
one). Questions to the supplier ("Do you have any 410 in 8" round?") and items put on hold are
not orders; a block under an "ALTERNATE MATERIALS" heading adds alternates to the line before it.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, replace

from pipeline.extract import context, cues, cutlist, prose, restated, specs
from pipeline.extract.blocks import Block, heading_lines, line_fields, split_blocks
from pipeline.extract.grades import find_grades
from pipeline.extract.item import Parsed, parse_block
from pipeline.extract.measure import is_metric
from pipeline.extract.quantity import PIECES, WORD_NUMBER, parse_count
from pipeline.extract.vocabulary import FAMILY_WORDS, FORM_WORDS, first_match
from pipeline.models import Alternate, LineItem, Span

# a line with a number and a size written on it: only such lines can each be a whole item
MERGED_FLAG = "items_merged"
ROW_ABOVE_FLAG = "item_from_row_above"
_DIGIT = re.compile(r"\d")
_LISTED = re.compile(r"[ \t>]*(?:[-*•–·▪]|\d{1,3}[.)]|[a-h][.)])[ \t]+")  # "- ", "2) ", "b. "
_SIZED_LINE = re.compile(r"\d.*(?:\bx\b|×|\"|\bmm\b|\bdia|\bOD\b|'|\bft\b|\bin\b|\bga\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    """A free-text request (the ``match`` command's input) and where it starts in its document."""

    text: str
    start: int


def parse_item(line_no: int, segment: Segment) -> LineItem:
    """One request written on its own (``1-1/2" 1018 round bar x 12 ft``) read as an item."""
    fields = tuple(line_fields(segment.text, 0, len(segment.text)))
    block = Block(0, len(segment.text), "paragraph", "", fields)
    item = parse_block(segment.text, block, line_no, candidates_only=False).item
    if item.span is not None:
        specs.own_specs(item, segment.text)
    if segment.start:
        shift = segment.start
        item.span = Span(item.span.start + shift, item.span.end + shift) if item.span else None
        item.evidence = {k: Span(v.start + shift, v.end + shift) for k, v in item.evidence.items()}
        for note in item.specs:
            note.span = Span(note.span.start + shift, note.span.end + shift) if note.span else None
    return item


def _full_item(parsed: Parsed) -> bool:
    return (parsed.has_material or parsed.has_form) and parsed.has_quantity and parsed.has_sizes


def _is_line(parsed: Parsed, block: Block, listed: bool, text: str) -> bool:
    if parsed.non_catalog:
        # a listed "- 316 castings" is kept and flagged; a clause of prose ("… some brackets for his
        # pontoon so i need some alum") only with a count or a size
        body = text[block.start : block.end]
        sized = parsed.has_quantity or parsed.has_sizes
        return block.kind != "paragraph" and (
            sized or (parsed.has_material and _LISTED.match(body) is not None)
        )
    if block.kind == "paragraph":
        if parsed.item.revisions and not parsed.has_sizes:
            return False  # "change the 316L to 316 and make it 20 bars": an edit of a quoted line
        body = text[block.start : block.end]
        if not (parsed.has_sizes or parsed.has_quantity) and context.said_of_every_item(body):
            return False  # "Our RFQ #25-114. All plate A572 Gr 50, burned to size": said of the items
        wanted = parsed.has_quantity or (not listed and cues.asks_for_goods(body))
        count = parsed.item.evidence.get("quantity")
        counted_first = count is not None and not text[block.start : count.start].strip(" \t>-*•")
        # "1/2 x 4 flat bar 20ft - 6 pcs": the count closing the line, set off by a dash
        counted_last = (
            count is not None
            and not text[count.end : block.end].strip(" \t.;,)")
            and text[block.start : count.start].rstrip(" \t(").endswith(("-", "–", "—", ":", "="))
        )
        if (
            parsed.has_form
            and parsed.has_sizes
            and (counted_first or counted_last)
            and cutlist.short_line(body, _ROW_MAX)
        ):
            return True  # "6 pcs UPN 120, 6 m" on its own: an item, whatever its grade
        if (
            parsed.has_form
            and parsed.has_sizes
            and parsed.has_quantity
            and _one_request(body, parsed, counted_first)
        ):
            return True  # "Need 20 pcs L 4 x 4 x 1/2 angle, 20 ft.": asked for alone, its grade unsaid
        return parsed.has_material and (parsed.has_form or parsed.has_sizes) and wanted
    return (parsed.has_material or parsed.has_form) and (parsed.has_quantity or parsed.has_sizes)


_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")


def _one_request(body: str, parsed: Parsed, counted_first: bool) -> bool:
    """The item is read from one sentence, on one line, that counts or asks for it ("1 sheet 10ga hr
    48x96. thanks", "… switching the design. Give me 6 of 2x2x3/16 square"); after the first
    sentence, not one that revises ("the pipe needs to be sch 10 not sch 40")."""
    origin = parsed.item.span.start if parsed.item.span else 0
    spans = [(span.start - origin, span.end - origin) for span in parsed.item.evidence.values()]
    if not spans:
        return False
    first = min(start for start, _ in spans)
    lead = len(body) - len(body.lstrip())
    for end in [*(match.end() for match in _SENTENCE_END.finditer(body, lead)), len(body)]:
        if end > first:  # the sentence the item starts in ("… switching the design. Give me 6 of …")
            break
        if parsed.item.revisions:
            return False  # "Two changes though: the pipe needs to be sch 10 not sch 40": an edit
        lead = end
    sentence = body[lead:end]
    within = all(lead <= start and stop <= end for start, stop in spans)
    one = "\n" not in sentence.strip() and len(sentence) <= _SENTENCE_MAX and within
    counted = counted_first or (
        (count := parsed.item.evidence.get("quantity")) is not None
        and _CONNECTIVE.fullmatch(body[lead : count.start - origin].strip(" \t>-*•")) is not None
    )
    # "Also 1-1/2\" sch 40 pipe, 3 full 21' lengths": one more item, its count after it
    added = "quantity" in parsed.item.evidence and _ALSO.match(sentence) is not None
    return one and (counted or added or cues.asks_for_goods(sentence))


_ALSO = re.compile(
    r"[ \t>*•-]*(?:and\s+)?(?:also|plus)\b(?!\s+the\b)", re.IGNORECASE
)  # not "Also the 2 sheets we got …"
# what may stand before a sentence's count: "Then two sheets …", "Also 4 pcs …", "And 6 of …"
_CONNECTIVE = re.compile(r"(?:(?:and\s+)?(?:then|also|plus|next)|and|oh\s+and)?[,:]?", re.IGNORECASE)


def _not_asked_for(text: str, block: Block, parsed: Parsed) -> bool:
    """An item asked about with no count, put on hold, said to stay as quoted ("the 1/2 plate is
    fine"), sent back ("… and got 1-1/4, want to send them back"), already had ("we have the HSS in
    stock"), named for its certificates ("the S355J2 plates require 3.1 certificates") or counted zero."""
    body = text[block.start : block.end]
    anchor = parsed.item.evidence.get("grade") or parsed.item.evidence.get("form")
    position = anchor.start - block.start if anchor else 0
    return (
        # "do you carry 1-1/2 hex in 6061? If so I need 2 bars": asked about, then counted — wanted
        (cues.is_question(body, position) and not parsed.has_quantity)
        or _held(body, position)
        or cues.keeps_as_quoted(body)
        or cues.is_returned(body)
        or (cues.is_on_hand(body) and not parsed.has_quantity)
        or (cues.asks_for_papers(body) and not (parsed.has_quantity or parsed.has_sizes))
        or _none_ordered(text, block)
    )


def _held(body: str, position: int) -> bool:
    """Whether the item at ``position`` is put on hold: in its own sentence, or by one that names
    no other item ("316 rod 1/2\" 4 pcs 12ft. and the 1/4 aluminum diamond plate we talked about,
    hold off on that": the plate is held, the rod is not)."""
    if not cues.is_on_hold(body):
        return False
    ends = [match.end() for match in _SENTENCE_END.finditer(body)]
    if not ends:
        return True
    bounds = [0, *ends, len(body)]
    for start, end in itertools.pairwise(bounds):
        sentence = body[start:end]
        if cues.is_on_hold(sentence) and (
            start <= position < end or first_match(sentence, FORM_WORDS) is None
        ):
            return True
    return False


def _none_ordered(text: str, block: Block) -> bool:
    """A table's row whose quantity cell reads zero ("Order Qty  0" on a reorder sheet), or that
    says the customer has it ("have in stock", "N/A - have"): listed, not ordered."""
    return (
        any(
            field.label == "qty" and re.fullmatch(r"0+(?:\.0+)?", text[field.start : field.end].strip())
            for field in block.fields
        )
        or (
            block.kind == "row"
            and "\n" not in text[block.start : block.end].strip()  # one row, not several read as one
            and cues.row_not_ordered(text[block.start : block.end])
        )
    )


_NAMING_CELLS = frozenset({"size", "description", "material", "grade", "form"})


def _under_merged_cell(
    text: str, block: Block, parsed: Parsed, previous: Block, above: LineItem
) -> LineItem | None:
    """A table's row whose item cell is blank, merged with the one above in the sheet it was pasted
    from: the item of the row above, at this row's count and length; ``None`` for any other row."""
    if (
        block.kind != "row"
        or previous.kind != "row"
        or above.span is None
        or above.span.start != previous.start
        or parsed.has_material
        or parsed.has_form
        or _none_ordered(text, block)
    ):
        return None
    parsed = parse_block(text, block, candidates_only=False)  # (a candidate only was read so far)
    if not parsed.has_quantity or set(parsed.item.dimensions) != {"length"}:
        return None
    labels = {field.label for field in block.fields}
    if not ({field.label for field in previous.fields} - labels) & _NAMING_CELLS:
        return None
    line = copy.deepcopy(above)
    line.quantity, line.uom = parsed.item.quantity, parsed.item.uom
    line.dimensions["length"] = parsed.item.dimensions["length"]
    line.span, line.source_text, line.evidence = (
        parsed.item.span,
        parsed.item.source_text,
        dict(parsed.item.evidence),
    )
    line.flags = [*above.flags, *([] if ROW_ABOVE_FLAG in above.flags else [ROW_ABOVE_FLAG])]
    return line


_GRADE_CELLS = frozenset({"material", "grade"})


def _grade_from_row_above(block: Block, item: LineItem, graded: tuple[Block, LineItem] | None) -> None:
    """A table's row whose grade cell is blank, merged with the one above in the sheet it was
    pasted from ("A36  PL 3/8 x 8  12" over "     PL 1/2 x 10  8"): the grade of the row above,
    flagged. Only a first column groups rows so; a blank cell further right is just blank."""
    if graded is None or graded[0].fields[0].label not in _GRADE_CELLS:
        return
    above = graded[1]
    if (
        above.grade is None
        or item.grade is not None
        or item.material not in (None, above.material)
        or {field.label for field in block.fields} & _GRADE_CELLS
    ):
        return
    item.grade, item.material, item.temper = above.grade, above.material, above.temper
    if "grade" in above.evidence:
        item.evidence["grade"] = above.evidence["grade"]
    item.flags = [flag for flag in item.flags if flag != "missing_grade"]
    if ROW_ABOVE_FLAG not in item.flags:
        item.flags.append(ROW_ABOVE_FLAG)


def _split_paragraph(text: str, block: Block) -> list[tuple[Block, Parsed]]:
    """A paragraph whose lines are whole items (a PDF's order table), or a group's (see
    ``cutlist.group_head``), gives one block per line."""
    raws = text[block.start : block.end].split("\n")
    if sum(1 for raw in raws if _SIZED_LINE.search(raw)) < 2:
        return [(block, parse_block(text, block))]
    lines, position = [], block.start
    for raw in raws:
        if raw.strip():
            sub = Block(position, position + len(raw), "bullet", block.heading, metric=block.metric)
            lines.append((sub, parse_block(text, sub)))
        position += len(raw) + 1
    whole = sum(1 for pair in lines if _full_item(pair[1]))
    sized = sum(1 for _, one in lines if one.has_form and one.has_sizes)
    # every line a sized form, counted or not ("A36 plate 1/2 x 48 x 96" over "A500 sq tube 2 x 2
    # x .120 wall" under "Please quote:"): a list without its bullets
    listed = sized >= 2 and sized == len(lines)
    # whole items and cut pieces ("4 pcs 12 x 24" under a heading "6061-T6 plate 1/2" thk:"), each a
    # line of its own: the pieces are read with the heading (``_cut_list``), the items alone
    if (
        whole
        and whole < len(lines)
        and all(_full_item(one) or _cut_piece(text, sub, one) for sub, one in lines)
    ):
        return [
            (pair if _full_item(pair[1]) else (replace(pair[0], kind="paragraph"), pair[1])) for pair in lines
        ]
    # a group is split here unless the paragraph is a cut list, read whole by ``_cut_paragraph``
    if whole < 2 and not listed and (not _groups(text, lines)[0] or _cut_paragraph(text, block)):
        parsed = parse_block(text, block)
        if sized >= 2:
            parsed.item.flags.append(MERGED_FLAG)  # two lines each naming a sized form: read as one
        return [(block, parsed)]
    # the other lines stay, as paragraphs: a grade said for the items ("All A36 except pipe is A53")
    return [
        (pair if listed or _full_item(pair[1]) else (replace(pair[0], kind="paragraph"), pair[1]))
        for pair in lines
    ]


def _point_over_items(body: str) -> bool:
    """A numbered or bulleted point that introduces sized lines under it ("2) Meanwhile I need the
    right stuff today:" over "- 3 bars 1-1/2\" 1018 …" and "- 2 pcs 1/2 x 4 …")."""
    first, *rest = body.strip().split("\n")
    counted = [raw for raw in rest if _SIZED_LINE.search(raw) and _COUNT_WORD.search(raw)]
    return len(counted) >= 2 and not _SIZED_LINE.search(first)


_COUNT_WORD = re.compile(rf"\b\d{{1,4}}\s*{PIECES}(?!\w)", re.IGNORECASE)  # "3 bars", "2 pcs"


def _cut_piece(text: str, block: Block, parsed: Parsed) -> bool:
    """A line giving a count and sizes and naming no item: a piece of the item a heading names."""
    if parsed.has_material or parsed.has_form:
        return False
    full = parse_block(text, block, candidates_only=False)  # (a candidate only was read so far)
    return full.has_quantity and full.has_sizes


def _split_prose(text: str, block: Block) -> list[tuple[Block, Parsed]] | None:
    """A paragraph asking for several whole items (each with its count and size) in its sentences
    or clauses, one pair per piece; an item told over several sentences stays whole."""
    spans = prose.pieces(text, block.start, block.end)
    sized = [(a, b) for a, b in spans if _DIGIT.search(text, a, b)]
    if len(sized) == 1 and len(spans) > 1:
        return _one_sized_sentence(text, block, sized[0])
    if len(sized) < 2:
        return None  # a whole item has a size, so a digit: fewer than two such pieces split nothing
    pairs = _told_on(
        text,
        [
            (sub, parse_block(text, sub))
            for sub in (Block(a, b, "bullet", block.heading, metric=block.metric) for a, b in spans)
        ],
    )
    if sum(1 for _, parsed in pairs if _full_item(parsed)) < 2 and (
        each := _OF_EACH.search(text, block.start, block.end)
    ):
        _count_each(pairs, each)
    whole = [(sub, parsed) for sub, parsed in pairs if _full_item(parsed)]
    if len(whole) >= 2:
        return pairs
    others = [(sub, parsed) for sub, parsed in pairs if sub is not whole[0][0]] if len(whole) == 1 else []
    universal = [bool(context.universal_statements(text, sub.start, sub.end)) for sub, _ in others]
    if any(universal) and all(
        sub.end <= whole[0][0].start
        and not (parsed.has_quantity or parsed.has_sizes)
        and (said_of_all or not (parsed.has_material or parsed.has_form))
        for (sub, parsed), said_of_all in zip(others, universal, strict=True)
    ):
        # "Angle, channel and flat all A36. Plus 1 sheet 10 ga HR 48 x 120.": a statement about the
        # items, then an item of its own; the statement stays a paragraph, read as one
        return [
            pair if pair[0] is whole[0][0] else (replace(pair[0], kind="paragraph"), pair[1])
            for pair in pairs
        ]
    counted = whole[0][1].item.evidence.get("quantity") if len(whole) == 1 else None
    if counted is not None and any(
        (lead := _LEAD_COUNT.match(text, a))
        and a <= counted.start < lead.end()
        and "\n" not in text[block.start : a]
        for a, _ in spans[1:]
    ):
        return pairs  # one item told over sentences, its count opening one of them ("Four posts, …")
    if sum(1 for sub, _ in pairs if _CROSS_SECTION.search(text, sub.start, sub.end)) >= 2:
        # "… tube 1-1/2 OD x .095 wall? need 3 sticks. also 1.75 x .120 wall 2 sticks": sizes of two
        # items in one reading, which a person must part
        whole = parse_block(text, block)
        whole.item.flags.append(MERGED_FLAG)
        return [(block, whole)]
    told = list(spans)
    while len(told) > 1 and cues.is_on_hand(text[told[-1][0] : told[-1][1]]):
        told.pop()  # "… two pieces cut to 36 x 60. We've got plenty of 3/8 AR on the shelf": not its size
    if len(told) < len(spans):
        sub = replace(block, end=told[-1][1])
        return [(sub, parse_block(text, sub))]
    return None


def _one_sized_sentence(text: str, block: Block, span: tuple[int, int]) -> list[tuple[Block, Parsed]] | None:
    """The one sentence with a size, when it is a whole item and a form or grade named before it
    would start the paragraph's item sentences early ("scratch what I said about the angle. …
    Please add 15 pcs of the 2x2x3/16 angle, 20' lengths.": the angle named first, the item after)."""
    before = text[block.start : span[0]]
    if first_match(before, FORM_WORDS) is None and not find_grades(before):
        return None  # the item read whole starts in the sized sentence: it is read as it is
    sub = Block(span[0], span[1], "bullet", block.heading, metric=block.metric)
    parsed = parse_block(text, sub)
    return [(sub, parsed)] if _full_item(parsed) else None


def _told_on(text: str, pairs: list[tuple[Block, Parsed]]) -> list[tuple[Block, Parsed]]:
    """Sentences of one item told on: "First is 1\" thick plate cut to 12 x 16." then "We'll take
    six of those."; "Also need 304 plate, 3/8\" thick." then "Cut 2 pcs 12\" x 12\" please." — an
    item with no count, then a sentence with a count (or sizes) and no item of its own, read as one."""
    told: list[tuple[Block, Parsed]] = []
    index = 0
    while index < len(pairs):
        head, parsed = pairs[index]
        end = index + 1
        if (parsed.has_material or parsed.has_form) and not parsed.has_quantity and not parsed.non_catalog:
            while (
                end < len(pairs)
                and "\n" not in text[pairs[end - 1][0].end : pairs[end][0].start]  # prose, not a list
                and _tells_on(text, pairs[end][0], pairs[end][1])
            ):
                end += 1
        block = replace(head, end=pairs[end - 1][0].end)
        joined = parse_block(text, block) if end > index + 1 else None
        if (
            joined is not None
            and not joined.has_quantity
            and (lead := _LEAD_COUNT.match(text, pairs[index + 1][0].start))
        ):
            # "Four posts, and he would like each cut at 42 inches": the count the sentence opens with
            joined.item.quantity, joined.item.uom = parse_count(lead["n"]), "EA"
            joined.item.evidence["quantity"] = Span(lead.start("n"), lead.end("n"))
            joined.item.flags = [flag for flag in joined.item.flags if flag != "missing_quantity"]
            joined = replace(joined, has_quantity=joined.item.quantity is not None)
        # the same item, counted now ("also 1.75 x .120 wall 2 sticks" after a round tube is a tube
        # of its own, which read together would make one rectangular tube)
        if joined is not None and joined.item.form == parsed.item.form and joined.has_quantity:
            told.append((block, joined))
            index = end
        else:
            told.append((head, parsed))
            index += 1
    return told


# a sentence opening with a count of things named by their use, not a count of pieces ("10 shts"
# starts an item): "Four posts, …", "Six of them please"
_LEAD_COUNT = re.compile(
    rf"(?:(?:i|we|he|she|they)\s+(?:will\s+|would\s+|'ll\s+)?(?:need|want|take)s?\s+)?(?:probably\s+|maybe\s+)?"
    rf"(?P<n>\d{{1,3}}|{WORD_NUMBER})\s+(?:of\s+(?:them|those|these)\b|(?!{PIECES}(?!\w))[a-z]{{3,}}s\b)"
    r"(?<!inches)(?<!feet)(?<!weeks)(?<!days)(?<!months)(?<!hours)(?<!years)(?<!times)",
    re.IGNORECASE,
)
_COUNT_NOUN_ONLY = re.compile(
    rf"\b(?:\d+|{WORD_NUMBER})\s+(?:bars|sticks|lengths|pieces|pcs)\b", re.IGNORECASE
)


def _tells_on(text: str, block: Block, parsed: Parsed) -> bool:
    """A sentence that counts or sizes the item before it and names none of its own ("We'll take
    six of those.", "If so I need 2 bars, full 12' lengths are fine.")."""
    if parsed.has_material or parsed.non_catalog:
        return False
    full = parse_block(text, block, candidates_only=False)
    if not full.has_quantity:  # "Four posts, and he would like each cut at 42 inches."
        return not full.has_form and _LEAD_COUNT.match(text, block.start) is not None
    form = full.item.evidence.get("form")
    # "2 bars", "3 sticks": a count's noun, not an item's form
    counted_noun = (
        form is not None
        and _COUNT_NOUN_ONLY.search(text, max(block.start, form.start - 12), form.end) is not None
    )
    return not full.has_form or (counted_noun and len(full.item.dimensions) <= 1)


# two sizes of one section: "1/2 x 4", "1-1/2 OD x .095"
_CROSS_SECTION = re.compile(r"\d[\"”]?\s*(?:od|o\.d\.|dia\.?)?\s*[x×]\s*\.?\d", re.IGNORECASE)
# "1½ sch80 pipe x21' + 2\" sch40 pipe x21' + 1½x1½x¼ angle 20' need 4 of each"
_OF_EACH = re.compile(rf"\b(?P<n>\d{{1,4}}|{WORD_NUMBER})\s+(?:{PIECES}\s+)?of\s+each\b", re.IGNORECASE)


def _count_each(pairs: list[tuple[Block, Parsed]], each: re.Match[str]) -> None:
    """Give the uncounted items of a sentence the count said once for each of them."""
    count = parse_count(each["n"])
    for _, parsed in pairs:
        if (
            count
            and (parsed.has_material or parsed.has_form)
            and parsed.has_sizes
            and not parsed.has_quantity
        ):
            parsed.item.quantity, parsed.item.uom = count, "EA"
            parsed.item.evidence["quantity"] = Span(each.start(), each.end())
            parsed.item.flags = [flag for flag in parsed.item.flags if flag != "missing_quantity"]
            parsed.has_quantity = True


_BLANK_LINE = re.compile(r"\n[ \t>]*\n")


def _detail(text: str, block: Block) -> bool:
    """A block that only details the item above it: a size or a count, no material or form of
    its own ("- 2\" diameter", "- 36\" lengths", "- Need 8 pieces", "Length: 48\" pieces")."""
    parsed = parse_block(text, block, candidates_only=False)
    whole = parsed.has_quantity and len(parsed.item.dimensions) >= 2  # "1/2 thick: 4 pcs @ 6 x 10": a cut
    return not (parsed.has_material or parsed.has_form or parsed.non_catalog or whole) and (
        parsed.has_sizes or parsed.has_quantity
    )


def _gather_details(text: str, pairs: list[tuple[Block, Parsed]]) -> list[tuple[Block, Parsed]]:
    """An item written over several lines — "4140 steel round bar" then "- 2\" diameter",
    "- 36\" lengths", "- Need 8 pieces" — read as one block: a head naming the material or form
    without a whole item, and the detail lines right under it."""
    gathered: list[tuple[Block, Parsed]] = []
    index = 0
    while index < len(pairs):
        head, parsed = pairs[index]
        end = index + 1
        if (parsed.has_material or parsed.has_form) and not (parsed.has_sizes and parsed.has_quantity):
            while (
                end < len(pairs)
                and not _BLANK_LINE.search(text, pairs[end - 1][0].end, pairs[end][0].start + 1)
                and pairs[end][0].kind != "row"
                and _detail(text, pairs[end][0])
            ):
                end += 1
        if end > index + 1:
            fields = tuple(field for block, _ in pairs[index:end] for field in block.fields)
            block = Block(
                head.start, pairs[end - 1][0].end, "bullet", head.heading, fields, metric=head.metric
            )
            gathered.append((block, parse_block(text, block)))
        else:
            gathered.append((head, parsed))
        index = end
    return gathered


def _parsed_blocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[Block, Parsed]]:
    return _gather_details(text, _read_blocks(text, spans))


def _read_blocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[Block, Parsed]]:
    pairs: list[tuple[Block, Parsed]] = []
    metric = is_metric(text, spans)
    for start, end in spans:
        for block in split_blocks(text, start, end):
            block = replace(block, metric=metric) if metric else block
            if block.kind in ("numbered", "bullet") and _point_over_items(text[block.start : block.end]):
                pairs += _split_paragraph(text, block)  # "2) … I need the right stuff today:" over bullets
                continue
            if block.kind != "paragraph":
                one_line = "\n" not in text[block.start : block.end].strip()
                several = _split_prose(text, block) if block.kind != "row" and one_line else None
                pairs += several or [(block, parse_block(text, block))]  # "- 4 sticks of … and a sheet of …"
                continue
            # a paragraph its mail client wrapped is read by sentences, not by lines
            broken = "\n" in text[block.start : block.end] and not prose.wrapped(text, block.start, block.end)
            lines = _split_paragraph(text, block) if broken else []
            if len(lines) > 1:  # a line of them may itself ask for several items, sentence by sentence
                pairs += [pair for sub, one in lines for pair in _split_prose(text, sub) or [(sub, one)]]
            else:
                pairs += _split_prose(text, block) or lines or [(block, parse_block(text, block))]
    return pairs


def _alternate_of(text: str, block: Block, previous: LineItem) -> None:
    """A block under an alternates heading ("- 4340 steel, same hardness range")."""
    body = text[block.start : block.end]
    hits = find_grades(body)
    form = first_match(body, FORM_WORDS)
    family = first_match(body, FAMILY_WORDS)
    previous.alternates.append(
        Alternate(
            " ".join(body.strip(" -*•\t").split()),
            grade=hits[0].grade if hits else None,
            material=(hits[0].family if hits else None) or (family[0] if family else None),
            form=form[0] if form else None,
            span=Span(block.start, block.end),
        )
    )
    if "alternates_offered" not in previous.flags:
        previous.flags.append("alternates_offered")


def _headings(
    text: str, spans: list[tuple[int, int]], pairs: list[tuple[Block, Parsed]]
) -> list[tuple[int, int]]:
    """Section headings between the blocks ("ALUMINUM (6061-T6):", "all S275JR, bars of 6 m:")."""
    return [
        (a, b)
        for start, end in spans
        for a, b in heading_lines(text, start, end)
        if not any(block.start <= a < block.end for block, _ in pairs)
    ]


def _one_size_for_each(text: str, pairs: list[tuple[Block, Parsed]]) -> list[LineItem]:
    """Grades listed one a bullet, then one size for them all ("- 6061-T6 / - 7075-T6 / sizes around
    1 x 6 strips, 1/4 thick"): an item per grade, flagged ``shared_size`` and without a count of
    its own (a count given is for them all)."""
    found: list[LineItem] = []
    index = 0
    while index < len(pairs):
        end = index
        while end < len(pairs) and _grade_only(text, pairs[end]):
            end += 1
        if end - index >= 2 and end < len(pairs) and _sizes_only(pairs[end][1]):
            shared = parse_block(text, pairs[end][0], candidates_only=False).item
            found += [_with_size(listed.item, shared) for _, listed in pairs[index:end]]
        index = max(end, index + 1)
    return found


_SIZE_CHAIN = re.compile(r"\d\s*[x×]\s*\.?\d")
_ROW_MAX = 80  # an item written alone on its line, longer than a group's heading
_SENTENCE_MAX = 120  # one sentence asking for one item
_LISTED = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)])\s")  # a bullet as written, not a sentence of prose


def _grade_only(text: str, pair: tuple[Block, Parsed]) -> bool:
    """A bullet that is a grade and nothing else ("- 6061-T6"), not a sentence naming a material."""
    block, parsed = pair
    return (
        block.kind == "bullet"
        and _LISTED.match(text, block.start, block.end) is not None
        and parsed.has_material
        and not (parsed.has_form or parsed.has_sizes or parsed.has_quantity)
    )


def _sizes_only(parsed: Parsed) -> bool:
    return parsed.has_sizes and not parsed.has_material


def _with_size(listed: LineItem, shared: LineItem) -> LineItem:
    item = copy.deepcopy(shared)
    item.grade, item.material, item.temper = listed.grade, listed.material, listed.temper
    item.span, item.source_text = listed.span, f"{listed.source_text} / {shared.source_text}"
    item.evidence |= {name: span for name, span in listed.evidence.items() if name in ("grade", "material")}
    item.quantity, item.quantity_range = None, None
    kept = [
        flag for flag in item.flags if flag not in ("missing_grade", "quantity_range", "approximate_quantity")
    ]
    item.flags = [*kept, *(flag for flag in ("missing_quantity", "shared_size") if flag not in kept)]
    return item


def _groups(text: str, pairs: list[tuple[Block, Parsed]]) -> tuple[dict[int, LineItem], set[int]]:
    """The lines of groups (see ``cutlist.group_head``) by the index of the block giving each, and
    the indices of the heads that name them."""
    found: dict[int, LineItem] = {}
    heads: set[int] = set()
    index = 0
    while index < len(pairs):
        block, parsed = pairs[index]
        end = index + 1
        if cutlist.group_head(text, block, parsed):
            while end < len(pairs) and cutlist.group_member(
                text, pairs[end][0], _whole(text, *pairs[end]), parsed
            ):
                end += 1
        if end > index + 1:
            heads.add(index)
            found |= {
                member: cutlist.grouped(text, block, pairs[member][0]) for member in range(index + 1, end)
            }
        index = end
    return found, heads


def _whole(text: str, block: Block, parsed: Parsed) -> Parsed:
    """``parsed`` read in full: a block naming no material or form was read only that far."""
    if parsed.has_material or parsed.has_form or parsed.non_catalog:
        return parsed
    return parse_block(text, block, candidates_only=False)


def _cut_list(text: str, headings: list[tuple[int, int]], orphans: list[Block]) -> list[LineItem]:
    """The pieces of cut lists: counts and lengths under a heading that names the item."""
    found: list[LineItem] = []
    for index, (a, b) in enumerate(headings):
        until = headings[index + 1][0] if index + 1 < len(headings) else len(text)
        under = [block for block in orphans if b <= block.start < until]
        head = cutlist.template(text, a, b, any(block.metric for block in under))
        if head is None:
            continue
        for block in under:
            found += cutlist.pieces(text, head, block)
    return found


_SAME = re.compile(
    r"\b(?:same|ditto|do\.)(?!\s+(?:size|length|width|thickness|dia\w*|qty|quantity|as\s+last)\b)",
    re.IGNORECASE,
)
_GUESSED = ("form_inferred", "grade_from_context", "missing_grade", "missing_form")


def _same_as_above(lines: list[LineItem]) -> None:
    """A line that names no grade or form of its own but says "same" ("3/4 x 6 x 6 same (10)")
    is of the line above's grade and form."""
    for above, line in itertools.pairwise(lines):
        guessed = [flag for flag in line.flags if flag in _GUESSED]
        if not guessed or not _SAME.search(line.source_text) or line.form not in (None, above.form):
            continue  # (a form read from its sizes that is not the one above: sized for another)
        line.form, line.grade, line.material, line.temper = (
            above.form,
            above.grade,
            above.material,
            above.temper,
        )
        line.flags = [flag for flag in line.flags if flag not in _GUESSED]


def _repeats_listed(line: LineItem, lines: list[LineItem], told: list[LineItem]) -> bool:
    """Whether a line read from prose only repeats one the list or table gives ("please cut the
    1/2" square to 38-1/2" (180 pcs)" over the stock list's "SQ 1/2 … 180  38-1/2"") or speaks of
    it ("saw the 4140 to 12"")."""
    sizes = sorted(round(value, 3) for value in line.dimensions.values())
    for other in lines:
        if other is line or not sizes:
            continue
        listed = sorted(round(value, 3) for value in other.dimensions.values())
        if (
            other not in told
            and other.form == line.form
            and listed == sizes
            and line.quantity in (None, other.quantity)
        ):
            return True
        # "If you can saw the 4140 to 12" that saves me a step": a note on the 4140 ordered, with no
        # count of its own and no size that line lacks
        if (
            line.quantity is None
            and other.quantity is not None
            and line.grade is not None
            and line.grade == other.grade
            and set(sizes) <= set(listed)
        ):
            return True
    return False


def _cut_paragraph(text: str, block: Block) -> list[LineItem]:
    """A cut list written as one paragraph: lines naming an item ("W12x26", "C8x11.5  A36"), each
    followed by its pieces, a count and a length apiece ("B1  (4) @ 18'-7 1/2\"") — not "need like
    20-30 pieces total" under "1 x 6 strips"."""
    found: list[LineItem] = []
    head: LineItem | None = None
    position = block.start
    for raw in text[block.start : block.end].split("\n"):
        start, position = position, position + len(raw) + 1
        if not raw.strip():
            continue
        end = start + len(raw)
        piece = Block(start, end, "paragraph", block.heading, metric=block.metric)
        cut = cutlist.pieces(text, head, piece) if head is not None else []
        if cut and all("length" in line.evidence and line.evidence["length"].start >= start for line in cut):
            found += cut
        elif (named := cutlist.template(text, start, end, block.metric)) is not None and (
            head is None or found
        ):
            head = named
        else:
            return []
    return found


def _orphan_item(text: str, block: Block) -> LineItem | None:
    """A listed block naming no material or form that still reads as a whole item once a grade
    stated elsewhere is given ("- 1/2" thick: 4 pcs @ 6" x 10"" under a "6061-T651" line)."""
    if block.kind == "paragraph" and not cutlist.short_line(text[block.start : block.end], _ROW_MAX):
        return None  # a line of its own among items is listed as they are ("6 20 foot sticks 1/4 x 3")
    parsed = parse_block(text, block, candidates_only=False)
    item = parsed.item
    if parsed.has_quantity and parsed.has_sizes and item.form is not None and not parsed.non_catalog:
        return item
    return None


@dataclass(frozen=True)
class Reading:
    """The order lines read from a message, and the pieces that look like items but are in no line
    (a grade or form with a size): the desk is told of those, never left to find them."""

    lines: list[LineItem]
    unread: list[Span]


def lines_in(text: str, spans: list[tuple[int, int]]) -> list[LineItem]:
    """The order lines written in ``text`` within ``spans``, numbered from 1."""
    return read_lines(text, spans).lines


def _looks_like_item(text: str, block: Block, parsed: Parsed) -> bool:
    """A listed block, or a short line, naming a grade or form with a size; in prose, only a
    sentence naming a form with a count or asking for goods (not "the 1/4" sheets were
    perfect", "nothing to order this week", "3.1 certs for the 304")."""
    if not parsed.has_sizes or not (parsed.has_material or parsed.has_form) or parsed.non_catalog:
        return False
    body = text[block.start : block.end].strip()
    if block.kind != "paragraph" or cutlist.short_line(body, _ROW_MAX):
        return True
    # several lines naming a form and sizes (rows of a table that was not read): never dropped unseen
    several = sum(1 for raw in body.split("\n") if _SIZED_LINE.search(raw)) >= 2
    return parsed.has_form and (parsed.has_quantity or several or cues.asks_for_goods(body))


def _unread(blocks: list[Block], lines: list[LineItem]) -> list[Span]:
    """The blocks that look like an item and overlap no line read (nor a size a line took)."""
    read = [span for line in lines for span in (line.span, *line.evidence.values()) if span is not None]
    unread = {
        Span(block.start, block.end): None
        for block in blocks
        if not any(span.start < block.end and block.start < span.end for span in read)
    }
    return list(unread)


def read_lines(text: str, spans: list[tuple[int, int]]) -> Reading:
    """The order lines written in ``text`` within ``spans``, numbered from 1, and what was not read."""
    pairs = _parsed_blocks(text, spans)
    listed = any(block.kind != "paragraph" and _is_line(parsed, block, True, text) for block, parsed in pairs)
    lines: list[LineItem] = []
    statements: list[context.Statement] = []
    forms: list[tuple[int, str]] = []
    lengths: list[tuple[int, float]] = []
    orphans: list[Block] = []
    skipped: list[Block] = []  # not read as a line, though it looks like one
    told: list[LineItem] = []  # lines read from prose or a labelled note, not from a list or table
    grouped, heads = _groups(text, pairs)
    graded_row: tuple[Block, LineItem] | None = None  # the last table row with its grade cell filled
    for index, (block, parsed) in enumerate(pairs):
        body = text[block.start : block.end]
        if index in heads or (block.kind in ("row", "bullet") and cues.is_charge(body)):
            continue  # "PMI TESTING & 3.1 CERTS - ALL PIPE AND PLATE  1.00 LOT": a service charged for
        if index in grouped:
            lines.append(grouped[index])
            continue
        # under "Questions:", a question, not an item; a numbered item with its count is still one
        # ("a few questions before I price it: > 1) 316 round bar 2\" x 12' - 3 pcs")
        asked = cues.QUESTIONS_HEADING.search(block.heading) and not (
            parsed.has_quantity and block.kind != "paragraph"
        )
        if asked or cues.is_total(body):
            continue
        if cues.ALTERNATES_HEADING.search(block.heading) and lines:
            _alternate_of(text, block, lines[-1])
            continue
        if block.kind == "spec" and (counted := cutlist.listed_lengths(text, block)):
            lines += counted  # "- Size: W8 x 31 / - Lengths: (4) 20-foot beams, (2) 16-foot beams"
            continue
        if cut_lines := cutlist.cuts_on_line(text, block):
            lines += cut_lines  # "304 sq tube 1-1/2 x 1-1/2 x .065 wall: 8 @ 30\", 4 @ 60-1/4\""
            continue
        if (block.kind == "paragraph" or "\n" in body.strip()) and (cut_lines := _cut_paragraph(text, block)):
            lines += cut_lines  # "Posts - 1-1/2" sch 40 pipe" over "P1  (26) @ 3'-6"", no blank line between
            continue
        if (
            index
            and lines
            and (merged := _under_merged_cell(text, block, parsed, pairs[index - 1][0], lines[-1]))
        ):
            lines.append(merged)  # "B2  2  [blank]  9'-3\"" under "B1  4  W8x31 A992  14'-6\""
            continue
        if block.kind != "row":
            graded_row = None
        if _is_line(parsed, block, listed, text) and not _not_asked_for(text, block, parsed):
            lines.append(parsed.item)
            if block.kind == "row":
                _grade_from_row_above(block, parsed.item, graded_row)
                if {field.label for field in block.fields} & _GRADE_CELLS:
                    graded_row = (block, parsed.item)
            if block.kind in ("paragraph", "spec"):
                told.append(parsed.item)
            # "all hot rolled A36 two sticks of …": said of the items after it too
            statements += context.universal_statements(text, block.start, block.end)
            lengths += context.lengths_for_every(text, block.start, block.end)
            continue
        if _looks_like_item(text, block, parsed) and not _not_asked_for(text, block, parsed):
            skipped.append(block)
        # "Saw cuts for the valve body job. Everything 303 SS …": a statement, whatever else it names
        # (a table's row sized as an item names its own, even cancelled: never a grade for the others)
        own_item = block.kind == "row" and parsed.has_sizes
        if parsed.has_material and not (parsed.non_catalog and parsed.has_quantity) and not own_item:
            section = "\n" not in text[block.start : block.end].strip() and block.end - block.start <= 30
            statements += context.statements_in(text, block.start, block.end, section=section)
            forms += context.forms_stated(text, block.start, block.end)
            lengths += context.lengths_stated(text, block.start, block.end)
        elif parsed.has_form:
            forms += context.forms_stated(text, block.start, block.end)
            lengths += context.lengths_stated(text, block.start, block.end)
        elif not (parsed.has_material or parsed.has_form):
            orphans.append(block)
            lengths += context.lengths_stated(text, block.start, block.end)  # "Just send full 20' sticks:"
    headings = _headings(text, spans, pairs)
    for a, b in headings:
        statements += context.statements_in(text, a, b, section=True)
        lengths += context.lengths_stated(text, a, b)
    cut = _cut_list(text, headings, orphans)
    lines += cut + _one_size_for_each(text, pairs)
    orphans = [
        block for block in orphans if not any(block.start <= line.span.start < block.end for line in cut)
    ]
    statements.sort(key=lambda statement: statement.position)
    # a block naming no grade or form but sized like an item: read once a grade is stated for it
    # (or it is the "same" as the line above), else the desk is told of it
    sized = [block for block in orphans if _SIZE_CHAIN.search(text, block.start, block.end)]
    found = {block: _orphan_item(text, block) for block in (orphans if statements else sized)}
    read = {
        block: item
        for block, item in found.items()
        if item is not None and (statements or (lines and _SAME.search(text, block.start, block.end)))
    }
    lines += read.values()
    skipped += [block for block in sized if block not in read]
    lines = [line for line in lines if not (line in told and _repeats_listed(line, lines, told))]
    lines.sort(key=lambda line: line.span.start if line.span else 0)
    lines = restated.once(lines)
    for number, line in enumerate(lines, start=1):
        line.line_no = number
    context.apply_statements(lines, statements)
    context.apply_forms_stated(lines, forms)
    context.apply_lengths_stated(lines, sorted(lengths))
    _same_as_above(lines)
    specs.apply_specs(text, spans, lines)
    return Reading(lines, _unread(skipped, lines))
