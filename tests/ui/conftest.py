"""Serve the dashboard with ``panel serve`` and drive it with Debian's Chromium through Playwright.

The server runs as the documented command, in its own process group so every process it starts
is stopped with it. Its catalog is the session's small real catalog; its ledger is a temp file.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Playwright, sync_playwright

from tests.ui.browser import CARD_LOG_SCRIPT, DeskPage

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY_MESSAGE = "Websocket connection 0 is now open"  # Bokeh logs it once the session is live
SERVER_START_TIMEOUT_S = 60
PAGE_TIMEOUT_MS = 20_000


@dataclass(frozen=True)
class ServedApp:
    url: str
    log_path: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"panel serve exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)  # polling interval while the server starts, not a timing assumption
    pytest.fail(
        f"panel serve did not answer {url} within {SERVER_START_TIMEOUT_S} s:\n{log_path.read_text()}"
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and anything it forked: the whole process group, politely first."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def served_app(small_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedApp]:
    folder = tmp_path_factory.mktemp("served")
    port = _free_port()
    env = os.environ | {
        "ORDERDESK_CATALOG": str(small_catalog_path),
        "ORDERDESK_LEDGER": str(folder / "ledger.sqlite"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "panel", "serve", "dashboard/app.py", "--address", "127.0.0.1"]
    command += ["--port", str(port), "--allow-websocket-origin", f"127.0.0.1:{port}"]
    log_path = folder / "panel-serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}/app"
    try:
        _wait_until_serving(url, process, log_path)
        yield ServedApp(url=url, log_path=log_path)
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.fail("browser tests need Debian's Chromium: apt-get install -y chromium")
    browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def desk_page(browser: Browser, served_app: ServedApp) -> Iterator[DeskPage]:
    """A fresh page on the dashboard, open and connected, logging its stage cards and console."""
    context = browser.new_context()
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()
    page.add_init_script(CARD_LOG_SCRIPT)
    console: list[ConsoleMessage] = []
    page.on("console", lambda message: console.append(message))
    with page.expect_console_message(lambda message: READY_MESSAGE in message.text):
        page.goto(served_app.url)
    yield DeskPage(page=page, console=console)
    context.close()
