"""A job service on the session's small real catalog and a fresh ledger per test."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dashboard.jobs import JobService
from pipeline.catalog.store import CatalogStore
from pipeline.events import Event
from pipeline.job import Stage
from pipeline.ledger import Ledger
from pipeline.runner import Runner

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
MakeService = Callable[..., JobService]


@pytest.fixture
def sample_order() -> bytes:
    return (SAMPLES / "sample_order_1.txt").read_bytes()


@pytest.fixture
def make_service(small_catalog_path: Path, tmp_path: Path) -> Iterator[MakeService]:
    """Factory: a JobService on the small catalog, optionally with other stages; closed after the test."""
    catalog = CatalogStore(small_catalog_path)
    services: list[JobService] = []

    def make(stages: tuple[Stage, ...] | None = None) -> JobService:
        runner = Runner(catalog=catalog, ledger=Ledger(tmp_path / "ledger.sqlite"), stages=stages)
        services.append(JobService(runner))
        return services[-1]

    yield make
    for service in services:
        service.close()
    catalog.close()


@pytest.fixture
def service(make_service: MakeService) -> JobService:
    return make_service()


@pytest.fixture
def dead_pid() -> int:
    """The id of a process that has exited: jobs 'owned' by it were left behind by a crash."""
    code = "import os; print(os.getpid())"
    return int(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    )


@pytest.fixture
def interrupted_job(tmp_path: Path, sample_order: bytes, dead_pid: int) -> str:
    """A job of sample_order_1 that a killed server had started: found interrupted at startup."""
    ledger = Ledger(tmp_path / "ledger.sqlite")
    job_id = ledger.accept("sample_order_1.txt", sample_order)
    ledger.record(Event(job_id=job_id, seq=1, kind="job_started", data={"stages": ["ingest"]}))
    ledger.record(Event(job_id=job_id, seq=2, kind="stage_started", stage="ingest"))
    with sqlite3.connect(ledger.path) as connection:
        connection.execute(
            "UPDATE jobs SET status = 'running', owner_pid = ? WHERE job_id = ?", (dead_pid, job_id)
        )
    return job_id
