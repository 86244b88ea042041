"""Reply chains and forwards: which text is the newest message, which is quoted history.

The order is what the newest message says. Quoted history starts at a marker ("-----Original
Message-----", "On … wrote:", a forwarded-message header, Outlook's "From:/Sent:" block, in other
languages too: "Van:/Verzonden:", "Von:/Gesendet:"; such a block or rule quoted with ``>`` inside
another message starts a message of its own) or on lines starting with ``>``. Some people write
*below* the history (bottom-posting, as in the chain sample): a short rule line (``---``) after the
last quoted message ends the history, and what follows belongs to the newest message again; so does
what a writer types below or between the "> " lines of the message they answer, or marks in it
as announced ("answers inline below marked with **"). A list restated
under "For reference, last time was:" is an earlier order too, which the rest of the message
changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(
    r"""^[ \t]*(?:
        [ \t>]*-{2,}\s*(?:(?P<kind>Original|Forwarded)\s+Message|Oorspronkelijk\s+bericht
          |Urspr[üu]ngliche\s+Nachricht|Message\s+d'origine|Mensaje\s+original|Messaggio\s+originale)\s*-{2,}
      | Begin\s+(?P<begin>forwarded)\s+message:
      | On\s[^\n]{4,200}?(?:\n[^\n]{0,120}?)?\bwrote:
      | Am\s[^\n]{4,200}?\bschrieb[^\n]{0,120}:
      | [ \t>]*(?:From|Van|Von|De|Da|Od|Fr[åa]n|Fra|L[äa]hett[äa]j[äa]|Kimden|Felad[óo]):[^\n]*\n
        [ \t>]*(?:Sent|Verzonden|Gesendet|Envoy[ée]|Enviado|Inviato|Wys[łl]ane|Skickat|Sendt|L[äa]hetetty
          |G[öo]nderildi|Elk[üu]ldve|Odesl[áa]no):[^\n]*
    )[ \t]*$""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
_OWN_HEADER = re.compile(
    r"[ \t]*(?:From|Van|Von|De|Da|Od|Fr[åa]n|Fra|L[äa]hett[äa]j[äa]|Kimden|Felad[óo]):[^\n]*\n[ \t]*\w+:",
    re.IGNORECASE,
)
_OUTLOOK_RULE = re.compile(r"^[ \t]*_{8,}[ \t]*\n(?=[ \t]*From:)", re.MULTILINE)
_BOTTOM_RULE = re.compile(r"^[ \t]*(?:-{3,10}|_{3,10}|\*{3,10}|={3,10})[ \t]*$", re.MULTILINE)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*(?:\n|$)", re.MULTILINE)
# "answers inline below marked with **": the writer's answers are the marked rows of the message
# quoted, not "> " lines between its lines
_ANSWERS_ANNOUNCED = re.compile(
    r"\b(?:in[\s-]?line|answer(?:s|ed)?|comment(?:s|ed)?|respon(?:ses|ded)|repl(?:ies|ied)|notes?)\b[^.\n]{0,40}?"
    r"\b(?:below|marked|in\s+(?:red|blue|caps|bold)|in[\s-]?line)\b",
    re.IGNORECASE,
)
# (or after the writer's name in capitals: "LENA: 7/8 IS FINE, GO WITH THAT")
_ANSWER_ROW = re.compile(r"^[ \t]*(?:\*{2,3}|-->|->|=>|>>(?!>)|[A-Z]{2,12}:)[ \t]*\S[^\n]*", re.MULTILINE)
# "… - 3 pcs    CHANGE TO 5083-H116 SAME SIZE + QTY": answers announced "in caps", set off at the row's end
_CAPS_TAIL = re.compile(r"(?<=\S)[ \t]{2,}[A-Z][A-Z0-9 +/.,'&-]{1,60}?[ \t]*$", re.MULTILINE)
# "… 5 pcs    <<RD: need 8 pcs": an answer typed at the end of the row it answers, after its mark
_ANSWER_TAIL = re.compile(r"(?<=\S)[ \t]+(?:<<|<--|<-|-->|==>)[ \t]*(?:[A-Z]{2,3}\b[ \t]*:?)?[ \t]*\S[^\n]*")

# an older message quoted inside the one answered: "> On … wrote:", "> -----Original Message-----"
NESTED_MARKER = re.compile(
    r"^[ \t]*>[ \t>]*(?:On\s[^\n]{4,200}?\bwrote:|-{2,}\s*Original\s+Message|From:)",
    re.MULTILINE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Message:
    """One quoted message of the history; ``forwarded`` when it was forwarded, not replied to."""

    start: int
    end: int
    forwarded: bool


@dataclass(frozen=True)
class Thread:
    current: tuple[tuple[int, int], ...]  # spans of the newest message's own text
    history: tuple[Message, ...]  # newest first, as mail clients quote them
    # answers the writer marked inside the newest quoted message ("** make it 4 pcs")
    marked: tuple[tuple[int, int], ...] = ()

    @property
    def forwarded(self) -> bool:
        return any(message.forwarded for message in self.history)


def _markers(text: str, end: int) -> list[tuple[int, bool]]:
    found = [
        (m.start(), bool(m.group("begin") or (m.group("kind") or "").lower() == "forwarded"))
        for m in _MARKER.finditer(text, 0, end)
    ]
    found += [(m.start(), False) for m in _OUTLOOK_RULE.finditer(text, 0, end)]
    merged: list[tuple[int, bool]] = []
    for start, forwarded in sorted(found):
        # a rule or "-----Original Message-----" line right before "From:/Sent:" and the block
        # itself are one marker
        if merged and start - merged[-1][0] < 60 and "\n" not in text[merged[-1][0] : start].strip():
            continue
        merged.append((start, forwarded))
    return merged


def _without_quoted_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, position = [], start
    for match in _QUOTED_LINE.finditer(text, start, end):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < end:
        spans.append((position, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _quoted_block(text: str, end: int) -> tuple[Message, ...]:
    """The run of "> " lines a reply quotes, from its first line to its last, as one message."""
    quoted = list(_QUOTED_LINE.finditer(text, 0, end))
    return (Message(quoted[0].start(), quoted[-1].end(), False),) if quoted else ()


# "For reference, last time was:" over a list: an earlier order restated, which the lines after
# it change ("This time: - flat bar up to 40 pcs - NO channel")
_EARLIER_ORDER = re.compile(
    r"^[^\n]*\b(?:for\s+reference|last\s+time\s+(?:was|we\s+(?:ordered|got|had))|"
    r"(?:our\s+|the\s+)?(?:last|previous|original|earlier)\s+(?:order|PO)\s+(?:was|had)|"
    r"PO\s*#?\s*[\w-]*\d[\w-]*\s+(?:was|had))\b[^\n]*:[ \t]*\n(?:[ \t]*\n)?"
    # its lines, listed or each begun by a count ("  12 pcs 12L14 CD hex 1\" x 12'")
    r"(?:[ \t]*(?:[-*•]|\d{1,2}[.)]|\d{1,4}\s*(?:pcs?|pieces|ea|sheets?|bars?|lengths?|sticks?)\b)[^\n]*\n)+",
    re.IGNORECASE | re.MULTILINE,
)


# "Your submitted quote (Rev 0):" over the quote's table: the distributor's offer, which the
# buyer's comments change ("Line 1 qty to 3. Line 4 delete.")
_QUOTE_RESTATED = re.compile(
    r"^[ \t]*(?:your|the)\s+(?:submitted\s+|original\s+|last\s+|current\s+)?(?:quote|quotation|offer)"
    r"(?:\s*\([^)\n]{1,20}\)|\s+(?:rev\.?\s*\w+|as\s+submitted|below))*[ \t]*:[ \t]*\n(?:[ \t]*\n)?"
    r"(?:[ \t]*\S[^\n]*(?:\n|$))+",
    re.IGNORECASE | re.MULTILINE,
)


def _restated_order(text: str, end: int) -> Thread | None:
    """A message that restates an earlier order or the quote it answers, then changes it: the
    restated list is history."""
    found = _EARLIER_ORDER.search(text, 0, end) or _QUOTE_RESTATED.search(text, 0, end)
    if found is None:
        return None
    own = [(0, found.start()), (found.end(), end)]
    current = [span for a, b in own for span in _without_quoted_lines(text, a, b)]
    return Thread(tuple(current), (Message(found.start(), found.end(), False),))


def split_thread(text: str, end: int | None = None) -> Thread:
    """The newest message's spans and the quoted messages within ``text[:end]``."""
    end = len(text) if end is None else end
    markers = _markers(text, end)
    if markers and not text[: markers[0][0]].strip() and _OWN_HEADER.match(text, markers[0][0]):
        markers = markers[1:]  # "From: … Sent: …" atop the text: the newest message's own header
    if not markers:  # only "> " lines: the quoted message they make up is the history
        quoted = _quoted_block(text, end)
        restated = None if quoted else _restated_order(text, end)
        return restated or Thread(tuple(_without_quoted_lines(text, 0, end)), quoted)
    own = [(0, markers[0][0])]
    history_end = end
    last_rule = None
    for rule in _BOTTOM_RULE.finditer(text, markers[-1][0] + 1, end):
        last_rule = rule
    if last_rule is not None and text[last_rule.end() : end].strip():
        history_end = last_rule.start()
        own.append((last_rule.end(), end))
    bounds = [start for start, _ in markers] + [history_end]
    history = [
        Message(start, bounds[index + 1], forwarded) for index, (start, forwarded) in enumerate(markers)
    ]
    # "On … wrote:" over "> " lines: what the writer typed below or between them is theirs
    # (bottom-posting, answers inline); the message quoted ends at its last "> " line
    newest = history[0]
    marker_end = text.find("\n", newest.start, newest.end)
    quoted = list(_QUOTED_LINE.finditer(text, marker_end + 1, newest.end)) if marker_end >= 0 else []
    if quoted and not text[marker_end : quoted[0].start()].strip():
        own.append((marker_end + 1, newest.end))
        history[0] = Message(newest.start, quoted[-1].end(), newest.forwarded)
    marked = []
    # "Comments below next to each line" over the quote pasted into the newest message itself, or
    # answers typed between its "> " lines
    pasted = _quoted_block(text, markers[0][0])
    announced = _ANSWERS_ANNOUNCED.search(text, 0, markers[0][0])
    if pasted and (announced or _without_quoted_lines(text, pasted[0].start, pasted[0].end)):
        history[:0] = pasted
    # (the message's "> " lines are all ">>" answers: "See my answers below marked >>")
    answers_only = all(text.lstrip(" \t").startswith(">>") for text in (line.group() for line in quoted))
    if announced and (pasted or answers_only):
        in_caps = re.search(r"\bcaps\b|capitals|upper\s*case", announced.group(), re.IGNORECASE)
        marked = sorted(
            (row.start(), row.end())
            for pattern in (_ANSWER_ROW, _ANSWER_TAIL, *((_CAPS_TAIL,) if in_caps else ()))
            for row in pattern.finditer(text, history[0].start, history[0].end)
        )
    current = [span for a, b in own for span in _without_quoted_lines(text, a, b)]
    return Thread(tuple(current), tuple(history), tuple(marked))
