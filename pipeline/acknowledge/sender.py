"""Send each approved order's acknowledgement (and each quoted request for quote's quotation)
once, over SMTP, and remember that it went.

As the ERP export does: a row per order is claimed before sending (one thread of one process
sends), the email is composed once and stored (a retry sends the same bytes, same Message-ID),
and success marks the row sent with an audit row on the order in one transaction. A crash after
the server took the email and before that record sends it again on the next run, under the same
Message-ID, which mail clients show once.

Which answer an order gets follows its kind (``compose.answer_kind``): a request for quote marked
``quoted`` gets a quotation; an order (a converted quote too) approved gets an acknowledgement.
Every method takes the order's id and acts on the answer its kind calls for.
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

from pipeline.acknowledge.compose import (
    ACKNOWLEDGEMENT,
    ANSWER_KINDS,
    QUOTATION,
    AnswerKind,
    acknowledgement,
    answer_kind,
    with_text,
)
from pipeline.config import AcknowledgeSettings
from pipeline.errors import ConfigError, OrderDeskError
from pipeline.events import utc_now
from pipeline.ledger import Ledger, from_row, process_alive
from pipeline.orders.store import OrderStore
from pipeline.secrets import read_secret

_DUE_STATUSES = tuple(sorted({status for kind in ANSWER_KINDS for status in kind.due}))
# The answer's kind for an orders row (``answer_kind`` in SQL), for ``waiting``'s join.
_ROW_KIND = (
    f"CASE WHEN json_extract(o.data_json, '$.header.kind') = 'quote' THEN '{QUOTATION.name}'"
    f" ELSE '{ACKNOWLEDGEMENT.name}' END"
)
# Two threads of one process (the server's mailbox watcher, a review page) never race for one
# order's claim: the second waits and then finds it sent. (Processes race through the claim.)
_SENDING = threading.Lock()


class AcknowledgeError(OrderDeskError):
    """The answer could not be sent (the SMTP server's answer says why); it is retried."""


@dataclass(frozen=True)
class Acknowledgement:
    order_id: str
    kind: str  # acknowledgement | quotation (``AnswerKind.name``)
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
    """Answers the orders that came from the mailbox (an acknowledgement once approved, a quotation
    once quoted), through one SMTP server."""

    def __init__(self, ledger: Ledger, settings: AcknowledgeSettings, password: str | None = None) -> None:
        if settings.security not in ("tls", "starttls", "none"):
            raise ConfigError(f"acknowledge.security is {settings.security!r}; use tls, starttls or none")
        if settings.security == "none" and settings.smtp_host not in ("localhost", "127.0.0.1", "::1"):
            raise ConfigError("acknowledge.security = none is only for an SMTP server on this machine")
        if not settings.from_address:
            raise ConfigError("acknowledge.from_address is empty: whom do customers answer?")
        if settings.quote_validity_days < 1:
            raise ConfigError("acknowledge.quote_validity_days must be at least 1")
        self.ledger = ledger
        self.settings = settings
        self.orders = OrderStore(ledger)
        self._password = password

    def __repr__(self) -> str:  # never the password
        return f"Acknowledger({self.settings.smtp_host})"

    def kind(self, order_id: str) -> AnswerKind:
        """The answer the order calls for, by its kind as it is now."""
        return answer_kind(self.orders.load(order_id).order.header.kind)

    def get(self, order_id: str) -> Acknowledgement | None:
        return self._get(order_id, self.kind(order_id))

    def _get(self, order_id: str, kind: AnswerKind) -> Acknowledgement | None:
        query = "SELECT * FROM acknowledgements WHERE order_id = ? AND kind = ?"
        row = self.ledger.connection().execute(query, (order_id, kind.name)).fetchone()
        return from_row(Acknowledgement, row) if row else None

    def from_mailbox(self, order_id: str) -> bool:
        """Whether the order was made from a mailbox message (so it has a sender to answer)."""
        query = (
            "SELECT 1 FROM orders o JOIN mail_messages m ON m.job_id = o.job_id AND m.outcome = 'job'"
            " WHERE o.order_id = ? LIMIT 1"
        )
        return self.ledger.connection().execute(query, (order_id,)).fetchone() is not None

    def waiting(self) -> list[str]:
        """Orders from the mailbox whose answer is due (approved or exported orders, quoted
        requests for quote) and not yet sent."""
        rows = (
            self.ledger.connection()
            .execute(
                f"SELECT o.order_id, o.status, {_ROW_KIND} AS kind FROM orders o"
                " JOIN mail_messages m ON m.job_id = o.job_id AND m.outcome = 'job'"
                f" LEFT JOIN acknowledgements a ON a.order_id = o.order_id AND a.kind = {_ROW_KIND}"
                f" WHERE o.status IN {_DUE_STATUSES}"
                " AND COALESCE(a.status, 'pending') NOT IN ('sent', 'held')"
                " GROUP BY o.order_id ORDER BY MIN(o.updated_at)"
            )
            .fetchall()
        )
        due = {kind.name: kind.due for kind in ANSWER_KINDS}
        return [row["order_id"] for row in rows if row["status"] in due[row["kind"]]]

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
        """Send one order's answer (a no-op returning the record once it was sent)."""
        record = self._send(order_id, actor) or self.get(order_id)
        assert record is not None  # sent before, so recorded
        return record

    def _send(self, order_id: str, actor: str) -> Acknowledgement | None:
        """Send it now; None if it had been sent already."""
        with _SENDING:
            return self._send_claimed(order_id, self.kind(order_id), actor)

    def _send_claimed(self, order_id: str, kind: AnswerKind, actor: str) -> Acknowledgement | None:
        claimed = self._claim(order_id, kind)
        if claimed.status == "sent":
            return None
        try:
            self._deliver(claimed)
        except (OSError, smtplib.SMTPException) as error:
            self._failed(claimed, str(error) or type(error).__name__)
            raise AcknowledgeError(f"{self.settings.smtp_host} did not take it: {error}") from error
        except BaseException as error:
            self._failed(claimed, str(error) or type(error).__name__)
            raise
        return self._sent(order_id, kind, actor)

    def preview(self, order_id: str) -> tuple[Acknowledgement, str]:
        """The answer as it will go (composed from the order as it is now, unless the desk put its
        own text in or a send was tried), and its text."""
        record = self._current(order_id, self.kind(order_id))
        return record, _text(self._message(record))

    def hold(self, order_id: str, *, actor: str, comment: str = "") -> Acknowledgement:
        """Keep it from being sent until ``release``; the audit trail says who and why."""
        return self._desk_change(order_id, actor, "hold", "held", comment=comment)

    def release(self, order_id: str, *, actor: str) -> Acknowledgement:
        return self._desk_change(order_id, actor, "release", "pending")

    def edit(self, order_id: str, text: str, *, actor: str) -> Acknowledgement:
        """The desk's own text for it (same headers, same Message-ID); held ones stay held."""
        return self._desk_change(order_id, actor, "edit", None, text=text)

    def _desk_change(
        self, order_id: str, actor: str, verb: str, status: str | None, *, text: str = "", comment: str = ""
    ) -> Acknowledgement:
        """``verb`` (hold, release, edit) audited as ``<verb>_<kind>``, e.g. ``hold_quotation``."""
        kind = self.kind(order_id)
        current = self._current(order_id, kind)
        if current.status in ("sent", "sending"):
            raise AcknowledgeError(f"the {kind.name} of {order_id} is {current.status}; it cannot change")
        data = self._stored(current)
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE acknowledgements SET status = ?, message = ?, updated_at = ?"
                " WHERE order_id = ? AND kind = ?",
                (
                    status or current.status,
                    with_text(data, text) if text else data,
                    utc_now().isoformat(),
                    order_id,
                    kind.name,
                ),
            )
            stored = self.orders.load(order_id)
            after = {kind.name: status or current.status} | ({"text": text} if text else {})
            self.orders.write(stored, actor=actor, action=f"{verb}_{kind.name}", after=after, comment=comment)
        changed = self._get(order_id, kind)
        assert changed is not None
        return changed

    def _stored(self, record: Acknowledgement) -> bytes:
        query = "SELECT message FROM acknowledgements WHERE order_id = ? AND kind = ?"
        row = self.ledger.connection().execute(query, (record.order_id, record.kind)).fetchone()
        return bytes(row["message"])

    def _message(self, record: Acknowledgement) -> EmailMessage:
        message = email.message_from_bytes(self._stored(record), policy=policy.default)
        assert isinstance(message, EmailMessage)
        return message

    def _claim(self, order_id: str, kind: AnswerKind) -> Acknowledgement:
        current = self._current(order_id, kind)
        if current.status == "sent":
            return current
        if current.status == "held":
            raise AcknowledgeError(f"the desk holds the {kind.name} of {order_id}; release it to send it")
        if current.status == "sending" and process_alive(self._owner(current)):
            raise AcknowledgeError(f"the {kind.name} of {order_id} is being sent; try again later")
        with self.ledger.transaction() as connection:
            won = connection.execute(
                "UPDATE acknowledgements SET status = 'sending', owner_pid = ?, attempts = attempts + 1,"
                " updated_at = ? WHERE order_id = ? AND kind = ? AND status = ? AND attempts = ?",
                (os.getpid(), utc_now().isoformat(), order_id, kind.name, current.status, current.attempts),
            ).rowcount
        if not won:
            return self._claim(order_id, kind)
        return replace(current, status="sending", attempts=current.attempts + 1)

    def _current(self, order_id: str, kind: AnswerKind) -> Acknowledgement:
        """The stored answer, composed again if the order changed since (a reviewer's edit after a
        preview) while it is only a draft: never tried, never the desk's text."""
        record = self._get(order_id, kind)
        if record is None:
            return self._create(order_id, kind)
        if record.attempts or record.status not in ("pending", "held") or self._edited(order_id, kind):
            return record
        fresh, _ = self._compose(order_id, kind)
        if _text(fresh) != _text(self._message(record)):
            del fresh["Message-ID"]  # the same email, still (replace_header would fold it)
            fresh["Message-ID"] = record.message_id
            with self.ledger.transaction() as connection:
                connection.execute(
                    "UPDATE acknowledgements SET message = ?, updated_at = ? WHERE order_id = ? AND kind = ?"
                    " AND attempts = 0 AND status IN ('pending', 'held')",
                    (fresh.as_bytes(), utc_now().isoformat(), order_id, kind.name),
                )
        return record

    def _edited(self, order_id: str, kind: AnswerKind) -> bool:
        return any(entry.action == f"edit_{kind.name}" for entry in self.orders.audit(order_id))

    def _compose(self, order_id: str, kind: AnswerKind) -> tuple[EmailMessage, str]:
        stored = self.orders.load(order_id)
        original = email.message_from_bytes(self.ledger.input_data(stored.job_id), policy=policy.default)
        assert isinstance(original, EmailMessage)
        return acknowledgement(stored.order, original, self.settings, kind)

    def _create(self, order_id: str, kind: AnswerKind) -> Acknowledgement:
        message, recipient = self._compose(order_id, kind)
        now = utc_now().isoformat()
        with self.ledger.transaction() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO acknowledgements (order_id, kind, message_id, recipient, status,"
                " message, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)",
                (order_id, kind.name, message["Message-ID"], recipient, message.as_bytes(), now, now),
            )
        created = self._get(order_id, kind)
        assert created is not None
        return created

    def _owner(self, record: Acknowledgement) -> int | None:
        query = "SELECT owner_pid FROM acknowledgements WHERE order_id = ? AND kind = ?"
        row = self.ledger.connection().execute(query, (record.order_id, record.kind)).fetchone()
        return row["owner_pid"] if row else None

    def _deliver(self, record: Acknowledgement) -> None:
        data = self._stored(record)
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

    def _failed(self, record: Acknowledgement, error: str) -> None:
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE acknowledgements SET status = 'failed', error = ?, owner_pid = NULL, updated_at = ?"
                " WHERE order_id = ? AND kind = ?",
                (error, utc_now().isoformat(), record.order_id, record.kind),
            )

    def _sent(self, order_id: str, kind: AnswerKind, actor: str) -> Acknowledgement:
        now = utc_now().isoformat()
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE acknowledgements SET status = 'sent', error = NULL, owner_pid = NULL, updated_at = ?,"
                " sent_at = ? WHERE order_id = ? AND kind = ?",
                (now, now, order_id, kind.name),
            )
            record = self._get(order_id, kind)
            assert record is not None
            stored = self.orders.load(order_id)
            self.orders.write(
                stored,
                actor=actor,
                action=kind.sent_action,
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
