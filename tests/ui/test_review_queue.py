"""The review queue in Chromium: search, bulk approval of clean orders, and the keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pipeline.config import Settings
from pipeline.context import open_order_service
from pipeline.orders import OrderService
from tests.ui.api_client import processed_orders
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import DeskServer, open_desk_page

pytestmark = pytest.mark.ui


def served_orders(server: DeskServer, folder: Path) -> OrderService:
    """The review API on the served ledger, from this process (as the CLI would use it)."""
    settings = Settings(data_dir=folder, catalog_path=server.catalog, ledger_path=server.ledger)
    return open_order_service(settings)


def new_orders(server: DeskServer, folder: Path, names: list[str]) -> list[str]:
    """Order ids of fresh copies of the named samples, processed by the server."""
    files = [tagged_copy(SAMPLES / name, folder) for name in names]
    return processed_orders(server, [(f.name, f.read_bytes()) for f in files])


def search(page: Page, text: str) -> None:
    page.get_by_placeholder("Search: customer, PO or part").fill(text)


def test_the_search_and_bulk_approval_of_clean_orders(
    context: BrowserContext, desk_server: DeskServer, tmp_path: Path
) -> None:
    clean, dirty, rush = new_orders(
        desk_server, tmp_path, ["chain_email_thread.txt", "complex_multi_order.txt", "urgent_rush_order.txt"]
    )
    orders = served_orders(desk_server, tmp_path)
    (flagged,) = orders.get(clean).order.review.details
    orders.accept_line(clean, flagged.line_no, actor="ann")  # a reviewer took the doubtful line
    page = open_desk_page(context, f"{desk_server.base}/review").page
    rows = page.locator(".od-queue .tabulator-row")
    search(page, "er-2024-0209")  # the rush order's PO
    expect(rows.filter(has_text=rush)).to_have_count(1)
    expect(rows.filter(has_text=clean)).to_have_count(0)
    expect(rows.filter(has_text=dirty)).to_have_count(0)
    search(page, dirty)
    expect(rows).to_have_count(1)
    page.get_by_role("button", name="Approve clean orders").click()
    outcome = page.locator(".od-bulk-outcome")
    expect(outcome).to_contain_text(f"{dirty}: line 2: no matching part")
    expect(outcome).to_contain_text("Approved: none")
    search(page, clean)
    expect(rows).to_have_count(1)
    page.get_by_role("button", name="Approve clean orders").click()
    expect(outcome).to_contain_text(f"Approved: {clean}")
    expect(rows).to_have_count(0)  # "Needs review" lists it no more
    assert orders.get(clean).status == "approved" and orders.get(dirty).status == "needs_review"


def test_keys_open_the_next_order_accept_a_line_and_approve(
    context: BrowserContext, desk_server: DeskServer, tmp_path: Path
) -> None:
    (order_id,) = new_orders(desk_server, tmp_path, ["chain_email_thread.txt"])
    orders = served_orders(desk_server, tmp_path)
    page = open_desk_page(context, f"{desk_server.base}/review").page
    expect(page.locator(".od-shortcuts")).to_contain_text("j next order")
    expect(page.locator(".od-shortcuts")).to_contain_text("Shift+A approve it")
    first = page.locator(".od-queue .tabulator-row").first.locator("[tabulator-field=order_id]")
    page.keyboard.press("j")
    expect(page).to_have_url(f"{desk_server.base}/review?order={first.inner_text()}")
    page = open_desk_page(context, f"{desk_server.base}/review?order={order_id}").page
    expect(page.locator(".od-rv-summary")).to_contain_text(order_id)
    expect(page.locator(".od-shortcuts")).to_contain_text("a accept")  # listening once listed
    (flagged,) = orders.get(order_id).order.review.details
    page.keyboard.press("a")
    expect(page.locator(".od-rv-summary")).to_contain_text("version 2")
    assert orders.get(order_id).order.lines[flagged.line_no - 1].accepted_by == "desk"
    page.keyboard.press("Shift+A")
    expect(page.locator(".od-rv-summary [data-status]")).to_have_attribute("data-status", "approved")
    assert orders.get(order_id).status == "approved"
