"""A catalog rebuilt at its path while threads search it: they move to the new file, no error."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from pipeline.catalog.generator import build_catalog
from pipeline.catalog.search import search_text
from pipeline.catalog.store import CatalogStore
from pipeline.match.reading import match_texts

SIZES = (1_000, 1_500, 2_000)  # one catalog per build, so each build's count tells which file was read


class Searcher(threading.Thread):
    """Matches a line and runs a free-text search in a loop, noting each catalog size it saw."""

    def __init__(self, store: CatalogStore) -> None:
        super().__init__(daemon=True)
        self.store = store
        self.seen: list[int] = []
        self.errors: list[Exception] = []
        self.searches = 0
        self.stop = threading.Event()
        self.changed = threading.Condition()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                [(_, result)] = match_texts(self.store, ["10 pcs 304 stainless sheet 1/8 x 48 x 96"])
                assert result.ranked and search_text(self.store, "304 sheet")
                count = self.store.count()
            except Exception as error:  # every failure is the finding: kept for the main thread
                self.errors.append(error)
                return
            self.searches += 1
            with self.changed:
                if not self.seen or self.seen[-1] != count:
                    self.seen.append(count)
                self.changed.notify_all()

    def wait_for(self, count: int) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: count in self.seen or bool(self.errors), timeout=60)


@pytest.mark.slow
def test_a_rebuild_under_searching_threads_switches_them_to_the_new_catalog(tmp_path: Path) -> None:
    path = tmp_path / "catalog.duckdb"
    build_catalog(path, n=SIZES[0], seed=1)
    store = CatalogStore(path)
    searchers = [Searcher(store) for _ in range(2)]
    try:
        for searcher in searchers:
            searcher.start()
            assert searcher.wait_for(SIZES[0]), searcher.errors
        for number, size in enumerate(SIZES[1:], start=2):
            build_catalog(path, n=size, seed=number)  # `catalog build --out` the same path
            for searcher in searchers:
                assert searcher.wait_for(size), searcher.errors
    finally:
        for searcher in searchers:
            searcher.stop.set()
            searcher.join(timeout=60)
    for searcher in searchers:
        assert not searcher.errors, searcher.errors
        assert searcher.seen == list(SIZES)  # each file in turn, never back to an old one
    assert store.generation == len(SIZES) - 1
    store.close()


def test_a_rebuild_that_cannot_be_opened_leaves_the_store_on_the_old_catalog(tmp_path: Path) -> None:
    path = tmp_path / "catalog.duckdb"
    build_catalog(path, n=SIZES[0], seed=1)
    store = CatalogStore(path)
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a database" * 100)
    broken.replace(path)
    assert (store.count(), store.generation) == (SIZES[0], 0)
    build_catalog(path, n=SIZES[1], seed=2)  # the next good build is picked up
    assert (store.count(), store.generation) == (SIZES[1], 1)
    store.close()


@pytest.mark.slow
def test_a_catalog_rebuilt_under_a_running_server_is_what_its_next_jobs_use(tmp_path: Path) -> None:
    """``catalog build --out`` the served path: the next job is priced from the new file, as
    ``process --json`` on that file says, not from the one the server opened."""
    from tests.ui.emails import SAMPLES, comparable, expected_orders, ledger_copy, tagged_copy
    from tests.ui.harness import DeskServer
    from tests.ui.test_http_fallback import follow, post_files, request

    catalog, opened = tmp_path / "catalog.duckdb", tmp_path / "opened.duckdb"
    build_catalog(catalog, n=3_000, seed=42)
    shutil.copy(catalog, opened)
    server = DeskServer(catalog, tmp_path / "ledger.sqlite", tmp_path / "server.log").start()
    try:

        def run(path: Path) -> dict:
            status, answer = post_files(server, [(path.name, path.read_bytes())])
            assert status == 201, answer
            job_id = answer["jobs"][0]["job_id"]
            follow(server, job_id)
            return request(server, f"/api/jobs/{job_id}")[1]

        assert run(tagged_copy(SAMPLES / "sample_order_1.txt", tmp_path))["status"] == "done"
        email = tagged_copy(SAMPLES / "sample_order_1.txt", tmp_path)
        on_new, on_old = ledger_copy(server.ledger, tmp_path), ledger_copy(server.ledger, tmp_path)
        build_catalog(catalog, n=3_000, seed=7)  # same parts, other prices and stock
        served = run(email)
        assert served["status"] == "done", served["error"]
        assert comparable(served["order"]) == comparable(
            expected_orders([email], catalog, on_new)[email.name]
        )
        assert comparable(served["order"]) != comparable(expected_orders([email], opened, on_old)[email.name])
    finally:
        server.stop()
    assert "Traceback" not in server.log()
