"""What the browser tests and ``benchmarks/bench_ui.py`` share: a served dashboard and a watched page.

The server runs as ``make serve`` runs it (``python -m dashboard serve``), in its own process group
so that it — and anything it started — can be stopped, or killed mid-job, as a whole.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Playwright

from tests.ports import free_port

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
LOST_CONNECTION = "Lost the connection to Order Desk"
STAGES = ("ingest", "extract", "customer", "search", "match", "assemble", "review")
# True once the page has shown every stage card done (its card log, see CARD_LOG_SCRIPT).
ALL_DONE = (
    f"() => {list(STAGES)!r}.every(s => window.__cardLog.some(e => e.stage === s && e.state === 'done'))"
)


@dataclass
class DeskServer:
    """``python -m dashboard serve`` on a catalog and a ledger; start, stop, kill and start again."""

    catalog: Path
    ledger: Path
    log_path: Path
    port: int = field(default_factory=free_port)
    workers: int = 2
    processes: bool = False  # jobs in worker processes (--processes) instead of threads
    env: dict[str, str] = field(default_factory=dict)  # e.g. login settings (dashboard.access)
    root: Path = ROOT  # the source tree to serve (a benchmark's baseline: an older commit's)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.base}/app"

    def start(self) -> DeskServer:
        env = (
            os.environ
            | {
                "ORDERDESK_CATALOG": str(self.catalog),
                "ORDERDESK_LEDGER": str(self.ledger),
                "PYTHONPATH": os.pathsep.join(filter(None, [str(self.root), os.environ.get("PYTHONPATH")])),
            }
            | self.env
        )
        # the sample emails' senders, as `make serve` loads them
        samples = [sys.executable, "-m", "pipeline", "customers", "load-samples"]
        subprocess.run(samples, cwd=self.root, env=env, check=True, capture_output=True, timeout=60)
        command = [sys.executable, "-m", "dashboard", "serve", "--address", "127.0.0.1"]
        command += ["--port", str(self.port), "--workers", str(self.workers)]
        command += ["--processes"] if self.processes else []
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self._wait_until_serving()
        return self

    def _wait_until_serving(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.base}/api/health", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)  # polling interval while the server starts, not a timing assumption
        raise RuntimeError(f"the server did not answer within {SERVER_START_TIMEOUT_S} s:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL the whole process group: a crash, nothing gets to clean up."""
        self._signal(signal.SIGKILL)

    def stop(self) -> None:
        """Stop the server and anything it forked, politely first."""
        try:
            self._signal(signal.SIGTERM)
        except subprocess.TimeoutExpired:
            self.kill()

    def _signal(self, sig: signal.Signals) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):  # it is gone already: nothing to signal
            os.killpg(self.process.pid, sig)
        self.process.wait(timeout=10)
        self.process = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def launch_chromium(playwright: Playwright) -> Browser:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        raise RuntimeError("browser tests need Debian's Chromium: apt-get install -y chromium")
    return playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)


# Records every state each stage card shows, in order, the moment the DOM changes. Panel renders
# each pane inside a shadow root, so the observer is attached to every shadow root as it is created.
CARD_LOG_SCRIPT = """
(() => {
  const log = [], marks = {}, last = new Map(), roots = [document];
  window.__cardLog = log;
  window.__marks = marks;
  const scan = () => {
    const t = performance.now(), wall = Date.now();
    for (const root of roots) {
      for (const el of root.querySelectorAll('[data-stage]')) {
        if (!el.isConnected || last.get(el.dataset.stage) === el.dataset.state) continue;
        last.set(el.dataset.stage, el.dataset.state);
        const changedAt = Number(el.dataset.changedAt) || null;
        log.push({stage: el.dataset.stage, state: el.dataset.state, t, wall, changedAt});
      }
    }
  };
  const observer = new MutationObserver(scan);
  const watch = (root) => observer.observe(
    root, {subtree: true, childList: true, attributes: true, characterData: true});
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    watch(root);
    root.addEventListener('change', (e) => {
      if (e.target.type === 'file') marks.upload = performance.now();
    }, true);
    return root;
  };
  document.addEventListener('click', (e) => {
    if (e.composedPath()[0].closest?.('button')?.textContent.trim() === 'Process') {
      marks.process = performance.now();
    }
  }, true);
  window.__resetCardLog = () => { log.length = 0; last.clear(); };
  watch(document);
})();
"""


@dataclass
class DeskPage:
    """A page on the served dashboard, open and connected (its errors: ``tests/ui/unseen_errors.py``)."""

    page: Page


def open_desk_page(
    context: BrowserContext, url: str, prepare: Callable[[Page], None] | None = None
) -> DeskPage:
    """A new page at ``url``, connected (its websocket open), logging its cards;
    ``prepare`` gets the page before it navigates (e.g. to listen to its network)."""
    page = context.new_page()
    if prepare is not None:
        prepare(page)
    page.add_init_script(CARD_LOG_SCRIPT)
    with page.expect_console_message(lambda message: READY_MESSAGE in message.text):
        page.goto(url)
    return DeskPage(page=page)
