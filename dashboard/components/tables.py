"""The dashboard's tables: numbers as a desk reads them, and one look and behaviour for every list.

Every table fits its columns to its width (``fitted_table``): fixed widths for the short columns,
the others share the rest, and long text (part numbers, file names, reasons) wraps inside its
cell instead of being cut, so nothing needs sideways scrolling at 1440 px.

Numbers go through Bokeh's ``NumberFormatter``: money with thousands separators and two decimals
(``$1,420.00``), counts and whole quantities as integers (``600``, never ``600.0``), and an
empty cell where there is no value yet (never ``NaN``). A formatter is a Bokeh model, which
belongs to one page: each table gets new ones.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import panel as pn
from bokeh.models import NumberFormatter

# Tabulator keeps 25 px of every header for its sort arrow, which truncated short titles
# ("Li…" for "Lines") once the columns share the window's width; 14 px holds the arrow.
HEADER_CSS = """
.tabulator .tabulator-header .tabulator-col.tabulator-sortable .tabulator-col-title {
  padding-right: 14px !important;
}
.tabulator .tabulator-header .tabulator-col .tabulator-col-content .tabulator-col-sorter {
  right: 2px !important;
}
"""


def wrap_css(fields: tuple[str, ...]) -> str:
    """Cells of ``fields`` break long words too (a part number, a file name without spaces)."""
    cells = ", ".join(f'.tabulator-cell[tabulator-field="{field}"]' for field in fields)
    return f"{cells} {{ overflow-wrap: anywhere; }}" if fields else ""


def number_format(format: str) -> NumberFormatter:
    """Right-aligned numbers in a numbro ``format``; a missing value shows as an empty cell."""
    return NumberFormatter(format=format, nan_format="", null_format="", text_align="right")


def money_format() -> NumberFormatter:
    return number_format("$0,0.00")


def count_format() -> NumberFormatter:
    return number_format("0,0")


def quantity_format() -> NumberFormatter:
    """A quantity as a desk writes it: ``10``, ``2.5``, ``1,200``."""
    return number_format("0,0.[000]")


def confidence_format() -> NumberFormatter:
    return number_format("0.00")


def fitted_table(
    frame: pd.DataFrame,
    *,
    css_class: str,
    wrapped: tuple[str, ...] = (),
    formatters: dict[str, Any] | None = None,
    stylesheets: list[str] | None = None,
    **options: Any,
) -> pn.widgets.Tabulator:
    """A read-only Tabulator whose columns share its width; ``wrapped`` columns wrap their text.

    ``container_popup=False``: Panel otherwise adds an empty last column for editors' popups
    (these tables edit nothing), whose cells' padding made every table 9 px wider than its window.
    """
    return pn.widgets.Tabulator(
        frame,
        disabled=True,
        show_index=False,
        layout="fit_columns",
        container_popup=False,
        sizing_mode="stretch_width",
        formatters={field: {"type": "textarea"} for field in wrapped} | (formatters or {}),
        css_classes=[css_class],
        stylesheets=[HEADER_CSS, wrap_css(wrapped), *(stylesheets or [])],
        **options,
    )


def row_table(
    frame: pd.DataFrame,
    *,
    titles: dict[str, str],
    hidden: list[str],
    money: list[str],
    counts: list[str],
    page_size: int,
    css_class: str,
    pagination: str = "local",
    **options: Any,
) -> pn.widgets.Tabulator:
    """A ``fitted_table`` of one selectable row per item, paged, its ``money`` columns in dollars
    and its ``counts`` as integers.

    Cells show values as text (never markup), so rows may carry what an email said. ``"remote"``
    pagination sends the browser only the page it shows: for a table every session redraws often.
    """
    return fitted_table(
        frame,
        css_class=css_class,
        hidden_columns=hidden,
        titles=titles,
        formatters={column: money_format() for column in money} | {c: count_format() for c in counts},
        selectable=1,
        pagination=pagination,
        page_size=page_size,
        **options,
    )
