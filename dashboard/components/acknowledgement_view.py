"""The review page's acknowledgement (a quotation, for a request for quote): the email that will
answer the customer, before it goes.

Shown for an order that came by email when an SMTP server is set up: to whom, in which state
(waiting for the approval, held, sent, failed and why), its text — which the desk may change
and save — and Hold / Release / Send now. Approving the order (Send quotation, for a request for
quote) sends it (``AcknowledgementStore``).
"""

from __future__ import annotations

from html import escape
from typing import Any

import panel as pn
import param
from panel.viewable import Viewer

from dashboard.acknowledgement_store import AcknowledgementStore
from dashboard.components import panes
from pipeline.acknowledge.compose import ANSWER_KINDS
from pipeline.acknowledge.sender import Acknowledgement

MAX_TEXT = 200_000  # a long order's text (the widget's default, 5,000, cuts it off)
CSS = """
dl.od-ack { font-family: system-ui, sans-serif; font-size: 13.5px; display: grid;
            grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 6px; }
dl.od-ack dt { color: #57606a; }
dl.od-ack dd { margin: 0; }
"""


def status_words(record: Acknowledgement, approved: bool) -> str:
    """Where the acknowledgement stands, in the desk's words."""
    if record.status == "sent":
        return f"sent {(record.sent_at or '')[:19].replace('T', ' ')} UTC"
    if record.status == "held":
        return "held by the desk: it does not go until released"
    if record.status == "sending":
        return "being sent"
    if record.status == "failed":
        return f"not sent yet ({record.error}); tried {record.attempts} time(s), tried again soon"
    awaits = next(kind.awaits for kind in ANSWER_KINDS if kind.name == record.kind)
    return "goes now" if approved else f"goes when {awaits}"


def header_html(record: Acknowledgement, approved: bool) -> str:
    words = status_words(record, approved)
    return (
        f'<dl class="od-ack" data-status="{escape(record.status)}">'
        f"<dt>To</dt><dd>{escape(record.recipient)}</dd>"
        f"<dt>Message-ID</dt><dd>{escape(record.message_id)}</dd>"
        f'<dt>Status</dt><dd class="od-ack-status">{escape(words)}</dd></dl>'
    )


class AcknowledgementView(Viewer):
    """The open order's acknowledgement, editable until it is sent."""

    store = param.ClassSelector(class_=AcknowledgementStore, doc="The session's acknowledgement.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.header = panes.HTML("", stylesheets=[CSS], sizing_mode="stretch_width")
        self.text = pn.widgets.TextAreaInput(
            label="Text",
            height=300,
            max_length=MAX_TEXT,
            sizing_mode="stretch_width",
            css_classes=["od-ack-text"],
        )
        self.save = self._button(
            "Save text", "primary", "od-ack-save", lambda: self.store.save_text(self.text.value)
        )
        self.hold = self._button("Hold", "warning", "od-ack-hold", self.store.hold)
        self.release = self._button("Release", "success", "od-ack-release", self.store.release)
        self.send = self._button("Send now", "success", "od-ack-send", self.store.send)
        self.message = panes.Alert(
            "", visible=False, sizing_mode="stretch_width", css_classes=["od-ack-message"]
        )
        self._shown_text = ""
        self._shown_for: str | None = None  # the order whose text the text box holds
        self._body = pn.Card(
            self.message,
            self.header,
            self.text,
            pn.Row(self.save, self.hold, self.release, self.send),
            title="Acknowledgement to the customer",
            collapsible=False,
            sizing_mode="stretch_width",
            css_classes=["od-ack-panel"],
        )
        self.store.param.watch(self._render, ["shown", "record", "text", "order_approved"])
        self.store.param.watch(self._show_message, ["message", "message_kind"])
        self._render()

    @staticmethod
    def _button(label: str, color: str, css: str, action: Any) -> pn.widgets.Button:
        button = pn.widgets.Button(label=label, color=color, width=120, css_classes=[css])
        button.on_click(lambda _event: action())
        return button

    def _render(self, *_: param.parameterized.Event) -> None:
        record = self.store.record
        self._body.visible = self.store.shown and record is not None
        if record is None:
            return
        self.header.object = header_html(record, self.store.order_approved)
        self._body.title = f"{record.kind.capitalize()} to the customer"
        # The desk's typing is kept unless the text it started from changed under it.
        if self.store.order_id != self._shown_for or self.text.value in (self._shown_text, ""):
            self.text.value = self.store.text
        self._shown_text, self._shown_for = self.store.text, self.store.order_id
        final = record.status in ("sent", "sending")
        self.text.disabled = final
        self.save.visible = not final
        self.hold.visible = record.status in ("pending", "failed")
        self.release.visible = record.status == "held"
        self.send.visible = self.store.order_approved and record.status in ("pending", "failed")

    def _show_message(self, *_: param.parameterized.Event) -> None:
        self.message.param.update(
            object=escape(self.store.message),
            alert_type=self.store.message_kind,
            visible=bool(self.store.message),
        )

    def __panel__(self) -> pn.viewable.Viewable:
        return self._body
