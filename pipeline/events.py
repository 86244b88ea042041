"""Job events: small frozen records emitted by the runner and fanned out to subscribers.

The same events go to the ledger (so a late subscriber can replay a job) and to live
listeners such as the dashboard. A subscriber that raises is reported and detached from that
emit only; it must never break the job that emitted.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

log = logging.getLogger(__name__)

EventKind = Literal[
    "job_started",
    "stage_started",
    "stage_progress",
    "stage_finished",
    "stage_failed",
    "line_updated",
    "job_finished",
    "job_failed",
    "job_interrupted",  # recorded by Ledger.recover: the process running the job stopped
]
# No event follows these until the job is run again (a retry starts with job_started).
TERMINAL_KINDS: frozenset[str] = frozenset({"job_finished", "job_failed", "job_interrupted"})


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Event:
    """One thing that happened to a job; ``seq`` orders a job's events from 1."""

    job_id: str
    seq: int
    kind: EventKind
    stage: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=utc_now)

    def to_dict(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "seq": self.seq,
            "kind": self.kind,
            "stage": self.stage,
            "data": self.data,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Event:
        return cls(
            job_id=raw["job_id"],
            seq=int(raw["seq"]),
            kind=raw["kind"],
            stage=raw.get("stage"),
            data=dict(raw.get("data") or {}),
            at=datetime.fromisoformat(raw["at"]),
        )


Subscriber = Callable[[Event], None]


class EventBus:
    """Fan-out of events to subscribers; thread-safe subscribe/unsubscribe."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Add a subscriber; returns a function that removes it."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def emit(self, event: Event) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(event)
            except Exception:  # a broken listener must not fail the job; it is logged
                log.exception("event subscriber %r failed on %s", subscriber, event.kind)
