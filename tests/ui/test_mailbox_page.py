"""Orders by email in a real Chromium against ``python -m dashboard serve`` watching a real dovecot
and answering through a real SMTP server (aiosmtpd): a message appended over IMAP becomes a
finished job on the open process page and on the Mailbox page without anyone touching them; on
the review page the desk reads and edits the acknowledgement, approves the order, and the
customer's answer arrives at the SMTP server once, in the customer's thread; a request for quote
shows its quotation, which goes once when the desk presses Send quotation."""

from __future__ import annotations

import email
import json
import logging
import re
import time
import urllib.request
from email import policy
from email.message import EmailMessage
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from pipeline.ledger import Ledger
from tests.mail_server import Dovecot, dovecot, order_email
from tests.smtp_server import FROM, SmtpServer, smtp_server
from tests.ui.conftest import MakeServer
from tests.ui.harness import DeskServer, open_desk_page

__all__ = ["dovecot", "smtp_server"]
pytestmark = pytest.mark.ui
log = logging.getLogger(__name__)
POLL_S = 2.0  # the watcher's round (dovecot.env()): it sends waiting acknowledgements each round
EDITED = "Dear John,\n\nAll of it ships Friday, the plate <b>cut</b> to size.\n\nDana\n"


def needs_review_email(number: int) -> bytes:
    """An order from a known customer with one line a person must look at (a plate, no grade)."""
    message = email.message_from_bytes(order_email(number), policy=policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",)).get_content()
    message.set_content(body.replace("Thanks,", "4. 5 pcs steel plate\n\nThanks,"))
    return message.as_bytes(policy=policy.SMTP)


def api(server: DeskServer, path: str) -> Any:
    with urllib.request.urlopen(f"{server.base}{path}", timeout=10) as response:
        return json.load(response)


def mail_server_env(dovecot: Dovecot, smtp: SmtpServer) -> dict[str, str]:
    return dovecot.env() | {
        "ORDERDESK_ACKNOWLEDGE_SMTP_HOST": "127.0.0.1",
        "ORDERDESK_ACKNOWLEDGE_SMTP_PORT": str(smtp.port),
        "ORDERDESK_ACKNOWLEDGE_SECURITY": "none",
        "ORDERDESK_ACKNOWLEDGE_FROM_ADDRESS": FROM,
        "ORDERDESK_ACKNOWLEDGE_CONTACT": "Dana Lee, +1 555 0100",
    }


def test_a_message_becomes_a_job_on_screen_and_its_approval_answers_the_customer_once(
    dovecot: Dovecot,
    smtp_server: SmtpServer,
    make_server: MakeServer,
    context: BrowserContext,
    record_property: Any,
) -> None:
    server = make_server()
    server.env = mail_server_env(dovecot, smtp_server)
    server.start()
    desk = open_desk_page(context, server.url).page
    expect(desk.locator('.od-mb-row[data-state="idle"]')).to_be_visible()

    original = needs_review_email(31)
    appended = time.perf_counter()
    dovecot.append("INBOX", original)

    row = desk.locator(".od-jobs .tabulator-row", has_text="PO 00031")
    expect(row.locator("[tabulator-field=status]")).to_have_text("done", timeout=60_000)
    shown_done_s = time.perf_counter() - appended
    expect(desk.locator('.od-mb-row[data-taken="1"]')).to_contain_text("connected")
    mailbox = open_desk_page(context, f"{server.base}/mailbox").page
    expect(mailbox.locator('.od-mb-row[data-taken="1"]')).to_contain_text("PO 00031")
    (job,) = api(server, "/api/jobs")["jobs"]
    order_id = api(server, f"/api/jobs/{job['job_id']}")["order"]["order_id"]

    review = open_desk_page(context, f"{server.base}/review?order={order_id}").page
    panel = review.locator(".od-ack-panel")
    expect(panel.locator(".od-ack-status")).to_have_text("goes when the order is approved")
    text = panel.locator(".od-ack-text textarea")
    expect(text).to_have_value(re.compile("You wrote: 4. 5 pcs steel plate"))
    text.fill(EDITED)
    panel.get_by_role("button", name="Save text").click()
    expect(panel.locator(".od-ack-message")).to_contain_text("Text saved.")
    assert smtp_server.received.mails == []  # nothing goes before the approval

    review.get_by_role("button", name="Approve", exact=True).click()
    approved = time.perf_counter()

    assert smtp_server.received.arrived.wait(30), "no acknowledgement reached the SMTP server"
    answered_s = time.perf_counter() - approved
    record_property("append_to_done_on_page_s", round(shown_done_s, 3))
    record_property("approve_click_to_smtp_s", round(answered_s, 3))
    log.info("IMAP append -> done on the page %.2f s; Approve -> SMTP %.2f s", shown_done_s, answered_s)
    expect(panel.locator(".od-ack-status")).to_contain_text("sent")
    time.sleep(2 * POLL_S)  # two more watcher rounds, each of which sends what is waiting
    ((recipients, raw),) = smtp_server.received.mails
    reply = email.message_from_bytes(raw, policy=policy.default)
    asked = email.message_from_bytes(original, policy=policy.default)
    assert recipients == ["buyer@acme-manufacturing.com"]
    assert reply["In-Reply-To"] == asked["Message-ID"] and asked["Message-ID"] in reply["References"]
    assert reply["Subject"] == "Re: PO 00031"
    assert reply.get_body(("plain",)).get_content().replace("\r\n", "\n") == EDITED
    row = (
        Ledger(server.ledger).connection().execute("SELECT status, attempts FROM acknowledgements").fetchone()
    )
    assert (row["status"], row["attempts"]) == ("sent", 1)


def test_a_request_for_quote_is_answered_by_its_quotation_once_when_the_desk_sends_it(
    dovecot: Dovecot, smtp_server: SmtpServer, make_server: MakeServer, context: BrowserContext
) -> None:
    server = make_server()
    server.env = mail_server_env(dovecot, smtp_server)
    server.start()
    desk = open_desk_page(context, server.url).page
    expect(desk.locator('.od-mb-row[data-state="idle"]')).to_be_visible()
    original = order_email(32, rfq=True)
    dovecot.append("INBOX", original)
    row = desk.locator(".od-jobs .tabulator-row", has_text="RFQ 00032")
    expect(row.locator("[tabulator-field=status]")).to_have_text("done", timeout=60_000)
    (job,) = api(server, "/api/jobs")["jobs"]
    order_id = api(server, f"/api/jobs/{job['job_id']}")["order"]["order_id"]

    review = open_desk_page(context, f"{server.base}/review?order={order_id}").page
    panel = review.locator(".od-ack-panel")
    expect(panel).to_contain_text("Quotation to the customer")
    expect(panel.locator(".od-ack-status")).to_have_text("goes when the desk sends the quotation")
    expect(panel.locator(".od-ack-text textarea")).to_have_value(re.compile("valid for 30 days"))
    time.sleep(POLL_S)
    assert smtp_server.received.mails == []  # nothing goes before the desk sends it

    review.get_by_role("button", name="Send quotation").click()

    assert smtp_server.received.arrived.wait(30), "no quotation reached the SMTP server"
    expect(panel.locator(".od-ack-status")).to_contain_text("sent")
    time.sleep(2 * POLL_S)  # two more watcher rounds, each of which sends what is waiting
    ((recipients, raw),) = smtp_server.received.mails
    reply = email.message_from_bytes(raw, policy=policy.default)
    asked = email.message_from_bytes(original, policy=policy.default)
    assert recipients == ["buyer@acme-manufacturing.com"] and reply["Subject"] == "Re: RFQ 00032"
    assert reply["In-Reply-To"] == asked["Message-ID"]
    assert "valid for 30 days" in reply.get_body(("plain",)).get_content()
    (attachment,) = reply.iter_attachments()
    assert attachment.get_filename() == f"quotation-{order_id}.pdf"
    ledger = Ledger(server.ledger).connection()
    row = ledger.execute("SELECT kind, status, attempts FROM acknowledgements").fetchone()
    assert (row["kind"], row["status"], row["attempts"]) == ("quotation", "sent", 1)
