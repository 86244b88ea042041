"""Which of many short words occur anywhere in a text, found in one regex pass.

Checking a text for each of a few hundred words one by one costs a Python step per word. Here the
words are laid out as a trie in one regex, tried at every position: at a position, the text's own
characters pick the one path through the trie, so the match is the longest word starting there,
and the words that are prefixes of it start there too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_Trie = dict[str, "_Trie"]
_END = ""  # the key marking that a word ends at this node


def _trie(words: Iterable[str]) -> _Trie:
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return root


def _pattern(node: _Trie) -> str:
    """The alternation of the node's children; a child where a word ends may stop there."""
    branches = []
    for char, child in node.items():
        if char == _END:
            continue
        rest = _pattern(child) if len(child) > (_END in child) else ""
        if rest and _END in child:
            rest = f"(?:{rest})?"  # greedy: the longer word is tried first
        elif rest:
            rest = f"(?:{rest})"
        branches.append(re.escape(char) + rest)
    return "|".join(branches)


@dataclass(frozen=True)
class Needles:
    """A fixed set of lower-case words to look for in lower-case texts."""

    regex: re.Pattern[str]
    prefixes: dict[str, tuple[str, ...]]  # each word, and the words that are prefixes of it

    @classmethod
    def of(cls, words: Iterable[str]) -> Needles:
        unique = sorted(set(words))
        if not all(unique):
            raise ValueError("an empty needle would be found everywhere")
        return cls(
            re.compile(f"(?=({_pattern(_trie(unique))}))"),
            {word: tuple(other for other in unique if word.startswith(other)) for word in unique},
        )

    def found(self, lower: str) -> set[str]:
        """The words that occur in ``lower``."""
        found: set[str] = set()
        for longest in set(self.regex.findall(lower)):
            found.update(self.prefixes[longest])
        return found
