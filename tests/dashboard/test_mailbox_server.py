"""``python -m dashboard serve`` with a mailbox configured (a real dovecot): it watches it in the
background, shows its state on ``/api/mailbox``, runs what arrives as jobs, and stops watching
cleanly with the server (SIGTERM or Ctrl-C); a mailbox it cannot open leaves the server serving."""

from __future__ import annotations

import json
import os
import signal
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.mail_server import Dovecot, dovecot, order_email
from tests.test_faults import wait_until
from tests.ui.harness import DeskServer

__all__ = ["dovecot"]
pytestmark = pytest.mark.slow


def get(server: DeskServer, path: str) -> Any:
    with urllib.request.urlopen(f"{server.base}{path}", timeout=10) as response:
        return json.load(response)


def mailbox_row(server: DeskServer) -> dict[str, Any]:
    status = get(server, "/api/mailbox")
    assert status["configured"] and not status["problem"], status
    (row,) = status["mailboxes"]
    return row


def done_jobs(server: DeskServer) -> list[dict[str, Any]]:
    return [job for job in get(server, "/api/jobs")["jobs"] if job["status"] == "done"]


def test_the_server_watches_the_mailbox_and_stops_watching_with_it(
    dovecot: Dovecot, small_catalog_path: Path, tmp_path: Path
) -> None:
    log = tmp_path / "server.log"
    server = DeskServer(small_catalog_path, tmp_path / "ledger.sqlite", log, env=dovecot.env()).start()
    try:
        wait_until(lambda: mailbox_row(server)["state"] == "idle", "the watcher idling", timeout=60)
        dovecot.append("INBOX", order_email(21))
        wait_until(lambda: len(done_jobs(server)) == 1, "the message's job done", timeout=60)
        row = wait_until(lambda: (r := mailbox_row(server))["taken"] == 1 and r, "counted", timeout=30)
        assert row["connected"] and row["waiting"] == 0 and row["last_subject"] == "PO 00021"
        assert done_jobs(server)[0]["filename"].startswith("INBOX 1 PO 00021")
    finally:
        server.stop()  # SIGTERM, as a service manager stops it
    assert "stopped watching imap://desk@127.0.0.1" in log.read_text()

    dovecot.append("INBOX", order_email(22))  # arrives while the server is down
    server.start()
    wait_until(lambda: len(done_jobs(server)) == 2, "the message that came meanwhile taken", timeout=60)
    os.killpg(server.process.pid, signal.SIGINT)  # Ctrl-C
    assert server.process.wait(timeout=30) == 0
    server.process = None
    text = log.read_text()
    assert text.count("stopped watching imap://desk@127.0.0.1") == 2 and "Traceback" not in text
    assert dovecot.uids("INBOX", "KEYWORD", "$OrderDesk") == ["1", "2"]


def test_a_mailbox_that_cannot_be_opened_leaves_the_server_serving(
    small_catalog_path: Path, tmp_path: Path
) -> None:
    no_password = {"ORDERDESK_INBOX_HOST": "127.0.0.1", "ORDERDESK_INBOX_SECURITY": "none"}
    no_password |= {"ORDERDESK_INBOX_USER": "desk", "ORDERDESK_INBOX_PASSWORD_FILE": str(tmp_path / "gone")}
    log = tmp_path / "server.log"
    server = DeskServer(small_catalog_path, tmp_path / "ledger.sqlite", log, env=no_password).start()
    try:
        status = get(server, "/api/mailbox")
        assert get(server, "/api/health")["status"] == "ok"
    finally:
        server.stop()
    assert status["configured"] and "password" in status["problem"] and status["mailboxes"] == []
    assert "the mailbox is not watched" in log.read_text()
