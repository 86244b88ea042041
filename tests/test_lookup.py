"""A typed request read and ranked as an order line is, by ``pipeline search`` and the explorer alike."""

from __future__ import annotations

from pathlib import Path

from pipeline.catalog.browse import BrowseQuery, CatalogBrowser
from pipeline.catalog.store import CatalogStore
from pipeline.match.lookup import lookup, reading_text
from tests.cli import run_cli


def test_a_fraction_size_is_read_as_the_size_not_part_of_a_bigger_one(small_catalog_path: Path) -> None:
    found = lookup(CatalogStore(small_catalog_path), "1-1/2 1018 round", limit=200)
    assert found.understood and found.status == "matched"
    assert reading_text(found.item) == '1018 · bar round · diameter 1-1/2"'
    assert found.part_numbers[0] == found.ranked[0].part_number
    words = CatalogBrowser(CatalogStore(small_catalog_path)).browse(BrowseQuery(text="1-1/2 1018 round"))
    assert any('11-1/2"' in text for text in words.parts["description"])  # what the words alone find
    shown = CatalogBrowser(CatalogStore(small_catalog_path)).browse(
        BrowseQuery(text="1-1/2 1018 round", ranked=found.part_numbers)
    )
    assert list(shown.parts["part_number"]) == list(found.part_numbers)
    assert all('1-1/2"' in text and '11-1/2"' not in text for text in shown.parts["description"])


def test_an_angle_is_ranked_by_its_legs_and_thickness(small_catalog_path: Path) -> None:
    found = lookup(CatalogStore(small_catalog_path), "6061 angle 2 x 2 x 1/4", limit=200)
    best = found.ranked[0]
    assert (best.grade, best.form) == ("6061", "angle")
    assert {best.dimensions[name] for name in ("leg1", "leg2")} == {2.0} and best.dimensions[
        "thickness"
    ] == 0.25


def test_the_command_line_search_lists_what_lookup_ranks(small_catalog_path: Path) -> None:
    for text in ("1-1/2 1018 round", "6061 angle 2 x 2 x 1/4", "1018 round 17"):
        found = lookup(CatalogStore(small_catalog_path), text)
        result = run_cli(["search", *text.split()], env={"ORDERDESK_CATALOG": str(small_catalog_path)})
        assert result.returncode == 0, result.stderr
        listed = [
            line.split()[2] for line in result.stdout.splitlines() if line.startswith(" ") and "." in line[:6]
        ]
        assert listed == [c.part_number for c in found.ranked][:10], text


def test_no_match_names_why_and_offers_the_nearest_sizes(small_catalog_path: Path) -> None:
    found = lookup(CatalogStore(small_catalog_path), "1018 round 17", limit=200)
    assert found.status == "no_match" and "17" in (found.explanation or "")
    assert found.ranked and all(c.match_kind == "alternative" for c in found.ranked)
    assert found.fitting == ()


def test_an_empty_search_says_which_words_no_part_has(catalog_browser: CatalogBrowser) -> None:
    query = BrowseQuery(text="304 flurb sheet")
    assert catalog_browser.browse(query).total == 0
    (hint,) = catalog_browser.why_empty(query)
    assert "“flurb”" in hint and "“304”" not in hint


def test_an_empty_search_names_the_filters_that_leave_nothing(catalog_browser: CatalogBrowser) -> None:
    query = BrowseQuery(text="304 sheet", families=("brass",), in_stock=True)
    assert catalog_browser.browse(query).total == 0
    (hint,) = catalog_browser.why_empty(query)
    words_alone = catalog_browser.browse(BrowseQuery(text="304 sheet")).total
    assert hint == f"{words_alone:,} parts match without the family, in stock only filter(s): clear one."
