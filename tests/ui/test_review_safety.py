"""A review that is safe to approve (issue 15, part 3), in a real Chromium on the full catalog.

One server for the module (the 50,000-part catalog: 40 ft sticks and galvanized tube are stocked
there). Each test sends its email over the HTTP API, opens its order on /review and works the
page as a desk does; the served ledger is then asked what was recorded. Every test also fails on
a server-log or console error (``tests/ui/unseen_errors.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from dashboard.components.line_editor import alternative_label
from pipeline.ledger import Ledger
from pipeline.orders import StoredOrder
from pipeline.orders.store import OrderStore
from pipeline.words import REASONS
from tests.review_emails import PROSPECT_ORDER, QUOTE_REQUEST, STICKS_AND_NOTES, email
from tests.ui.api_client import follow, post_files
from tests.ui.harness import DeskServer, open_desk_page
from tests.ui.unseen_errors import ErrorWatch

pytestmark = pytest.mark.ui


@pytest.fixture(scope="module")
def full_server(full_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskServer]:
    folder = tmp_path_factory.mktemp("review-safety")
    env = {"ORDERDESK_DATA_DIR": str(folder)}  # the ERP outbox goes here
    server = DeskServer(full_catalog_path, folder / "ledger.sqlite", folder / "server.log", env=env)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def served(full_server: DeskServer, unseen_errors: ErrorWatch) -> DeskServer:
    unseen_errors.watch_server(full_server)
    return full_server


def order_of(server: DeskServer, template: str) -> str:
    """Send the email as a script would, wait for its job; the id of the order it made."""
    status, answer = post_files(server, [("email.txt", email(template).encode())])
    assert status == 201, answer
    job_id = answer["jobs"][0]["job_id"]
    follow(server, job_id)
    with closing(sqlite3.connect(server.ledger)) as connection:
        row = connection.execute("SELECT order_id FROM orders WHERE job_id = ?", (job_id,)).fetchone()
    return str(row[0])


def stored(server: DeskServer, order_id: str) -> StoredOrder:
    return OrderStore(Ledger(server.ledger)).load(order_id)


def review(context: BrowserContext, server: DeskServer, order_id: str) -> Page:
    page = open_desk_page(context, f"{server.base}/review?order={order_id}").page
    expect(page.locator(".od-rv-summary")).to_have_attribute("data-order", order_id)
    return page


def version(page: Page) -> Any:
    return page.locator(".od-rv-summary")


def acted(page: Page, before: str | None) -> str:
    """Wait until the page shows a newer version than ``before``; returns it."""
    expect(version(page)).not_to_have_attribute("data-version", before or "")
    return str(version(page).get_attribute("data-version"))


def line_info(page: Page, line_no: int) -> Any:
    return page.locator(f'.od-rv-line-info[data-line="{line_no}"]')


def accept_all(page: Page, server: DeskServer, order_id: str) -> None:
    for line in stored(server, order_id).order.lines:
        if line.gate_reasons:
            shown = version(page).get_attribute("data-version")
            page.locator(f".od-rv-line-{line.item.line_no}").get_by_role("button", name="Accept line").click()
            acted(page, shown)


def test_a_prospect_is_refused_with_why_then_the_approver_approves_the_customer_and_exports(
    context: BrowserContext, served: DeskServer
) -> None:
    order_id = order_of(served, PROSPECT_ORDER)
    page = review(context, served, order_id)
    warning = page.locator('.od-rv-summary [data-customer="not-approved"]')
    expect(warning).to_contain_text("new customer on PREPAY terms, not yet approved")
    accept_all(page, served, order_id)

    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".od-rv-message")).to_contain_text(
        "not yet approved. An approver approves the customer"
    )
    assert stored(served, order_id).status == "needs_review"

    shown = version(page).get_attribute("data-version")
    page.locator(".od-rv-terms input").fill("NET30")
    page.locator(".od-rv-credit input").fill("20000")
    page.get_by_role("button", name="Approve customer").click()
    acted(page, shown)
    expect(warning).to_have_count(0)
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".od-rv-summary [data-status]")).to_have_attribute("data-status", "approved")

    page.get_by_role("button", name="Export to ERP").click()
    expect(page.locator(".od-rv-summary [data-status]")).to_have_attribute("data-status", "exported")
    expect(page.locator(".od-rv-message")).to_contain_text("is in the ERP as")
    expect(page.locator(".od-rv-export button")).to_be_disabled()
    expect(page.locator(".od-rv-export button")).to_have_text("Exported")
    written = stored(served, order_id)
    assert written.status == "exported" and written.order.account.terms == "NET30"
    actions = [entry.action for entry in OrderStore(Ledger(served.ledger)).audit(order_id)]
    assert actions[-3:] == ["approve_customer", "approve", "export"]
    outbox = list((served.ledger.parent / "outbox").glob(f"orderdesk-{order_id}*.json"))
    assert len(outbox) == 1  # the HTTP export's claim: sent once


def test_the_email_is_assigned_to_an_existing_customer_from_the_page(
    context: BrowserContext, served: DeskServer
) -> None:
    other = PROSPECT_ORDER.replace("quarry-lane", "gravel-pit").replace("Quarry Lane", "Gravel Pit")
    order_id = order_of(served, other)
    page = review(context, served, order_id)
    shown = version(page).get_attribute("data-version")
    page.locator(".od-rv-assign-to select").select_option(label="Global Fabrication Inc (C-1004)")
    page.get_by_role("button", name="Assign", exact=True).click()
    acted(page, shown)
    expect(page.locator(".od-rv-summary")).to_contain_text("Global Fabrication Inc (C-1004, NET30)")
    expect(page.locator('[data-customer="not-approved"]')).to_have_count(0)
    assert stored(served, order_id).order.account.customer_id == "C-1004"


def test_an_alternative_and_edits_replan_cut_stock_and_price_and_reasons_follow(
    context: BrowserContext, served: DeskServer
) -> None:
    order_id = order_of(served, STICKS_AND_NOTES)
    page = review(context, served, order_id)
    line = stored(served, order_id).order.lines[0]  # 16 pieces of 25 ft from 40 ft sticks
    galvanized = next(alt for alt in line.alternatives if "GALV" in alt.part_number)
    shown = version(page).get_attribute("data-version")
    page.locator(".od-rv-line-1 .od-rv-alternative select").select_option(label=alternative_label(galvanized))
    page.locator(".od-rv-line-1").get_by_role("button", name="Use this part").click()
    shown = acted(page, shown)
    info = line_info(page, 1)
    expect(info).to_have_attribute("data-part", galvanized.part_number)
    expect(info).to_have_attribute("data-accepted", "")  # a choice is not an acceptance
    expect(info).to_have_attribute("data-passed", "false")
    expect(info).to_have_attribute("data-sold", "640")
    expect(info).to_have_attribute("data-pulled", "640")
    expect(info).to_contain_text("pull 16 (640 ft) for 16")
    expect(info.locator(".od-rv-stops")).to_contain_text("on backorder")
    expect(info.locator(".od-rv-stops")).to_contain_text(REASONS["low_confidence"])  # galvanized refused

    page.locator(".od-rv-line-1 .od-rv-quantity input").fill("10")
    page.locator(".od-rv-line-1 .od-rv-quantity input").press("Enter")
    page.locator(".od-rv-line-1").get_by_role("button", name="Save edit").click()
    shown = acted(page, shown)
    expect(info).to_contain_text("pull 10 (400 ft) for 10")
    expect(info).not_to_contain_text("for 16")
    expect(info).to_have_attribute("data-sold", "400")

    page.locator(".od-rv-line-2 .od-rv-unit select").select_option(label="feet")
    page.locator(".od-rv-line-2 .od-rv-quantity input").fill("130")
    page.locator(".od-rv-line-2 .od-rv-quantity input").press("Enter")
    page.locator(".od-rv-line-2").get_by_role("button", name="Save edit").click()
    acted(page, shown)
    two = line_info(page, 2)
    expect(two).to_have_attribute("data-uom", "FT")
    expect(two).to_have_attribute("data-sold", "140")  # whole 20 ft lengths
    expect(two).to_contain_text("130 feet")
    written = stored(served, order_id).order.lines[1]
    assert (written.item.uom, written.sold_quantity) == ("FT", 140)
    assert written.extended_price == round(140 * written.unit_price, 2)


def test_spec_notes_reach_the_page_and_no_galvanized_part_is_picked(
    context: BrowserContext, served: DeskServer
) -> None:
    order_id = order_of(served, STICKS_AND_NOTES)
    page = review(context, served, order_id)
    for number in (1, 2):
        info = line_info(page, number)
        expect(info).to_contain_text("no galvanized (“Galvanized not required”)")
        assert "GALV" not in str(info.get_attribute("data-part"))
    expect(page.locator(".od-rv-summary")).to_contain_text("MTR")
    note = page.locator(".od-email .od-ev-spec")  # and highlighted in the email
    expect(note.first).to_have_text("Galvanized")
    expect(note.first).to_have_attribute("title", "line 1: no galvanized; line 2: no galvanized")


def test_reasons_and_forms_read_in_words_and_a_quote_is_kept_as_a_quote(
    context: BrowserContext, served: DeskServer
) -> None:
    order_id = order_of(served, QUOTE_REQUEST)
    page = review(context, served, order_id)
    row = page.locator(".od-queue .tabulator-row", has_text=order_id)
    expect(row).to_contain_text("request for quote")
    expect(page.locator('.od-rv-summary [data-kind="quote"]')).to_have_text("request for quote")
    expect(page.locator(".od-rv-reasons")).to_contain_text(REASONS["quote_requested"])
    expect(line_info(page, 1)).to_contain_text("square tube as asked")  # the form in words
    for shown in (line_info(page, 1), page.locator(".od-rv-summary")):
        expect(shown).not_to_contain_text("tube_square")
        expect(shown).not_to_contain_text("quote_requested")

    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".od-rv-message")).to_contain_text("request for quote (RFQ 2291)")
    expect(page.get_by_role("button", name="Export to ERP")).to_be_hidden()
    assert stored(served, order_id).status == "needs_review"
    shown = version(page).get_attribute("data-version")
    page.get_by_role("button", name="Convert to order").click()
    acted(page, shown)
    expect(page.locator('.od-rv-summary [data-kind="quote"]')).to_have_count(0)
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".od-rv-summary [data-status]")).to_have_attribute("data-status", "approved")
    assert stored(served, order_id).order.header.kind == "order"
