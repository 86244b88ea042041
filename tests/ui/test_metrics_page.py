"""The metrics page served: every chart drawn from the shared server's ledger, nothing logged as an error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from dashboard.components.metrics_view import COLUMNS
from pipeline.customers.directory import CustomerDirectory
from pipeline.ledger import Ledger
from tests.ui.api_client import follow, post_files, request
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import DeskServer, open_desk_page
from tests.ui.screens import VIEWPORT, column_boxes, off_screen

pytestmark = pytest.mark.ui
# The rows of each chart's data source, as the browser holds it (sources are named "od-<chart>").
ROWS = """names => names.map(name => {
  const data = Bokeh.documents[0].get_model_by_name('od-' + name).data;
  return Object.values(data)[0].length;
})"""


def test_the_metrics_page_draws_every_chart_from_the_ledger_without_errors(
    context: BrowserContext, desk_server: DeskServer, tmp_path: Path
) -> None:
    email = tagged_copy(SAMPLES / "sample_order_1.txt", tmp_path)  # an order that needs review
    status, answer = post_files(desk_server, [(email.name, email.read_bytes())])
    assert status == 201
    follow(desk_server, answer["jobs"][0]["job_id"])
    page = open_desk_page(context, f"{desk_server.base}/metrics").page
    expect(page.locator(".od-kpis")).to_contain_text("touchless")
    expect(page.locator("canvas")).not_to_have_count(0)
    names = list(COLUMNS)
    page.wait_for_function(f"() => ({ROWS})({names!r}).every(rows => rows > 0)")
    page.get_by_role("button", name="All time").click()
    expect(page.locator(".od-kpis")).to_contain_text("orders")


def test_the_manager_figures_by_customer_are_on_the_page(
    context: BrowserContext, desk_server: DeskServer, tmp_path: Path
) -> None:
    email = tagged_copy(SAMPLES / "sample_order_3.txt", tmp_path)
    status, answer = post_files(desk_server, [(email.name, email.read_bytes())])
    assert status == 201
    follow(desk_server, answer["jobs"][0]["job_id"])
    customer_id = request(desk_server, answer["jobs"][0]["links"]["self"])[1]["order"]["customer_id"]
    customer = CustomerDirectory(Ledger(desk_server.ledger)).require(customer_id).name
    page = open_desk_page(context, f"{desk_server.base}/metrics").page
    page.set_viewport_size(VIEWPORT)
    kpis = page.locator(".od-manager-kpis")
    for figure in ("order value", "backlog (orders to review)", "time to approve (median)"):
        expect(kpis).to_contain_text(figure)
    expect(kpis).to_contain_text("lines read right the first time")
    name = page.locator("[tabulator-field=customer]", has_text=re.compile(f"^{re.escape(customer)}$"))
    row = page.locator(".od-customers .tabulator-row").filter(has=name)
    expect(row.locator("[tabulator-field=value]")).to_have_text(re.compile(r"^\$\d{1,3}(,\d{3})*\.\d\d$"))
    expect(row.locator("[tabulator-field=backlog]")).to_have_text(re.compile(r"^[1-9]\d*$"))
    columns = ("customer", "value", "backlog", "oldest_waiting_h", "approve_h", "right_first_time")
    assert off_screen(column_boxes(page, "od-customers", columns)) == []
