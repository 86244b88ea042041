"""Free-text request lines (the ``match`` command, the benchmark) read by the extractor's line parser.

One place calls extraction, so when its public function changes only this module follows.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.catalog.store import CatalogStore
from pipeline.extract.lines import Segment, parse_item
from pipeline.match.engine import MatchResult, match_lines
from pipeline.models import LineItem


def read_line(text: str, line_no: int = 1) -> LineItem:
    """The ``LineItem`` extraction reads from one request line."""
    return parse_item(line_no, Segment(text, 0))


def match_texts(store: CatalogStore, texts: Sequence[str]) -> list[tuple[LineItem, MatchResult]]:
    """Read and match request lines as one order (one batched match)."""
    items = [read_line(text, number) for number, text in enumerate(texts, start=1)]
    results = match_lines(store, items)
    return [(item, results[item.line_no]) for item in items]
