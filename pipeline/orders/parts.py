"""A catalog part a person named (a reviewer's choice, a cross-reference), as a candidate for a line.

The matching engine finds its own candidates; this builds one for a part chosen by number, from
the same attribute index, with the engine's cut-to-size plan for the line (so pricing pulls the
right number of stock pieces, as it does for the engine's picks).
"""

from __future__ import annotations

import numpy as np

from pipeline.catalog.search import attribute_index, build_request
from pipeline.catalog.search.request import FLAT_FORMS
from pipeline.catalog.store import CatalogStore
from pipeline.match.cut import cut_plan, kerf_for, plan
from pipeline.models import Candidate, CutPlan, LineItem


def named_part(store: CatalogStore, part_number: str, item: LineItem) -> Candidate | None:
    """The unscored candidate of ``part_number`` with its cut plan for ``item``; None if not stocked."""
    index = attribute_index(store)
    row = index.position(part_number)
    if row is None:
        return None
    candidate = index.candidate(row)
    candidate.cut = cut_for(candidate, item)
    return candidate


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
