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


def test_a_typed_request_lists_the_matchers_parts_first_with_their_confidence(
    catalog_browser: CatalogBrowser,
) -> None:
    explorer = CatalogExplorer(browser=catalog_browser)
    explorer.text.value_input = "1-1/2 1018 round"
    shown = explorer.table.value
    assert list(shown.columns[:7]) == [
        "match",
        "part_number",
        "description",
        "unit_price",
        "uom",
        "stock_qty",
        "lead_time_days",
    ]
    assert shown["match"].iloc[0] > 0.9
    assert all('1-1/2"' in text for text in shown["description"])
    assert "Read as **1018 · bar round · diameter 1-1/2&quot;**" in explorer.summary.object


def test_a_search_that_finds_nothing_says_what_to_try(catalog_browser: CatalogBrowser) -> None:
    explorer = CatalogExplorer(browser=catalog_browser)
    explorer.text.value_input = "304 flurb"
    assert explorer.table.value.empty
    assert "**0 parts**" in explorer.summary.object and "No part has “flurb”" in explorer.summary.object


def test_a_word_no_part_has_is_named_when_the_rest_reads_as_a_request(
    catalog_browser: CatalogBrowser,
) -> None:
    explorer = CatalogExplorer(browser=catalog_browser)
    explorer.text.value_input = "304 flurb sheet"
    assert not explorer.table.value.empty
    assert "Read as **304 · sheet**" in explorer.summary.object
    assert "No part has “flurb”: read without it." in explorer.summary.object


def test_a_size_not_stocked_says_so_and_lists_the_nearest_sizes(catalog_browser: CatalogBrowser) -> None:
    explorer = CatalogExplorer(browser=catalog_browser)
    explorer.text.value_input = "1018 round 17"
    assert "no 1018 round bar is stocked near 17&quot;; the nearest are listed." in explorer.summary.object
    shown = explorer.table.value
    assert not shown.empty and set(shown["grade"]) == {"1018"}
    assert set(shown["form"]) == {"round bar"}  # in a desk's words
