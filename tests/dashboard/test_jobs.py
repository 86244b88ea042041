"""The job service: runs jobs off the request thread and replays history to late subscribers."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dashboard.jobs import JobService, _Subscription
from dashboard.pools import ProcessJobs
from pipeline.config import Settings
from pipeline.context import open_runner
from pipeline.errors import OrderDeskError
from pipeline.events import Event
from pipeline.job import JobState, Stage, StageContext
from pipeline.ledger import Ledger
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


def test_a_retry_starting_while_the_history_is_read_keeps_the_subscriber() -> None:
    """The history ends "interrupted" but a retry's start arrived meanwhile: stay subscribed."""
    seen: list[Event] = []
    subscription = _Subscription(seen.append)
    interrupted = Event(job_id="j", seq=3, kind="job_interrupted")
    restarted, finished = (
        Event(job_id="j", seq=4, kind="job_started"),
        Event(job_id="j", seq=9, kind="job_finished"),
    )
    subscription.offer(restarted)
    assert subscription.go_live([interrupted]) is False
    subscription.offer(finished)
    assert [event.kind for event in seen] == ["job_interrupted", "job_started", "job_finished"]


def test_a_subscriber_of_an_ended_job_takes_nothing_more() -> None:
    """Dropped at the end of its replay, it must not show a later retry's start and never its end."""
    seen: list[Event] = []
    subscription = _Subscription(seen.append)
    assert subscription.go_live([Event(job_id="j", seq=3, kind="job_interrupted")]) is True
    subscription.offer(Event(job_id="j", seq=4, kind="job_started"))
    assert [event.kind for event in seen] == ["job_interrupted"]


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


def test_startup_marks_jobs_of_a_dead_process_interrupted(
    make_service: MakeService, interrupted_job: str
) -> None:
    service = make_service()
    assert service.interrupted == [interrupted_job]
    assert service.job(interrupted_job).status == "interrupted"
    assert service.runner.ledger.events(interrupted_job)[-1].kind == "job_interrupted"


def test_an_interrupted_job_retries_from_its_stored_input_and_its_history_goes_on(
    make_service: MakeService, interrupted_job: str
) -> None:
    service = make_service()
    changed: list[str] = []
    service.watch(changed.append)
    service.retry(interrupted_job)
    record = service.wait(interrupted_job, timeout=WAIT_S)
    assert record.status == "done" and len(record.result["lines"]) == 5
    kinds = [event.kind for event in service.runner.ledger.events(interrupted_job)]
    assert kinds[:3] == ["job_started", "stage_started", "job_interrupted"]
    assert kinds[3] == "job_started" and kinds[-1] == "job_finished"
    assert changed[0] == interrupted_job and set(changed) == {interrupted_job}
    assert len(changed) == 3  # queued, started, finished


def test_only_a_stopped_or_failed_job_can_be_retried(service: JobService, sample_order: bytes) -> None:
    job_id = service.submit("sample_order_1.txt", sample_order)
    service.wait(job_id, timeout=WAIT_S)
    with pytest.raises(OrderDeskError, match="is done; only a stopped or failed job retries"):
        service.retry(job_id)
    with pytest.raises(OrderDeskError, match="no job nope"):
        service.retry("nope")


def test_recent_lists_jobs_of_every_service_on_the_ledger_newest_first(
    make_service: MakeService, sample_order: bytes
) -> None:
    first, second = make_service(), make_service()
    older = first.submit("sample_order_1.txt", sample_order)
    newer = second.submit("empty.txt", b"")
    for service, job_id in ((first, older), (second, newer)):
        service.wait(job_id, timeout=WAIT_S)
    assert [record.job_id for record in first.recent()] == [newer, older]


@pytest.mark.slow
def test_jobs_in_worker_processes_relay_every_event_in_order(
    small_catalog_path: Path, tmp_path: Path, sample_order: bytes
) -> None:
    settings = Settings(tmp_path, small_catalog_path, tmp_path / "ledger.sqlite")
    runner = open_runner(settings)
    service = JobService(runner, pool=lambda svc: ProcessJobs(settings, workers=2, relay=svc.relay))
    try:
        seen: list[Event] = []
        ended = threading.Event()

        def follow(event: Event) -> None:
            seen.append(event)
            if event.kind == "job_finished":
                ended.set()

        job_ids = service.submit_many(
            [("sample_order_1.txt", sample_order), ("empty.txt", b"")],
            before_run=lambda ids: service.subscribe(ids[0], follow),
        )
        records = [service.wait(job_id, timeout=WAIT_S) for job_id in job_ids]
        assert [record.status for record in records] == ["done", "failed"]
        assert len(records[0].result["lines"]) == 5
        # The relay is its own channel: the last events may land just after the job's future.
        assert ended.wait(WAIT_S)
        assert seen == runner.ledger.events(job_ids[0])  # every event, live, once, in order
        assert os.getpid() not in _owner_pids(runner.ledger.path, job_ids)  # they ran in the workers
    finally:
        service.close()


@pytest.mark.slow
def test_a_dead_worker_process_leaves_its_job_interrupted_and_the_queue_running(
    small_catalog_path: Path, tmp_path: Path, sample_order: bytes
) -> None:
    settings = Settings(tmp_path, small_catalog_path, tmp_path / "ledger.sqlite")
    runner = open_runner(settings)
    service = JobService(runner, pool=lambda svc: ProcessJobs(settings, workers=1, relay=svc.relay))
    try:
        doomed, waiting = service.submit_many(
            [("long.txt", _long_email()), ("sample_order_1.txt", sample_order)]
        )
        seen: list[Event] = []
        service.subscribe(doomed, seen.append)
        deadline = time.monotonic() + WAIT_S
        while service.job(doomed).status != "running" and time.monotonic() < deadline:
            time.sleep(0.01)  # polling the ledger until the worker has claimed the job
        os.kill(_owner_pids(runner.ledger.path, [doomed])[0], signal.SIGKILL)
        assert service.wait(waiting, timeout=WAIT_S).status == "done"  # queued behind it, still runs
        assert service.job(doomed).status == "interrupted"
        assert seen[-1].kind == "job_interrupted"  # followers were told, live
        assert service.wait(service.submit("empty.txt", b""), timeout=WAIT_S).status == "failed"
    finally:
        service.close()


@pytest.mark.slow
def test_a_worker_killed_while_it_sends_an_event_leaves_the_next_worker_a_clear_channel(
    small_catalog_path: Path, tmp_path: Path, sample_order: bytes
) -> None:
    """Killed inside a send, a worker holds the event channel's write lock forever: its successor
    must not have to take that lock, or its job never ends and close() waits on it for ever."""
    settings = Settings(tmp_path, small_catalog_path, tmp_path / "ledger.sqlite")
    runner = open_runner(settings)
    service = JobService(runner, pool=lambda svc: ProcessJobs(settings, workers=1, relay=svc.relay))
    relaying, release = threading.Event(), threading.Event()

    def hold_the_relay(event: Event) -> None:  # the channel fills up until the worker blocks in a send
        relaying.set()
        release.wait(WAIT_S)

    try:
        doomed, waiting = service.submit_many(
            [("long.txt", _long_email()), ("sample_order_1.txt", sample_order)],
            before_run=lambda ids: service.subscribe(ids[0], hold_the_relay),
        )
        assert relaying.wait(WAIT_S)
        worker = _owner_pids(runner.ledger.path, [doomed])[0]
        _wait_until_writing_a_pipe(worker)
        os.kill(worker, signal.SIGKILL)
        release.set()
        assert service.wait(waiting, timeout=WAIT_S).status == "done"
        assert service.job(doomed).status == "interrupted"
        assert service.wait(service.submit("empty.txt", b""), timeout=WAIT_S).status == "failed"
    finally:
        release.set()
        _close_or_kill(service)


def _long_email() -> bytes:
    """An order whose job emits about 1,200 events (some 400 kB): more than a pipe holds. Each line
    is a part of its own (its length), or the lines of one part would be read as one."""
    return b"Please ship:\n" + b"".join(
        b"%d. Stainless Steel 304 Sheet - 48in x %din x 0.125in thick - Quantity: %d sheets\n"
        % (n, 20 + n, n)
        for n in range(1, 400)
    )


def _wait_until_writing_a_pipe(pid: int) -> None:
    """Until a thread of ``pid`` sleeps in a pipe write (Linux's wchan): a worker only writes a
    pipe to send an event or a result, holding that channel's write lock while it does."""
    where: set[str] = set()
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        where = {wchan.read_text() for wchan in Path(f"/proc/{pid}/task").glob("*/wchan")}
        if any("pipe_write" in symbol for symbol in where):
            return
        if not where - {"", "0"}:  # no /proc, or a kernel that does not say where threads sleep
            pytest.skip("needs Linux's /proc/<pid>/wchan to see the worker block in a send")
        time.sleep(0.01)
    pytest.fail(f"worker {pid} never blocked sending an event; its threads sleep in {where}")


def _close_or_kill(service: JobService) -> None:
    """Close the service, asserting it returns; if it hangs on a stuck worker, kill this process's
    children (the workers) so neither this test nor the session's exit waits on them for ever."""
    closing = threading.Thread(target=service.close, name="close", daemon=True)
    closing.start()
    closing.join(WAIT_S)
    if closing.is_alive():
        for child in multiprocessing.active_children():
            child.kill()
        closing.join(WAIT_S)
        pytest.fail("service.close() hung on a worker process")


def _owner_pids(ledger_path: Path, job_ids: list[str]) -> list[int]:
    with sqlite3.connect(ledger_path) as connection:
        marks = ", ".join("?" for _ in job_ids)
        rows = connection.execute(f"SELECT owner_pid FROM jobs WHERE job_id IN ({marks})", job_ids)
        return [row[0] for row in rows]


def test_accepted_jobs_run_even_when_the_caller_fails_before_they_are_queued(
    service: JobService, sample_order: bytes
) -> None:
    def broken_page(_: list[str]) -> None:
        raise RuntimeError("the page went away")

    job_ids = service.accept([("sample_order_1.txt", sample_order)])
    with pytest.raises(RuntimeError):
        service.run_accepted(job_ids, before_run=broken_page)
    assert service.wait(job_ids[0], timeout=WAIT_S).status == "done"


def test_queued_jobs_of_a_stopped_server_run_by_themselves_and_running_ones_wait_for_retry(
    make_service: MakeService, interrupted_job: str, sample_order: bytes, dead_pid: int, tmp_path: Path
) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")  # the stopped server's, with a job it had started
    waiting = [ledger.accept(f"waiting-{n}.txt", sample_order + b"\n" * (n + 1)) for n in range(2)]
    with sqlite3.connect(ledger.path) as connection:
        connection.execute("UPDATE jobs SET owner_pid = ? WHERE status = 'queued'", (dead_pid,))
    service = make_service()  # the restart
    assert service.interrupted == [interrupted_job] and service.resumed == waiting
    assert [service.wait(job_id, timeout=WAIT_S).status for job_id in waiting] == ["done", "done"]
    assert service.job(interrupted_job).status == "interrupted"
    assert make_service().resumed == []  # adopted once: a third process finds none
