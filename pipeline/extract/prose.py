"""Items written in prose: "two pieces of D2 at 1-1/2 x 8 x 18. I also need four pieces of A2
flat stock, 1/2 x 2 x 18." or "4 sticks of 2x2x1/4 angle and a sheet of 10 gauge 4x8".

A paragraph is cut into sentences, and a sentence into clauses where ", and", "and", ";" or a
comma begins a new count ("and a sheet of", "and 5 sheets", ", two sheets of"); the pieces are
read as items by the caller.
"""

from __future__ import annotations

import itertools
import re

from pipeline.extract.quantity import PIECES, WORD_NUMBER

# a sentence ends at . ! ? or ; before a space and a capital, a digit or a quote, or after a word
# before a word, as typed in lower case ("… a36. also price on") — not in "1.5", "dia. 2" or
# "approx. 40"; and at the end of a line, unless the mail client wrapped it there (``wrapped``)
_SENTENCE_END = re.compile(r"[.!?;](?=\s+[A-Z0-9\"(])|(?<=[a-z0-9])[.!?](?=\s+[a-z]{2})|\n")
_ABBREVIATION = re.compile(
    r"\b(?:dia|approx|no|ea|pcs?|gr|min|max|nom|ft|in|st|vs|ca|sch|cal|ga)$", re.IGNORECASE
)
# "… x 12 ft. Also the shop next door …": a unit's full stop before a capitalised word ends the
# sentence too (not "dia. 2", "Gr. B")
_UNIT_ABBREVIATION = re.compile(r"ea|pcs?|ft|in", re.IGNORECASE)
_NEXT_SENTENCE = re.compile(
    r"\s+(?:[A-Z][a-z]+|oh|also|plus)\b"
)  # (typed in lower case: "… 20 ft. oh and …")
_ABOUT = r"(?:(?:about|around|approx\.?|roughly|maybe)\s+)?"  # "and about 40 ft of …"
_SIZE = r"(?:\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?|\.\d+)"
_GRADE = r"(?:[A-Za-z]{1,3}\d{2,4}[A-Za-z]?|\d{4}(?:-[A-Za-z]\d{1,4})?|[23]\d{2}L?)"  # AR400, 6061-T6, 304L
_NEW_COUNT = re.compile(
    rf",?\s+(?:and|plus|also|&)\s+(?:(?:um+|uh+|erm?),?\s+)?"
    rf"(?=(?:also\s+)?{_ABOUT}(?:a|an|one|\d+|{WORD_NUMBER})\s+(?![x×]\s))|"
    r";\s+|"
    # "… qty 3 / 304 1\" rd …", "… x21' + 2\" sch40 pipe …": items typed on one line, set apart by a
    # slash or a plus between spaces
    r"\s+[/+]\s+(?=\S)|"
    # "… x 12ft qty 4, 360 brass rd …", "… 12 x 24 (4), 3/4 x 6 x 6 …", "… qty 2 and ar500 …": a count
    # closing one item, then the next
    r"(?:\bqty\.?\s*:?\s*\d{1,4}|\(\d{1,4}\))\s*(?:,|\band\b|\bplus\b|&)\s+|"
    # "…, 4 - c6x8.2 chanel", "…, 40ft 3/4 rd hr": a count (or feet) and a size of its own
    r",\s+(?=\d{1,4}\s+[-–]\s+[A-Za-z]{0,2}\d|\d{1,4}\s*(?:ft|feet|')\s+(?:of\s+)?\d)|"
    # "… one sheet for the liners, and 3/8 AR400 24 x 48 two pieces", ", 1/4 x 2 6061 flat bar 1 stick":
    # a size, then a grade of its own; "… 8 pcs — and 1/2 x 6 x 6 gussets 24 pcs": after "and", sizes
    # then what they are
    rf"(?:,?\s+(?:and|plus|also|&)\s+|,\s+)(?={_SIZE}(?:\s*[x×]\s*{_SIZE})*\s*(?:\"|”|in\b)?\s+{_GRADE}\s)|"
    rf"(?:,|\s[—–-]+)?\s+(?:and|plus|&)\s+(?={_SIZE}(?:\s*[x×]\s*{_SIZE})+\s*(?:\"|”)?\s+[A-Za-z]{{3,}})|"
    # "…, two 12' bars, and 1/2\" hex also in 360, 3 bars": an inch size, then a form word
    rf",\s+(?:and|plus|&)\s+(?={_SIZE}\s*(?:\"|”)\s*(?:hex|round|rd|sq|square|flat|plate|sheet|tube|pipe|angle|channel)\b)|"
    # "… diamond plate 4x8 and 20ft of 1 1/4 sch40 pipe": a length of something else
    rf",?\s+(?:and|plus|also|&)\s+(?={_ABOUT}\d+\s*(?:ft|feet|foot|'|m|mtrs?)\s+of\s)|"
    # ", and have your guys burn 8 pcs …": a few words, then a new count of pieces
    rf",\s+(?:and|plus|also)\s+(?=(?:[a-z']+\s+){{1,4}}(?:\d+|{WORD_NUMBER})\s*{PIECES}(?!\w))|"
    # "… and, while you're at it, 6 pcs of …": an aside, then the new count
    rf"\s+(?:and|plus|also),\s+(?=(?:[a-z']+\s+){{0,4}}[a-z']+,\s+(?:\d+|{WORD_NUMBER})\s*{PIECES}(?!\w))|"
    # "three sheets of .063 4x8, two sheets of .090 4x10": a comma, then a new count of something;
    # "(4) 20-foot beams, (2) 16-foot beams": a comma, then a count in parentheses
    rf",\s+(?=(?:\d+|{WORD_NUMBER}|an?)\s+{PIECES}\s+of\s)|,\s+(?=\(\d{{1,4}}\)\s)|"
    # "…square tube 24 ft, 3 sheets 5052 .063 4x8": a count, then a grade or a size of its own (not
    # "…x 12 ft, 8 pcs", the count of the item before)
    rf",\s+(?=(?:\d+|{WORD_NUMBER})\s+{PIECES}\s+(?:[A-Za-z]{{0,2}}\d{{3,4}}[A-Za-z]?\b|\.\d|\d+/\d"
    # "…, 6 pcs 1x2x1/8 rect tube", "…, 2 sticks 4\" channel": a size of its own
    r"|\d+(?:[ -]\d+/\d+|/\d+|\.\d+)?\s*(?:[x×]\s*\.?\d|\"|”|in\b|mm\b)|\d{1,2}\s*(?:ga|gauge|gage)\b"
    # ", 1 sht 1/4 pl 4x8": a fraction, then the form
    r"|\d+/\d+\s+(?!(?:ft|feet|foot|long|lg|ea|each|in|inch)\b)[a-z]{1,5}\b))",
    re.IGNORECASE,
)


# a correction's cue before a count: "6 pcs, sorry, 8 pcs of …" is one item
_CORRECTED = re.compile(r"\b(?:sorry|i\s+mean|actually|make\s+(?:it|that)|no\s+wait)\W*$", re.IGNORECASE)
# dictated with no punctuation: "… round twelve foot long three pieces ten eighteen …", "… twenty
# foot a 36 four joints of …" — after a length (and perhaps a grade), a new count of pieces; a new
# item only when the words before it have their own count
_COUNT_NOUN = r"(?:pieces|pcs|sheets|sticks|lengths|bars|joints)"  # not "304 plate": a grade, then its form
_DESIGNATION = r"(?:[WSC]|MC|HSS)\d{1,2}\s*[x×]"  # "… at 20 foot two W10 x 22 at 30 foot four C6 x 8.2 …"
_RUN_ON_COUNT = re.compile(
    rf"\b(?:foot|feet|ft|long|footers|inch|inches|lengths|sticks)(?:\s+(?:a\s)?[a-z]{{0,2}}\d{{2,4}}[a-z]?)?\s+"
    rf"(?=(?:\d{{1,2}}|{WORD_NUMBER})\s+(?:{_COUNT_NOUN}(?!\w)|{_DESIGNATION})"
    r"(?!\s+(?:of\s+)?(?:them|those|these|each|long|total)\b))",
    re.IGNORECASE,
)
# "… flat bar A36 two hundred feet of half inch square bar …": after a grade, a new amount "of" something
_AFTER_GRADE = re.compile(
    rf"\b(?:[A-Za-z]{{1,2}}\d{{2,4}}[A-Za-z]?|\d{{4}})\s+"
    rf"(?=(?:\d{{1,4}}|{WORD_NUMBER})\s+(?:pounds|lbs?|feet|ft|foot|{_COUNT_NOUN})\s+of\s)",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    rf"(?<![\w./])(?:\d+|{WORD_NUMBER})\s+(?:{PIECES}(?!\w)|(?:pounds|lbs?|feet|ft|foot)\s+of\b|{_DESIGNATION})",
    re.IGNORECASE,
)


# a mail client wraps a long sentence where its next word would pass the width (72 to 80 columns):
# such a paragraph's lines run near its widest one, and the text goes on across the wrap
_WRAP_WIDTHS = range(60, 83)  # narrower: a list typed line by line; wider: lines the client never wrapped
_WRAP_SLACK = 20  # a wrapped line is at most this much shorter than the widest
_GOES_ON = re.compile(r"(?:,|\b(?:and|or|of|the|a|an|with|for|to|in|on|at|by|x|plus|some|about))$", re.I)
_ALIGNED = re.compile(r"\S(?: {2,}|\t)\S")  # columns set apart by spaces: a table's rows, not prose
_STOPPED = re.compile(r"[.!?:;]$")
_OPENS_ITEM = re.compile(rf"[-*•]|\(?\d+\)?[.)]\s|\(?\d+\)\s|(?:\d+|{WORD_NUMBER})\s+{PIECES}(?!\w)", re.I)


def wrapped(text: str, start: int, end: int) -> set[int]:
    """The newlines of ``text[start:end]`` a mail client put inside a sentence ("… and 5 sheets of
    10 gauge hot" over "rolled, 4' x 10'. Then …"): the line is near the paragraph's width, its next
    word would not have fitted, no sentence ends there and the next line opens no item of its own.
    The paragraph must show it was wrapped: one such line at least ends on a comma or a joining word,
    or goes on in lower case; then its others ("… aluminum .125" over "5052-H32, 48 x 144.") are
    wraps too."""
    lines = text[start:end].split("\n")
    width = max(len(line.rstrip()) for line in lines)
    if len(lines) < 2 or width not in _WRAP_WIDTHS or any(_ALIGNED.search(line.strip()) for line in lines):
        return set()
    wraps, position, shown = set(), start, False
    for line, after in itertools.pairwise(lines):
        position += len(line)
        body, words = line.rstrip(), after.split()
        if (
            words
            and len(body) >= width - _WRAP_SLACK
            and len(body) + 1 + len(words[0]) > width
            and not _STOPPED.search(body)
            and not _OPENS_ITEM.match(after.lstrip(" \t>"))
        ):
            wraps.add(position)
            shown = shown or bool(_GOES_ON.search(body) or words[0][:1].islower())
        position += 1
    return wraps if shown else set()


def pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences and clauses of ``text[start:end]``, as spans without their outer spaces."""
    cuts = {start, end}
    wraps = wrapped(text, start, end)
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.start() in wraps:
            continue
        abbreviation = _ABBREVIATION.search(text, max(start, match.start() - 8), match.start())
        if not abbreviation or (
            _UNIT_ABBREVIATION.fullmatch(abbreviation.group()) and _NEXT_SENTENCE.match(text, match.end())
        ):
            cuts.add(match.end())
    # "6 pcs, sorry, 8 pcs of …": the count corrected, not a new item
    cuts.update(
        match.end()
        for match in _NEW_COUNT.finditer(text, start, end)
        if not _CORRECTED.search(text, max(start, match.start() - 16), match.start())
    )
    for match in [*_RUN_ON_COUNT.finditer(text, start, end), *_AFTER_GRADE.finditer(text, start, end)]:
        since = max(cut for cut in cuts if cut <= match.start())
        if _COUNTED.search(text, since, match.start()):
            cuts.add(match.end())
    spans = []
    for a, b in itertools.pairwise(sorted(cuts)):
        body = text[a:b]
        stripped = body.strip()
        if stripped:
            left = a + len(body) - len(body.lstrip())
            spans.append((left, left + len(stripped)))
    return spans
