"""Whether a cue phrase is negated: "no rush", "not urgent", "no expedite charges are authorized",
"don't need it ASAP", "rush is not needed".

A negator counts in the cue's own clause (no ``, ; . ! ?``, line break or "but" in between) and at
most four words before it, unless the clause is a condition ("if we don't get it, the line is
down"); "no later than", "not only" and a number's "no 4" negate nothing. After the cue, only a
verdict that it is not needed ("expedite not required", "rush is unnecessary", a form's "Expedite: N")
negates it. French, German and Italian negators count too ("pas urgent", "nicht eilig").
"""

from __future__ import annotations

import re

_NEGATOR = re.compile(
    r"\b(?:no(?!\s+(?:later|more|less|matter)\b|[.#:]|\s*\d)|not(?!\s+(?:later|only|more|less)\b)|nothing|never|"
    r"without|(?:do|does|did|is|are|was|were|won|wouldn|shouldn|need)n['’]?t|"
    r"pas|nicht|kein\w*|non)\b"  # "ce n'est pas urgent", "nicht eilig", "non urgente"
)
# (not "otherwise" right before its negator: "by the 22nd if possible, otherwise not a rush")
_CONDITION = re.compile(r"\b(?:if|unless|otherwise(?!\s+(?:not|no)\b)|or\s+else)\b")
_CLAUSE_BREAK = re.compile(r"[,;.!?\n]|\bbut\b|\s[-–—]\s")
_NOT_NEEDED_AFTER = re.compile(
    r"[^,;.!?\n]{0,24}?\b(?:(?:is|are)\s+)?(?:not|n['’]t)\s+(?:needed|required|necessary|authori[sz]ed|approved)"
    r"|[^,;.!?\n]{0,24}?\bunnecessary"
    r"|\s*[:=]\s*(?:n|no|none|false)\b"  # a form's field: "Expedite: N"
)
_WORDS_BEFORE = 4


def negated(folded: str, start: int, end: int) -> bool:
    """Whether the cue at ``folded[start:end]`` (lower-cased text) is negated."""
    return negation_span(folded, start, end) is not None


def negation_span(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The cue with what negates it ("no galv", "galvanized not required"), or None if not negated."""
    offset = max(0, start - 80)
    window = folded[offset:start]
    clause_at = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    clause = window[clause_at:]
    last = max(_NEGATOR.finditer(clause), key=lambda match: match.start(), default=None)
    if (
        last is not None
        and not any(condition.start() < last.start() for condition in _CONDITION.finditer(clause))
        and len(clause[last.end() :].split()) <= _WORDS_BEFORE
    ):
        return offset + clause_at + last.start(), end
    after = _NOT_NEEDED_AFTER.match(folded, end)
    return (start, after.end()) if after else None
