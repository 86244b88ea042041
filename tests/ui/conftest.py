"""Serve the dashboard as ``make serve`` does and drive it with Debian's Chromium through Playwright.

One server (the session's small real catalog, a temp ledger) is shared by every test whose state
allows it; tests that kill the server get their own. See ``tests/ui/harness.py``. Every test fails
when a server it uses logs an error or a page of its browser context has one
(``tests/ui/unseen_errors.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, sync_playwright

from tests.ui.harness import PAGE_TIMEOUT_MS, DeskPage, DeskServer, launch_chromium, open_desk_page
from tests.ui.unseen_errors import ErrorWatch

MakeServer = Callable[[], DeskServer]


@pytest.fixture(autouse=True)
def unseen_errors() -> ErrorWatch:
    """This test's servers and browser contexts, watched for errors (see ``pytest_runtest_call``)."""
    return ErrorWatch()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test when a server it uses logged an error or a page had one while it ran."""
    watch: ErrorWatch = item.funcargs["unseen_errors"]
    for value in item.funcargs.values():
        if isinstance(value, DeskServer):  # a shared server: what it logs from now on
            watch.watch_server(value)
    outcome = yield
    problems = watch.problems()
    assert not problems, "errors while the test ran:\n" + "\n\n".join(problems)
    return outcome


@pytest.fixture(scope="session")
def desk_server(small_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskServer]:
    folder = tmp_path_factory.mktemp("served")
    server = DeskServer(small_catalog_path, folder / "ledger.sqlite", folder / "server.log")
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def make_server(small_catalog_path: Path, tmp_path: Path, unseen_errors: ErrorWatch) -> Iterator[MakeServer]:
    """Factory: a server of this test's own (own ledger), watched from its start, stopped after the test."""
    servers: list[DeskServer] = []

    def make() -> DeskServer:
        servers.append(DeskServer(small_catalog_path, tmp_path / "ledger.sqlite", tmp_path / "server.log"))
        unseen_errors.watch_server(servers[-1])
        return servers[-1]

    yield make
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = launch_chromium(playwright)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser, unseen_errors: ErrorWatch) -> Iterator[BrowserContext]:
    context = browser.new_context()
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    unseen_errors.watch_context(context)
    yield context
    context.close()


@pytest.fixture
def desk_page(context: BrowserContext, desk_server: DeskServer) -> DeskPage:
    """A fresh page on the shared dashboard, open and connected, logging its stage cards and console."""
    return open_desk_page(context, desk_server.url)
