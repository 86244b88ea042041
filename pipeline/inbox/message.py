"""What the intake needs to know of one raw message, and the note left beside one set aside."""

from __future__ import annotations

import email
import hashlib
import re
from dataclasses import dataclass
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.utils import make_msgid

from pipeline.ledger import content_hash

_HEADER_END = re.compile(rb"\r?\n\r?\n")


@dataclass(frozen=True)
class MessageInfo:
    message_id: str
    subject: str
    sender: str
    content_hash: str  # of the bytes as received: the ledger's key of the input
    fingerprint: str  # the same for copies of one message (see ``tables``)


def identify(data: bytes) -> MessageInfo:
    """The message's identity from its headers and bytes; never fails (a broken message is
    judged by ingest, later)."""
    headers = email.message_from_bytes(_header_block(data), policy=policy.compat32)
    message_id = _header(headers, "Message-ID")
    whole = content_hash(data)
    if message_id:
        body = _HEADER_END.split(data, maxsplit=1)[1] if _HEADER_END.search(data) else b""
        body = body.replace(b"\r\n", b"\n")  # a Maildir file and an IMAP copy differ only in line ends
        fingerprint = hashlib.sha256(message_id.encode() + b"\n" + body).hexdigest()
    else:
        fingerprint = whole
    return MessageInfo(
        message_id=message_id,
        subject=_header(headers, "Subject"),
        sender=_header(headers, "From"),
        content_hash=whole,
        fingerprint=fingerprint,
    )


def _header_block(data: bytes) -> bytes:
    found = _HEADER_END.search(data)
    return data[: found.end()] if found else data[:65536]


def _header(headers: email.message.Message, name: str) -> str:
    value = headers.get(name, "")
    try:
        text = str(make_header(decode_header(str(value))))
    except (LookupError, UnicodeError, ValueError, HeaderParseError):
        text = str(value)
    return " ".join(text.split())[:300]


def note_for(info: MessageInfo, where: str, reason: str, note_key: str) -> bytes:
    """The note put beside a message set aside: what it is, where it came from, and why."""
    note = EmailMessage(policy=policy.SMTP)
    note["From"] = "Order Desk <order-desk@localhost>"
    note["Subject"] = f"Needs a person: {info.subject or '(no subject)'}"[:200]
    note["Message-ID"] = make_msgid(domain="order-desk.local")
    note["X-Order-Desk-Note-For"] = note_key
    if info.message_id:
        note["In-Reply-To"] = info.message_id
        note["References"] = info.message_id
    note.set_content(
        "Order Desk could not process the message beside this note, so it was not turned into an"
        f" order.\n\nMessage: {info.subject or '(no subject)'} from {info.sender or '(no sender)'}\n"
        f"Message-ID: {info.message_id or '(none)'}\nFound in: {where}\n\nWhy: {reason}\n\n"
        "Fix it and send it again, or enter the order by hand.\n"
    )
    return note.as_bytes()
