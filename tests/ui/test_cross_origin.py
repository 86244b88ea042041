"""Another origin's page in Chromium cannot change anything on the desk, with login on or off
(issue 14, item 2). The page (``foreign_page.html``) is served from another local port — the same
site to the browser, so even a ``SameSite`` login cookie goes with its requests — and uploads,
approves and exports by fetch (``no-cors``, ``cors``, a JSON preflight) and by form posts. The
desk refuses each one it receives (403 in its log) and its ledger and outbox are as they were."""

from __future__ import annotations

import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext

from dashboard.access import hash_password
from tests.cli import run_cli
from tests.ui.emails import SAMPLES
from tests.ui.harness import READY_MESSAGE, DeskServer
from tests.ui.unseen_errors import ErrorWatch

pytestmark = pytest.mark.ui
PAGE = (Path(__file__).parent / "foreign_page.html").read_text()
PASSWORD = "Alice-" + secrets.token_hex(6)
# What reaches the desk: 3 uploads (no-cors, cors, form), 3 approves and 3 exports; the JSON
# approve stops at its preflight, which the desk does not allow.
REFUSED = {"/api/jobs": 3, "/approve": 3, "/export": 3}  # by the end of the path


class ForeignSite(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = self.server.page.encode()  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        """Quiet: the test reads the desk's log, not this one's."""


def serve_foreign_page(page: str) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), ForeignSite)
    server.page = page  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def desk_state(server: DeskServer) -> dict[str, Any]:
    """Everything a request could have changed: jobs, orders, the audit, the outbox."""
    with sqlite3.connect(server.ledger) as ledger:
        state = {
            table: ledger.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("jobs", "orders", "audit", "erp_submissions")
        }
    outbox = server.ledger.parent / "outbox"
    return state | {"outbox": sorted(outbox.iterdir()) if outbox.exists() else []}


@pytest.fixture(scope="module", params=["login off", "login on"])
def desk(
    request: pytest.FixtureRequest, small_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[DeskServer, str, str]]:
    """A served desk holding an order in review and an approved one: (server, in review, approved)."""
    folder = tmp_path_factory.mktemp("cross-origin")
    env = {"ORDERDESK_CATALOG": str(small_catalog_path), "ORDERDESK_LEDGER": str(folder / "ledger.sqlite")}
    env |= {"ORDERDESK_DATA_DIR": str(folder)}
    assert run_cli(["customers", "load-samples"], env).returncode == 0  # only their orders are approved
    in_review, approved = (
        re.search(r'"order_id": "(OD-\w+)"', run_cli(["process", str(SAMPLES / name), "--json"], env).stdout)[
            1
        ]
        for name in ("sample_order_1.txt", "sample_order_3.txt")  # a known customer's order: approvable
    )
    assert run_cli(["orders", "approve", approved], env).returncode == 0
    if request.param == "login on":
        (folder / "users").write_text(f"alice:{hash_password(PASSWORD)}\n")
        env |= {"ORDERDESK_USERS_FILE": str(folder / "users"), "ORDERDESK_ACCESS_APPROVERS": "alice"}
        env |= {"ORDERDESK_COOKIE_SECRET": secrets.token_hex(32)}
    server = DeskServer(small_catalog_path, folder / "ledger.sqlite", folder / "server.log", env=env)
    try:
        yield server.start(), in_review, approved
    finally:
        server.stop()


def test_another_origins_page_changes_nothing(
    desk: tuple[DeskServer, str, str], context: BrowserContext, unseen_errors: ErrorWatch
) -> None:
    unseen_errors.allow(  # the foreign page's console reports its refused requests: that is the point
        r"Failed to load resource: (?:net::ERR_FAILED|the server responded with a status of 403)"
        r"|Access to fetch at .* has been blocked by CORS policy"
    )
    server, in_review, approved = desk
    if "ORDERDESK_USERS_FILE" in server.env:  # alice, an approver, is signed in in this browser
        page = context.new_page()
        page.goto(server.url)
        page.fill("input[name=username]", "alice")
        page.fill("input[name=password]", PASSWORD)
        with page.expect_console_message(lambda message: READY_MESSAGE in message.text):
            page.locator("button[type=submit], input[type=submit]").click()
    before = desk_state(server)
    page_text = PAGE.replace("__DESK__", server.base).replace("__APPROVE__", in_review)
    foreign = serve_foreign_page(page_text.replace("__EXPORT__", approved))
    try:
        attacker = context.new_page()
        attacker.goto(f"http://127.0.0.1:{foreign.server_address[1]}/offer.html")
        tried = attacker.evaluate("window.attack()")
    finally:
        foreign.shutdown()
        foreign.server_close()
    assert len(tried) == 10 and tried[7:] == ["posted"] * 3, tried
    assert desk_state(server) == before
    log = server.log()
    for path, count in REFUSED.items():
        refused = re.findall(rf"403 POST \S*{re.escape(path)} ", log)
        assert len(refused) >= count, (path, tried, log[-3000:])
    assert not re.search(r" (200|201) POST ", log), log[-3000:]
