"""Review page latency in a real Chromium against ``python -m dashboard serve`` on the 50,000-part catalog.

Measured, in one run:
- page load: navigation to ``/review?order=…`` → the page's websocket open (first visit);
- quantity edit: "Save edit" pressed → the page showing the line as written (a quantity edit
  re-plans the cut and re-prices the line; the workspace re-renders that line and the audit);
- re-match edit: a new size typed → the page showing the line re-matched;
- baseline: the same review API call (``OrderService.edit_line``) from this process on the same
  ledger, no page, so the table shows what the page adds to the API's own time.
Nothing is asserted. Usage: ``python benchmarks/bench_review.py [--trials N]``; needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from common import summary, table, timed_ms
from playwright.sync_api import Page, expect, sync_playwright

from dashboard.components.line_editor import dimensions_text
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.ledger import Ledger
from pipeline.orders import OrderService
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import ALL_DONE, DeskServer, launch_chromium, open_desk_page

SAMPLE = "sample_order_3.txt"


def save_and_wait(page: Page, line_no: int, field: str, value: str) -> float:
    """Type ``value`` into the line's ``field`` input and press Save: ms until the page shows the
    version the review API wrote (the order summary's ``data-version``, rendered with the line)."""
    version = int(page.locator(".od-rv-summary").get_attribute("data-version"))
    box = page.locator(f".od-rv-line-{line_no} .od-rv-{field} input")
    box.fill(value)
    box.press("Enter")
    started = time.perf_counter()
    page.locator(f".od-rv-line-{line_no}").get_by_role("button", name="Save edit").click()
    expect(page.locator(".od-rv-summary")).to_have_attribute("data-version", str(version + 1), timeout=30_000)
    return (time.perf_counter() - started) * 1000


def two_sizes(orders: OrderService, order_id: str) -> list[dict[str, float]]:
    """Line 1's size with its first dimension doubled, then as it was: each edit re-matches."""
    size = dict(orders.get(order_id).order.lines[0].item.dimensions)
    first = next(iter(size))
    return [size | {first: size[first] * 2}, size]


def review_order(page: Page, folder: Path) -> str:
    """Process the sample on the process page; the order id its "Open in review" link names."""
    page.locator("input[type=file]").set_input_files([tagged_copy(SAMPLES / SAMPLE, folder)])
    page.wait_for_function(ALL_DONE, timeout=120_000)
    return page.locator("a.od-open-review").get_attribute("href").split("order=")[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=20)
    args = parser.parse_args()
    catalog = Settings.from_env().catalog_path
    load_before = os.getloadavg()[0]
    figures: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        server = DeskServer(catalog, folder / "ledger.sqlite", folder / "server.log").start()
        browser = launch_chromium(playwright)
        try:
            context = browser.new_context()
            context.set_default_timeout(30_000)
            order_id = review_order(open_desk_page(context, server.url).page, folder)
            orders = OrderService(Ledger(server.ledger), CatalogStore(catalog))
            if orders.get(order_id).locked:  # went through touchless: reopen it, as a reviewer would
                orders.reopen(order_id, actor="bench", comment="benchmark edits")
            started = time.perf_counter()
            page = open_desk_page(context, f"{server.base}/review?order={order_id}").page
            figures["page load /review?order= (ms)"] = [(time.perf_counter() - started) * 1000]
            expect(page.locator(".od-rv-summary")).to_have_attribute("data-order", order_id)
            figures["quantity edit → version shown (ms)"] = [
                save_and_wait(page, 1, "quantity", str(n)) for n in range(100, args.trials + 100)
            ]
            sizes = two_sizes(orders, order_id)
            figures["size edit (re-match) → version shown (ms)"] = [
                save_and_wait(page, 1, "size", dimensions_text(sizes[n % 2])) for n in range(args.trials)
            ]
            orders.edit_line(order_id, 1, actor="bench", quantity=7)  # this process's matcher index
            figures["baseline: OrderService.edit_line, quantity (ms)"] = timed_ms(
                lambda: orders.edit_line(order_id, 1, actor="bench", quantity=7), args.trials
            )
            turns = iter(range(args.trials))
            figures["baseline: OrderService.edit_line, size (ms)"] = timed_ms(
                lambda: orders.edit_line(order_id, 1, actor="bench", dimensions=sizes[next(turns) % 2]),
                args.trials,
            )
            context.close()
        finally:
            browser.close()
            server.stop()
    rows = [[name, len(samples), *summary(samples).values()] for name, samples in figures.items()]
    print(f"catalog: {catalog}; {args.trials} trials; 1-min load average {load_before:.1f} before,")
    print(f"{os.getloadavg()[0]:.1f} after\n")
    print(table(["measurement", "n", "median", "p95", "p99", "max"], rows))


if __name__ == "__main__":
    main()
