"""The mailbox the settings name: a Maildir folder, else an IMAP server (one place that knows both)."""

from __future__ import annotations

from pipeline.config import InboxSettings, IntakeSettings
from pipeline.errors import ConfigError
from pipeline.inbox.imap import ImapSource, password_from_env
from pipeline.inbox.maildir import MaildirSource
from pipeline.inbox.source import MailSource, check


def open_source(
    settings: InboxSettings, password: str | None = None, limits: IntakeSettings | None = None
) -> MailSource:
    """The configured mailbox: the Maildir if one is named, else the IMAP server; ``limits`` (the
    settings' ``intake``) bound what one message may be."""
    check(settings)
    if settings.maildir:
        return MaildirSource(settings, limits)
    if not settings.host:
        raise ConfigError("no mailbox configured: set inbox.host (ORDERDESK_INBOX_HOST) or inbox.maildir")
    return ImapSource(settings, password if password is not None else password_from_env(settings), limits)
