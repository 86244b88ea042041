"""A local Maildir read into jobs: each message once, flagged F or moved to the done folder; a
message that cannot be processed moves to ``.Needs a person`` with a note beside it. Also
``python -m pipeline inbox fetch`` and ``inbox status`` on it."""

from __future__ import annotations

import mailbox
from pathlib import Path

from pipeline.config import InboxSettings
from pipeline.inbox.claims import MailClaims
from pipeline.inbox.intake import Intake
from pipeline.inbox.maildir import MaildirSource
from pipeline.inbox.watch import fetch_once
from tests.cli import run_cli
from tests.conftest import Desk
from tests.mail_server import MALFORMED, order_email
from tests.test_faults import desk_env


def maildir_with(path: Path, messages: list[bytes | mailbox.MaildirMessage]) -> list[str]:
    box = mailbox.Maildir(path, create=True)
    return [box.add(data) for data in messages]


def files(folder: Path) -> list[str]:
    return sorted(
        p.name for sub in ("new", "cur") if (folder / sub).is_dir() for p in (folder / sub).iterdir()
    )


def test_a_maildir_is_taken_once_and_the_bad_message_set_aside(desk: Desk, tmp_path: Path) -> None:
    keys = maildir_with(tmp_path / "mail", [order_email(1), MALFORMED, order_email(2)])
    intake = Intake(desk.runner, MaildirSource(InboxSettings(maildir=str(tmp_path / "mail"))))

    tally = fetch_once(intake, ("INBOX",), None)
    again = fetch_once(intake, ("INBOX",), None)

    assert (tally.taken, tally.set_aside, again.taken, again.set_aside) == (2, 1, 0, 0)
    assert files(tmp_path / "mail") == sorted(f"{key}:2,F" for key in (keys[0], keys[2]))
    aside = tmp_path / "mail" / ".Needs a person"
    note = next((aside / "new").glob("orderdesk-note-*")).read_text()
    assert "Why: cannot read INBOX" in note and "start boundary was never found" in note
    assert keys[1] in files(aside)
    records = MailClaims(desk.ledger).records()
    assert {(r.uid, r.outcome) for r in records} == {
        (keys[0], "job"),
        (keys[1], "needs_person"),
        (keys[2], "job"),
    }
    assert all(r.uidvalidity == 0 and r.status == "finished" for r in records)


def test_a_message_someone_flagged_before_it_was_taken_is_still_taken(desk: Desk, tmp_path: Path) -> None:
    flagged = mailbox.MaildirMessage(order_email(3))
    flagged.set_flags("FS")  # a person marked it before the watcher ran
    (key,) = maildir_with(tmp_path / "mail", [flagged])
    intake = Intake(desk.runner, MaildirSource(InboxSettings(maildir=str(tmp_path / "mail"))))
    assert fetch_once(intake, ("INBOX",), None).taken == 1
    assert fetch_once(intake, ("INBOX",), None).taken == 0
    assert files(tmp_path / "mail") == [f"{key}:2,FS"]


def test_a_maildir_after_move_empties_into_the_done_folder(desk: Desk, tmp_path: Path) -> None:
    keys = maildir_with(tmp_path / "mail", [order_email(1)])
    settings = InboxSettings(maildir=str(tmp_path / "mail"), after="move")
    assert fetch_once(Intake(desk.runner, MaildirSource(settings)), ("INBOX",), None).taken == 1
    assert files(tmp_path / "mail") == [] and files(tmp_path / "mail" / ".Order Desk") == keys


def test_inbox_fetch_on_the_command_line_says_what_it_took(desk: Desk, tmp_path: Path) -> None:
    sent = order_email(1)
    maildir_with(tmp_path / "mail", [sent, sent, MALFORMED])  # one sent twice
    env = desk_env(desk) | {"ORDERDESK_INBOX_MAILDIR": str(tmp_path / "mail")}

    first = run_cli(["inbox", "fetch", "--since", "2000-01-01"], env)
    second = run_cli(["inbox", "fetch", "--since", "2000-01-01"], env)

    assert first.returncode == 1, first.stderr  # one message set aside
    assert first.stdout.strip().endswith("1 taken, 1 duplicates, 1 set aside")
    assert "set aside: broken order: cannot read INBOX" in first.stderr
    assert second.returncode == 0 and second.stdout.strip().endswith("0 taken, 0 duplicates, 0 set aside")
    assert sorted(job.status for job in desk.ledger.jobs()) == ["done", "failed"]
    status = run_cli(["inbox", "status"], env)
    assert status.returncode == 0
    assert "INBOX: 1 taken, 1 duplicates, 1 set aside, 0 in progress" in status.stdout
    assert "set aside: broken order (someone@example.com): cannot read INBOX" in status.stdout
