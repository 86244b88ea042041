"""The customer's acknowledgement: an order taken from a real dovecot, approved, answered once
through a real SMTP server (aiosmtpd), in the customer's thread, with the lines as understood."""

from __future__ import annotations

import email
import subprocess
import sys
import threading
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from pipeline.acknowledge.sender import AcknowledgeError, Acknowledger
from pipeline.inbox.claims import MailClaims
from pipeline.inbox.imap import ImapSource
from pipeline.inbox.intake import Intake
from pipeline.inbox.watch import MailboxState, fetch_once, watch
from pipeline.ingest.pdf import pdf_text
from tests.cli import run_cli
from tests.conftest import Desk
from tests.mail_server import PASSWORD, Dovecot, dovecot, order_email
from tests.smtp_server import FROM, SmtpServer, smtp_server
from tests.test_faults import ROOT, desk_env, wait_until

__all__ = ["dovecot", "smtp_server"]


def take_one(dovecot: Dovecot, desk: Desk, data: bytes) -> str:
    """Append ``data`` over IMAP, take it; the order id."""
    dovecot.append("INBOX", data)
    intake = Intake(desk.runner, ImapSource(dovecot.settings(), PASSWORD, desk.settings.intake))
    assert fetch_once(intake, ("INBOX",), None).taken == 1
    (record,) = MailClaims(desk.ledger).records()
    return desk.runner.orders.for_content(desk.ledger.job(record.job_id).content_hash).order_id


def parsed(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_an_approved_order_is_acknowledged_once_in_the_customers_thread(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    original = parsed(order_email(1, message_id="<po1@acme-manufacturing.com>"))
    original["References"] = "<rfq7@acme-manufacturing.com>"
    order_id = take_one(dovecot, desk, original.as_bytes(policy=policy.SMTP))
    acknowledger = Acknowledger(desk.ledger, smtp_server.settings())
    if desk.service.get(order_id).status == "needs_review":
        assert acknowledger.waiting() == []  # not before a person approved it
        desk.service.approve(order_id, actor="dana")

    first = acknowledger.send_waiting(actor="desk")
    second = acknowledger.send_waiting(actor="desk")

    assert len(first[0]) == 1 and first[1] == [] and second == ([], [])
    ((recipients, raw),) = smtp_server.received.mails
    assert recipients == ["buyer@acme-manufacturing.com"]
    reply = parsed(raw)
    assert reply["Subject"] == "Re: PO 00001" and reply["To"] == "buyer@acme-manufacturing.com"
    assert reply["In-Reply-To"] == "<po1@acme-manufacturing.com>"
    assert reply["References"] == "<rfq7@acme-manufacturing.com> <po1@acme-manufacturing.com>"
    text = reply.get_body(("plain",)).get_content()
    page = reply.get_body(("html",)).get_content()
    order = desk.service.get(order_id).order
    assert order_id in text and "Dana Lee, +1 555 0100" in text and "Total:" in text
    for line in order.lines:
        assert f"You wrote: {line.item.source_text.strip()}" in text
        assert line.match is not None and line.match.part_number in text and line.match.part_number in page
    assert "<table" in page
    (attachment,) = reply.iter_attachments()
    assert attachment.get_filename() == f"acknowledgement-{order_id}.pdf"
    pdf = pdf_text("ack.pdf", attachment.get_content())
    assert order_id in pdf and all(line.match.part_number in pdf for line in order.lines)
    record = acknowledger.get(order_id)
    assert (record.status, record.attempts) == ("sent", 1)
    assert record.message_id == reply["Message-ID"].strip()
    assert [entry.action for entry in desk.service.audit_log(order_id)][-1] == "acknowledge"


def test_an_acknowledgement_the_server_refused_is_sent_once_it_is_back(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    order_id = take_one(dovecot, desk, order_email(2))
    if desk.service.get(order_id).status == "needs_review":
        desk.service.approve(order_id, actor="dana")
    acknowledger = Acknowledger(desk.ledger, smtp_server.settings())
    smtp_server.stop()
    with pytest.raises(AcknowledgeError, match="did not take it"):
        acknowledger.send(order_id, actor="desk")
    assert acknowledger.get(order_id).status == "failed" and acknowledger.waiting() == [order_id]
    smtp_server.start()
    sent, errors = acknowledger.send_waiting(actor="desk")
    assert [record.attempts for record in sent] == [2] and errors == []
    assert len(smtp_server.received.mails) == 1


def test_the_watcher_answers_an_order_once_it_is_approved(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    states: list[MailboxState] = []
    stop = threading.Event()
    intake = Intake(desk.runner, ImapSource(dovecot.settings(poll_s=0.5), PASSWORD, desk.settings.intake))
    acknowledger = Acknowledger(desk.ledger, smtp_server.settings())
    thread = threading.Thread(target=watch, args=(intake, ("INBOX",), stop, 0.5, states.append, acknowledger))
    thread.start()
    try:
        dovecot.append("INBOX", order_email(3, subject="Order for next week"))
        order_id = wait_until(lambda: [o.order_id for o in desk.service.list_orders()], "an order", 60)[0]
        if desk.service.get(order_id).status == "needs_review":
            desk.service.approve(order_id, actor="dana")
        smtp_server.received.arrived.wait(60)
        wait_until(lambda: states[-1].tally.acknowledged == 1, "the watcher counting it", 60)
    finally:
        stop.set()
        thread.join(30)
    ((_, raw),) = smtp_server.received.mails
    assert parsed(raw)["Subject"] == "Re: Order for next week"
    assert "1 acknowledged" in states[-1].line()


def test_the_desk_previews_holds_edits_and_releases_an_acknowledgement(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk, tmp_path: Path
) -> None:
    order_id = take_one(dovecot, desk, order_email(4))
    if desk.service.get(order_id).status == "needs_review":
        desk.service.approve(order_id, actor="dana")
    env = desk_env(desk) | {
        "ORDERDESK_ACKNOWLEDGE_SMTP_HOST": "127.0.0.1",
        "ORDERDESK_ACKNOWLEDGE_SMTP_PORT": str(smtp_server.port),
        "ORDERDESK_ACKNOWLEDGE_SECURITY": "none",
        "ORDERDESK_ACKNOWLEDGE_FROM_ADDRESS": FROM,
    }
    preview = run_cli(["inbox", "acknowledge", "--preview", order_id], env)
    assert preview.returncode == 0, preview.stderr
    assert "To: buyer@acme-manufacturing.com" in preview.stdout and "Status: pending" in preview.stdout
    assert all(
        line.item.source_text.strip() in preview.stdout for line in desk.service.get(order_id).order.lines
    )
    held = run_cli(["inbox", "acknowledge", "--hold", order_id, "--by", "dana"], env)
    assert held.stdout.strip() == f"{order_id}: held"
    (tmp_path / "text.txt").write_text("Dear John,\n\nAll of it ships Friday.\n\nDana\n")
    edited = run_cli(
        ["inbox", "acknowledge", "--edit", order_id, "--text-file", str(tmp_path / "text.txt")], env
    )
    assert edited.stdout.strip() == f"{order_id}: edited, held"
    assert run_cli(["inbox", "acknowledge"], env).returncode == 0 and smtp_server.received.mails == []

    assert (
        run_cli(["inbox", "acknowledge", "--release", order_id], env).stdout.strip() == f"{order_id}: pending"
    )
    sent = run_cli(["inbox", "acknowledge"], env)

    assert sent.returncode == 0 and f"{order_id}: acknowledged to buyer@acme-manufacturing.com" in sent.stdout
    ((_, raw),) = smtp_server.received.mails
    reply = parsed(raw)
    text = reply.get_body(("plain",)).get_content().replace("\r\n", "\n")  # CRLF, as SMTP carries it
    assert text == "Dear John,\n\nAll of it ships Friday.\n\nDana\n"
    assert "<p>All of it ships Friday.</p>" in reply.get_body(("html",)).get_content()
    (attachment,) = reply.iter_attachments()
    assert "All of it ships Friday." in pdf_text("ack.pdf", attachment.get_content())
    assert reply["In-Reply-To"] and reply["Subject"] == "Re: PO 00004"
    actions = [entry.action for entry in desk.service.audit_log(order_id)]
    assert actions[-4:] == [
        "hold_acknowledgement",
        "edit_acknowledgement",
        "release_acknowledgement",
        "acknowledge",
    ]
    again = Acknowledger(desk.ledger, smtp_server.settings())
    with pytest.raises(AcknowledgeError, match="is sent; it cannot change"):
        again.edit(order_id, "too late", actor="dana")


def test_two_senders_at_once_send_each_acknowledgement_once(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    for number in range(6):
        dovecot.append("INBOX", order_email(20 + number))
    intake = Intake(desk.runner, ImapSource(dovecot.settings(), PASSWORD, desk.settings.intake))
    assert fetch_once(intake, ("INBOX",), None).taken == 6
    for summary in desk.service.list_orders(status="needs_review"):
        desk.service.approve(summary.order_id, actor="dana")
    env = desk_env(desk) | {
        "ORDERDESK_ACKNOWLEDGE_SMTP_HOST": "127.0.0.1",
        "ORDERDESK_ACKNOWLEDGE_SMTP_PORT": str(smtp_server.port),
        "ORDERDESK_ACKNOWLEDGE_SECURITY": "none",
        "ORDERDESK_ACKNOWLEDGE_FROM_ADDRESS": FROM,
    }
    command = [sys.executable, "-m", "pipeline", "inbox", "acknowledge"]
    senders = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    try:
        outputs = [sender.communicate(timeout=120) for sender in senders]
    finally:  # a sender still running after a failure is not left behind
        for sender in senders:
            if sender.poll() is None:
                sender.kill()
                sender.communicate()

    sent_lines = [line for out, _ in outputs for line in out.splitlines() if "acknowledged to" in line]
    assert len(sent_lines) == 6, outputs  # each order by one sender or the other
    in_reply_to = sorted(parsed(raw)["In-Reply-To"] for _, raw in smtp_server.received.mails)
    assert len(in_reply_to) == 6 and len(set(in_reply_to)) == 6
    assert Acknowledger(desk.ledger, smtp_server.settings()).waiting() == []


def test_a_draft_previewed_before_a_reviewer_edits_the_order_goes_as_the_order_is_at_approval(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    order_id = take_one(dovecot, desk, order_email(5))
    acknowledger = Acknowledger(desk.ledger, smtp_server.settings())
    assert acknowledger.from_mailbox(order_id)
    first, before = acknowledger.preview(order_id)
    if desk.service.get(order_id).locked:  # auto-approved: a reviewer reopens it to change it
        desk.service.reopen(order_id, actor="dana", comment="one more")
    line = desk.service.get(order_id).order.lines[0]
    desk.service.edit_line(order_id, line.item.line_no, actor="dana", quantity=37)

    again, after = acknowledger.preview(order_id)

    assert again.message_id == first.message_id and after != before, after
    total = desk.service.get(order_id).order.totals.total
    assert f"Total: {total:,.2f} USD" in after and f"Total: {total:,.2f} USD" not in before
    desk.service.approve(order_id, actor="dana")
    assert acknowledger.send(order_id, actor="desk").status == "sent"
    ((_, raw),) = smtp_server.received.mails
    sent = parsed(raw)
    assert sent["Message-ID"].strip() == first.message_id
    assert sent.get_body(("plain",)).get_content().replace("\r\n", "\n") == after
    assert not acknowledger.from_mailbox(desk.process("sample_order_1.txt"))  # an upload: no one to answer
