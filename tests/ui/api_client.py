"""A plain-HTTP client of the served dashboard's API, for tests and ``benchmarks/bench_load.py``.

HTTP errors are answers here, not exceptions: every call returns (status, parsed JSON or text).
``headers`` carry credentials when the server has login on (``dashboard.access``).
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
import uuid
from typing import Any

from tests.ui.harness import DeskServer

TERMINAL = ("done", "failed", "interrupted")
Headers = dict[str, str]


def basic(name: str, password: str) -> Headers:
    return {"Authorization": "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()}


def bearer(token: str) -> Headers:
    return {"Authorization": f"Bearer {token}"}


def request(
    server: DeskServer, path: str, body: bytes | None = None, headers: Headers | None = None
) -> tuple[int, Any]:
    """(status, parsed JSON or text) of one request; a body makes it a POST."""
    req = urllib.request.Request(server.base + path, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=40) as response:
            status, raw, kind = response.status, response.read(), response.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        status, raw, kind = error.code, error.read(), error.headers["Content-Type"]
    return status, json.loads(raw) if (kind or "").startswith("application/json") else raw.decode()


def multipart(files: list[tuple[str, bytes]]) -> tuple[bytes, Headers]:
    """A multipart/form-data body and its Content-Type header, as ``curl -F file=@a -F file=@b``."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        f"Content-Type: text/plain\r\n\r\n".encode()
        + data
        + b"\r\n"
        for name, data in files
    ]
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def post_files(
    server: DeskServer, files: list[tuple[str, bytes]], headers: Headers | None = None
) -> tuple[int, Any]:
    """``POST /api/jobs`` as ``curl -F file=@a -F file=@b`` sends it."""
    body, kind = multipart(files)
    return request(server, "/api/jobs", body, (headers or {}) | kind)


def follow(server: DeskServer, job_id: str, headers: Headers | None = None) -> list[dict[str, Any]]:
    """Every event of the job, by long polling ``/events`` until the job ends.

    Each event gains ``received_at`` (this client's wall clock, s) for latency figures."""
    events: list[dict[str, Any]] = []
    while True:
        after = events[-1]["seq"] if events else 0
        path = f"/api/jobs/{job_id}/events?after={after}&wait=10"
        status, answer = request(server, path, headers=headers)
        assert status == 200, answer
        now = time.time()
        events += [event | {"received_at": now} for event in answer["events"]]
        if answer["status"] in TERMINAL and not answer["events"]:
            return events


def processed_orders(server: DeskServer, files: list[tuple[str, bytes]]) -> list[str]:
    """The order ids of ``files`` (name, bytes), posted in one upload and each followed to its end."""
    status, answer = post_files(server, files)
    assert status == 201, answer
    ids = []
    for job in answer["jobs"]:
        follow(server, job["job_id"])
        ids.append(request(server, job["links"]["self"])[1]["order"]["order_id"])
    return ids
