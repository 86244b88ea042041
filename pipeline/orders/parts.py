"""A catalog part a person named (a reviewer's choice, a cross-reference), as a candidate for a line.

The matching engine finds its own candidates; this builds one for a part chosen by number, from
the same attribute index, with the engine's cut-to-size plan for the line (so pricing pulls the
right number of stock pieces, as it does for the engine's picks).
"""

from __future__ import annotations

from pipeline.catalog.search import attribute_index
from pipeline.catalog.store import CatalogStore
from pipeline.match.replan import cut_for
from pipeline.models import Candidate, LineItem

__all__ = ["cut_for", "named_part"]


def named_part(store: CatalogStore, part_number: str, item: LineItem) -> Candidate | None:
    """The unscored candidate of ``part_number`` with its cut plan for ``item``; None if not stocked."""
    index = attribute_index(store)
    row = index.position(part_number)
    if row is None:
        return None
    candidate = index.candidate(row)
    candidate.cut = cut_for(candidate, item)
    return candidate
