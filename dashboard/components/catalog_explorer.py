"""The catalog explorer: free text and facets over the parts, the matching parts in a table.

Typed text is first read as an order line is (``pipeline.match.lookup``, as ``pipeline search``
reads it): when it names a form, the table lists the parts the matcher ranks for it, best first
— "1-1/2 1018 round" gives 1-1/2" bars, never 11-1/2" ones; otherwise every typed word must
appear in the part. Every change of a filter runs one ``CatalogBrowser.browse`` (a few
milliseconds on 50,000 parts) and updates the table, the count and the facet counts; a search
that finds nothing says why and what to try. The same component works in a notebook: give it a
``CatalogBrowser`` of any catalog.
"""

from __future__ import annotations

from html import escape
from typing import Any

import pandas as pd
import panel as pn
import param
from panel.viewable import Viewer

from dashboard.components import panes, widgets
from dashboard.components.tables import confidence_format, count_format, fitted_table, money_format
from pipeline.catalog.browse import BrowseQuery, BrowseResult, CatalogBrowser, DimensionRange
from pipeline.catalog.schema import FAMILIES, FORMS
from pipeline.match.lookup import Lookup, lookup, reading_text
from pipeline.words import form_words

RANGE_DIMENSIONS = ("thickness", "width", "length", "diameter", "outer_diameter", "wall_thickness")
# What a desk reads first comes first, so price and stock are on screen at 1440 px.
TITLES = {
    "match": "Match",
    "part_number": "Part",
    "description": "Description",
    "unit_price": "Price",
    "uom": "UOM",
    "stock_qty": "Stock",
    "lead_time_days": "Lead days",
    "grade": "Grade",
    "form": "Form",
}  # family and temper are in the description (and the family a facet)
# Fixed widths for the short columns; the description takes the rest. Both it and the part wrap.
WIDTHS = {
    "match": 88, "part_number": 205, "unit_price": 95, "uom": 76, "stock_qty": 84, "lead_time_days": 124,
    "grade": 85, "form": 110,
}  # fmt: skip
FITTING_LIMIT = 200  # parts that fill a typed request, listed after the matcher's top answers


def facet_options(values: list[str], counts: dict[str, int]) -> dict[str, str]:
    """Every value, labelled with how many parts it would give (0 when none)."""
    return {f"{value.replace('_', ' ')} ({counts.get(value, 0):,})": value for value in values}


def summary_text(result: BrowseResult, limit: int, found: Lookup | None, hints: list[str]) -> str:
    """The count, what a typed request was read as, and when nothing is found, what to try."""
    shown = min(result.total, limit)
    more = f" (the first {shown:,} shown)" if result.total > shown else ""
    text = f"**{result.total:,} parts**{more} · {result.elapsed_ms:.0f} ms"
    if found is not None and found.understood:
        text += f"  \nRead as **{escape(reading_text(found.item))}**, as an order line is"
        text += (
            f": {escape(found.explanation)}; the nearest are listed."
            if found.explanation
            else ", best first."
        )
    return "  \n".join([text, *(escape(hint) for hint in hints)])


def parts_frame(parts: pd.DataFrame, found: Lookup | None) -> pd.DataFrame:
    """The parts in the table's column order, with the matcher's confidence where it gave one and
    the form in a desk's words."""
    confidence = {c.part_number: c.confidence for c in found.ranked} if found is not None else {}
    frame = parts.assign(
        match=parts["part_number"].map(confidence).astype("float64"), form=parts["form"].map(form_words)
    )
    return frame[list(TITLES)]


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
        self.table = fitted_table(
            parts_frame(first.parts, None),
            css_class="od-catalog",
            wrapped=("part_number", "description", "form"),  # the size at the description's end shows
            titles=TITLES,
            formatters={
                "match": confidence_format(),
                "unit_price": money_format(),
                "stock_qty": count_format(),
                "lead_time_days": count_format(),
            },
            widths=WIDTHS,
            pagination="remote",  # the browser gets the page it shows, not every matching part
            page_size=20,
            height=770,  # fixed: Tabulator skips measuring itself on every new page (-15 ms a search)
        )
        inputs = [self.text, self.families, self.forms, self.grades, self.in_stock, *self.ranges.values()]
        for widget in inputs:
            widget.param.watch(self._refresh, "value")
        self.text.param.watch(self._refresh, "value_input")
        self._show(first, None)

    def query(self, found: Lookup | None = None) -> BrowseQuery:
        """The filters as they are set now; ``found``: the typed text read as a request."""
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
            ranked=found.part_numbers if found is not None and found.understood else (),
        )

    def read(self) -> Lookup | None:
        """The typed text read and matched as an order line (None when nothing is typed)."""
        text = (self.text.value_input or self.text.value).strip()
        return lookup(self.browser.store, text, FITTING_LIMIT) if text else None

    def _refresh(self, *_: param.parameterized.Event) -> None:
        found = self.read()
        self._show(self.browser.browse(self.query(found)), found)

    def _show(self, result: BrowseResult, found: Lookup | None) -> None:
        hints = self.browser.why_empty(self.query(found)) if not result.total else []
        if result.total and found is not None and (unknown := self.browser.unknown_words(found.text)):
            hints = [f"No part has {', '.join(f'“{word}”' for word in unknown)}: read without it."]
        frame = parts_frame(result.parts, found)
        summary = summary_text(result, self.limit, found, hints)
        # The parts and their count go out as one message (each change went out as its own, six
        # a keystroke); the facets' new counts follow in the next: rebuilding three choice lists
        # in the browser took a third of a keystroke's time, before the parts were drawn.
        with pn.io.hold():
            self.table.value = frame
            self.summary.object = summary
        pn.state.execute(lambda: self._show_facets(result.facets), schedule=True)

    def _show_facets(self, facets: dict[str, dict[str, int]]) -> None:
        with pn.io.hold():
            self.families.options = facet_options(list(FAMILIES), facets["family"])
            self.forms.options = facet_options(list(FORMS), facets["form"])
            self.grades.options = facet_options(self._grades, facets["grade"])

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
