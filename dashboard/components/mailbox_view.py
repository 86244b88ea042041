"""Each mailbox's state for the desk: connected or not, the last message, how many wait, how many
need a person and why, errors. In full on the Mailbox page, as one line each on the process page.

Every text that came from an email (subjects, senders, reasons quoting it) or from a server's
answer passes through ``escape``.
"""

from __future__ import annotations

from html import escape
from typing import Any

import param
from panel.viewable import Viewer

from dashboard.components import panes
from dashboard.mailbox_status import MailboxRow, MailboxStatus
from dashboard.mailbox_store import MailboxStore

STATE_WORDS = {
    "connecting": "connecting",
    "reading": "connected, taking messages",
    "idle": "connected, waiting for mail",
    "polling": "connected, looking for mail now and then",
    "disconnected": "disconnected, trying again",
    "crashed": "stopped on an error, trying again",
    "stopped": "stopped",
}
NOT_CONFIGURED = (
    "No mailbox is watched by this server: set <code>ORDERDESK_INBOX_HOST</code> (or a Maildir), "
    "see the README's <i>Orders by email</i>."
)
CSS = """
.od-mb { font-family: system-ui, sans-serif; font-size: 13.5px; }
.od-mb table { border-collapse: collapse; width: 100%; }
.od-mb td, .od-mb th { border-bottom: 1px solid #eaeef2; padding: 3px 8px; text-align: left;
                      vertical-align: top; }
.od-mb .od-mb-num { text-align: right; }
.od-mb-dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 5px;
             background: #cf222e; }
.od-mb-connected .od-mb-dot { background: #1a7f37; }
.od-mb-error { color: #cf222e; }
.od-mb-problem { color: #cf222e; font-weight: 600; }
"""


def _when(iso: str) -> str:
    return iso[:19].replace("T", " ") if iso else "—"


def _state_cell(row: MailboxRow) -> str:
    words = STATE_WORDS.get(row.state, row.state)
    return f'<span class="od-mb-dot"></span>{escape(words)}'


def _errors(row: MailboxRow) -> str:
    errors = [row.error] if row.error else []
    errors += row.recent_errors[-3:]
    if row.crashes:
        errors.append(f"the watcher stopped on an error {row.crashes} time(s) since the server started")
    return "<br>".join(f'<span class="od-mb-error">{escape(error)}</span>' for error in errors) or "none"


def _row_attributes(row: MailboxRow) -> str:
    css = "od-mb-row od-mb-connected" if row.connected else "od-mb-row"
    return (
        f'class="{css}" data-mailbox="{escape(row.mailbox)}" data-state="{escape(row.state)}"'
        f' data-waiting="{row.waiting}" data-taken="{row.taken}" data-needs-person="{row.needs_person}"'
    )


def mailbox_html(status: MailboxStatus) -> str:
    """The Mailbox page: a row per mailbox, then the messages that need a person, with why."""
    parts = ['<div class="od-mb">']
    if status.problem:
        parts.append(f'<p class="od-mb-problem">The mailbox is not watched: {escape(status.problem)}</p>')
    elif not status.configured:
        parts.append(f"<p>{NOT_CONFIGURED}</p>")
    head = ("Mailbox", "State", "Last message", "Waiting", "Taken", "Duplicates", "Needs a person")
    parts.append("<table><tr>" + "".join(f"<th>{name}</th>" for name in head) + "<th>Errors</th></tr>")
    for row in status.mailboxes:
        last = _when(row.last_at) + (f" · {escape(row.last_subject)}" if row.last_subject else "")
        numbers = (row.waiting, row.taken, row.duplicates, row.needs_person)
        cells = "".join(f'<td class="od-mb-num">{number:,}</td>' for number in numbers)
        parts.append(
            f"<tr {_row_attributes(row)}><td>{escape(row.mailbox)}</td><td>{_state_cell(row)}</td>"
            f"<td>{last}</td>{cells}<td>{_errors(row)}</td></tr>"
        )
    parts.append("</table>")
    if status.needs_person:
        parts.append(
            "<h4>Needs a person</h4><table><tr><th>When</th><th>Subject</th><th>From</th><th>Why</th></tr>"
        )
        for record in status.needs_person:
            parts.append(
                f'<tr class="od-mb-needs-person"><td>{_when(record.updated_at)}</td>'
                f"<td>{escape(record.subject or record.ref.where)}</td><td>{escape(record.sender)}</td>"
                f"<td>{escape(record.error or '')}</td></tr>"
            )
        parts.append("</table>")
    return "".join([*parts, "</div>"])


def mailbox_summary_html(status: MailboxStatus) -> str:
    """One line per mailbox, for the process page (empty when there is nothing to say)."""
    lines = []
    for row in status.mailboxes:
        waiting = f" · {row.waiting} waiting" if row.waiting else ""
        person = f" · {row.needs_person} need a person" if row.needs_person else ""
        error = f' · <span class="od-mb-error">{escape(row.error)}</span>' if row.error else ""
        lines.append(
            f"<div {_row_attributes(row)}><b>{escape(row.mailbox)}</b>: {_state_cell(row)}"
            f" · last {_when(row.last_at)}{waiting}{person}{error}</div>"
        )
    if status.problem:
        lines.append(f'<div class="od-mb-problem">Not watched: {escape(status.problem)}</div>')
    if not lines:
        return ""
    return f'<div class="od-mb">{"".join(lines)}<a href="/mailbox">Mailbox page</a></div>'


class MailboxView(Viewer):
    """The mailboxes of a ``MailboxStore``, in full or (``compact``) one line each."""

    store = param.ClassSelector(class_=MailboxStore, doc="The session's mailbox state.")
    compact = param.Boolean(default=False, doc="One line per mailbox (the process page).")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._pane = panes.HTML(
            "", stylesheets=[CSS], sizing_mode="stretch_width", css_classes=["od-mailbox"]
        )
        self.store.param.watch(self._render, "status")
        self._render()

    def _render(self, *_: param.parameterized.Event) -> None:
        render = mailbox_summary_html if self.compact else mailbox_html
        html = render(self.store.status)
        self._pane.param.update(object=html, visible=bool(html))

    def __panel__(self) -> panes.HTML:
        return self._pane
