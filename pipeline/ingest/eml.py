"""MIME emails (.eml): headers, the best text body, and the attachments an order comes in.

Bodies in any transfer encoding (quoted-printable, base64) and any charset Python knows are
decoded by the standard library; an HTML-only body is turned into text. Attachments that carry
an order — PDF, CSV, XLSX, text, a forwarded email — are read into the same document; one that
cannot be read becomes a warning on the document, so the rest of the email is still used.
"""

from __future__ import annotations

import email
from collections.abc import Callable
from email import errors, policy
from email.message import EmailMessage
from functools import partial
from pathlib import PurePath

from pipeline.config import IntakeSettings
from pipeline.errors import IngestError
from pipeline.ingest.document import build_document
from pipeline.ingest.html import html_to_text
from pipeline.ingest.limits import check_mime_parts, check_mime_tree
from pipeline.ingest.pdf import pdf_text
from pipeline.ingest.sheet import csv_text, xlsx_text
from pipeline.models import Attachment, Document

# Defects after which the parts of a multipart message cannot be trusted.
_FATAL_DEFECTS = (errors.NoBoundaryInMultipartDefect, errors.StartBoundaryNotFoundDefect)
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _part_text(part: EmailMessage) -> str:
    """A text part decoded by its declared charset (UTF-8, then Windows-1252 if it lies)."""
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    try:
        text = payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError:
            text = payload.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return html_to_text(text) if part.get_content_type() == "text/html" else text


def _body(message: EmailMessage) -> str:
    """The plain-text body, else the HTML body as text."""
    for preference in ("plain", "html"):
        part = message.get_body(preferencelist=(preference,))
        if part is not None:
            text = _part_text(part)
            if text.strip():
                return text
    return ""


def _forwarded_text(part: EmailMessage) -> str:
    inner = part.get_payload()[0] if part.is_multipart() else None
    if not isinstance(inner, EmailMessage):
        return ""
    lines = [f"{name}: {inner[name]}" for name in ("From", "Date", "Subject") if inner[name]]
    return "\n".join([*lines, "", _body(inner)])


def _reader(part: EmailMessage, limits: IntakeSettings) -> Callable[[str, bytes], str] | None:
    """How to read an attachment, by its file extension first, then its content type."""
    suffix = PurePath(part.get_filename() or "").suffix.lower()
    content_type = part.get_content_type()
    if suffix == ".pdf" or content_type == "application/pdf":
        return partial(pdf_text, limits=limits)
    if suffix == ".xlsx" or content_type == _XLSX:
        return partial(xlsx_text, limits=limits)
    if suffix == ".csv" or content_type == "text/csv":
        return csv_text
    if suffix in (".txt", ".html", ".htm") or content_type in ("text/plain", "text/html"):
        return lambda _name, _data: _part_text(part)
    return None


def _attachments(
    message: EmailMessage, limits: IntakeSettings
) -> tuple[tuple[Attachment, ...], tuple[str, ...]]:
    found, problems = [], []
    for index, part in enumerate(message.iter_attachments(), start=1):
        name = part.get_filename() or f"attachment-{index}"
        if part.get_content_type() == "message/rfc822":
            text = _forwarded_text(part)
        elif (reader := _reader(part, limits)) is None:
            continue  # pictures, calendar invites, signatures: not order content
        else:
            try:
                text = reader(name, part.get_payload(decode=True) or b"")
            except IngestError as error:
                problems.append(str(error))
                continue
        if text.strip():
            found.append(Attachment(filename=name, content_type=part.get_content_type(), text=text))
    return tuple(found), tuple(problems)


def _parse(filename: str, data: bytes, limits: IntakeSettings) -> EmailMessage:
    check_mime_parts(filename, data, limits)
    try:
        message = email.message_from_bytes(data, policy=policy.default)
    except RecursionError as error:  # the stdlib parser recurses once per nested part
        raise IngestError(
            filename, "its MIME parts nest too deeply to parse; is it a multipart bomb?"
        ) from error
    except Exception as error:  # the stdlib parser raises many kinds on broken input
        raise IngestError(filename, f"malformed MIME message ({error})") from error
    if not isinstance(message, EmailMessage) or not message.keys():
        raise IngestError(filename, "no email headers found; is this an .eml file?")
    check_mime_tree(filename, message, limits)
    fatal = [defect for defect in message.defects if isinstance(defect, _FATAL_DEFECTS)]
    if fatal:
        raise IngestError(filename, f"malformed MIME message: {fatal[0].__doc__ or type(fatal[0]).__name__}")
    return message


def read_eml(filename: str, data: bytes, limits: IntakeSettings | None = None) -> Document:
    """An email's envelope, best text body and readable attachments as one Document."""
    if b"\x00" in data[:8192]:
        raise IngestError(filename, "it looks like a binary file, not an email")
    limits = limits or IntakeSettings()
    message = _parse(filename, data, limits)
    body = _body(message)
    attachments, problems = _attachments(message, limits)
    if not body.strip() and not attachments:
        reason = "; ".join(problems) or "the email has no text body and no readable attachment"
        raise IngestError(filename, reason)
    try:
        date = message["Date"].datetime if message["Date"] else None
    except (AttributeError, TypeError, ValueError):
        date = None
    return build_document(
        filename,
        data,
        body,
        attachments=attachments,
        subject=str(message["Subject"] or ""),
        sender=str(message["From"] or ""),
        date=date,
        headers={key: str(value) for key, value in message.items()},
        warnings=problems,
    )
