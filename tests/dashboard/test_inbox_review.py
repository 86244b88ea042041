"""Orders taken from the mailbox by another process reach the review page's queue on its next
poll, no one touching them; a message whose job failed is under *Failed* with why."""

from __future__ import annotations

from dashboard.review_store import ReviewStore
from tests.cli import run_cli
from tests.conftest import Desk
from tests.mail_server import MALFORMED, Dovecot, dovecot, order_email
from tests.test_faults import desk_env

__all__ = ["dovecot"]


def test_an_order_taken_from_the_mailbox_appears_in_the_review_queue(dovecot: Dovecot, desk: Desk) -> None:
    store = ReviewStore(orders=desk.service, filter="All")
    assert store.queue == []
    dovecot.append("INBOX", order_email(1))
    dovecot.append("INBOX", MALFORMED)

    fetched = run_cli(["inbox", "fetch", "--since", "2000-01-01"], desk_env(desk) | dovecot.env())

    assert fetched.returncode == 1 and "1 taken, 0 duplicates, 1 set aside" in fetched.stdout
    store.poll()
    (row,) = store.queue
    assert row.customer == "ACME Manufacturing Co." and row.lines == 3
    store.filter = "Failed"
    (failed,) = store.queue
    assert "malformed MIME message" in failed.top_reason
