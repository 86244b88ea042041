"""Live progress of the current job: one card per stage and one row per requested line.

Each card is its own HTML pane, so a stage's change sends only that card to the browser.
Cards carry ``data-stage``, ``data-state`` and ``data-changed-at`` (server time, epoch ms) so a
browser can tell which state is showing and how long it took to get there.
"""

from __future__ import annotations

from html import escape
from typing import Any

import panel as pn
import param
from panel.viewable import Viewer

from dashboard.components import panes
from dashboard.notify import notify
from dashboard.progress import LineState, StageState
from dashboard.store import DeskStore
from pipeline.errors import OrderDeskError
from pipeline.job_status import stopped
from pipeline.verdict import line_verdict as verdict

CSS = """
.od-stage { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 10px; width: 170px;
            font-family: system-ui, sans-serif; background: #fff; }
.od-stage-head { display: flex; justify-content: space-between; align-items: center; gap: 6px; }
.od-stage-name { font-weight: 600; text-transform: capitalize; }
.od-stage-meta { color: #57606a; font-size: 12px; margin-top: 4px; }
.od-stage-detail { font-size: 12px; margin-top: 2px; white-space: nowrap; overflow: hidden;
                   text-overflow: ellipsis; }
.od-badge { border-radius: 10px; padding: 1px 8px; font-size: 11px; color: #fff; background: #8c959f; }
.od-running, .od-searching { background: #0969da; }
.od-done, .od-matched { background: #1a7f37; }
.od-failed, .od-no_match { background: #cf222e; }
.od-interrupted, .od-needs_review { background: #bf8700; }
.od-lines { border-collapse: collapse; width: 100%; font-family: system-ui, sans-serif; font-size: 13px; }
.od-lines td, .od-lines th { border-bottom: 1px solid #eaeef2; padding: 4px 6px; text-align: left; }
"""

LINE_STATUS_LABELS = {"extracted": "extracted", "searching": "searching…", "no_match": "no match"}


def _epoch_ms(stage: StageState) -> str:
    return str(round(stage.changed_at.timestamp() * 1000)) if stage.changed_at else ""


def _stage_meta(stage: StageState) -> str:
    if stage.elapsed_ms is not None:
        return f"{stage.elapsed_ms:,.1f} ms"
    if stage.status == "running" and stage.total:
        return f"{stage.done or 0} of {stage.total}"
    return ""


def stage_card_html(stage: StageState) -> str:
    """A stage card; the summary and error can quote the email, so they are escaped."""
    detail = escape(stage.error or stage.summary)
    return (
        f'<div class="od-stage" data-stage="{escape(stage.name)}" data-state="{stage.status}"'
        f' data-changed-at="{_epoch_ms(stage)}">'
        f'<div class="od-stage-head"><span class="od-stage-name">{escape(stage.name)}</span>'
        f'<span class="od-badge od-{stage.status}">{stage.status}</span></div>'
        f'<div class="od-stage-meta">{escape(_stage_meta(stage)) or "&nbsp;"}</div>'
        f'<div class="od-stage-detail" title="{detail}">{detail or "&nbsp;"}</div></div>'
    )


def line_verdict(line: LineState, threshold: float) -> str:
    """searching → matched / needs_review / no_match (``pipeline.verdict``) once the line is matched."""
    if line.status not in ("matched", "no_match"):
        return line.status
    return verdict(line.status, line.confidence, line.passed, threshold)


def line_status_label(line: LineState, threshold: float) -> str:
    verdict = line_verdict(line, threshold)
    if verdict in ("matched", "needs_review") and line.confidence is not None:
        return f"{verdict.replace('_', ' ')} {line.confidence:.2f}"
    return LINE_STATUS_LABELS.get(verdict, verdict)


def _line_row(line: LineState, threshold: float) -> str:
    status = escape(line_verdict(line, threshold))
    label = escape(line_status_label(line, threshold))
    return (
        f'<tr data-line="{line.line_no}" data-status="{status}"><td>{line.line_no}</td>'
        f"<td>{escape(line.text)}</td><td>{escape(line.part_number or '')}</td>"
        f'<td><span class="od-badge od-{status}">{label}</span></td></tr>'
    )


def lines_html(lines: dict[int, LineState], threshold: float) -> str:
    """The requested lines with their status; line text comes from the email, so it is escaped."""
    if not lines:
        return '<p class="od-empty">Lines appear here once the email is read.</p>'
    ordered = sorted(lines.values(), key=lambda line: line.line_no)
    rows = "".join(_line_row(line, threshold) for line in ordered)
    return (
        '<table class="od-lines"><thead><tr><th>#</th><th>Requested</th><th>Part</th><th>Status</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


class ProgressView(Viewer):
    """Stage cards (pending → running → done/failed) and per-line status of the current job."""

    store = param.ClassSelector(class_=DeskStore, doc="The session's state to show.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._cards = {
            name: panes.HTML(
                stage_card_html(self.store.stages.get(name) or StageState(name)), stylesheets=[CSS], margin=0
            )
            for name in self.store.service.stage_names
        }
        self.store.param.watch(self._update_cards, "stages")
        threshold = self.store.service.runner.settings.gates.min_confidence
        lines = panes.HTML(
            pn.bind(lines_html, self.store.param.lines, threshold),
            stylesheets=[CSS],
            sizing_mode="stretch_width",
        )
        failure = panes.Alert(
            pn.bind(escape, self.store.param.error),
            alert_type="danger",
            visible=pn.bind(bool, self.store.param.error),
            sizing_mode="stretch_width",
        )
        self.retry = pn.widgets.Button(
            label="Retry",
            color="warning",
            width=120,
            visible=pn.bind(stopped, self.store.param.status),
        )
        self.retry.on_click(self._retry)
        self._layout = pn.Column(
            pn.Row(failure, self.retry, sizing_mode="stretch_width"),
            pn.FlexBox(*self._cards.values(), gap="8px"),
            lines,
            sizing_mode="stretch_width",
        )

    def _update_cards(self, event: param.parameterized.Event) -> None:
        # A watcher, not one pn.bind per card: a stage event re-renders only the card it changed.
        for name, card in self._cards.items():
            stage = event.new.get(name) or StageState(name)
            if stage != event.old.get(name):
                card.object = stage_card_html(stage)

    def _retry(self, _: param.parameterized.Event) -> None:
        try:
            self.store.retry()
        except OrderDeskError as error:
            notify("error", str(error))

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout
