"""``/desk`` in process: the form's upload goes where ``POST /api/jobs`` goes; errors are the page again."""

from __future__ import annotations

import asyncio

import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPResponse

from dashboard import api, jobs
from dashboard.jobs import JobService
from tests.dashboard.served import served
from tests.ui.api_client import multipart

WAIT_S = 30


async def post_to_desk(files: list[tuple[str, bytes]]) -> tuple[HTTPResponse, HTTPResponse]:
    """POST ``files`` as the page's form does, then GET the page."""
    body, headers = multipart(files)
    async with served(api.ROUTES) as base:
        client = AsyncHTTPClient()
        posted = await client.fetch(
            f"{base}/desk",
            method="POST",
            body=body,
            headers=headers,
            follow_redirects=False,
            raise_error=False,
        )
        listed = await client.fetch(f"{base}/desk")
    return posted, listed


def test_one_email_goes_to_its_status_page_and_is_listed(
    service: JobService, sample_order: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    posted, listed = asyncio.run(post_to_desk([("order.txt", sample_order)]))
    assert posted.code == 303
    job_id = posted.headers["Location"].removeprefix("/jobs/")
    assert service.wait(job_id, timeout=WAIT_S).status == "done"
    assert f'data-job="{job_id}"' in listed.body.decode()


def test_an_upload_without_a_file_is_the_page_again_saying_why(
    service: JobService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    posted, _ = asyncio.run(post_to_desk([]))
    page = posted.body.decode()
    assert posted.code == 400 and posted.headers["Content-Type"].startswith("text/html")
    assert "attach one or more files" in page and 'enctype="multipart/form-data"' in page
