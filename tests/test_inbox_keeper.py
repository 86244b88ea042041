"""The mailbox watched in the background of a longer-lived process (``pipeline.inbox.keeper``),
against a real dovecot: it takes what arrives, tells its listeners, survives a crash (logged,
shown, retried after a pause that doubles) and stops cleanly when asked."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import pytest

from pipeline.inbox.claims import MailClaims
from pipeline.inbox.imap import ImapSource
from pipeline.inbox.intake import Intake
from pipeline.inbox.keeper import BackgroundWatch
from pipeline.inbox.watch import MailboxState, watch
from tests.conftest import Desk
from tests.mail_server import PASSWORD, Dovecot, dovecot, order_email
from tests.test_faults import wait_until

__all__ = ["dovecot"]


def background(desk: Desk, dovecot: Dovecot, **options: Any) -> BackgroundWatch:
    intake = Intake(desk.runner, ImapSource(dovecot.settings(), PASSWORD, desk.settings.intake))
    return BackgroundWatch(intake, ("INBOX",), poll_s=2.0, **options)


def finished_jobs(desk: Desk) -> int:
    return sum(record.status == "finished" for record in MailClaims(desk.ledger).records())


def test_it_takes_what_arrives_tells_its_listeners_and_stops_cleanly(dovecot: Dovecot, desk: Desk) -> None:
    keeper = background(desk, dovecot)
    seen: list[MailboxState] = []
    keeper.listen(seen.append)
    keeper.start()
    wait_until(lambda: keeper.state.state == "idle", "the watcher idling", timeout=30)

    dovecot.append("INBOX", order_email(1))
    wait_until(lambda: finished_jobs(desk) == 1, "the message taken", timeout=60)
    wait_until(lambda: keeper.state.state == "idle" and keeper.state.tally.taken == 1, "idle again", 30)
    asked = time.monotonic()
    stopped = keeper.stop()

    assert stopped and not keeper.running and time.monotonic() - asked < 5
    assert keeper.state.state == "stopped" and keeper.state.tally.taken == 1 and keeper.crashes == 0
    states = [state.state for state in seen]
    assert states[0] == "connecting" and "reading" in states and states[-1] == "stopped"
    assert any(state.waiting == 1 for state in seen), "a message found and not yet taken is shown waiting"
    assert seen[-1].last_at and seen[-1].tally.last == "PO 00001"
    (job,) = desk.ledger.jobs(limit=10)
    assert job.status == "done"
    assert dovecot.uids("INBOX", "KEYWORD", "$OrderDesk") == ["1"]


def test_a_crash_is_logged_shown_and_retried_after_a_doubling_pause(
    dovecot: Dovecot, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    crashes: list[float] = []

    def crashing_twice(*args: Any) -> MailboxState:
        """The real watch, after two unexpected errors (a bug's, not a lost connection's)."""
        if len(crashes) < 2:
            crashes.append(time.monotonic())
            raise RuntimeError(f"a bug in the watcher, {len(crashes)}")
        return watch(*args)

    keeper = background(desk, dovecot, run=crashing_twice, first_pause_s=0.3)
    seen: list[MailboxState] = []
    keeper.listen(seen.append)
    dovecot.append("INBOX", order_email(2))
    with caplog.at_level(logging.ERROR, logger="pipeline.inbox.keeper"):
        keeper.start()
        wait_until(lambda: finished_jobs(desk) == 1, "the message taken after the crashes", timeout=60)
    assert keeper.stop()

    assert keeper.crashes == 2 and crashes[1] - crashes[0] >= 0.3
    crashed = [state for state in seen if state.state == "crashed"]
    assert [state.error for state in crashed] == [
        "RuntimeError: a bug in the watcher, 1; trying again in 0.3 s",
        "RuntimeError: a bug in the watcher, 2; trying again in 0.6 s",
    ]
    logged = [record for record in caplog.records if record.name == "pipeline.inbox.keeper"]
    assert len(logged) == 2 and all(record.exc_info for record in logged)
    assert "again in 0.3 s" in logged[0].getMessage()
    assert keeper.state.tally.taken == 1 and desk.ledger.jobs(limit=10)[0].status == "done"


def test_a_listener_that_fails_is_logged_and_the_mailbox_is_still_read(
    dovecot: Dovecot, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    keeper = background(desk, dovecot)
    keeper.listen(lambda state: (_ for _ in ()).throw(ValueError("a page's bug")))
    taken = threading.Event()
    keeper.listen(lambda state: state.tally.taken and taken.set())
    dovecot.append("INBOX", order_email(3))
    with caplog.at_level(logging.ERROR, logger="pipeline.inbox.keeper"):
        keeper.start()
        assert taken.wait(60)
    assert keeper.stop() and keeper.crashes == 0
    assert any("a listener of the mailbox" in record.getMessage() for record in caplog.records)
