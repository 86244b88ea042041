"""Assemble a ``Document``: the body, then each attachment's text after a marker line.

Every evidence span indexes ``Document.text``, so attachments are part of it; each
``Attachment.offset`` says where its text starts, and ``Document.body_end`` where the body ends.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from pipeline.models import Attachment, Document

ATTACHMENT_MARKER = "----- attachment: {name} -----"


def build_document(
    filename: str,
    data: bytes,
    body: str,
    *,
    attachments: tuple[Attachment, ...] = (),
    subject: str = "",
    sender: str = "",
    date: datetime | None = None,
    headers: dict[str, str] | None = None,
    warnings: tuple[str, ...] = (),
) -> Document:
    """A Document whose text is ``body`` followed by the attachments' texts."""
    parts = [body.rstrip("\n")]
    placed = []
    for attachment in attachments:
        parts.append("\n\n" + ATTACHMENT_MARKER.format(name=attachment.filename) + "\n")
        offset = sum(len(part) for part in parts)
        parts.append(attachment.text)
        placed.append(
            Attachment(attachment.filename, attachment.content_type, attachment.text, offset=offset)
        )
    return Document(
        path=filename,
        text="".join(parts),
        content_hash=hashlib.sha256(data).hexdigest(),
        subject=subject,
        sender=sender,
        date=date,
        headers=headers or {},
        attachments=tuple(placed),
        warnings=warnings,
        body_length=len(parts[0]),
    )
