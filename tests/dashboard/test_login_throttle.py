"""Failed logins per address: the API's credentials and the login form, on an in-process server.

A real tornado server with the dashboard's handlers and a real scrypt users file; only the
throttle's clock is ours, so the test can let its window pass.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPResponse

from dashboard import jobs
from dashboard.access import Access, LoginThrottle, hash_password
from dashboard.access import requests as credentials
from dashboard.access.addresses import trusted_networks
from dashboard.access.login import HashedAuthProvider
from dashboard.access.throttle import VerifiedCredentials
from dashboard.api.jobs import JobsHandler
from dashboard.jobs import JobService
from pipeline.errors import ConfigError
from tests.dashboard.served import served

SECRET = "s" * 32
MAX_FAILURES, WINDOW_S = 3, 60.0


class Clock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def access(clock: Clock) -> Access:
    throttle = LoginThrottle(max_failures=MAX_FAILURES, window_s=WINDOW_S, clock=clock)
    verified = VerifiedCredentials(ttl_s=WINDOW_S, clock=clock)
    users = {"ann": hash_password("right pw")}
    return Access(users=users, cookie_secret=SECRET, throttle=throttle, verified=verified)


def serve_and_fetch(routes: list[Any], requests: list[dict[str, Any]]) -> list[HTTPResponse]:
    """Serve ``routes`` on a free port and send ``requests`` (fetch keyword arguments) in turn;
    each callable value is called first (so a request can move the clock before it goes)."""

    async def run() -> list[HTTPResponse]:
        answers = []
        async with served(routes, cookie_secret=SECRET) as base:
            for request in requests:
                options = dict(request)
                if callable(before := options.pop("before", None)):
                    before()
                try:
                    answers.append(await AsyncHTTPClient().fetch(base + options.pop("path"), **options))
                except HTTPClientError as error:
                    answers.append(error.response)
        return answers

    return asyncio.run(run())


def basic(password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"ann:{password}".encode()).decode()}


def test_the_api_refuses_an_address_that_guessed_too_often_until_the_window_passes(
    access: Access, clock: Clock, service: JobService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    routes = [(r"/api/jobs", JobsHandler, {"access": access})]
    wrong = {"path": "/api/jobs", "headers": basic("guess")}
    right = {"path": "/api/jobs", "headers": basic("right pw")}
    later: Callable[[], None] = lambda: setattr(clock, "now", clock.now + WINDOW_S + 1)  # noqa: E731
    answers = serve_and_fetch(routes, [wrong] * MAX_FAILURES + [right, right | {"before": later}, wrong])

    assert [answer.code for answer in answers] == [401] * MAX_FAILURES + [429, 200, 401]
    refused = answers[MAX_FAILURES]
    assert "too many failed logins" in refused.body.decode()
    assert 0 < int(refused.headers["Retry-After"]) <= WINDOW_S


def test_the_login_form_says_so_and_checks_no_password_meanwhile(access: Access, clock: Clock) -> None:
    provider = HashedAuthProvider(access.users, access.throttle)
    routes = [(r"/login", provider.login_handler)]

    def login(password: str) -> dict[str, Any]:
        body = urlencode({"username": "ann", "password": password})
        return {"path": "/login", "method": "POST", "body": body, "follow_redirects": False}

    later = lambda: setattr(clock, "now", clock.now + WINDOW_S + 1)  # noqa: E731
    answers = serve_and_fetch(
        routes, [login("guess")] * MAX_FAILURES + [login("right pw"), login("right pw") | {"before": later}]
    )
    locations = [answer.headers.get("Location", "") for answer in answers]
    assert all("Invalid+username+or+password" in where for where in locations[:MAX_FAILURES])
    assert "Too+many+failed+logins" in locations[MAX_FAILURES]
    assert "user=" not in answers[MAX_FAILURES].headers.get("Set-Cookie", "")
    assert "error" not in locations[-1] and "user=" in answers[-1].headers.get("Set-Cookie", "")


def test_a_right_login_clears_the_count_and_other_addresses_are_not_held(clock: Clock) -> None:
    throttle = LoginThrottle(max_failures=2, window_s=WINDOW_S, clock=clock)
    throttle.record("10.0.0.1", succeeded=False)
    throttle.record("10.0.0.1", succeeded=True)
    throttle.record("10.0.0.1", succeeded=False)
    throttle.check("10.0.0.1")  # one failure since the right login: still allowed
    throttle.record("10.0.0.1", succeeded=False)
    with pytest.raises(Exception, match="try again in 1 min"):
        throttle.check("10.0.0.1")
    throttle.check("10.0.0.2")


def test_basic_credentials_are_hashed_once_while_fresh_and_wrong_ones_every_time(
    access: Access, clock: Clock, service: JobService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    hashed: list[str] = []
    check_login = credentials.check_login

    def counted(users: dict[str, str], name: str, password: str) -> bool:
        hashed.append(password)
        return check_login(users, name, password)

    monkeypatch.setattr(credentials, "check_login", counted)
    routes = [(r"/api/jobs", JobsHandler, {"access": access})]
    right = {"path": "/api/jobs", "headers": basic("right pw")}
    wrong = {"path": "/api/jobs", "headers": basic("guess")}
    later = lambda: setattr(clock, "now", clock.now + WINDOW_S + 1)  # noqa: E731
    answers = serve_and_fetch(routes, [right, right, right, wrong, wrong, right | {"before": later}])

    assert [answer.code for answer in answers] == [200, 200, 200, 401, 401, 200]
    assert hashed == ["right pw", "guess", "guess", "right pw"]  # once while fresh, again once stale


def forwarded(password: str, client: str, user: str = "ann") -> dict[str, Any]:
    """A Basic request for /api/jobs as a proxy passes it on for ``client``."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"path": "/api/jobs", "headers": {"Authorization": f"Basic {token}", "X-Forwarded-For": client}}


def test_behind_a_trusted_proxy_each_client_has_its_own_count(
    access: Access, service: JobService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    proxied = replace(access, trusted_proxies=trusted_networks("127.0.0.0/8"))  # the test's peer
    routes = [(r"/api/jobs", JobsHandler, {"access": proxied})]
    guesser, colleague = forwarded("guess", "203.0.113.5"), forwarded("right pw", "10.1.2.3, 198.51.100.7")
    answers = serve_and_fetch(routes, [guesser] * MAX_FAILURES + [guesser, colleague])
    assert [answer.code for answer in answers] == [401] * MAX_FAILURES + [429, 200]


def test_a_forwarded_address_from_an_untrusted_peer_is_ignored(
    access: Access, service: JobService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    routes = [(r"/api/jobs", JobsHandler, {"access": access})]  # no trusted proxies
    spoofing = [forwarded("guess", f"203.0.113.{n}") for n in range(MAX_FAILURES + 1)]
    answers = serve_and_fetch(routes, spoofing)
    assert [answer.code for answer in answers] == [401] * MAX_FAILURES + [429]  # one address, counted


def test_a_guesser_behind_a_shared_address_locks_out_no_one_else(
    access: Access, service: JobService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "_service", service)
    shared = replace(access, users=access.users | {"bob": hash_password("bob pw")})
    routes = [(r"/api/jobs", JobsHandler, {"access": shared})]  # a proxy not configured: one address
    guesser = forwarded("guess", "203.0.113.5")
    answers = serve_and_fetch(routes, [guesser] * (MAX_FAILURES + 1) + [forwarded("bob pw", "", "bob")])
    assert [answer.code for answer in answers] == [401] * MAX_FAILURES + [429, 200]


def test_trusted_proxies_are_a_setting() -> None:
    env = {"ORDERDESK_TRUSTED_PROXIES": "10.0.0.5, 192.168.1.0/24"}
    assert [str(net) for net in Access.from_env(env).trusted_proxies] == ["10.0.0.5/32", "192.168.1.0/24"]
    with pytest.raises(ConfigError, match=r"ORDERDESK_TRUSTED_PROXIES: 'proxy\.example'"):
        Access.from_env({"ORDERDESK_TRUSTED_PROXIES": "proxy.example"})
