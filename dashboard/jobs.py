"""The job service: one per server process, shared by every browser session.

Sessions come and go (``panel serve`` re-runs the app script for each), but the catalog, the
ledger and the worker threads must exist once per process: opening the catalog per session is
slow, and jobs must outlive the session that started them. Jobs never run in a request callback;
a bounded pool runs them so a burst of uploads queues instead of starving the event loop.

Subscribers get a job's events in ``seq`` order with no gap and no duplicate, even when they
subscribe after the job started: the ledger's history first, then live events from the bus.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from dashboard.pools import JobPool, ProcessJobs, ThreadJobs
from pipeline.config import Settings
from pipeline.context import open_runner
from pipeline.errors import OrderDeskError
from pipeline.events import TERMINAL_KINDS, Event
from pipeline.job_status import stopped
from pipeline.ledger import JobRecord
from pipeline.runner import Runner

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 2  # the machine has 2 cores; jobs are short and mostly CPU-bound

EventCallback = Callable[[Event], None]
JobCallback = Callable[[str], None]
WORKER_DIED = "the worker process running this job stopped; retry it"
# Events after which a job's entry in a job list (its status) reads differently.
STATUS_KINDS = frozenset({"job_started", "job_finished", "job_failed", "job_interrupted"})


class _Subscription:
    """One subscriber of one job: buffers live events until its replay is delivered."""

    def __init__(self, callback: EventCallback) -> None:
        self.callback = callback
        self.last_seq = 0
        self.last_kind = ""
        self._live = False
        self._closed = False
        self._buffer: list[Event] = []
        self._lock = threading.Lock()

    def offer(self, event: Event) -> None:
        """A live event from the bus (called in the thread that runs the job)."""
        with self._lock:
            if self._closed:
                return
            if self._live:
                self._deliver(event)
            else:
                self._buffer.append(event)

    def go_live(self, history: list[Event]) -> bool:
        """Deliver the replay plus whatever arrived meanwhile, then pass live events straight on.

        Returns whether what was delivered ends with the job ending; the subscription then takes
        nothing more, decided under the same lock as delivery: a retry starting meanwhile must not
        reach a subscriber about to be dropped (it would show "running" and never hear the end).
        A subscriber wanting the retry subscribes again.
        """
        with self._lock:
            for event in sorted([*history, *self._buffer], key=lambda event: event.seq):
                self._deliver(event)
            self._buffer.clear()
            self._live = True
            self._closed = self.last_kind in TERMINAL_KINDS
            return self._closed

    def _deliver(self, event: Event) -> None:
        # An event recorded before the subscription and emitted after it is in both the
        # history and the buffer; seq makes the second copy a no-op.
        if event.seq <= self.last_seq:
            return
        self.last_seq, self.last_kind = event.seq, event.kind
        self.callback(event)


class JobService:
    """Accepts inputs into the ledger, runs them on a bounded pool, and fans out their events.

    ``pool`` runs the jobs: by default ``workers`` threads using ``runner``; ``dashboard.pools``
    also has worker processes (built with ``make_pool``, which wires their events to this service).
    """

    def __init__(
        self,
        runner: Runner,
        workers: int = DEFAULT_WORKERS,
        pool: Callable[[JobService], JobPool] | None = None,
    ) -> None:
        self.runner = runner
        self.interrupted = runner.ledger.recover()
        if self.interrupted:
            log.warning("marked %d jobs of a stopped process as interrupted", len(self.interrupted))
        self._pool = pool(self) if pool else ThreadJobs(runner, workers)
        self._futures: dict[str, Future[None]] = {}
        self._subscriptions: dict[str, list[_Subscription]] = {}
        self._watchers: list[JobCallback] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)  # a job's future was replaced or dropped
        self._retry_lock = threading.Lock()
        self._unsubscribe_bus = runner.bus.subscribe(self._dispatch)
        self.resumed = runner.ledger.adopt_queued()  # accepted but never started: they run now
        for job_id in self.resumed:
            self._queue(job_id)
        if self.resumed:
            log.info("running %d queued jobs of a stopped process", len(self.resumed))

    @property
    def stage_names(self) -> tuple[str, ...]:
        return self.runner.stage_names

    def submit(self, filename: str, data: bytes) -> str:
        """Store the input durably, queue it on the pool, and return its job id at once."""
        return self.submit_many([(filename, data)])[0]

    def submit_many(
        self, inputs: list[tuple[str, bytes]], before_run: Callable[[list[str]], None] | None = None
    ) -> list[str]:
        """Store every input durably first, then queue them: once any of them runs, all are accepted.

        (Queued one by one, a server killed while the first job ran could lose the files of the
        same upload it had not yet stored.) ``before_run(job_ids)`` is called in between, so a
        caller can subscribe to the jobs before any of their events exists.
        """
        return self.run_accepted(self.accept(inputs), before_run)

    def accept(self, inputs: list[tuple[str, bytes]]) -> list[str]:
        """Store every input durably (all or none) and return their job ids; nothing runs until
        ``run_accepted``.

        SQLite writes that wait for the disk: a caller on an event loop runs this in a thread.
        """
        return self.runner.submit_many(inputs)

    def run_accepted(
        self, job_ids: list[str], before_run: Callable[[list[str]], None] | None = None
    ) -> list[str]:
        """Queue accepted jobs, after ``before_run(job_ids)``; they are queued even if it fails."""
        try:
            if before_run is not None:
                before_run(job_ids)
        finally:  # accepted is promised to run: a failing caller must not strand its jobs
            for job_id in job_ids:
                self._queue(job_id)
        return job_ids

    def retry(self, job_id: str) -> None:
        """Run an interrupted or failed job again, from its stored input; its history continues."""
        with self._retry_lock:  # two tabs pressing Retry at once queue the job once
            record = self.job(job_id)
            if record is None:
                raise OrderDeskError(f"no job {job_id} in the ledger {self.runner.ledger.path}")
            if not stopped(record.status):
                raise OrderDeskError(f"job {job_id} is {record.status}; only a stopped or failed job retries")
            self.runner.ledger.set_status(job_id, "queued")
        self._queue(job_id)

    def recent(self, limit: int = 50) -> list[JobRecord]:
        """The newest jobs in the ledger, whoever submitted them (this process, another, a batch)."""
        return self.runner.ledger.jobs(limit=limit)

    def watch(self, callback: JobCallback) -> Callable[[], None]:
        """Call ``callback(job_id)`` whenever a job is queued or its status changes; returns unwatch.

        Runs in whichever thread made the change; like ``subscribe``'s callbacks it must be quick.
        """
        with self._lock:
            self._watchers.append(callback)

        def unwatch() -> None:
            with self._lock:
                if callback in self._watchers:
                    self._watchers.remove(callback)

        return unwatch

    def _queue(self, job_id: str) -> None:
        future = self._pool.submit(job_id)
        with self._changed:
            self._futures[job_id] = future
            self._changed.notify_all()
        future.add_done_callback(lambda done: self._job_done(job_id, done))
        self._notify(job_id)

    def subscribe(self, job_id: str, callback: EventCallback) -> Callable[[], None]:
        """Call ``callback`` with every event of ``job_id`` (history, then live); returns unsubscribe.

        The callback runs in the job's worker thread for live events and in the caller's thread
        for the replay, so it must be quick and thread-safe (e.g. schedule work on a session).
        """
        subscription = _Subscription(callback)
        with self._lock:
            self._subscriptions.setdefault(job_id, []).append(subscription)
        if subscription.go_live(self.runner.ledger.events(job_id)):
            self._remove(job_id, subscription)
        return lambda: self._remove(job_id, subscription)

    def load(self) -> dict[str, int]:
        """What the service holds for its callers now; back at its baseline once pages close."""
        with self._lock:
            return {
                "subscriptions": sum(len(subs) for subs in self._subscriptions.values()),
                "watchers": len(self._watchers),
                "jobs_in_flight": len(self._futures),
            }

    def job(self, job_id: str) -> JobRecord | None:
        """The job's ledger record (status, error, and the order dict once done)."""
        return self.runner.ledger.job(job_id)

    def wait(self, job_id: str, timeout: float | None = None) -> JobRecord:
        """Block until a job submitted here has finished; for batch callers and tests.

        A job whose worker process died is queued again or marked interrupted; this waits for
        whichever happens, and for the run that follows.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            future = self._futures.get(job_id)
        while future is not None:
            try:
                future.result(timeout=_remaining(deadline))
            except FutureTimeout as error:
                raise OrderDeskError(f"job {job_id} still running after {timeout} s") from error
            except BrokenProcessPool:
                pass  # see _job_done: queued again, or interrupted
            with self._changed:
                replaced = lambda done=future: self._futures.get(job_id) is not done  # noqa: E731
                self._changed.wait_for(replaced, _remaining(deadline))
                future = self._futures.get(job_id)
        record = self.job(job_id)
        if record is None:
            raise OrderDeskError(f"no job {job_id} in the ledger {self.runner.ledger.path}")
        return record

    def close(self) -> None:
        """Stop taking events and wait for running jobs (queued ones still run)."""
        self._pool.shutdown()
        self._unsubscribe_bus()

    def _job_done(self, job_id: str, future: Future[None]) -> None:
        error = future.exception()
        if isinstance(error, BrokenProcessPool) and self._still_queued_after_worker_died(job_id):
            try:
                self._queue(job_id)  # replaces this future
                return
            except RuntimeError:  # the pool is shut down (or cannot start): waiters must not hang
                log.warning("job %s stays queued: no pool runs it now; the next start will", job_id)
        with self._changed:
            if self._futures.get(job_id) is future:
                del self._futures[job_id]
            self._changed.notify_all()
        if error is not None and not isinstance(error, BrokenProcessPool):
            # the runner already failed the job in the ledger; keep the traceback
            log.error("job %s failed unexpectedly", job_id, exc_info=error)

    def _still_queued_after_worker_died(self, job_id: str) -> bool:
        """A worker process died and took its pool down: a job it had started is interrupted (as
        after a crash, retry it), a job still waiting goes to the new workers."""
        ledger = self.runner.ledger
        record = self.job(job_id)
        if record is not None and record.status == "running" and ledger.interrupt(job_id, WORKER_DIED):
            self._dispatch(ledger.events(job_id, after_seq=ledger.last_seq(job_id) - 1)[0])
        return record is not None and record.status == "queued"

    def relay(self, event: Event) -> None:
        """Deliver an event a job emitted in another process (its runner has recorded it)."""
        self._dispatch(event)

    def _dispatch(self, event: Event) -> None:
        with self._lock:
            subscriptions = list(self._subscriptions.get(event.job_id, ()))
            if event.kind in TERMINAL_KINDS:
                self._subscriptions.pop(event.job_id, None)
        for subscription in subscriptions:
            try:
                subscription.offer(event)
            except Exception:  # one broken session must not starve the others of events
                log.exception("subscriber of job %s failed on %s", event.job_id, event.kind)
        if event.kind in STATUS_KINDS:
            self._notify(event.job_id)

    def _notify(self, job_id: str) -> None:
        with self._lock:
            watchers = list(self._watchers)
        for watcher in watchers:
            try:
                watcher(job_id)
            except Exception:  # as in _dispatch: one broken session must not starve the others
                log.exception("job watcher failed on %s", job_id)

    def _remove(self, job_id: str, subscription: _Subscription) -> None:
        with self._lock:
            subscriptions = self._subscriptions.get(job_id, [])
            if subscription in subscriptions:
                subscriptions.remove(subscription)
            if not subscriptions:
                self._subscriptions.pop(job_id, None)


def _remaining(deadline: float | None) -> float | None:
    return None if deadline is None else max(0.0, deadline - time.monotonic())


_service: JobService | None = None
_service_lock = threading.Lock()


def start(settings: Settings, workers: int = DEFAULT_WORKERS, processes: bool = False) -> JobService:
    """Create the process's job service now (a server at start-up); an error if it exists already.

    ``processes`` runs jobs in worker processes instead of threads (see ``dashboard.pools``).
    """
    global _service
    pool = (lambda service: ProcessJobs(settings, workers, relay=service.relay)) if processes else None
    with _service_lock:
        if _service is not None:
            raise OrderDeskError("the job service of this process is already running")
        _service = JobService(open_runner(settings), workers=workers, pool=pool)
        return _service


def service() -> JobService:
    """The process's job service; created on first use from the environment's settings."""
    global _service
    with _service_lock:
        if _service is None:
            _service = JobService(open_runner(Settings.from_env()))
        return _service
