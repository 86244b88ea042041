"""Mailbox intake against a real dovecot (started here, as the tests do) on the 50,000-part catalog.

Measured, in one run:
- throughput: N messages appended over IMAP, then one ``inbox fetch`` pass: messages per second
  from the mailbox to a finished job (claim, fetch, store, run, flag), and ms per message;
- delay: a message appended while ``watch`` waits → its job's first stage starting, with IMAP IDLE
  and with polling (every ``--poll-s`` seconds), each message appended once the watcher waits again.
Nothing is asserted. Usage: ``python benchmarks/bench_inbox.py [--messages N] [--trials N] [--poll-s S]``;
needs /usr/sbin/dovecot (apt-get install dovecot-imapd).
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from common import summary, table

from pipeline.config import Settings
from pipeline.context import open_runner
from pipeline.events import utc_now
from pipeline.inbox.claims import MailClaims
from pipeline.inbox.imap import ImapSource
from pipeline.inbox.intake import Intake
from pipeline.inbox.watch import MailboxState, fetch_once, watch
from pipeline.runner import Runner
from tests.mail_server import PASSWORD, Dovecot, order_email, running_dovecot

WAIT_S = 120  # the longest one message may take before the run gives up


def throughput(server: Dovecot, runner: Runner, count: int) -> tuple[float, float]:
    """Messages per second and ms per message of one pass over ``count`` waiting messages."""
    for number in range(count):
        server.append("INBOX", order_email(number))
    intake = Intake(runner, ImapSource(server.settings(), PASSWORD, runner.settings.intake))
    started = time.perf_counter()
    tally = fetch_once(intake, ("INBOX",), None)
    elapsed = time.perf_counter() - started
    assert tally.taken == count, tally
    return count / elapsed, elapsed * 1000 / count


def delays(server: Dovecot, runner: Runner, trials: int, idle: bool, poll_s: float) -> list[float]:
    """ms from each append to its job's first stage starting, with the watcher idling or polling."""
    settings = server.settings(idle=idle, poll_s=poll_s if not idle else 300.0)
    intake = Intake(runner, ImapSource(settings, PASSWORD, runner.settings.intake))
    states: list[MailboxState] = []
    stop = threading.Event()
    waiting = "idle" if idle else "polling"
    thread = threading.Thread(target=watch, args=(intake, ("INBOX",), stop, settings.poll_s, states.append))
    thread.start()
    claims, samples = MailClaims(runner.ledger), []
    try:
        for trial in range(trials):
            _until(lambda: states and states[-1].state == waiting)
            known = len(claims.records())
            if not idle:  # append at a random point of the polling interval, as mail arrives
                time.sleep((trial % 10) / 10 * poll_s)
            appended = utc_now()
            server.append("INBOX", order_email(10_000 + trial))
            record = _until(lambda known=known: len(claims.records()) > known and claims.records()[-1].job_id)
            first = _until(lambda job_id=record: _first_stage(runner, job_id))
            samples.append((first - appended).total_seconds() * 1000)
            _until(lambda taken=trial + 1: states[-1].tally.taken == taken)
    finally:
        stop.set()
        thread.join(WAIT_S)
    return samples


def _first_stage(runner: Runner, job_id: str) -> datetime | None:
    events = [event for event in runner.ledger.events(job_id) if event.kind == "stage_started"]
    return events[0].at if events else None


def _until(condition: object) -> object:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.002)
    raise TimeoutError("the watcher did not take the message")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--poll-s", type=float, default=2.0)
    args = parser.parse_args()
    with running_dovecot() as server, tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        base = Settings.from_env()
        runner = open_runner(replace(base, ledger_path=root / "ledger.sqlite", data_dir=root))
        runner.process("warm.eml", order_email(99_999))  # the matcher's index built before timing
        per_s, per_message_ms = throughput(server, runner, args.messages)
        rows = [
            [
                "throughput: mailbox → finished job",
                f"{args.messages} messages",
                f"{per_s:.1f} messages/s",
                f"{per_message_ms:.1f} ms per message",
            ],
        ]
        for label, idle in (("IDLE", True), (f"polling every {args.poll_s:g} s", False)):
            stats = summary(delays(server, runner, args.trials, idle, args.poll_s))
            rows.append(
                [
                    f"append → first stage, {label}",
                    f"{args.trials} messages",
                    f"median {stats['median']:.0f} ms",
                    f"p95 {stats['p95']:.0f} ms, max {stats['max']:.0f} ms",
                ]
            )
        print(table(["measure", "sample", "result", "more"], rows))


if __name__ == "__main__":
    main()
