"""The orders queue: the ledger's orders by status, newest change first; click one to review it.

Rows come from ``ReviewStore.queue`` (the review API's summaries), so the queue lists every
order whatever made it — this page, the HTTP API, a batch, another server process. "Failed"
lists the jobs that made no order, with why.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pandas as pd
import panel as pn
import param
from panel.models.tabulator import CellClickEvent
from panel.viewable import Viewer

from dashboard.components.tables import row_table
from dashboard.review_store import ReviewStore

COLUMNS = {
    "order_id": "Order",
    "status": "Status",
    "customer": "Customer",
    "received": "Received (UTC)",
    "value": "Value",
    "lines": "Lines",
    "top_reason": "Top reason",
}
HIDDEN = ["job_id", "version"]


def queue_frame(store: ReviewStore) -> pd.DataFrame:
    """One row per order (or failed job) in the store's queue."""
    rows = [asdict(row) | {"status": row.status.replace("_", " ")} for row in store.queue]
    return pd.DataFrame(rows, columns=[*COLUMNS, *HIDDEN])


class OrdersQueue(Viewer):
    """A status filter and the queue's table; clicking a row opens that order in the workspace."""

    store = param.ClassSelector(class_=ReviewStore, doc="The session's review state.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.filter = pn.widgets.RadioButtonGroup.from_param(
            self.store.param.filter, label="", description=None
        )
        self.refresh = pn.widgets.Button(label="Refresh", width=90)
        self.refresh.on_click(lambda _: self.store.refresh())
        self.table = row_table(
            queue_frame(self.store),
            titles=COLUMNS,
            hidden=HIDDEN,
            money=["value"],
            counts=["lines"],
            widths={"order_id": 165, "status": 125, "received": 150, "value": 115, "lines": 70},
            page_size=12,
            css_class="od-queue",
        )
        self.table.on_click(self._clicked)
        self.store.param.watch(self._queue_changed, "queue")
        self.store.param.watch(self._select, "order_id")
        self._select()

    def _queue_changed(self, event: param.parameterized.Event) -> None:
        if event.new == event.old:
            return
        # Value first, then selection: in one update Panel would map the selection through the
        # old frame's index (see JobList).
        self.table.value = queue_frame(self.store)
        self._select()

    def _select(self, *_: param.parameterized.Event) -> None:
        order_ids = self.table.value["order_id"]
        self.table.selection = order_ids.index[order_ids == self.store.order_id].tolist()

    def _clicked(self, event: CellClickEvent) -> None:
        row = self.table.value.iloc[event.row]
        if row["order_id"]:
            self.store.order_id = str(row["order_id"])
        else:
            self.store.say(
                "warning",
                f"Job {row['job_id']} ({row['customer']}) made no order:"
                f" {row['top_reason'] or row['status']}. Open /app?job={row['job_id']} to see its stages"
                " or retry it.",
            )

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(pn.Row(self.filter, self.refresh), self.table, sizing_mode="stretch_width")
