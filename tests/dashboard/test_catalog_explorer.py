"""The catalog explorer's widgets drive a real catalog browser; facet labels carry their counts."""

from __future__ import annotations

from dashboard.components import CatalogExplorer
from dashboard.components.catalog_explorer import facet_options
from pipeline.catalog.browse import CatalogBrowser


def test_typing_and_picking_facets_narrow_the_table(catalog_browser: CatalogBrowser) -> None:
    explorer = CatalogExplorer(browser=catalog_browser, limit=50)
    assert len(explorer.table.value) == 50 and "3,000 parts" in explorer.summary.object
    explorer.text.value_input = "304"
    explorer.forms.value = ["sheet"]
    shown = explorer.table.value
    assert len(shown) > 0 and set(shown["form"]) == {"sheet"}
    assert all("304" in part for part in shown["part_number"])
    assert explorer.query().forms == ("sheet",) and explorer.query().text == "304"


def test_a_range_left_at_its_full_extent_is_no_filter(catalog_browser: CatalogBrowser) -> None:
    explorer = CatalogExplorer(browser=catalog_browser)
    assert explorer.query().ranges == ()
    slider = explorer.ranges["thickness"]
    slider.value = (0.25, 0.5)
    (thickness,) = explorer.query().ranges
    assert (thickness.name, thickness.low, thickness.high) == ("thickness", 0.25, 0.5)


def test_facet_labels_count_what_each_choice_would_give() -> None:
    assert facet_options(["stainless_steel", "brass"], {"brass": 1234}) == {
        "stainless steel (0)": "stainless_steel",
        "brass (1,234)": "brass",
    }
