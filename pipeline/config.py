"""Where Order Desk keeps its files, read from the environment once per call.

``ORDERDESK_DATA_DIR`` (default ``./data``) holds the catalog and the ledger;
``ORDERDESK_CATALOG`` and ``ORDERDESK_LEDGER`` override each file on its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    catalog_path: Path
    ledger_path: Path

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = Path(os.environ.get("ORDERDESK_DATA_DIR", "data"))
        catalog = Path(os.environ.get("ORDERDESK_CATALOG", data_dir / "catalog.duckdb"))
        ledger = Path(os.environ.get("ORDERDESK_LEDGER", data_dir / "ledger.sqlite"))
        return cls(data_dir=data_dir, catalog_path=catalog, ledger_path=ledger)
