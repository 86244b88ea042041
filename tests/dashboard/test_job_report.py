"""The HTTP API's job report and status page, built from a real job's ledger history."""

from __future__ import annotations

from dashboard.job_report import job_json, job_links
from dashboard.jobs import JobService
from dashboard.progress import JobProgress
from dashboard.status_page import status_page_html
from pipeline.events import Event

WAIT_S = 30


def test_a_finished_job_reports_its_stages_lines_and_order(service: JobService, sample_order: bytes) -> None:
    job_id = service.submit("sample_order_1.txt", sample_order)
    record = service.wait(job_id, timeout=WAIT_S)
    report = job_json(service, record, job_links(job_id))
    assert report["status"] == "done" and report["order"] == record.result
    assert [stage["name"] for stage in report["stages"]] == list(service.stage_names)
    assert all(stage["status"] == "done" and stage["elapsed_ms"] is not None for stage in report["stages"])
    assert [line["part_number"] for line in report["lines"]] == [
        line["match"]["part_number"] for line in record.result["lines"]
    ]
    assert report["last_seq"] == service.runner.ledger.last_seq(job_id)


def test_the_status_page_refreshes_itself_only_while_the_job_is_active(
    service: JobService, sample_order: bytes
) -> None:
    job_id = service.submit("<b>x</b>.txt", sample_order)
    report = job_json(service, service.wait(job_id, timeout=WAIT_S), job_links(job_id))
    assert 'http-equiv="refresh"' not in status_page_html(report, 0.9)
    running = status_page_html(report | {"status": "running"}, 0.9)
    assert '<meta http-equiv="refresh" content="1">' in running
    assert "&lt;b&gt;x&lt;/b&gt;.txt" in running and "<b>x" not in running


def test_the_order_has_the_last_word_on_each_line() -> None:
    progress = JobProgress("j", "a.txt", ("match",))
    progress.apply(Event(job_id="j", seq=1, kind="job_started", data={"stages": ["match"]}))
    progress.apply(
        Event(
            job_id="j",
            seq=2,
            kind="line_updated",
            data={"line_no": 1, "status": "matched", "part_number": "P"},
        )
    )
    order = {"lines": [{"line_no": 1, "source_text": "x", "match": None, "review": {"passed": False}}]}
    progress.apply(Event(job_id="j", seq=3, kind="job_finished"), order)
    line = progress.lines[1]
    assert (line.status, line.part_number, line.passed) == ("no_match", None, False)
