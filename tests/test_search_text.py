"""Free-text search and part-number lookup: tokens that keep what identifies metal, BM25 ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.catalog.search import attribute_index, search_text
from pipeline.catalog.search.part_numbers import lookup, part_numbers_in
from pipeline.catalog.search.text import query_tokens, tokens
from pipeline.catalog.search.wording import condition_in, designation_in, finish_in
from pipeline.catalog.store import CatalogStore


@pytest.fixture(scope="module")
def store(small_catalog_path: Path) -> CatalogStore:
    return CatalogStore(small_catalog_path)


def test_tokens_keep_grades_decimals_and_fractions_as_one_number() -> None:
    assert tokens("316L 17-4 PH .065 wall 0.0650") == [
        "316l",
        "17-4ph",
        "17",
        "4ph",
        "0.065",
        "wall",
        "0.065",
    ]
    assert tokens('6061-T6 1-1/2" x 12 ft #4') == ["6061-t6", "6061", "t6", "1.5", "x", "144", "#4"]
    assert query_tokens("SS rod") == ["stainless", "round", "bar"]


def test_bm25_ranks_the_described_part_first(store: CatalogStore) -> None:
    number = "SS304-SH-0125-4896-2B"
    assert attribute_index(store).position(number) is not None
    hits = search_text(store, "304 stainless sheet .125 x 48 x 96", limit=5)
    assert hits[0].part_number == number
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_words_the_catalog_never_uses_find_nothing(store: CatalogStore) -> None:
    assert search_text(store, "zzz qqq") == []


def test_part_number_shapes_are_recognised_in_a_line() -> None:
    text = "pls send 4 ea SS304-SH-0125-4896-2B and CSA36-CH-C6X8.2-144-RUS. thanks"
    assert part_numbers_in(text) == ["SS304-SH-0125-4896-2B", "CSA36-CH-C6X8.2-144-RUS"]
    assert part_numbers_in("10 pcs 304 sheet 0.125 x 48 x 96, PO 4471-22") == []


def test_a_part_number_is_found_exactly_or_within_two_edits(store: CatalogStore) -> None:
    number = "SS304-SH-0125-4896-2B"
    assert [(h.part_number, h.edits) for h in lookup(store, number)] == [(number, 0)]
    assert [(h.part_number, h.edits) for h in lookup(store, "SS304-SH-0125-4896-2C")] == [(number, 1)]
    assert [(h.part_number, h.edits) for h in lookup(store, "SS304-SH-0125-9846-2B")] == [(number, 2)]
    assert lookup(store, "SS304-SH-0125-0000-ZZ") == []


def test_an_ambiguous_typo_returns_every_equally_near_part(store: CatalogStore) -> None:
    index = attribute_index(store)
    near = [n for n in ("SS316-RB-0250-144-CF", "SS316-RB-0750-144-CF") if index.position(n) is not None]
    assert len(near) == 2
    found = {h.part_number for h in lookup(store, "SS316-RB-0X50-144-CF")}  # one edit from both
    assert found == set(near)


def test_finish_condition_and_designations_are_read_in_the_catalogs_words() -> None:
    assert finish_in("1008 sheet hot rolled P&O 0.1196") == "hot rolled P&O"  # not just "hot rolled"
    assert finish_in("316 bar CG 1 inch") == "centerless ground"
    assert finish_in("304 round bar 2 dia") is None  # "bar" is not the BA finish
    assert condition_in("17-4PH H-1150 round") == "H1150"
    assert condition_in("718 sheet solution treated") == "solution annealed"
    assert condition_in("6061-T651 plate") == "T651"
    assert designation_in("W8x31 A992 x 20 ft", "beam_i") == {
        "height": 8.0,
        "width": 8.0,
        "weight_per_foot": 31,
    }
    assert designation_in("C4 x 5.4 channel", "channel") == {"height": 4, "width": 1.58, "thickness": 0.184}
