"""The served review page in a real Chromium: edit, choose, approve, reload — and the ledger agrees.

Timings (Save pressed → the page shows the written line) are recorded as junit properties and
logged, never bounded: the machine is shared.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from dashboard.components.line_editor import alternative_label
from pipeline.ledger import Ledger
from pipeline.orders import StoredOrder
from pipeline.orders.store import OrderStore
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import ALL_DONE, READY_MESSAGE, DeskPage, DeskServer, open_desk_page

pytestmark = pytest.mark.ui
log = logging.getLogger(__name__)


def served_order(server: DeskServer, order_id: str) -> tuple[StoredOrder, list[Any]]:
    """The order and its audit trail as the served ledger holds them (read from this process)."""
    store = OrderStore(Ledger(server.ledger))
    return store.load(order_id), store.audit(order_id)


def open_in_review(page: Page) -> str:
    """Follow the process page's "Open in review" link; returns the order id the URL names."""
    with page.expect_console_message(lambda message: READY_MESSAGE in message.text):
        page.locator("a.od-open-review").click()
    expect(page.locator(".od-rv-summary")).to_be_visible()
    return page.url.split("order=")[1]


def line_info(page: Page, line_no: int) -> Any:
    return page.locator(f'.od-rv-line-info[data-line="{line_no}"]')


def test_edit_choose_approve_then_reload_shows_them_and_the_ledger_recorded_them(
    desk_page: DeskPage, desk_server: DeskServer, tmp_path: Path, record_property: Any
) -> None:
    page = desk_page.page
    page.locator("input[type=file]").set_input_files([tagged_copy(SAMPLES / "sample_order_1.txt", tmp_path)])
    page.wait_for_function(ALL_DONE)
    order_id = open_in_review(page)
    stored, _ = served_order(desk_server, order_id)
    assert page.url.endswith(f"/review?order={order_id}")
    assert stored.status == "needs_review", "this test needs an email the gates send to review"

    page.locator(".od-rv-line-2 .od-rv-quantity input").fill("12")
    page.locator(".od-rv-line-2 .od-rv-quantity input").press("Enter")
    pressed = time.perf_counter()
    page.locator(".od-rv-line-2").get_by_role("button", name="Save edit").click()
    expect(line_info(page, 2)).to_have_attribute("data-quantity", "12.0")
    edit_shown_s = time.perf_counter() - pressed

    line = next(line for line in stored.order.lines if line.alternatives)
    number, chosen = line.item.line_no, line.alternatives[-1]
    page.locator(f".od-rv-line-{number} .od-rv-alternative select").select_option(
        label=alternative_label(chosen)
    )
    page.locator(f".od-rv-line-{number}").get_by_role("button", name="Use this part").click()
    expect(line_info(page, number)).to_have_attribute("data-part", chosen.part_number)

    page.locator(".od-rv-comment textarea").fill("quantities checked with the buyer")
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".od-rv-summary [data-status]")).to_have_attribute("data-status", "approved")

    with page.expect_console_message(lambda message: READY_MESSAGE in message.text):
        page.reload()
    expect(page.locator(".od-rv-summary [data-status]")).to_have_attribute("data-status", "approved")
    expect(line_info(page, 2)).to_have_attribute("data-quantity", "12.0")
    expect(line_info(page, number)).to_have_attribute("data-part", chosen.part_number)
    rows = page.locator(".od-rv-audit tbody tr")
    expect(rows).to_have_count(4)
    shown = rows.evaluate_all("rows => rows.map(row => [row.dataset.action, row.dataset.actor])")
    assert shown == [
        ["approve", "desk"],
        ["choose_alternative", "desk"],
        ["edit_line", "desk"],
        ["created", "order desk"],
    ]
    expect(rows.first).to_contain_text("quantities checked with the buyer")

    stored, audit = served_order(desk_server, order_id)
    assert stored.status == "approved" and stored.decided_by == "desk"
    assert stored.order.lines[1].item.quantity == 12
    parts = {line.item.line_no: line.match.part_number for line in stored.order.lines if line.match}
    assert parts[number] == chosen.part_number
    assert [(entry.action, entry.actor, entry.line_no) for entry in audit[1:]] == [
        ("edit_line", "desk", 2),
        ("choose_alternative", "desk", number),
        ("approve", "desk", None),
    ]
    record_property("review_edit_to_screen_ms", round(edit_shown_s * 1000))
    log.info("review: Save edit pressed -> line shown after %.0f ms", edit_shown_s * 1000)


def test_a_new_order_joins_an_open_queue_and_its_email_markup_shows_as_text(
    context: BrowserContext, desk_page: DeskPage, desk_server: DeskServer
) -> None:
    review = open_desk_page(context, f"{desk_server.base}/review")  # open before the order exists
    page = desk_page.page
    email = (SAMPLES / "sample_order_1.txt").read_text()
    email = email.replace("Hello,", "Hello, <script>console.error('injected')</script><b>bold</b>", 1)
    page.locator("textarea").fill(email)
    page.get_by_role("button", name="Process").click()
    page.wait_for_function(ALL_DONE)
    order_id = page.locator(".od-order a.od-open-review").get_attribute("href").split("order=")[1]

    row = review.page.locator(".od-queue .tabulator-row", has_text=order_id)
    row.click()  # listed by itself when its job finished, no reload
    expect(review.page).to_have_url(f"{desk_server.base}/review?order={order_id}")
    email_pane = review.page.locator(".od-email")
    expect(email_pane).to_contain_text("<script>console.error('injected')</script><b>bold</b>")
    assert review.page.locator(".od-email script, .od-email b").count() == 0
    assert email_pane.locator("[data-line]").count() >= 5  # the lines' evidence is highlighted
