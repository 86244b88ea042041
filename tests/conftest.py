"""Shared fixtures. Keep this file small: fixtures used by one test module belong in that module."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.catalog.generator import build_catalog


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
def full_catalog_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 50,000-part catalog (seed 42), built once per session (about 3 s): every stock size
    of a line, several mills per item — what matching behaviour is about. Open it read-only."""
    path = tmp_path_factory.mktemp("full_catalog") / "catalog.duckdb"
    build_catalog(path, n=50_000, seed=42)
    return path
