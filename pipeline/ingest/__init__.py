"""Ingest: turn an uploaded file's bytes into a ``Document`` (text plus envelope).

Dispatch by file type lives here; each reader is its own module. Every failure is an
``IngestError`` naming the file and the reason, so a batch can report it and go on.
"""

from __future__ import annotations

from pathlib import PurePath

from pipeline.config import IntakeSettings
from pipeline.errors import IngestError
from pipeline.ingest.eml import read_eml
from pipeline.ingest.limits import check_size, check_text
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.text import read_text
from pipeline.models import Document

DEFAULT_LIMITS = IntakeSettings()
MAX_INPUT_BYTES = DEFAULT_LIMITS.max_file_bytes

READERS = {".txt": read_text, ".eml": read_eml, ".pdf": read_pdf}


def ingest(filename: str, data: bytes, limits: IntakeSettings = DEFAULT_LIMITS) -> Document:
    """Read one input file into a Document, or raise ``IngestError`` saying why not.

    ``limits`` (the settings' ``intake`` section) bound the file, its parts and its text, so
    what follows ingest has bounded work to do.
    """
    if not data:
        raise IngestError(filename, "the file is empty")
    check_size(filename, len(data), limits)
    suffix = PurePath(filename).suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise IngestError(filename, f"unsupported file type {suffix or '(none)'}; expected {known}")
    document = READERS[suffix](filename, data, limits)
    check_text(filename, document.text, limits)
    return document
