"""``POST /api/jobs`` in process: a tornado server on the dashboard's routes and a real job service."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import pytest
from tornado.httpclient import AsyncHTTPClient

from dashboard import api, jobs
from dashboard.jobs import JobService
from tests.dashboard.served import served
from tests.ui.api_client import multipart

WAIT_S = 30


async def post_on_a_served_api(files: list[tuple[str, bytes]]) -> tuple[int, dict[str, Any], str]:
    """Serve the API on a free port, POST ``files``; (status, answer, the event loop's thread)."""
    body, headers = multipart(files)
    async with served(api.ROUTES) as base:
        response = await AsyncHTTPClient().fetch(
            f"{base}/api/jobs", method="POST", body=body, headers=headers
        )
    return response.code, json.loads(response.body), threading.current_thread().name


def test_an_http_upload_is_stored_off_the_event_loop_then_run(
    service: JobService, sample_order: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    stored_in: list[str] = []
    accept = service.accept

    def accept_and_note_thread(inputs: list[tuple[str, bytes]]) -> list[str]:
        stored_in.append(threading.current_thread().name)
        return accept(inputs)

    monkeypatch.setattr(service, "accept", accept_and_note_thread)
    files = [("sample_order_1.txt", sample_order), ("second.txt", sample_order + b"\nP.S. thanks")]
    status, answer, loop_thread = asyncio.run(post_on_a_served_api(files))

    assert status == 201
    assert [job["filename"] for job in answer["jobs"]] == ["sample_order_1.txt", "second.txt"]
    assert len(stored_in) == 1 and stored_in[0] != loop_thread  # one call for the whole upload
    for job in answer["jobs"]:
        assert service.wait(job["job_id"], timeout=WAIT_S).status == "done"


def test_an_email_sent_again_answers_with_its_first_job_and_says_so(
    service: JobService, sample_order: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    status, first, _ = asyncio.run(post_on_a_served_api([("sample_order_1.txt", sample_order)]))
    [new] = first["jobs"]
    assert status == 201 and new["status"] == "queued" and "received_before" not in new
    record = service.wait(new["job_id"], timeout=WAIT_S)

    status, again, _ = asyncio.run(post_on_a_served_api([("resent.txt", sample_order)]))
    [resent] = again["jobs"]
    assert status == 201 and resent["job_id"] == new["job_id"] and resent["filename"] == "resent.txt"
    assert resent["status"] == "done"
    assert resent["received_before"] == {"filename": "sample_order_1.txt", "received_at": record.created_at}
    assert len(service.recent(10)) == 1  # one job, one order
