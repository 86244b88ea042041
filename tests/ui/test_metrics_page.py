"""The metrics page served: charts drawn from the shared server's ledger, no console errors."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.ui.harness import DeskServer, open_desk_page

pytestmark = pytest.mark.ui


def test_the_metrics_page_draws_its_charts_without_console_errors(
    context: BrowserContext, desk_server: DeskServer
) -> None:
    desk = open_desk_page(context, f"{desk_server.base}/metrics")
    page = desk.page
    expect(page.locator(".od-kpis")).to_contain_text("touchless")
    expect(page.locator("canvas")).not_to_have_count(0)
    page.get_by_role("button", name="All time").click()
    expect(page.locator(".od-kpis")).to_contain_text("orders")
    assert desk.errors() == []
