"""Each dashboard page at a desk's screen size, and whether the columns that matter are on screen.

``benchmarks/screenshots.py`` saves the pictures into ``docs/screenshots/``; the browser test
``tests/ui/test_screens.py`` takes the same ones and fails when an important column of a page's
table lies outside the window (by the bounding box of its header), when any table on the page
is wider than its frame (it would scroll sideways), or when an important column's text is cut
short in a cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from tests.ui.harness import open_desk_page

VIEWPORT = {"width": 1440, "height": 900}


@dataclass(frozen=True)
class Screen:
    """One page to picture: its path, what to do before the picture, and its table's key columns."""

    name: str
    path: str
    table: str  # the CSS class of the table whose columns must be on screen
    columns: tuple[str, ...]  # Tabulator field names
    prepare: Callable[[Page], None] = field(default=lambda page: None)


def show_order(page: Page) -> None:
    """Scrolled down to the order's lines (the page opens on the jobs)."""
    lines = page.locator(".od-order-lines")
    expect(lines.locator(".tabulator-row").first).to_be_visible()
    lines.scroll_into_view_if_needed()


def show_customers(page: Page) -> None:
    """Scrolled down to the manager's figures by customer (the page opens on the charts)."""
    table = page.locator(".od-customers")
    expect(table.locator(".tabulator-row").first).to_be_visible()
    page.locator(".od-manager-kpis").scroll_into_view_if_needed()


def show_workspace(page: Page) -> None:
    """Scrolled down to the open order's summary and the customer's recent orders beside it."""
    expect(page.locator(".od-customer-orders h4")).to_be_visible()
    page.locator(".od-rv-summary").evaluate("summary => summary.scrollIntoView({block: 'center'})")


def search_catalog(page: Page) -> None:
    page.get_by_placeholder("e.g. 304 sheet 0.125").fill("1-1/2 1018 round")
    expect(page.locator(".od-catalog .tabulator-row").first).to_contain_text('1-1/2"')


def screens(job_id: str, order_id: str) -> list[Screen]:
    """Every page, on a finished job and its order."""
    return [
        Screen(
            "process",
            f"/app?job={job_id}",
            "od-order-lines",
            ("part_number", "quantity", "confidence", "unit_price", "extended_price"),
            show_order,
        ),
        Screen(
            "jobs", f"/app?job={job_id}", "od-jobs", ("filename", "status", "lines", "subtotal", "customer")
        ),
        Screen(
            "review",
            f"/review?order={order_id}",
            "od-queue",
            ("order_id", "status", "customer", "value", "lines", "top_reason"),
        ),
        Screen("order", f"/review?order={order_id}", "od-queue", ("order_id",), show_workspace),
        Screen(
            "catalog",
            "/catalog",
            "od-catalog",
            ("part_number", "description", "unit_price", "stock_qty"),
            search_catalog,
        ),
        Screen(
            "metrics",
            "/metrics",
            "od-customers",
            ("customer", "value", "backlog", "oldest_waiting_h", "approve_h", "right_first_time"),
            show_customers,
        ),
    ]


def column_boxes(page: Page, table: str, columns: tuple[str, ...]) -> dict[str, dict[str, float] | None]:
    """Each column header's bounding box in the page (None when it is not rendered)."""
    header = f".{table} .tabulator-col[tabulator-field={{}}]"
    expect(page.locator(header.format(columns[0]))).to_be_visible()
    return {column: page.locator(header.format(column)).bounding_box() for column in columns}


def off_screen(boxes: dict[str, dict[str, float] | None]) -> list[str]:
    """The columns not wholly inside the window's width."""
    return [
        column
        for column, box in boxes.items()
        if box is None or box["x"] < 0 or box["x"] + box["width"] > VIEWPORT["width"]
    ]


# Every Tabulator of the page, through the shadow roots Panel renders each pane in.
TABLES_JS = """() => {
  const roots = [];
  const walk = (root) => {
    roots.push(root);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
  };
  walk(document);
  return roots.flatMap((root) => [...root.querySelectorAll('.tabulator')]);
}"""
# Tables whose rows are wider than their frame: "<table's classes>: <rows' width> > <frame's width>".
SIDEWAYS_JS = f"""() => ({TABLES_JS})().flatMap((table) => {{
  const holder = table.querySelector('.tabulator-tableholder');
  const name = table.getRootNode().host?.className || table.className;
  return holder.scrollWidth > holder.clientWidth
    ? [`${{name}}: ${{holder.scrollWidth}} > ${{holder.clientWidth}}`]
    : [];
}})"""
# The given table's column titles, and its shown cells of the given columns, whose text does not
# fit: "<column>: <text>".
CUT_JS = f"""([table, columns]) => ({TABLES_JS})()
  .filter((element) => element.getRootNode().host?.classList.contains(table))
  .flatMap((element) => [
    ...element.querySelectorAll('.tabulator-col[tabulator-field] .tabulator-col-title'),
    ...[...element.querySelectorAll('.tabulator-row .tabulator-cell')]
      .filter((cell) => columns.includes(cell.getAttribute('tabulator-field'))),
  ])
  .filter((cell) => cell.offsetWidth > 0)
  .filter((cell) => cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight + 1)
  .map((cell) => [cell.closest('[tabulator-field]').getAttribute('tabulator-field'), cell.textContent])
  .map(([column, text]) => `${{column}}: ${{text}}`)"""


def sideways(page: Page) -> list[str]:
    """The page's tables that would scroll sideways (their rows wider than the frame)."""
    return page.evaluate(SIDEWAYS_JS)


def cut_short(page: Page, table: str, columns: tuple[str, ...]) -> list[str]:
    """``table``'s column titles and cells of ``columns`` whose text is cut (an ellipsis, hidden lines)."""
    return page.evaluate(CUT_JS, [table, list(columns)])


def shoot(context: BrowserContext, base: str, screen: Screen, folder: Path) -> list[str]:
    """Open ``screen`` at 1440 x 900, save ``folder/<name>.png``; what a desk could not read there:
    the key columns off screen, tables that scroll sideways, key cells cut short."""
    desk = open_desk_page(context, base + screen.path)
    page = desk.page
    page.set_viewport_size(VIEWPORT)
    screen.prepare(page)
    missing = off_screen(column_boxes(page, screen.table, screen.columns))
    missing += [f"scrolls sideways: {table}" for table in sideways(page)]
    missing += [f"cut short: {cell}" for cell in cut_short(page, screen.table, screen.columns)]
    page.screenshot(path=str(folder / f"{screen.name}.png"))
    page.close()
    return missing
