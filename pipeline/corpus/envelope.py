"""Put a letter in an envelope: a pasted ``.txt`` (sometimes with its header lines) or a MIME ``.eml``.

``.eml`` files are real RFC 5322 messages (plain, plain+HTML alternative, or HTML only), with
deterministic ``Date`` and ``Message-ID`` headers so the same seed gives the same bytes.
"""

from __future__ import annotations

import html
import random
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from pipeline.corpus.letters import Letter
from pipeline.corpus.people import Person

DESK = "orders@metalstock-supply.com"


def as_text(letter: Letter, sender: Person, sent: datetime, with_headers: bool) -> bytes:
    """A pasted email; with header lines (From/To/Subject/Date) when ``with_headers``."""
    head = ""
    if with_headers:
        head = (
            f"From: {sender.name} <{sender.email}>\nTo: {DESK}\nSubject: {letter.subject}\n"
            f"Date: {format_datetime(sent)}\n\n"
        )
    return (head + letter.body).encode("utf-8")


def _html(body: str) -> str:
    paragraphs = body.strip().split("\n\n")
    return (
        "<html><body>"
        + "".join(
            f"<p>{'<br>'.join(html.escape(line) for line in paragraph.splitlines())}</p>"
            for paragraph in paragraphs
        )
        + "</body></html>"
    )


def as_eml(letter: Letter, sender: Person, sent: datetime, message_id: str, rng: random.Random) -> bytes:
    """A MIME message: plain text, plain with an HTML alternative, or HTML only."""
    message = EmailMessage()
    message["From"] = f"{sender.name} <{sender.email}>"
    message["To"] = DESK
    message["Subject"] = letter.subject
    message["Date"] = format_datetime(sent)
    message["Message-ID"] = message_id
    if letter.urgency != "standard" and rng.random() < 0.5:
        message["Priority"] = "urgent"
    kind = rng.choices(["plain", "alternative", "html"], weights=(6, 3, 1))[0]
    if kind == "html":
        message.set_content(_html(letter.body), subtype="html")
    else:
        message.set_content(letter.body)
        if kind == "alternative":
            message.add_alternative(_html(letter.body), subtype="html")
            # the stdlib draws a random boundary; a seeded one keeps the bytes reproducible
            message.set_boundary(f"===============od{rng.getrandbits(64):020d}==")
    return bytes(message)
