"""The metrics page's manager section: the desk's order value, backlog and its age, time to
approve and lines read right the first time, then the same by customer (``pipeline.manager``)."""

from __future__ import annotations

from html import escape

import pandas as pd
import panel as pn

from dashboard.components.tables import count_format, fitted_table, money_format, number_format
from pipeline.manager import COLUMNS, DeskTotals

# Short titles: the KPIs above say each in full (the median time to approve, the oldest waiting).
TITLES = {
    "customer": "Customer",
    "orders": "Orders",
    "value": "Value",
    "backlog": "Backlog",
    "oldest_waiting_h": "Oldest (h)",
    "approve_h": "To approve (h)",
    "lines_read": "Lines",
    "right_first_time": "Right first time",
}


def hours_text(hours: float | None) -> str:
    """``3.5 h``, ``2.1 days`` past two days, ``—`` for none."""
    if hours is None:
        return "—"
    return f"{hours / 24:,.1f} days" if hours >= 48 else f"{hours:,.1f} h"


def manager_kpis_html(totals: DeskTotals) -> str:
    """The desk's figures, in the look of the KPI row above them (``metrics_view.CSS``)."""
    right = totals.right_first_time
    figures = {
        "order value": f"${totals.value:,.2f}",
        "backlog (orders to review)": f"{totals.backlog:,}",
        "oldest in the backlog": hours_text(totals.oldest_waiting_h),
        "time to approve (median)": hours_text(totals.approve_h),
        "lines read right the first time": f"{right:.0%}" if right is not None else "—",
    }
    cells = "".join(
        f'<div class="od-kpi"><b>{escape(value)}</b><span>{escape(name)}</span></div>'
        for name, value in figures.items()
    )
    return f'<div class="od-manager-kpis">{cells}</div>'


def customers_frame(by_customer: pd.DataFrame) -> pd.DataFrame:
    """``ManagerMetrics.by_customer`` with the share of lines read right, in the table's columns."""
    frame = pd.DataFrame(by_customer, columns=COLUMNS)
    read = frame["lines_read"].astype("float64")
    right = (frame["lines_right"].astype("float64") / read).where(read > 0)
    return frame.assign(right_first_time=right)[list(TITLES)].astype(
        {name: "float64" for name in ("value", "oldest_waiting_h", "approve_h", "right_first_time")}
    )


def customers_table() -> pn.widgets.Tabulator:
    """An empty by-customer table; the page sets its value on every refresh."""
    return fitted_table(
        customers_frame(pd.DataFrame(columns=COLUMNS)),
        css_class="od-customers",
        wrapped=("customer",),
        titles=TITLES,
        formatters={
            "orders": count_format(),
            "value": money_format(),
            "backlog": count_format(),
            "oldest_waiting_h": number_format("0,0.0"),
            "approve_h": number_format("0,0.0"),
            "lines_read": count_format(),
            "right_first_time": number_format("0%"),
        },
        widths={
            "orders": 100,
            "value": 135,
            "backlog": 110,
            "oldest_waiting_h": 130,
            "approve_h": 175,
            "lines_read": 110,
            "right_first_time": 170,
        },  # the customer takes the rest
        pagination="local",
        page_size=10,
    )
