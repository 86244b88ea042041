"""The server's mailbox watcher (``dashboard.mailbox``) on a real dovecot, in this process: it
runs each message through the job service, so a page's job list follows it like an upload; the
Mailbox view shows its state with every email text escaped; it stops when asked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard import mailbox
from dashboard.components.mailbox_view import mailbox_html, mailbox_summary_html
from dashboard.jobs import JobService
from dashboard.mailbox_status import MailboxRow, MailboxStatus
from dashboard.mailbox_store import MailboxStore
from dashboard.store import DeskStore
from pipeline.config import Settings
from pipeline.context import open_runner
from pipeline.errors import OrderDeskError
from pipeline.inbox.claims import MailClaims
from tests.mail_server import MALFORMED, PASSWORD, Dovecot, dovecot, order_email
from tests.test_faults import wait_until

__all__ = ["dovecot"]


def test_mail_runs_through_the_job_service_and_the_watcher_stops_with_the_server(
    dovecot: Dovecot, desk_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORDERDESK_INBOX_PASSWORD", PASSWORD)
    service = JobService(open_runner(replace(desk_settings, inbox=dovecot.settings())))
    page = DeskStore(service=service)  # a page's job list, following the service
    watching = mailbox.start(service)
    try:
        with pytest.raises(OrderDeskError, match="already running"):
            mailbox.start(service)
        dovecot.append("INBOX", order_email(41))
        dovecot.append("INBOX", MALFORMED)
        wait_until(lambda: any(row.status == "done" for row in page.jobs.values()), "the job listed done", 60)
        wait_until(
            lambda: len(MailClaims(service.runner.ledger).set_aside()) == 1, "the bad one set aside", 60
        )
        status = MailboxStore(ledger=service.runner.ledger).status
    finally:
        mailbox.stop()
        service.close()

    assert watching.watcher is not None and not watching.watcher.running
    assert watching.watcher.state.state == "stopped" and mailbox.watching().watcher is None
    done, failed = sorted(page.jobs.values(), key=lambda row: row.status)
    assert (done.status, failed.status) == ("done", "failed")  # the bad one's job says why it failed
    assert done.filename.startswith("INBOX 1 PO 00041") and done.lines == 3
    (shown,) = status.mailboxes
    assert shown.mailbox == watching.watcher.name and (shown.taken, shown.needs_person) == (1, 1)
    (person,) = status.needs_person
    assert person.subject == "broken order" and "malformed MIME message" in (person.error or "")


def test_every_text_from_an_email_or_a_server_is_escaped() -> None:
    hostile = "<img src=x onerror=alert(1)>"
    row = MailboxRow(
        mailbox=f"imap://{hostile}",
        state="disconnected",
        connected=False,
        waiting=2,
        last_at="2026-01-02T03:04:05+00:00",
        last_subject=hostile,
        taken=1,
        duplicates=0,
        needs_person=1,
        acknowledged=0,
        error=hostile,
        recent_errors=[hostile],
    )
    status = MailboxStatus(configured=True, problem=hostile, mailboxes=[row], needs_person=[])

    for html in (mailbox_html(status), mailbox_summary_html(status)):
        assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'data-state="disconnected"' in mailbox_summary_html(status)
    assert "2 waiting" in mailbox_summary_html(status) and "1 need a person" in mailbox_summary_html(status)


def test_without_a_mailbox_the_process_page_says_nothing_and_the_mailbox_page_says_how() -> None:
    status = MailboxStatus(configured=False, problem="", mailboxes=[], needs_person=[])
    assert mailbox_summary_html(status) == ""
    assert "ORDERDESK_INBOX_HOST" in mailbox_html(status)


def test_a_crashed_watcher_is_shown_with_why() -> None:
    row = MailboxRow(
        mailbox="imap://desk@mail.example",
        state="crashed",
        connected=False,
        waiting=0,
        last_at="",
        last_subject="",
        taken=0,
        duplicates=0,
        needs_person=0,
        acknowledged=0,
        error="RuntimeError: boom; trying again in 2 s",
        crashes=2,
    )
    html = mailbox_html(MailboxStatus(configured=True, problem="", mailboxes=[row], needs_person=[]))
    assert "stopped on an error, trying again" in html and "RuntimeError: boom; trying again in 2 s" in html
    assert "stopped on an error 2 time(s)" in html
