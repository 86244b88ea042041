"""Match an order's lines to catalog parts: search, score, cut to size, explain — all lines at once.

Each line is answered one of three ways:

- ``matched``: up to ``TOP_N`` candidates, best first, each with a confidence and its reasons;
- ``no_match``: nothing stocked fills it; ``explanation`` says why and ``alternatives`` are the
  nearest offers (confidence below assemble's pick threshold, so never picked silently);
- ``unparsed``: extraction found no form to search by; the candidates come from free-text
  search and their confidence is capped so a person confirms them.

A part number written on the line wins when it is in the catalog (exactly, or within two edits).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from pipeline.catalog.search import (
    Hits,
    Request,
    attribute_index,
    build_request,
    find_part_number,
    search_text,
)
from pipeline.catalog.search.attributes import search
from pipeline.catalog.search.index import AttributeIndex
from pipeline.catalog.search.part_numbers import PartNumberHit
from pipeline.catalog.store import CatalogStore
from pipeline.match.explain import Explained, explain
from pipeline.match.nomatch import ALTERNATIVE_CAP, NoMatch, explain_no_match
from pipeline.match.score import Scored, score
from pipeline.models import Candidate, LineItem

TOP_N = 5
TEXT_CAP = 0.5  # free text never decides alone
PART_NUMBER_EXACT = 0.99
PART_NUMBER_TYPO = 0.95  # the only number within two edits, and the line's description agrees
# The only number near, nothing else on the line to confirm it: right almost always in the
# benchmark, but a corrected part number should still be seen by a person (below 0.9).
PART_NUMBER_UNSURE = {1: 0.85, 2: 0.75}  # by edits
PART_NUMBER_AMBIGUOUS = 0.4  # several part numbers equally near what was written
Status = Literal["matched", "no_match", "unparsed"]


@dataclass
class MatchResult:
    """The answer for one line."""

    line_no: int
    status: Status
    candidates: list[Candidate] = field(default_factory=list)
    alternatives: list[Candidate] = field(default_factory=list)
    explanation: str | None = None

    @property
    def ranked(self) -> list[Candidate]:
        """What assemble picks from: the candidates, or for no match the (low-confidence) offers."""
        return self.candidates or self.alternatives


@dataclass
class _Plan:
    """A line's answer as index rows with their explanations; candidates are built from them last."""

    line_no: int
    status: Status
    chosen: list[tuple[int, Explained]]
    offers: list[tuple[int, Explained]] = field(default_factory=list)
    explanation: str | None = None


def _part_number_plan(
    index: AttributeIndex, request: Request, found: list[PartNumberHit], scored: Scored | None
) -> _Plan:
    """The written part(s) first; the attribute candidates after."""
    described = {int(scored.hits.rows[p]) for p in scored.acceptable()[:TOP_N]} if scored else set()
    chosen = []
    for hit in found:
        if hit.edits == 0:
            confidence, how = PART_NUMBER_EXACT, f"part number {hit.part_number} as written"
        elif len(found) > 1:
            confidence = PART_NUMBER_AMBIGUOUS
            how = f"part number {hit.part_number}: one of {len(found)} as near to the {hit.written} written"
        else:
            confidence = PART_NUMBER_TYPO if hit.row in described else PART_NUMBER_UNSURE[hit.edits]
            how = f"part number {hit.part_number}: {hit.edits} character(s) off the {hit.written} written"
            how += (
                "; the line's description agrees" if hit.row in described else "; confirm with the customer"
            )
        chosen.append((hit.row, Explained(confidence, [how], "part_number", None, None)))
    named = {hit.row for hit in found}
    rest = [] if scored is None else [(row, e) for row, e in _top(index, scored) if row not in named]
    return _Plan(request.line_no, "matched", [*chosen, *rest][:TOP_N])


def _top(index: AttributeIndex, scored: Scored) -> list[tuple[int, Explained]]:
    """The best ``TOP_N`` distinct items (the same item from another mill adds no choice)."""
    chosen, seen = [], set()
    for position in scored.acceptable():
        row = int(scored.hits.rows[position])
        if index.item[row] not in seen:
            seen.add(index.item[row])
            chosen.append((row, explain(index, scored, int(position))))
            if len(chosen) == TOP_N:
                break
    return chosen


def _text_plan(store: CatalogStore, index: AttributeIndex, request: Request) -> _Plan:
    """Free text for a line with no form: the best distinct items by BM25, confidence capped."""
    hits, seen, chosen = search_text(store, request.text, TOP_N * 5), set(), []
    best = hits[0].score if hits else 1.0
    for hit in hits:
        if index.item[hit.row] in seen:
            continue
        seen.add(index.item[hit.row])
        reasons = [
            "read as free text: no form found on the line",
            f"text relevance {hit.score / best:.0%} of the best",
        ]
        chosen.append(
            (hit.row, Explained(round(TEXT_CAP * hit.score / best, 4), reasons, "text", None, None))
        )
        if len(chosen) == TOP_N:
            break
    return _Plan(
        request.line_no, "unparsed", chosen, explanation="no form found on the line; free-text search"
    )


def _no_match_plan(index: AttributeIndex, request: Request, scored: Scored) -> _Plan:
    found: NoMatch = explain_no_match(index, scored)
    offers = []
    for offer_scored, position in found.offers:
        explained = explain(index, offer_scored, position, cap=ALTERNATIVE_CAP)
        explained = replace(
            explained,
            match_kind="alternative",
            reasons=[f"no match: {found.explanation}", *explained.reasons],
        )
        offers.append((int(offer_scored.hits.rows[position]), explained))
    return _Plan(request.line_no, "no_match", [], offers, found.explanation)


def plan_line(store: CatalogStore, index: AttributeIndex, item: LineItem, found: Hits | None = None) -> _Plan:
    """Decide one line's answer; ``found`` is the search stage's hits for it, if already searched."""
    request = found.request if found is not None else build_request(item)
    named = find_part_number(store, item.source_text)
    searchable = request.form or request.not_catalog
    scored = score(index, found if found is not None else search(index, request)) if searchable else None
    if named:
        return _part_number_plan(index, request, named, scored)
    if scored is None:
        return _text_plan(store, index, request)
    if request.not_catalog or not len(scored.acceptable()):
        return _no_match_plan(index, request, scored)
    return _Plan(request.line_no, "matched", _top(index, scored))


def candidate_of(index: AttributeIndex, row: int, explained: Explained) -> Candidate:
    return replace(
        index.candidate(row),
        confidence=explained.confidence,
        reasons=explained.reasons,
        match_kind=explained.match_kind,
        substitution=explained.substitution,
        substitution_confidence=explained.substitution_confidence,
        cut=explained.cut,
    )


def match_lines(
    store: CatalogStore, items: Iterable[LineItem], found: Mapping[int, Hits] | None = None
) -> dict[int, MatchResult]:
    """Answers for every line of an order, keyed by line number, from the store's in-memory index.

    ``found`` holds the search stage's hits by line number (searched here when not given).
    """
    index = attribute_index(store)
    plans = [plan_line(store, index, item, (found or {}).get(item.line_no)) for item in items]
    return {
        plan.line_no: MatchResult(
            plan.line_no,
            plan.status,
            [candidate_of(index, row, explained) for row, explained in plan.chosen],
            [candidate_of(index, row, explained) for row, explained in plan.offers],
            plan.explanation,
        )
        for plan in plans
    }


def match_line(store: CatalogStore, item: LineItem) -> MatchResult:
    """The answer for one line (a batch of one)."""
    return match_lines(store, [item])[item.line_no]
