"""What the intake asks of a mailbox, IMAP or Maildir: one folder at a time, messages by UID."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from pipeline.config import InboxSettings
from pipeline.errors import ConfigError


@dataclass(frozen=True)
class Fetched:
    """A message's bytes; ``refused`` says why it was not read whole (then ``data`` is its header)."""

    data: bytes
    refused: str = ""


class MailSource(Protocol):
    name: str  # names the mailbox in the ledger: imap://user@host:port or maildir:/path

    def connect(self) -> None: ...

    def close(self) -> None: ...

    def select(self, folder: str) -> int:
        """Open ``folder`` for what follows; returns its UIDVALIDITY."""

    def waiting(self, since: date | None = None) -> list[str]:
        """UIDs of the open folder not marked taken (``since``: every message since that day)."""

    def fetch(self, uidvalidity: int, uid: str) -> Fetched | None:
        """The message, or None if it is gone (moved, deleted, or the folder renumbered)."""

    def mark_taken(self, uidvalidity: int, uid: str) -> None:
        """Flag it or move it to the done folder (``inbox.after``); nothing if it is gone."""

    def set_aside(self, uidvalidity: int, uid: str, note: bytes, note_key: str) -> None:
        """Move it to the needs-a-person folder with ``note`` beside it (once per ``note_key``)."""

    @property
    def can_idle(self) -> bool:
        """Whether ``idle`` can wait for news from the server (else the caller polls)."""

    def idle(self, seconds: float, stop: threading.Event) -> bool:
        """Wait on the open folder until a message arrives (True), ``seconds`` pass or ``stop``."""


def check(settings: InboxSettings) -> None:
    """Refuse settings that cannot work, naming the setting."""
    if settings.after not in ("flag", "move"):
        raise ConfigError(f"inbox.after is {settings.after!r}; use flag or move")
    if settings.security not in ("tls", "starttls", "none"):
        raise ConfigError(f"inbox.security is {settings.security!r}; use tls, starttls or none")
    if settings.security == "none" and settings.host not in ("", "localhost", "127.0.0.1", "::1"):
        raise ConfigError(
            f"inbox.security = none would send the password to {settings.host} unencrypted;"
            " use tls or starttls (none is for a server on this machine)"
        )
    if settings.poll_s <= 0 or settings.timeout_s <= 0:
        raise ConfigError("inbox.poll_s and inbox.timeout_s must be above 0")
    names = [*settings.folders, settings.done_folder, settings.needs_person_folder]
    if not all(name and name.isascii() and '"' not in name for name in names):
        raise ConfigError(f"inbox folder names must be ASCII without quotes: {names}")
