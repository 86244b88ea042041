"""Bad requests get a clear 4xx JSON error naming the problem, never a 500 (issue 14, item 4):
hostile upload file names, broken multipart bodies, too many files, huge numbers, an unwritable
ledger (and ``/api/health`` says so), a negative list limit."""

from __future__ import annotations

import asyncio
import contextlib
import json
import resource
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tornado.httpclient import AsyncHTTPClient

from dashboard import api, jobs
from dashboard.jobs import JobService
from pipeline.context import open_order_service
from tests.dashboard.served import served

BOUNDARY = b"odboundary"
CONTENT_TYPE = "multipart/form-data; boundary=odboundary"
EMAIL = b"From: a@b.example\n\n1. 4 pcs 304 sheet 0.125 x 48 x 96\n"


def part(filename: bytes, data: bytes = EMAIL) -> bytes:
    return (
        b"--" + BOUNDARY + b"\r\n"
        b'Content-Disposition: form-data; name="file"; filename="' + filename + b'"\r\n'
        b"Content-Type: text/plain\r\n\r\n" + data + b"\r\n"
    )


def body(*parts: bytes) -> bytes:
    return b"".join(parts) + b"--" + BOUNDARY + b"--\r\n"


async def ask(method: str, path: str, body: bytes | None = None, content_type: str = CONTENT_TYPE) -> Any:
    async with served(api.ROUTES) as base:
        response = await AsyncHTTPClient().fetch(
            f"{base}{path}",
            method=method,
            body=body,
            headers={"Content-Type": content_type} if body is not None else {},
            raise_error=False,
        )
    return response.code, json.loads(response.body)


@pytest.fixture
def served_jobs(service: JobService, monkeypatch: pytest.MonkeyPatch) -> JobService:
    monkeypatch.setattr(jobs, "_service", service)
    return service


BAD_UPLOADS = {
    "a NUL in the file name": (body(part(b"order\x00.txt")), CONTENT_TYPE, "Invalid header value"),
    "a file name that is not UTF-8": (body(part(b"order\xff\xfe.txt")), CONTENT_TYPE, "can't decode"),
    "no boundary": (body(part(b"a.txt")), "multipart/form-data", "boundary not found"),
    "no final boundary": (part(b"a.txt"), CONTENT_TYPE, "no final boundary"),
    "100 files": (
        body(*(part(b"%d.txt" % n, bytes([n])) for n in range(100))),
        CONTENT_TYPE,
        "too many",
    ),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_a_bad_upload_is_a_clear_400(served_jobs: JobService, case: str) -> None:
    data, content_type, named = BAD_UPLOADS[case]
    code, answer = asyncio.run(ask("POST", "/api/jobs", data, content_type))
    assert code == 400 and named in answer["error"] and "at most 99 files" in answer["error"], answer
    assert served_jobs.recent(200) == []  # nothing of a refused upload is stored


def test_99_files_are_accepted(served_jobs: JobService) -> None:
    data = body(*(part(f"{n}.txt".encode(), EMAIL + bytes([n])) for n in range(99)))
    code, answer = asyncio.run(ask("POST", "/api/jobs", data))
    assert code == 201 and len(answer["jobs"]) == 99


def test_numbers_out_of_range_are_a_400_or_capped(served_jobs: JobService) -> None:
    job_id = served_jobs.accept([("a.txt", EMAIL)])[0]
    for query in ["after=" + "9" * 20, "after=-1", "after=%E6%97%A5", "wait=nan"]:
        code, answer = asyncio.run(ask("GET", f"/api/jobs/{job_id}/events?{query}"))
        assert code == 400 and query[:4] in answer["error"], (query, answer)
    served_jobs.accept([(f"{n}.txt", EMAIL + bytes([n])) for n in range(3)])
    code, answer = asyncio.run(ask("GET", "/api/jobs?limit=-1"))
    assert code == 200 and len(answer["jobs"]) == 1  # at least one, never "every job"
    code, answer = asyncio.run(ask("GET", "/api/jobs?limit=" + "9" * 30))
    assert code == 200 and len(answer["jobs"]) == 4


@contextlib.contextmanager
def full_disk(ledger: Path) -> Iterator[None]:
    """Writes past the ledger's files fail as on a full disk (``RLIMIT_FSIZE``, SIGXFSZ ignored),
    for root as for anyone; this process only, for the block."""
    room = max(path.stat().st_size for path in ledger.parent.glob(ledger.name + "*")) + 16 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (room, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


def test_an_unwritable_ledger_is_a_503_and_health_says_so(
    served_jobs: JobService, caplog: pytest.LogCaptureFixture
) -> None:
    served_jobs.accept([("first.txt", EMAIL)])
    big = EMAIL + b"".join(b"%d. 4 pcs 304 sheet 0.125 x 48 x 96\n" % n for n in range(2, 9000))
    with full_disk(served_jobs.runner.ledger.path):
        code, answer = asyncio.run(ask("POST", "/api/jobs", body(part(b"big.txt", big))))
        health_code, health = asyncio.run(ask("GET", "/api/health"))
    assert code == 503 and "cannot write to the ledger" in answer["error"], answer
    assert (health_code, health["status"]) == (503, "ledger not writable"), health
    assert "Traceback" not in caplog.text
    code, _ = asyncio.run(ask("POST", "/api/jobs", body(part(b"again.txt"))))  # room again: it works
    health_code, health = asyncio.run(ask("GET", "/api/health"))
    assert code == 201 and (health_code, health["status"]) == (200, "ok")


def test_numbers_of_hundreds_of_digits_are_a_400_or_capped(served_jobs: JobService) -> None:
    """Found by the probe (``tests/probe``): an integer past a float's range broke the NaN check."""
    job_id = served_jobs.accept([("a.txt", EMAIL)])[0]
    code, answer = asyncio.run(ask("GET", f"/api/jobs/{job_id}/events?after={'9' * 400}"))
    assert code == 400 and "after" in answer["error"], answer
    code, answer = asyncio.run(ask("GET", f"/api/jobs?limit={'9' * 400}"))
    assert code == 200 and len(answer["jobs"]) == 1


def test_a_decision_the_order_is_not_ready_for_is_a_4xx(served_jobs: JobService) -> None:
    """Found by the probe: exporting an order in review said the ERP failed (502); an
    ``expected_version`` of "²" (a digit to ``str.isdigit``, not to ``int``) was a 500."""
    order_id = served_jobs.runner.process("a.txt", EMAIL).order.order_id
    code, answer = asyncio.run(ask("POST", f"/api/orders/{order_id}/export", b"", "application/json"))
    assert code == 409 and "approve it first" in answer["error"], answer
    for version in ['"²"', '"9' + "9" * 400 + '"', "1e3", '"one"', "true", "-1"]:
        body = b'{"expected_version": %s}' % version.encode()
        code, answer = asyncio.run(ask("POST", f"/api/orders/{order_id}/approve", body, "application/json"))
        assert code == 400 and "expected_version" in answer["error"], (version, answer)
    assert open_order_service(runner=served_jobs.runner).get(order_id).status == "needs_review"
