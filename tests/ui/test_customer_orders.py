"""The customer's recent orders beside the order under review, in Chromium on the served dashboard:
listed from the ledger, following a change made elsewhere, each a link that opens it, the
customer's name shown as the email wrote it (never as markup), and an empty state that says so."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from pipeline.config import Settings
from pipeline.context import open_order_service
from tests.ui.api_client import processed_orders
from tests.ui.emails import SAMPLES
from tests.ui.harness import READY_MESSAGE, DeskServer, open_desk_page

pytestmark = pytest.mark.ui
COMPANY = "Bolt &amp; <b>Nut</b> Works"  # as the email wrote it: text, never markup


def rush_from(company: str, domain: str, po: str) -> bytes:
    """The rush sample as another customer (a new prospect, named by its company) wrote it."""
    text = (SAMPLES / "urgent_rush_order.txt").read_text()
    text = text.replace("industrialrepair.com", domain).replace("Industrial Repair Solutions", company)
    return text.replace("ER-2024-0209", po).encode()


def test_the_customers_recent_orders_are_listed_linked_followed_and_escaped(
    context: BrowserContext, desk_server: DeskServer, tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:8]  # a customer of this test's own on the shared server
    domain = f"boltnut-{tag}.example"
    first, second, alone = processed_orders(
        desk_server,
        [
            (f"first-{tag}.txt", rush_from(COMPANY, domain, "ER-2024-0301")),
            (f"second-{tag}.txt", rush_from(COMPANY, domain, "ER-2024-0302")),
            (f"alone-{tag}.txt", rush_from("Lone Shop", f"lone-{tag}.example", "LS-2024-0101")),
        ],
    )
    settings = Settings(data_dir=tmp_path, catalog_path=desk_server.catalog, ledger_path=desk_server.ledger)
    orders = open_order_service(settings)  # the review API on the served ledger, as the CLI uses it
    earlier = orders.get(first)

    page = open_desk_page(context, f"{desk_server.base}/review?order={second}").page
    history = page.locator(".od-customer-orders")
    row = history.locator(f'tr[data-order="{first}"]')
    expect(row).to_contain_text("ER-2024-0301")
    expect(row).to_contain_text(f"${earlier.order.totals.total:,.2f}")
    expect(row.locator("td").nth(2)).to_have_text(str(len(earlier.order.lines)))
    expect(row).to_contain_text("needs review")
    expect(history.locator(f'tr[data-order="{second}"]')).to_have_count(0)  # not the open order
    expect(history.locator("h4")).to_have_text(f"Recent orders of {COMPANY}")
    expect(history.locator("b")).to_have_count(0)

    # rejected elsewhere (as the CLI would): the row follows within the queue's poll
    orders.reject(first, actor="rita", comment="duplicate of the phone order")
    expect(row).to_have_attribute("data-status", "rejected")

    with page.expect_console_message(lambda message: READY_MESSAGE in message.text):
        row.get_by_role("link", name=first).click()
    expect(page).to_have_url(f"{desk_server.base}/review?order={first}")
    expect(page.locator(".od-rv-summary")).to_have_attribute("data-order", first)
    expect(history.locator(f'tr[data-order="{second}"]')).to_contain_text("ER-2024-0302")

    with page.expect_console_message(lambda message: READY_MESSAGE in message.text):
        page.goto(f"{desk_server.base}/review?order={alone}")
    expect(history).to_contain_text("No other orders from this customer")
    expect(history.locator("tr")).to_have_count(0)
