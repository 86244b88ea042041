"""The metrics page's charts are fed from a real ledger and follow new jobs on refresh."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime
from typing import Any

import pandas as pd
import panel as pn
from bokeh.model import Model

from dashboard.components import MetricsView
from dashboard.components.metrics_view import histogram_data, latency_data
from dashboard.jobs import JobService
from pipeline.manager import ManagerMetrics
from tests.conftest import Desk

WAIT_S = 30


def view_of(service: JobService) -> MetricsView:
    return MetricsView(metrics=ManagerMetrics(service.runner.ledger.path), stages=list(service.stage_names))


def test_charts_show_the_ledgers_jobs_and_pick_up_new_ones(service: JobService, sample_order: bytes) -> None:
    view = view_of(service)
    assert view.sources["hourly"].data["touchless"] == [] and "<b>0</b>" in view.kpis.object
    record = service.wait(service.submit("sample_order_1.txt", sample_order), timeout=WAIT_S)
    view.refresh()
    touchless = int(record.result["review"]["status"] == "auto_approved")
    assert view.sources["hourly"].data["touchless"] == [touchless]
    assert view.sources["hourly"].data["needs_review"] == [1 - touchless]
    assert view.sources["latency"].data["stage"] == list(service.stage_names)
    assert view.figures["latency"].x_range.factors == list(service.stage_names)
    assert sum(view.sources["histogram"].data["count"]) == 5
    assert f"{touchless:.0%}" in view.kpis.object
    assert isinstance(pn.panel(view).get_root(), Model)  # renders in a notebook, no server


def test_boxes_are_ordered_as_the_pipeline_and_bins_colored_by_the_threshold() -> None:
    latencies = pd.DataFrame({"stage": ["b", "a", "a"], "elapsed_ms": [2.0, 1.0, 3.0]})
    data = latency_data(latencies, ["a", "b", "c"])
    assert data["stage"] == ["a", "b"] and data["median"] == [2.0, 2.0]
    bins = histogram_data(pd.Series([0.95, 0.5, 0.97]), 0.9)
    assert sum(bins["count"]) == 3 and bins["color"][-1] != bins["color"][0]


def test_a_served_refresh_reads_the_ledger_off_the_loop_once(
    service: JobService, sample_order: bytes
) -> None:
    view = view_of(service)
    record = service.wait(service.submit("sample_order_1.txt", sample_order), timeout=WAIT_S)
    read_in: list[str] = []
    orders_read: list[int] = []
    read, orders = view._read, view.metrics.orders

    def noted_read(since: datetime | None) -> dict[str, Any]:
        read_in.append(threading.current_thread().name)
        return read(since)

    def counted_orders(since: datetime | None = None) -> pd.DataFrame:
        orders_read.append(1)
        return orders(since)

    view._read = noted_read  # type: ignore[method-assign]
    view.metrics.orders = counted_orders  # type: ignore[method-assign]

    async def two_refreshes_at_once() -> None:
        await asyncio.gather(view.refresh_off_loop(), view.refresh_off_loop())

    asyncio.run(two_refreshes_at_once())
    assert len(read_in) == 1 and read_in[0] != threading.current_thread().name  # the second was not needed
    assert orders_read == [1]  # every chart from one read of the orders
    touchless = int(record.result["review"]["status"] == "auto_approved")
    assert view.sources["hourly"].data["touchless"] == [touchless]


def test_the_manager_figures_come_from_the_ledgers_orders_by_customer(desk: Desk) -> None:
    approved = desk.process("chain_email_thread.txt")
    desk.service.approve(approved, actor="ann")
    waiting = desk.process("sample_order_3.txt")
    view = MetricsView(metrics=ManagerMetrics(desk.ledger.path), stages=[])
    kpis = view.manager_kpis.object
    total = sum(desk.service.get(order_id).order.totals.total for order_id in (approved, waiting))
    assert f"<b>${total:,.2f}</b><span>order value</span>" in kpis
    assert "<b>1</b><span>backlog (orders to review)</span>" in kpis
    table = view.customers.value.set_index("customer")
    name = desk.service.get(waiting).order.account.name
    assert table.loc[name, "backlog"] == 1 and table.loc[name, "lines_read"] == 4
    assert table.loc[name, "right_first_time"] == 1.0
