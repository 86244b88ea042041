"""The catalog explorer served: words and facets narrow the parts table in a real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.ui.harness import DeskServer, open_desk_page

pytestmark = pytest.mark.ui


def test_words_and_a_facet_narrow_the_parts_without_console_errors(
    context: BrowserContext, desk_server: DeskServer
) -> None:
    desk = open_desk_page(context, f"{desk_server.base}/catalog")
    page = desk.page
    summary = page.locator(".od-catalog-summary p")  # the pane's text, inside its shadow root
    expect(summary).to_contain_text("3,000 parts")
    page.get_by_placeholder("e.g. 304 sheet 0.125").fill("304 sheet")
    expect(summary).not_to_contain_text("3,000 parts")
    rows = page.locator(".od-catalog .tabulator-row")
    expect(rows.first).to_contain_text("304")
    # expect retries, so a table still redrawing is waited for, not read half-drawn
    descriptions = rows.locator("[tabulator-field=description]")
    expect(descriptions.filter(has_not_text="304")).to_have_count(0)
    expect(descriptions.filter(has_not_text=re.compile("sheet", re.IGNORECASE))).to_have_count(0)
    narrowed = int(re.search(r"([\d,]+) parts", summary.text_content())[1].replace(",", ""))
    page.locator("input[type=checkbox]").check()  # "In stock only"
    expect(summary).not_to_contain_text(f"{narrowed:,} parts")
    expect(rows.first).to_be_visible()
    expect(
        rows.locator("[tabulator-field=stock_qty]").filter(has_text=re.compile(r"^\s*0\s*$"))
    ).to_have_count(0)
