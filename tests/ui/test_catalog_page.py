"""The catalog explorer served: words and facets narrow the parts table in a real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.ui.harness import DeskServer, open_desk_page
from tests.ui.screens import VIEWPORT, column_boxes, off_screen

pytestmark = pytest.mark.ui


def test_words_and_a_facet_narrow_the_parts_without_console_errors(
    context: BrowserContext, desk_server: DeskServer
) -> None:
    desk = open_desk_page(context, f"{desk_server.base}/catalog")
    page = desk.page
    summary = page.locator(".od-catalog-summary p")  # the pane's text, inside its shadow root
    expect(summary).to_contain_text("3,000 parts")
    page.get_by_placeholder("e.g. 304 sheet 0.125").fill("304 2b")  # no form: every word must appear
    expect(summary).not_to_contain_text("3,000 parts")
    rows = page.locator(".od-catalog .tabulator-row")
    expect(rows.first).to_contain_text("304")
    # expect retries, so a table still redrawing is waited for, not read half-drawn
    descriptions = rows.locator("[tabulator-field=description]")
    expect(descriptions.filter(has_not_text="304")).to_have_count(0)
    expect(descriptions.filter(has_not_text="2B")).to_have_count(0)
    narrowed = int(re.search(r"([\d,]+) parts", summary.text_content())[1].replace(",", ""))
    page.locator("input[type=checkbox]").check()  # "In stock only"
    expect(summary).not_to_contain_text(f"{narrowed:,} parts")
    expect(rows.first).to_be_visible()
    expect(
        rows.locator("[tabulator-field=stock_qty]").filter(has_text=re.compile(r"^\s*0\s*$"))
    ).to_have_count(0)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("1-1/2 1018 round", '1018 Steel Round Bar .* 1-1/2" x'),
        ("6061 angle 2 x 2 x 1/4", '2" x 2" x 1/4" x'),
    ],
)
def test_a_typed_request_is_read_as_the_matcher_reads_it_with_price_and_stock_on_screen(
    context: BrowserContext, desk_server: DeskServer, typed: str, first: str
) -> None:
    page = open_desk_page(context, f"{desk_server.base}/catalog").page
    page.set_viewport_size(VIEWPORT)
    page.get_by_placeholder("e.g. 304 sheet 0.125").fill(typed)
    expect(page.locator(".od-catalog-summary")).to_contain_text("Read as")
    row = page.locator(".od-catalog .tabulator-row").first
    expect(row.locator("[tabulator-field=description]")).to_have_text(re.compile(first))
    expect(row.locator("[tabulator-field=match]")).to_have_text(re.compile(r"^(1\.00|0\.9\d)$"))
    columns = ("part_number", "description", "unit_price", "stock_qty")
    assert off_screen(column_boxes(page, "od-catalog", columns)) == []
    expect(row.locator("[tabulator-field=unit_price]")).to_have_text(re.compile(r"^\$[\d,]+\.\d\d$"))


def test_an_empty_result_says_which_words_no_part_has(
    context: BrowserContext, desk_server: DeskServer
) -> None:
    page = open_desk_page(context, f"{desk_server.base}/catalog").page
    page.get_by_placeholder("e.g. 304 sheet 0.125").fill("304 flurb 2b")
    summary = page.locator(".od-catalog-summary")
    expect(summary).to_contain_text("0 parts")
    expect(summary).to_contain_text("No part has “flurb”: check the spelling, or leave it out.")
    expect(page.locator(".od-catalog .tabulator-row")).to_have_count(0)


def test_the_facets_counts_follow_a_typed_search(context: BrowserContext, desk_server: DeskServer) -> None:
    """The parts come first; the facets' counts follow in the next message and add up to them."""
    page = open_desk_page(context, f"{desk_server.base}/catalog").page
    page.get_by_placeholder("e.g. 304 sheet 0.125").fill("304 2b")
    summary = page.locator(".od-catalog-summary p")
    expect(summary).not_to_contain_text("3,000 parts")
    found = int(re.search(r"([\d,]+) parts", summary.text_content())[1].replace(",", ""))
    forms = page.locator(".choices__item--choice").filter(has_text=re.compile(r"\((\d[\d,]*)\)\s*$"))
    counted = re.compile(r"^\s*sheet \(" + f"{found:,}" + r"\)\s*$")  # every "304 2b" part is a sheet
    expect(forms.filter(has_text=counted)).to_have_count(1)
