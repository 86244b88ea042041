"""Extract: read the order header and line items out of a document's text."""

from __future__ import annotations

from pipeline.extract.header import extract_header
from pipeline.extract.lines import extract_lines
from pipeline.models import Document, Extraction


def extract(document: Document) -> Extraction:
    """Header and lines of one document; pure and deterministic."""
    return Extraction(header=extract_header(document), lines=extract_lines(document.text))
