"""A request set to measure matching against: lines phrased from catalog parts as customers write
them, each with its right answers, plus lines the catalog cannot fill.

``request_set(parts, n, seed)`` is deterministic for a seed. The benchmark uses a few thousand
lines against the 50,000-part catalog; the accuracy test a few hundred against the test catalog.
Each request comes twice over: as text (what extraction reads) and as the ``LineItem`` a perfect
extraction would give, so extraction errors and matching errors can be told apart.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from pipeline.catalog.search.part_numbers import PartNumberBlocks
from pipeline.corpus.requests.answers import Answers
from pipeline.corpus.requests.build import KINDS, Phrased, phrase
from pipeline.corpus.requests.unstocked import no_match_requests
from pipeline.models import LineItem

NO_MATCH_SHARE = 0.1


@dataclass(frozen=True)
class BenchRequest:
    """``accept`` holds the right part numbers; empty means "no match" is the right answer."""

    text: str
    item: LineItem
    kind: str
    source: str | None
    accept: frozenset[str]


def _kind(rng: random.Random) -> str:
    roll, total = rng.random(), 0.0
    for kind, share in KINDS:
        total += share
        if roll < total:
            return kind
    return KINDS[0][0]


def _readable_typo(blocks: PartNumberBlocks, phrased: Phrased) -> bool:
    """A typo a person could correct: not another real part number, and nearer to the source part
    than to any other (one character off "AL6061T6-SQT-3000X…" as "4000X…" is as near 1000 and
    2000: nobody can tell which was meant)."""
    nearest = blocks.nearest(phrased.written_part or "")
    return len(nearest) == 1 and nearest[0][1] > 0


def request_set(parts: pd.DataFrame, n: int, seed: int = 7) -> list[BenchRequest]:
    """``n`` requests from ``parts`` (the catalog table), about 10% of them not fillable."""
    rng = random.Random(seed)
    answers = Answers(parts)
    blocks = PartNumberBlocks(np.sort(parts["part_number"].to_numpy(dtype=object)))
    found: list[BenchRequest] = []
    while len(found) < n - round(n * NO_MATCH_SHARE):
        row = parts.iloc[rng.randrange(len(parts))]
        phrased = phrase(rng, row, _kind(rng))
        if phrased is None or (phrased.kind == "part_number_typo" and not _readable_typo(blocks, phrased)):
            continue
        accept = answers.accept(phrased.stated) if phrased.stated else frozenset({str(row["part_number"])})
        found.append(BenchRequest(phrased.text, phrased.item, phrased.kind, str(row["part_number"]), accept))
    for phrased in no_match_requests(rng, parts, n - len(found)):
        found.append(BenchRequest(phrased.text, phrased.item, phrased.kind, None, frozenset()))
    rng.shuffle(found)
    return [replace(r, item=replace(r.item, line_no=number)) for number, r in enumerate(found, start=1)]


__all__ = ["BenchRequest", "request_set"]
