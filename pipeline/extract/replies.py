"""The lines a message orders when it answers, edits, forwards or approves an earlier one.

A reply rarely restates its order: it says "go with line 2 and 3, drop 1", answers a quote's
lines inline, or forwards a colleague's list with one more item. These functions read the quoted
history oldest first, apply the newest message's edits and answers to it, and say which quoted
message the lines came from; a message with items of its own orders those.
"""

from __future__ import annotations

import itertools
import re

from pipeline.extract.answers import (
    answered_line,
    apply_answer,
    chosen_option,
    flag_unread_size,
    numbered_answers,
    split_answers,
)
from pipeline.extract.edits import Edit, apply_edits, find_edits, fits, named_line, numbered_line, swapped
from pipeline.extract.item import LINE_LABEL
from pipeline.extract.lines import lines_in, read_lines
from pipeline.extract.revisions import UNREAD_CHANGE, apply_changes, mark_revisions
from pipeline.extract.thread import NESTED_MARKER, Message, Thread
from pipeline.models import Document, LineItem, Span

_APPROVAL = re.compile(
    r"\b(?:please\s+(?:proceed|process|go\s+ahead|enter|place|handle|fill)|go\s+ah[ea]{1,2}d|approved?|as\s+quoted|"
    r"see\s+(?:the\s+)?(?:order\s+)?below|order\s+below|confirm(?:ed)?\s+the\s+order|(?:for|on)\s+the\s+below|"
    # a note passed on: "Rob texted this, … Need these today"
    r"need\s+(?:these|them|the\s+(?:following|below))|(?:texted|sent)\s+(?:me\s+|us\s+)?(?:this|these)\b|"
    r"go\s+with\s+(?:that|it|those|them)\b|"  # a switch the supplier offered, accepted
    # the quote accepted: "we're good with the quote", "your pricing looks fine", "we accept your quote"
    r"(?:good|fine|ok(?:ay)?|happy)\s+with\s+(?:the|your|this)\s+(?:quote|quotation|pricing|prices|numbers)|"
    r"accept(?:ed|ing)?\s+(?:the|your)\s+(?:quote|quotation|offer)|"
    # "Forwarding Simon's list below, please ship against our PO …"
    r"(?:list|items?|material|requirements?|request)\s+below|forwarding\b(?=[^.\n]{0,40}\bbelow)|"
    r"(?:ship|order|enter|bill)\s+(?:it\s+|this\s+|them\s+)?against\s+(?:our\s+|the\s+|po\b)|"
    # the quoted order again, changed only as said: "same as last order but …", "rest the same"
    r"same\s+as\s+(?:the\s+|my\s+|our\s+)?(?:last|previous|before|below)|"
    r"(?:rest|everything\s+else|all\s+else)(?:\s+on\s+the\s+(?:list|quote|order|po))?\s+(?:is\s+|stays\s+|remains\s+)?(?:the\s+same|as[\s-]is|per\b|fine|good|ok)|"
    # passed on to someone who can act: "can someone else grab this?", "could you handle the below"
    r"(?:can|could|would)\s+(?:some\s*one|any\s*one|you)(?:\s+else)?\s+(?:please\s+)?"
    r"(?:grab|handle|take|enter|process|fill|pick\s+up|look\s+after)\s+(?:this|that|it|the\s+(?:below|order)))\b",
    re.IGNORECASE,
)


# a change to the quoted order in the newest message's words ("make the 3/8 plate 1/2", "bump the
# 4140 to 6 pcs", "drop the angle"); when it is not applied to a line, a person must apply it
_CHANGE = re.compile(
    r"\b(?:make|change|bump|drop|cancel|delete|remove|skip|forget|hold\s+off|increase|decrease|reduce|instead|swap|replace|"
    r"add\s+(?:\w+\s+)?(?:more|another))\b"
    # "items 1 and 7 only": a selection of the quoted lines
    r"|\b(?:items?|lines?)\s*#?\s*\d[^.\n]{0,20}\bonly\b|\bonly\s+(?:items?|lines?)\b",
    re.IGNORECASE,
)
# a numbered line named, which a note changing it by number is written with ("line 2 should be 8 …")
_NUMBERED_LINE = re.compile(r"\b(?:line|item|row|pos(?:ition)?)\s*#?\s*\d", re.IGNORECASE)
# a word every removal is written with: most messages have none, and are not searched further
_REMOVAL_HINT = re.compile(
    r"cancel|drop|delet|remov|scratch|skip|forget|take\s+(?:off|out)|hold\s+off|n[o']t\s+need|no\s+longer|withdrawn|"
    r"disregard|desconsiderar|anular|annullare|stornieren|streichen|entf[äa]llt|vervalt|supprimer|annuler",
    re.IGNORECASE,
)
# a message that adds to the order before it rather than restating it: "forgot one - also 4 pcs …"
_ADDS = re.compile(
    r"\b(?:forgot|also\s+(?:add|need|include)|please\s+add|add\s+(?:on\s+)?(?:to|onto)\s+(?:the|my|our|this)\s+"
    r"(?:order|po)|in\s+addition\s+to|one\s+more\s+(?:item|line|thing))\b",
    re.IGNORECASE,
)
# a change verb left over once the edits read are applied ("… make it 8 pcs then"): not "instead",
# which follows an edit read ("make the 1/4 plate 3/8 instead")
_LEFTOVER_CHANGE = re.compile(
    r"\b(?<!\ba[ \t])(?<!\d[ \t])"  # not the noun: "a 3/8 drop in the rack"
    r"(?:make|change|bump|drop|cancel|delete|remove|skip|forget|hold\s+off|increase|decrease|reduce|swap|replace)\b",
    re.IGNORECASE,
)


# "one more change", "a few changes", "change to my earlier list:": the word as a noun, announcing
# the changes, not one of them
_CHANGE_NOUN = re.compile(
    r"\b(?:a|one|more|few|minor|small|couple(?:\s+of)?|two|three|some|quick)\s+(?:more\s+|other\s+)?changes?\b"
    r"|\bchanges?\s+(?:to|on|in)\s+(?:my|our|the|your|this)\s+(?:\w+\s+)?(?:list|order|email|po|quote|request)\b",
    re.IGNORECASE,
)


def _flag_unread_change(lines: list[LineItem], own_text: str) -> None:
    """Flag lines when the newest message changes the order in words no line shows applied."""
    if not _CHANGE.search(own_text) or any(line.revisions for line in lines):
        return
    for line in lines:
        if UNREAD_CHANGE not in line.flags:
            line.flags.append(UNREAD_CHANGE)


def _only_a_change(line: LineItem) -> bool:
    """A line read from words that only change a quoted one: a revision, and no count of its own
    (a line with neither size nor count, "make sure the bus bar is C110", is a note on one too)."""
    return (bool(line.revisions) and line.quantity is None) or not (line.dimensions or line.quantity)


def _said_added(text: str, thread: Thread, lines: list[LineItem]) -> bool:
    """Whether each of ``lines`` is written in the paragraph where the newest message says it adds
    to the order ("One more - please add 4 sheets …"), not elsewhere ("please add induction
    hardening" under a restated order)."""
    adds = [match.start() for a, b in thread.current for match in _ADDS.finditer(text, a, b)]
    return all(
        line.span is not None
        and any("\n\n" not in text[min(at, line.span.start) : max(at, line.span.start)] for at in adds)
        for line in lines
    )


def _restates(lines: list[LineItem], quoted: list[LineItem]) -> bool:
    """Whether one of ``lines`` speaks of a quoted line: its form, and no size that line lacks
    ("The IPE 240 we take 7 stuks", a corrected list's "C110 bus bar 1/4 x 4 x 12'")."""
    return any(
        line.form == earlier.form
        and line.dimensions
        and all(
            any(abs(value - size) < 1e-3 for size in earlier.dimensions.values())
            for value in line.dimensions.values()
        )
        for line in lines
        for earlier in quoted
    )


def _renumbered(lines: list[LineItem]) -> list[LineItem]:
    """``lines`` numbered from 1 in their order: lines joined from two messages, or left after a
    removal, are one order (the ledger keys a line by its number)."""
    for number, line in enumerate(lines, start=1):
        line.line_no = number
    return lines


def message_spans(document: Document, thread: Thread) -> list[tuple[int, int]]:
    """The newest message's own text and its attachments: where the order is read."""
    attachments = [(a.offset, a.offset + len(a.text)) for a in document.attachments if a.offset is not None]
    return [*thread.current, *attachments]


def _quoted_order(text: str, thread: Thread) -> tuple[list[LineItem], Message] | None:
    """The order as the quoted history left it, and the newest message that shaped it.

    The history is read oldest first, as it was written: a message that lists items states the
    order, and a later message that changes it by difference ("bump the pipe to 8 sticks, forget
    the round bar") is applied to it, so a forward of a customer's reply orders what the reply
    asked for. It starts at the newest message that states a whole order by itself (with no edit
    and nothing added to an earlier one): what is older is replaced by it."""
    order: tuple[list[LineItem], Message] | None = None
    history = [part for message in thread.history for part in _nested(text, message)]
    newer = len(history)
    edits = [find_edits(text, message.start, message.end) for message in history]
    for index, message in enumerate(history):
        whole = not edits[index] and not _ADDS.search(text, message.start, message.end)
        if whole and (stated := lines_in(text, [(message.start, message.end)])):
            order, newer = (stated, message), index
            break
    for index in reversed(range(newer)):
        message = history[index]
        spans = [(message.start, message.end)]
        edited = _by_number(text, order[0], spans) if order else None
        if edited is None and order:
            edited = _edit(text, order[0], edits[index], spans, spans)
        if edited is not None:
            order = edited, message
        elif quoted_lines := lines_in(text, spans):
            if edits[index]:  # "Two changes from what I sent Monday: …" over its own list
                quoted_lines = _self_edited(text, quoted_lines, edits[index])
            adds = order is not None and _ADDS.search(text, message.start, message.end)
            order = (_renumbered(order[0] + quoted_lines), message) if adds else (quoted_lines, message)
    return order


def _nested(text: str, message: Message) -> list[Message]:
    """``message`` and the older messages quoted inside it ("> On … wrote:" over ">> " lines),
    newest first, when the newest lists the order whole (a quote of every line above the request
    it prices); else ``message`` as one (a note about one line above the list it changes)."""
    starts = [found.start() for found in NESTED_MARKER.finditer(text, message.start + 1, message.end)]
    if not starts:
        return [message]
    bounds = [message.start, *starts, message.end]
    parts = [Message(a, b, message.forwarded) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]
    counts = [len(lines_in(text, [(part.start, part.end)])) for part in parts]
    return parts if counts[0] >= max(counts[1:], default=0) else [message]


def _self_edited(text: str, lines: list[LineItem], edits: list[Edit]) -> list[LineItem]:
    """A message's own list as its own changes leave it ("make the 16 ga 12 sheets instead of 10,
    and skip the angle" above the list); every line flagged when a change names no line."""
    # "actually make that 3 sheets of the 5086", read as a line with no size: the change, not an item
    lines = [line for line in lines if line.dimensions or not any(_inside(line, edit) for edit in edits)]
    kept, unapplied = apply_edits(text, lines, edits)
    if unapplied:
        for line in kept:
            if UNREAD_CHANGE not in line.flags:
                line.flags.append(UNREAD_CHANGE)
    return _renumbered(kept)


def _edit(
    text: str,
    lines: list[LineItem],
    edits: list[Edit],
    own: list[tuple[int, int]],
    spans: list[tuple[int, int]],
) -> list[LineItem] | None:
    """``lines`` as a message edits them by difference ("drop the angle, bump the 4140 to 6"): the
    ``edits`` found in its own text (``own``), plus the items the rest of its text (``spans``,
    with attachments) adds; ``None`` when no edit names one of ``lines``."""
    if not edits:
        return None
    kept, unapplied = apply_edits(text, lines, edits)
    for index, edit in enumerate(edits):
        if edit.kind == "swap":  # the item written after it is the swap's, not one added
            if (result := swapped(text, kept, edit)) is None:
                unapplied.append(edit)
            else:
                kept, edits[index] = result
    applied = [edit for edit in edits if edit not in unapplied]
    if not applied:
        return None
    # "20 instead of 12" said outside the edits applied ("change line 2 to 6 pcs instead of 4" is one)
    apply_changes(kept, "\n".join(text[a:b] for a, b in _without(own, _cuts(applied))))
    # an item added names its size ("also add 3 pcs … 1/4 x 2 x 12'"); "we found 6 sticks out
    # back" beside the edits is talk about the order, not a line of it
    added = [line for line in lines_in(text, _without(spans, _cuts(applied))) if line.dimensions]
    # "add one more item: 2 pcs …" names no quoted line: it is the item added, not an edit
    unapplied = [edit for edit in unapplied if not any(_inside(line, edit) for line in added)]
    result = kept + added
    rest = _CHANGE_NOUN.sub(" ", _rest(text, _without(own, _cuts(applied)), added))
    if unapplied or _LEFTOVER_CHANGE.search(rest):
        for line in result:
            if UNREAD_CHANGE not in line.flags:
                line.flags.append(UNREAD_CHANGE)
    return _renumbered(result)


def _edited_order(
    text: str, thread: Thread, spans: list[tuple[int, int]]
) -> tuple[list[LineItem], Message] | None:
    """The quoted order as the newest message edits it; ``None`` when no edit names a quoted line."""
    edits = [edit for a, b in thread.current for edit in find_edits(text, a, b)]
    if not edits:
        return None
    quoted = _quoted_order(text, thread)
    if quoted is None:
        return None
    edited = _edit(text, quoted[0], edits, list(thread.current), spans)
    return None if edited is None else (edited, quoted[1])


def _answered(
    text: str, lines: list[LineItem], targets: list[tuple[LineItem | None, int, int]]
) -> list[LineItem] | None:
    """``lines`` with each answer ``text[a:b]`` applied to the line it answers; ``None`` when none
    answers a line."""
    if all(line is None for line, _, _ in targets):
        return None
    for line, a, b in targets:
        if line is not None and line in lines:
            lines = apply_answer(lines, line, text[a:b])
    return _renumbered(lines)


def _by_number(text: str, lines: list[LineItem], spans: list[tuple[int, int]]) -> list[LineItem] | None:
    """``lines`` as a message answers them by number ("my changes: 1 - go to 6 pcs / 2 - not
    needed"), with the edits written beside those answers; ``None`` when it answers none."""
    numbered = numbered_answers(text, spans)
    answered = _answered(text, lines, [(numbered_line(text, lines, n), a, b) for n, a, b in numbered])
    if answered is None:
        return None
    rest = _without(spans, [(a, b) for _, a, b in numbered])
    edits = [edit for a, b in rest for edit in find_edits(text, a, b)]
    return _edit(text, answered, edits, rest, rest) or answered


def _answered_order(text: str, thread: Thread) -> tuple[list[LineItem], Message] | None:
    """The quoted order as the answers written under its lines leave it ("make it 4 pcs" under line
    2, "cancel" under line 4), with the items the writer adds; ``None`` when no answer sits under
    a quoted line."""
    quoted = thread.history[0]
    between, under, own = split_answers(text, (quoted.start, quoted.end), thread.current, thread.marked)
    numbered = numbered_answers(text, own)
    # "1 - ok / 2 - make it 6 / 3 - drop this one" above a quote with a starred note of its own
    # ("** 2" N/A - SUB 2-1/4" **", the quoter's): the answers by number are the writer's
    if between and len(numbered) <= len(between):
        # the answers blanked, not cut out: the quoted lines they part are not read as one; a
        # line asked about ("2\" sch 40 - you ok with A53B?") is a line all the same
        blanked = text
        for a, b in between:
            blanked = blanked[:a] + re.sub(r"[^\n]", " ", blanked[a:b]) + blanked[b:]
        blanked = (
            blanked[: quoted.start]
            + blanked[quoted.start : quoted.end].replace("?", " ")
            + blanked[quoted.end :]
        )
        nested = NESTED_MARKER.search(text, between[0][1], quoted.end)
        lines = lines_in(blanked, [(quoted.start, nested.start() if nested else quoted.end)])
        if nested and not any(line.dimensions and "form_inferred" not in line.flags for line in lines):
            # the questions name no item: the order is in the older message quoted inside
            lines = lines_in(blanked, [(quoted.start, quoted.end)])
        targets = [(line, a, b) for a, b in between if (line := answered_line(lines, a, text)) is not None]
        targets += [
            (line, a, b) for a, b in under if (line := answered_line(lines, a, text, gap=0)) is not None
        ]
    elif numbered and (order := _quoted_order(text, thread)) is not None:
        # "Pos. 2 - we need 2 plates instead of 1": answers by number, above the quote
        (lines, quoted), under = order, []
        targets = [
            (line, a, b) for n, a, b in numbered if (line := numbered_line(text, lines, n)) is not None
        ]
        own = _without(own, [(a, b) for _, a, b in numbered])
    else:
        return None
    if (answered := _answered(text, lines, targets)) is None:
        return None
    lines = answered
    own += [(a, b) for a, b in under if not any(a == target[1] for target in targets)]
    # above or below the quote: changes by name ("scratch the aluminum") and the writer's own items
    # ("Also please add 2 pcs … pipe")
    edits = [edit for a, b in own for edit in find_edits(text, a, b)]
    if (edited := _edit(text, lines, edits, own, own)) is not None:
        return edited, quoted
    added = lines_in(text, own)
    return _renumbered(lines + [line for line in added if line.dimensions]), quoted


# "- 5052 sheet: can we do .090 instead of .080?", "- the 25mm round - switch to 1\" dia": a
# quoted line named, then what changes about it, a row each
_NAMED_ANSWER = re.compile(
    r"^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+(?P<ref>[^:\n]{2,40}?)(?::|[ \t][-–—])[ \t]+(?P<answer>[^\n]+)$",
    re.MULTILINE,
)


_LISTED_ROW = re.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)


def _named_order(text: str, thread: Thread) -> tuple[list[LineItem], Message] | None:
    """The quoted order with each row of the newest message that names one of its lines and says
    what changes about it applied to that line ("- 3003: only need 5 sheets now"); ``None`` unless
    every row of the message's list is such a row, naming exactly one quoted line."""
    rows = [row for a, b in thread.current for row in _NAMED_ANSWER.finditer(text, a, b)]
    listed = [row for a, b in thread.current for row in _LISTED_ROW.finditer(text, a, b)]
    if not rows or len(rows) != len(listed) or any(find_edits(text, a, b) for a, b in thread.current):
        return None  # a row adding an item, or an edit the edits module reads: not answers by name
    if (quoted := _quoted_order(text, thread)) is None:
        return None
    lines = quoted[0]
    targets = []
    for row in rows:
        line = named_line(text, lines, row["ref"])
        if line is None:
            return None
        targets.append((line, row.start("answer"), row.end("answer")))
    answered = _answered(text, lines, targets)
    if answered is None:
        return None
    for line, a, b in targets:
        if line in answered:
            apply_changes([line], text[a:b])  # ".090 instead of .080"
    return answered, quoted[1]


def _as_noted(text: str, lines: list[LineItem], spans: tuple[tuple[int, int], ...]) -> list[LineItem]:
    """``lines`` less those a note beside them removes ("Sl. No. 5 stands deleted", "please cancel
    the angle", "scratch the 3/4 square bar, make that 12 pcs of the 5/8 …"), and with the count or
    size a note gives a numbered line ("line 2 should be 8 ea, not 4") or a line it names ("we need
    12 of the 16 ga sheets this time instead of 10"); a removal naming no line, or the line it is
    written in, changes nothing."""
    removals = [
        edit
        for a, b in spans
        if _REMOVAL_HINT.search(text, a, b)
        for edit in find_edits(text, a, b, ("remove",))
        if not any(_inside(line, edit) and fits(line, edit.ref) for line in lines)
    ]
    # "One correction - line 2 should be 8 ea, not 4", "Line 5 should be 1/2 x 2, not 1-1/2 wide": a
    # count or size said for a numbered line of this list
    recounts = [
        edit
        for a, b in spans
        if _NUMBERED_LINE.search(text, a, b)
        for edit in find_edits(text, a, b, ("quantity", "replace"))
        if LINE_LABEL.fullmatch(edit.ref) and not any(_inside(line, edit) for line in lines)
    ]
    # "The only change is we need 12 of the 16 ga sheets this time instead of 10": a count for a line
    # named above, in words read as a change of their own (no grade, one size at most)
    changes = [line for line in lines if line.revisions and line.grade is None and len(line.dimensions) <= 1]
    counts = [
        edit
        for line in changes
        if line.span is not None
        for edit in find_edits(text, line.span.start, line.span.end, ("quantity",))
        if not LINE_LABEL.fullmatch(edit.ref)
    ]
    if counts:
        counted, unapplied = apply_edits(text, [line for line in lines if line not in changes], counts)
        if not unapplied:  # every count named its line: the words of the change are no line themselves
            lines = _renumbered(counted)
    if not removals and not recounts:
        return lines
    kept, _ = apply_edits(text, lines, removals + recounts)
    return _renumbered(kept)


def _rest(text: str, spans: list[tuple[int, int]], lines: list[LineItem]) -> str:
    """The words of ``spans`` outside ``lines``: where a change no edit read would be written
    ("20' tube is fine, make it 8 pcs then")."""
    chars = list(text)
    for line in lines:
        if line.span is not None:
            chars[line.span.start : line.span.end] = " " * (line.span.end - line.span.start)
    rest = "".join(chars)
    return "\n".join(rest[a:b] for a, b in spans)


def _without(spans: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with the ``cuts`` taken out: an edit or an answer is not an item."""
    pieces = []
    for start, end in spans:
        for a, b in sorted(cuts):
            if start <= a < end:
                pieces.append((start, a))
                start = max(start, b)
        pieces.append((start, end))
    return [(a, b) for a, b in pieces if b > a]


def _cuts(edits: list[Edit]) -> list[tuple[int, int]]:
    return [(edit.start, edit.end) for edit in edits]


# a word every change of count is written with, a number after it ("make the … 10 pcs", "bump … to 6",
# "qty on … should be 15", "… goes to 12 pcs")
_RECOUNT_WORD = re.compile(
    r"\b(?:make|change[sd]?|bump(?:ed)?|increase[sd]?|decrease[sd]?|reduce[sd]?|raise[sd]?|lower(?:ed)?|revise[sd]?|"
    r"cut|bring|drop|knock|take|keep|(?:qty|quantity|count)(?!\s*[:=])|go|goes|upped)\b[^.\n]{0,60}?\d{1,4}\s*(?:pcs?|pieces?|"
    r"sticks?|sheets?|shts?|bars?|lengths?|jts?|joints?|ea|each|plates?|tubes?|pipes?|beams?|not|instead|more|total)?\b",
    re.IGNORECASE,
)


def _recounted(text: str, lines: list[LineItem], spans: tuple[tuple[int, int], ...]) -> list[LineItem]:
    """``lines`` with the new counts the writer gives lines of their own list after it ("make the
    round bar 10 pcs we need some for the guards too")."""
    first = min((line.span.start for line in lines if line.span is not None), default=None)
    counts = [
        edit
        for a, b in spans
        if first is not None and _RECOUNT_WORD.search(text, max(a, first), b)  # (most texts have none)
        for edit in find_edits(text, a, b)
        if edit.kind == "quantity"
        and first is not None
        and edit.start > first
        and not any(_inside(line, edit) for line in lines)
    ]
    return apply_edits(text, lines, counts)[0] if counts else lines


def _inside(line: LineItem, edit: Edit) -> bool:
    return line.span is not None and line.span.start < edit.end and edit.start < line.span.end


def extract_lines(document: Document, thread: Thread) -> tuple[list[LineItem], Message | None, list[Span]]:
    """The lines the newest message (and its attachments) orders, the quoted message they were
    taken from when the newest message edits, forwards or approves it, and the pieces of the
    newest message that look like items but are in no line."""
    text = document.text
    if thread.history and (answered := _answered_order(text, thread)) is not None:
        return *answered, []
    if thread.history and (named := _named_order(text, thread)) is not None:
        return *named, []
    edited = _edited_order(text, thread, message_spans(document, thread)) if thread.history else None
    if edited is not None:
        return *edited, []
    reading = read_lines(text, message_spans(document, thread))
    lines = _as_noted(text, reading.lines, thread.current)
    own_text = "\n".join(text[a:b] for a, b in thread.current)
    if (
        lines
        and thread.history
        and _APPROVAL.search(own_text)
        and all(_only_a_change(line) for line in lines)
    ):
        lines = []  # "the AR400 needs to be 1/2" not 3/8". Rest is per his email below.": a change
    if lines and thread.history and _ADDS.search(own_text):
        # "Please also add 2 pcs … Rest as-is.", "One more - please add 4 sheets … to this": the
        # quoted order and the items added to it (not a corrected list, "… and forgot the hex",
        # which restates the lines it keeps)
        quoted = _quoted_order(text, thread)
        added = quoted is not None and (
            _APPROVAL.search(own_text)
            or (_said_added(text, thread, lines) and not _restates(lines, quoted[0]))
        )
        if quoted is not None and added:
            # "1.250 is fine on the 7075": a quoted line the writer speaks of may have changed
            rest = _rest(text, list(thread.current), lines)
            for line in quoted[0]:
                if line.grade and re.search(rf"(?<![\w.]){re.escape(line.grade)}(?!\w)", rest):
                    line.flags.append(UNREAD_CHANGE)
            return _renumbered(quoted[0] + lines), quoted[1], reading.unread
    if lines:
        # "Actually make that 3 sheets not 2", "needs to be 3½" not 3¼"", "make the round bar 10 pcs":
        # the writer's own corrections, said outside the lines they correct
        lines = _recounted(text, lines, thread.current)
        apply_changes(lines, _rest(text, list(thread.current), lines))
        mark_revisions(lines, (lines_in(text, [(m.start, m.end)]) for m in thread.history))
        if thread.history:
            _flag_unread_change(lines, own_text)
        return lines, None, reading.unread
    # a reply with no items of its own that forwards, approves or changes the quoted order
    if not (thread.forwarded or _APPROVAL.search(own_text) or _CHANGE.search(own_text)):
        return [], None, reading.unread
    quoted = _quoted_order(text, thread)
    if quoted is None:
        return [], None, reading.unread
    quoted = _renumbered(chosen_option(text, own_text, quoted[0])), quoted[1]
    apply_changes(quoted[0], own_text)
    _flag_unread_change(quoted[0], own_text)
    flag_unread_size(quoted[0], own_text)
    return *quoted, []
