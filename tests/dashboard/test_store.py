"""The session store, fed by real jobs without a server (events are applied where they arrive)."""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING

from dashboard.jobs import JobService
from dashboard.progress import JobProgress
from dashboard.store import DeskStore
from pipeline.events import Event

if TYPE_CHECKING:
    from tests.dashboard.conftest import MakeService

WAIT_S = 30


def test_a_processed_sample_ends_with_every_stage_done_and_the_order_shown(
    service: JobService, sample_order: bytes
) -> None:
    store = DeskStore(service=service)
    job_id = store.submit("sample_order_1.txt", sample_order)
    service.wait(job_id, timeout=WAIT_S)
    assert store.current == job_id and store.status == "done"
    assert list(store.stages) == list(service.stage_names)
    for stage in store.stages.values():
        assert stage.status == "done"
        assert stage.elapsed_ms is not None and stage.summary
    assert [line.status for line in store.lines.values()] == ["matched"] * 5
    assert store.order is not None and len(store.order["lines"]) == 5
    row, verdict = store.jobs[job_id], store.order["review"]["status"]
    assert (row.filename, row.status, row.lines, row.review) == ("sample_order_1.txt", "done", 5, verdict)


def test_a_failing_input_marks_its_stage_and_the_job_failed(service: JobService) -> None:
    store = DeskStore(service=service)
    job_id = store.submit("empty.txt", b"")
    service.wait(job_id, timeout=WAIT_S)
    assert store.status == "failed"
    assert store.error == "cannot read empty.txt: the file is empty"
    assert store.stages["ingest"].status == "failed"
    assert {stage.status for name, stage in store.stages.items() if name != "ingest"} == {"pending"}
    assert store.order is None


def test_choosing_an_earlier_job_shows_its_state(service: JobService, sample_order: bytes) -> None:
    store = DeskStore(service=service)
    good = store.submit("sample_order_1.txt", sample_order)
    bad = store.submit("empty.txt", b"")
    for job_id in (good, bad):
        service.wait(job_id, timeout=WAIT_S)
    assert store.current == bad and store.status == "failed"
    store.current = good
    assert store.status == "done" and store.order is not None


def test_progress_ignores_an_event_it_has_already_seen() -> None:
    progress = JobProgress("j", "a.txt", ("ingest",))
    started = Event(job_id="j", seq=1, kind="stage_started", stage="ingest")
    finished = Event(job_id="j", seq=2, kind="stage_finished", stage="ingest", data={"elapsed_ms": 1.5})
    assert progress.apply(started) and progress.apply(finished)
    assert not progress.apply(started)
    assert progress.stages["ingest"].status == "done"


def test_lines_not_yet_matched_when_a_job_stops_say_how_it_ended() -> None:
    progress = JobProgress("j", "a.txt", ("match",))
    for seq, (line_no, status) in enumerate([(1, "matched"), (2, "searching"), (3, "extracted")], 1):
        progress.apply(
            Event(job_id="j", seq=seq, kind="line_updated", data={"line_no": line_no, "status": status})
        )
    progress.apply(Event(job_id="j", seq=4, kind="job_interrupted", data={"error": "the server stopped"}))
    assert {no: line.status for no, line in progress.lines.items()} == {
        1: "matched", 2: "interrupted", 3: "interrupted"
    }  # fmt: skip


def test_a_new_page_lists_jobs_it_did_not_start_and_follows_one_from_its_history(
    service: JobService, sample_order: bytes
) -> None:
    job_id = service.submit("sample_order_1.txt", sample_order)
    service.wait(job_id, timeout=WAIT_S)
    store = DeskStore(service=service)  # a page opened after the job ran, e.g. a reload
    assert list(store.jobs) == [job_id] and store.current is None
    store.current = job_id
    assert store.status == "done" and {stage.status for stage in store.stages.values()} == {"done"}
    assert len(store.lines) == 5 and store.order["order_id"]


def test_two_pages_on_one_job_end_in_the_same_state(service: JobService, sample_order: bytes) -> None:
    first = DeskStore(service=service)
    job_id = first.submit("sample_order_1.txt", sample_order)
    second = DeskStore(service=service)
    second.current = job_id  # joins while the job is queued or running
    service.wait(job_id, timeout=WAIT_S)
    assert list(second.jobs) == [job_id]
    for name in ("status", "stages", "lines", "order", "error"):
        assert getattr(first, name) == getattr(second, name), name


def test_a_job_submitted_elsewhere_appears_in_an_open_page(service: JobService, sample_order: bytes) -> None:
    page = DeskStore(service=service)
    job_id = service.submit("sample_order_1.txt", sample_order)  # e.g. the HTTP API
    service.wait(job_id, timeout=WAIT_S)
    assert page.jobs[job_id].status == "done"


def test_an_interrupted_job_shows_interrupted_and_retry_runs_it_to_the_end(
    make_service: MakeService, interrupted_job: str
) -> None:
    service = make_service()
    store = DeskStore(service=service)
    assert store.jobs[interrupted_job].status == "interrupted"
    store.current = interrupted_job
    assert store.status == "interrupted" and "stopped" in store.error
    assert store.stages["ingest"].status == "interrupted"
    store.retry()
    service.wait(interrupted_job, timeout=WAIT_S)
    assert store.status == "done" and store.error == ""
    assert {stage.status for stage in store.stages.values()} == {"done"}
    assert store.jobs[interrupted_job].status == "done"


def test_a_retry_from_another_page_is_followed(make_service: MakeService, interrupted_job: str) -> None:
    service = make_service()
    watching, retrying = DeskStore(service=service), DeskStore(service=service)
    watching.current = interrupted_job
    retrying.retry(interrupted_job)
    service.wait(interrupted_job, timeout=WAIT_S)
    assert watching.status == "done" and len(watching.lines) == 5


def test_an_unknown_job_says_so(service: JobService) -> None:
    store = DeskStore(service=service)
    store.current = "no-such-job"
    assert store.error == "There is no job no-such-job in the ledger."


def test_an_upload_stored_off_the_loop_is_listed_followed_then_run(
    service: JobService, sample_order: bytes
) -> None:
    store = DeskStore(service=service)
    stored_in: list[str] = []
    accept = service.accept

    def accept_and_note_thread(inputs: list[tuple[str, bytes]]) -> list[str]:
        stored_in.append(threading.current_thread().name)
        return accept(inputs)

    service.accept = accept_and_note_thread  # type: ignore[method-assign]
    inputs = [("sample_order_1.txt", sample_order), ("empty.txt", b"")]
    job_ids = asyncio.run(store.submit_many_off_loop(inputs))
    assert stored_in and stored_in[0] != threading.current_thread().name  # not the loop's thread
    assert list(store.jobs) == job_ids[::-1] and store.current == job_ids[0]
    assert [service.wait(job_id, timeout=WAIT_S).status for job_id in job_ids] == ["done", "failed"]
    assert store.status == "done" and store.order is not None  # the first job, the one it follows


def test_a_record_read_before_the_job_finished_never_puts_its_row_behind_its_cards(
    service: JobService, sample_order: bytes
) -> None:
    store = DeskStore(service=service)
    job_id = store.submit("sample_order_1.txt", sample_order)
    early = service.job(job_id)  # read as the job starts: its list row is "queued" or "running"
    service.wait(job_id, timeout=WAIT_S)
    assert early.status in ("queued", "running") and store.status == "done"
    store._apply([early])  # the job list's delayed refresh brings that early record last
    row = store.jobs[job_id]
    totals = store.order["totals"]
    assert (row.status, row.lines, row.subtotal) == ("done", totals["line_count"], totals["subtotal"])
