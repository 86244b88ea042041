"""Many spellings joined in one regex, tried only where a word starts the way one of them starts.

Python's regex engine has no quick way through a long alternation: searched through a text, it
tries every branch at every character (about half a microsecond a character for the hundred
family, form and non-catalog words). A spelling here must start a word, and the characters it
starts with are known from its pattern, so the alternation is tried only at the few positions
where a word starts with one of those characters — the same matches, a fraction of the work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

_WORD = re.compile(r"\w")
_QUANTIFIERS = "?*+{"


def starts_word(folded: str, start: int) -> bool:
    """Whether a word starts at ``start`` (the character before it is not part of a word)."""
    return start == 0 or not (folded[start - 1].isalnum() or folded[start - 1] == "_")


def _branches(source: str) -> list[str]:
    """The top-level alternatives of a regex's source."""
    branches, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1  # the escaped character is no bracket or bar
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            branches.append(source[start:index])
            start = index + 1
        index += 1
    return [*branches, source[start:]]


def _group_end(source: str) -> int:
    """Index of the ``)`` closing the group that opens ``source``."""
    depth, index, in_class = 0, 0, False
    while True:
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1


def leads(source: str) -> set[str] | None:
    """The one or two literal characters every match of ``source`` starts with, one string per
    alternative (a match starts with one of them); ``None`` when a branch starts otherwise."""
    found: set[str] = set()
    for branch in _branches(source):
        if branch.startswith("(?:"):
            end = _group_end(branch)
            inner = leads(branch[3:end]) if branch[end + 1 : end + 2] not in tuple(_QUANTIFIERS) else None
            if inner is None:
                return None
            found |= inner  # what follows the group may only lengthen a lead: a shorter one is safe
            continue
        lead = ""
        for index, char in enumerate(branch[:2]):
            if not (char.isalnum() or char in "-/_") or branch[index + 1 : index + 2] in tuple(_QUANTIFIERS):
                break
            lead += char
        if not lead:
            return None
        found.add(lead)
    return found


def word_matches(
    regex: re.Pattern[str], folded: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """Matches of ``regex`` that start a word. A match inside a word ("rd bar" in "pre-hard bar")
    is skipped without consuming the text, so the word after it ("bar") is still found."""
    end = len(folded) if end is None else end
    while (match := regex.search(folded, start, end)) is not None:
        if starts_word(folded, match.start()):
            yield match
            start = max(match.end(), match.start() + 1)
        else:
            start = match.start() + 1


def _grouped(known: set[str]) -> str:
    """A regex for any of the leads, by first character: "[chiw]|a[cln]|b[aeoru]|…" (a branch per
    first character: the engine tests a few characters at each word, not every lead)."""
    initials = sorted(lead for lead in known if len(lead) == 1)
    branches = [f"[{re.escape(''.join(initials))}]"] if initials else []
    for first in sorted({lead[0] for lead in known if len(lead) == 2} - set(initials)):
        seconds = "".join(sorted(lead[1] for lead in known if len(lead) == 2 and lead[0] == first))
        branches.append(f"{re.escape(first)}[{re.escape(seconds)}]")
    return "|".join(branches)


@dataclass(frozen=True)
class Alternation:
    """Lower-case spellings joined in one regex, matched as words of folded text.

    Each spelling's pattern is also filed under the characters it can start with: at a word that
    starts with one of those, only the spellings that can start there are tried, in their order
    (the first that matches wins, as in the whole alternation).
    """

    regex: re.Pattern[str]  # every spelling
    starts: re.Pattern[str] | None  # where a spelling may start: a word that starts with a lead
    by_pair: dict[str, re.Pattern[str]]  # the spellings that can start with these two characters
    by_initial: dict[str, re.Pattern[str]]  # those that can start with this one, whatever follows

    @classmethod
    def of(cls, sources: Iterable[str]) -> Alternation:
        spellings = [(source, leads(source)) for source in sources]
        known = set().union(*(lead for _, lead in spellings if lead is not None))
        regex = re.compile("|".join(source for source, _ in spellings))
        if any(lead is None for _, lead in spellings) or not all(_WORD.match(lead) for lead in known):
            return cls(regex, None, {}, {})  # a start ``\b`` cannot find: every word is tried

        def joined(fits: Callable[[set[str]], bool]) -> re.Pattern[str]:
            return re.compile("|".join(source for source, lead in spellings if lead and fits(lead)))

        pairs, initials = {k for k in known if len(k) == 2}, {k for k in known if len(k) == 1}
        return cls(
            regex,
            re.compile(rf"\b(?={_grouped(known)})"),
            {pair: joined(lambda lead, p=pair: p in lead or p[0] in lead) for pair in pairs},
            {initial: joined(lambda lead, i=initial: i in lead) for initial in initials},
        )

    def matches(self, folded: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """The matches that start a word, as ``word_matches`` finds them: after a match, the
        next one starts at or after its end."""
        if self.starts is None:
            yield from word_matches(self.regex, folded, start, end)
            return
        end = len(folded) if end is None else end
        resume = start
        for word in self.starts.finditer(folded, start, end):
            position = word.start()
            regex = self.by_pair.get(folded[position : position + 2]) or self.by_initial.get(folded[position])
            if position >= resume and regex is not None and (match := regex.match(folded, position, end)):
                yield match
                resume = max(match.end(), position + 1)
