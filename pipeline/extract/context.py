"""Grades stated once for many items: "all 304 SS please", a "6061-T651" line over a list of cuts,
"HSS to be A500 Gr B. W shapes A992.", "All stainless steel components must be 316 grade".

A *statement* is a block that names a grade but is not itself an item. A grade with a form word
in its clause ("W shapes A992", "Angle A36") is for items of that form; otherwise it is for the
items after it (a section), or for every item when it comes after them all. An item that names
no grade takes the statement's — never one of another family — and says so with
``grade_from_context`` when the message states more than one such grade (unless a section heading
gave it: the items under "ALUMINUM (6061-T6):" are 6061), or states it after the item without
saying "all": then a person confirms which applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.cues import alternate_clauses
from pipeline.extract.grades import GradeHit, find_grades
from pipeline.extract.vocabulary import FAMILY_WORDS, FORM_WORDS, first_match, fold
from pipeline.models import LineItem, Span
from pipeline.units import find_lengths

CONTEXT_FLAG = "grade_from_context"
# a clause; "except"/"but" starts another ("All A36 except pipe is A53": the pipe's own grade)
_CLAUSE = re.compile(r"(?:except|but)\b[^.;:!?\n]*|(?:(?!\b(?:except|but)\b)[^.;:!?\n])+", re.IGNORECASE)
_UNIVERSAL = re.compile(
    r"\b(?:all|every(?:thing)?|each|unless\s+(?:noted|otherwise)|throughout"
    r"|tod[oa]s?|tout(?:e|es)?|tous|alle[sn]?|tutt[oiae]|wszystk\w*|gesamte?)\b",  # Spanish, French, …
    re.I,
)
# forms one statement covers: "HSS" is any hollow section, "plate" a sheet too
_FORM_GROUPS = (
    frozenset({"tube_square", "tube_rectangular", "tube_round"}),
    frozenset({"sheet", "plate"}),
)


@dataclass(frozen=True)
class Statement:
    """A grade stated for other items: where, and for which form (``None``: any)."""

    grade: GradeHit
    position: int
    forms: tuple[str, ...]  # the forms it is said of ("angle and plate A36"); none: any
    universal: bool  # "all …", "unless noted", "everything": said of every item, before or after
    family: str | None = None  # a family the statement names apart from its grade: for those items
    # a heading's or a short line's over a list: the items under it are its, however many grades
    # the email states
    section: bool = False


def statements_in(text: str, start: int, end: int, section: bool = False) -> list[Statement]:
    """The grade statements of a block or heading ``text[start:end]`` that is not an item."""
    found = []
    for clause in _CLAUSE.finditer(text, start, end):
        body = clause.group()
        # "(or A36 if you do not have S275JR)": a substitute offered, not what the items are
        offered = alternate_clauses(body)
        said = "".join(" " if any(a <= i < b for a, b in offered) else c for i, c in enumerate(body))
        family = first_match(body, FAMILY_WORDS)
        for hit in find_grades(said):
            if _NEGATED.search(said[: hit.start]):
                continue  # "not 304", "instead of 4140": what the items are not (but "all A36, no rush")
            part = _part(body, hit)
            forms = _forms_in(part)
            if not forms and _EXCEPT.match(body):
                forms = _forms_in(body[: hit.start])  # "except the sheet, which should be 5052-H32"
            if hit.family is None and family is not None:
                hit = GradeHit(hit.grade, family[0], hit.temper, hit.start, hit.end, hit.foreign)
            # "all stainless steel parts must be 316": said of the stainless items only; but
            # "316L stainless steel" and "Stainless: 316L" only describe the grade
            scope = family[0] if family and family[2] + 3 < hit.start else None
            at = clause.start()
            shifted = GradeHit(hit.grade, hit.family, hit.temper, at + hit.start, at + hit.end, hit.foreign)
            # "Beams A992, tube A500, everything else A36": only the A36 is said of every item
            universal = _UNIVERSAL.search(part) is not None
            # "all hot rolled A36 two sticks of angle …": said of every item, not the angle alone
            found.append(Statement(shifted, at, () if universal else forms, universal, scope, section))
    return found


_EXCEPT = re.compile(r"(?:except|but)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:instead\s+of|not|no|never)\b(?:\W+\w+){0,2}\W*$", re.IGNORECASE)
_BARS = ("bar_round", "bar_square", "bar_hex", "bar_rectangular")
_TUBES = ("tube_round", "tube_square", "tube_rectangular")
_GENERIC = {"bar": _BARS, "bars": _BARS, "tube": _TUBES, "tubes": _TUBES, "tubing": _TUBES}


def said_of_every_item(text: str) -> bool:
    """Whether ``text`` says something of every item ("All plate A572 Gr 50", "everything 304")."""
    return _UNIVERSAL.search(text) is not None


def universal_statements(text: str, start: int, end: int) -> list[Statement]:
    """The statements of an item's own text said of every item ("all hot rolled A36 two sticks of
    …"); a quick look for "all" spares the grade search on the many items without one."""
    if _UNIVERSAL.search(text, start, end) is None:
        return []
    return [statement for statement in statements_in(text, start, end) if statement.universal]


# where a clause's parts part: a comma, or "and" before another "… is <grade>" ("HSS is A500 and
# pipe is A53") — not the "and" of "bar and plate A36"
_PART_BREAK = re.compile(r",|\band\b(?=\s+(?:the\s+)?[\w/ -]{1,24}?\s+(?:is|are|in)\s)", re.IGNORECASE)


def _part(body: str, hit: GradeHit) -> str:
    """The grade's own part of the clause ("Angle A36", "HSS to be A500", "bar and plate A36"), not
    another part ("all S275JR, bars of 6 m", "HSS is A500 and pipe is A53")."""
    cuts: list[int] = []
    for match in _PART_BREAK.finditer(body):
        # an "and" parts only after a grade: not in "the channel and angle are A36"
        if match.group() == "," or find_grades(body[cuts[-1] + 1 if cuts else 0 : match.start()]):
            cuts.append(match.start())
    start = max((cut for cut in cuts if cut < hit.start), default=-1) + 1
    end = min((cut for cut in cuts if cut >= hit.end), default=len(body))
    return body[start:end]


def _forms_in(part: str) -> tuple[str, ...]:
    """The forms a part of a clause names; a plain "bar" or "tube" names every bar or tube."""
    forms: list[str] = []
    for name, match in FORM_WORDS.matches(fold(part)):
        forms += _GENERIC.get(match.group(), (name,))
    return tuple(dict.fromkeys(forms))


def _same_form(stated: str, form: str | None) -> bool:
    return form == stated or any(stated in group and form in group for group in _FORM_GROUPS)


# specs made in one kind of product only: "Everything A36 / A53 unless noted" gives the pipe A53
# and the bar A36
_ONLY_IN = {
    "A53": _TUBES, "A106": _TUBES, "A500": _TUBES, "A513": _TUBES, "A1011": ("sheet", "plate"),
    "A1008": ("sheet",), "A992": ("beam_i", "channel"),
}  # fmt: skip


def _fits(statement: Statement, line: LineItem) -> bool:
    made_in = _ONLY_IN.get(statement.grade.grade.upper())
    if made_in is not None and line.form is not None and line.form not in made_in:
        return False
    if statement.family is not None and not statement.section:  # a heading's items are its own
        return line.material == statement.family
    family = statement.grade.family
    return line.material is None or family is None or line.material == family


def _choice(statements: list[Statement], line: LineItem, position: int) -> Statement | None:
    """The statement for an item at ``position``: one for its form (its very form before its form's
    group), else the nearest general one before it, else a general one after it."""
    fitting = [s for s in statements if _fits(s, line)]
    for_form = [s for s in fitting if line.form in s.forms]  # "pipe is A53" before "HSS is A500"
    for_form = for_form or [s for s in fitting if any(_same_form(form, line.form) for form in s.forms)]
    if for_form:
        return max(for_form, key=lambda s: (s.position < position, -abs(s.position - position)))
    general = [s for s in fitting if not s.forms]
    before = [s for s in general if s.position < position]
    if before:
        return before[-1]
    return general[0] if general else None


def apply_statements(lines: list[LineItem], statements: list[Statement]) -> None:
    """Give each item without a grade the grade stated for it (see the module's docstring)."""
    if not statements:
        return
    several = len({s.grade.grade for s in statements}) > 1
    for line in lines:
        if line.grade is not None or line.span is None:
            continue
        chosen = _choice(statements, line, line.span.start)
        if chosen is None:
            continue
        hit = chosen.grade
        line.grade, line.temper = hit.grade, line.temper or hit.temper
        line.material = line.material or hit.family
        line.evidence["grade"] = Span(hit.start, hit.end)
        if "missing_grade" in line.flags:
            line.flags.remove("missing_grade")
        later = chosen.position > line.span.start and not chosen.universal
        if ((several and not chosen.section) or later) and CONTEXT_FLAG not in line.flags:
            line.flags.append(CONTEXT_FLAG)


# Forms a flat piece read from its sizes alone may be: a stated one of these decides which
_FLAT_PIECES = frozenset({"plate", "sheet", "bar_rectangular"})


def forms_stated(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(position, form) of flat-piece forms named in a block that is not an item ("Burn to size is
    fine on the plate", "saw-cut the following from plate")."""
    found = first_match(text[start:end], FORM_WORDS)
    return [(start + found[1], found[0])] if found is not None and found[0] in _FLAT_PIECES else []


def apply_forms_stated(lines: list[LineItem], stated: list[tuple[int, str]]) -> None:
    """A line whose flat form was only inferred from its sizes takes the form stated before it."""
    for line in lines:
        if "form_inferred" not in line.flags or line.form not in _FLAT_PIECES or line.span is None:
            continue
        before = [form for position, form in stated if position < line.span.start]
        if before:
            line.form = before[-1]
            line.flags.remove("form_inferred")


# "bars of 6 m", "in 20' lengths", "full 20' sticks", "barras de 3 m", "lengths of 6000 mm": a cut
# length said once for the items after it
_LENGTH_STATED = re.compile(
    r"\b(?:bars?|barras?|barre|lengths?|stangen|sticks?)\s+(?:of|de|da|à|a|von)\s+(?P<a>\d[\d.,]*\s*(?:m|mm|ft|')(?!\w))"
    r"|\b(?:in\s+)?(?P<b>\d[\d.,]*\s*(?:m|ft|'|-foot|-ft))\s+(?:lengths?|sticks?|joints?)\b",
    re.IGNORECASE,
)
_TAKES_LENGTH = frozenset(
    {"bar_round", "bar_square", "bar_hex", "bar_rectangular", "tube_round", "tube_square", "tube_rectangular",
     "angle", "channel", "beam_i"}
)  # fmt: skip


def lengths_stated(text: str, start: int, end: int) -> list[tuple[int, float]]:
    """(position, inches) of cut lengths said for other items in a block that is not an item."""
    found = []
    for match in _LENGTH_STATED.finditer(text, start, end):
        lengths = find_lengths(match["a"] or match["b"])
        if lengths and lengths[0].unit:
            found.append((match.start(), lengths[0].inches))
    return found


_EVERY_LENGTH = re.compile(
    r"\b(?:both|all(?:\s+of\s+them)?|each|every\s*thing)\s+(?:in\s+|at\s+|cut\s+to\s+)?"
    r"(?P<b>\d[\d.,]*\s*(?:m|ft|'|-foot|-ft))\s+lengths?\b",
    re.IGNORECASE,
)


def lengths_for_every(text: str, start: int, end: int) -> list[tuple[int, float]]:
    """A length an item's own text says of all the items ("25 pcs of 1/4 x 2 and 25 of 1/4 x 4,
    both in 12' lengths"): at position -1, so before every item (one said later still wins)."""
    found = []
    for match in _EVERY_LENGTH.finditer(text, start, end):
        lengths = find_lengths(match["b"])
        if lengths and lengths[0].unit:
            found.append((-1, lengths[0].inches))
    return found


def apply_lengths_stated(lines: list[LineItem], stated: list[tuple[int, float]]) -> None:
    """A bar, tube or section with no length of its own takes the length said before it."""
    for line in lines:
        if line.form not in _TAKES_LENGTH or "length" in line.dimensions or line.span is None:
            continue
        before = [inches for position, inches in stated if position < line.span.start]
        if before and line.dimensions:
            line.dimensions["length"] = round(before[-1], 6)
