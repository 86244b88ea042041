"""The ledger keeps every accepted input, job and event, across processes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.events import Event
from pipeline.ledger import Ledger, LedgerError, content_hash


def test_accept_keeps_the_input_bytes(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    job_id = ledger.accept("order.txt", b"6 pcs 316L tube")
    record = ledger.job(job_id)
    assert record.status == "queued"
    assert record.content_hash == content_hash(b"6 pcs 316L tube")
    assert ledger.input_data(job_id) == b"6 pcs 316L tube"


def test_events_replay_in_order_after_a_seq(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    job_id = ledger.accept("a.txt", b"x")
    for seq, kind in enumerate(["job_started", "stage_started", "stage_finished"], start=1):
        ledger.record(Event(job_id=job_id, seq=seq, kind=kind, stage="ingest", data={"n": seq}))
    assert [event.seq for event in ledger.events(job_id)] == [1, 2, 3]
    assert [event.data["n"] for event in ledger.events(job_id, after_seq=1)] == [2, 3]
    assert ledger.last_seq(job_id) == 3


def test_a_duplicate_event_is_refused_not_silently_doubled(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    job_id = ledger.accept("a.txt", b"x")
    ledger.record(Event(job_id=job_id, seq=1, kind="job_started"))
    with pytest.raises(sqlite3.IntegrityError):
        ledger.record(Event(job_id=job_id, seq=1, kind="job_started"))
    assert len(ledger.events(job_id)) == 1


def test_the_file_is_in_wal_mode(tmp_path: Path) -> None:
    Ledger(tmp_path / "ledger.sqlite")
    mode = sqlite3.connect(tmp_path / "ledger.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def _left_running_by_a_dead_process(path: Path, then: str = "pass") -> str:
    """A job another process accepted and started (running ``then`` with ``l`` and ``j``), then exited."""
    code = (
        "import sys; from pipeline.ledger import Ledger; from pipeline.events import Event;"
        f"l = Ledger(sys.argv[1]); j = l.accept('a.txt', b'x'); l.set_status(j, 'running'); {then}; print(j)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_jobs_of_a_dead_process_are_marked_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    job_id = _left_running_by_a_dead_process(path)
    ledger = Ledger(path)
    own = ledger.accept("b.txt", b"y")
    assert ledger.recover() == [job_id]
    assert ledger.job(job_id).status == "interrupted"
    assert ledger.job(own).status == "queued"  # this process is alive: its job is not touched
    assert [event.kind for event in ledger.events(job_id)] == ["job_interrupted"]
    assert ledger.recover() == []  # once marked, a job is not marked again


def test_an_interrupted_job_says_so_at_the_end_of_its_history(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    job_id = _left_running_by_a_dead_process(
        path,
        "l.record(Event(job_id=j, seq=1, kind='job_started'));"
        "l.record(Event(job_id=j, seq=2, kind='stage_started', stage='ingest'))",
    )
    ledger = Ledger(path)
    ledger.recover()
    last = ledger.events(job_id)[-1]
    assert (last.seq, last.kind, last.stage) == (3, "job_interrupted", None)
    assert "stopped" in last.data["error"] and ledger.job(job_id).error == last.data["error"]


def test_an_unwritable_location_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(LedgerError, match="cannot open ledger"):
        Ledger(blocker / "ledger.sqlite")
