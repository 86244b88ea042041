"""Ingest: turn an uploaded file's bytes into a ``Document`` (text plus envelope).

Dispatch by file type lives here; each reader is its own module. Every failure is an
``IngestError`` naming the file and the reason, so a batch can report it and go on.
"""

from __future__ import annotations

from pathlib import PurePath

from pipeline.errors import IngestError
from pipeline.ingest.eml import read_eml
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.text import read_text
from pipeline.models import Document

MAX_INPUT_BYTES = 25 * 1024 * 1024

READERS = {".txt": read_text, ".eml": read_eml, ".pdf": read_pdf}


def ingest(filename: str, data: bytes) -> Document:
    """Read one input file into a Document, or raise ``IngestError`` saying why not."""
    if not data:
        raise IngestError(filename, "the file is empty")
    if len(data) > MAX_INPUT_BYTES:
        raise IngestError(
            filename,
            f"the file is {len(data) / 2**20:.1f} MiB; the limit is {MAX_INPUT_BYTES / 2**20:.0f} MiB",
        )
    suffix = PurePath(filename).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise IngestError(filename, f"unsupported file type {suffix or '(none)'}; expected {known}")
    return reader(filename, data)
