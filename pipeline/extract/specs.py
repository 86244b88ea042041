"""The customer's spec notes: a finish wanted or refused, the certificates a line needs.

Beyond grade, form, size and quantity a customer writes requirements: "Sheet, 2B", "black, not
galvanized", "Galvanized not required", "no galv on the tube", "all bar centerless ground
finish", "certs with the 316 bar". Each becomes a ``SpecNote`` on the lines it is said of, so
matching can honour it (a refused finish is never picked at full confidence,
``pipeline.match.score``) and the review page shows it beside the line.

A finish is one the catalog knows (``pipeline.catalog.search.wording.FINISHES``). It is refused
when negated in its own clause ("not", "no", "without", "don't need" before it, or "not required",
"not needed" after it — ``pipeline.extract.negation``), whatever the finish: the rule is general,
not a list of phrases. Written on an item's own line, a note is that item's. Written elsewhere in
the message it is said of the items of the forms its clause names ("no galv on the tube"), else of
every item; such a note asks for a finish only when its clause says "finish" or "all" ("all bar
centerless ground"): elsewhere a word like "black" or "turned" is too often something else, while
a refusal names what it refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.catalog.search.wording import FINISHES
from pipeline.extract import terms
from pipeline.extract.negation import negation_span
from pipeline.extract.vocabulary import FORM_WORDS, fold
from pipeline.models import LineItem, Span, SpecNote

_CLAUSE_END = re.compile(r"[,;!?\n()]|\.(?!\d)")  # ".120" is a size, not a sentence's end
_ASKS_FINISH = re.compile(r"\b(?:finish(?:ed)?|all|every)\b", re.IGNORECASE)
# the tube group: "the tube" is any tube, "the bar" any bar
_GROUPS = {
    "tube": ("tube_round", "tube_square", "tube_rectangular"),
    "bar": ("bar_round", "bar_square", "bar_hex", "bar_rectangular"),
}


def _clause(text: str, start: int, end: int, lower: int, upper: int) -> tuple[int, int]:
    """The clause (up to a comma, a sentence's end or a line's) around ``text[start:end]``."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, lower, start)), default=lower)
    after = _CLAUSE_END.search(text, end, upper)
    return before, after.start() if after else upper


def _found(
    text: str, folded: str, match: re.Match[str], value: str, bounds: tuple[int, int]
) -> tuple[SpecNote, str]:
    """The note of one finish written — refused, in the words that refuse it, else in its clause's —
    and its clause (which names the forms it is said of)."""
    refusal = negation_span(folded, match.start(), match.end())
    clause = _clause(text, match.start(), match.end(), *bounds)
    start, end = refusal or clause
    words = " ".join(text[start:end].split()).strip(" -*•:,")
    note = SpecNote("finish", words, value, refusal is not None, Span(match.start(), match.end()))
    return note, " ".join(text[clause[0] : clause[1]].split())


def _finishes(text: str, start: int, end: int, folded: str) -> list[tuple[SpecNote, str]]:
    found = []
    for match in FINISHES.regex.finditer(text, start, end):
        key = next(name for name, value in match.groupdict().items() if value is not None)
        regex, word = FINISHES.table[int(key[1:])]
        groups = re.fullmatch(regex, match[key], re.IGNORECASE).groups()  # type: ignore[union-attr]
        found.append(_found(text, folded, match, word.format(*(g.lower() for g in groups)), (start, end)))
    return found


def finish_notes(text: str, start: int, end: int, folded: str | None = None) -> list[SpecNote]:
    """Every finish written in ``text[start:end]``, each wanted or refused."""
    return [note for note, _ in _finishes(text, start, end, fold(text) if folded is None else folded)]


def _forms_of(clause: str) -> set[str]:
    forms: set[str] = set()
    for name, match in FORM_WORDS.matches(fold(clause)):
        forms.update(_GROUPS.get(match.group().rstrip("s").removesuffix("ing"), (name,)))
    return forms


def _add(line: LineItem, notes: Iterable[SpecNote]) -> None:
    for note in notes:
        key = (note.kind, note.value, note.refused)
        if all((kept.kind, kept.value, kept.refused) != key for kept in line.specs):
            line.specs.append(note)


def own_specs(line: LineItem, text: str, folded: str | None = None) -> None:
    """The notes written on ``line``'s own text: finishes, and certificates it names."""
    if line.span is None:
        return
    a, b = line.span.start, line.span.end
    _add(line, finish_notes(text, a, b, folded))
    own = text[a:b]  # read apart: a certificate search folds the whole text it is given
    certificates = [
        SpecNote(
            "certificate",
            " ".join(own[span.start : span.end].split()),
            name,
            span=Span(a + span.start, a + span.end),
        )
        for name, span in terms.certifications(own, ((0, len(own)),))
    ]
    _add(line, certificates)


def apply_specs(text: str, spans: list[tuple[int, int]], lines: list[LineItem]) -> None:
    """Give each line its own notes, and the notes written outside every line that are said of it."""
    folded = fold(text)
    for line in lines:
        own_specs(line, text, folded)
    inside = [(line.span.start, line.span.end) for line in lines if line.span is not None]
    for start, end in spans:
        for note, clause in _finishes(text, start, end, folded):
            at = note.span.start if note.span else start
            if any(a <= at < b for a, b in inside):
                continue
            if not note.refused and not _ASKS_FINISH.search(clause):
                continue
            forms = _forms_of(clause)
            for line in lines:
                if not forms or line.form in forms:
                    _add(line, [note])
