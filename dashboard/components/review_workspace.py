"""The review workspace: one order beside the email it came from, its lines, the decision, the audit.

Every action goes through the store to the review API with the version on screen; the
workspace re-renders from whatever version the ledger then holds, so what a reviewer sees after
an action — or after a reload — is what was written.
"""

from __future__ import annotations

from html import escape
from typing import Any

import panel as pn
import param
from panel.viewable import Viewer

from dashboard.components import panes
from dashboard.components.customer_orders import CustomerOrders
from dashboard.components.line_editor import LineEditor
from dashboard.evidence import CSS as EMAIL_CSS
from dashboard.evidence import highlighted_html, order_highlights
from dashboard.review_html import CSS, audit_html, order_summary_html
from dashboard.review_store import ReviewStore
from pipeline.config import GateSettings
from pipeline.models import OrderLine
from pipeline.orders import StoredOrder
from pipeline.orders.customers import why_not_approved
from pipeline.orders.store import LOCKED_STATUSES

EMPTY = "Pick an order in the queue to review it."


def email_html(stored: StoredOrder) -> str:
    """The source email with every value's evidence highlighted (escaped piece by piece)."""
    order = stored.order
    return highlighted_html(order.document.text, order_highlights(order.to_dict()))


class ReviewWorkspace(Viewer):
    """The open order of a ``ReviewStore``, with everything a reviewer can do to it."""

    store = param.ClassSelector(class_=ReviewStore, doc="The session's review state.")
    threshold = param.Number(
        default=GateSettings().min_confidence, bounds=(0, 1), doc="The review's min_confidence (badges)."
    )

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.message = panes.Alert(
            "", visible=False, sizing_mode="stretch_width", css_classes=["od-rv-message"]
        )
        self.summary = panes.HTML(EMPTY, stylesheets=[CSS], sizing_mode="stretch_width")
        self.history = CustomerOrders(store=self.store)  # beside the summary
        self.email = panes.HTML("", stylesheets=[EMAIL_CSS], sizing_mode="stretch_width")
        self.lines = pn.Column(sizing_mode="stretch_width")
        self.editors: list[LineEditor] = []  # the shown version's lines, one editor each
        self.audit = panes.HTML(
            "", stylesheets=[CSS], sizing_mode="stretch_width", css_classes=["od-rv-audit"]
        )
        self.new_line = pn.widgets.TextInput(
            label="Add a line", placeholder="4 pcs 304 sheet 0.125 x 48 x 96", sizing_mode="stretch_width"
        )
        self.add = pn.widgets.Button(label="Add line", width=100, margin=(24, 10, 0, 10))
        self.add.on_click(self._add_line)
        self.comment = pn.widgets.TextAreaInput(
            label="Comment", height=70, sizing_mode="stretch_width", css_classes=["od-rv-comment"]
        )
        self.approve = pn.widgets.Button(label="Approve", color="success", width=110)
        self.approve.on_click(lambda _: self._decide(self.store.approve))
        self.quote = pn.widgets.Button(
            label="Send quotation", color="success", width=140, css_classes=["od-rv-quote"]
        )
        self.quote.on_click(lambda _: self._decide(self.store.quote))
        self.reject = pn.widgets.Button(label="Reject", color="danger", width=110)
        self.reject.on_click(lambda _: self._decide(self.store.reject))
        self.reopen = pn.widgets.Button(label="Reopen", color="warning", width=110)
        self.reopen.on_click(lambda _: self._decide(self.store.reopen))
        self.export = pn.widgets.Button(
            label="Export to ERP", color="primary", width=130, css_classes=["od-rv-export"]
        )
        self.export.on_click(self._export)
        self.convert = pn.widgets.Button(
            label="Convert to order", color="primary", width=150, css_classes=["od-rv-convert"]
        )
        self.convert.on_click(lambda _: self._decide(self.store.convert_to_order))
        self.customer = self._customer_controls()
        self.store.param.watch(self._show_message, ["message", "message_kind"])
        self.store.param.watch(self._render, ["stored", "audit"])
        self._body = pn.Column(
            pn.Row(
                pn.Column("#### Email", self.email, width=520),
                pn.Column(
                    "#### Lines", self.lines, pn.Row(self.new_line, self.add), sizing_mode="stretch_width"
                ),
                sizing_mode="stretch_width",
            ),
            self.customer,
            "#### Decision",
            self.comment,
            pn.Row(self.approve, self.quote, self.reject, self.reopen, self.convert, self.export),
            "#### Audit trail",
            self.audit,
            sizing_mode="stretch_width",
        )
        self._render()
        self._show_message()

    def _render(self, *_: param.parameterized.Event) -> None:
        stored = self.store.stored
        self._body.visible = stored is not None
        if stored is None:
            self.summary.object = f'<p class="od-rv">{EMPTY}</p>'
            self.editors = []
            self.lines[:] = []
            return
        locked = stored.locked
        self.summary.object = order_summary_html(stored)
        self.email.object = email_html(stored)
        # Each line keeps its editor, updated in place: an edit of one line sends the browser that
        # line's changed values, and the inputs of the others stay as the reviewer left them.
        shown = {editor.line.item.line_no: editor for editor in self.editors}
        editors = [self._editor(shown.get(line.item.line_no), line, locked) for line in stored.order.lines]
        if editors != self.editors:
            self.editors = editors
            self.lines[:] = editors
        self.audit.object = audit_html(self.store.audit)
        for widget in (self.new_line, self.add, self.approve, self.quote, self.reject):
            widget.disabled = locked
        self.reopen.visible = locked and stored.status != "exported"
        quote = stored.order.header.kind == "quote"
        self.quote.visible = quote  # beside Approve, which says why a quote is not approved
        self.convert.visible = quote and (not locked or stored.status == "quoted")
        self.export.visible = stored.status in LOCKED_STATUSES - {"rejected"} and not quote
        self.export.disabled = stored.status == "exported"
        self.export.label = "Exported" if stored.status == "exported" else "Export to ERP"
        self._show_customer(stored)

    def _editor(self, editor: LineEditor | None, line: OrderLine, locked: bool) -> LineEditor:
        if editor is None:
            return LineEditor(store=self.store, line=line, threshold=self.threshold, locked=locked)
        if editor.line != line or editor.locked != locked:
            editor.show(line, locked)
        return editor

    def _show_message(self, *_: param.parameterized.Event) -> None:
        self.message.param.update(
            object=escape(self.store.message),
            alert_type=self.store.message_kind,
            visible=bool(self.store.message),
        )

    def _customer_controls(self) -> pn.Column:
        """Approve the order's customer, or assign the email to an existing one (approvers)."""
        self.terms = pn.widgets.TextInput(
            label="Terms", placeholder="NET30", width=110, css_classes=["od-rv-terms"]
        )
        self.credit = pn.widgets.FloatInput(
            label="Credit limit", start=0, width=130, css_classes=["od-rv-credit"]
        )
        self.approve_customer = pn.widgets.Button(
            label="Approve customer", color="success", width=160, margin=(24, 10, 0, 10)
        )
        self.approve_customer.on_click(
            lambda _: self.store.approve_customer(self.terms.value, self.credit.value)
        )
        self.assign_to = pn.widgets.Select(
            label="Or assign the email to", width=320, css_classes=["od-rv-assign-to"]
        )
        self.assign = pn.widgets.Button(label="Assign", width=100, margin=(24, 10, 0, 10))
        self.assign.on_click(self._assign)
        return pn.Column(
            "#### Customer",
            pn.Row(self.terms, self.credit, self.approve_customer),
            pn.Row(self.assign_to, self.assign),
            sizing_mode="stretch_width",
            css_classes=["od-rv-customer"],
        )

    def _show_customer(self, stored: StoredOrder) -> None:
        """Shown while the order's customer is not an approved one and the order can still change."""
        account = stored.order.account
        needed = why_not_approved(account) is not None and not stored.locked
        self.customer.visible = needed
        if not needed:
            return
        self.terms.value = account.terms if account and account.terms != "PREPAY" else "NET30"
        self.approve_customer.disabled = account is None
        self.assign_to.options = {"": "", **self.store.orders.customer_choices()}

    def _assign(self, _: param.parameterized.Event) -> None:
        if self.assign_to.value:
            self.store.assign_customer(self.assign_to.value)
        else:
            self.store.say("warning", "Pick the customer to assign the email to.")

    async def _export(self, _: param.parameterized.Event) -> None:
        self.export.loading = True
        try:
            await self.store.export_async()
        finally:
            self.export.loading = False

    def _add_line(self, _: param.parameterized.Event) -> None:
        if self.store.add_line(self.new_line.value):
            self.new_line.value = ""

    def _decide(self, decide: Any) -> None:
        if decide(self.comment.value):
            self.comment.value = ""

    def __panel__(self) -> pn.viewable.Viewable:
        top = pn.Row(self.summary, self.history, sizing_mode="stretch_width")
        return pn.Column(self.message, top, self._body, sizing_mode="stretch_width")
