"""MIME emails (.eml): headers, the best text body, and text attachments."""

from __future__ import annotations

import email
import hashlib
import html
import re
from email import policy
from email.message import EmailMessage

from pipeline.errors import IngestError
from pipeline.models import Attachment, Document

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|tr|li|h\d)>|<br\s*/?>", re.IGNORECASE)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.IGNORECASE | re.DOTALL)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML body, keeping line breaks where blocks end."""
    markup = _SCRIPT.sub("", markup)
    markup = _BLOCK_END.sub("\n", markup)
    return html.unescape(_TAG.sub("", markup))


def _part_text(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset or broken encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    return content


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _part_text(part)
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    return text.replace("\r\n", "\n")


def _attachments(message: EmailMessage) -> tuple[Attachment, ...]:
    found = []
    for part in message.iter_attachments():
        if part.get_content_maintype() == "text":
            found.append(
                Attachment(
                    filename=part.get_filename() or "attachment.txt",
                    content_type=part.get_content_type(),
                    text=_part_text(part),
                )
            )
    return tuple(found)


def read_eml(filename: str, data: bytes) -> Document:
    try:
        message = email.message_from_bytes(data, policy=policy.default)
    except Exception as error:  # the stdlib parser raises many kinds on broken input
        raise IngestError(filename, f"malformed MIME message ({error})") from error
    if not isinstance(message, EmailMessage) or not message.keys():
        raise IngestError(filename, "no email headers found; is this an .eml file?")
    body = _body(message)
    attachments = _attachments(message)
    if not body.strip() and not attachments:
        raise IngestError(filename, "the email has no text body or text attachment")
    try:
        date = message["Date"].datetime if message["Date"] else None
    except (AttributeError, TypeError, ValueError):
        date = None
    headers = {key: str(value) for key, value in message.items()}
    return Document(
        path=filename,
        text=body,
        content_hash=hashlib.sha256(data).hexdigest(),
        subject=str(message["Subject"] or ""),
        sender=str(message["From"] or ""),
        date=date,
        headers=headers,
        attachments=attachments,
    )
