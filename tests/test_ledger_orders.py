"""The ledger under real stress: duplicate emails, several writer processes, a process killed mid-job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.ledger import Ledger, content_hash
from pipeline.stages import DEFAULT_STAGES

if TYPE_CHECKING:
    from conftest import Desk

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
ENV = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

# A worker process: processes every sample (forced or not) and prints the job ids it got.
WORKER = """
import json, sys
from pathlib import Path
from pipeline.config import Settings
from pipeline.context import open_runner

ledger, catalog, samples, force = sys.argv[1:5]
settings = Settings(data_dir=Path(ledger).parent, catalog_path=Path(catalog), ledger_path=Path(ledger))
runner = open_runner(settings)
print(json.dumps([runner.process(p.name, p.read_bytes(), force=force == "1").job_id
                  for p in sorted(Path(samples).glob("*.txt"))]))
"""

# An editor process: changes line 1 of one order `edits` times.
EDITOR = """
import sys
from pathlib import Path
from pipeline.config import Settings
from pipeline.context import open_order_service

ledger, catalog, order_id, actor, edits = sys.argv[1:6]
settings = Settings(data_dir=Path(ledger).parent, catalog_path=Path(catalog), ledger_path=Path(ledger))
service = open_order_service(settings)
for n in range(int(edits)):
    service.edit_line(order_id, 1, actor=actor, quantity=n + 1)
"""


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )


def _finish(procs: list[subprocess.Popen[str]]) -> list[str]:
    """Every process's stdout, once all exited 0 (else their stderr)."""
    results = [proc.communicate(timeout=240) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * len(procs), [err for _, err in results]
    return [out for out, _ in results]


def test_the_same_email_again_is_the_same_job_unless_forced(desk: Desk) -> None:
    data = (SAMPLES / "sample_order_3.txt").read_bytes()
    first = desk.runner.process("a.txt", data)
    again = desk.runner.process("renamed.txt", data)
    assert again.job_id == first.job_id and again.reused
    assert again.order.to_dict() == desk.service.get(first.order.order_id).order.to_dict()
    assert len(desk.ledger.jobs()) == 1
    forced = desk.runner.process("a.txt", data, force=True)
    assert forced.job_id != first.job_id and not forced.reused
    assert [job.status for job in desk.ledger.jobs()] == ["done", "done"]
    assert len(desk.service.list_orders()) == 1


@pytest.mark.slow
def test_concurrent_writer_processes_lose_and_duplicate_nothing(desk: Desk, small_catalog_path: Path) -> None:
    ledger_path, catalog, workers, edits = desk.settings.ledger_path, str(small_catalog_path), 4, 5
    outputs = _finish([_spawn(WORKER, str(ledger_path), catalog, str(SAMPLES), "0") for _ in range(workers)])
    job_lists = [json.loads(out) for out in outputs]
    assert all(jobs == job_lists[0] for jobs in job_lists)  # every process got the same 11 jobs
    ledger = Ledger(ledger_path)
    jobs = ledger.jobs(limit=1000)
    assert len(jobs) == 11 and {job.status for job in jobs} == {"done"}
    for job in jobs:  # each job ran exactly once: one start, one finish, gapless seq
        events = ledger.events(job.job_id)
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        assert [e.kind for e in events].count("job_started") == 1
        assert [e.kind for e in events].count("job_finished") == 1
    connection = ledger.connection()
    assert connection.execute("SELECT count(*) FROM orders").fetchone()[0] == 11

    order_id = "OD-" + content_hash((SAMPLES / "sample_order_1.txt").read_bytes())[:12].upper()
    _finish(
        [_spawn(EDITOR, str(ledger_path), catalog, order_id, f"w{n}", str(edits)) for n in range(workers)]
    )
    audit = connection.execute(
        "SELECT version, actor FROM audit WHERE order_id = ? ORDER BY version", (order_id,)
    )
    rows = [tuple(row) for row in audit]
    assert [version for version, _ in rows] == list(range(1, 2 + workers * edits))  # no gap, no double
    assert sorted(actor for _, actor in rows[1:]) == sorted(
        f"w{n}" for n in range(workers) for _ in range(edits)
    )
    version = connection.execute("SELECT version FROM orders WHERE order_id = ?", (order_id,)).fetchone()[0]
    assert version == 1 + workers * edits


@pytest.mark.slow
def test_concurrent_forced_reprocessing_keeps_one_order_per_email(
    desk: Desk, small_catalog_path: Path
) -> None:
    args = (str(desk.settings.ledger_path), str(small_catalog_path), str(SAMPLES), "1")
    _finish([_spawn(WORKER, *args) for _ in range(3)])
    ledger = Ledger(desk.settings.ledger_path)
    assert len(ledger.jobs(limit=1000)) == 33 and {job.status for job in ledger.jobs(limit=1000)} == {"done"}
    connection = ledger.connection()
    assert connection.execute("SELECT count(*) FROM orders").fetchone()[0] == 11
    versions = connection.execute(
        "SELECT order_id, max(version), count(*) FROM audit GROUP BY order_id"
    ).fetchall()
    assert all(last == count == 3 for _, last, count in versions)  # created + 2 reprocessed each


# A process that runs every stage of one email, then stops before the job is finished.
HOLD = """
import sys
from pathlib import Path
from pipeline.catalog.store import CatalogStore
from pipeline.ledger import Ledger
from pipeline.job import Stage
from pipeline.runner import Runner
from pipeline.stages import DEFAULT_STAGES

def hold(state, ctx):
    print(state.job_id, flush=True)
    sys.stdin.readline()  # the test kills us while we wait here
    return "held"

stages = (*DEFAULT_STAGES, Stage("hold", hold))
runner = Runner(CatalogStore(sys.argv[2]), Ledger(sys.argv[1]), stages=stages)
runner.process("sample_order_3.txt", Path(sys.argv[3]).read_bytes())
"""


def test_a_killed_process_leaves_an_interrupted_job_that_retries_cleanly(
    desk: Desk, small_catalog_path: Path
) -> None:
    sample = SAMPLES / "sample_order_3.txt"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(desk.settings.ledger_path), str(small_catalog_path), str(sample)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    job_id = proc.stdout.readline().strip()
    assert job_id, proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close(), proc.stdin.close(), proc.stderr.close()

    ledger = desk.ledger
    assert ledger.job(job_id).status == "running"  # what a reader sees before recovery
    assert desk.service.list_orders() == []  # nothing half-written shows as an order
    assert ledger.recover() == [job_id]
    record = ledger.job(job_id)
    assert (record.status, record.result) == ("interrupted", None)
    kinds = [event.kind for event in ledger.events(job_id)]
    assert "job_finished" not in kinds and kinds.count("stage_finished") == len(DEFAULT_STAGES)

    retried = desk.runner.process("again.txt", sample.read_bytes())  # same email: the same job, retried
    assert retried.job_id == job_id and not retried.reused
    assert ledger.job(job_id).status == "done"
    events = ledger.events(job_id)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert [e.kind for e in events].count("job_started") == 2 and events[-1].kind == "job_finished"
    assert [s.order_id for s in desk.service.list_orders()] == [retried.order.order_id]


def test_when_storing_the_order_fails_the_job_is_failed_not_done(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_save(*args: object, **kwargs: object) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(desk.runner.orders, "save_processed", broken_save)
    data = (SAMPLES / "sample_order_3.txt").read_bytes()
    with pytest.raises(OSError, match="disk full"):
        desk.runner.process("a.txt", data)
    [job] = desk.ledger.jobs()
    assert (job.status, job.result) == ("failed", None) and "disk full" in job.error
    assert desk.service.list_orders() == []
    monkeypatch.undo()
    assert desk.runner.process("a.txt", data).job_id == job.job_id  # the failed job is retried
    assert desk.ledger.job(job.job_id).status == "done" and len(desk.service.list_orders()) == 1
