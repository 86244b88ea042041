"""What a catalog holds: totals by family and form, price range, and how it was made."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.catalog.store import CatalogStore


@dataclass(frozen=True)
class CatalogStats:
    path: Path
    total: int
    by_family: dict[str, int]
    by_form: dict[str, int]
    price_min: float
    price_max: float
    info: dict[str, str]


def _counts(cursor: duckdb.DuckDBPyConnection, column: str) -> dict[str, int]:
    rows = cursor.execute(
        f"SELECT {column}, count(*) AS n FROM parts GROUP BY {column} ORDER BY n DESC, {column}"
    )
    return {name: int(count) for name, count in rows.fetchall()}


def _info(cursor: duckdb.DuckDBPyConnection) -> dict[str, str]:
    tables = {row[0] for row in cursor.execute("SHOW TABLES").fetchall()}
    if "catalog_info" not in tables:  # a catalog written by something other than write_parts
        return {}
    return dict(cursor.execute("SELECT key, value FROM catalog_info ORDER BY key").fetchall())


def summarize(cursor: duckdb.DuckDBPyConnection, path: Path) -> CatalogStats:
    """Stats of the catalog open on ``cursor`` (``path`` is only reported)."""
    total, low, high = cursor.execute(
        "SELECT count(*), min(unit_price), max(unit_price) FROM parts"
    ).fetchone()
    return CatalogStats(
        path=path,
        total=int(total),
        by_family=_counts(cursor, "family"),
        by_form=_counts(cursor, "form"),
        price_min=float(low or 0),
        price_max=float(high or 0),
        info=_info(cursor),
    )


def catalog_stats(path: str | Path) -> CatalogStats:
    """Open the catalog read-only and summarise it (raises CatalogError if it is missing)."""
    store = CatalogStore(path)
    try:
        return summarize(store.cursor(), Path(path))
    finally:
        store.close()
