"""Read access to the DuckDB parts catalog, shared by every thread of a process.

DuckDB lets many processes open a file read-only but only one open it read-write, so at serve
time the catalog is read-only; rebuilding writes a new file and swaps it in. A DuckDB connection
must not be used from two threads at once, so each thread gets its own ``cursor()``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from pipeline.errors import CatalogError

T = TypeVar("T")


class CatalogStore:
    """An open catalog file; ``cursor()`` hands each thread its own connection cursor."""

    def __init__(self, path: str | Path, read_only: bool = True) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise CatalogError(
                f"catalog {self.path} does not exist; build it with `python -m pipeline catalog build`"
            )
        try:
            self._connection = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as error:
            raise CatalogError(f"cannot open catalog {self.path}: {error}") from error
        self._local = threading.local()
        self._derived: dict[str, Any] = {}
        self._derived_locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        tables = {row[0] for row in self._connection.execute("SHOW TABLES").fetchall()}
        if "parts" not in tables:
            raise CatalogError(f"catalog {self.path} has no `parts` table; rebuild it")

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor (created on first use)."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._connection.cursor()
            self._local.cursor = cursor
        return cursor

    def derived(self, name: str, build: Callable[[CatalogStore], T]) -> T:
        """A structure computed from this catalog once (a search index), then shared by all threads.

        It lives as long as the store, so a rebuilt catalog (a new store) never sees a stale one.
        Each name has its own lock, taken only to build: a slow build (a free-text index) never
        holds up threads reading another structure, and one structure may build on another.
        """
        if name in self._derived:
            return self._derived[name]
        with self._locks_lock:
            lock = self._derived_locks.setdefault(name, threading.Lock())
        with lock:
            if name not in self._derived:
                self._derived[name] = build(self)
        return self._derived[name]

    def rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Run a parameterised query and return its rows as dicts."""
        result = self.cursor().execute(sql, params)
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def get(self, part_number: str) -> dict[str, Any] | None:
        found = self.rows("SELECT * FROM parts WHERE part_number = ?", [part_number])
        return found[0] if found else None

    def count(self) -> int:
        return int(self.cursor().execute("SELECT count(*) FROM parts").fetchone()[0])

    def close(self) -> None:
        self._connection.close()
