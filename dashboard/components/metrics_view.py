"""The desk at a glance: a few big numbers, then pictures of throughput, touchless rate, speed,
match confidence and what sends orders to review — from ``pipeline.metrics``, refreshed live —
and a manager's figures (order value, backlog and its age, time to approve, lines read right the
first time) for the desk and by customer (``pipeline.manager``, ``manager_figures.py``).

Each chart is a Bokeh figure on a ColumnDataSource whose ``data`` is replaced on refresh (a
periodic callback, the Refresh button, a new period), so the page never re-renders. In a served
page the ledger is read in a thread and only the new data is set on the session's loop: with
3,000 orders in the period a refresh took 1.8 s, all of it on the loop that carries every page's
progress (now one read of the orders, about 0.5 s, off the loop). The new data is set in a callback
``pn.state.execute`` schedules on the session, under its document lock: these are raw Bokeh models,
which Panel does not lock for a coroutine.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from functools import partial
from html import escape
from typing import Any

import numpy as np
import pandas as pd
import panel as pn
import param
from bokeh.models import ColumnDataSource, NumeralTickFormatter, Span
from bokeh.plotting import figure
from panel.viewable import Viewer

from dashboard.components import panes
from dashboard.components.manager_figures import customers_frame, customers_table, manager_kpis_html
from pipeline.config import GateSettings
from pipeline.manager import ManagerMetrics
from pipeline.metrics import Summary, since_hours

GREEN, AMBER, BLUE, GREY = "#1a7f37", "#bf8700", "#0969da", "#8c959f"
PERIODS = {"Last 24 hours": 24, "Last 7 days": 24 * 7, "All time": None}
REFRESH_MS = 10_000
BINS = np.linspace(0, 1, 21)
CSS = """
.od-kpis, .od-manager-kpis { display: flex; gap: 28px; font-family: system-ui, sans-serif; }
.od-kpi b { display: block; font-size: 30px; line-height: 1.1; }
.od-kpi span { color: #57606a; font-size: 13px; }
"""
PLOT = {"height": 260, "sizing_mode": "stretch_width", "toolbar_location": None}
# Each source's columns, there before the first read: a glyph naming a missing column is invalid.
COLUMNS = {
    "hourly": ("hour", "touchless", "needs_review", "rate"),
    "latency": ("stage", "p5", "q1", "median", "q3", "p95"),
    "histogram": ("left", "right", "count", "color"),
    "reasons": ("reason", "orders"),
}


def kpis_html(summary: Summary) -> str:
    matched = summary.matched_lines / summary.lines if summary.lines else 0.0
    speed = f"{summary.median_job_ms:,.0f} ms" if summary.median_job_ms is not None else "—"
    figures = {
        "orders": f"{summary.orders:,}",
        "touchless": f"{summary.touchless_rate:.0%}",
        "lines matched": f"{matched:.0%}",
        "median time per email": speed,
    }
    cells = "".join(
        f'<div class="od-kpi"><b>{v}</b><span>{escape(k)}</span></div>' for k, v in figures.items()
    )
    return f'<div class="od-kpis">{cells}</div>'


def hourly_data(hourly: pd.DataFrame) -> dict[str, list[Any]]:
    return {
        "hour": list(hourly["hour"]),
        "touchless": [int(v) for v in hourly["touchless"]],
        "needs_review": [int(o - t) for o, t in zip(hourly["orders"], hourly["touchless"], strict=True)],
        "rate": [float(v) for v in hourly["touchless_rate"]],
    }


def latency_data(latencies: pd.DataFrame, stages: list[str]) -> dict[str, list[Any]]:
    """Quartiles and 5th/95th percentiles of each stage's milliseconds (a box per stage)."""
    grouped = latencies.groupby("stage")["elapsed_ms"]
    data: dict[str, list[Any]] = {key: [] for key in COLUMNS["latency"]}
    for stage in stages:
        if stage not in grouped.groups:
            continue
        values = grouped.get_group(stage).clip(lower=0.001)  # a log axis has no zero
        data["stage"].append(stage)
        for key, q in (("p5", 0.05), ("q1", 0.25), ("median", 0.5), ("q3", 0.75), ("p95", 0.95)):
            data[key].append(float(values.quantile(q)))
    return data


def histogram_data(confidences: pd.Series, threshold: float) -> dict[str, list[float]]:
    counts, edges = np.histogram(confidences.clip(0, 1), bins=BINS)
    color = [GREEN if left >= threshold else AMBER for left in edges[:-1]]
    return {
        "left": list(edges[:-1]),
        "right": list(edges[1:]),
        "count": list(map(int, counts)),
        "color": color,
    }


def reasons_data(reasons: pd.DataFrame) -> dict[str, list[Any]]:
    ordered = reasons.iloc[::-1]  # the largest bar on top
    return {"reason": list(ordered["reason"]), "orders": [int(v) for v in ordered["orders"]]}


class MetricsView(Viewer):
    """KPIs and five charts over one ledger; ``period`` picks the window."""

    metrics = param.ClassSelector(class_=ManagerMetrics, doc="The ledger's read-only queries.")
    stages = param.List(default=[], item_type=str, doc="Stage names in pipeline order (box plot order).")
    period = param.Selector(default="Last 7 days", objects=list(PERIODS), doc="Which finished jobs count.")
    threshold = param.Number(
        default=GateSettings().min_confidence, bounds=(0, 1), doc="The review's min_confidence (marked)."
    )

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.kpis = panes.HTML("", stylesheets=[CSS], sizing_mode="stretch_width")
        self.manager_kpis = panes.HTML("", stylesheets=[CSS], sizing_mode="stretch_width")
        self.customers = customers_table()
        self.sources = {
            name: ColumnDataSource({column: [] for column in columns}, name=f"od-{name}")
            for name, columns in COLUMNS.items()
        }
        self.figures = self._figures()
        self.refresh_button = pn.widgets.Button(label="Refresh", width=100)
        self.refresh_button.on_click(lambda _: self._refresh_soon())
        self.param.watch(lambda _: self._refresh_soon(), "period")
        self._served = pn.state.curdoc is not None and pn.state.curdoc.session_context is not None
        self._refreshing = False
        self._refresh_soon()  # served: the page opens at once, its charts fill when the read is done
        if self._served:
            pn.state.add_periodic_callback(self._refresh_soon, period=REFRESH_MS)

    def refresh(self) -> None:
        """Ask the ledger again and replace every chart's data (here, on the caller's thread)."""
        self._show(self._read(since_hours(PERIODS[self.period])))

    async def refresh_off_loop(self) -> None:
        """``refresh`` for a served page: the ledger is read in a thread, the charts set on the
        session's next tick; a refresh still running when the next is due makes the next one
        unnecessary."""
        if self._refreshing:
            return
        self._refreshing = True
        try:
            data = await asyncio.to_thread(self._read, since_hours(PERIODS[self.period]))
            pn.state.execute(partial(self._show, data), schedule=True)
        finally:
            self._refreshing = False

    def _refresh_soon(self) -> None:
        if self._served:
            pn.state.execute(self.refresh_off_loop)
        else:
            self.refresh()

    def _read(self, since: datetime | None) -> dict[str, Any]:
        """Every chart's new data from one read of the ledger's orders (any thread)."""
        orders, facts = self.metrics.orders(since), self.metrics.order_facts(since)
        return {
            "manager": manager_kpis_html(self.metrics.totals(since, facts=facts)),
            "customers": customers_frame(self.metrics.by_customer(since, facts=facts)),
            "kpis": kpis_html(self.metrics.summary(since, orders=orders)),
            "hourly": hourly_data(self.metrics.orders_per_hour(since, orders=orders)),
            "latency": latency_data(self.metrics.stage_latencies(since), self.stages),
            "histogram": histogram_data(self.metrics.confidences(since, orders=orders), self.threshold),
            "reasons": reasons_data(self.metrics.review_reasons(since, orders=orders)),
        }

    def _show(self, data: dict[str, Any]) -> None:
        self.kpis.object = data["kpis"]
        self.manager_kpis.object = data["manager"]
        self.customers.value = data["customers"]
        for name, source in self.sources.items():
            source.data = data[name]
        self.figures["latency"].x_range.factors = data["latency"]["stage"]
        self.figures["reasons"].y_range.factors = data["reasons"]["reason"]

    def _figures(self) -> dict[str, Any]:
        s = self.sources
        hourly = figure(title="Orders per hour", x_axis_type="datetime", **PLOT)
        hourly.vbar_stack(
            ["touchless", "needs_review"], x="hour", width=3_000_000, source=s["hourly"],
            color=[GREEN, AMBER], legend_label=["touchless", "to review"],
        )  # fmt: skip
        rate = figure(
            title="Touchless rate", x_axis_type="datetime", x_range=hourly.x_range, y_range=(0, 1.05), **PLOT
        )
        rate.line("hour", "rate", source=s["hourly"], color=GREEN, line_width=2)
        rate.scatter("hour", "rate", source=s["hourly"], color=GREEN, size=7)
        rate.yaxis.formatter = NumeralTickFormatter(format="0%")
        latency = figure(
            title="Time per stage (ms, 5-95th percentile)", x_range=[], y_axis_type="log", **PLOT
        )
        latency.segment("stage", "p5", "stage", "p95", source=s["latency"], color=GREY, line_width=2)
        latency.vbar("stage", 0.6, "q1", "q3", source=s["latency"], color=BLUE, alpha=0.7)
        latency.scatter(
            "stage", "median", source=s["latency"], marker="dash", size=28, color="white", line_width=3
        )
        histogram = figure(title="Match confidence of matched lines", x_range=(0, 1), **PLOT)
        histogram.quad("left", "right", 0, "count", source=s["histogram"], color="color", alpha=0.85)
        histogram.add_layout(Span(location=self.threshold, dimension="height", line_dash="dashed"))
        reasons = figure(title="What sends orders to review (orders)", y_range=[], **PLOT)
        reasons.hbar("reason", right="orders", height=0.7, source=s["reasons"], color=AMBER)
        for chart in (hourly, rate, latency, histogram, reasons):
            chart.title.text_font_size = "14px"
        return {
            "hourly": hourly,
            "rate": rate,
            "latency": latency,
            "histogram": histogram,
            "reasons": reasons,
        }

    def __panel__(self) -> pn.viewable.Viewable:
        charts = [pn.pane.Bokeh(chart, sizing_mode="stretch_width") for chart in self.figures.values()]
        period = pn.widgets.RadioButtonGroup.from_param(self.param.period, label="", description=None)
        return pn.Column(
            pn.Row(period, self.refresh_button),
            self.kpis,
            pn.GridBox(*charts, ncols=2, sizing_mode="stretch_width"),
            pn.pane.Markdown("### The desk, then by customer", margin=(10, 10, 0, 10)),
            self.manager_kpis,
            self.customers,
            sizing_mode="stretch_width",
        )
