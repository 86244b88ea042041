"""``inbox watch [--folder F]``, ``inbox fetch --since DATE [--folder F]``, ``inbox status`` and
``inbox acknowledge``: the desk's mailbox, and the answers to the orders approved from it (and the
quotations of the requests for quote quoted from it)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from pipeline.acknowledge.sender import Acknowledger
from pipeline.config import Settings
from pipeline.context import open_acknowledger, open_intake, open_runner
from pipeline.errors import ConfigError
from pipeline.inbox.claims import MailClaims
from pipeline.inbox.intake import Intake, Tally
from pipeline.inbox.watch import ACTOR, MailboxState, fetch_once, watch
from pipeline.ledger import Ledger

from .cluster_options import since_date


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "inbox", help="take order emails from the desk's mailbox (IMAP or Maildir; settings [inbox])"
    )
    commands = parser.add_subparsers(dest="inbox_command", required=True, metavar="COMMAND")
    watch_parser = commands.add_parser(
        "watch", help="take each new message as it arrives, until Ctrl-C (a status line shows the state)"
    )
    watch_parser.add_argument("--folder", action="append", help="watch this folder (repeatable)")
    watch_parser.set_defaults(func=run_watch)
    fetch_parser = commands.add_parser(
        "fetch", help="take every message since DATE not taken before, then stop (exit 1 if any set aside)"
    )
    fetch_parser.add_argument(
        "--since", type=since_date, required=True, metavar="DATE", help="e.g. 2024-06-01"
    )
    fetch_parser.add_argument("--folder", action="append", help="read this folder (repeatable)")
    fetch_parser.set_defaults(func=run_fetch)
    ack_parser = commands.add_parser(
        "acknowledge",
        help="send the acknowledgements of approved orders and the quotations of quoted requests for"
        " quote from the mailbox (settings [acknowledge])",
    )
    choice = ack_parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--preview", metavar="ORDER", help="print its acknowledgement (or quotation) as it will go"
    )
    choice.add_argument("--hold", metavar="ORDER", help="keep it from being sent")
    choice.add_argument("--release", metavar="ORDER", help="let a held one go")
    choice.add_argument("--edit", metavar="ORDER", help="replace its text with --text-file's")
    ack_parser.add_argument("--text-file", type=Path, metavar="FILE", help="the desk's text, for --edit")
    ack_parser.add_argument("--by", default="desk", help="who is acting (the audit trail records it)")
    ack_parser.set_defaults(func=run_acknowledge)
    status_parser = commands.add_parser("status", help="what each mailbox folder gave, from the ledger")
    status_parser.set_defaults(func=run_status)


def _open(args: argparse.Namespace) -> tuple[Intake, tuple[str, ...], Settings]:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env()
    intake, folders = open_intake(open_runner(settings), tuple(args.folder or ()))
    return intake, folders, settings


def run_fetch(args: argparse.Namespace) -> int:
    intake, folders, _ = _open(args)
    tally = fetch_once(intake, folders, args.since.date())
    print(_summary(intake.source.name, tally))
    for error in tally.errors:
        print(f"set aside: {error}", file=sys.stderr)
    return 1 if tally.set_aside else 0


def run_acknowledge(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    ledger = Ledger(settings.ledger_path)
    acknowledger = open_acknowledger(ledger, settings)
    if acknowledger is None:
        raise ConfigError("no SMTP server: set acknowledge.smtp_host (ORDERDESK_ACKNOWLEDGE_SMTP_HOST)")
    if args.preview or args.hold or args.release or args.edit:
        return _desk_action(acknowledger, args)
    sent, errors = acknowledger.send_waiting(actor=ACTOR)
    for record in sent:
        sent_to = "acknowledged to" if record.kind == "acknowledgement" else f"{record.kind} sent to"
        print(f"{record.order_id}: {sent_to} {record.recipient} ({record.message_id})")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


def _desk_action(acknowledger: Acknowledger, args: argparse.Namespace) -> int:
    if args.preview:
        record, text = acknowledger.preview(args.preview)
        print(
            f"Kind: {record.kind}\nTo: {record.recipient}\nMessage-ID: {record.message_id}"
            f"\nStatus: {record.status}\n\n{text}"
        )
    elif args.hold:
        print(f"{args.hold}: {acknowledger.hold(args.hold, actor=args.by).status}")
    elif args.release:
        print(f"{args.release}: {acknowledger.release(args.release, actor=args.by).status}")
    else:
        if args.text_file is None:
            raise ConfigError("--edit needs --text-file FILE with the new text")
        try:
            text = args.text_file.read_text(encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"cannot read {args.text_file}: {error.strerror}") from error
        print(f"{args.edit}: edited, {acknowledger.edit(args.edit, text, actor=args.by).status}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    claims = MailClaims(Ledger(Settings.from_env().ledger_path))
    folders = claims.summary()
    if not folders:
        print("no message taken from a mailbox yet")
    for folder in folders:
        print(
            f"{folder.mailbox} {folder.folder}: {folder.taken} taken, {folder.duplicates} duplicates,"
            f" {folder.set_aside} set aside, {folder.in_progress} in progress;"
            f" last seen {folder.last_seen_at[:19]}"
        )
    for record in claims.set_aside():
        print(f"  set aside: {record.subject or record.ref.where} ({record.sender}): {record.error}")
    return 0


def _summary(mailbox: str, tally: Tally) -> str:
    return f"{mailbox}: {tally.taken} taken, {tally.duplicates} duplicates, {tally.set_aside} set aside"


def run_watch(args: argparse.Namespace) -> int:
    intake, folders, settings = _open(args)
    stop = threading.Event()

    def on_signal(number: int, _frame: FrameType | None) -> None:
        stop.set()
        signal.signal(number, signal.SIG_DFL)  # a second Ctrl-C stops at once

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    print(f"watching {', '.join(folders)} of {intake.source.name}; Ctrl-C stops", file=sys.stderr, flush=True)
    acknowledger = open_acknowledger(intake.runner.ledger, settings)
    final = watch(intake, folders, stop, settings.inbox.poll_s, StatusLine(), acknowledger)
    print(_summary(final.mailbox, final.tally))
    return 0


class StatusLine:
    """One line rewritten in place on a terminal; elsewhere a line each time the state changes."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = ""

    def __call__(self, state: MailboxState) -> None:
        text = state.line()
        if text == self.shown:
            return
        self.shown = text
        if self.tty:
            print(f"\r\x1b[K{text}", end="", file=sys.stderr, flush=True)
        else:
            print(text, file=sys.stderr, flush=True)
