"""No WebSocket at all: submit and follow jobs over plain HTTP on the served dashboard (no browser)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.ui.api_client import follow, post_files, request
from tests.ui.emails import SAMPLES, comparable, expected_orders, ledger_copy, tagged_copy
from tests.ui.harness import STAGES, DeskServer

pytestmark = pytest.mark.slow


def test_a_job_submitted_and_followed_over_http_ends_as_process_json_says(
    desk_server: DeskServer, tmp_path: Path
) -> None:
    files = [tagged_copy(SAMPLES / name, tmp_path) for name in ("sample_order_1.txt", "sample_order_2.txt")]
    expected = expected_orders(files, desk_server.catalog, ledger_copy(desk_server.ledger, tmp_path))
    status, answer = post_files(desk_server, [(file.name, file.read_bytes()) for file in files])
    assert status == 201
    assert [job["filename"] for job in answer["jobs"]] == [file.name for file in files]
    for job, file in zip(answer["jobs"], files, strict=True):
        events = follow(desk_server, job["job_id"])
        assert [event["seq"] for event in events] == list(range(1, len(events) + 1))
        assert events[0]["kind"] == "job_started" and events[-1]["kind"] == "job_finished"
        status, report = request(desk_server, job["links"]["self"])
        assert status == 200 and report["status"] == "done"
        assert [stage["name"] for stage in report["stages"]] == list(STAGES)
        assert {stage["status"] for stage in report["stages"]} == {"done"}
        assert len(report["lines"]) == len(expected[file.name]["lines"])
        assert comparable(report["order"]) == comparable(expected[file.name])
        assert report["last_seq"] == events[-1]["seq"]


def test_the_status_page_shows_the_job_with_email_text_escaped(desk_server: DeskServer) -> None:
    email = (SAMPLES / "sample_order_1.txt").read_text().replace(
        "Quantity: 10 sheets", "Quantity: 10 sheets <script>alert('x')</script><b>now</b>"
    ) + f"\nref {uuid.uuid4().hex}\n"
    status, answer = post_files(desk_server, [("hostile.txt", email.encode())])
    job_id = answer["jobs"][0]["job_id"]
    follow(desk_server, job_id)
    status, page = request(desk_server, f"/jobs/{job_id}")
    assert status == 200 and 'data-status="done"' in page
    assert "10 sheets &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;now&lt;/b&gt;" in page
    assert "<script>" not in page and "<b>now" not in page
    assert 'http-equiv="refresh"' not in page  # the job is over: nothing left to follow


def test_http_errors_are_json_and_say_what_is_wrong(desk_server: DeskServer) -> None:
    assert request(desk_server, "/api/jobs/no-such-job") == (404, {"error": "no job no-such-job"})
    status, answer = request(desk_server, "/api/jobs", b"")  # a POST without any file
    assert status == 400 and "attach one or more files" in answer["error"]
    status, answer = request(desk_server, "/api/jobs/no-such-job/retry", b"")
    assert status == 404
