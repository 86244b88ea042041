"""Structures derived from the catalog (search indexes) are built once and never block each other."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.catalog.store import CatalogStore


def test_a_slow_build_does_not_hold_up_readers_of_another_structure(small_catalog_path: Path) -> None:
    store = CatalogStore(small_catalog_path)
    store.derived("fast", lambda s: s.count())
    started, release = threading.Event(), threading.Event()

    def slow(s: CatalogStore) -> str:
        started.set()
        assert release.wait(timeout=30)
        return "built"

    with ThreadPoolExecutor(2) as pool:
        building = pool.submit(store.derived, "slow", slow)
        assert started.wait(timeout=30)
        assert pool.submit(store.derived, "fast", lambda s: -1).result(timeout=30) == 3_000
        release.set()
        assert building.result(timeout=30) == "built"


def test_many_threads_build_a_structure_once(small_catalog_path: Path) -> None:
    store, calls = CatalogStore(small_catalog_path), []

    def build(s: CatalogStore) -> object:
        calls.append(threading.get_ident())
        return object()

    with ThreadPoolExecutor(16) as pool:
        built = list(pool.map(lambda _: store.derived("index", build), range(64)))
    assert len(calls) == 1 and all(value is built[0] for value in built)
