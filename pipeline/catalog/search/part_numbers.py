"""Part-number lookup: a customer who writes a catalog part number gets that part, typo or not.

An exact number is a binary search in the attribute index. A number that is not in the catalog
is compared with every part number by edit distance (rapidfuzz, C++: a few milliseconds over
50,000 numbers, and only for lines that carry something shaped like one of ours); the nearest is
taken only when it is within two edits and no other number is as near.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from pipeline.catalog.describe import FAMILY_CODES
from pipeline.catalog.search.index import attribute_index
from pipeline.catalog.store import CatalogStore

MAX_EDITS = 2
_SHAPE = re.compile(
    rf"(?<![\w-])(?:{'|'.join(FAMILY_CODES.values())})[A-Z0-9]{{1,10}}(?:-[A-Z0-9]{{1,24}}(?:\.\d+)?){{2,7}}(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PartNumberHit:
    """``row`` of the attribute index; ``edits`` between what was written and the part number."""

    written: str
    part_number: str
    row: int
    edits: int


def part_numbers_in(text: str) -> list[str]:
    """Tokens shaped like one of our part numbers (``SS304-SH-0125-4896-4``)."""
    return [match.group(0).upper() for match in _SHAPE.finditer(text)]


def _numbers(store: CatalogStore) -> list[str]:
    return store.derived("part_number_list", lambda s: attribute_index(s).part_numbers.tolist())


def lookup(store: CatalogStore, written: str) -> list[PartNumberHit]:
    """The part ``written`` names: exactly, else the part numbers nearest to it within two edits.

    More than one hit means several numbers are equally near: the caller must not pick one silently.
    """
    index = attribute_index(store)
    if (row := index.position(written)) is not None:
        return [PartNumberHit(written, written, row, 0)]
    nearest = process.extract(
        written, _numbers(store), scorer=Levenshtein.distance, score_cutoff=MAX_EDITS, limit=5
    )
    closest = min((edits for _, edits, _ in nearest), default=None)
    return [
        PartNumberHit(written, number, int(row), int(edits))
        for number, edits, row in nearest
        if edits == closest
    ]


def find_part_number(store: CatalogStore, text: str) -> list[PartNumberHit]:
    """The parts named by the first part number written in ``text`` that is near a catalog one."""
    for written in part_numbers_in(text):
        if hits := lookup(store, written):
            return hits
    return []
