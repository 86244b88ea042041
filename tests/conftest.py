"""Shared fixtures. Keep this file small: fixtures used by one test module belong in that module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.catalog.browse import CatalogBrowser
from pipeline.catalog.generator import build_catalog
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.context import open_order_service, open_runner
from pipeline.customers.samples import load_sample_customers
from pipeline.ledger import Ledger
from pipeline.orders import OrderService
from pipeline.runner import Runner

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"

# Property tests: the same examples on every run by default (CI is deterministic); the deadline is
# the bound on one input's time, generous for a loaded 2-core machine (the readers and the extractor
# take at most ~70 ms per example here). HYPOTHESIS_PROFILE=explore draws new examples, many more.
settings.register_profile("ci", derandomize=True, database=None, deadline=2_000, print_blob=True)
settings.register_profile("explore", max_examples=2_000, deadline=2_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def small_catalog_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3,000-part catalog (seed 42), built once per session. Open it read-only; don't modify it.

    It holds every staple size (the first tier of the sample) and is an exact subset of the
    50,000-part catalog built with the same seed.
    """
    path = tmp_path_factory.mktemp("catalog") / "catalog.duckdb"
    build_catalog(path, n=3_000, seed=42)
    return path


@pytest.fixture(scope="session")
def catalog_browser(small_catalog_path: Path) -> Iterator[CatalogBrowser]:
    """The small catalog loaded into a catalog browser (the explorer's queries), once per session."""
    store = CatalogStore(small_catalog_path)
    browser = CatalogBrowser(store)
    yield browser
    browser.close()
    store.close()


@pytest.fixture(scope="session")
def full_catalog_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 50,000-part catalog (seed 42), built once per session (about 3 s): every stock size
    of a line, several mills per item — what matching behaviour is about. Open it read-only."""
    path = tmp_path_factory.mktemp("full_catalog") / "catalog.duckdb"
    build_catalog(path, n=50_000, seed=42)
    return path


@dataclass
class Desk:
    """A working order desk on the small catalog and a fresh ledger holding the sample customers."""

    settings: Settings
    runner: Runner
    service: OrderService

    @property
    def ledger(self) -> Ledger:
        return self.runner.ledger

    def process(self, name: str, text: str | None = None, *, force: bool = False) -> str:
        """Process a sample (or ``text`` under that name); returns the order id."""
        data = text.encode() if text is not None else (SAMPLES / name).read_bytes()
        state = self.runner.process(name, data, force=force)
        assert state.order is not None, self.ledger.job(state.job_id).error
        return state.order.order_id


@pytest.fixture
def desk_settings(small_catalog_path: Path, tmp_path: Path) -> Settings:
    """Default rules, the small catalog, and a ledger and outbox under ``tmp_path``."""
    return Settings(
        data_dir=tmp_path, catalog_path=small_catalog_path, ledger_path=tmp_path / "ledger.sqlite"
    )


@pytest.fixture
def desk(desk_settings: Settings) -> Desk:
    runner = open_runner(desk_settings)
    load_sample_customers(runner.ledger)
    return Desk(desk_settings, runner, open_order_service(runner=runner))
