"""No match is an answer: say why nothing fills the line, and offer the nearest parts, each explained.

The reasons, checked in order: not a catalog product; the grade is not stocked; it is not
stocked in this form; no stocked size is near the one asked; the stock is shorter (or smaller)
than the piece asked. The nearest offers are at most ``ALTERNATIVES`` distinct items.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.catalog.search.attributes import search
from pipeline.catalog.search.index import AttributeIndex
from pipeline.match.explain import inches
from pipeline.match.score import Scored, score
from pipeline.words import form_words

ALTERNATIVES = 3
ALTERNATIVE_CAP = 0.25  # below assemble's pick threshold: an offer, never a silent match
ACCEPTABLE = frozenset(("identical", "equivalent", "substitute", "family", "any"))


@dataclass
class NoMatch:
    explanation: str
    offers: list[tuple[Scored, int]]


def _item_key(index: AttributeIndex, scored: Scored, position: int) -> tuple:
    row = scored.hits.rows[position]
    sizes = tuple(float(index.dims[name][row]) for name in scored.hits.names)
    return (index.labels["grade"].name(row), index.labels["form"].name(row), sizes)


def _distinct(index: AttributeIndex, scored: Scored, positions: np.ndarray) -> list[tuple[Scored, int]]:
    """The best row of each distinct item (grade, form, section), up to ``ALTERNATIVES``."""
    seen, offers = set(), []
    for position in positions:
        key = _item_key(index, scored, int(position))
        if key not in seen:
            seen.add(key)
            offers.append((scored, int(position)))
        if len(offers) == ALTERNATIVES:
            break
    return offers


def _section_text(section: dict[str, float]) -> str:
    return " x ".join(inches(v) for k, v in section.items() if k != "weight_per_foot") or "any size"


def _nearest_sizes(index: AttributeIndex, scored: Scored) -> NoMatch | None:
    """Acceptable grade and form, but no size within the window: offer the nearest sizes."""
    request = scored.hits.request
    relaxed = score(index, search(index, request, window=None, relations=ACCEPTABLE))
    if not len(relaxed.order):
        return None
    distance = np.abs(relaxed.hits.diffs).sum(axis=1)
    nearest = relaxed.order[np.argsort(distance[relaxed.order], kind="stable")]
    grade = request.grade.written if request.grade else (request.family or "").replace("_", " ")
    what = f"{grade} {form_words(request.form)}".strip()
    return NoMatch(
        f"no {what} is stocked near {_section_text(request.section)}",
        _distinct(index, relaxed, nearest),
    )


def _too_short(index: AttributeIndex, scored: Scored) -> NoMatch:
    """Acceptable rows near the size exist, but none is long (or large) enough for the piece."""
    request, hits = scored.hits.request, scored.hits
    acceptable = np.flatnonzero(~hits.alternative())
    length = index.dims["length"][hits.rows[acceptable]]
    longest = acceptable[np.argsort(-length, kind="stable")]
    asked = inches(request.piece_length or 0)
    if request.piece_width:
        asked = f"{inches(request.piece_width)} x {asked}"
    return NoMatch(
        f"the largest stock is {inches(float(length.max()))} long; a {asked} piece cannot be cut from it",
        _distinct(index, scored, longest),
    )


def explain_no_match(index: AttributeIndex, scored: Scored) -> NoMatch:
    """Why ``scored`` has no acceptable row, with the nearest offers."""
    request, hits = scored.hits.request, scored.hits
    if request.not_catalog:
        return NoMatch("not a catalog product (we stock metal, not hardware)", [])
    alternatives = scored.order[hits.alternative()[scored.order]]
    ask = request.grade
    if ask and not any(
        o.relation != "alternative" and index.forms_by_grade.get(o.grade) for o in ask.options
    ):
        return NoMatch(f"{ask.written} is not stocked", _distinct(index, scored, alternatives))
    if not hits.alternative().all():  # acceptable rows near the size, none long or large enough
        return _too_short(index, scored)
    if nearest := _nearest_sizes(index, scored):
        if len(alternatives):
            nearest.offers = (nearest.offers + _distinct(index, scored, alternatives))[:ALTERNATIVES]
        return nearest
    form = form_words(request.form) or "this form"
    what = ask.stocked or ask.written if ask else request.family or "this material"
    return NoMatch(f"{what} is not stocked as {form}", _distinct(index, scored, alternatives))
