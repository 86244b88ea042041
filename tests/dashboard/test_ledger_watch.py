"""One watch per process follows the ledger for every session: a change made by another process
(its own connection to the same file) reaches the listeners, nothing else does, and the thread
runs only while someone listens."""

from __future__ import annotations

import threading

from dashboard.ledger_watch import LedgerWatch
from dashboard.review_store import orders_watch
from pipeline.ledger import Ledger
from pipeline.orders import OrderService
from tests.conftest import Desk


def another_process(desk: Desk) -> OrderService:
    """The desk's orders through a second ledger object: its own connections, as the CLI's."""
    return OrderService(Ledger(desk.ledger.path), desk.runner.catalog, desk.settings)


def test_a_change_elsewhere_reaches_every_listener_once(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    watch = orders_watch(desk.service)
    assert orders_watch(desk.service) is watch  # one per process and ledger
    heard: list[str] = []
    stop_a = watch.listen(lambda: heard.append("a"))
    stop_b = watch.listen(lambda: heard.append("b"))
    try:
        assert watch.check() is False and heard == []
        another_process(desk).edit_line(order_id, 1, actor="cli", quantity=3)
        assert watch.check() is True and sorted(heard) == ["a", "b"]
        assert watch.check() is False and len(heard) == 2
    finally:
        stop_a()
        stop_b()
    assert not watch.running


def test_a_job_that_fails_elsewhere_is_a_change_for_the_failed_list(desk: Desk) -> None:
    watch = orders_watch(desk.service)
    stop = watch.listen(lambda: None)
    try:
        job_id = desk.ledger.accept("broken.txt", b"\xff\xfe not an order")
        assert watch.check() is False  # accepted, not stopped
        Ledger(desk.ledger.path).set_status(job_id, "failed", error="cannot read broken.txt")
        assert watch.check() is True
    finally:
        stop()


def test_the_thread_tells_listeners_without_being_asked_and_stops_with_the_last() -> None:
    value = [0]
    heard = threading.Event()
    watch = LedgerWatch("test", lambda: value[0], period_s=0.01)
    stop = watch.listen(heard.set)
    value[0] = 1
    assert heard.wait(10)
    stop()
    assert not watch.running


def test_a_listener_that_raises_does_not_starve_the_others() -> None:
    value = [0]
    heard: list[int] = []
    watch = LedgerWatch("test", lambda: value[0], period_s=60)

    def broken() -> None:
        raise RuntimeError("session gone")

    stops = [watch.listen(broken), watch.listen(lambda: heard.append(value[0]))]
    value[0] = 2
    assert watch.check() is True and heard == [2]
    for stop in stops:
        stop()
