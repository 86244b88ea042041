"""Write a parts table to a new DuckDB file, then swap it in atomically.

A server holds the catalog open read-only; DuckDB would refuse a writer on that file, and
rewriting it in place would pull rows from under the reader. So the table is built in a temporary
file in the same directory and ``os.replace``-d over the target: open readers keep the old inode,
new readers get the new file, and a failed build leaves the old catalog untouched.

An open ``CatalogStore`` notices the swap and reads the new file from its next query on (see
``pipeline.catalog.store``); other processes opening the path see the new file at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.catalog.schema import PARTS_DDL
from pipeline.catalog.stats import CatalogStats, summarize
from pipeline.errors import CatalogError

# Rows are stored grouped by form and grade, then by size, so DuckDB's per-row-group min/max
# statistics let a (form, grade, dimension) filter skip most of the file.
MAIN_DIMENSION = "coalesce(thickness, diameter, outer_diameter, side, across_flats, height, leg1)"
STORAGE_ORDER = f"form, grade, {MAIN_DIMENSION}, part_number"
INFO_DDL = "CREATE TABLE catalog_info (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)"


def _columns_of(ddl: str) -> tuple[str, ...]:
    """The column names a CREATE TABLE statement defines, in order (asked of DuckDB, not parsed)."""
    connection = duckdb.connect()
    try:
        connection.execute(ddl)
        return tuple(column[0] for column in connection.execute("SELECT * FROM parts LIMIT 0").description)
    finally:
        connection.close()


PARTS_COLUMNS: tuple[str, ...] = _columns_of(PARTS_DDL)


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def _remove(path: Path) -> None:
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)


def _fill(connection: duckdb.DuckDBPyConnection, parts: pd.DataFrame, info: Mapping[str, str]) -> None:
    """Create the tables and insert the DataFrame in one vectorised statement (no row loop)."""
    connection.execute(PARTS_DDL)
    columns = [column[0] for column in connection.execute("SELECT * FROM parts LIMIT 0").description]
    missing = [name for name in columns if name not in parts.columns]
    if missing:
        raise CatalogError(f"cannot write catalog: the parts data lacks column(s) {', '.join(missing)}")
    connection.register("incoming", parts[columns])
    connection.execute(
        f"INSERT INTO parts SELECT {', '.join(columns)} FROM incoming ORDER BY {STORAGE_ORDER}"
    )
    connection.unregister("incoming")
    connection.execute(INFO_DDL)
    connection.executemany("INSERT INTO catalog_info VALUES (?, ?)", sorted(info.items()))


def _export_parquet(connection: duckdb.DuckDBPyConnection, parquet: Path) -> None:
    parquet.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(parquet)
    temporary.unlink(missing_ok=True)
    connection.execute(
        f"COPY (SELECT * FROM parts ORDER BY {STORAGE_ORDER}) TO ? (FORMAT parquet)", [str(temporary)]
    )
    os.replace(temporary, parquet)


def write_parts(
    parts: pd.DataFrame, path: str | Path, info: Mapping[str, str], parquet: str | Path | None = None
) -> CatalogStats:
    """Write ``parts`` as the ``parts`` table of a fresh catalog at ``path`` (and optionally Parquet).

    Returns the stats of what was written, read before the swap (see the module note on reopening).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(path)
    _remove(temporary)
    try:
        connection = duckdb.connect(str(temporary))
        try:
            _fill(connection, parts, info)
            if parquet is not None:
                _export_parquet(connection, Path(parquet))
            stats = summarize(connection, path)
        finally:
            connection.close()
        os.replace(temporary, path)
    except duckdb.Error as error:
        raise CatalogError(f"cannot write catalog {path}: {error}") from error
    finally:
        _remove(temporary)
    return stats
