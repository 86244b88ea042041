"""Send each approved order's acknowledgement once, over SMTP, and remember that it went.

As the ERP export does: a row per order is claimed before sending (one thread of one process
sends), the email is composed once and stored (a retry sends the same bytes, same Message-ID),
and success marks the row sent with an audit row on the order in one transaction. A crash after
the server took the email and before that record sends it again on the next run, under the same
Message-ID, which mail clients show once.
"""

from __future__ import annotations

import email
import os
import smtplib
import ssl
import threading
from dataclasses import dataclass, replace
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr

from pipeline.acknowledge.compose import acknowledgement, with_text
from pipeline.config import AcknowledgeSettings
from pipeline.errors import ConfigError, OrderDeskError
from pipeline.events import utc_now
from pipeline.ledger import Ledger, from_row, process_alive
from pipeline.orders.store import OrderStore
from pipeline.secrets import read_secret

ACKNOWLEDGED_STATUSES = ("approved", "auto_approved", "exported")
# Two threads of one process (the server's mailbox watcher, a review page) never race for one
# order's claim: the second waits and then finds it sent. (Processes race through the claim.)
_SENDING = threading.Lock()


class AcknowledgeError(OrderDeskError):
    """The acknowledgement could not be sent (the SMTP server's answer says why); it is retried."""


@dataclass(frozen=True)
class Acknowledgement:
    order_id: str
    message_id: str
    recipient: str
    status: str  # pending | held | sending | sent | failed
    attempts: int
    error: str | None
    created_at: str
    updated_at: str
    sent_at: str | None


def smtp_password(settings: AcknowledgeSettings) -> str | None:
    """``ORDERDESK_ACKNOWLEDGE_PASSWORD``, else ``password_file``'s first line; None without a user."""
    if not settings.user:
        return None
    return read_secret("ORDERDESK_ACKNOWLEDGE_PASSWORD", settings.password_file, "acknowledge.password_file")


class Acknowledger:
    """Acknowledges approved orders that came from the mailbox, through one SMTP server."""

    def __init__(self, ledger: Ledger, settings: AcknowledgeSettings, password: str | None = None) -> None:
        if settings.security not in ("tls", "starttls", "none"):
            raise ConfigError(f"acknowledge.security is {settings.security!r}; use tls, starttls or none")
        if settings.security == "none" and settings.smtp_host not in ("localhost", "127.0.0.1", "::1"):
            raise ConfigError("acknowledge.security = none is only for an SMTP server on this machine")
        if not settings.from_address:
            raise ConfigError("acknowledge.from_address is empty: whom do customers answer?")
        self.ledger = ledger
        self.settings = settings
        self.orders = OrderStore(ledger)
        self._password = password

    def __repr__(self) -> str:  # never the password
        return f"Acknowledger({self.settings.smtp_host})"

    def get(self, order_id: str) -> Acknowledgement | None:
        row = (
            self.ledger.connection()
            .execute("SELECT * FROM acknowledgements WHERE order_id = ?", (order_id,))
            .fetchone()
        )
        return from_row(Acknowledgement, row) if row else None

    def from_mailbox(self, order_id: str) -> bool:
        """Whether the order was made from a mailbox message (so it has a sender to answer)."""
        query = (
            "SELECT 1 FROM orders o JOIN mail_messages m ON m.job_id = o.job_id AND m.outcome = 'job'"
            " WHERE o.order_id = ? LIMIT 1"
        )
        return self.ledger.connection().execute(query, (order_id,)).fetchone() is not None

    def waiting(self) -> list[str]:
        """Orders from the mailbox that are approved (or exported) and not yet acknowledged."""
        rows = (
            self.ledger.connection()
            .execute(
                "SELECT o.order_id FROM orders o"
                " JOIN mail_messages m ON m.job_id = o.job_id AND m.outcome = 'job'"
                " LEFT JOIN acknowledgements a ON a.order_id = o.order_id"
                f" WHERE o.status IN {ACKNOWLEDGED_STATUSES}"
                " AND COALESCE(a.status, 'pending') NOT IN ('sent', 'held')"
                " GROUP BY o.order_id ORDER BY MIN(o.updated_at)"
            )
            .fetchall()
        )
        return [row["order_id"] for row in rows]

    def send_waiting(self, *, actor: str) -> tuple[list[Acknowledgement], list[str]]:
        """Send every waiting acknowledgement; returns those this call sent (not those another
        sender sent meanwhile) and one error per failure."""
        sent, errors = [], []
        for order_id in self.waiting():
            try:
                if (record := self._send(order_id, actor)) is not None:
                    sent.append(record)
            except OrderDeskError as error:
                errors.append(f"{order_id}: {error}")
        return sent, errors

    def send(self, order_id: str, *, actor: str) -> Acknowledgement:
        """Send one order's acknowledgement (a no-op returning the record once it was sent)."""
        record = self._send(order_id, actor) or self.get(order_id)
        assert record is not None  # sent before, so recorded
        return record

    def _send(self, order_id: str, actor: str) -> Acknowledgement | None:
        """Send it now; None if it had been sent already."""
        with _SENDING:
            return self._send_claimed(order_id, actor)

    def _send_claimed(self, order_id: str, actor: str) -> Acknowledgement | None:
        claimed = self._claim(order_id)
        if claimed.status == "sent":
            return None
        try:
            self._deliver(claimed)
        except (OSError, smtplib.SMTPException) as error:
            self._failed(order_id, str(error) or type(error).__name__)
            raise AcknowledgeError(f"{self.settings.smtp_host} did not take it: {error}") from error
        except BaseException as error:
            self._failed(order_id, str(error) or type(error).__name__)
            raise
        return self._sent(order_id, actor)

    def preview(self, order_id: str) -> tuple[Acknowledgement, str]:
        """The acknowledgement as it will go (composed from the order as it is now, unless the desk
        put its own text in or a send was tried), and its text."""
        record = self._current(order_id)
        return record, _text(self._message(order_id))

    def hold(self, order_id: str, *, actor: str, comment: str = "") -> Acknowledgement:
        """Keep it from being sent until ``release``; the audit trail says who and why."""
        return self._desk_change(order_id, actor, "hold_acknowledgement", "held", comment=comment)

    def release(self, order_id: str, *, actor: str) -> Acknowledgement:
        return self._desk_change(order_id, actor, "release_acknowledgement", "pending")

    def edit(self, order_id: str, text: str, *, actor: str) -> Acknowledgement:
        """The desk's own text for it (same headers, same Message-ID); held ones stay held."""
        return self._desk_change(order_id, actor, "edit_acknowledgement", None, text=text)

    def _desk_change(
        self, order_id: str, actor: str, action: str, status: str | None, *, text: str = "", comment: str = ""
    ) -> Acknowledgement:
        current = self._current(order_id)
        if current.status in ("sent", "sending"):
            raise AcknowledgeError(f"the acknowledgement of {order_id} is {current.status}; it cannot change")
        data = self._stored(order_id)
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE acknowledgements SET status = ?, message = ?, updated_at = ? WHERE order_id = ?",
                (
                    status or current.status,
                    with_text(data, text) if text else data,
                    utc_now().isoformat(),
                    order_id,
                ),
            )
            stored = self.orders.load(order_id)
            after = {"acknowledgement": status or current.status} | ({"text": text} if text else {})
            self.orders.write(stored, actor=actor, action=action, after=after, comment=comment)
        changed = self.get(order_id)
        assert changed is not None
        return changed

    def _stored(self, order_id: str) -> bytes:
        query = "SELECT message FROM acknowledgements WHERE order_id = ?"
        return bytes(self.ledger.connection().execute(query, (order_id,)).fetchone()["message"])

    def _message(self, order_id: str) -> EmailMessage:
        message = email.message_from_bytes(self._stored(order_id), policy=policy.default)
        assert isinstance(message, EmailMessage)
        return message

    def _claim(self, order_id: str) -> Acknowledgement:
        current = self._current(order_id)
        if current.status == "sent":
            return current
        if current.status == "held":
            raise AcknowledgeError(f"the desk holds the acknowledgement of {order_id}; release it to send it")
        if current.status == "sending" and process_alive(self._owner(order_id)):
            raise AcknowledgeError(f"the acknowledgement of {order_id} is being sent; try again later")
        with self.ledger.transaction() as connection:
            won = connection.execute(
                "UPDATE acknowledgements SET status = 'sending', owner_pid = ?, attempts = attempts + 1,"
                " updated_at = ? WHERE order_id = ? AND status = ? AND attempts = ?",
                (os.getpid(), utc_now().isoformat(), order_id, current.status, current.attempts),
            ).rowcount
        if not won:
            return self._claim(order_id)
        return replace(current, status="sending", attempts=current.attempts + 1)

    def _current(self, order_id: str) -> Acknowledgement:
        """The stored acknowledgement, composed again if the order changed since (a reviewer's
        edit after a preview) while it is only a draft: never tried, never the desk's text."""
        record = self.get(order_id)
        if record is None:
            return self._create(order_id)
        if record.attempts or record.status not in ("pending", "held") or self._edited(order_id):
            return record
        fresh, _ = self._compose(order_id)
        if _text(fresh) != _text(self._message(order_id)):
            del fresh["Message-ID"]  # the same email, still (replace_header would fold it)
            fresh["Message-ID"] = record.message_id
            with self.ledger.transaction() as connection:
                connection.execute(
                    "UPDATE acknowledgements SET message = ?, updated_at = ? WHERE order_id = ?"
                    " AND attempts = 0 AND status IN ('pending', 'held')",
                    (fresh.as_bytes(), utc_now().isoformat(), order_id),
                )
        return record

    def _edited(self, order_id: str) -> bool:
        return any(entry.action == "edit_acknowledgement" for entry in self.orders.audit(order_id))

    def _compose(self, order_id: str) -> tuple[EmailMessage, str]:
        stored = self.orders.load(order_id)
        original = email.message_from_bytes(self.ledger.input_data(stored.job_id), policy=policy.default)
        assert isinstance(original, EmailMessage)
        return acknowledgement(stored.order, original, self.settings)

    def _create(self, order_id: str) -> Acknowledgement:
        message, recipient = self._compose(order_id)
        now = utc_now().isoformat()
        with self.ledger.transaction() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO acknowledgements (order_id, message_id, recipient, status, message,"
                " created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
                (order_id, message["Message-ID"], recipient, message.as_bytes(), now, now),
            )
        created = self.get(order_id)
        assert created is not None
        return created

    def _owner(self, order_id: str) -> int | None:
        query = "SELECT owner_pid FROM acknowledgements WHERE order_id = ?"
        row = self.ledger.connection().execute(query, (order_id,)).fetchone()
        return row["owner_pid"] if row else None

    def _deliver(self, record: Acknowledgement) -> None:
        data = self._stored(record.order_id)
        settings, context = self.settings, ssl.create_default_context()
        port = settings.smtp_port or {"tls": 465, "starttls": 587}.get(settings.security, 25)
        kind = smtplib.SMTP_SSL if settings.security == "tls" else smtplib.SMTP
        extra = {"context": context} if settings.security == "tls" else {}
        with kind(settings.smtp_host, port, timeout=settings.timeout_s, **extra) as smtp:
            if settings.security == "starttls":
                smtp.starttls(context=context)
            if settings.user:
                smtp.login(settings.user, self._password or "")
            smtp.sendmail(_address(settings.from_address), [record.recipient], data)

    def _failed(self, order_id: str, error: str) -> None:
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE acknowledgements SET status = 'failed', error = ?, owner_pid = NULL, updated_at = ?"
                " WHERE order_id = ?",
                (error, utc_now().isoformat(), order_id),
            )

    def _sent(self, order_id: str, actor: str) -> Acknowledgement:
        now = utc_now().isoformat()
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE acknowledgements SET status = 'sent', error = NULL, owner_pid = NULL, updated_at = ?,"
                " sent_at = ? WHERE order_id = ?",
                (now, now, order_id),
            )
            record = self.get(order_id)
            assert record is not None
            stored = self.orders.load(order_id)
            self.orders.write(
                stored,
                actor=actor,
                action="acknowledge",
                after={"to": record.recipient, "message_id": record.message_id},
            )
        return record


def _text(message: EmailMessage) -> str:
    """The plain-text body, with line ends as the desk writes them (stored as SMTP sends them)."""
    body = message.get_body(("plain",))
    assert isinstance(body, EmailMessage)
    return str(body.get_content()).replace("\r\n", "\n")


def _address(header: str) -> str:
    return parseaddr(header)[1] or header
