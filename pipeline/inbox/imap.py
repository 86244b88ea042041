"""An IMAP mailbox through the standard library's ``imaplib``: TLS or STARTTLS, one folder at a
time, messages addressed by UID, IDLE where the server offers it (``idle.py``)."""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
import threading
from datetime import date

from pipeline.config import InboxSettings, IntakeSettings, Settings
from pipeline.errors import ConfigError, IngestError
from pipeline.inbox.idle import idle
from pipeline.inbox.source import Fetched
from pipeline.ingest.limits import check_size
from pipeline.secrets import read_secret

_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def password_from_env(settings: InboxSettings) -> str:
    """``ORDERDESK_INBOX_PASSWORD``, else the first line of ``inbox.password_file``."""
    return read_secret("ORDERDESK_INBOX_PASSWORD", settings.password_file, "inbox.password_file")


def _drop(conn: imaplib.IMAP4) -> None:
    """Close a connection that may be half open (a failed TLS handshake leaves its socket closed)."""
    with contextlib.suppress(OSError):
        conn.shutdown()


def quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\") + '"'


class ImapSource:
    """One IMAP account; ``connect`` (again) after any ``imaplib.IMAP4.abort`` or ``OSError``."""

    def __init__(self, settings: InboxSettings, password: str, limits: IntakeSettings | None = None) -> None:
        self.settings = settings
        self.limits = limits or Settings.from_env().intake
        self.port = settings.port or (993 if settings.security == "tls" else 143)
        self.name = f"imap://{settings.user}@{settings.host}:{self.port}"
        self._password = password
        self._conn: imaplib.IMAP4 | None = None
        self._uidvalidity = 0
        self._folder = "INBOX"

    def __repr__(self) -> str:  # never the password
        return f"ImapSource({self.name})"

    @property
    def conn(self) -> imaplib.IMAP4:
        if self._conn is None:
            raise imaplib.IMAP4.abort(f"not connected to {self.name}")
        return self._conn

    def connect(self) -> None:
        self.close()
        settings, timeout = self.settings, self.settings.timeout_s
        context = ssl.create_default_context(cafile=settings.ca_file or None)
        if settings.security == "tls":
            conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                settings.host, self.port, ssl_context=context, timeout=timeout
            )
        else:
            conn = imaplib.IMAP4(settings.host, self.port, timeout=timeout)
        step = "STARTTLS"
        try:
            if settings.security == "starttls":
                conn.starttls(ssl_context=context)
            step = "the login"
            conn.login(settings.user, self._password)
        except imaplib.IMAP4.error as error:
            _drop(conn)
            raise imaplib.IMAP4.abort(f"{self.name} refused {step}: {error}") from None
        except BaseException:
            _drop(conn)
            raise
        self._conn = conn
        folders = [self.settings.needs_person_folder] + [self.settings.done_folder] * (
            settings.after == "move"
        )
        for folder in folders:
            if folder != "INBOX":
                conn.create(quoted(folder))  # NO when it exists: nothing to do

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.logout()
            except (imaplib.IMAP4.error, OSError):
                _drop(self._conn)
            self._conn = None

    def select(self, folder: str) -> int:
        self._ok(self.conn.select(quoted(folder)), f"open folder {folder}")
        self._folder = folder
        _, values = self.conn.response("UIDVALIDITY")
        self._uidvalidity = int(values[0]) if values and values[0] else 0
        _, permanent = self.conn.response("PERMANENTFLAGS")
        allowed = b" ".join(part for part in permanent if isinstance(part, bytes))
        if (
            permanent
            and b"\\*" not in allowed
            and self.settings.flag.encode() not in allowed.strip(b"()").split()
        ):
            raise ConfigError(
                f"{self.name} does not keep the keyword {self.settings.flag} in {folder}:"
                " set inbox.after = move (or an inbox.flag it allows)"
            )
        return self._uidvalidity

    def waiting(self, since: date | None = None) -> list[str]:
        if since is None:
            criteria = ("UNKEYWORD", self.settings.flag)
        else:
            criteria = ("SINCE", f"{since.day}-{_MONTHS[since.month - 1]}-{since.year}")
        found = self._ok(self.conn.uid("SEARCH", *criteria), "search the folder")
        return [uid.decode() for uid in b" ".join(part for part in found if part).split()]

    def fetch(self, uidvalidity: int, uid: str) -> Fetched | None:
        if uidvalidity != self._uidvalidity:
            return None
        sized = self._ok(self.conn.uid("FETCH", uid, "(RFC822.SIZE)"), f"read message {uid}")
        size = _SIZE.search(b" ".join(part for part in sized if isinstance(part, bytes)))
        if size is None:
            return None  # no such UID any more
        try:
            check_size(f"message UID {uid}", int(size.group(1)), self.limits)
        except IngestError as error:
            return Fetched(self._body(uid, "BODY.PEEK[HEADER]"), refused=str(error))
        return Fetched(self._body(uid, "BODY.PEEK[]"))

    def _body(self, uid: str, part: str) -> bytes:
        fetched = self._ok(self.conn.uid("FETCH", uid, f"({part})"), f"read message {uid}")
        for item in fetched:  # unsolicited FETCH answers about other messages may come along
            if isinstance(item, tuple) and re.search(rb"\bUID %s\b" % uid.encode(), item[0]):
                return bytes(item[1])
        raise imaplib.IMAP4.abort(f"{self.name} sent no body for UID {uid}")

    def mark_taken(self, uidvalidity: int, uid: str) -> None:
        if uidvalidity != self._uidvalidity:
            return
        self._ok(self.conn.uid("STORE", uid, "+FLAGS", f"({self.settings.flag})"), f"flag message {uid}")
        if self.settings.after == "move":
            self._move(uid, self.settings.done_folder)

    def set_aside(self, uidvalidity: int, uid: str, note: bytes, note_key: str) -> None:
        if uidvalidity != self._uidvalidity:
            return
        folder = self.settings.needs_person_folder
        if not self._has_note(folder, note_key):
            self._ok(self.conn.append(quoted(folder), None, None, note), f"add a note to {folder}")
        if self._uidvalidity == uidvalidity:  # the folder was opened again: is it still numbered so?
            self._move(uid, folder)

    def _has_note(self, folder: str, note_key: str) -> bool:
        """Whether the note is already there (added before a crash); the open folder is reopened."""
        self._ok(self.conn.select(quoted(folder), readonly=True), f"look into {folder}")
        try:
            found = self._ok(
                self.conn.uid("SEARCH", "HEADER", "X-Order-Desk-Note-For", note_key), f"search {folder}"
            )
        finally:
            self.select(self._folder)
        return any(part and part.split() for part in found)

    def _move(self, uid: str, folder: str) -> None:
        if "MOVE" in self.conn.capabilities:
            self._ok(self.conn.uid("MOVE", uid, quoted(folder)), f"move message {uid} to {folder}")
            return
        self._ok(self.conn.uid("COPY", uid, quoted(folder)), f"copy message {uid} to {folder}")
        self._ok(self.conn.uid("STORE", uid, "+FLAGS", "(\\Deleted)"), f"remove message {uid}")
        expunge = ("EXPUNGE", uid) if "UIDPLUS" in self.conn.capabilities else None
        self._ok(self.conn.uid(*expunge) if expunge else self.conn.expunge(), "expunge")

    @property
    def can_idle(self) -> bool:
        return self.settings.idle and "IDLE" in self.conn.capabilities

    def idle(self, seconds: float, stop: threading.Event) -> bool:
        return idle(self.conn, seconds, stop, self.settings.timeout_s)

    def _ok(self, answer: tuple[str, list], what: str) -> list:
        status, data = answer
        if status != "OK":
            detail = b" ".join(part for part in data if isinstance(part, bytes)).decode(errors="replace")
            raise imaplib.IMAP4.error(f"{self.name}: cannot {what}: {status} {detail}".strip())
        return data
