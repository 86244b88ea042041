"""The job service: runs jobs off the request thread and replays history to late subscribers."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.jobs import JobService, _Subscription
from pipeline.events import Event
from pipeline.ledger import Ledger
from pipeline.runner import JobState, Stage, StageContext
from pipeline.stages import DEFAULT_STAGES

if TYPE_CHECKING:  # a fixture's type; conftest is pytest's to import
    from tests.dashboard.conftest import MakeService

WAIT_S = 30


def test_submit_stores_the_input_and_runs_the_job_on_the_pool(
    service: JobService, sample_order: bytes
) -> None:
    threads: set[str] = set()
    service.runner.bus.subscribe(lambda event: threads.add(threading.current_thread().name))
    job_id = service.submit("sample_order_1.txt", sample_order)
    record = service.wait(job_id, timeout=WAIT_S)
    assert {name.split("_")[0] for name in threads} == {"orderdesk-job"}
    assert record.status == "done"
    assert len(record.result["lines"]) == 5
    assert service.runner.ledger.input_data(job_id) == sample_order


def test_a_late_subscriber_replays_the_whole_history_once(service: JobService, sample_order: bytes) -> None:
    job_id = service.submit("sample_order_1.txt", sample_order)
    service.wait(job_id, timeout=WAIT_S)
    seen: list[Event] = []
    service.subscribe(job_id, seen.append)
    assert seen == service.runner.ledger.events(job_id)
    assert [event.seq for event in seen] == list(range(1, len(seen) + 1))
    assert seen[-1].kind == "job_finished"


def test_a_subscriber_joining_mid_job_gets_history_then_live_events_without_gap(
    make_service: MakeService, sample_order: bytes
) -> None:
    reached, release = threading.Event(), threading.Event()

    def gate(state: JobState, ctx: StageContext) -> str:
        reached.set()
        assert release.wait(WAIT_S)
        return "released"

    service = make_service((*DEFAULT_STAGES[:3], Stage("gate", gate), *DEFAULT_STAGES[3:]))
    job_id = service.submit("sample_order_1.txt", sample_order)
    assert reached.wait(WAIT_S)
    seen: list[Event] = []
    service.subscribe(job_id, seen.append)
    replayed = len(seen)
    release.set()
    assert service.wait(job_id, timeout=WAIT_S).status == "done"
    assert 0 < replayed < len(seen)
    assert [event.seq for event in seen] == list(range(1, len(seen) + 1))
    assert seen == service.runner.ledger.events(job_id)


def test_an_event_both_replayed_and_received_live_is_delivered_once() -> None:
    seen: list[Event] = []
    subscription = _Subscription(seen.append)
    first, second, third = (Event(job_id="j", seq=seq, kind="stage_started", stage="x") for seq in (1, 2, 3))
    subscription.offer(second)  # emitted live while the history was being read
    subscription.go_live([first, second])
    subscription.offer(third)
    subscription.offer(third)
    assert [event.seq for event in seen] == [1, 2, 3]


def test_unsubscribed_callbacks_get_nothing_more(make_service: MakeService, sample_order: bytes) -> None:
    release = threading.Event()

    def gate(state: JobState, ctx: StageContext) -> str:
        assert release.wait(WAIT_S)
        return "released"

    service = make_service((Stage("gate", gate), *DEFAULT_STAGES))
    job_id = service.submit("sample_order_1.txt", sample_order)
    seen: list[Event] = []
    unsubscribe = service.subscribe(job_id, seen.append)
    unsubscribe()
    count = len(seen)
    release.set()
    service.wait(job_id, timeout=WAIT_S)
    assert len(seen) == count


def test_startup_marks_jobs_of_a_dead_process_interrupted(make_service: MakeService, tmp_path: Path) -> None:
    ledger_path = tmp_path / "ledger.sqlite"
    job_id = Ledger(ledger_path).accept("lost.txt", b"10 pcs 304 sheet")
    code = "import os; print(os.getpid())"
    dead = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    with sqlite3.connect(ledger_path) as connection:  # as if that process had been running it
        connection.execute(
            "UPDATE jobs SET status = 'running', owner_pid = ? WHERE job_id = ?", (int(dead.stdout), job_id)
        )
    assert int(dead.stdout) != os.getpid()
    service = make_service()
    assert service.interrupted == [job_id]
    assert service.job(job_id).status == "interrupted"
