"""WebSockets refused (a browser setting, a proxy that drops them): /app sends the browser to the plain
page, where an email is uploaded with a form and its job followed to the end — no WebSocket, no script."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, WebSocketRoute, expect

from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import DeskServer
from tests.ui.unseen_errors import ErrorWatch

pytestmark = pytest.mark.ui


def refuse(socket: WebSocketRoute) -> None:
    """As a proxy that will not upgrade: the socket closes without ever opening."""
    socket.close(code=1008, reason="WebSockets are not allowed here")


def test_with_websockets_refused_the_plain_page_takes_an_email_and_follows_its_job(
    context: BrowserContext, desk_server: DeskServer, tmp_path: Path, unseen_errors: ErrorWatch
) -> None:
    unseen_errors.allow(r"Failed to load Bokeh session|Error rendering Bokeh items")  # the live page's
    context.route_web_socket("**/*", refuse)
    page = context.new_page()
    page.goto(desk_server.url)
    page.wait_for_url("**/desk?live=refused")  # not a blank page: the plain one, saying why
    expect(page.locator(".od-notice")).to_contain_text("refused the WebSocket")
    assert page.locator("script").count() == 0  # it works without JavaScript

    email = tagged_copy(SAMPLES / "sample_order_1.txt", tmp_path)
    page.locator("input[type=file]").set_input_files(email)
    page.get_by_role("button", name="Process").click()
    page.wait_for_url("**/jobs/*")  # the job's own page, which refreshes itself
    expect(page.locator("h1")).to_have_text(email.name)
    status = page.locator("strong[data-status]")
    expect(status).to_have_attribute("data-status", "done", timeout=60_000)
    expect(page.locator(".od-subtotal")).to_contain_text("lines matched")

    page.get_by_role("link", name="all jobs (plain page)").click()
    row = page.locator("tr", has_text=email.name)
    expect(row.locator("td[data-status]")).to_have_text("done")
