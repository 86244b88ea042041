"""The session store, fed by real jobs without a server (events are applied where they arrive)."""

from __future__ import annotations

from dashboard.jobs import JobService
from dashboard.progress import JobProgress
from dashboard.store import DeskStore
from pipeline.events import Event

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
    assert store.jobs == {job_id: f"sample_order_1.txt · {job_id[:8]}"}


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
