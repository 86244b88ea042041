"""Plain-text emails: decode, then read the header block a pasted email often starts with."""

from __future__ import annotations

import hashlib
import re
from email.utils import parsedate_to_datetime

from pipeline.errors import IngestError
from pipeline.models import Document

_HEADER_LINE = re.compile(r"^(From|To|Subject|Date|Cc|Priority):[ \t]*(.*)$", re.IGNORECASE)


def decode_text(filename: str, data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), else Windows-1252; refuse binary files."""
    if b"\x00" in data[:8192]:
        raise IngestError(filename, "it looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
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


def read_text(filename: str, data: bytes) -> Document:
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
    return Document(
        path=filename,
        text=text,
        content_hash=hashlib.sha256(data).hexdigest(),
        subject=headers.get("Subject", ""),
        sender=headers.get("From", ""),
        date=date,
        headers=headers,
    )
