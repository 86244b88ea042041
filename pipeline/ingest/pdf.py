"""PDF text layers (purchase orders exported from an ERP), read with pypdf.

There is no OCR: a scanned (image-only) PDF and a password-protected one are refused with a
message saying so, rather than producing an empty order.
"""

from __future__ import annotations

import io
import time
import warnings

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadWarning, PyPdfError

from pipeline.config import IntakeSettings
from pipeline.errors import IngestError
from pipeline.ingest.document import build_document
from pipeline.ingest.limits import over_limit
from pipeline.models import Document

MAX_PAGES = 200
PROTECTED = "the PDF is password-protected; send an unprotected copy"


def pdf_text(filename: str, data: bytes, limits: IntakeSettings | None = None) -> str:
    """The text of every page, pages separated by blank lines; ``IngestError`` when there is none."""
    limits = limits or IntakeSettings()
    try:
        with warnings.catch_warnings():
            # a damaged but readable file warns; its text is still worth reading
            warnings.simplefilter("ignore", PdfReadWarning)
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not _opens_without_password(reader):
                raise IngestError(filename, PROTECTED)
            if len(reader.pages) > MAX_PAGES:
                raise IngestError(
                    filename, f"the PDF has {len(reader.pages)} pages; the limit is {MAX_PAGES}"
                )
            pages = _page_texts(filename, reader, limits)
    except IngestError:
        raise
    except DependencyError as error:  # AES: pypdf needs the ``cryptography`` package even to try a password
        raise IngestError(filename, PROTECTED) from error
    except Exception as error:  # pypdf fails on damaged files in many ways (property tests found
        # NotImplementedError from a garbled /Encrypt entry besides its own PyPdfError)
        kind = "" if isinstance(error, PyPdfError) else f"{type(error).__name__}: "
        raise IngestError(filename, f"not a readable PDF ({kind}{error})") from error
    text = "\n\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise IngestError(
            filename,
            "the PDF has no text layer (a scanned image?); OCR is not supported — "
            "ask for a text PDF or the order in the email body",
        )
    return text.replace("\r\n", "\n")


def _page_texts(filename: str, reader: PdfReader, limits: IntakeSettings) -> list[str]:
    """Each page's text, within the job's time: pypdf stops a page's content stream only at tens of
    millions of tokens (a 40 KB stream took 12 s to refuse), and a PDF may hold 200 such pages."""
    deadline = time.monotonic() + limits.max_job_seconds
    texts = []
    for number, page in enumerate(reader.pages, start=1):
        if time.monotonic() > deadline:
            found = f"reading its pages took too long (stopped at page {number} of {len(reader.pages)})"
            raise over_limit(filename, found, f"{limits.max_job_seconds:g} s", "max_job_seconds")
        texts.append(page.extract_text() or "")
    return texts


def _opens_without_password(reader: PdfReader) -> bool:
    """PDFs with only an owner password (printing/copy restrictions) open with an empty one."""
    try:
        return bool(reader.decrypt(""))
    except (DependencyError, NotImplementedError, PyPdfError):
        return False


def read_pdf(filename: str, data: bytes, limits: IntakeSettings | None = None) -> Document:
    """A PDF order (no envelope: its own text says who, when and what)."""
    text = pdf_text(filename, data, limits)
    return build_document(filename, data, text)
