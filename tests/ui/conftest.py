"""Serve the dashboard as ``make serve`` does and drive it with Debian's Chromium through Playwright.

One server (the session's small real catalog, a temp ledger) is shared by every test whose state
allows it; tests that kill the server get their own. See ``tests/ui/harness.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, sync_playwright

from tests.ui.harness import PAGE_TIMEOUT_MS, DeskPage, DeskServer, launch_chromium, open_desk_page

MakeServer = Callable[[], DeskServer]


@pytest.fixture(scope="session")
def desk_server(small_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskServer]:
    folder = tmp_path_factory.mktemp("served")
    server = DeskServer(small_catalog_path, folder / "ledger.sqlite", folder / "server.log")
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def make_server(small_catalog_path: Path, tmp_path: Path) -> Iterator[MakeServer]:
    """Factory: a server of this test's own (own ledger), stopped after the test."""
    servers: list[DeskServer] = []

    def make() -> DeskServer:
        servers.append(DeskServer(small_catalog_path, tmp_path / "ledger.sqlite", tmp_path / "server.log"))
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
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def desk_page(context: BrowserContext, desk_server: DeskServer) -> DeskPage:
    """A fresh page on the shared dashboard, open and connected, logging its stage cards and console."""
    return open_desk_page(context, desk_server.url)
