"""The customer's quotation: a request for quote taken from a real dovecot, quoted by the desk,
answered once through a real SMTP server (aiosmtpd), in the customer's thread, with the lines,
their prices and how long the prices hold — by the same sender as the acknowledgements."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest

from pipeline.acknowledge.sender import Acknowledger
from pipeline.acknowledgement_tables import ACKNOWLEDGEMENT_TABLES
from pipeline.config import AcknowledgeSettings
from pipeline.errors import ConfigError
from pipeline.events import utc_now
from pipeline.ingest.pdf import pdf_text
from pipeline.ledger import MIGRATIONS, Ledger
from pipeline.orders.errors import InvalidEditError, OrderLockedError, QuoteNotOrderError
from tests.cli import run_cli
from tests.conftest import Desk
from tests.mail_server import Dovecot, dovecot, order_email
from tests.smtp_server import FROM, SmtpServer, smtp_server
from tests.test_acknowledge import parsed, take_one
from tests.test_faults import desk_env

__all__ = ["dovecot", "smtp_server"]


def in_review(desk: Desk, order_id: str) -> None:
    if desk.service.get(order_id).locked:
        desk.service.reopen(order_id, actor="dana", comment="look first")


def test_a_quoted_request_for_quote_gets_its_quotation_once_in_the_customers_thread(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    original = parsed(order_email(31, message_id="<rfq31@acme-manufacturing.com>", rfq=True))
    original["References"] = "<earlier@acme-manufacturing.com>"
    order_id = take_one(dovecot, desk, original.as_bytes(policy=policy.SMTP))
    stored = desk.service.get(order_id)
    assert stored.order.header.kind == "quote" and stored.status == "needs_review"
    acknowledger = Acknowledger(desk.ledger, smtp_server.settings())
    assert acknowledger.waiting() == []  # not before the desk quoted it
    with pytest.raises(QuoteNotOrderError):
        desk.service.approve(order_id, actor="dana")

    quoted = desk.service.quote(order_id, actor="dana", comment="prices checked")
    first = acknowledger.send_waiting(actor="desk")
    second = acknowledger.send_waiting(actor="desk")

    assert quoted.status == "quoted" and quoted.locked and quoted.decided_by == "dana"
    assert len(first[0]) == 1 and first[1] == [] and second == ([], [])
    assert acknowledger.send(order_id, actor="desk").status == "sent"  # pressed again: nothing more
    ((recipients, raw),) = smtp_server.received.mails
    assert recipients == ["buyer@acme-manufacturing.com"]
    reply = parsed(raw)
    assert reply["Subject"] == "Re: RFQ 00031" and reply["In-Reply-To"] == "<rfq31@acme-manufacturing.com>"
    assert reply["References"] == "<earlier@acme-manufacturing.com> <rfq31@acme-manufacturing.com>"
    text = reply.get_body(("plain",)).get_content().replace("\r\n", "\n")
    page = reply.get_body(("html",)).get_content()
    until = (utc_now() + timedelta(days=30)).date().isoformat()
    assert "request for quote" in text and "quotation" in text and "Thank you for your order" not in text
    assert f"valid for 30 days, until {until}" in text and "Dana Lee, +1 555 0100" in text
    order = quoted.order
    for line in order.lines:
        assert line.match is not None and line.unit_price is not None and line.extended_price is not None
        assert f"You wrote: {line.item.source_text.strip()}" in text
        assert line.match.part_number in text and line.match.part_number in page
        assert f"× {line.unit_price:,.2f} = {line.extended_price:,.2f}" in text
    assert f"Total: {order.totals.total:,.2f} USD" in text and "<table" in page
    (attachment,) = reply.iter_attachments()
    assert attachment.get_filename() == f"quotation-{order_id}.pdf"
    assert until in pdf_text("quote.pdf", attachment.get_content())
    record = acknowledger.get(order_id)
    assert (record.kind, record.status, record.attempts) == ("quotation", "sent", 1)
    assert record.message_id == reply["Message-ID"].strip()
    actions = [entry.action for entry in desk.service.audit_log(order_id)]
    assert actions[-2:] == ["quote", "send_quotation"] and "acknowledge" not in actions


def test_a_quoted_request_converted_to_an_order_is_acknowledged_too(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    order_id = take_one(dovecot, desk, order_email(32, rfq=True))
    acknowledger = Acknowledger(desk.ledger, smtp_server.settings())
    desk.service.quote(order_id, actor="dana")
    acknowledger.send_waiting(actor="desk")
    with pytest.raises(OrderLockedError):  # the quotation went as the order stood: reopen to change
        desk.service.edit_line(order_id, 1, actor="dana", quantity=7)

    converted = desk.service.convert_to_order(order_id, actor="dana", comment="PO 7781 came")
    assert (converted.order.header.kind, converted.status) == ("order", "needs_review")
    assert acknowledger.waiting() == []  # not before the order is approved
    with pytest.raises(InvalidEditError, match="it is an order"):
        desk.service.quote(order_id, actor="dana")
    desk.service.approve(order_id, actor="dana")
    sent, errors = acknowledger.send_waiting(actor="desk")

    assert [record.kind for record in sent] == ["acknowledgement"] and errors == []
    assert acknowledger.send_waiting(actor="desk") == ([], [])
    quotation, acknowledgement = (parsed(raw) for _, raw in smtp_server.received.mails)
    assert quotation["Message-ID"] != acknowledgement["Message-ID"]
    assert "Thank you for your order" in acknowledgement.get_body(("plain",)).get_content()
    (attachment,) = acknowledgement.iter_attachments()
    assert attachment.get_filename() == f"acknowledgement-{order_id}.pdf"
    actions = [entry.action for entry in desk.service.audit_log(order_id)]
    assert actions.count("send_quotation") == 1 and actions.count("acknowledge") == 1


def test_an_order_gets_an_acknowledgement_not_a_quotation(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    order_id = take_one(dovecot, desk, order_email(33))
    in_review(desk, order_id)
    with pytest.raises(InvalidEditError, match="approve it instead"):
        desk.service.quote(order_id, actor="dana")
    desk.service.approve(order_id, actor="dana")
    acknowledger = Acknowledger(desk.ledger, smtp_server.settings())

    (record,), _ = acknowledger.send_waiting(actor="desk")

    assert record.kind == "acknowledgement"
    ((_, raw),) = smtp_server.received.mails
    assert "valid for" not in parsed(raw).get_body(("plain",)).get_content()


def test_the_desk_previews_edits_holds_and_releases_a_quotation_from_the_cli(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk, tmp_path: Path
) -> None:
    order_id = take_one(dovecot, desk, order_email(34, rfq=True))
    env = desk_env(desk) | {
        "ORDERDESK_ACKNOWLEDGE_SMTP_HOST": "127.0.0.1",
        "ORDERDESK_ACKNOWLEDGE_SMTP_PORT": str(smtp_server.port),
        "ORDERDESK_ACKNOWLEDGE_SECURITY": "none",
        "ORDERDESK_ACKNOWLEDGE_FROM_ADDRESS": FROM,
        "ORDERDESK_ACKNOWLEDGE_QUOTE_VALIDITY_DAYS": "14",
    }
    preview = run_cli(["inbox", "acknowledge", "--preview", order_id], env)
    assert preview.returncode == 0, preview.stderr
    assert "Kind: quotation" in preview.stdout and "valid for 14 days" in preview.stdout
    held = run_cli(["inbox", "acknowledge", "--hold", order_id, "--by", "dana"], env)
    assert held.stdout.strip() == f"{order_id}: held"
    (tmp_path / "text.txt").write_text("Dear John,\n\n12.50 a sheet, 30 days.\n\nDana\n")
    edited = run_cli(
        ["inbox", "acknowledge", "--edit", order_id, "--text-file", str(tmp_path / "text.txt")], env
    )
    assert edited.stdout.strip() == f"{order_id}: edited, held"
    quoted = run_cli(["orders", "quote", order_id, "--by", "dana"], env)
    assert quoted.returncode == 0, quoted.stderr
    assert quoted.stdout.strip().startswith(f"{order_id}: quoted by dana")
    assert run_cli(["inbox", "acknowledge"], env).returncode == 0 and smtp_server.received.mails == []

    run_cli(["inbox", "acknowledge", "--release", order_id], env)
    sent = run_cli(["inbox", "acknowledge"], env)

    assert f"{order_id}: quotation sent to buyer@acme-manufacturing.com" in sent.stdout, sent
    ((_, raw),) = smtp_server.received.mails
    reply = parsed(raw)
    assert (
        reply.get_body(("plain",)).get_content().replace("\r\n", "\n")
        == "Dear John,\n\n12.50 a sheet, 30 days.\n\nDana\n"
    )
    assert reply["In-Reply-To"] and reply["Subject"] == "Re: RFQ 00034"
    actions = [entry.action for entry in desk.service.audit_log(order_id)]
    assert actions[-5:] == [
        "hold_quotation",
        "edit_quotation",
        "quote",
        "release_quotation",
        "send_quotation",
    ]


def test_a_quotation_needs_a_validity_of_a_day_at_least(desk: Desk) -> None:
    with pytest.raises(ConfigError, match="quote_validity_days"):
        Acknowledger(
            desk.ledger,
            AcknowledgeSettings(
                smtp_host="localhost", security="none", from_address=FROM, quote_validity_days=0
            ),
        )


def test_acknowledgements_sent_before_quotations_existed_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    old = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:5], start=1):
        old.executescript(script)
        old.execute(f"PRAGMA user_version = {number}")
    assert ACKNOWLEDGEMENT_TABLES in MIGRATIONS[:5]
    old.execute("INSERT INTO inputs VALUES ('h', 'po.eml', x'00', 'now')")
    old.execute(
        "INSERT INTO jobs (job_id, content_hash, filename, status, created_at, updated_at)"
        " VALUES ('j', 'h', 'po.eml', 'done', 'now', 'now')"
    )
    old.execute(
        "INSERT INTO orders (order_id, job_id, content_hash, status, version, line_count, subtotal, total,"
        " currency, created_at, updated_at, data_json) VALUES ('ORD-1', 'j', 'h', 'approved', 1, 0, 0, 0,"
        " 'USD', 'now', 'now', '{}')"
    )
    old.execute(
        "INSERT INTO acknowledgements (order_id, message_id, recipient, status, message, created_at,"
        " updated_at) VALUES ('ORD-1', '<a@b>', 'x@y', 'sent', x'00', 'now', 'now')"
    )
    old.commit()
    old.close()

    rows = Ledger(path).connection().execute("SELECT order_id, kind, status FROM acknowledgements").fetchall()

    assert [tuple(row) for row in rows] == [("ORD-1", "acknowledgement", "sent")]
