"""Views render email text as text, and the input panel turns inputs into jobs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import panel as pn
import pytest
from bokeh.document import Document
from panel.models.tabulator import CellClickEvent  # what the browser sends when a cell is clicked

from dashboard.components import InputPanel, JobList, OrderView, ProgressView
from dashboard.components.input_panel import PASTED_NAME
from dashboard.components.order_view import order_header_html, order_lines_frame
from dashboard.components.progress_view import line_status_label, lines_html, stage_card_html
from dashboard.jobs import JobService
from dashboard.pages import process_view
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
    html = lines_html({1: LineState(1, text=f"10 pcs {HOSTILE}", status="matched", confidence=0.97)}, 0.9)
    assert "<img" not in html and "matched 0.97" in html


def test_the_order_header_escapes_what_the_email_said() -> None:
    order = {"customer": {"company": HOSTILE}, "po_number": "<b>7</b>", "review": {"status": "needs_review"}}
    html = order_header_html(order)
    assert "<img" not in html and "<b>" not in html
    assert "&lt;b&gt;7&lt;/b&gt;" in html and "Review: needs review" in html


def test_line_rows_say_matched_needs_review_or_no_match() -> None:
    lines = {
        1: LineState(1, text="a", status="matched", part_number="P1", confidence=0.97),
        2: LineState(2, text="b", status="matched", part_number="P2", confidence=0.62),
        3: LineState(3, text="c", status="no_match"),
        4: LineState(4, text="d", status="matched", part_number="P4", confidence=0.99, passed=False),
        5: LineState(5, text="e", status="searching"),
    }
    assert [line_status_label(line, 0.9) for line in lines.values()] == [
        "matched 0.97",
        "needs review 0.62",
        "no match",
        "needs review 0.99",  # the review's verdict (e.g. out of stock) wins over the confidence
        "searching…",
    ]
    html = lines_html(lines, 0.9)
    for line_no, status in ((1, "matched"), (2, "needs_review"), (3, "no_match"), (4, "needs_review")):
        assert f'data-line="{line_no}" data-status="{status}"' in html


def test_clicking_a_listed_job_follows_it(service: JobService, sample_order: bytes) -> None:
    first = service.submit("sample_order_1.txt", sample_order)
    second = service.submit("empty.txt", b"")
    for job_id in (first, second):
        service.wait(job_id, timeout=WAIT_S)
    store = DeskStore(service=service)
    jobs = JobList(store=store)
    assert list(jobs.table.value["filename"]) == ["empty.txt", "sample_order_1.txt"]
    jobs.table._process_event(CellClickEvent(model=None, column="filename", row=1))
    assert store.current == first and store.status == "done"
    assert jobs.table.selection == [1]


def test_the_followed_job_stays_selected_when_jobs_from_elsewhere_arrive(
    service: JobService, sample_order: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    followed = service.submit("sample_order_1.txt", sample_order)
    service.wait(followed, timeout=WAIT_S)
    store = DeskStore(service=service)
    jobs = JobList(store=store)
    store.current = followed
    arrived = service.submit("empty.txt", b"")  # another page or the API: listed above it
    service.wait(arrived, timeout=WAIT_S)
    assert list(jobs.table.value["job_id"]) == [arrived, followed]
    assert list(jobs.table.value["status"]) == ["failed", "done"]  # patched as its status changed
    assert jobs.table.selection == [1]
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []


def test_retry_shows_only_for_a_job_that_stopped_or_failed(service: JobService) -> None:
    store = DeskStore(service=service)
    view = ProgressView(store=store)
    assert not view.retry.visible
    store.current = service.submit("empty.txt", b"")
    service.wait(store.current, timeout=WAIT_S)
    assert store.status == "failed" and view.retry.visible


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


def test_dropped_files_each_start_a_job_at_once(service: JobService, sample_order: bytes) -> None:
    store = DeskStore(service=service)
    panel = InputPanel(store=store)
    panel.files.param.update(filename=["a.txt", "b.eml"], value=[sample_order, b"not an email"])
    assert [row.filename for row in store.jobs.values()] == ["b.eml", "a.txt"]
    for job_id in store.jobs:
        service.wait(job_id, timeout=WAIT_S)
    assert panel.files.value is None and store.current == list(store.jobs)[-1]  # a.txt, the first
    assert [service.job(job_id).status for job_id in store.jobs] == ["failed", "done"]


def test_a_file_received_before_is_said_so_and_not_run_again(
    service: JobService, sample_order: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    store = DeskStore(service=service)
    panel = InputPanel(store=store)
    panel.files.param.update(filename=["a.txt"], value=[sample_order])
    first = service.wait(store.current, timeout=WAIT_S)
    caplog.clear()
    panel.files.param.update(filename=["a-again.txt", "b.txt"], value=[sample_order, b"10 pcs 304 sheet"])
    assert store.current == first.job_id and len(store.jobs) == 2
    said = [record.getMessage() for record in caplog.records if "received before" in record.getMessage()]
    assert said == [
        f"info: a-again.txt was received before as a.txt ({first.created_at[:16].replace('T', ' ')}"
        f" UTC, done); its job stands, it is not run again"
    ]


def test_pasted_text_is_processed_and_nothing_to_process_starts_nothing(service: JobService) -> None:
    store = DeskStore(service=service)
    panel = InputPanel(store=store, samples_dir=Path("no-such-folder"))
    panel.process.clicks += 1
    assert store.jobs == {}
    panel.text.value = "Please send 10 pcs 304 sheet 0.125 x 48 x 96"
    panel.process.clicks += 1
    assert service.wait(store.current, timeout=WAIT_S).filename == PASTED_NAME


def test_the_page_builds_from_a_service(service: JobService) -> None:
    page = process_view(service, samples_dir=SAMPLES)
    assert isinstance(page, pn.template.BaseTemplate)
    store = DeskStore(service=service)
    for view in (InputPanel(store=store), ProgressView(store=store), OrderView(store=store)):
        assert isinstance(view.__panel__(), pn.viewable.Viewable)


def test_a_job_changing_on_the_second_page_of_the_list_is_shown_there(
    service: JobService, caplog: pytest.LogCaptureFixture
) -> None:
    # Whitespace of different lengths: distinct inputs (the ledger would merge equal ones) that fail fast.
    older = [service.submit(f"blank-{n}.txt", b" " * (n + 1)) for n in range(2)]
    newer = [service.submit(f"blank-{n}.txt", b" " * (n + 1)) for n in range(2, 12)]
    for job_id in (*older, *newer):
        assert service.wait(job_id, timeout=WAIT_S).status == "failed"
    store = DeskStore(service=service)
    jobs = JobList(store=store)
    model = jobs.table.get_root()  # as a served page has: changes go to its data source
    jobs.table.page = 2
    assert list(model.source.data["job_id"]) == older[::-1]  # only the shown page is sent
    service.retry(older[0])
    service.wait(older[0], timeout=WAIT_S)
    assert list(model.source.data["status"]) == ["failed", "failed"]
    assert list(jobs.table.value["job_id"])[10:] == older[::-1] and len(jobs.table.value) == 12
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []


def test_the_order_table_keeps_its_columns_when_the_order_arrives(
    service: JobService, sample_order: bytes
) -> None:
    store = DeskStore(service=service)
    view = OrderView(store=store)
    doc = Document()
    pn.Column(view).server_doc(doc)
    table = next(iter(view._table._models.values()))[0]
    settings = json.dumps(table.configuration, sort_keys=True, default=str)
    store.submit("sample_order_1.txt", sample_order)
    service.wait(store.current, timeout=WAIT_S)
    assert len(view._table.value) == len(store.order["lines"]) > 0
    # the same column settings: the browser updates the rows instead of rebuilding the table
    assert json.dumps(table.configuration, sort_keys=True, default=str) == settings
