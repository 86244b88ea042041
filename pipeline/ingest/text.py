"""Plain-text emails: decode, then read the header block a pasted email often starts with."""

from __future__ import annotations

import codecs
import re
from email.utils import parsedate_to_datetime

from pipeline.config import IntakeSettings
from pipeline.errors import IngestError
from pipeline.ingest.document import build_document
from pipeline.models import Document

_HEADER_LINE = re.compile(r"^(From|To|Subject|Date|Cc|Priority|Sent):[ \t]*(.*)$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
MAX_CONTROL_SHARE = 0.01  # more unreadable characters than this and it is not a text file


def decode_text(filename: str, data: bytes) -> str:
    """Decode bytes as UTF-8 / UTF-16 (by BOM), else Windows-1252; refuse binary or garbled bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:8192]:
        raise IngestError(filename, "it looks like a binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise IngestError(
                    filename,
                    f"the bytes are neither UTF-8 nor Windows-1252 text (byte {utf8_error.start} is "
                    f"0x{data[utf8_error.start]:02x}); save the file as UTF-8",
                ) from utf8_error
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise IngestError(filename, "it has too many unreadable characters to be a text email")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def leading_headers(text: str) -> dict[str, str]:
    """Header lines (From:, Subject:, Date: …) at the top of a pasted email, before the body."""
    headers: dict[str, str] = {}
    for line in text.split("\n"):
        if not line.strip():
            if headers:
                break
            continue
        match = _HEADER_LINE.match(line)
        if not match:
            break
        headers.setdefault(match.group(1).title(), match.group(2).strip())
    return headers


def read_text(filename: str, data: bytes, limits: IntakeSettings | None = None) -> Document:
    """A plain-text email, with the header lines it starts with if it was pasted whole.

    (``limits``: every reader takes them; text has no parts to bound, ``ingest`` checks its size.)
    """
    text = decode_text(filename, data)
    if not text.strip():
        raise IngestError(filename, "the file has no text")
    headers = leading_headers(text)
    date = None
    if "Date" in headers:
        try:
            date = parsedate_to_datetime(headers["Date"])
        except (TypeError, ValueError):
            date = None
    return build_document(
        filename,
        data,
        text,
        subject=headers.get("Subject", ""),
        sender=headers.get("From", ""),
        date=date,
        headers=headers,
    )
