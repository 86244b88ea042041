"""The runner: stages in order, every step reported, failures fail the job and keep the input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.catalog.store import CatalogStore
from pipeline.customers.directory import CustomerDirectory
from pipeline.customers.samples import load_sample_customers
from pipeline.events import Event
from pipeline.job import Stage
from pipeline.job_status import JobStatus
from pipeline.ledger import Ledger
from pipeline.runner import Runner

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture
def runner(small_catalog_path: Path, tmp_path: Path) -> Runner:
    return Runner(catalog=CatalogStore(small_catalog_path), ledger=Ledger(tmp_path / "ledger.sqlite"))


def _collect(runner: Runner) -> list[Event]:
    events: list[Event] = []
    runner.bus.subscribe(events.append)
    return events


def test_a_job_reports_every_stage_in_order(runner: Runner) -> None:
    events = _collect(runner)
    state = runner.process("sample_order_1.txt", (SAMPLES / "sample_order_1.txt").read_bytes())
    stage_events = [(e.kind, e.stage) for e in events if e.kind in ("stage_started", "stage_finished")]
    expected = []
    for name in ("ingest", "extract", "customer", "search", "match", "assemble", "review"):
        expected += [("stage_started", name), ("stage_finished", name)]
    assert stage_events == expected
    assert events[0].kind == "job_started" and events[-1].kind == "job_finished"
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert state.order is not None and len(state.order.lines) == 5
    finished = [e for e in events if e.kind == "stage_finished"]
    assert all(e.data["elapsed_ms"] >= 0 and e.data["summary"] for e in finished)
    assert {e.data["line_no"] for e in events if e.kind == "line_updated"} == {1, 2, 3, 4, 5}


def test_the_ledger_replays_exactly_what_subscribers_saw(runner: Runner) -> None:
    events = _collect(runner)
    state = runner.process("sample_order_3.txt", (SAMPLES / "sample_order_3.txt").read_bytes())
    assert runner.ledger.events(state.job_id) == events
    record = runner.ledger.job(state.job_id)
    assert record.status == "done"
    assert record.result == state.order.to_dict()


def test_an_unreadable_input_fails_the_job_with_a_clear_error_and_is_kept(runner: Runner) -> None:
    events = _collect(runner)
    state = runner.process("empty.txt", b"")
    record = runner.ledger.job(state.job_id)
    assert record.status == "failed"
    assert record.error == "cannot read empty.txt: the file is empty"
    assert runner.ledger.input_data(state.job_id) == b""
    assert [(e.kind, e.stage) for e in events][-2:] == [("stage_failed", "ingest"), ("job_failed", None)]


def test_an_unexpected_error_fails_the_job_then_reaches_the_caller(runner: Runner) -> None:
    def broken(state, ctx) -> str:
        raise ZeroDivisionError("boom")

    failing = Runner(runner.catalog, runner.ledger, stages=(Stage("broken", broken),))
    job_id = failing.submit("a.txt", b"x")
    with pytest.raises(ZeroDivisionError):
        failing.run(job_id)
    record = failing.ledger.job(job_id)
    assert record.status == "failed" and "ZeroDivisionError" in record.error


def test_a_broken_subscriber_does_not_break_the_job(runner: Runner) -> None:
    def explode(event: Event) -> None:
        raise RuntimeError("listener bug")

    runner.bus.subscribe(explode)
    state = runner.process("test_minimal.txt", (SAMPLES / "test_minimal.txt").read_bytes())
    assert runner.ledger.job(state.job_id).status == "done"


class WatchingLedger(Ledger):
    """A real ledger that notes, whenever a job gets a final status, what a reader sees then."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.seen: list[tuple[str, str, bool]] = []

    def set_status(self, job_id: str, status: JobStatus, **kwargs: Any) -> None:
        if status in ("done", "failed"):
            last = self.events(job_id)[-1].kind
            self.seen.append((status, last, self.connection().in_transaction))
        super().set_status(job_id, status, **kwargs)


def test_a_final_status_commits_with_the_jobs_last_event(small_catalog_path: Path, tmp_path: Path) -> None:
    """An HTTP follower stops when it reads a final status: the last event must already be there."""
    ledger = WatchingLedger(tmp_path / "ledger.sqlite")
    runner = Runner(catalog=CatalogStore(small_catalog_path), ledger=ledger)
    done = runner.process("sample_order_1.txt", (SAMPLES / "sample_order_1.txt").read_bytes())
    failed = runner.process("empty.txt", b"")
    assert ledger.seen == [("done", "job_finished", True), ("failed", "job_failed", True)]
    for state in (done, failed):
        assert [e.seq for e in ledger.events(state.job_id)] == list(
            range(1, len(ledger.events(state.job_id)) + 1)
        )


def test_an_upload_is_accepted_whole_or_not_at_all(runner: Runner) -> None:
    email = b"From: buyer@example.com\n\n10 pcs 304 sheet 0.125 x 48 x 96\n"
    with pytest.raises(TypeError):  # the third input cannot be stored, after the first two were
        runner.submit_many([("a.txt", email), ("b.txt", email + b"more"), ("c.txt", object())])  # type: ignore[list-item]
    assert runner.ledger.jobs(10) == []
    first, second, again = runner.submit_many([("a.txt", email), ("b.txt", email + b"x"), ("a2.txt", email)])
    assert {job.job_id for job in runner.ledger.jobs(10)} == {first, second}
    assert again == first  # the same bytes twice in one upload are one job


def test_the_customer_stage_names_the_sender_before_matching(runner: Runner) -> None:
    load_sample_customers(runner.ledger)
    events = _collect(runner)
    known = runner.process("sample_order_1.txt", (SAMPLES / "sample_order_1.txt").read_bytes())
    unknown = runner.process("new.txt", b"From: buyer@newco.example\n\n10 pcs 304 sheet 0.125 x 48 x 96\n")
    summaries = [e.data["summary"] for e in events if e.kind == "stage_finished" and e.stage == "customer"]
    assert summaries == [
        "ACME Manufacturing Co. (C-1001), by email domain",
        f"new prospect newco.example ({unknown.customer.record.customer_id})",
    ]
    assert known.order.account.customer_id == "C-1001"
    assert CustomerDirectory(runner.ledger).get(unknown.customer.record.customer_id)  # saved with its order
