"""Another site's page cannot act on the desk, with login on or off (issue 14, item 5): requests
that change something are checked for their ``Origin``, every API request for its ``Host`` (DNS
rebinding), and the login cookie is ``SameSite`` (and ``Secure`` over TLS). In-process tornado
servers with the dashboard's real handlers; the headers are what Chromium sends."""

from __future__ import annotations

import asyncio
import json
import ssl
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPResponse

from dashboard import api, jobs
from dashboard.access import Access, hash_password
from dashboard.access.login import HashedAuthProvider
from dashboard.jobs import JobService
from pipeline.context import open_order_service
from tests.dashboard.served import served

SECRET = "s" * 32
EMAIL = b"From: a@b.example\n\n1. 4 pcs 304 sheet 0.125 x 48 x 96\n"
MULTIPART = (
    b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n' + EMAIL + b"\r\n--b--\r\n"
)


def send(routes: list[Any], requests: list[dict[str, Any]], **settings: Any) -> list[HTTPResponse]:
    """Serve ``routes``; send each request (fetch keywords, ``path``; ``{port}`` in headers is the
    server's port)."""

    async def run() -> list[HTTPResponse]:
        async with served(routes, **settings) as base:
            port = urlsplit(base).port
            answers = []
            for request in requests:
                options = dict(request)
                headers = {
                    name: value.format(port=port) for name, value in options.pop("headers", {}).items()
                }
                url = base + options.pop("path")
                answers.append(
                    await AsyncHTTPClient().fetch(
                        url, headers=headers, raise_error=False, validate_cert=False, **options
                    )
                )
            return answers

    return asyncio.run(run())


@pytest.fixture
def served_jobs(service: JobService, monkeypatch: pytest.MonkeyPatch) -> JobService:
    monkeypatch.setattr(jobs, "_service", service)
    return service


def upload(origin: str | None) -> dict[str, Any]:
    headers = {"Content-Type": "multipart/form-data; boundary=b"} | ({"Origin": origin} if origin else {})
    return {"path": "/api/jobs", "method": "POST", "body": MULTIPART, "headers": headers}


def test_with_login_off_another_sites_page_cannot_upload_approve_or_export(served_jobs: JobService) -> None:
    state = served_jobs.runner.process("sample.txt", EMAIL)
    order_id = state.order.order_id
    foreign = {"Origin": "http://evil.example"}
    decide = [
        {"path": f"/api/orders/{order_id}/{verb}", "method": "POST", "body": b"{}", "headers": foreign}
        for verb in ("approve", "export")
    ]
    answers = send(api.ROUTES, [upload("http://evil.example"), upload("null"), *decide])
    assert [answer.code for answer in answers] == [403] * 4
    assert all("another site" in json.loads(answer.body)["error"] for answer in answers)
    assert [job.filename for job in served_jobs.recent(10)] == ["sample.txt"]  # no upload stored
    assert open_order_service(runner=served_jobs.runner).get(order_id).status == "needs_review"
    own = send(api.ROUTES, [upload("http://127.0.0.1:{port}"), upload(None)])  # its own page, a script
    assert [answer.code for answer in own] == [201, 201]


def test_a_rebinding_host_name_is_refused_and_served_names_answer(served_jobs: JobService) -> None:
    routes = [(pattern, handler, {"hosts": ["desk.example.com"]}) for pattern, handler, _ in api.ROUTES]
    hosts = ["evil.example:{port}", "evil.example", "localhost:{port}", "desk.example.com", "[::1]:{port}"]
    answers = send(routes, [{"path": "/api/jobs", "headers": {"Host": host}} for host in hosts])
    assert [answer.code for answer in answers] == [403, 403, 200, 200, 200]
    assert "not a name this server serves" in json.loads(answers[0].body)["error"]


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> ssl.SSLContext:
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    self_signed = ["-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
    subprocess.run(
        ["openssl", "req", *self_signed, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(Path(cert), Path(key))
    return context


@pytest.mark.parametrize("over_tls", [False, True])
def test_the_login_cookie_stays_on_this_site(over_tls: bool, tls: ssl.SSLContext) -> None:
    provider = HashedAuthProvider({"ann": hash_password("right pw")}, Access().throttle)
    body = urlencode({"username": "ann", "password": "right pw"})
    login = {"path": "/login", "method": "POST", "body": body, "follow_redirects": False}
    [answer] = send(
        [(r"/login", provider.login_handler)], [login], cookie_secret=SECRET, ssl=tls if over_tls else None
    )
    [cookie] = [value for value in answer.headers.get_list("Set-Cookie") if value.startswith("user=")]
    assert "SameSite=Lax" in cookie and "HttpOnly" in cookie
    assert ("Secure" in cookie) is over_tls
