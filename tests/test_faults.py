"""Faults: processes killed with SIGKILL mid-job (the server, batch workers, an exporter), a
read-only data folder and a full disk. After each, every accepted job is done or interrupted and
retryable, the ledger passes ``PRAGMA integrity_check``, and no order reaches the ERP twice.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from pipeline.ledger import Ledger
from tests.cli import run_cli
from tests.conftest import SAMPLES, Desk
from tests.test_ledger import _left_running_by_a_dead_process
from tests.ui.emails import long_order

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = int(os.environ.get("ORDERDESK_SOAK_ROUNDS", "3"))  # kills per fault test; `make soak` sets more
LINES = 100  # lines per long order: a job runs long enough (about a second) to be killed mid-way
ORDERS_TO_EXPORT = 20
POLL_S = 0.05  # how often a test looks at the ledger or a folder while it waits for a moment to kill


def integrity(ledger: Path) -> str:
    with contextlib.closing(sqlite3.connect(ledger)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def statuses(ledger: Path) -> dict[str, str]:
    with contextlib.closing(sqlite3.connect(ledger, timeout=30)) as connection:
        return dict(connection.execute("SELECT job_id, status FROM jobs").fetchall())


def histories(ledger: Path) -> list[list[str]]:
    """Each job's event kinds, in order."""
    with contextlib.closing(sqlite3.connect(ledger, timeout=30)) as connection:
        rows = connection.execute("SELECT job_id, kind FROM events ORDER BY job_id, seq").fetchall()
    kinds: dict[str, list[str]] = {}
    for job_id, kind in rows:
        kinds.setdefault(job_id, []).append(kind)
    return list(kinds.values())


def orders_per_email(ledger: Path) -> list[int]:
    with contextlib.closing(sqlite3.connect(ledger, timeout=30)) as connection:
        rows = connection.execute("SELECT count(*) FROM orders GROUP BY content_hash").fetchall()
    return [count for (count,) in rows]


def wait_until(condition: object, what: str, timeout: float = 120) -> object:
    """Poll ``condition()`` until it is true (returned), or fail saying ``what`` never happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(POLL_S)
    raise AssertionError(f"{what} did not happen within {timeout} s")


def cli(args: list[str], env: dict[str, str], limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    """``python -m pipeline ARGS``; with ``limit_bytes`` no file it may grow past that (a full disk)."""

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), not the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return run_cli(args, env, preexec_fn=full_disk if limit_bytes else None)


def desk_env(desk: Desk) -> dict[str, str]:
    return os.environ | {
        "ORDERDESK_DATA_DIR": str(desk.settings.data_dir),
        "ORDERDESK_LEDGER": str(desk.settings.ledger_path),
        "ORDERDESK_CATALOG": str(desk.settings.catalog_path),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }


# -- a job met again after its process died --------------------------------------------------
def test_a_job_left_running_by_a_dead_process_runs_when_it_is_met_again(desk: Desk) -> None:
    job_id = _left_running_by_a_dead_process(desk.settings.ledger_path)
    state = desk.runner.process("a.txt", b"x")  # the same bytes: the same job, found "running"
    assert state.job_id == job_id and not state.reused
    kinds = [event.kind for event in desk.ledger.events(job_id)]
    assert kinds[:2] == ["job_interrupted", "job_started"] and kinds[-1] in ("job_finished", "job_failed")


# -- read-only data folder and full disk -----------------------------------------------------
@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` unwritable: by permissions, or for root (whom permissions do not stop) a read-only
    bind mount of it over itself."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    mount = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True, text=True)
    if mount.returncode != 0:
        pytest.skip(f"running as root without mount rights, nothing can be made read-only: {mount.stderr}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True, capture_output=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True)


def test_a_read_only_data_folder_is_a_clear_error_and_the_ledger_is_unharmed(desk: Desk) -> None:
    desk.process("sample_order_1.txt")
    before = statuses(desk.settings.ledger_path)
    sample = str(SAMPLES / "sample_order_2.txt")
    with read_only(desk.settings.data_dir):
        refused = cli(["process", sample], desk_env(desk))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "read-only" in refused.stderr and str(desk.settings.ledger_path) in refused.stderr
    assert integrity(desk.settings.ledger_path) == "ok" and statuses(desk.settings.ledger_path) == before
    assert cli(["process", sample], desk_env(desk)).returncode == 0  # writable again: it works


@pytest.mark.parametrize("closed", [False, True], ids=["in use elsewhere", "closed"])
def test_reading_commands_work_on_a_read_only_ledger(desk: Desk, closed: bool) -> None:
    order_id = desk.process("sample_order_1.txt")
    if closed:  # the last connection closed: no WAL files left, and a reader there cannot make them
        desk.ledger.connection().close()
        assert not desk.settings.ledger_path.with_name("ledger.sqlite-wal").exists()
    with read_only(desk.settings.data_dir):
        listed = cli(["orders", "list", "--json"], desk_env(desk))
        shown = cli(["orders", "show", order_id], desk_env(desk))
        approve = cli(["orders", "approve", order_id, "--by", "dana"], desk_env(desk))
    assert listed.returncode == 0, listed.stderr
    assert [json.loads(row)["order_id"] for row in listed.stdout.splitlines()] == [order_id]
    assert shown.returncode == 0 and order_id in shown.stdout, shown.stderr
    assert approve.returncode == 2 and "Traceback" not in approve.stderr
    assert "read-only" in approve.stderr, approve.stderr
    assert integrity(desk.settings.ledger_path) == "ok"


def test_a_full_disk_is_a_clear_error_and_the_ledger_is_unharmed(desk: Desk, tmp_path: Path) -> None:
    desk.process("sample_order_1.txt")
    before = statuses(desk.settings.ledger_path)
    big = tmp_path / "big_order.txt"  # 600 kB: storing its bytes needs more room than is left
    big.write_text((SAMPLES / "sample_order_2.txt").read_text() + "\nnotes:\n" + "as discussed\n" * 45_000)
    room = desk.settings.ledger_path.stat().st_size + 64 * 1024
    refused = cli(["process", str(big)], desk_env(desk), limit_bytes=room)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr, refused.stderr
    assert "the disk is full" in refused.stderr and "nothing was saved" in refused.stderr
    assert integrity(desk.settings.ledger_path) == "ok" and statuses(desk.settings.ledger_path) == before
    assert cli(["process", str(big)], desk_env(desk)).returncode == 0  # room again: it works


# -- SIGKILL mid-job ----------------------------------------------------------------------------
@pytest.mark.slow
def test_batch_workers_killed_mid_job_lose_nothing_and_a_rerun_finishes_every_email(
    desk: Desk, tmp_path: Path
) -> None:
    files = [long_order(tmp_path, f"long-{n:02d}", LINES) for n in range(2 * ROUNDS + 2)]
    ledger = desk.settings.ledger_path
    args = [
        "batch",
        "--workers",
        "2",
        "--chunk-size",
        "1",
        "--no-progress",
        "--report",
        str(tmp_path / "r.json"),
    ]
    batch = subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args, *map(str, files)],
        env=desk_env(desk),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    killed: set[int] = set()
    try:
        for _ in range(ROUNDS):
            pid = wait_until(lambda: _running_worker(ledger, batch.pid, killed), "a worker running a job")
            os.kill(pid, signal.SIGKILL)
            killed.add(pid)
        _, err = batch.communicate(timeout=300)
    finally:
        if batch.poll() is None:
            batch.kill()
    assert "Traceback" not in err, err
    report = json.loads((tmp_path / "r.json").read_text())
    assert sorted(row["name"] for row in report["files"]) == sorted(map(str, files))
    assert all(row["status"] == "done" or row["reason"] for row in report["files"]), report["files"]
    # a re-run task took over the job its killed worker left running, and finished it
    assert any(kinds[0] == "job_interrupted" and kinds[-1] == "job_finished" for kinds in histories(ledger))
    Ledger(ledger).recover()  # as any next process does
    assert set(statuses(ledger).values()) <= {"done", "interrupted"} and integrity(ledger) == "ok"

    rerun = cli(
        ["batch", "--workers", "0", "--no-progress", "--report", str(tmp_path / "r2.json"), *map(str, files)],
        desk_env(desk),
    )
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert orders_per_email(ledger) == [1] * len(files)  # every email has its one order, none twice


def _running_worker(ledger: Path, batch_pid: int, killed: set[int]) -> int | None:
    """The pid of a batch worker process (a descendant of the batch) now running a job."""
    workers = {child.pid for child in psutil.Process(batch_pid).children(recursive=True)}
    with contextlib.closing(sqlite3.connect(ledger, timeout=30)) as connection:
        owners = connection.execute("SELECT owner_pid FROM jobs WHERE status = 'running'").fetchall()
    return next((pid for (pid,) in owners if pid in workers and pid not in killed), None)


@pytest.mark.slow
def test_a_server_killed_mid_job_again_and_again_loses_no_accepted_job(
    small_catalog_path: Path, tmp_path: Path
) -> None:
    from tests.ui.harness import DeskServer
    from tests.ui.test_http_fallback import follow, post_files, request

    server = DeskServer(small_catalog_path, tmp_path / "ledger.sqlite", tmp_path / "server.log")
    accepted: list[str] = []
    try:
        for round_no in range(ROUNDS):
            server.start()  # recovers what the last kill left running
            files = [long_order(tmp_path, f"r{round_no}-{n}", LINES) for n in range(3)]  # 2 run, 1 waits
            status, answer = post_files(server, [(path.name, path.read_bytes()) for path in files])
            assert status == 201, answer
            accepted += [job["job_id"] for job in answer["jobs"]]
            wait_until(lambda: "running" in statuses(server.ledger).values(), "a job running")
            server.kill()
            assert integrity(server.ledger) == "ok"
        server.start()  # the jobs queued at the last kill run again by themselves
        found = statuses(server.ledger)
        assert set(accepted) <= set(found)
        interrupted = [job for job in accepted if found[job] == "interrupted"]
        assert len(interrupted) >= ROUNDS  # at least the job running at each kill
        for job_id in interrupted:
            assert request(server, f"/api/jobs/{job_id}/retry", b"")[0] == 202
        for job_id in accepted:
            follow(server, job_id)
        assert {statuses(server.ledger)[job] for job in accepted} == {"done"}
        assert orders_per_email(server.ledger) == [1] * len(accepted)
    finally:
        server.stop()
    assert integrity(server.ledger) == "ok"


@pytest.mark.slow
def test_an_exporter_killed_again_and_again_sends_each_order_exactly_once(desk: Desk) -> None:
    orders = [_approved(desk, n) for n in range(ORDERS_TO_EXPORT)]
    outbox = desk.settings.outbox_dir
    command = [sys.executable, "-m", "pipeline", "orders", "export", "--all-approved", "--by", "cron"]
    out_at_kill = []
    for round_no in range(ROUNDS):
        exporter = subprocess.Popen(
            command, env=desk_env(desk), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        sent = 1 + 2 * round_no  # kill once this many files are out: each round a little further on
        wait_until(
            lambda p=exporter, n=sent: len(list(outbox.glob("*.json"))) >= n or p.poll() is not None,
            "exports",
        )
        exporter.kill()
        exporter.communicate(timeout=60)
        out_at_kill.append((exporter.returncode, len(list(outbox.glob("*.json")))))
    # the test means something only if a kill stopped an export part-way
    assert any(code == -signal.SIGKILL and out < len(orders) for code, out in out_at_kill), out_at_kill
    finished = cli(["orders", "export", "--all-approved", "--by", "cron"], desk_env(desk))
    assert finished.returncode == 0, finished.stderr
    payloads = [json.loads(path.read_text()) for path in outbox.glob("*.json")]
    assert sorted(payload["order_id"] for payload in payloads) == sorted(orders)  # one file per order
    with contextlib.closing(sqlite3.connect(desk.settings.ledger_path)) as connection:
        submitted = connection.execute("SELECT order_id, status FROM erp_submissions").fetchall()
    assert sorted(submitted) == sorted((order_id, "submitted") for order_id in orders)
    for order_id in orders:
        assert [entry.action for entry in desk.service.audit_log(order_id)].count("export") == 1
    assert integrity(desk.settings.ledger_path) == "ok"


def _approved(desk: Desk, number: int) -> str:
    text = (SAMPLES / "sample_order_1.txt").read_text() + f"\nreference {number}\n"
    order_id = desk.process(f"order-{number}.txt", text)
    for line in desk.service.get(order_id).order.lines:
        if line.gate_reasons:
            desk.service.accept_line(order_id, line.item.line_no, actor="ann")
    desk.service.approve(order_id, actor="dana", comment="ok to ship partial")
    return order_id
