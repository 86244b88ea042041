"""A request typed into a search box, read and ranked exactly as an order line is.

``pipeline search`` and the dashboard's catalog explorer both call ``lookup``: the text is read
by the extractor's line parser (``reading.read_line``) and matched by the engine, so "1-1/2 1018
round" means a 1-1/2" round bar of 1018 in both, never an 11-1/2" one. Text that reads as no
request (no form) is left to the caller's free-text search.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.catalog.search import attribute_index, build_request
from pipeline.catalog.search.attributes import search
from pipeline.catalog.sizes import fraction_label
from pipeline.catalog.store import CatalogStore
from pipeline.match.reading import match_texts
from pipeline.match.score import score
from pipeline.models import Candidate, LineItem


@dataclass(frozen=True)
class Lookup:
    """What ``text`` was read as and the parts the matcher ranks for it, best first."""

    text: str
    item: LineItem
    status: str  # matched | no_match | unparsed (see pipeline.match.engine)
    explanation: str | None
    ranked: list[Candidate]  # the candidates, or for no match the nearest offers
    fitting: tuple[str, ...] = ()  # every part that fills the request, best first (see fitting_parts)

    @property
    def understood(self) -> bool:
        """Whether the text reads as a request (a form to search by); else free text decides."""
        return self.status != "unparsed"

    @property
    def part_numbers(self) -> tuple[str, ...]:
        """The ranked parts, then the other parts that fit, each once."""
        return tuple(dict.fromkeys([c.part_number for c in self.ranked] + list(self.fitting)))


def lookup(store: CatalogStore, text: str, limit: int = 0) -> Lookup:
    """``text`` read as one request line and matched against ``store``'s catalog; with ``limit``,
    also up to that many parts that fill it (``fitting``)."""
    ((item, result),) = match_texts(store, [text])
    fitting = fitting_parts(store, item, limit) if limit and result.status == "matched" else ()
    return Lookup(text, item, result.status, result.explanation, result.ranked, fitting)


def reading_text(item: LineItem) -> str:
    """The request as read, in a desk's words: ``1018 · bar round · diameter 1-1/2"``."""
    parts = [item.grade or "", item.temper or "", (item.form or "").replace("_", " ")]
    sizes = [f"{name.replace('_', ' ')} {fraction_label(value)}" for name, value in item.dimensions.items()]
    return " · ".join(part for part in [*parts, *sizes] if part)


def fitting_parts(store: CatalogStore, item: LineItem, limit: int) -> tuple[str, ...]:
    """Every part that fills ``item`` in the matcher's score order (every mill and stock length,
    which its top answers leave out), at most ``limit``; none when the line has no form."""
    request = build_request(item)
    if not request.form:
        return ()
    index = attribute_index(store)
    scored = score(index, search(index, request))
    return tuple(index.part_numbers[int(scored.hits.rows[p])] for p in scored.acceptable()[:limit])
