"""Mailbox intake against a real dovecot: messages appended over IMAP become finished jobs, once
each; copies are recognised; a UIDVALIDITY change re-processes nothing; a message that cannot be
processed goes to the needs-a-person folder with a note saying why."""

from __future__ import annotations

import email
import imaplib
import mailbox
import ssl
import threading
from collections.abc import Iterator
from dataclasses import replace
from email import policy
from pathlib import Path

import pytest

from pipeline.config import InboxSettings
from pipeline.inbox.claims import MailClaims
from pipeline.inbox.imap import ImapSource
from pipeline.inbox.intake import Intake
from pipeline.inbox.maildir import MaildirSource
from pipeline.inbox.watch import MailboxError, MailboxState, fetch_once, watch
from tests.conftest import Desk
from tests.mail_server import (
    MALFORMED,
    PASSWORD,
    Dovecot,
    dovecot,
    order_email,
    restart_dovecot,
    running_dovecot,
)
from tests.test_faults import wait_until

__all__ = ["dovecot"]  # the fixture, imported for these tests


def intake_for(desk: Desk, settings: InboxSettings) -> Intake:
    return Intake(desk.runner, ImapSource(settings, PASSWORD, desk.settings.intake))


def jobs_by_status(desk: Desk) -> dict[str, int]:
    counts: dict[str, int] = {}
    for job in desk.ledger.jobs(limit=1000):
        counts[job.status] = counts.get(job.status, 0) + 1
    return counts


def test_messages_appended_over_imap_become_finished_jobs_once(dovecot: Dovecot, desk: Desk) -> None:
    sent = [order_email(n) for n in range(3)]
    for data in sent:
        dovecot.append("INBOX", data)
    intake = intake_for(desk, dovecot.settings())

    tally = fetch_once(intake, ("INBOX",), None)
    again = fetch_once(intake, ("INBOX",), None)

    assert (tally.taken, tally.duplicates, tally.set_aside) == (3, 0, 0)
    assert (again.taken, again.duplicates, again.set_aside) == (0, 0, 0)
    assert jobs_by_status(desk) == {"done": 3}
    records = MailClaims(desk.ledger).records()
    assert [(r.folder, r.uid, r.status, r.outcome) for r in records] == [
        ("INBOX", str(uid), "finished", "job") for uid in (1, 2, 3)
    ]
    assert len({r.uidvalidity for r in records}) == 1 and records[0].uidvalidity > 0
    for record, data in zip(records, sent, strict=True):
        assert record.message_id and record.message_id.encode() in data
        job = desk.ledger.job(record.job_id)
        assert job.status == "done" and desk.ledger.input_data(record.job_id) == data
        assert job.filename == f"INBOX {record.uid} {record.subject}.eml"
        assert desk.runner.orders.for_content(job.content_hash) is not None
    assert dovecot.uids("INBOX", "KEYWORD", "$OrderDesk") == ["1", "2", "3"]


def test_after_move_the_taken_message_leaves_the_folder(dovecot: Dovecot, desk: Desk) -> None:
    dovecot.append("INBOX", order_email(7))
    tally = fetch_once(intake_for(desk, dovecot.settings(after="move")), ("INBOX",), None)
    assert tally.taken == 1
    assert dovecot.uids("INBOX") == []
    assert dovecot.uids("Order Desk", "KEYWORD", "$OrderDesk") == ["1"]


def test_a_malformed_message_goes_to_the_needs_a_person_folder_with_the_reason(
    dovecot: Dovecot, desk: Desk
) -> None:
    dovecot.append("INBOX", order_email(1))
    dovecot.append("INBOX", MALFORMED)
    dovecot.append("INBOX", order_email(2))

    tally = fetch_once(intake_for(desk, dovecot.settings()), ("INBOX",), None)

    assert (tally.taken, tally.set_aside) == (2, 1)
    assert "start boundary was never found" in tally.errors[0]
    assert dovecot.uids("INBOX") == ["1", "3"]  # the good ones stay, flagged
    aside = dovecot.messages("Needs a person")
    assert MALFORMED in aside  # the message itself, unchanged
    (raw,) = [message for message in aside if message != MALFORMED]
    note = email.message_from_bytes(raw, policy=policy.default)
    assert note["Subject"] == "Needs a person: broken order"
    assert note["In-Reply-To"] == "<broken-1@example.com>"
    assert "Why: cannot read INBOX 2 broken order.eml: malformed MIME message" in note.get_content()
    (record,) = [r for r in MailClaims(desk.ledger).records() if r.outcome == "needs_person"]
    assert record.status == "finished" and "start boundary was never found" in record.error
    assert desk.ledger.job(record.job_id).status == "failed"
    again = fetch_once(intake_for(desk, dovecot.settings()), ("INBOX",), None)
    assert (again.taken, again.set_aside) == (0, 0) and len(dovecot.messages("Needs a person")) == 2


def test_a_message_over_the_size_limit_is_set_aside_unread(dovecot: Dovecot, desk: Desk) -> None:
    dovecot.append("INBOX", order_email(1, lines=400))
    desk_settings = desk.settings.intake
    intake = Intake(
        desk.runner,
        ImapSource(dovecot.settings(), PASSWORD, type(desk_settings)(max_file_mb=0.01)),
    )
    tally = fetch_once(intake, ("INBOX",), None)
    assert tally.set_aside == 1 and "the limit is 0.01 MiB (intake.max_file_mb)" in tally.errors[0]
    assert desk.ledger.jobs() == []
    assert len(dovecot.messages("Needs a person")) == 2


def test_the_same_message_in_two_folders_or_sent_again_is_recognised(dovecot: Dovecot, desk: Desk) -> None:
    data = order_email(5)
    dovecot.append("INBOX", data)
    dovecot.append("Orders", data)  # delivered to two folders
    dovecot.append("INBOX", data)  # sent again, the same bytes
    relayed = data.replace(b"From:", b"Delivered-To: sales@desk.example\r\nFrom:", 1)
    dovecot.append("Orders", relayed)  # another copy: a trace header more, same Message-ID and body

    tally = fetch_once(intake_for(desk, dovecot.settings()), ("INBOX", "Orders"), None)

    assert (tally.taken, tally.duplicates) == (1, 3)
    assert jobs_by_status(desk) == {"done": 1}
    records = MailClaims(desk.ledger).records()
    assert len({r.job_id for r in records}) == 1 and len({r.fingerprint for r in records}) == 1
    assert sorted(r.outcome for r in records) == ["duplicate", "duplicate", "duplicate", "job"]
    assert dovecot.uids("INBOX", "UNKEYWORD", "$OrderDesk") == []
    assert dovecot.uids("Orders", "UNKEYWORD", "$OrderDesk") == []


def test_a_uidvalidity_change_reprocesses_nothing(dovecot: Dovecot, desk: Desk) -> None:
    old = [order_email(n) for n in range(2)]
    for data in old:
        dovecot.append("Orders", data)
    intake = intake_for(desk, dovecot.settings())
    assert fetch_once(intake, ("Orders",), None).taken == 2
    before = MailClaims(desk.ledger).records()[0].uidvalidity
    with dovecot.client() as client:  # the folder recreated: restored from a backup, numbered anew
        assert client.delete('"Orders"')[0] == "OK"
        assert client.create('"Orders"')[0] == "OK"
    for data in [*old, order_email(9)]:
        dovecot.append("Orders", data)

    tally = fetch_once(intake, ("Orders",), None)

    assert (tally.taken, tally.duplicates) == (1, 2)
    records = MailClaims(desk.ledger).records()
    assert len({r.uidvalidity for r in records}) == 2 and records[-1].uidvalidity != before
    assert jobs_by_status(desk) == {"done": 3}
    assert dovecot.uids("Orders", "UNKEYWORD", "$OrderDesk") == []


@pytest.fixture
def watching(dovecot: Dovecot, desk: Desk) -> Iterator[tuple[list[MailboxState], threading.Event]]:
    """``watch`` on INBOX in a thread (IDLE), stopped at the end; yields its states and the stop."""
    states: list[MailboxState] = []
    stop = threading.Event()
    intake = intake_for(desk, dovecot.settings(poll_s=120.0))
    thread = threading.Thread(target=watch, args=(intake, ("INBOX",), stop, 120.0, states.append))
    thread.start()
    yield states, stop
    stop.set()
    thread.join(30)
    assert not thread.is_alive()


def test_watch_idles_takes_each_new_message_and_stops_cleanly(
    dovecot: Dovecot, desk: Desk, watching: tuple[list[MailboxState], threading.Event]
) -> None:
    states, stop = watching
    wait_until(lambda: states and states[-1].state == "idle", "the watcher idling", timeout=60)
    for n in range(3):
        dovecot.append("INBOX", order_email(n))
        wait_until(lambda n=n: jobs_by_status(desk).get("done") == n + 1, f"message {n} done", timeout=60)
    wait_until(lambda: states[-1].state == "idle" and states[-1].tally.taken == 3, "idle again", timeout=60)
    stop.set()
    wait_until(lambda: states[-1].state == "stopped", "the watcher stopping", timeout=30)
    assert states[-1].tally.taken == 3 and "PO 00002" in states[-1].line()
    assert dovecot.uids("INBOX", "UNKEYWORD", "$OrderDesk") == []


def test_a_wrong_password_is_a_clear_error_without_the_password(dovecot: Dovecot, desk: Desk) -> None:
    source = ImapSource(dovecot.settings(), "not-the-password", desk.settings.intake)
    with pytest.raises(imaplib.IMAP4.abort, match=r"imap://desk@127\.0\.0\.1:\d+ refused the login") as error:
        source.connect()
    assert "not-the-password" not in str(error.value)


def test_watch_reconnects_after_the_server_restarts(
    dovecot: Dovecot, desk: Desk, watching: tuple[list[MailboxState], threading.Event]
) -> None:
    states, _ = watching
    wait_until(lambda: states and states[-1].state == "idle", "the watcher idling", timeout=60)
    restart_dovecot(dovecot)
    dovecot.append("INBOX", order_email(1))
    wait_until(
        lambda: jobs_by_status(desk).get("done") == 1, "the message taken after the restart", timeout=60
    )
    seen = [state.state for state in states]
    assert "disconnected" in seen and seen.index("disconnected") < len(seen) - 1
    lost = next(state for state in states if state.state == "disconnected")
    assert lost.error  # why, e.g. "the connection closed while idling"


@pytest.fixture
def dovecot_tls() -> Iterator[Dovecot]:
    """A dovecot offering IMAPS and STARTTLS with a self-signed certificate (``root/cert.pem``)."""
    with running_dovecot(tls=True) as server:
        yield server


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_tls_and_starttls_connect_checking_the_certificate(
    dovecot_tls: Dovecot, desk: Desk, security: str
) -> None:
    port = dovecot_tls.tls_port if security == "tls" else dovecot_tls.port
    trusted = dovecot_tls.settings(security=security, port=port, ca_file=str(dovecot_tls.root / "cert.pem"))
    dovecot_tls.append("INBOX", order_email(1))
    source = ImapSource(trusted, PASSWORD, desk.settings.intake)
    source.connect()
    assert isinstance(source.conn.socket(), ssl.SSLSocket)
    source.close()
    assert fetch_once(Intake(desk.runner, source), ("INBOX",), None).taken == 1

    untrusted = Intake(desk.runner, ImapSource(replace(trusted, ca_file=""), PASSWORD, desk.settings.intake))
    with pytest.raises(MailboxError, match="certificate verify failed"):
        fetch_once(untrusted, ("INBOX",), None)


def test_starttls_refused_by_the_server_is_a_clear_error(dovecot: Dovecot, desk: Desk) -> None:
    intake = Intake(
        desk.runner, ImapSource(dovecot.settings(security="starttls"), PASSWORD, desk.settings.intake)
    )
    with pytest.raises(MailboxError, match=r"imap://desk@127\.0\.0\.1:\d+: .* refused STARTTLS"):
        fetch_once(intake, ("INBOX",), None)


def test_a_message_read_from_imap_and_from_a_maildir_is_one_order(
    dovecot: Dovecot, desk: Desk, tmp_path: Path
) -> None:
    data = order_email(8)
    dovecot.append("INBOX", data)  # kept with CRLF line ends
    local = data.replace(b"\r\n", b"\n")  # as a local delivery agent writes it: LF line ends
    mailbox.Maildir(tmp_path / "mail", create=True).add(local)
    assert fetch_once(intake_for(desk, dovecot.settings()), ("INBOX",), None).taken == 1
    maildir = Intake(desk.runner, MaildirSource(InboxSettings(maildir=str(tmp_path / "mail"))))
    tally = fetch_once(maildir, ("INBOX",), None)
    assert (tally.taken, tally.duplicates) == (0, 1) and jobs_by_status(desk) == {"done": 1}
