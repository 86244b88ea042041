"""Catalog browsing: words, facets, ranges and stock filter the real (small) catalog as SQL would."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.catalog.browse import BrowseQuery, CatalogBrowser, DimensionRange
from pipeline.errors import CatalogError


def scalar(path: Path, expression: str, where: str = "TRUE") -> float:
    """What plain SQL on the catalog file says, to check the browser against."""
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(f"SELECT {expression} FROM parts WHERE {where}").fetchone()[0]


def count(path: Path, where: str) -> int:
    return int(scalar(path, "count(*)", where))


def test_no_filter_lists_the_first_parts_and_counts_them_all(catalog_browser: CatalogBrowser) -> None:
    result = catalog_browser.browse(BrowseQuery(limit=25))
    assert result.total == catalog_browser.count == 3_000
    assert len(result.parts) == 25 and result.parts["part_number"].is_monotonic_increasing
    assert sum(result.facets["family"].values()) == 3_000


def test_every_word_must_appear_in_part_number_grade_or_description(
    catalog_browser: CatalogBrowser, small_catalog_path: Path
) -> None:
    result = catalog_browser.browse(BrowseQuery(text="304  SHEET"))
    expected = count(
        small_catalog_path,
        "concat_ws(' ', part_number, grade, description) ILIKE '%304%'"
        " AND concat_ws(' ', part_number, grade, description) ILIKE '%sheet%'",
    )
    assert result.total == expected > 0
    assert all("304" in text and "sheet" in text.lower() for text in result.parts["description"])


def test_facets_filter_and_count_the_other_facets_choices(
    catalog_browser: CatalogBrowser, small_catalog_path: Path
) -> None:
    result = catalog_browser.browse(
        BrowseQuery(families=("aluminum",), forms=("plate", "sheet"), in_stock=True)
    )
    where = "family = 'aluminum' AND form IN ('plate', 'sheet') AND stock_qty > 0"
    assert result.total == count(small_catalog_path, where)
    assert set(result.parts["family"]) == {"aluminum"} and (result.parts["stock_qty"] > 0).all()
    # The family facet counts every family as if only the other filters applied: widening is one click.
    other_families = "form IN ('plate', 'sheet') AND stock_qty > 0"
    assert result.facets["family"]["aluminum"] == result.total
    assert sum(result.facets["family"].values()) == count(small_catalog_path, other_families)


def test_dimension_ranges_are_inclusive_inches(
    catalog_browser: CatalogBrowser, small_catalog_path: Path
) -> None:
    query = BrowseQuery(forms=("plate",), ranges=(DimensionRange("thickness", 0.25, 1.0),))
    result = catalog_browser.browse(query)
    assert result.total == count(small_catalog_path, "form = 'plate' AND thickness BETWEEN 0.25 AND 1.0")
    open_ended = catalog_browser.browse(BrowseQuery(ranges=(DimensionRange("diameter", low=6.0),)))
    assert open_ended.total == count(small_catalog_path, "diameter >= 6.0")


def test_typed_text_is_a_value_never_sql_or_a_wildcard(catalog_browser: CatalogBrowser) -> None:
    assert catalog_browser.browse(BrowseQuery(text="' OR 1=1 --")).total == 0
    assert catalog_browser.browse(BrowseQuery(text="%")).total == 0  # no part has a percent sign
    with pytest.raises(CatalogError, match="unknown dimension 'girth'"):
        catalog_browser.browse(BrowseQuery(ranges=(DimensionRange("girth", 1, 2),)))


def test_dimension_bounds_span_the_catalog(catalog_browser: CatalogBrowser, small_catalog_path: Path) -> None:
    low, high = catalog_browser.dimension_bounds()["diameter"]
    assert low == pytest.approx(scalar(small_catalog_path, "min(diameter)"))
    assert high == pytest.approx(scalar(small_catalog_path, "max(diameter)"))
