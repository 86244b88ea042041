"""Batch runs in this process: what gets run, skipped or failed, and what the ledger keeps."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pipeline.batch import InProcessExecutor, run_batch
from pipeline.batch.batch_ledger import BatchLedger
from pipeline.batch.inputs import Input, expand
from pipeline.batch.run import chunk_size_for, plan
from pipeline.batch.work import process_input
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.context import open_order_service
from pipeline.errors import CatalogError
from pipeline.events import Event
from pipeline.ingest import READERS
from pipeline.ledger import Ledger, content_hash
from pipeline.runner import Runner

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture
def settings(desk_settings: Settings) -> Settings:
    """The shared desk settings: default rules, the small catalog, a ledger under tmp_path."""
    return desk_settings


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    return folder


def _done_jobs(ledger_path: Path) -> list[str]:
    return [job.content_hash for job in Ledger(ledger_path).jobs(limit=10_000, status="done")]


def _reject(settings: Settings, path: Path) -> str:
    """Reject the order of ``path`` through the review API (a locked order); returns its id."""
    service = open_order_service(settings)
    order = service.store.for_content(content_hash(path.read_bytes()))
    service.reject(order.order_id, actor="test desk", comment="customer cancelled")
    return order.order_id


def test_a_folder_is_processed_once_and_a_second_run_skips_it(settings: Settings, samples: Path) -> None:
    first = run_batch([samples], settings=settings, executor=InProcessExecutor(), chunk_size=4)
    assert len(first.processed) == 11 and not first.failed and not first.skipped
    assert sorted(_done_jobs(settings.ledger_path)) == sorted(o.content_hash for o in first.processed)
    assert all(o.order_id and o.job_id and o.pipeline_ms > 0 for o in first.processed)

    second = run_batch([samples], settings=settings)
    assert not second.processed and len(second.skipped) == 11
    assert {o.reason for o in second.skipped} == {"already done (use --force to run it again)"}
    assert len(_done_jobs(settings.ledger_path)) == 11

    unlocked = next(o for o in first.processed if o.review_status == "needs_review")
    forced = run_batch([unlocked.name], settings=settings, force=True)
    assert len(forced.processed) == 1 and forced.processed[0].job_id != unlocked.job_id
    assert len(_done_jobs(settings.ledger_path)) == 12


def test_an_email_done_meanwhile_by_another_process_is_skipped_not_redone(
    settings: Settings, samples: Path
) -> None:
    runner = Runner(catalog=CatalogStore(settings.catalog_path), ledger=BatchLedger(settings.ledger_path))
    email = Input.of("order.txt", (samples / "sample_order_2.txt").read_bytes())
    assert process_input(runner, email).status == "done"
    again = process_input(runner, email)  # as if planned before the first run finished
    assert (again.status, again.reason) == ("skipped", "already done")
    assert len(_done_jobs(settings.ledger_path)) == 1


def test_bad_inputs_fail_one_by_one_with_their_reason_and_the_rest_complete(
    settings: Settings, samples: Path
) -> None:
    (samples / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (samples / "empty.eml").write_bytes(b"")
    report = run_batch([samples, samples / "missing.txt", str(samples / "*.pdf")], settings=settings)
    reasons = {Path(o.name).name: o.reason for o in report.failed}
    assert reasons == {
        "missing.txt": f"no such file or folder: {samples / 'missing.txt'}",
        "*.pdf": f"no file matches {samples / '*.pdf'}",
        "binary.txt": f"cannot read {samples / 'binary.txt'}: it looks like a binary file, not text",
        "empty.eml": f"cannot read {samples / 'empty.eml'}: the file is empty",
    }
    assert len(report.processed) == 11
    assert report.summary()["failed"] == 4 and len(report.summary()["failures"]) == 4


def test_duplicates_in_one_run_run_once_and_locked_orders_are_never_rerun(
    settings: Settings, samples: Path
) -> None:
    copy = samples / "copy_of_order_1.txt"
    shutil.copy(samples / "sample_order_1.txt", copy)
    report = run_batch([samples], settings=settings)
    assert [o.reason for o in report.skipped] == [f"same email as {samples / 'copy_of_order_1.txt'}"]

    _reject(settings, samples / "sample_order_3.txt")
    ledger = BatchLedger(settings.ledger_path)
    rejected = Input.of("order.txt", (samples / "sample_order_3.txt").read_bytes())
    work = plan(
        [rejected, Input.of("new.txt", b"1. 304 SS sheet .125 x 48 x 96 - Qty: 2")], ledger, force=True
    )
    assert [item.name for item in work.todo] == ["new.txt"]
    assert [(o.name, o.reason) for o in work.settled] == [
        ("order.txt", "its order is rejected: locked, left as it is")
    ]


def test_since_reruns_stored_emails_without_their_files(settings: Settings, samples: Path) -> None:
    run_batch(sorted(samples.glob("sample_order_*.txt")), settings=settings)
    rejected = _reject(settings, samples / "sample_order_1.txt")
    shutil.rmtree(samples)
    yesterday = datetime.now(UTC) - timedelta(days=1)
    assert not run_batch(since=yesterday, settings=settings).processed  # done already: resumable
    again = run_batch(since=yesterday, settings=settings, force=True)
    assert sorted(Path(o.name).name for o in again.processed) == ["sample_order_2.txt", "sample_order_3.txt"]
    assert [o.reason for o in again.skipped] == ["its order is rejected: locked, left as it is"]
    assert open_order_service(settings).get(rejected).status == "rejected"
    assert not run_batch(since=datetime.now(UTC) + timedelta(days=1), settings=settings).outcomes


def test_a_batch_job_keeps_its_whole_event_history(settings: Settings, samples: Path) -> None:
    ledger = BatchLedger(settings.ledger_path)
    runner = Runner(catalog=CatalogStore(settings.catalog_path), ledger=ledger)
    seen: list[Event] = []
    runner.bus.subscribe(seen.append)
    state = runner.process("sample_order_1.txt", (samples / "sample_order_1.txt").read_bytes())
    failed = runner.process("empty.txt", b"")
    plain = Ledger(settings.ledger_path)  # what a dashboard reading the same file sees
    assert plain.events(state.job_id) == [e for e in seen if e.job_id == state.job_id]
    assert [e.kind for e in plain.events(failed.job_id)][-2:] == ["stage_failed", "job_failed"]
    assert plain.job(state.job_id).status == "done" and plain.job(failed.job_id).status == "failed"


def test_events_wait_for_the_end_of_the_job(settings: Settings, samples: Path) -> None:
    ledger = BatchLedger(settings.ledger_path)
    runner = Runner(catalog=CatalogStore(settings.catalog_path), ledger=ledger)
    job_id = runner.submit("a.txt", (samples / "sample_order_2.txt").read_bytes())
    stored_midway: list[int] = []
    runner.bus.subscribe(lambda event: stored_midway.append(len(Ledger(settings.ledger_path).events(job_id))))
    runner.run(job_id)
    assert set(stored_midway[:-1]) == {0}  # nothing is written while the job runs …
    assert stored_midway[-1] == len(stored_midway)  # … then the whole history at once


def test_inputs_expand_folders_globs_and_files_once_each(samples: Path) -> None:
    (samples / "labels.jsonl").write_text("{}")
    files, problems = expand([samples, str(samples / "sample_order_*.txt"), samples / "test_minimal.txt"])
    assert len(files) == 11 and not problems
    assert all(path.suffix == ".txt" for path in files)
    (samples / "empty").mkdir()
    _, problems = expand([samples / "nothing.txt", samples / "empty"])
    assert [o.reason for o in problems] == [
        f"no such file or folder: {samples / 'nothing.txt'}",
        f"no {'/'.join(sorted(READERS))} files in the folder {samples / 'empty'}",
    ]


def test_chunks_are_about_four_per_worker_and_at_most_twenty_five_emails() -> None:
    assert chunk_size_for(1000, 2) == 25
    assert chunk_size_for(100, 2) == 13
    assert chunk_size_for(3, 8) == 1


def test_a_missing_catalog_stops_the_batch_before_any_work(settings: Settings, samples: Path) -> None:
    broken = Settings(settings.data_dir, settings.data_dir / "nope.duckdb", settings.ledger_path)
    with pytest.raises(CatalogError, match="does not exist; build it"):
        run_batch([samples], settings=broken)
    assert not settings.ledger_path.exists()
