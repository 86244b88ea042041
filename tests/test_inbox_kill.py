"""``python -m pipeline inbox watch`` killed with SIGKILL while it is taking messages (a real
process, a real dovecot), then started again, round after round: every message ends with exactly
one job, one finished run and one order, and is flagged on the server. The last watcher is
stopped with SIGINT, as Ctrl-C does, and exits cleanly."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Desk
from tests.mail_server import PASSWORD, Dovecot, dovecot, order_email
from tests.test_faults import ROOT, ROUNDS, desk_env, orders_per_email, wait_until

__all__ = ["dovecot"]
PER_ROUND = 4  # messages appended before each round's watcher starts
LINES = 60  # lines per order: a job long enough to be killed while it runs
MOMENTS = ("accepted", "claimed", "decided")  # the step a round tries to kill in, in turn
LOOK_S = 0.005  # how often the ledger is read while waiting for that moment
WAIT_S = 120  # the longest a round waits (a broken watcher cannot hang the run)


def mail_steps(ledger: Path) -> list[str]:
    """Each message's step; *decided* also for one whose job is done and not yet decided on (the
    moment between the job's end and the mailbox being told)."""
    if not ledger.exists():
        return []
    with contextlib.closing(sqlite3.connect(ledger, timeout=30)) as connection:
        try:
            rows = connection.execute(
                "SELECT m.status, j.status FROM mail_messages m LEFT JOIN jobs j ON j.job_id = m.job_id"
            ).fetchall()
        except sqlite3.OperationalError:  # the watcher has not created the tables yet
            return []
    return ["decided" if (step, job) == ("accepted", "done") else step for step, job in rows]


def finished_runs(ledger: Path) -> list[int]:
    """How many times each job finished."""
    with contextlib.closing(sqlite3.connect(ledger, timeout=30)) as connection:
        rows = connection.execute(
            "SELECT count(e.seq) FROM jobs j LEFT JOIN events e ON e.job_id = j.job_id"
            " AND e.kind = 'job_finished' GROUP BY j.job_id"
        ).fetchall()
    return [count for (count,) in rows]


@pytest.fixture
def watchers() -> Iterator[list[subprocess.Popen]]:
    """The watcher processes a test starts; any still running at its end (a failed test) is killed."""
    started: list[subprocess.Popen] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(30)


def start_watcher(env: dict[str, str], log: Path, started: list[subprocess.Popen]) -> subprocess.Popen:
    with log.open("a") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "inbox", "watch"], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    started.append(process)
    return process


def kill_at(process: subprocess.Popen, ledger: Path, moment: str, appended: int) -> str:
    """SIGKILL the watcher once a message is at ``moment``, or at the latest while it works on the
    last message appended; returns the step seen."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        steps = mail_steps(ledger)
        working = [step for step in steps if step != "finished"]
        if moment in steps or (len(steps) == appended and working):
            process.send_signal(signal.SIGKILL)
            process.wait(30)
            return moment if moment in steps else working[0]
        time.sleep(LOOK_S)
    raise AssertionError(f"the watcher never reached a message ({moment}) within {WAIT_S} s")


@pytest.mark.slow
def test_a_watcher_killed_mid_message_takes_each_message_exactly_once(
    dovecot: Dovecot, desk: Desk, tmp_path: Path, watchers: list[subprocess.Popen]
) -> None:
    env = desk_env(desk) | dovecot.env()
    ledger = desk.settings.ledger_path
    log = tmp_path / "watch.log"
    killed_at = []
    for round_no in range(ROUNDS):
        for n in range(PER_ROUND):
            dovecot.append("INBOX", order_email(round_no * PER_ROUND + n, lines=LINES))
        watcher = start_watcher(env, log, watchers)
        appended = (round_no + 1) * PER_ROUND
        killed_at.append(kill_at(watcher, ledger, MOMENTS[round_no % len(MOMENTS)], appended))
    total = ROUNDS * PER_ROUND

    watcher = start_watcher(env, log, watchers)
    wait_until(lambda: mail_steps(ledger).count("finished") == total, "every message finished", timeout=300)
    watcher.send_signal(signal.SIGINT)
    assert watcher.wait(30) == 0, log.read_text()[-2000:]

    assert all(step != "finished" for step in killed_at), killed_at
    assert sorted(mail_steps(ledger)) == ["finished"] * total
    assert desk.ledger.jobs(limit=1000) and {job.status for job in desk.ledger.jobs(limit=1000)} == {"done"}
    assert len(desk.ledger.jobs(limit=1000)) == total
    assert finished_runs(ledger) == [1] * total, killed_at
    assert orders_per_email(ledger) == [1] * total
    assert len(dovecot.uids("INBOX")) == total and dovecot.uids("INBOX", "UNKEYWORD", "$OrderDesk") == []
    assert "stopped" in log.read_text() and PASSWORD not in log.read_text()
