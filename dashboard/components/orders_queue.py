"""The orders queue: the ledger's orders by status, newest change first; click one to review it.

Rows come from ``ReviewStore.queue`` (the review API's summaries), so the queue lists every
order whatever made it — this page, the HTTP API, a batch, another server process. "Failed"
lists the jobs that made no order, with why. A search narrows the list to the orders whose
customer, PO, parts or words hold every typed word (``pipeline.orders.search``); *Approve clean
orders* approves, for an approver, every listed order the gates now pass and says why each other
one was left (``pipeline.orders.bulk``); keys open the next order, accept its next flagged line
and approve it (``shortcuts.py``), listed under the table.
"""

from __future__ import annotations

from dataclasses import asdict
from html import escape
from typing import Any

import pandas as pd
import panel as pn
import param
from panel.models.tabulator import CellClickEvent
from panel.viewable import Viewer

from dashboard.access import AccessDeniedError
from dashboard.components import panes, widgets
from dashboard.components.shortcuts import KeyShortcuts
from dashboard.components.tables import row_table
from dashboard.review_store import ReviewStore
from pipeline.orders.bulk import BulkApproval, approve_clean
from pipeline.orders.search import matching_orders
from pipeline.words import kind_words

COLUMNS = {
    "order_id": "Order",
    "status": "Status",
    "kind": "Type",
    "customer": "Customer",
    "received": "Received (UTC)",
    "value": "Value",
    "lines": "Lines",
    "top_reason": "Top reason",
}
HIDDEN = ["job_id", "version"]


def queue_frame(store: ReviewStore, search: str = "") -> pd.DataFrame:
    """One row per order (or failed job) in the store's queue that ``search`` finds."""
    rows = [
        asdict(row) | {"status": row.status.replace("_", " "), "kind": kind_words(row.kind)}
        for row in store.queue
    ]
    frame = pd.DataFrame(rows, columns=[*COLUMNS, *HIDDEN])
    if not search.split():
        return frame
    found = matching_orders(store.orders.ledger, search)
    failed_job_text = (frame["customer"] + " " + frame["top_reason"]).str.lower()  # file name, error
    failed_found = failed_job_text.map(lambda text: all(word in text for word in search.lower().split()))
    keep = frame["order_id"].isin(found) | ((frame["order_id"] == "") & failed_found)
    return frame[keep].reset_index(drop=True)


def outcome_html(outcome: BulkApproval) -> str:
    """What a bulk approval did, for the person who asked: approved ids, and why others were not."""
    approved = ", ".join(outcome.approved) or "none"
    refused = "".join(
        f"<li><b>{escape(order_id)}</b>: {escape(reason)}</li>"
        for order_id, reason in outcome.refused.items()
    )
    left = f"<p>Not approved (not clean):</p><ul>{refused}</ul>" if refused else ""
    return f'<div class="od-bulk-outcome"><p>Approved: {escape(approved)}</p>{left}</div>'


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
        self.search = widgets.SearchInput(
            label="", placeholder="Search: customer, PO or part", width=280, css_classes=["od-queue-search"]
        )
        self.search.param.watch(self._show_queue, "value_input")
        self.approve_clean = pn.widgets.Button(label="Approve clean orders", width=180)
        self.approve_clean.on_click(lambda _: self.approve_listed())
        self.outcome = panes.HTML("", sizing_mode="stretch_width")
        self.shortcuts = KeyShortcuts(
            {
                "j": ("next order", self.next_order),
                "a": ("accept its next flagged line", self.accept_next_line),
                "A": ("approve it", lambda: self.store.approve()),
            },
            css_classes=["od-shortcuts"],
        )
        self.table = row_table(
            queue_frame(self.store),
            titles=COLUMNS,
            hidden=HIDDEN,
            money=["value"],
            counts=["lines"],
            widths={"order_id": 185, "status": 125, "kind": 150, "received": 170, "value": 115, "lines": 80},
            wrapped=("customer", "top_reason"),
            page_size=12,
            css_class="od-queue",
        )
        self.table.on_click(self._clicked)
        self.store.param.watch(self._queue_changed, "queue")
        self.store.param.watch(self._select, "order_id")
        self._select()

    def _queue_changed(self, event: param.parameterized.Event) -> None:
        if event.new != event.old:
            self._show_queue()

    def _show_queue(self, *_: param.parameterized.Event) -> None:
        # Value first, then selection: in one update Panel would map the selection through the
        # old frame's index (see JobList).
        self.table.value = queue_frame(self.store, self.search.value_input or "")
        self._select()

    def listed_orders(self) -> list[str]:
        """The order ids the table lists now (filter and search applied), top to bottom."""
        return [order_id for order_id in self.table.value["order_id"] if order_id]

    def approve_listed(self) -> None:
        """Approve every listed order the gates now pass (approvers only); say what was left and why."""
        try:
            self.store.user.require_approver(self.store.orders.settings.access, "approve")
        except AccessDeniedError as error:
            self.outcome.object = f'<div class="od-bulk-outcome">{escape(str(error))}</div>'
            self.store.say("danger", str(error))
            return
        outcome = approve_clean(self.store.orders, self.listed_orders(), actor=self.store.actor)
        self.store.refresh()
        self.outcome.object = outcome_html(outcome)

    def next_order(self) -> None:
        """Open the order listed after the open one (the first when none is open)."""
        listed = self.listed_orders()
        if self.store.order_id in listed:
            listed = listed[listed.index(self.store.order_id) + 1 :]
        if listed:
            self.store.order_id = listed[0]
        else:
            self.store.say("info", "That was the last order listed.")

    def accept_next_line(self) -> None:
        """Accept the open order's first matched line that the gates still stop."""
        stored = self.store.stored
        if stored is None:
            self.store.say("warning", "Open an order first.")
            return
        flagged = [
            line for line in stored.order.lines if line.gate_reasons and line.match and not line.accepted_by
        ]
        if flagged:
            self.store.accept_line(flagged[0].item.line_no)
        else:
            self.store.say("info", f"No line of {stored.order_id} waits to be accepted.")

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
        return pn.Column(
            pn.Row(self.filter, self.refresh),
            pn.Row(self.search, self.approve_clean),
            self.table,
            self.outcome,
            self.shortcuts,
            sizing_mode="stretch_width",
        )
