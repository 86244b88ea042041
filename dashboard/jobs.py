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
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from pipeline.config import Settings
from pipeline.context import open_runner
from pipeline.errors import OrderDeskError
from pipeline.events import TERMINAL_KINDS, Event
from pipeline.ledger import JobRecord
from pipeline.runner import Runner

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 2  # the machine has 2 cores; jobs are short and mostly CPU-bound

EventCallback = Callable[[Event], None]


class _Subscription:
    """One subscriber of one job: buffers live events until its replay is delivered."""

    def __init__(self, callback: EventCallback) -> None:
        self.callback = callback
        self.last_seq = 0
        self._live = False
        self._buffer: list[Event] = []
        self._lock = threading.Lock()

    def offer(self, event: Event) -> None:
        """A live event from the bus (called in the thread that runs the job)."""
        with self._lock:
            if self._live:
                self._deliver(event)
            else:
                self._buffer.append(event)

    def go_live(self, history: list[Event]) -> None:
        """Deliver the replay plus whatever arrived meanwhile, then pass live events straight on."""
        with self._lock:
            for event in sorted([*history, *self._buffer], key=lambda event: event.seq):
                self._deliver(event)
            self._buffer.clear()
            self._live = True

    def _deliver(self, event: Event) -> None:
        # An event recorded before the subscription and emitted after it is in both the
        # history and the buffer; seq makes the second copy a no-op.
        if event.seq <= self.last_seq:
            return
        self.last_seq = event.seq
        self.callback(event)


class JobService:
    """Accepts inputs into the ledger, runs them on a thread pool, and fans out their events."""

    def __init__(self, runner: Runner, workers: int = DEFAULT_WORKERS) -> None:
        self.runner = runner
        self.interrupted = runner.ledger.recover()
        if self.interrupted:
            log.warning("marked %d jobs of a stopped process as interrupted", len(self.interrupted))
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="orderdesk-job")
        self._futures: dict[str, Future[None]] = {}
        self._subscriptions: dict[str, list[_Subscription]] = {}
        self._lock = threading.Lock()
        self._unsubscribe_bus = runner.bus.subscribe(self._dispatch)

    @property
    def stage_names(self) -> tuple[str, ...]:
        return self.runner.stage_names

    def submit(self, filename: str, data: bytes) -> str:
        """Store the input durably, queue it on the pool, and return its job id at once."""
        job_id = self.runner.submit(filename, data)
        future = self._pool.submit(self._run, job_id)
        with self._lock:
            self._futures[job_id] = future
        future.add_done_callback(lambda _: self._forget_future(job_id))
        return job_id

    def subscribe(self, job_id: str, callback: EventCallback) -> Callable[[], None]:
        """Call ``callback`` with every event of ``job_id`` (history, then live); returns unsubscribe.

        The callback runs in the job's worker thread for live events and in the caller's thread
        for the replay, so it must be quick and thread-safe (e.g. schedule work on a session).
        """
        subscription = _Subscription(callback)
        with self._lock:
            self._subscriptions.setdefault(job_id, []).append(subscription)
        history = self.runner.ledger.events(job_id)
        subscription.go_live(history)
        if history and history[-1].kind in TERMINAL_KINDS:
            self._remove(job_id, subscription)
        return lambda: self._remove(job_id, subscription)

    def job(self, job_id: str) -> JobRecord | None:
        """The job's ledger record (status, error, and the order dict once done)."""
        return self.runner.ledger.job(job_id)

    def wait(self, job_id: str, timeout: float | None = None) -> JobRecord:
        """Block until a job submitted here has finished; for batch callers and tests."""
        with self._lock:
            future = self._futures.get(job_id)
        if future is not None:
            try:
                future.result(timeout=timeout)
            except FutureTimeout as error:
                raise OrderDeskError(f"job {job_id} still running after {timeout} s") from error
        record = self.job(job_id)
        if record is None:
            raise OrderDeskError(f"no job {job_id} in the ledger {self.runner.ledger.path}")
        return record

    def close(self) -> None:
        """Stop taking events and wait for running jobs (queued ones still run)."""
        self._pool.shutdown(wait=True)
        self._unsubscribe_bus()

    def _run(self, job_id: str) -> None:
        try:
            self.runner.run(job_id)
        except Exception:  # the runner already failed the job in the ledger; keep the traceback
            log.exception("job %s failed unexpectedly", job_id)

    def _forget_future(self, job_id: str) -> None:
        with self._lock:
            self._futures.pop(job_id, None)

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

    def _remove(self, job_id: str, subscription: _Subscription) -> None:
        with self._lock:
            subscriptions = self._subscriptions.get(job_id, [])
            if subscription in subscriptions:
                subscriptions.remove(subscription)
            if not subscriptions:
                self._subscriptions.pop(job_id, None)


_service: JobService | None = None
_service_lock = threading.Lock()


def service(settings: Settings | None = None) -> JobService:
    """The process's job service, created on first use from ``settings`` (default: environment)."""
    global _service
    with _service_lock:
        if _service is None:
            _service = JobService(open_runner(settings or Settings.from_env()))
        return _service
