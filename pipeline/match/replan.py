"""Named parts scored again for a line as it is now: after a reviewer's edit or choice.

The matching engine chose a line's parts for the quantity and sizes first read. Once a reviewer
changes the quantity or unit, or picks one of the alternatives, the confidence, the cut plan
(stock lengths to pull) and the reasons must describe the line as it now stands, so the price,
the stock check and the words a reviewer reads agree. This scores the named parts with the
engine's own factors and explanations; a part the search would not offer for the line (a
reviewer's pick by part number) keeps its confidence and gets its cut plan and stock, said plainly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np

from pipeline.catalog.search import attribute_index, build_request
from pipeline.catalog.search.attributes import search
from pipeline.catalog.search.index import AttributeIndex
from pipeline.catalog.search.request import FLAT_FORMS
from pipeline.catalog.store import CatalogStore
from pipeline.match.cut import cut_plan, kerf_for, plan
from pipeline.match.engine import candidate_of
from pipeline.match.explain import cut_reason, explain, stock_reason
from pipeline.match.score import Scored, score
from pipeline.models import Candidate, CutPlan, LineItem

PICKED = "picked by a reviewer; the search does not offer it for this line"


def replanned(store: CatalogStore, item: LineItem, parts: Iterable[Candidate]) -> list[Candidate]:
    """``parts`` scored and explained for ``item`` as it is now, in the same order."""
    parts = list(parts)
    if not parts:
        return []
    index = attribute_index(store)
    request = build_request(item)
    scored = score(index, search(index, request)) if request.form else None
    return [_again(index, scored, item, part) for part in parts]


def _again(index: AttributeIndex, scored: Scored | None, item: LineItem, part: Candidate) -> Candidate:
    row = index.position(part.part_number)
    if row is None:  # gone from the catalog since: the line keeps what it had
        return part
    if scored is not None and part.match_kind not in ("part_number", "text"):
        found = np.flatnonzero(scored.hits.rows == row)
        if len(found):
            explained = explain(index, scored, int(found[0]))
            kept = part.match_kind if part.match_kind == "alternative" else explained.match_kind
            return replace(candidate_of(index, row, explained), match_kind=kept)
    return _as_picked(index, row, item, part)


def cut_for(part: Candidate, item: LineItem) -> CutPlan | None:
    """How ``part`` is cut for ``item`` (its pieces and quantity); None when it is sold as is."""
    length = part.dimensions.get("length")
    if length is None:
        return None
    request = build_request(item)
    flat = part.form in FLAT_FORMS
    width = part.dimensions.get("width") if flat else None
    if flat and width is None:
        return None
    piece = (request.piece_length, request.piece_width if flat else None)
    arrays = plan(
        np.array([length]),
        np.array([width]) if flat else None,
        piece[0],
        piece[1],
        request.quantity,
        request.uom == "FT" and not flat,
        part.form,
    )
    return cut_plan(arrays, 0, (length, width), piece, kerf_for(part.form))


def _as_picked(index: AttributeIndex, row: int, item: LineItem, part: Candidate) -> Candidate:
    """A part the search does not rank for this line: its own confidence, a fresh cut plan."""
    fresh = index.candidate(row)
    planned = cut_for(fresh, item)
    request = build_request(item)
    by_foot = fresh.uom == "FT"
    if planned is not None and planned.pieces_to_pull:
        needed = planned.pieces_to_pull * (planned.stock_length / 12 if by_foot else 1)
    else:
        needed = request.quantity or 1.0
    kept = [reason for reason in part.reasons if reason.startswith(("chosen", "part number"))] or [PICKED]
    reasons = [
        *kept,
        *filter(None, (cut_reason(planned, request.quantity, request.uom == "FT", False, by_foot),)),
        stock_reason(fresh.stock_qty, float(needed), fresh.uom, request.quantity),
    ]
    return replace(
        fresh,
        confidence=part.confidence,
        reasons=reasons,
        match_kind=part.match_kind,
        substitution=part.substitution,
        substitution_confidence=part.substitution_confidence,
        cut=planned,
    )
