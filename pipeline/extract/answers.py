"""Answers written inline, under the quoted lines they answer: a reply that keeps the supplier's
quote and types "make it 4 pcs", "cancel" or "change to 7/8 hex, same qty" below a line of it.

The line answered is the quoted line just above the answer, the way the writer meant it; an answer
read as nothing this module knows (a question, a change in other words) flags its line rather than
leave it as quoted.
"""

from __future__ import annotations

import math
import re

from pipeline.extract.blocks import Block
from pipeline.extract.edits import Edit, find_edits, replace_named
from pipeline.extract.grades import GradeHit, find_grades
from pipeline.extract.item import parse_block
from pipeline.extract.plausible import outside_stock
from pipeline.extract.quantity import PIECES, parse_count
from pipeline.extract.revisions import UNREAD_CHANGE, note_change
from pipeline.models import LineItem
from pipeline.units import find_lengths, parse_number

# quote marks, arrows and the writer's initials an answer starts with ("** ", ">> ", "[SO] ")
_MARKS = re.compile(r"^[\s<>*=-]*(?:\[[A-Z]{1,4}\]|[A-Z]{2,12}:(?=\s))?[\s>*=-]*|[\s*]+$")  # "RD:", "LENA:"
_KEEP = re.compile(
    r"(?:ok(?:ay)?|yes|yep|good|fine|confirm(?:ed)?|approved?|correct|agreed|as\s+quoted|perfect|s[ií]|correcto|"
    r"that\s+works|sounds\s+good|keep|go)\b(?![^.!\n]*\d)",
    re.IGNORECASE,
)
_REMOVE = re.compile(
    r"(?:no\b(?!\.?\s*\d)|nope|cancel|delete|drop|remove|skip|scratch|pass\b|omit|cancelar|eliminar|quitar|"
    r"(?:not|no\s+longer)\s+(?:needed|required)|(?:we\s+)?(?:don'?t|do\s+not|no\s+longer)\s+need|"
    r"hold\s+off|not\s+(?:at\s+)?this\s+time|n/a\b|none\b)",
    re.IGNORECASE,
)
# a line struck in so many words anywhere in the answer ("is not required anymore, please delete")
_STRUCK = re.compile(
    r"\b(?:cancel|delete|remove|scratch|(?:not|no\s+longer)\s+(?:required|needed)|(?:don'?t|do\s+not)\s+need)\b",
    re.IGNORECASE,
)
_COUNT = (
    r"(\d{1,4}(?![\d.])|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
    r"(?!\s*(?:\"|”|/|x\b|x\d|×|mm|in\b|inch|ft|feet|'|-\d|ga\b|gauge))"
    r"(?!-?[HTO]\d)"  # "5083-H116", "6061-T6": an alloy and its temper, not a count
)
_NEW_COUNT = re.compile(
    rf"\b(?:(?:make|bump|drop|cut|raise|lower|reduce|increase|change|up|go)(?:\s+(?:it|that|them|this|the\s+qty))?"
    rf"\s+to|make\s+(?:it|that|them|this)|(?:qty|quantity)(?:\s+(?:to|is|of))?|need|want|take|order|send|"
    rf"go\s+with|same(?:\s+(?:qty|quantity))?\s*\(?|still|cambiar\s+(?:la\s+cantidad\s+)?a)\s*[:=]?\s*(?P<n>{_COUNT})"
    r"(?!\s*(?:m|mm|ft|feet|foot|in|inch(?:es)?|dia)\b|\s*(?:['\"”/x×]|\.\d))"  # "still 1 m lengths": a size
    rf"|(?<![\w/.-])(?P<m>{_COUNT})\s*{PIECES}\b|\b(?P<k>{_COUNT})\s+of\s+(?:them|those|these)\b",
    re.IGNORECASE,
)
_NEW_ITEM = re.compile(
    r"\b(?:change\s+(?:it\s+|this\s+|that\s+)?to|(?:cut|shear|saw)\s+(?:it\s+|them\s+)?to|make\s+(?:it|that|this|them)|switch\s+(?:it\s+)?to|"
    r"go\s+with|use|instead(?!\s+of)\s*(?:,|:)?|sh(?:ou|o|u)l?d\s+(?:have\s+)?be(?:en)?|needs?\s+to\s+be)\s+(?P<new>[^\n]+)",
    re.IGNORECASE,
)
# "add 2 more (5 total)": the total when said, else the count added to the line's
_MORE = re.compile(
    rf"\badd\s+(?P<more>{_COUNT})\s+more\b(?:[^\n\d]{{0,12}}(?P<n>\d{{1,4}})\s+total\b)?", re.IGNORECASE
)
# an answer that is one size ("1/2", "40' please", "1-1/8 works"): the size the question asked for
_LONE_SIZE = re.compile(
    r"(?P<new>\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?|\.\d+)\s*(?P<feet>'|ft\b|feet|foot)?\s*(?:\"|in\b|inch(?:es)?)?"
    r"\s*(?:(?:is\s+)?(?:please|pls|works|is\s+fine|fine|ok|good|thanks|long|lengths?|also|too|jts?|joints?|sticks?|bars?)\b|[,.!]|$)",
    re.IGNORECASE,
)
_OLD_VALUE = re.compile(r"\b(?:instead\s+of|rather\s+than|not|vs\.?|was)\b[^,;\n]*", re.IGNORECASE)
_GAUGE = re.compile(r"\d+\s*(?:ga|gauge|gage)\b", re.IGNORECASE)
# words that change an order: an answer with one of them that is not read is not a plain "ok"
_CHANGE_WORD = re.compile(
    r"\d|\b(?:change|make|instead|switch|swap|add|less|more|qty|quantity)\b", re.IGNORECASE
)


Spans = list[tuple[int, int]]


def split_answers(
    text: str, quoted: tuple[int, int], own: tuple[tuple[int, int], ...], marked: tuple[tuple[int, int], ...]
) -> tuple[Spans, Spans, Spans]:
    """The writer's answers to the quoted message (``quoted``): written between its lines, marked
    in it, or a short paragraph right under its last line ("> 4. C260 sheet …" / "drop it"); the
    last of those, which answers only a line right above it; and the rest of the writer's text."""
    start, end = quoted
    between = [(a, b) for a, b in own if start < a < end]
    rest = [(a, b) for a, b in own if not start < a < end]
    under = next(((a, b) for a, b in rest if a >= end and not text[end:a].strip()), None)
    if under is None:
        return sorted([*marked, *between]), [], rest
    stop = text.find("\n\n", under[0], under[1])
    stop = under[1] if stop < 0 else stop
    if text.count("\n", under[0], stop) > 2:
        return sorted([*marked, *between]), [], rest
    rest = [span for span in rest if span != under] + ([(stop, under[1])] if stop < under[1] else [])
    return sorted([*marked, *between]), [(under[0], stop)], rest


# "Pos. 2 - we need 2 plates instead of 1", "Line 4: not required anymore", "2 - not needed": an
# answer by number
# ("Line 1 qty to 3. Line 4 delete.": after a label the mark may be left out, and answers follow
# each other on a row)
_LABEL = r"(?:line|item|pos(?:ition)?|ln|partida|posici[oó]n|rengl[oó]n|art[ií]culo)\.?\s*#?\s*"
_NUMBERED_ANSWER = re.compile(
    rf"(?:^[ \t]*|(?<=[.;]\s)(?={_LABEL}\d))(?P<label>{_LABEL})?"
    r"(?P<n>\d{1,3})(?:\s*[-–:.)]\s*|(?(label)\s+(?=[a-z])|(?!)))"
    rf"(?P<said>\S(?:(?![.;]\s+{_LABEL}\d)[^\n])*)",
    re.IGNORECASE | re.MULTILINE,
)


_EDITS_OWN = ("swap", "like", "only")
_COUNTED = re.compile(rf"\d{{1,4}}\s*{PIECES}\b", re.IGNORECASE)  # "2 - 6 pcs"
_NAMES_A_LINE = re.compile(r"\b(?:line|item|pos(?:ition)?|row)\.?\s*#?\s*\d|^\W*add\b", re.IGNORECASE)
# how an answer to a numbered line starts, when it names an item too ("change to 7/8 hex")
_ANSWER_WORD = re.compile(
    r"\W*(?:please\s+)?(?:ok|yes|no|change|make|cut|switch|use|should|instead|qty|quantity|cancel|delete|drop|"
    r"remove|(?:we\s+)?need|go|add|keep|same|not|take|cancelar|cambiar|eliminar|s[ií])\b"
    # "2-1/4 is fine, we'll turn it down": the size offered, accepted
    r"|\W*\d[\d./ -]*(?:\"|in\b)?\s*"
    r"(?:(?:is|are)\s+(?:fine|ok(?:ay)?|good|great)|will\s+(?:do|work)|works?)\b",
    re.IGNORECASE,
)


# "- line 7 channel - drop", "- AR400 (line 3) make it 3 sheets": a bullet naming a line by its
# number among a few words of its name, then the answer (after a dash, or from its first word)
_BULLETED_ANSWER = re.compile(
    r"^[ \t]*[-*•][ \t]*(?P<name>[^\n]{0,30}?)\(?\b(?:line|item|ln|pos)\.?\s*#?\s*(?P<n>\d{1,3})\)?"
    r"(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)


def _bulleted_answers(text: str, a: int, b: int) -> list[tuple[int, int, int]]:
    """(number, start, end) of each bulleted answer naming a line by number (see ``_BULLETED_ANSWER``)."""
    found = []
    for row in _BULLETED_ANSWER.finditer(text, a, b):
        rest, at = row["rest"], row.start("rest")
        if not row["name"].strip() and (re.match(r"\s*[:(.)-]", rest) or _ANSWER_WORD.match(rest)):
            continue  # "- Line 2: make it 3 sheets", "- Line 1 (3x3 tube) - bump …": the edits' to read
        if re.search(
            r"\b(?:cancel|delete|drop|remove|change|make|add|same|like|swap|switch|skip)\b", row["name"], re.I
        ):
            continue  # "- Cancel line 2 (…)", "- Add: same as line 1 but …": an edit naming the line
        if re.match(
            r"\s*(?:thickness|thk|width|length|wall|dia(?:meter)?|od|size|grade|qty|quantity)\b", rest, re.I
        ):
            continue  # "- Item 1 thickness should be 5/8 not 1/2": the edits' to read
        dash = re.search(r"\s[-–—:]\s*(?=\S)", rest)
        word = next((m for m in re.finditer(r"\b\w", rest) if _ANSWER_WORD.match(rest, m.start())), None)
        if dash is not None and (word is None or dash.start() < word.start()):
            found.append((int(row["n"]), at + dash.end(), row.end()))
        elif word is not None:
            found.append((int(row["n"]), at + word.start(), row.end()))
    return found


def numbered_answers(text: str, own: Spans) -> list[tuple[int, int, int]]:
    """The rows of ``own`` that answer a quoted line by its number: (number, start, end) of the
    words after the number; a swap or a copy ("Line 2 - change to W10x22", "same as line 2 but …")
    is left to the edits module, which reads the item written in it."""
    found = []
    for a, b in own:
        found += _bulleted_answers(text, a, b)
        for row in _NUMBERED_ANSWER.finditer(text, a, b):
            if _NAMES_A_LINE.search(row["said"]):
                return []  # "1) Line 2 (1045 round) change to 6 pcs": a numbered list of changes
            said = row["said"]  # (the cheap tests first: a quoted list's every row comes here)
            if re.match(r"\d{3}[-.]\d{4}\b", said):
                continue  # "515-555-0110": a phone number
            marked = text[row.end("n") : row.start("said")].strip()
            if (not row["label"] or not marked) and not (_ANSWER_WORD.match(said) or _COUNTED.match(said)):
                continue  # "1. Material change: …", "2. You can meet the date": a list, not answers
            if any(edit.kind in _EDITS_OWN for edit in find_edits(text, row.start(), row.end())):
                continue
            item = parse_block(said, Block(0, len(said), "bullet", ""))
            if item.has_sizes and (item.has_form or item.has_material) and not _ANSWER_WORD.match(said):
                continue  # "Line 1: 4140 round bar 2\" x 12'": the writer's own list, not an answer
            found.append((int(row["n"]), row.start("said"), row.end()))
    return found


def answered_line(lines: list[LineItem], start: int, text: str, gap: int = 1) -> LineItem | None:
    """The quoted line an answer written at ``start`` answers: the one just above it, with at most
    ``gap`` rows of quoted text (its price, a note) between them; or the one on its own row, when
    the answer is typed at the row's end ("… 5 pcs    <<RD: need 8 pcs")."""
    beside = [
        line
        for line in lines
        if line.span is not None and line.span.start < start and "\n" not in text[line.span.start : start]
    ]
    if beside:
        return beside[-1]
    above = [line for line in lines if line.span is not None and line.span.end <= start]
    if not above:
        return None
    line = max(above, key=lambda line: line.span.end if line.span else 0)
    rows = text[line.span.end if line.span else start : start]
    between = [row for row in (_MARKS.sub("", row) for row in rows.splitlines()) if row.strip()]
    return line if len(between) <= gap else None


def apply_answer(lines: list[LineItem], line: LineItem, answer: str) -> list[LineItem]:
    """``lines`` with ``answer`` applied to ``line`` (one of them): kept, removed, recounted, its
    grade or size given, or changed to the item it names; flagged when the answer asks a change
    not read."""
    said = _MARKS.sub("", answer).strip()
    counted = _NEW_COUNT.search(said) or _MORE.search(said)
    # "YES PVC ONE SIDE. MAKE IT 12 SHEETS": a yes, then a change all the same
    if not said or (_KEEP.match(said) and not _REMOVE.search(said) and not counted):
        return lines
    if _REMOVE.match(said) or (not counted and _STRUCK.search(said)):
        return [kept for kept in lines if kept is not line]
    rest = said if counted is None else said[: counted.start()] + said[counted.end() :]
    # "yes A36 fine, 20' lengths", "8.2, 20' also": a grade or a size a clause, each one applied
    changed = (
        _changed_item(line, said, counted)
        or _switched_grade(line, rest)
        or any([_given_grade(line, clause) | _given_size(line, clause) for clause in _clauses(rest)])
        or _cut_to(line, rest)
    )
    if counted and (count := _count(line, counted)):
        if count != line.quantity:
            note_change(
                line, f"quantity was {line.quantity:g}" if line.quantity is not None else "quantity added"
            )
            line.quantity = count
            line.flags = [flag for flag in line.flags if flag != "missing_quantity"]
    elif not changed and _CHANGE_WORD.search(said) and UNREAD_CHANGE not in line.flags:
        line.flags.append(UNREAD_CHANGE)
    return lines


# "supply as 8 pcs cut to 1500mm rather than full 6m lengths": the pieces' new length, its unit written
_CUT_TO = re.compile(
    r"\bcut\s+(?:to|at|@)\s+(?P<size>\d[\d\s/.,'\"-]*\s*(?:mm|cm|m|in|inch(?:es)?|ft|feet|'|\")?)", re.I
)


def _cut_to(line: LineItem, said: str) -> bool:
    """The length an answer cuts the line's pieces to, applied."""
    cut = _CUT_TO.search(said)
    lengths = [length for length in find_lengths(cut["size"]) if length.unit] if cut else []
    if len(lengths) != 1 or lengths[0].inches == line.dimensions.get("length"):
        return False
    before = line.dimensions.get("length")
    note_change(line, f'length was {before:g}"' if before else "length added")
    line.dimensions["length"] = round(lengths[0].inches, 6)
    return True


def _count(line: LineItem, counted: re.Match[str]) -> float | None:
    """The count an answer gives: "make it 4 pcs", "add 2 more (5 total)", "add 2 more"."""
    groups = counted.groupdict()
    if said := groups.get("n") or groups.get("m") or groups.get("k"):
        return parse_count(said)
    more = parse_count(groups["more"])
    return None if more is None or line.quantity is None else line.quantity + more


def _resized(line: LineItem, sizes: list[float]) -> bool:
    """``line`` with its sizes written again ("1/4 x 3" for a 1/4 x 4 flat bar, "12 x 24" for a
    plate's width and length): laid over the line's sizes where most of them agree, the ones that
    differ replaced."""
    names = [name for name in line.dimensions if name not in ("weight_per_foot", "nominal_size")]
    if not 2 <= len(sizes) <= len(names):
        return False
    offsets = range(len(names) - len(sizes) + 1)
    # a shape that can be ("24 x 48" cut from a 1/2 x 48 x 96 plate: its width and length, not a 24"
    # thickness), then most sizes agreeing and the nearest
    offset = max(
        offsets,
        key=lambda o: (
            _can_be(line.dimensions | dict(zip(names[o:], sizes, strict=False))),
            _likeness([line.dimensions[n] for n in names[o:]], sizes),
        ),
    )
    changed = [
        (names[offset + i], size)
        for i, size in enumerate(sizes)
        if line.dimensions[names[offset + i]] != size
    ]
    for name, size in changed:
        note_change(line, f'{name.replace("_", " ")} was {line.dimensions[name]:g}"')
        line.dimensions[name] = size
    return bool(changed)


def _can_be(dimensions: dict[str, float]) -> bool:
    """Whether a section's sizes can be: each within what is stocked, a thickness or a wall thinner
    than the width or the OD."""
    thin = dimensions.get("thickness") or dimensions.get("wall_thickness")
    wide = dimensions.get("width") or dimensions.get("outer_diameter")
    return not outside_stock(dimensions) and (thin is None or wide is None or thin < wide)


def _likeness(old: list[float], new: list[float]) -> tuple[int, float]:
    """How alike two runs of sizes are: how many agree, then how near the rest are (in ratio)."""
    pairs = list(zip(old, new, strict=False))
    distance = sum(abs(math.log(a / b)) for a, b in pairs if a > 0 and b > 0)
    return sum(a == b for a, b in pairs), -distance


def _given_grade(line: LineItem, said: str) -> bool:
    """The grade an answer opens with ("A572 Gr 50", "A500C, and bump it to 10"), in place of the
    line's."""
    return _regraded(line, find_grades(said))


# "switch from 1018 to 1045, same size & qty", "change it to 316L": the grade it goes to
_SWITCH = re.compile(
    r"\b(?:switch|change|swap|go)(?:e?s|ed)?\s+(?:it\s+|that\s+)?(?:from\s+\S+\s+)?to\s+(?P<new>[^,.;\n]+)",
    re.IGNORECASE,
)


def _switched_grade(line: LineItem, said: str) -> bool:
    """The grade an answer switches the line to, in place of the line's."""
    switch = _SWITCH.search(said)
    return _regraded(line, find_grades(switch["new"]) if switch else [])


def _regraded(line: LineItem, found: list[GradeHit]) -> bool:
    """``line`` given the grade an answer opens with (the first hit, at its start), when it differs."""
    if not found or found[0].start > 2 or found[0].grade == line.grade:
        return False
    note_change(line, f"grade was {line.grade}")
    line.grade, line.material = found[0].grade, found[0].family or line.material
    return True


def _given_size(line: LineItem, said: str) -> bool:
    """The one size an answer gives ("40' please": the length; "1/2": the size a plate or bar is
    named by)."""
    lone = _LONE_SIZE.match(said)
    if lone is None:
        return False
    if not lone["feet"] and re.fullmatch(r"\d{1,4}", said.strip()):
        # "yes 4" under "4 jts ok?": a count when the line has none or the same, else unread
        count = float(said.strip())
        if line.quantity is None:
            line.quantity = count
            line.flags = [flag for flag in line.flags if flag != "missing_quantity"]
            note_change(line, "quantity added")
        return line.quantity == count
    inches = (parse_number(lone["new"]) or 0.0) * (12 if lone["feet"] else 1)
    if inches and any(value == inches for value in line.dimensions.values()):
        return True  # "8.2" for a C6x8.2, "20 ft" for a 20' length: the size it has, confirmed
    if lone["feet"]:
        if not inches:
            return False
        before = line.dimensions.get("length")
        note_change(line, f'length was {before:g}"' if before else "length added")
        line.dimensions["length"] = inches
        return True
    return replace_named(line, Edit("replace", "", 0, 0, new=lone["new"]))


_YES = re.compile(r"^(?:yes|yep|ok(?:ay)?|sure|fine|good)\b[\s,]*", re.IGNORECASE)


def _clauses(said: str) -> list[str]:
    """An answer's clauses, a "yes" before one left out: "yes A36 fine, 20' lengths"."""
    return [_YES.sub("", clause.strip()) for clause in re.split(r"[,;]|\band\b", said) if clause.strip()]


# "40MM WIDE", "1/2\" thick", "3 m long": one size, named by what it measures
_NAMED_MEASURE = re.compile(
    r"\s*(?P<size>[\d./ -]+\s*(?:mm|cm|m|\"|in\b|inch(?:es)?|'|ft)?)\s*"
    r"(?P<word>wide|thick|long|dia\b|od\b|wall)",
    re.IGNORECASE,
)
_MEASURED = {
    "wide": ("width",), "thick": ("thickness", "wall_thickness"), "long": ("length",),
    "dia": ("diameter", "outer_diameter"), "od": ("outer_diameter", "diameter"), "wall": ("wall_thickness",),
}  # fmt: skip


def _named_measure(line: LineItem, said: str) -> bool:
    """``line`` with the one size an answer names by what it measures ("CHANGE TO 40MM WIDE")."""
    found = _NAMED_MEASURE.match(said)
    lengths = find_lengths(found["size"]) if found else []
    name = (
        next((n for n in _MEASURED[found["word"].lower()] if n in line.dimensions), None) if found else None
    )
    if name is None or len(lengths) != 1 or line.dimensions[name] == lengths[0].inches:
        return False
    note_change(line, f'{name.replace("_", " ")} was {line.dimensions[name]:g}"')
    line.dimensions[name] = lengths[0].inches
    return True


def _changed_item(line: LineItem, said: str, counted: re.Match[str] | None) -> bool:
    """``line`` as changed to the item the answer names ("change to 7/8 hex please, same qty",
    "make it 1/2 thick"); False when it names none."""
    new = _NEW_ITEM.search(said)
    if new is None:
        return False
    written = new["new"]
    if counted and counted.start() >= new.start("new"):
        written = said[new.start("new") : counted.start()]  # "make it 4 pcs": a count, no item
    elif counted and counted.end() > new.start("new"):
        written = said[counted.end() :]  # "MAKE IT 6 PLEASE": the count was the change
    written = _OLD_VALUE.sub("", written)  # "12\" x 24\" instead of 12 x 12": the size it was
    if _named_measure(line, written) or _given_size(line, written):  # "change to 35' lengths, same qty"
        return True
    read = parse_block(written, Block(0, len(written), "bullet", ""), candidates_only=False)
    if not read.has_sizes:
        return _given_grade(line, written.strip())  # "CHANGE TO 5083-H116 SAME SIZE + QTY"
    sizes = [length.inches for length in find_lengths(_GAUGE.sub(" ", written))]
    if not read.has_form and _resized(line, sizes):
        return True  # "make it 1/4 x 3 - same 10": the section said again, one size changed
    if read.has_form and read.item.form and read.item.dimensions:
        before = line.source_text
        if read.item.form != line.form:
            line.form = read.item.form
            line.dimensions = {k: v for k, v in line.dimensions.items() if k == "length"}
        line.dimensions.update(read.item.dimensions)
        if read.item.grade:
            line.grade, line.material = read.item.grade, read.item.material or line.material
        note_change(line, f"was {before}")
        return True
    return replace_named(line, Edit("replace", "", 0, 0, new=written))


# "Go ahead with option B", "we'll take alternate 2": the supplier's option chosen
_CHOSEN = re.compile(
    r"\b(?:go(?:ing)?\s+(?:ahead\s+)?with|take|proceed\s+with|prefer|choose|want|use|order)\s+(?:the\s+)?"
    r"(?:option|alt(?:ernat(?:e|ive))?|choice)\s*#?\s*(?P<name>[A-Z]|\d{1,2})\b"
    r"|\b(?:option|alt(?:ernat(?:e|ive))?)\s*#?\s*(?P<named>[A-Z]|\d{1,2})\s+(?:is\s+)?(?:works|is\s+fine|please|it\s+is)\b",
    re.IGNORECASE,
)
_OPTION_HEADING = re.compile(
    r"^[ \t>]*(?:option|alt(?:ernat(?:e|ive))?|choice)\s*#?\s*(?P<name>[A-Z]|\d{1,2})\b",
    re.IGNORECASE | re.MULTILINE,
)


def chosen_option(text: str, own: str, lines: list[LineItem]) -> list[LineItem]:
    """``lines`` less those quoted under an option the writer did not choose ("Go ahead with option
    B" drops the lines under "Option A"); lines under no option heading stay."""
    chosen = _CHOSEN.search(own)
    if chosen is None:
        return lines
    name = (chosen["name"] or chosen["named"]).upper()
    headings = [(heading.start(), heading["name"].upper()) for heading in _OPTION_HEADING.finditer(text)]
    if name not in {heading for _, heading in headings}:
        return lines
    kept = []
    for line in lines:
        start = line.span.start if line.span else 0
        under = [heading for position, heading in headings if position < start]
        if not under or under[-1] == name:
            kept.append(line)
    return kept


# a size written as a fraction or decimal ("Sure, .083 works fine"), not a date or a count
# (not "3.1 certs": one decimal place only with its unit)
_SIZE_SAID = re.compile(
    r"(?<![\w./-])(?:\d+[ -]\d+/\d+|\d+/\d+|\d*\.\d{2,4}|\d+\.\d(?=\s*(?:\"|in\b|mm\b)))(?![\w/.-])"
)


def flag_unread_size(lines: list[LineItem], own_text: str) -> None:
    """Flag lines when an approval names a size no line has ("Sure, .083 works fine" to a
    substitute the supplier offered): the change it accepts is not applied."""
    said = [parse_number(match.group()) for match in _SIZE_SAID.finditer(own_text)]
    values = [value for line in lines for value in line.dimensions.values()]
    if any(size and not any(abs(size - value) <= 0.002 for value in values) for size in said):
        for line in lines:
            if UNREAD_CHANGE not in line.flags:
                line.flags.append(UNREAD_CHANGE)
