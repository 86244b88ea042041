"""Run a batch: decide what needs doing, ship it to workers in chunks, collect one outcome per input.

Resumable by content hash: an input whose email already has a ``done`` job is skipped unless
``force``; an input whose order is locked (approved, auto-approved, rejected, exported) is skipped
even then: a re-run never changes such an order behind the desk's back. Within a run, an email
that appears twice runs once.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from tqdm import tqdm

from pipeline.batch.batch_ledger import BatchLedger
from pipeline.batch.executors import Executor, InProcessExecutor
from pipeline.batch.inputs import Input, expand, read_files
from pipeline.batch.outcome import Outcome, failed, skipped
from pipeline.batch.report import BatchReport
from pipeline.batch.work import catalog_version, process_chunk
from pipeline.catalog.store import CatalogStore
from pipeline.config import IntakeSettings, Settings

MAX_CHUNK = 25  # emails per task: see benchmarks/bench_batch.py for the measured trade-off
TASKS_PER_WORKER = 4  # enough tasks for load balance and a moving progress bar


@dataclass
class Plan:
    todo: list[Input]
    settled: list[Outcome]  # inputs skipped or failed before any work


def plan(inputs: list[Input], ledger: BatchLedger, force: bool) -> Plan:
    """Which inputs to run: not duplicates, not locked orders, and (unless ``force``) not done already."""
    hashes = [item.content_hash for item in inputs]
    locked = ledger.locked_orders(hashes)
    done = set() if force else ledger.done_hashes(hashes)
    first: dict[str, str] = {}
    todo, settled = [], []
    for item in inputs:
        digest = item.content_hash
        if digest in first:
            settled.append(skipped(item.name, f"same email as {first[digest]}", digest))
        elif digest in locked:
            status = locked[digest].replace("_", " ")
            settled.append(skipped(item.name, f"its order is {status}: locked, left as it is", digest))
        elif digest in done:
            settled.append(skipped(item.name, "already done (use --force to run it again)", digest))
        else:
            todo.append(item)
        first.setdefault(digest, item.name)
    return Plan(todo=todo, settled=settled)


def chunk_size_for(count: int, workers: int) -> int:
    """About ``TASKS_PER_WORKER`` tasks per worker, at most ``MAX_CHUNK`` emails each."""
    return max(1, min(MAX_CHUNK, math.ceil(count / (workers * TASKS_PER_WORKER))))


def gather_inputs(
    paths: Sequence[str | Path], ledger: BatchLedger, since: datetime | None, limits: IntakeSettings
) -> tuple[list[Input], list[Outcome]]:
    """Inputs from the command line, then (with ``since``) those stored in the ledger."""
    files, problems = expand(paths)
    inputs, unreadable = read_files(files, limits)
    if since is not None:
        inputs += [
            Input(stored.filename, stored.data, stored.content_hash) for stored in ledger.inputs_since(since)
        ]
    return inputs, problems + unreadable


def _run_chunks(
    executor: Executor, todo: list[Input], size: int, settings: Settings, force: bool, progress: bool
) -> list[Outcome]:
    chunks = [todo[start : start + size] for start in range(0, len(todo), size)]
    catalog = catalog_version(settings.catalog_path)
    outcomes: list[Outcome] = []
    with tqdm(total=len(todo), unit="email", disable=not progress, smoothing=0.1) as bar:
        tasks = executor.map(process_chunk, chunks, settings=settings, catalog=catalog, force=force)
        for index, result in tasks:
            if isinstance(result, BaseException):
                reason = f"worker error: {result!r}"
                result = [failed(item.name, reason, item.content_hash) for item in chunks[index]]
            outcomes += result
            bar.update(len(chunks[index]))
    return outcomes


def absolute(settings: Settings) -> Settings:
    """The same settings with absolute file paths, as workers in other folders or hosts need them."""
    return replace(
        settings, catalog_path=settings.catalog_path.resolve(), ledger_path=settings.ledger_path.resolve()
    )


def run_batch(
    paths: Sequence[str | Path] = (),
    *,
    settings: Settings | None = None,
    since: datetime | None = None,
    force: bool = False,
    executor: Executor | None = None,
    chunk_size: int | None = None,
    progress: bool = False,
) -> BatchReport:
    """Process files, folders and globs (and, with ``since``, stored inputs) into the ledger."""
    settings = absolute(settings or Settings.from_env())
    CatalogStore(settings.catalog_path).close()  # fail fast, with a clear message, before any work
    executor = executor or InProcessExecutor()
    ledger = BatchLedger(settings.ledger_path)
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    inputs, problems = gather_inputs(paths, ledger, since, settings.intake)
    work = plan(inputs, ledger, force)
    size = chunk_size or chunk_size_for(len(work.todo), executor.workers)
    started = time.perf_counter()
    done = _run_chunks(executor, work.todo, size, settings, force, progress) if work.todo else []
    seconds = time.perf_counter() - started
    order = {item.name: number for number, item in enumerate(inputs)}
    outcomes = problems + sorted(work.settled + done, key=lambda outcome: order.get(outcome.name, -1))
    return BatchReport(
        outcomes=outcomes,
        seconds=seconds,
        where=executor.description,
        workers=executor.workers,
        chunk_size=size,
        started_at=started_at,
        ledger=str(settings.ledger_path),
        memory=executor.memory() if work.todo else {},
    )
