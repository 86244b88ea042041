"""Fixtures shared by every test tier: a small real catalog, built once per session by the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SMALL_CATALOG_PARTS = 3000


@pytest.fixture(scope="session")
def small_catalog_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3,000-part catalog from the real generator (deterministic), shared read-only by all tests."""
    path = tmp_path_factory.mktemp("catalog") / "catalog.duckdb"
    command = [sys.executable, "-m", "pipeline", "catalog", "build"]
    command += ["--parts", str(SMALL_CATALOG_PARTS), "--out", str(path)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and path.exists(), f"catalog build failed: {result.stderr or result.stdout}"
    return path
