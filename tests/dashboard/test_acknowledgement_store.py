"""The review page's acknowledgement (``AcknowledgementStore``) on a real dovecot and aiosmtpd:
shown for an order from the mailbox only, editable and holdable before it goes, sent once when
the order is approved (held: when released)."""

from __future__ import annotations

import email
from email import policy

from dashboard.acknowledgement_store import AcknowledgementStore
from dashboard.components import AcknowledgementView
from dashboard.review_store import ReviewStore
from pipeline.acknowledge.sender import Acknowledger
from tests.conftest import Desk
from tests.mail_server import Dovecot, dovecot, order_email
from tests.smtp_server import SmtpServer, smtp_server
from tests.test_acknowledge import take_one

__all__ = ["dovecot", "smtp_server"]


def opened(desk: Desk, smtp_server: SmtpServer, order_id: str) -> AcknowledgementStore:
    review = ReviewStore(orders=desk.service, filter="All", actor="dana")
    review.open(order_id)
    return AcknowledgementStore(review=review, acknowledger=Acknowledger(desk.ledger, smtp_server.settings()))


def back_in_review(desk: Desk, order_id: str) -> None:
    if desk.service.get(order_id).locked:  # auto-approved: reopened, so a person approves it
        desk.service.reopen(order_id, actor="dana", comment="look first")


def test_edited_text_goes_once_when_the_order_is_approved(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    order_id = take_one(dovecot, desk, order_email(11, message_id="<po11@acme-manufacturing.com>"))
    back_in_review(desk, order_id)
    acks = opened(desk, smtp_server, order_id)
    assert acks.shown and acks.record.status == "pending" and not acks.order_approved
    assert all(line.item.source_text.strip() in acks.text for line in acks.review.stored.order.lines)

    acks.save_text("Dear John,\n\nAll of it ships Friday <b>bold</b>.\n")
    assert acks.message == "Text saved." and acks.text.startswith("Dear John")
    assert acks.review.stored.version == desk.service.get(order_id).version  # the page shows the new version
    acks.review.approve()
    acks.review.approve()  # pressed again: refused (locked), nothing sent twice

    ((recipients, raw),) = smtp_server.received.mails
    reply = email.message_from_bytes(raw, policy=policy.default)
    assert recipients == ["buyer@acme-manufacturing.com"]
    assert reply["In-Reply-To"] == "<po11@acme-manufacturing.com>"
    assert reply.get_body(("plain",)).get_content().replace("\r\n", "\n").startswith("Dear John,")
    assert acks.record.status == "sent" and acks.message == "Sent to buyer@acme-manufacturing.com."
    acks.send()
    assert len(smtp_server.received.mails) == 1
    actions = [entry.action for entry in desk.service.audit_log(order_id)]
    assert actions.count("acknowledge") == 1 and "edit_acknowledgement" in actions


def test_a_held_acknowledgement_waits_for_release(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    order_id = take_one(dovecot, desk, order_email(12))
    back_in_review(desk, order_id)
    acks = opened(desk, smtp_server, order_id)
    acks.hold()
    assert acks.record.status == "held"

    acks.review.approve()

    assert smtp_server.received.mails == [] and "holds the acknowledgement" in acks.message
    acks.release()
    assert len(smtp_server.received.mails) == 1 and acks.record.status == "sent"


def test_an_uploaded_order_has_no_acknowledgement(smtp_server: SmtpServer, desk: Desk) -> None:
    acks = opened(desk, smtp_server, desk.process("sample_order_1.txt"))
    assert not acks.shown and acks.record is None
    acks.send()
    assert smtp_server.received.mails == []


def test_a_request_for_quote_shows_its_quotation_which_goes_once_when_the_desk_sends_it(
    dovecot: Dovecot, smtp_server: SmtpServer, desk: Desk
) -> None:
    order_id = take_one(dovecot, desk, order_email(13, message_id="<rfq13@acme-manufacturing.com>", rfq=True))
    acks = opened(desk, smtp_server, order_id)
    view = AcknowledgementView(store=acks)
    assert acks.shown and acks.record.kind == "quotation" and not acks.order_approved
    assert "valid for 30 days" in acks.text and "Thank you for your order" not in acks.text
    assert "goes when the desk sends the quotation" in view.header.object
    assert view.__panel__().title == "Quotation to the customer"
    acks.hold()
    acks.review.quote()
    assert smtp_server.received.mails == [] and "holds the quotation" in acks.message
    acks.save_text("Dear John,\n\n12.50 a sheet.\n")

    acks.release()
    acks.send()

    ((_, raw),) = smtp_server.received.mails
    reply = email.message_from_bytes(raw, policy=policy.default)
    assert reply["In-Reply-To"] == "<rfq13@acme-manufacturing.com>"
    assert reply.get_body(("plain",)).get_content().replace("\r\n", "\n") == "Dear John,\n\n12.50 a sheet.\n"
    assert acks.record.status == "sent" and "sent" in view.header.object
    actions = [entry.action for entry in desk.service.audit_log(order_id)]
    assert actions.count("send_quotation") == 1 and "acknowledge" not in actions
