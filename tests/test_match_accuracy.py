"""Accuracy floors on a seeded request set against the test catalog: a correctness test, not timing.

The request set phrases catalog parts the way customers write and adds lines nothing fills; the
matcher must meet the benchmark's targets both from the lines as a perfect extraction would read
them and from the text as the extractor reads it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.catalog.store import CatalogStore
from pipeline.corpus.requests import BenchRequest, request_set
from pipeline.corpus.requests.evaluate import Accuracy, accuracy, outcome
from pipeline.corpus.requests.unstocked import Fillable
from pipeline.match import match_lines
from pipeline.match.reading import read_line
from pipeline.models import LineItem

LINES = 400


@pytest.fixture(scope="module")
def store(small_catalog_path: Path) -> CatalogStore:
    return CatalogStore(small_catalog_path)


@pytest.fixture(scope="module")
def parts(store: CatalogStore) -> pd.DataFrame:
    return store.cursor().execute("SELECT * FROM parts ORDER BY part_number").df()


@pytest.fixture(scope="module")
def requests(parts: pd.DataFrame) -> list[BenchRequest]:
    return request_set(parts, LINES, seed=3)


def _figures(store: CatalogStore, requests: list[BenchRequest], items: list[LineItem]) -> Accuracy:
    results = {}
    for start in range(0, len(items), 8):  # orders of 8 lines
        results |= match_lines(store, items[start : start + 8])
    return accuracy([outcome(r, results[r.item.line_no]) for r in requests])


def test_the_request_set_is_deterministic_and_mixed(
    parts: pd.DataFrame, requests: list[BenchRequest]
) -> None:
    again = request_set(parts, LINES, seed=3)
    assert [r.text for r in again] == [r.text for r in requests]
    kinds = {r.kind for r in requests}
    assert {"stock", "cut", "equivalent", "part_number_typo", "no_temper"} <= kinds
    assert any(k.startswith("no_match") for k in kinds)
    assert all(r.accept or r.kind.startswith("no_match") for r in requests)


def test_lines_meant_to_have_no_match_really_cannot_be_filled(
    parts: pd.DataFrame, requests: list[BenchRequest]
) -> None:
    fillable = Fillable(parts)
    for request in requests:
        item = request.item
        if request.accept or item.form is None:
            continue
        section = {k: v for k, v in item.dimensions.items() if k != "length"}
        assert not fillable(item.grade or "", item.form, section, item.dimensions.get("length")), request.text


def test_the_matcher_meets_the_targets_on_structured_lines(
    store: CatalogStore, requests: list[BenchRequest]
) -> None:
    figures = _figures(store, requests, [r.item for r in requests])
    assert figures.top1 >= 0.95
    assert figures.top5 >= 0.99
    assert figures.no_match_precision >= 0.95 and figures.no_match_recall >= 0.95
    assert figures.confident_accuracy >= 0.97


def test_text_lines_read_by_the_extractor_meet_the_targets_too(
    store: CatalogStore, requests: list[BenchRequest]
) -> None:
    """End to end — the customer's text read by the extractor, then matched — as the desk gets it."""
    figures = _figures(store, requests, [read_line(r.text, r.item.line_no) for r in requests])
    assert figures.top1 >= 0.95
    assert figures.top5 >= 0.99
    assert figures.no_match_precision >= 0.95 and figures.no_match_recall >= 0.95
    assert figures.confident_accuracy >= 0.97
