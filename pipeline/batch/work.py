"""Worker side of a batch: what one task does with its chunk of inputs.

A worker process opens the catalog (read-only) and the ledger once and keeps them for every task
it runs: ``worker_runner`` is cached per process, keyed by the settings (files and business rules)
and the catalog's modification time (a catalog rebuilt and swapped in at the same path gets a
fresh store — and the matcher's in-memory index is built once per store).
Tasks are top-level functions so Dask can ship them by reference.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from functools import lru_cache
from pathlib import Path

from pipeline.batch.batch_ledger import BatchLedger
from pipeline.batch.inputs import Input
from pipeline.batch.outcome import Outcome
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.runner import Runner

log = logging.getLogger(__name__)


CatalogVersion = tuple[str, int]  # absolute path and modification time


def catalog_version(path: str | Path) -> CatalogVersion:
    """The catalog's absolute path and modification time: a rebuilt file is a different catalog."""
    resolved = Path(path).resolve()
    return str(resolved), resolved.stat().st_mtime_ns if resolved.exists() else 0


@lru_cache(maxsize=2)
def worker_catalog(version: CatalogVersion) -> CatalogStore:
    """This process's read-only store for one catalog file (opened on first use only).

    One DuckDB thread: a worker runs one task at a time and the cluster has a worker per core,
    so DuckDB's own thread pool would only make the workers' queries fight over the same cores.
    """
    store = CatalogStore(version[0])
    store.cursor().execute("SET threads = 1")
    return store


@lru_cache(maxsize=2)
def worker_runner(settings: Settings, catalog: CatalogVersion) -> Runner:
    """This process's runner: one catalog store and one ledger connection for all its tasks."""
    return Runner(
        catalog=worker_catalog(catalog), ledger=BatchLedger(settings.ledger_path), settings=settings
    )


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def process_input(runner: Runner, item: Input, force: bool = False) -> Outcome:
    """Run one input through the pipeline; any failure becomes a failed outcome with its reason."""
    started = time.perf_counter()
    base = {"name": item.name, "content_hash": item.content_hash, "worker": worker_name()}
    try:
        state = runner.process(item.name, item.data, force=force)
    except Exception as error:  # the runner already failed the job in the ledger; the batch goes on
        log.exception("unexpected error on %s", item.name)
        return Outcome(**base, status="failed", reason=f"internal error: {error!r}")
    elapsed = round((time.perf_counter() - started) * 1000, 3)
    if state.reused:  # another process finished it (or is running it) since the batch was planned
        reason = "already done" if state.order else "being processed by another process"
        return Outcome(**base, status="skipped", reason=reason, job_id=state.job_id)
    if state.order is None:
        record = runner.ledger.job(state.job_id)
        reason = record.error if record and record.error else "the pipeline produced no order"
        return Outcome(**base, status="failed", reason=reason, job_id=state.job_id, pipeline_ms=elapsed)
    order = state.order
    return Outcome(
        **base,
        status="done",
        job_id=state.job_id,
        order_id=order.order_id,
        review_status=order.review.status if order.review else None,
        lines=len(order.lines),
        matched_lines=sum(1 for line in order.lines if line.match),
        pipeline_ms=elapsed,
    )


def process_chunk(
    inputs: list[Input], settings: Settings, catalog: CatalogVersion, force: bool = False
) -> list[Outcome]:
    """The Dask task: run a chunk of inputs on this process's cached runner."""
    runner = worker_runner(settings, catalog)
    return [process_input(runner, item, force) for item in inputs]
