"""The metrics page served: every chart drawn from the shared server's ledger, nothing logged as an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from dashboard.components.metrics_view import COLUMNS
from tests.ui.api_client import follow, post_files
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import DeskServer, open_desk_page

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
