"""Mailbox settings that cannot work are refused naming the setting; the password comes from the
environment or a file and never shows in a repr or a message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.config import InboxSettings
from pipeline.errors import ConfigError
from pipeline.inbox.imap import ImapSource, password_from_env
from pipeline.inbox.mailbox import open_source


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"after": "delete"}, "inbox.after is 'delete'; use flag or move"),
        ({"security": "ssl"}, "inbox.security is 'ssl'"),
        ({"security": "none"}, "would send the password to mail.example.com unencrypted"),
        ({"poll_s": 0.0}, "inbox.poll_s and inbox.timeout_s must be above 0"),
        ({"needs_person_folder": "Zur Prüfung"}, "folder names must be ASCII"),
        ({"host": ""}, "no mailbox configured: set inbox.host"),
    ],
)
def test_settings_that_cannot_work_are_refused_by_name(changes: dict, message: str) -> None:
    settings = InboxSettings(**({"host": "mail.example.com", "user": "desk"} | changes))
    with pytest.raises(ConfigError, match=re.escape(message)):
        open_source(settings, password="pw")


def test_the_password_comes_from_the_environment_or_a_file_and_is_never_shown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("ORDERDESK_INBOX_PASSWORD", raising=False)
    settings = InboxSettings(host="mail.example.com", user="desk")
    with pytest.raises(ConfigError, match=re.escape("set ORDERDESK_INBOX_PASSWORD or inbox.password_file")):
        password_from_env(settings)
    (tmp_path / "secret").write_text("from-the-file\n")
    from_file = InboxSettings(host="mail.example.com", user="desk", password_file=str(tmp_path / "secret"))
    assert password_from_env(from_file) == "from-the-file"
    monkeypatch.setenv("ORDERDESK_INBOX_PASSWORD", "from-the-env")
    assert password_from_env(from_file) == "from-the-env"
    source = open_source(from_file)
    assert isinstance(source, ImapSource) and source.name == "imap://desk@mail.example.com:993"
    assert "from-the" not in repr(source) + repr(from_file) + str(vars(from_file))
