"""Shared fixtures. Keep this file small: fixtures used by one test module belong in that module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.catalog.browse import CatalogBrowser
from pipeline.catalog.generator import build_catalog
from pipeline.catalog.store import CatalogStore


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
