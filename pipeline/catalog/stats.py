"""What a catalog holds: totals by family and form, price range, and how it was made."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def _counts(store: CatalogStore, column: str) -> dict[str, int]:
    rows = store.cursor().execute(
        f"SELECT {column}, count(*) AS n FROM parts GROUP BY {column} ORDER BY n DESC, {column}"
    )
    return {name: int(count) for name, count in rows.fetchall()}


def _info(store: CatalogStore) -> dict[str, str]:
    tables = {row[0] for row in store.cursor().execute("SHOW TABLES").fetchall()}
    if "catalog_info" not in tables:  # a catalog written by something other than write_parts
        return {}
    return dict(store.cursor().execute("SELECT key, value FROM catalog_info ORDER BY key").fetchall())


def catalog_stats(path: str | Path) -> CatalogStats:
    """Open the catalog read-only and summarise it (raises CatalogError if it is missing)."""
    store = CatalogStore(path)
    try:
        total, low, high = (
            store.cursor().execute("SELECT count(*), min(unit_price), max(unit_price) FROM parts").fetchone()
        )
        return CatalogStats(
            path=Path(path),
            total=int(total),
            by_family=_counts(store, "family"),
            by_form=_counts(store, "form"),
            price_min=float(low or 0),
            price_max=float(high or 0),
            info=_info(store),
        )
    finally:
        store.close()
