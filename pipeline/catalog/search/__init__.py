"""Catalog search: find the parts that could fill a request line, batched per order.

- ``search_lines`` / ``search_line``: attribute search (grade with its equivalents and
  substitutes, compatible forms, every section size within a window) over the in-memory
  attribute index (``index.py`` says why it is in memory);
- ``find_part_number``: a catalog part number written on the line, exact or with a typo;
- ``search_text``: BM25 free text, for the explorer and for lines extraction could not read.

Scoring, cutting to size and explaining are ``pipeline.match``'s job.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.catalog.search.attributes import Hits, search
from pipeline.catalog.search.index import AttributeIndex, attribute_index
from pipeline.catalog.search.part_numbers import PartNumberHit, find_part_number
from pipeline.catalog.search.request import Request, build_request
from pipeline.catalog.search.text import TextHit, search_text
from pipeline.catalog.store import CatalogStore
from pipeline.models import LineItem

__all__ = [
    "AttributeIndex",
    "Hits",
    "PartNumberHit",
    "Request",
    "TextHit",
    "attribute_index",
    "build_request",
    "find_part_number",
    "search_line",
    "search_lines",
    "search_text",
]


def search_lines(store: CatalogStore, items: Iterable[LineItem]) -> dict[int, Hits]:
    """Attribute hits for every line of an order, keyed by line number."""
    index = attribute_index(store)
    return {item.line_no: search(index, build_request(item)) for item in items}


def search_line(store: CatalogStore, item: LineItem) -> Hits:
    """Attribute hits for one line."""
    return search(attribute_index(store), build_request(item))
