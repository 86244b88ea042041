"""Many threads matching on one store at once get what one thread gets (index built once, under a lock)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.catalog.search import attribute_index, search_text
from pipeline.catalog.store import CatalogStore
from pipeline.match import match_lines
from pipeline.models import LineItem

THREADS = 16

SHEET = {"thickness": 0.125, "width": 48.0, "length": 96.0}
LINES = [
    LineItem(1, "304 sheet .125 x 48 x 96", grade="304", form="sheet", dimensions=SHEET),
    LineItem(2, "2507 round 2", grade="2507", form="bar_round", dimensions={"diameter": 2.0}),
    LineItem(
        3, "20 pcs 1018 rd 1 x 6", grade="1018", form="bar_round", dimensions={"diameter": 1.0, "length": 6.0}
    ),
    LineItem(4, "pls send SS304-SH-0125-4896-2C"),
    LineItem(5, "some stainless thing"),
]


def _answers(store: CatalogStore) -> list[tuple]:
    results = match_lines(store, LINES)
    answer = [
        (r.status, [(c.part_number, c.confidence, tuple(c.reasons)) for c in r.candidates])
        for r in results.values()
    ]
    return [*answer, [hit.part_number for hit in search_text(store, "316L round bar 1 inch", 5)]]


def test_concurrent_first_use_and_matching_agree_with_a_single_thread(small_catalog_path: Path) -> None:
    expected = _answers(CatalogStore(small_catalog_path))
    shared = CatalogStore(small_catalog_path)  # fresh: the threads race to build its indexes
    with ThreadPoolExecutor(THREADS) as pool:
        answers = list(pool.map(lambda _: _answers(shared), range(THREADS * 4)))
    assert all(answer == expected for answer in answers)
    assert attribute_index(shared) is attribute_index(shared)  # built once, shared
