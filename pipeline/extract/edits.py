"""A reply that changes the quoted order by difference: "make the 3/8 plate 1/2", "drop the angle",
"bump the 4140 to 6 pcs", "add 2 more sheets", "cancel the 2" 1045 round entirely".

Each edit names a quoted line the way a person would — by grade, form and sizes ("the 4140", "the
3/8 plate") or by its number ("drop line 3") — and is applied to the one line that name fits. An
edit that fits no line, or more than one, is not guessed at: it is returned unapplied, and the
caller flags the order.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, replace

from pipeline.extract.blocks import Block
from pipeline.extract.gauges import gauge_inches
from pipeline.extract.grades import find_grades
from pipeline.extract.item import LINE_LABEL, parse_block
from pipeline.extract.quantity import PIECES, parse_count
from pipeline.extract.revisions import note_change
from pipeline.extract.vocabulary import FAMILY_WORDS, FORM_WORDS, first_match
from pipeline.models import LineItem
from pipeline.units import find_lengths, parse_number

_REF = r"(?P<ref>(?:(?!\band\s+the\b)[^.;,\n]){1,60}?)"  # one line's name: "the plate", not "… and the angle"
# a line's name that may hold a decimal: "the 316L 2\" x .065", "the 1.500 OD"
_SIZED_REF = r"(?P<ref>(?:(?!\band\s+the\b)(?:[^.;,\n]|\.(?=\d))){1,60}?)"
_END = (
    r"(?=\s+(?:entirely|completely|altogether|line|item|from|as\s+well|too|please|make|then|instead|but)\b"
    r"|\s*(?:\.(?!\d)|[;,!\n(]|\band\b|$)|\s+[-–—]\s)"  # "drop the AR500 - they found remnants"
)
_NEW_SIZE = r"(?P<new>(?:\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?|\.\d+)\s*(?:\"|”|in\b|mm\b|\s?(?:ga|gauge|gage)\b)?)"
_SIZE = r"(?:\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?|\.\d+)"
_MEASURE = r"(?P<measure>wall|thick(?:ness)?|long|length|dia(?:meter)?|OD)\b"
_NUMBER_LIST = (  # "items 1, 3 and 5", "line 2 and line 4", "lines 1-3"
    r"(?:items?|lines?|pos(?:itions)?)\s*#?\s*\d{1,3}"
    r"(?:\s*(?:-|–|to|thru|through)\s*\d{1,3}|(?:\s*(?:,|\band\b|&|\+)\s*(?:(?:items?|lines?)\s*)?#?\d{1,3})+)"
)
_RANGE = re.compile(r"(\d{1,3})\s*(?:-|–|to|thru|through)\s*(\d{1,3})")
_COUNT = r"(?P<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NUMBERS = re.compile(r"#?\d{1,2}(?:\s*(?:,|\band\b|&)\s*#?\d{1,2})+")  # line numbers alone: "2 and 4"
# after a list of line numbers: the whole list, and no size ("skip 2 and 3/4 round")
_NOT_SIZES = r"(?!\s*(?:,|\band\b|&)\s*#?\d)(?!\s*(?:[\"'/x×-]|\.\d|pcs\b|pieces|ea\b|mm\b|in\b|ft\b))"
# Each edit: its kind, its pattern and, for a pattern that would otherwise be tried at every line
# start, a word it cannot match without (looked for once per reply, not at every position).
_EDITS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE), re.compile(needs[0], re.IGNORECASE) if needs else None)
    for kind, pattern, *needs in (
        (  # "Line 4: drop it, we found a drop in the rack", "Item 4 - hold for now"
            "remove",
            r"\b(?P<ref>(?:line|item|pos(?:ition)?)\.?\s*#?\s*\d{1,3})\s*[:,-]\s*(?:please\s+)?"
            r"(?:drop|delete|remove|cancel|skip|scratch|hold\s+(?:for\s+now|off)|on\s+hold)(?:\s+(?:it|that|this))?\b",
        ),
        (  # "Skip 2 and 4 for now", "drop lines 3 & 5": numbered lines struck, several at once
            "remove",
            r"\b(?:cancel|drop|delete|remove|scratch|skip)\s+(?:items?\s+|lines?\s+)?"
            rf"(?P<ref>{_NUMBERS.pattern})\b{_NOT_SIZES}",
        ),
        (  # "skip 2 got some left": a line by its bare number, words after it (not "drop 2 sheets")
            "remove",
            r"\b(?:cancel|drop|delete|remove|scratch|skip)\s+#?(?P<ref>\d{1,2})\b"
            r"(?!\s*(?:[\"'”/x×,-]|\.\d|\d|of\b|pcs|pieces|ea\b|mm|in\b|inch|ft|feet|foot|sheets?|shts?|ga\b|gauge))"
            rf"(?!\s*{PIECES}\b)",
        ),
        (  # "please delete pos. 2 (the strip 30 x 3)", "cancel line 3"
            "remove",
            r"\b(?:cancel|drop|delete|remove|scratch|skip)\s+"
            r"(?P<ref>(?:line|item|pos(?:ition)?|s(?:l)?\.?\s*no|lp)\.?\s*#?\s*\d{1,3})\b",
        ),
        (  # not the noun: "we found a 3/8 drop in the rack"
            "remove",
            r"\b(?<!\ba[ \t])(?<!\d[ \t])(?<!\d\"[ \t])"
            # "drop the sheet down to 1": a count, not a line struck
            r"(?![a-z]+\s+(?:the\s+)?[^.;,\n]{1,40}?\s+(?:(?:down|up)\s+)?to\s+\d)"
            rf"(?:cancel|drop|delete|remove|scratch|skip|forget(?:\s+about)?|take\s+(?:off|out)|hold\s+off\s+on"
            rf"|take(?=\s+(?:the|that)\s+[^.;,\n]{{1,40}}?\s+(?:off|out)\b)"  # "take the 2x3 rect tube off"
            rf"|(?:ignore|disregard|omit|leave\s+(?:off|out))(?=\s+(?:the|that)\b)"  # not "ignore pricing"
            rf"|(?:do\s+not|don'?t|no\s+longer)\s+need)\s+"
            # ("scratch what I said about the angle": a statement taken back, not the angle)
            rf"(?!what\s+(?:i|we)\s+(?:said|wrote|told|mentioned)\b)"
            rf"(?:the\s+|that\s+)?"
            rf"{_SIZED_REF}{_END}",
        ),
        (
            "quantity",
            rf"\b(?:bump|change|make|increase|decrease|reduce|raise|lower|revise|cut|bring|drop|knock|take)\s+(?:the\s+)?"
            rf"(?:(?:qty|quantity)\s+(?:of|on|for)\s+(?:the\s+)?)?{_REF}\s+(?:qty\s+)?(?:up\s+|down\s+)?to\s+"
            rf"{_COUNT}\b(?!\s*(?:\"|”|in\b|inch|mm|ft|feet|'|/|x\b|-\d|\.\d))",
        ),
        (  # "the 1/4 x 4 flat bar goes to 12 pcs", "* Square tube qty goes to 12 pcs (not 8)"
            "quantity",
            rf"(?:\bthe\s+|(?m:^)[ \t>*•-]*){_REF}\s+(?:(?:qty|quantity)\s+)?(?:goes|go|moves?|comes?)\s+"
            rf"(?:up\s+|down\s+)?to\s+{_COUNT}\s*{PIECES}(?!\w)",
        ),
        (  # "add same as line 2 but 3/8 thick, 4 pcs": a copy of a numbered line, changed as said
            "like",
            r"\b(?:same\s+as|like)\s+(?P<ref>(?:line|item|pos(?:ition)?)\s*#?\s*\d{1,3})\s*,?\s+but\s+"
            r"(?P<new>[^.;\n]+)",
        ),
        (  # "he wants the 1/2 plate bumped to 3 pcs"
            "quantity",
            rf"\bthe\s+{_REF}\s+(?:bumped|changed|increased|upped|reduced|raised|lowered)\s+(?:up\s+|down\s+)?to\s+"
            rf"{_COUNT}\b(?!\s*(?:\"|”|in\b|inch|mm|ft|feet|'|/|x\b|-\d|\.\d))",
        ),
        (  # "We'll take everything except the channel", "all but the angle"
            "remove",
            rf"(?<!\bon\s)\b(?:everything|all(?:\s+of\s+it)?)\s+(?:except|but)\s+(?:for\s+)?(?:the\s+)?{_REF}{_END}",
        ),
        (  # "we order all the items except the round bar" (not "ex stock on all items except the bar")
            "remove",
            rf"(?<!\bon\s)\ball\s+(?:of\s+)?(?:the\s+)?(?:items?|lines?|positions?)\s+(?:except|but)\s+(?:for\s+)?(?:the\s+)?{_REF}{_END}",
        ),
        (  # "o item 3 (barra 316) favor desconsiderar", "Pos. 2 entfällt": a numbered line struck
            "remove",
            r"\b(?P<ref>(?:line|item|pos(?:ition)?|s(?:l)?\.?\s*no|lp)\.?\s*#?\s*\d{1,3})\b[^.\n]{0,100}?"
            r"\b(?:disregard|desconsiderar|anular|annullare|stornieren|streichen|entf[äa]llt|vervalt|supprimer|annuler)",
        ),
        (  # "Sl. No. 5 stands deleted", "line 3 is cancelled"
            "remove",
            r"\b(?P<ref>(?:line|item|pos(?:ition)?|s(?:l)?\.?\s*no|lp)\.?\s*#?\s*\d{1,3})\s+"
            r"(?:stands?\s+|is\s+|are\s+|has\s+been\s+|to\s+be\s+)?(?:deleted|cancell?ed|removed|dropped|withdrawn)\b",
        ),
        (  # "make it 30 pcs of the 3/4 round", "make it 8 of the W10x22 instead of 6"
            "quantity",
            rf"\b(?:make|change)\s+(?:it|that)\s+(?:to\s+)?{_COUNT}(?:\s*{PIECES})?\s+(?:of|on|for)\s+(?:the\s+)?{_REF}{_END}",
        ),
        (  # "- the flat bar, make it 800 lbs instead of 500": a listed line named, then its new count
            "quantity",
            rf"(?m:^)[ \t>*•-]*(?![ \t>*•-]*(?:item|line|pos|row)\b)(?:the\s+)?{_REF},?\s+"
            rf"(?:make|change)\s+(?:it|that)\s+(?:to\s+)?{_COUNT}\s*"
            rf"(?P<unit>{PIECES}(?!\w)|lbs?\b|pounds\b|#|ft\b|feet\b|')?\s*,?\s+(?:instead\s+of|not|rather\s+than)\s+\d{{1,4}}\b",
            r"\b(?:make|change)\s+(?:it|that)\b",
        ),
        (  # "Go 14 pcs on the flat bar (not 10)"
            "quantity",
            rf"\bgo\s+(?:with\s+)?{_COUNT}\s*{PIECES}\s+(?:of|on|for)\s+(?:the\s+)?{_REF}{_END}",
        ),
        (  # "16ga on the 1x1", "3/16 on the flat": a size answered for a quoted line
            "size_on",
            rf"(?:(?<=\n)|(?<=[.;,!]\s)|\A)(?P<new>\d{{1,2}}\s*(?:ga|gauge)|\d+/\d+|\.\d+)\s+on\s+the\s+{_REF}{_END}",
        ),
        (  # "for the HSS 4x4x1/4, make it 8 pcs instead of 6", "on the 316L 2\" x .065 -- make it 12 pcs …"
            "quantity",
            rf"\b(?:for|on)\s+the\s+{_SIZED_REF}\s*(?:,|--|[-–—])?\s+(?:make|change)\s+(?:it|that)\s+(?:to\s+)?"
            rf"{_COUNT}\s*{PIECES}"
            r"(?=,?\s+(?:not|instead\s+of|rather\s+than)\s+\d)",
        ),
        (  # "make the 2x2 25 sticks not 20"
            "quantity",
            rf"\b(?:make|change)\s+(?:the\s+)?(?!(?:it|that|them|those)\b)"
            rf"(?P<ref>(?:(?!\b(?:to|and|it|into)\b)[^.;,\n]){{1,40}}?)\s+{_COUNT}\s*(?P<noun>{PIECES})"
            r"(?=,?\s+(?:not|instead\s+of|rather\s+than)\s+\d)",
        ),
        (  # "make the round bar 10 pcs we need some for the guards too"
            "quantity",
            rf"\b(?:make|change)\s+the\s+(?!(?:order|rest|same|total)\b)"
            rf"(?P<ref>(?:(?!\b(?:to|and|it|into)\b)[^.;,\n]){{1,40}}?)(?<!\bx)(?<!×)\s+{_COUNT}\s*"
            r"(?P<noun>pcs?|pieces?|sticks?|lengths?|jts?|joints?|sheets?|bars?)\b(?!\s*(?:of|@|at|x|long|each)\b)",
        ),
        (  # "Qty on the 1" brass hex should be 15, not 5", "Qty on the pipe is 6 lengths, not 8"
            "quantity",
            rf"\b(?:qty|quantity|count)\s+(?:on|for|of)\s+(?:the\s+)?{_REF}\s+(?:should\s+be|is\s+now|needs\s+to\s+be|is)\s+"
            rf"{_COUNT}\b(?!\s*(?:\"|”|in\b|inch|mm|ft|feet|'|/|x\b|-\d|\.\d))",
        ),
        (  # "qty 2 on the 4140 shaft blanks, not 1"
            "quantity",
            rf"\b(?:qty|quantity)\s+{_COUNT}\s+(?:on|for|of)\s+(?:the\s+)?{_REF},?\s+(?:not|instead\s+of)\s+\d{{1,4}}\b",
        ),
        (  # "the AR400 needs to be 1" thick, not 3/4"": the size named by what it measures
            "replace",
            rf"\bthe\s+{_REF}\s+(?:should|needs?\s+to|has\s+to|must)\s+be\s+{_NEW_SIZE}\s*{_MEASURE}",
        ),
        (  # "the AR400 needs to be 1/2" not 3/8"", "the AR500 goes to 1/2" same as the AR400, not 3/8":
            # the size it replaces named after it
            "replace",
            # ("one change - base plate needs to be 5/8 not 1/2": the line named after a dash, no "the")
            rf"(?:\bthe\s+|(?<=[-–—:]\s)(?!(?:line|item|pos|qty|quantity)\b)){_REF}\s+"
            r"(?:(?:should|needs?\s+to|has\s+to|must)\s+be|goes\s+(?:up\s+|down\s+)?to)\s+"
            rf"{_NEW_SIZE}(?!\s*(?:[x×]|ea\b|pcs?\b))(?:\s+[^.;,\n]{{1,30}}?)?\s*,?\s+(?:not|instead\s+of)\s+"
            r"(?P<old>\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?)",
        ),
        (  # "change the 1-1/2 sq tube from 11ga to 3/16 wall": the size it had, then the new one
            "replace",
            # (a size, not a grade: "change the grade from 4140 to 4340" is read as it is written)
            rf"\b(?:change|switch|go)\s+(?:the\s+)?{_REF}\s+from\s+"
            r"(?P<old>\d+(?:[ -]\d+/\d+|/\d+|\.\d+)|\.\d+|\d+\s*(?:\"|ga\b|gauge\b))\s*"
            rf"(?:(?:wall|thick(?:ness)?)\s*)?to\s+{_NEW_SIZE}\s*(?:{_MEASURE})?",
        ),
        (  # "the 3/4 AR400 plate should have been 5/8", "the 1/2\" plate changes to 5/8\"": the size
            # named replaced
            "replace",
            rf"\bthe\s+{_REF}\s+(?:should\s+(?:have\s+been|be)|needs?\s+to\s+be|changes\s+to)\s+{_NEW_SIZE}"
            r"(?=\s*(?:instead|[.;,!\n]|\band\b|$))",
        ),
        (  # "Line 5 should be 1/2 x 2, not 1-1/2 wide": a numbered line's whole size, the one replaced named
            "replace",
            r"\b(?P<ref>(?:item|line|row|pos(?:ition)?)\s*#?\s*\d{1,3})\s*[:,-]?\s*"
            r"(?:should\s+(?:be|have\s+been)|to\s+be|is\s+now)\s+"
            rf"(?P<new>{_SIZE}(?:\s*[x×]\s*{_SIZE}){{1,3}})\s*,?\s+(?:not|instead\s+of)\s+{_SIZE}\s*(?:\"|”)?\s*"
            r"(?P<measure>wide|thick|long|wall)\b",
        ),
        (  # "the angle should be 3x3x3/8 not 1/4", "- angle should be 2 x 2 x 3/16, not 1-1/2": the
            # whole size again, the one it replaces after it
            "replace",
            rf"(?:\bthe\s+|(?m:^)[ \t>*•-]*){_REF}\s+(?:should|needs?\s+to|has\s+to|must)\s+be\s+"
            rf"(?P<new>{_SIZE}(?:\s*[x×]\s*{_SIZE}){{1,3}})\s*,?\s+(?:not|instead\s+of)\s+(?P<old>{_SIZE})",
        ),
        (  # "- 6061 plate 3/4\" thick instead of 1/2\"": a listed change, the line named, then its new size
            "replace",
            # (a size by its mark or what it measures, the line by its name: not "- make the 1\" 1018 qty
            # 20 instead of 10", "- item 2 make it 1-1/4\" …")
            rf"(?m:^)[ \t>*•-]+(?![ \t]*(?:make|change|item|line|pos|qty|quantity)\b)"
            rf"(?!(?:(?!instead)[^\n])*\b(?:qty|quantity)\b)"
            rf"{_REF}\s+(?=\S+\s*(?:\"|”|in\b|mm\b|\s(?:thick|wall|wide|long|dia)))"
            rf"{_NEW_SIZE}\s*(?:{_MEASURE})?\s*,?\s+instead\s+of\s+{_SIZE}",
        ),
        (  # "- Sheet: make it .080 instead of .063": the line named before a colon, then its new size
            "replace",
            rf"(?m:^)[ \t>*•-]*{_REF}\s*:\s*(?:make\s+it|change\s+(?:it\s+)?to|go\s+(?:to|with))\s+"
            rf"{_NEW_SIZE}\s*(?:{_MEASURE})?\s*,?\s+(?:not|instead\s+of)\s+{_SIZE}",
        ),
        (  # "Line 2 (1045 round) change to 6 pcs, was 4", "item 2 qty should be 8 not 6": a numbered
            # line, then its new count
            "quantity",
            r"\b(?P<ref>(?:item|line|ln|row|pos(?:ition)?)\s*#?\s*\d{1,3})(?:\s*\([^)\n]{0,40}\))?\s*[:,-]?\s*"
            r"(?:(?:qty|quantity)\s+)?(?:change\s+(?:it\s+)?to|make\s+(?:it|that)|should\s+be|to\s+be|is\s+now|"
            r"(?:increase|reduce|bump|up|drop)\s+(?:it\s+)?to|(?<=qty\s)|(?<=quantity\s))\s*(?:to\s+)?"
            # "… 6 pcs", or "… 8 not 6": a count, by its noun or by the count it replaces
            rf"{_COUNT}(?:\s*{PIECES}(?!\w)|(?=,?\s+(?:not|instead\s+of)\s+\d))",
        ),
        (  # "on line 4 we need 10 pcs not 6": a numbered line's new count
            "quantity",
            r"\b(?:on|for)\s+(?P<ref>(?:item|line|pos(?:ition)?)\s*#?\s*\d{1,3}),?\s+(?:(?:we|i)\s+)?"
            rf"(?:need|want|make\s+it|change\s+(?:it\s+)?to)\s+{_COUNT}"
            rf"(?:\s*{PIECES}(?!\w)|(?=,?\s+(?:not|instead\s+of)\s+\d))",
        ),
        (  # "double the qty on the 304 tube": a line's count times two (or three)
            "times",
            r"\b(?P<n>double|triple)\s+(?:the\s+)?(?:(?:qty|quantity|count)\s+(?:on|of|for)\s+(?:the\s+)?)?"
            rf"{_REF}{_END}",
        ),
        (  # "Line 2 - change to W10x22, keep 3 pcs": a numbered line swapped for the item written after
            "swap",
            r"\b(?P<ref>(?:line|item|pos(?:ition)?)\s*#?\s*\d{1,3})\s*[:,-]?\s*(?:change|switch|swap)\s+(?:it\s+)?"
            r"(?:to|for)\s+(?=[A-Za-z]{1,3}\s?\d)",  # a shape or a grade: "W10x22", "HSS 4x4", "316L"
        ),
        (  # "make the 1\" 1018 qty 20 instead of 10": the line named, then its new count
            "quantity",
            rf"\b(?:make|change|bump)\s+(?:the\s+)?{_REF}\s+(?:qty|quantity)\s*(?:to\s+)?{_COUNT}\b(?![\"'/.x×-])",
        ),
        (  # "5052 is fine for the 1/8 sheet", "go with 304L on the angle": a grade accepted for a line
            "replace",
            r"(?:\b(?:go\s+with|use)\s+(?=\S+\s+(?:for|on)\s)|\b(?=\S+\s+(?:is|'s)\s+(?:fine|ok(?:ay)?|good)\s))"
            r"(?<![.\d/])(?P<grade>\d{3,4}[A-Z]{0,2}|[A-Z]{1,2}\d{2,3})(?:-[A-Z]\d{1,4})?\b"
            rf"(?:\s+(?:is|'s)\s+(?:fine|ok(?:ay)?|good))?\s+(?:for|on)\s+the\s+{_REF}{_END}",
        ),
        (  # "item 2 make it 1-1/4\" dia instead of 1\"": a numbered line, then its new size
            "replace",
            r"\b(?P<ref>(?:item|line|pos(?:ition)?)\s*#?\s*\d{1,3})\s*[:,-]?\s*"
            rf"(?:make\s+it|change\s+(?:it\s+)?to|should\s+be|to\s+be)\s+{_NEW_SIZE}\s*(?:{_MEASURE})?"
            rf"(?=\s*(?:,?\s*(?:not|instead\s+of)\s+(?P<old>{_SIZE})|[.;,!\n]|$))",
        ),
        (  # "the hex should be 10 pcs", "- Angle must now be 30 lengths not 20"
            "quantity",
            rf"(?:\bthe\s+|(?m:^)[ \t>*•-]*(?![ \t>*•-]*(?:item|line|pos|row)\b)){_REF}\s+"
            rf"(?:should|needs?\s+to|has\s+to|must)\s+(?:now\s+)?be\s+{_COUNT}\s*{PIECES}",
            r"\b(?:should|needs?|has|must)\s+(?:to\s+)?(?:now\s+)?be\b",
        ),
        (  # "- flat bar up to 40 pcs", "- angle same, 24 pcs": a restated line's new (or same) count
            "quantity",
            rf"(?m)^[ \t>*•-]*(?:the\s+)?{_REF}\s+(?:(?:up|down)\s+to|same,?|(?:as\s+before|unchanged),?)\s+"
            rf"{_COUNT}\s*{PIECES}(?!\w)",
        ),
        (  # "- NO channel this time, we still have plenty"
            "remove",
            rf"\bno\s+(?:more\s+)?{_REF}\s+this\s+time\b",
        ),
        (  # "only need 3 of the channel": a count of a quoted line
            "quantity",
            rf"\b(?:only\s+)?need\s+(?:only\s+)?{_COUNT}(?:\s*{PIECES})?\s+of\s+the\s+{_REF}{_END}",
        ),
        (  # "10 pcs of the 1-1/2 round instead of 6"
            "quantity",
            rf"\b{_COUNT}\s*{PIECES}\s+of\s+(?:the\s+)?{_REF},?\s+(?:instead\s+of|rather\s+than|not)\s+\d{{1,4}}\b",
        ),
        (  # "for items 1 and 3 only", "only lines 2, 4": the other numbered lines are not wanted
            "only",
            rf"\b(?:only\s+|(?={_NUMBER_LIST}\s+only\b))(?P<ref>{_NUMBER_LIST})",
        ),
        (  # "please proceed with items 1, 3 and 4 from your quote", "we'll go with items 1, 3 and 5"
            "only",
            rf"\b(?:proceed|go(?:\s+ahead)?|move\s+forward)\s+(?:with|on)\s+(?:the\s+)?(?P<ref>{_NUMBER_LIST})",
        ),
        (  # "Only need pricing on items 1, 2, 3 and 6", "please quote items 2 and 4": the lines asked for
            "only",
            rf"\b(?:(?:need|want)\s+(?:pricing|prices?|a\s+price|a\s+quote|quot(?:es|ing|ation))\s+(?:on|for)|"
            rf"(?:quote|price)(?:\s+us)?(?:\s+only)?)\s+(?:the\s+)?(?P<ref>{_NUMBER_LIST})",
        ),
        (  # "please enter an order against your quote for lines 1, 3 and 5"
            "only",
            rf"\b(?:order|enter|release|book)\b[^.\n]{{0,40}}?\bfor\s+(?:the\s+)?(?P<ref>{_NUMBER_LIST})",
        ),
        (  # "We'll take lines 1 and 3", "please process lines 1, 2 and 5": the lines chosen
            "only",
            rf"\b(?:take|need|want|process|keep)\s+(?:only\s+)?(?:the\s+)?(?P<ref>{_NUMBER_LIST})\b{_NOT_SIZES}",
        ),
        (  # "We need 1, 2 and 5." above a numbered quote: the numbers alone, the whole sentence
            "only",
            rf"\b(?:we|i)(?:'ll|\s+will)?\s+(?:only\s+)?(?:take|need|want)\s+(?:only\s+)?"
            rf"(?P<ref>{_NUMBERS.pattern})(?=\s*(?:only\b)?\s*(?:[.;!\n]|$))",
        ),
        (
            "only",
            # the whole list, and not sizes ("only need 2 and 3/4 round")
            rf"\bonly\s+(?:need|want|require)\s+(?P<ref>(?:items?\s+|lines?\s+)?{_NUMBERS.pattern})\b{_NOT_SIZES}",
        ),
        # "add 2 more sheets", "throw in 2 more of the drill rod", "need 4 more of the angle"
        (
            "more",
            rf"\b(?:add|throw\s+in|toss\s+in|send|need|want)\s+(?:another\s+)?{_COUNT}\s+more\s+"
            rf"(?:of\s+(?:the\s+)?)?{_REF}{_END}",
        ),
        (  # "bump the 5052 sheets up 2 more so 6 total": the total when said (see find_edits)
            "more",
            rf"\b(?:bump|raise|take|go)\s+(?:the\s+)?{_REF}\s+up\s+(?:by\s+)?{_COUNT}(?:\s+more)?\b",
        ),
        (  # "20' is ok on the 2x2": a length the supplier offered, accepted for a line
            "replace",
            rf"(?P<new>\d{{1,2}}\s*(?P<feet>'|ft\b|feet|foot))\s+(?:is|'s|are|works)\s+(?:ok(?:ay)?|fine|good\s+)?"
            rf"\s*(?:on|for)\s+the\s+{_REF}{_END}",
        ),
        (  # "- W12x26 now 35' lengths, qty stays 6": a listed line, then its new length
            "replace",
            rf"(?m:^)[ \t>*•-]*(?:the\s+)?{_REF}\s+(?:now|goes\s+to|changes\s+to)\s+"
            rf"(?P<new>\d{{1,2}}\s*(?P<feet>'|’|ft\b|feet\b|foot\b))(?:\s*(?:lengths?|long|lg)\b)?{_END}",
            r"\b(?:now|goes\s+to|changes\s+to)\s+\d",
        ),
        (  # "- DOM tube go to 1.75 OD x .120 wall, same footage", "HSS needs to go to 4x4x5/16": a line
            # (listed, or opening its sentence), then its new section
            "replace",
            rf"(?:(?m:^)|(?<=[.!?]\s))[ \t>*•-]*(?:the\s+)?{_REF}\s+"
            rf"(?:(?:needs?|has)\s+to\s+|should\s+|must\s+)?(?:go(?:es)?\s+to|change[sd]?\s+to)\s+(?P<new>{_SIZE}\s*(?:\"|”|od\b)?"
            rf"(?:\s*[x×]\s*{_SIZE}\s*(?:\"|”)?){{1,2}}(?:\s*wall\b)?)(?=\s*(?:[,.;\n]|$))",
            r"\b(?:go(?:es)?|change[sd]?)\s+to\s+\.?\d",
        ),
        (  # "on 4 make it 10 sticks instead of 6": a line by its number, then its count
            "quantity",
            rf"\bon\s+(?P<numbered>)(?P<ref>(?:(?:line|item|number)\s*)?#?\d{{1,2}})\s*,?\s+(?:make\s+it|change\s+(?:it\s+)?to|go\s+(?:to|with))"
            rf"\s+{_COUNT}\b(?!\s*(?:\"|”|in\b|inch|mm|ft|feet|'|/|x\b|-\d|\.\d))",
        ),
        (  # "Make #1 3 pcs tho", "change line 2 to 6 pcs": a line by its number, then its count
            "quantity",
            rf"\b(?:make|change)\s+(?P<numbered>)(?P<ref>#\d{{1,2}}|(?:line|item)\s*#?\d{{1,2}})\s+(?:to\s+)?"
            rf"{_COUNT}\s*{PIECES}(?!\w)",
        ),
        (
            "quantity",
            rf"\bkeep\s+(?:the\s+)?{_REF}\s+at\s+{_COUNT}\b(?!\s*(?:\"|”|in\b|mm|ft|feet|'|/|x\b|-\d|\.\d))",
        ),
        (  # "flat bar we only need 10 not 20": a line named, then its count, the old one after it
            "quantity",
            rf"(?:\bthe\s+|(?<=[.!;]\s)|(?m:^))(?P<ref>[^.;,\n]{{1,40}}?)\s*[-:,]?\s+(?:we\s+|i\s+)?(?:only\s+)?"
            rf"need\s+{_COUNT}\b(?:\s*{PIECES})?\s*,?\s+(?:not|instead\s+of)\s+\d{{1,4}}\b",
        ),
        (  # "fine, take 2 jts of the 8\" at 40'": a count for a line the desk asked "how many?"
            "quantity",
            rf"\b(?:take|send|need|want)\s+{_COUNT}\s*(?:{PIECES}\s+)?of\s+the\s+{_SIZED_REF}{_END}",
        ),
        (  # "go back to 5/16 wall on the 6x6": the size named by what it measures
            "replace",
            rf"\b(?:go\s+(?:back\s+)?to|use|make\s+it|change\s+(?:it\s+)?to)\s+{_NEW_SIZE}\s*{_MEASURE}\s+"
            rf"(?:on|for|of)\s+(?:the\s+)?{_REF}{_END}",
        ),
        (
            "replace",
            r"\b(?:make(?!\s+sure\b)|change|switch)\s+(?:the\s+)?(?P<ref>[^.;,\n]{1,40}?)(?<!\bnot)\s+(?:to\s+|into\s+)?"
            rf"(?:{_NEW_SIZE}(?:\s*{_MEASURE})?"  # a size, maybe named by what it measures ("to 1/4 wall")
            r"|(?P<grade>\d{3,4}[A-Z]{0,2}\b|[A-Z]{1,2}\d{2,3}\b))"  # or a grade
            r"(?=\s*(?:instead|please|thick|same\b|[.;,!\n(]|\band\b|$))",
        ),
    )
)


# the dimensions a size named by what it measures may be ("1/4 wall", "3/8 thick", "20 ft long")
_MEASURED = {
    "wall": ("wall_thickness",),
    "thic": ("thickness", "wall_thickness"),
    "long": ("length",),
    "leng": ("length",),
    "dia": ("diameter", "outer_diameter"),
    "diam": ("diameter", "outer_diameter"),
    "od": ("outer_diameter", "diameter"),
    "wide": ("width",),
}
_GAUGE = re.compile(r"\d+\s*(?:ga|gauge|gage)\b", re.IGNORECASE)
_PIECES_AFTER = re.compile(rf"\s*{PIECES}\b", re.IGNORECASE)
_TOTAL = re.compile(
    r"[\s,(]*(?:so|for|=|to)?\s*(?P<n>\d{1,4})\s+(?:total|in\s+all|altogether)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Edit:
    """One change a reply asks for, and where it is written."""

    kind: str  # "remove" | "quantity" | "more" | "times" | "replace" | "swap" | "like" | "only" | "size_on"
    ref: str
    start: int
    end: int
    count: float | None = None
    new: str | None = None
    measure: str | None = None  # what the new size measures, when the edit says ("1/4 wall")


_PRONOUN = re.compile(r"it|that|this|them|those|these|one", re.IGNORECASE)


def find_edits(text: str, start: int, end: int, kinds: tuple[str, ...] = ()) -> list[Edit]:
    """The edits (of ``kinds``, else of any kind) written in ``text[start:end]``, in reading order,
    none overlapping."""
    found: list[Edit] = []
    for kind, regex, needed in _EDITS:
        if (kinds and kind not in kinds) or (needed is not None and not needed.search(text, start, end)):
            continue
        for match in regex.finditer(text, start, end):
            if any(match.start() < edit.end and edit.start < match.end() for edit in found):
                continue
            if re.search(r"\bfrom\b", match["ref"], re.IGNORECASE):
                continue  # "change the grade from 4140 to 4340": cues.superseded reads those
            if re.search(r"\b(?:instead\s+of|rather\s+than)\b", match["ref"], re.IGNORECASE):
                continue  # "make it 8 pcs instead of 6": a count said again, no line named
            if _PRONOUN.fullmatch(match["ref"].strip()):
                continue  # "Line 2, bump it to 12 sheets": "it" names no line; the number before does
            groups = match.groupdict()
            count = _TIMES.get(groups["n"].lower()) if kind == "times" else None
            count = count or (parse_count(groups["n"]) if groups.get("n") else None)
            big = (count or 0) >= 100 and not groups.get("unit")
            if kind == "quantity" and big and not _PIECES_AFTER.match(text, match.end()):
                continue  # "change the 316L to 316": a grade, not 316 pieces
            ref = re.sub(r"^(?:number|no\.?)\s*(?=#?\d)", "line ", match["ref"].strip(), flags=re.IGNORECASE)
            if kind == "more" and (total := _TOTAL.match(text, match.end())):
                kind, count = "quantity", parse_count(total["n"])  # "up 2 more so 6 total"
            numbered = kind == "remove" or groups.get("numbered") is not None
            if numbered and re.fullmatch(
                r"#?\d{1,2}", ref
            ):  # "Skip 5, we have angle in the yard", "on 4 make it 10"
                ref = f"line {ref.lstrip('#')}"  # a line's number
            if groups.get("noun") and first_match(groups["noun"], FORM_WORDS):
                ref = f"{ref} {groups['noun']}"  # "the 16 ga 12 sheets": the sheet, not 16 ga tube
            if groups.get("old") and not groups.get("measure"):  # a measure named says which size
                ref = f"{ref} {groups['old']}"  # "the AR400 … not 3/8": the line and the size replaced
            found.append(
                Edit(
                    kind,
                    ref,
                    match.start(),
                    match.end(),
                    count,
                    groups.get("new") or groups.get("grade"),
                    (groups.get("measure") or ("length" if groups.get("feet") else "")).lower() or None,
                )
            )
    return sorted(found, key=lambda edit: edit.start)


def _sizes(text: str) -> list[float]:
    """The sizes a reference names, its grades aside ("the 2" 1045 round": 2")."""
    for hit in find_grades(text, counts=True):  # (a name: "the 5052 sheets" is no count)
        text = text[: hit.start] + " " * (hit.end - hit.start) + text[hit.end :]
    text = _GAUGE.sub(lambda match: " " * len(match.group()), text)  # "the 14 ga": a gauge, no size in inches
    return [length.inches for length in find_lengths(text)]


# sections named by their standard's letters, not a form word: "drop the PFC", "the UB"
_SECTION_FORMS = {
    "PFC": "channel", "UPN": "channel", "UPE": "channel", "UB": "beam_i", "UC": "beam_i", "IPE": "beam_i",
    "HEA": "beam_i", "HEB": "beam_i",
}  # fmt: skip
_SECTION_NAME = re.compile(rf"\b(?P<name>{'|'.join(_SECTION_FORMS)})s?\b", re.IGNORECASE)


def fits(line: LineItem, ref: str) -> int | None:
    """How well ``ref`` names ``line`` (features that agree), or ``None`` if one disagrees."""
    score = 0
    # "the DOM tube" names a 1026 tube too; "the 5052 sheets" names a grade, not 5052 sheets
    grades = [hit for hit in find_grades(ref, counts=True) if not hit.product]
    if grades:
        named, grade = grades[0].grade.upper(), (line.grade or "").upper()
        if not grade or (named != grade and not grade.startswith(f"{named} ")):  # "the Monel": Monel 400
            return None
        score += 2
    if not grades and (family := first_match(ref, FAMILY_WORDS)) is not None:  # "scratch the aluminum"
        if line.material != family[0]:
            return None
        score += 1
    form = first_match(ref, FORM_WORDS)
    if form is None and (section := _SECTION_NAME.search(ref)) is not None:
        form = (_SECTION_FORMS[section["name"].upper()], section.start(), section.end())  # "drop the PFC"
    if form is not None:
        if line.form == form[0]:
            score += 2
        elif {line.form, form[0]} <= {"sheet", "plate"} or (
            form[0] == "bar_round" and line.form == "tube_round"
        ):
            score += 1  # "the sheets" may be a thin plate, "the round" a round tube
        else:
            return None
    # each size named is one of the line's ("the 2x2" is no 4 x 2 tube; a square's side counts twice)
    pool = [*line.dimensions.values(), *([line.dimensions["side"]] if "side" in line.dimensions else [])]
    for inches in _sizes(ref):
        match = next((value for value in pool if _same(inches, value)), None)
        if match is None:
            return None
        pool.remove(match)
        score += 1
    if gauge := _GAUGE_ANSWER.search(ref):  # "the 16 ga": the thickness that gauge is
        inches = gauge_inches(int(gauge["n"]), line.material, line.form)
        thickness = line.dimensions.get("thickness", line.dimensions.get("wall_thickness"))
        if inches is None or thickness is None or abs(inches - thickness) > 0.003:  # gauge tables' tolerance
            return None
        score += 1
    return score or None


# the number a row starts with: "Line 3 …", "3. (2) PL …", "3 | SS 304 Pipe …", "3    RM-4140 …"
_ROW_NUMBER = re.compile(
    r"[\s>*•-]*(?:(?:line|ln|item|pos(?:ition)?|s(?:l)?\.?\s*no|lp)\.?\s*#?\s*(?P<n>\d{1,4})\b"
    r"|(?P<m>\d{1,3})(?:\s*[.):|]|\t|[ ]{2,}))",
    re.IGNORECASE,
)


def _row_number(text: str, line: LineItem) -> int | None:
    """The number the customer wrote at the start of ``line``'s row, if any."""
    if line.span is None:
        return None
    found = _ROW_NUMBER.match(text, line.span.start, line.span.end)
    return int(found["n"] or found["m"]) if found else None


def numbered_line(text: str, lines: list[LineItem], number: int) -> LineItem | None:
    """The line a note calls "line 3" or "item 3": the row the customer numbered 3 when every row
    is numbered, in order; else, when none is, the third line; else none (a row may be unread)."""
    rows = [_row_number(text, line) for line in lines]
    if None not in rows and rows == sorted(set(rows)):
        return next((line for line, row in zip(lines, rows, strict=True) if row == number), None)
    if any(row is not None for row in rows):
        return None
    return next((line for line in lines if line.line_no == number), None)


_TIMES = {"double": 2, "triple": 3}
_ORDINALS = {
    "1st": 1,
    "fir": 1,
    "2nd": 2,
    "sec": 2,
    "3rd": 3,
    "thi": 3,
    "4th": 4,
    "fou": 4,
    "5th": 5,
    "fif": 5,
}
_ORDINAL_LINE = re.compile(
    # (the noun may be left to the edit's end: "drop the 2nd line" names "2nd")
    r"(?P<place>1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth)(?:\s+(?:line|item|row))?",
    re.IGNORECASE,
)


def _all_numbered(text: str, lines: list[LineItem], ref: str) -> list[LineItem | None]:
    """The lines a list of numbers calls ("items 1, 3 and 5", "2 and 4", "lines 1-3"); ``None`` for
    one not found."""
    if spanned := _RANGE.search(ref):
        first, last = int(spanned[1]), int(spanned[2])
        numbers = list(range(first, last + 1)) if 0 < last - first < 20 else [first, last]
    else:
        numbers = [int(number) for number in re.findall(r"\d+", ref)]
    return [numbered_line(text, lines, number) for number in numbers]


def named_line(text: str, lines: list[LineItem], ref: str) -> LineItem | None:
    """The one line ``ref`` names: by its number, its place, or its grade, form and sizes."""
    if by_number := LINE_LABEL.fullmatch(ref.strip()):
        return numbered_line(text, lines, int(by_number["n"]))
    if by_place := _ORDINAL_LINE.fullmatch(ref.strip()):  # "the 2nd line", "the third item"
        return numbered_line(text, lines, _ORDINALS[by_place["place"].lower()[:3]])
    scored = [(score, line) for line in lines if (score := fits(line, ref)) is not None]
    if not scored:
        return None
    best = max(score for score, _ in scored)
    chosen = [line for score, line in scored if score == best]
    return chosen[0] if len(chosen) == 1 else None


def _like(line: LineItem, edit: Edit) -> LineItem:
    """A new line like ``line`` but for what the edit says: "same as line 2 but 3/8 thick, 4 pcs",
    "same as line 1 but 1/2\" hex, qty 10" — its count, form or sizes in place of the line's."""
    said = (edit.new or "").strip()
    read = parse_block(said, Block(0, len(said), "bullet", ""), candidates_only=False)
    copy = deepcopy(line)
    copy.revisions, copy.flags = [], [flag for flag in line.flags if flag != "revised_in_thread"]
    if read.has_quantity and read.item.quantity is not None:
        copy.quantity, copy.uom = read.item.quantity, read.item.uom
    if read.has_form and read.item.form != copy.form:
        copy.form = read.item.form
        copy.dimensions = {k: v for k, v in copy.dimensions.items() if k == "length"}  # only the length stays
    copy.dimensions.update(read.item.dimensions)
    note_change(copy, f"like {edit.ref.lower()} but {said}")
    return copy


def swapped(text: str, lines: list[LineItem], edit: Edit) -> tuple[list[LineItem], Edit] | None:
    """``lines`` with the line a swap names ("Line 2 - change to W10x22, keep 3 pcs") replaced by the
    item written after it to the end of its line, which keeps the grade the old line had when it
    names none, and the edit stretched over that item; ``None`` when no line or no item is named."""
    old = named_line(text, lines, edit.ref)
    end = text.find("\n", edit.end)
    end = len(text) if end < 0 else end
    written = parse_block(text, Block(edit.end, end, "bullet", ""))  # "W10x22, keep 3 pcs, … 30' not 40'"
    if old is None or not written.has_form or not written.has_sizes or written.non_catalog:
        return None
    new = written.item
    if new.grade is None and old.grade is not None:
        new.grade, new.material = old.grade, new.material or old.material
        new.flags = [flag for flag in new.flags if flag != "missing_grade"]
    new.line_no = old.line_no
    note_change(new, f"replaces {edit.ref.lower()}: {old.source_text}")
    return [new if line is old else line for line in lines], replace(edit, end=end)


def replace_named(line: LineItem, edit: Edit) -> bool:
    new = (edit.new or "").strip()
    if _GAUGE_ANSWER.fullmatch(new):  # "change the 10ga sheet to 12ga": its thickness, by gauge
        return _answer_size(line, new)
    grades = find_grades(new)
    if not grades and line.material == "nickel_alloy" and re.fullmatch(r"\d{3}", new):
        grades = find_grades(f"alloy {new}")  # "switch the Monel to 625": a nickel alloy by its number
    if grades and not re.match(r"\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?\s*(?:\"|”|in\b|mm\b)", new):
        note_change(line, f"grade was {line.grade}")
        line.grade = grades[0].grade
        return True
    old_sizes, new_sizes = _sizes(edit.ref), _sizes(new) or [parse_number(new) or 0.0]
    if not new_sizes[0]:
        return False
    section = [name for name in line.dimensions if name != "length"]
    if len(new_sizes) == len(section) > 1 and not old_sizes and edit.measure is None:
        # "DOM tube go to 1.75 OD x .120 wall": the whole section again, in the line's order
        changed = [
            (name, size)
            for name, size in zip(section, new_sizes, strict=True)
            if not _same(size, line.dimensions[name])
        ]
        for name, size in changed:
            note_change(line, f'{name.replace("_", " ")} was {line.dimensions[name]:g}"')
            line.dimensions[name] = size
        return bool(changed)
    if len(new_sizes) > 1 and not old_sizes and edit.measure is None:
        # "HSS needs to go to 4x4x5/16": a square's side said twice; the one size of the section
        # the chain does not repeat is the one it changes
        unmatched = [
            name for name in section if not any(_same(size, line.dimensions[name]) for size in new_sizes)
        ]
        fresh = {
            size for size in new_sizes if not any(_same(size, line.dimensions[name]) for name in section)
        }
        if len(unmatched) == 1 and len(fresh) == 1:
            note_change(line, f'{unmatched[0].replace("_", " ")} was {line.dimensions[unmatched[0]]:g}"')
            line.dimensions[unmatched[0]] = fresh.pop()
            return True
    if len(new_sizes) > 1:  # "3x3x3/8 not 1/4": the one size of the chain that changes
        new_sizes = [
            size for size in new_sizes if not any(_same(size, value) for value in line.dimensions.values())
        ]
        if len(set(new_sizes)) != 1:  # (an angle's two legs, "2 x 2 x 3/16, not 1-1/2", change as one)
            return False
    if (
        not old_sizes
        and edit.measure is None
        and (section := _SECTION.get(line.form or "")) in line.dimensions
    ):
        old_sizes = [line.dimensions[section]]  # "make the plate 5/8": a plate's size is its thickness
    if edit.measure is not None:
        names = _MEASURED[edit.measure[:4]]
        name = next((name for name in names if name in line.dimensions), None)
        if name is None:
            return False
        note_change(line, f'{name.replace("_", " ")} was {line.dimensions[name]:g}"')
        line.dimensions[name] = new_sizes[0]
        return True
    if len(old_sizes) != 1:
        return False
    replaced = [name for name, value in line.dimensions.items() if _same(value, old_sizes[0])]
    for name in replaced[: len(new_sizes)]:  # both legs of an angle when the new size is said twice
        note_change(line, f'{name.replace("_", " ")} was {line.dimensions[name]:g}"')
        line.dimensions[name] = new_sizes[0]
    return bool(replaced)


# the one size a form is named by, replaced when a change names no other ("make the plate 5/8")
_SECTION = {
    "plate": "thickness", "sheet": "thickness", "bar_rectangular": "thickness", "bar_round": "diameter",
    "bar_hex": "across_flats", "bar_square": "side",
}  # fmt: skip


def _same(size: float, value: float) -> bool:
    return abs(size - value) <= max(0.005, 0.01 * value)


_GAUGE_ANSWER = re.compile(r"(?P<n>\d{1,2})\s*(?:ga|gauge|gage)", re.IGNORECASE)


def _answer_size(line: LineItem, new: str) -> bool:
    """A size answered for a line ("16ga on the 1x1" is the tube's wall; "3/16 on the flat" the flat
    bar's thickness, the one size it was written with becoming its width)."""
    tube = (line.form or "").startswith("tube")
    name = "wall_thickness" if tube else "thickness"
    if gauge := _GAUGE_ANSWER.fullmatch(new.strip()):
        inches = gauge_inches(int(gauge["n"]), line.material, line.form)
    else:
        inches = parse_number(new.strip())
    if not inches or (not tube and line.form not in ("bar_rectangular", "plate", "sheet")):
        return False
    before = line.dimensions.get(name)
    if (
        before is not None
        and line.form == "bar_rectangular"
        and "width" not in line.dimensions
        and before > inches
    ):
        line.dimensions["width"] = before  # "15 flat bar 1-1/2": the size written was its width
    line.dimensions[name] = inches
    line.dimensions = dict(sorted(line.dimensions.items(), key=lambda item: _ORDER.get(item[0], 9)))
    note_change(
        line, f'{name.replace("_", " ")} was {before:g}"' if before else f"{name.replace('_', ' ')} added"
    )
    return True


_ORDER = {"side": 0, "thickness": 0, "width": 1, "wall_thickness": 2, "length": 3}


def apply_edits(text: str, lines: list[LineItem], edits: list[Edit]) -> tuple[list[LineItem], list[Edit]]:
    """``lines`` (read from ``text``) with ``edits`` applied, and the edits that could not be (see
    the module's docstring)."""
    kept, unapplied, copies = list(lines), [], []
    for edit in edits:
        if edit.kind == "only":
            chosen = _all_numbered(text, kept, edit.ref)
            if None in chosen:
                unapplied.append(edit)
            else:
                kept = [line for line in kept if line in chosen]
            continue
        if edit.kind == "remove" and _NUMBERS.fullmatch(edit.ref):  # "skip 2 and 4"
            struck = _all_numbered(text, lines, edit.ref)
            if None in struck:
                unapplied.append(edit)
            else:
                kept = [line for line in kept if line not in struck]
            continue
        if edit.kind == "swap":
            continue  # the caller, who reads the item written after it, swaps the line (``swapped``)
        line = named_line(text, kept, edit.ref)
        if edit.kind == "like" and line is not None:
            copies.append(_like(line, edit))  # added last: the other edits still count the rows as numbered
            continue
        if line is None:
            if edit.kind != "remove" or named_line(text, lines, edit.ref) is None:
                unapplied.append(edit)  # (a line struck that a selection already left out is gone)
        elif edit.kind == "remove":
            kept.remove(line)
        elif edit.kind == "times" and edit.count and line.quantity is not None:
            note_change(line, f"quantity was {line.quantity:g}")
            line.quantity *= edit.count
        elif edit.kind in ("quantity", "more") and edit.count:
            before = line.quantity
            line.quantity = edit.count + (before or 0) if edit.kind == "more" else edit.count
            if line.quantity != before:  # "- angle same, 24 pcs": the count said again, unchanged
                note_change(line, f"quantity was {before:g}" if before is not None else "quantity added")
        elif edit.kind == "size_on" and _answer_size(line, edit.new or ""):
            continue
        elif not (edit.kind == "replace" and replace_named(line, edit)):
            unapplied.append(edit)
    return kept + copies, unapplied
