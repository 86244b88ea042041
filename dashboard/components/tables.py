"""The dashboard's clickable lists (jobs, orders): one look and one behaviour for every such table."""

from __future__ import annotations

from typing import Any

import pandas as pd
import panel as pn

MONEY = {"type": "money", "symbol": "$", "precision": 2}


def row_table(
    frame: pd.DataFrame,
    *,
    titles: dict[str, str],
    hidden: list[str],
    money: list[str],
    page_size: int,
    css_class: str,
    **options: Any,
) -> pn.widgets.Tabulator:
    """A read-only Tabulator of one selectable row per item, paged, its ``money`` columns in dollars.

    Cells show values as text (never markup), so rows may carry what an email said.
    """
    return pn.widgets.Tabulator(
        frame,
        disabled=True,
        show_index=False,
        hidden_columns=hidden,
        titles=titles,
        formatters=dict.fromkeys(money, MONEY),
        selectable=1,
        layout="fit_data_stretch",
        pagination="local",
        page_size=page_size,
        sizing_mode="stretch_width",
        css_classes=[css_class],
        **options,
    )
