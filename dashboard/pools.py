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
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from multiprocessing.synchronize import Lock
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
# How long closing waits for a relay thread to deliver what its dead or stopped workers sent.
RELAY_JOIN_S = 10.0


def _start_worker(settings: Settings, writer: Connection, lock: Lock) -> None:
    global _worker_runner
    os.nice(WORKER_NICENESS)
    _worker_runner = open_runner(settings)

    def send(event: Event) -> None:
        data = pickle.dumps(event)  # outside the lock: hold it only for the write
        with lock:
            writer.send_bytes(data)

    _worker_runner.bus.subscribe(send)


def _run_in_worker(job_id: str) -> None:
    _worker_runner.run(job_id)


class _Channel:
    """The pipe from one pool's workers to a relay thread here; workers write it under one lock.

    A worker killed inside a write dies holding that lock (and may leave half a message), so
    nothing may write to the channel after that: each pool gets its own, like the executor's own
    queues, and a dead pool's channel is only drained, never written again, by anyone.
    """

    def __init__(self, context: SpawnContext, relay: Callable[[Event], None]) -> None:
        self.reader, self.writer = context.Pipe(duplex=False)
        self.lock = context.Lock()
        self._relay = relay
        self._thread = threading.Thread(target=self._pump, name="orderdesk-relay", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Once the pool's workers are gone: our end closed too, the relay reads to end of file.

        Bounded: the relay only has to deliver what is left in the pipe.
        """
        self.writer.close()
        self._thread.join(RELAY_JOIN_S)
        if self._thread.is_alive():
            log.warning("the event relay of stopped job workers has not finished; leaving it")

    def _pump(self) -> None:
        while True:
            try:
                event = pickle.loads(self.reader.recv_bytes())
            except (EOFError, OSError):  # every writer gone (OSError: one died inside a message)
                break
            try:
                self._relay(event)
            except Exception:  # the relay must outlive one bad delivery, or every later event is lost
                log.exception("relaying %s of job %s failed", event.kind, event.job_id)
        self.reader.close()


class ProcessJobs:
    """Jobs in ``workers`` spawned processes; their events are relayed to ``relay`` in this one."""

    def __init__(self, settings: Settings, workers: int, relay: Callable[[Event], None]) -> None:
        # spawn, not fork: this process has threads (the server's loop, DuckDB) that fork would copy
        # in whatever state they were in.
        self._context = multiprocessing.get_context("spawn")
        self._settings, self._workers = settings, workers
        self._relay = relay
        self._lock = threading.Lock()
        self._closed = False
        self._retiring: list[threading.Thread] = []
        self._pool, self._channel = self._start()

    def _start(self) -> tuple[ProcessPoolExecutor, _Channel]:
        channel = _Channel(self._context, self._relay)
        pool = ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=self._context,
            initializer=_start_worker,
            initargs=(self._settings, channel.writer, channel.lock),
        )
        # Start every worker now (opening its catalog takes a second), not on the first upload.
        try:
            for future in [pool.submit(int) for _ in range(self._workers)]:
                future.result()
        except BrokenProcessPool:  # a new worker died already: leave no relay thread behind
            self._stop(pool, channel)
            raise
        return pool, channel

    def submit(self, job_id: str) -> Future[None]:
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot run jobs after shutdown")
            try:
                return self._pool.submit(_run_in_worker, job_id)
            except BrokenProcessPool:  # a worker died (killed, out of memory): start a fresh pool
                log.warning("a job worker process died; starting new workers")
                self._retire(self._pool, self._channel)
                self._pool, self._channel = self._start()
                return self._pool.submit(_run_in_worker, job_id)

    def shutdown(self) -> None:
        """Run what is queued, then stop; no wait is on a dead worker's pipe or lock."""
        with self._lock:  # no new pool after this; a restart under way finishes first
            self._closed = True
        self._stop(self._pool, self._channel)
        for thread in self._retiring:
            thread.join(RELAY_JOIN_S)

    def _retire(self, pool: ProcessPoolExecutor, channel: _Channel) -> None:
        """Stop a broken pool and drain its channel, in a thread: this may run in that pool's own
        management thread (a future's callback), which its shutdown joins."""
        thread = threading.Thread(
            target=self._stop, args=(pool, channel), name="orderdesk-retire", daemon=True
        )
        thread.start()
        self._retiring = [*(retiring for retiring in self._retiring if retiring.is_alive()), thread]

    @staticmethod
    def _stop(pool: ProcessPoolExecutor, channel: _Channel) -> None:
        pool.shutdown(wait=True)  # runs what is queued; after it, every worker has exited
        channel.close()
