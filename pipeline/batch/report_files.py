"""Reports as files: JSON for scripts (summary plus rows), CSV for spreadsheets (rows only)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from pipeline.errors import OrderDeskError


def write_rows(
    path: str | Path, rows: list[dict[str, Any]], fieldnames: list[str], summary: dict[str, Any], key: str
) -> Path:
    """Write ``{"summary": summary, key: rows}`` to a ``.json`` path, or ``rows`` to a ``.csv`` path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise OrderDeskError(f"report {path}: use a file name ending in .json or .csv")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".json":
        path.write_text(json.dumps({"summary": summary, key: rows}, indent=2) + "\n", encoding="utf-8")
        return path
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    return path
