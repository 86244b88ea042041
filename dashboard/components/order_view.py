"""The assembled order: header, review verdict, priced lines and subtotal.

Everything shown here was read out of a customer's email, so the header is escaped before it
reaches the HTML pane and the lines go into a Tabulator, which renders cell values as text.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

import pandas as pd
import panel as pn
import param
from panel.viewable import Viewer

from dashboard.components import panes
from dashboard.components.tables import (
    confidence_format,
    count_format,
    fitted_table,
    money_format,
    quantity_format,
)
from dashboard.store import DeskStore

CSS = """
.od-order { font-family: system-ui, sans-serif; font-size: 14px; }
.od-order dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.od-order dt { color: #57606a; }
.od-order dd { margin: 0; }
.od-review { font-weight: 600; }
.od-review-auto_approved { color: #1a7f37; }
.od-review-needs_review, .od-review-no_order_found { color: #bf8700; }
.od-subtotal { font-weight: 600; text-align: right; font-family: system-ui, sans-serif; }
"""

COLUMNS = {
    "line_no": "#",
    "requested": "Requested",
    "quantity": "Qty",
    "uom": "Unit",
    "part_number": "Part",
    "description": "Description",
    "confidence": "Match",
    "unit_price": "Price",
    "extended_price": "Extended",
}
# Fixed widths for the short columns; the request (cut short here: the line rows above show it
# whole) and the part's description share the rest of the table's width. Part numbers and
# descriptions wrap.
WIDTHS = {
    "line_no": 45, "quantity": 65, "uom": 72, "part_number": 205, "confidence": 88,
    "unit_price": 95, "extended_price": 115,
}  # fmt: skip
# The numeric columns' types, also for an order not there yet: Tabulator's column settings follow
# the types, and a change of them makes the browser rebuild the table when the order arrives.
NUMERIC = {name: "float64" for name in ("quantity", "confidence", "unit_price", "extended_price")} | {
    "line_no": "int64"
}


def order_header_html(order: dict[str, Any] | None) -> str:
    """Customer, PO, urgency, requested date and the review verdict with its reasons."""
    if not order:
        return '<div class="od-order"><p>The order appears here when the job is done.</p></div>'
    customer = order.get("customer") or {}
    who = " · ".join(value for value in (customer.get("company"), customer.get("contact")) if value)
    fields = {
        "Order": order.get("order_id"),
        "Customer": who or customer.get("email"),
        "PO": order.get("po_number"),
        "Urgency": order.get("urgency"),
        "Requested date": order.get("requested_date"),
    }
    rows = "".join(f"<dt>{name}</dt><dd>{escape(str(value or '—'))}</dd>" for name, value in fields.items())
    review = order.get("review") or {}
    status = str(review.get("status", "not reviewed"))
    reasons = "".join(f"<li>{escape(str(reason))}</li>" for reason in review.get("reasons", []))
    order_id = str(order.get("order_id") or "")
    link = f'<a class="od-open-review" href="/review?order={escape(quote(order_id))}">Open in review</a>'
    return (
        f'<div class="od-order"><dl>{rows}</dl>{link if order_id else ""}'
        f'<p class="od-review od-review-{escape(status)}" data-review="{escape(status)}">'
        f"Review: {escape(status.replace('_', ' '))}</p>"
        f"{f'<ul>{reasons}</ul>' if reasons else ''}</div>"
    )


def order_lines_frame(order: dict[str, Any] | None) -> pd.DataFrame:
    """One row per order line; an unmatched line keeps its request with empty part columns."""
    rows = []
    for line in (order or {}).get("lines", []):
        match = line.get("match") or {}
        rows.append(
            {
                "line_no": line["line_no"],
                "requested": line["source_text"],
                "quantity": line.get("quantity"),
                "uom": line.get("uom"),
                "part_number": match.get("part_number"),
                "description": match.get("description"),
                "confidence": match.get("confidence"),
                "unit_price": match.get("unit_price"),
                "extended_price": match.get("extended_price"),
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(NUMERIC)


def subtotal_html(order: dict[str, Any] | None) -> str:
    totals = (order or {}).get("totals") or {}
    if not totals:
        return ""
    currency = escape(str(totals.get("currency", "")))
    return (
        f'<div class="od-subtotal">{totals.get("matched_lines", 0)} of {totals.get("line_count", 0)}'
        f" lines matched · subtotal ${totals.get('subtotal', 0):,.2f} {currency}</div>"
    )


class OrderView(Viewer):
    """The current job's order as a salesperson reviews it."""

    store = param.ClassSelector(class_=DeskStore, doc="The session's state to show.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._table = fitted_table(
            order_lines_frame(None),
            css_class="od-order-lines",
            wrapped=("part_number", "description"),
            titles=COLUMNS,
            formatters={
                "line_no": count_format(),
                "quantity": quantity_format(),
                "confidence": confidence_format(),
                "unit_price": money_format(),
                "extended_price": money_format(),
            },
            widths=WIDTHS,
        )
        self.store.param.watch(self._update_table, "order")
        self._layout = pn.Column(
            panes.HTML(pn.bind(order_header_html, self.store.param.order), stylesheets=[CSS]),
            self._table,
            panes.HTML(
                pn.bind(subtotal_html, self.store.param.order), stylesheets=[CSS], sizing_mode="stretch_width"
            ),
            sizing_mode="stretch_width",
        )

    def _update_table(self, event: param.parameterized.Event) -> None:
        self._table.value = order_lines_frame(event.new)

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout
