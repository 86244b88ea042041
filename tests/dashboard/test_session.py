"""TickBatcher: one tick queued at a time, arrival order kept, never two changes of a key per tick."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.session import Coalescer, TickBatcher, session_scheduler


class ManualLoop:
    """Stands in for the server's event loop: runs scheduled callbacks only when told to."""

    def __init__(self) -> None:
        self.queue: list[Callable[[], None]] = []

    def schedule(self, fn: Callable[[], None]) -> None:
        self.queue.append(fn)

    def run_one(self) -> None:
        self.queue.pop(0)()


def test_items_arriving_before_a_tick_share_it_until_a_key_repeats() -> None:
    loop, batches = ManualLoop(), []
    batcher = TickBatcher(loop.schedule, batches.append, key=lambda item: item[0])
    for item in [("ingest", "running"), ("line1", "extracted"), ("ingest", "done"), ("extract", "running")]:
        batcher.put(item)
    assert len(loop.queue) == 1  # one tick queued, however many items wait
    loop.run_one()
    assert batches == [[("ingest", "running"), ("line1", "extracted")]]
    assert len(loop.queue) == 1  # the rest go in the next tick
    loop.run_one()
    assert batches[1] == [("ingest", "done"), ("extract", "running")]
    assert loop.queue == []


def test_an_item_after_the_queue_drained_schedules_a_new_tick() -> None:
    loop, batches = ManualLoop(), []
    batcher = TickBatcher(loop.schedule, batches.append, key=lambda item: item)
    batcher.put(1)
    loop.run_one()
    batcher.put(2)
    loop.run_one()
    assert batches == [[1], [2]] and loop.queue == []


def test_outside_a_server_there_is_no_session_to_schedule_on() -> None:
    assert session_scheduler() is None


def test_the_coalescer_hands_over_only_the_latest_item_per_key_once_per_tick() -> None:
    loop, batches = ManualLoop(), []
    coalescer = Coalescer(loop.schedule, batches.append, key=lambda item: item[0])
    for item in [("job-a", "queued"), ("job-b", "queued"), ("job-a", "running"), ("job-a", "done")]:
        coalescer.put(item)
    assert len(loop.queue) == 1
    loop.run_one()
    assert batches == [[("job-a", "done"), ("job-b", "queued")]]
    coalescer.put(("job-b", "done"))
    loop.run_one()
    assert batches[1] == [("job-b", "done")] and loop.queue == []
