"""Where the job service runs jobs: threads of the server process, or worker processes.

Threads are simplest — the runner's events reach the service through the runner's bus — but a
CPU-bound job holds the GIL that the server's event loop needs to push updates to browsers.
Worker processes take the jobs off the server's GIL: each opens its own runner (catalog
read-only, the same ledger file; the runner writes every event there first), and a relay thread
hands their events to the service as they happen. ``benchmarks/bench_ui.py`` measures both.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from pipeline.config import Settings
from pipeline.context import open_runner
from pipeline.events import Event
from pipeline.runner import Runner

log = logging.getLogger(__name__)


class JobPool(Protocol):
    """Runs accepted jobs by id, a bounded number at a time."""

    def submit(self, job_id: str) -> Future[None]: ...

    def shutdown(self) -> None: ...


class ThreadJobs:
    """Jobs on threads of this process, run by ``runner`` (its bus carries their events)."""

    def __init__(self, runner: Runner, workers: int) -> None:
        self._runner = runner
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="orderdesk-job")

    def submit(self, job_id: str) -> Future[None]:
        return self._pool.submit(self._runner.run, job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)


_worker_runner: Runner | None = None  # one per worker process, opened by _start_worker
# Jobs are batch work; the server's event loop (and the browser, on a desk machine) is what a
# person waits for. On a busy machine the scheduler should give the loop the CPU first.
WORKER_NICENESS = 10


def _start_worker(settings: Settings, events: multiprocessing.SimpleQueue) -> None:
    global _worker_runner
    os.nice(WORKER_NICENESS)
    _worker_runner = open_runner(settings)
    _worker_runner.bus.subscribe(events.put)


def _run_in_worker(job_id: str) -> None:
    _worker_runner.run(job_id)


class ProcessJobs:
    """Jobs in ``workers`` spawned processes; their events are relayed to ``relay`` in this one."""

    def __init__(self, settings: Settings, workers: int, relay: Callable[[Event], None]) -> None:
        # spawn, not fork: this process has threads (the server's loop, DuckDB) that fork would copy
        # in whatever state they were in.
        self._context = multiprocessing.get_context("spawn")
        self._events: multiprocessing.SimpleQueue = self._context.SimpleQueue()
        self._settings, self._workers = settings, workers
        self._relay = relay
        self._thread = threading.Thread(target=self._pump, name="orderdesk-relay", daemon=True)
        self._thread.start()
        self._lock = threading.Lock()
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=self._context,
            initializer=_start_worker,
            initargs=(self._settings, self._events),
        )
        # Start every worker now (opening its catalog takes a second), not on the first upload.
        for future in [pool.submit(int) for _ in range(self._workers)]:
            future.result()
        return pool

    def submit(self, job_id: str) -> Future[None]:
        with self._lock:
            try:
                return self._pool.submit(_run_in_worker, job_id)
            except BrokenProcessPool:  # a worker died (killed, out of memory): start a fresh pool
                log.warning("a job worker process died; starting new workers")
                self._pool = self._start()
                return self._pool.submit(_run_in_worker, job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
        self._events.put(None)
        self._thread.join()

    def _pump(self) -> None:
        while (event := self._events.get()) is not None:
            try:
                self._relay(event)
            except Exception:  # the relay must outlive one bad delivery, or every later event is lost
                log.exception("relaying %s of job %s failed", event.kind, event.job_id)
