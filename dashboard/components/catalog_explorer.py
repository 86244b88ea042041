"""The catalog explorer: free text and facets over the parts, the matching parts in a table.

Every change of a filter runs one ``CatalogBrowser.browse`` (a few milliseconds on 50,000 parts)
and updates the table, the count and the facet counts. The same component works in a notebook:
give it a ``CatalogBrowser`` of any catalog.
"""

from __future__ import annotations

from typing import Any

import panel as pn
import param
from panel.viewable import Viewer

from dashboard.components import panes, widgets
from pipeline.catalog.browse import BrowseQuery, BrowseResult, CatalogBrowser, DimensionRange
from pipeline.catalog.schema import FAMILIES, FORMS

RANGE_DIMENSIONS = ("thickness", "width", "length", "diameter", "outer_diameter", "wall_thickness")
TITLES = {
    "part_number": "Part",
    "description": "Description",
    "family": "Family",
    "grade": "Grade",
    "temper": "Temper",
    "form": "Form",
    "uom": "UOM",
    "unit_price": "Price",
    "stock_qty": "Stock",
    "lead_time_days": "Lead days",
}


def facet_options(values: list[str], counts: dict[str, int]) -> dict[str, str]:
    """Every value, labelled with how many parts it would give (0 when none)."""
    return {f"{value.replace('_', ' ')} ({counts.get(value, 0):,})": value for value in values}


def summary_text(result: BrowseResult, limit: int) -> str:
    shown = min(result.total, limit)
    more = f" (the first {shown:,} shown)" if result.total > shown else ""
    return f"**{result.total:,} parts**{more} · {result.elapsed_ms:.0f} ms"


class CatalogExplorer(Viewer):
    """Search words, family / form / grade facets, dimension ranges and in-stock, over the catalog."""

    browser = param.ClassSelector(class_=CatalogBrowser, doc="The catalog to explore (in memory).")
    limit = param.Integer(default=200, bounds=(1, 5000), doc="How many matching parts the table shows.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        first = self.browser.browse(BrowseQuery(limit=self.limit))
        self._grades = sorted(first.facets["grade"])
        self.text = widgets.SearchInput(label="Search", placeholder="e.g. 304 sheet 0.125")
        self.families = widgets.FacetChoice(label="Family", options=facet_options(list(FAMILIES), {}))
        self.forms = widgets.FacetChoice(label="Form", options=facet_options(list(FORMS), {}))
        self.grades = widgets.FacetChoice(label="Grade", options=facet_options(self._grades, {}))
        self.in_stock = widgets.FilterCheckbox(label="In stock only")
        bounds = self.browser.dimension_bounds()
        self.ranges = {
            name: pn.widgets.EditableRangeSlider(
                label=f"{name.replace('_', ' ').capitalize()} (in)",
                start=bounds[name][0],
                end=bounds[name][1],
                value=bounds[name],
                step=0.001,
            )
            for name in RANGE_DIMENSIONS
            if name in bounds
        }
        self.summary = panes.Markdown("", margin=(0, 10), css_classes=["od-catalog-summary"])
        self.table = pn.widgets.Tabulator(
            first.parts,
            disabled=True,
            show_index=False,
            titles=TITLES,
            formatters={"unit_price": {"type": "money", "symbol": "$", "precision": 2}},
            pagination="remote",  # the browser gets the page it shows, not every matching part
            page_size=20,
            layout="fit_data_stretch",
            sizing_mode="stretch_width",
            css_classes=["od-catalog"],
            height=770,  # fixed: Tabulator skips measuring itself on every new page (-15 ms a search)
        )
        inputs = [self.text, self.families, self.forms, self.grades, self.in_stock, *self.ranges.values()]
        for widget in inputs:
            widget.param.watch(self._refresh, "value")
        self.text.param.watch(self._refresh, "value_input")
        self._show(first)

    def query(self) -> BrowseQuery:
        """The filters as they are set now."""
        ranges = tuple(
            DimensionRange(name, *slider.value)
            for name, slider in self.ranges.items()
            if tuple(slider.value) != (slider.start, slider.end)
        )
        return BrowseQuery(
            text=self.text.value_input or self.text.value,
            families=tuple(self.families.value),
            grades=tuple(self.grades.value),
            forms=tuple(self.forms.value),
            ranges=ranges,
            in_stock=self.in_stock.value,
            limit=self.limit,
        )

    def _refresh(self, *_: param.parameterized.Event) -> None:
        self._show(self.browser.browse(self.query()))

    def _show(self, result: BrowseResult) -> None:
        self.table.value = result.parts
        self.summary.object = summary_text(result, self.limit)
        self.families.options = facet_options(list(FAMILIES), result.facets["family"])
        self.forms.options = facet_options(list(FORMS), result.facets["form"])
        self.grades.options = facet_options(self._grades, result.facets["grade"])

    def __panel__(self) -> pn.viewable.Viewable:
        filters = pn.Column(
            self.text,
            self.families,
            self.forms,
            self.grades,
            self.in_stock,
            pn.Card(*self.ranges.values(), title="Dimensions", collapsed=True, sizing_mode="stretch_width"),
            width=320,
        )
        return pn.Row(filters, pn.Column(self.summary, self.table, sizing_mode="stretch_width"))
