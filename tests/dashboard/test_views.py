"""Views render email text as text, and the input panel turns inputs into jobs."""

from __future__ import annotations

from pathlib import Path

import panel as pn

from dashboard.app import create_app
from dashboard.components import InputPanel, OrderView, ProgressView
from dashboard.components.input_panel import PASTED_NAME
from dashboard.components.order_view import order_header_html, order_lines_frame
from dashboard.components.progress_view import lines_html, stage_card_html
from dashboard.jobs import JobService
from dashboard.progress import LineState, StageState
from dashboard.store import DeskStore

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
HOSTILE = '<img src=x onerror="alert(1)">'
WAIT_S = 30


def test_stage_cards_escape_summaries_and_expose_their_state() -> None:
    html = stage_card_html(StageState("extract", status="failed", error=f"bad line {HOSTILE}"))
    assert 'data-stage="extract" data-state="failed"' in html
    assert "<img" not in html and "&lt;img src=x" in html


def test_line_rows_escape_the_requested_text() -> None:
    html = lines_html({1: LineState(1, text=f"10 pcs {HOSTILE}", status="matched", confidence=0.97)})
    assert "<img" not in html and "matched 0.97" in html


def test_the_order_header_escapes_what_the_email_said() -> None:
    order = {"customer": {"company": HOSTILE}, "po_number": "<b>7</b>", "review": {"status": "needs_review"}}
    html = order_header_html(order)
    assert "<img" not in html and "<b>" not in html
    assert "&lt;b&gt;7&lt;/b&gt;" in html and "Review: needs review" in html


def test_an_unmatched_line_keeps_its_request_with_empty_part_columns() -> None:
    order = {"lines": [{"line_no": 1, "source_text": "unobtainium bar", "quantity": 2, "match": None}]}
    row = order_lines_frame(order).iloc[0]
    assert row["requested"] == "unobtainium bar" and row["part_number"] is None


def test_a_picked_sample_is_processed_under_its_own_name(service: JobService) -> None:
    store = DeskStore(service=service)
    panel = InputPanel(store=store, samples_dir=SAMPLES)
    panel.sample.value = "sample_order_1.txt"
    assert panel.inputs() == [("sample_order_1.txt", (SAMPLES / "sample_order_1.txt").read_bytes())]
    panel.process.clicks += 1
    assert service.wait(store.current, timeout=WAIT_S).filename == "sample_order_1.txt"
    assert panel.inputs() == [] and panel.sample.value == ""


def test_pasted_text_is_processed_and_nothing_to_process_starts_nothing(service: JobService) -> None:
    store = DeskStore(service=service)
    panel = InputPanel(store=store, samples_dir=Path("no-such-folder"))
    panel.process.clicks += 1
    assert store.jobs == {}
    panel.text.value = "Please send 10 pcs 304 sheet 0.125 x 48 x 96"
    panel.process.clicks += 1
    assert service.wait(store.current, timeout=WAIT_S).filename == PASTED_NAME


def test_the_page_builds_from_a_service(service: JobService) -> None:
    page = create_app(service, samples_dir=SAMPLES)
    assert isinstance(page, pn.template.BaseTemplate)
    store = DeskStore(service=service)
    for view in (InputPanel(store=store), ProgressView(store=store), OrderView(store=store)):
        assert isinstance(view.__panel__(), pn.viewable.Viewable)
