"""The customer's recent orders, beside the order under review.

Read from the ledger (``pipeline.orders.history``) whenever the open order or the queue changes,
so an order approved or exported elsewhere shows its new status as soon as the queue does. Each
row links to ``/review?order=…``. Customer names, PO numbers and RFQ numbers come from emails:
every one is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

import panel as pn
import param
from panel.viewable import Viewer

from dashboard.components import panes
from dashboard.review_store import ReviewStore
from pipeline.orders import StoredOrder
from pipeline.orders.history import CustomerHistory, PastOrder, recent_orders
from pipeline.words import kind_words

CSS = """
.od-history { font-family: system-ui, sans-serif; font-size: 13px; }
.od-history h4 { margin: 0 0 4px; font-size: 14px; }
.od-history p { margin: 4px 0; color: #57606a; }
.od-history table { border-collapse: collapse; width: 100%; }
.od-history th, .od-history td { border-bottom: 1px solid #eaeef2; padding: 3px 6px; text-align: left;
                                  white-space: nowrap; }
.od-history td.od-num { text-align: right; }
"""


def _reference(order: PastOrder) -> str:
    if order.kind == "quote":
        return f"{kind_words('quote')} {order.rfq_number or order.po_number or ''}".strip()
    return order.po_number or "—"


def _row(order: PastOrder) -> str:
    return (
        f'<tr data-order="{escape(order.order_id)}" data-status="{escape(order.status)}">'
        f"<td>{escape(order.created_at[:16].replace('T', ' '))}</td>"
        f"<td>{escape(_reference(order))}</td>"
        f'<td class="od-num">{order.line_count:,}</td>'
        f'<td class="od-num">${order.total:,.2f}</td>'
        f"<td>{escape(order.status.replace('_', ' '))}</td>"
        f'<td><a href="/review?order={escape(order.order_id)}">{escape(order.order_id)}</a></td></tr>'
    )


def history_html(customer: str, history: CustomerHistory | None) -> str:
    """The customer's recent orders as a table, or a sentence saying why there are none."""
    heading = f"<h4>Recent orders of {escape(customer)}</h4>"
    if history is None:
        text = "The sender is not a customer yet, so there are no earlier orders to show."
        return f'<div class="od-history" data-count="0">{heading}<p>{escape(text)}</p></div>'
    if not history.orders:
        text = "No other orders from this customer in the ledger."
        return f'<div class="od-history" data-count="0">{heading}<p>{escape(text)}</p></div>'
    shown = len(history.orders)
    more = f"<p>The latest {shown} of {history.total_count:,}.</p>" if history.total_count > shown else ""
    rows = "".join(_row(order) for order in history.orders)
    return (
        f'<div class="od-history" data-count="{shown}">{heading}<table><thead><tr><th>Received (UTC)</th>'
        "<th>PO</th><th>Lines</th><th>Value</th><th>Status</th><th>Open</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{more}</div>"
    )


def customer_of(stored: StoredOrder) -> tuple[str | None, str]:
    """The order's customer id (None when the sender is no customer) and the name to show."""
    account, who = stored.order.account, stored.order.header.customer
    if account is not None:
        return account.customer_id, account.name
    return None, who.company or who.email or "the sender"


class CustomerOrders(Viewer):
    """The open order's customer's latest other orders, newest first, each a link to review it."""

    store = param.ClassSelector(class_=ReviewStore, doc="The session's review state.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.pane = panes.HTML("", stylesheets=[CSS], width=560, css_classes=["od-customer-orders"])
        self.store.param.watch(self._render, ["stored", "queue"])
        self._render()

    def _render(self, *_: param.parameterized.Event) -> None:
        stored = self.store.stored
        self.pane.visible = stored is not None
        if stored is None:
            return
        customer_id, name = customer_of(stored)
        history = None
        if customer_id is not None:
            history = recent_orders(self.store.orders.ledger, customer_id, exclude=stored.order_id)
        self.pane.object = history_html(name, history)

    def __panel__(self) -> pn.viewable.Viewable:
        return self.pane
