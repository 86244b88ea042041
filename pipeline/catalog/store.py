"""Read access to the DuckDB parts catalog, shared by every thread of a process.

DuckDB lets many processes open a file read-only but only one open it read-write, so at serve
time the catalog is read-only; rebuilding writes a new file and swaps it in (``os.replace``).
A DuckDB connection must not be used from two threads at once, so each thread gets its own
``cursor()``.

A store follows the file at its path: when a rebuild has replaced it (another inode, size or
modification time), the next ``cursor()`` opens the new file, and the structures ``derived`` from
the old one are built again on first use. Queries already running finish on the old file. The
file is attached to a private in-memory database rather than opened with ``duckdb.connect(path)``:
DuckDB hands a process that still has a path open its old database again, attach does not.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from pipeline.errors import CatalogError

T = TypeVar("T")
log = logging.getLogger(__name__)
ALIAS = "od_catalog"
Signature = tuple[int, int, int, int]  # device, inode, size, modification time (ns)


def signature(path: Path) -> Signature | None:
    """What identifies this version of the file; None if there is no file."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


class _Generation:
    """One opened version of the catalog file: its connection and what was derived from it."""

    def __init__(self, path: Path, read_only: bool) -> None:
        self.signature = signature(path)
        if self.signature is None:
            raise CatalogError(
                f"catalog {path} does not exist; build it with `python -m pipeline catalog build`"
            )
        try:
            self.connection = duckdb.connect(":memory:")
            mode = " (READ_ONLY)" if read_only else ""
            self.connection.execute(f"ATTACH ? AS {ALIAS}{mode}", [str(path)])
            self.connection.execute(f"USE {ALIAS}")
            tables = {row[0] for row in self.connection.execute("SHOW TABLES").fetchall()}
        except duckdb.Error as error:
            raise CatalogError(f"cannot open catalog {path}: {error}") from error
        if "parts" not in tables:
            self.connection.close()
            raise CatalogError(f"catalog {path} has no `parts` table; rebuild it")
        self.derived: dict[str, Any] = {}
        self.locks: dict[str, threading.Lock] = {}

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cursor = self.connection.cursor()
        cursor.execute(f"USE {ALIAS}")  # each cursor starts in the in-memory database
        return cursor


class CatalogStore:
    """An open catalog file; ``cursor()`` hands each thread its own connection cursor."""

    def __init__(self, path: str | Path, read_only: bool = True) -> None:
        self.path = Path(path)
        self._read_only = read_only
        self._current = _Generation(self.path, read_only)
        self._retired: list[_Generation] = []
        self._refused: Signature | None = None  # a replacement that would not open: not retried
        self._local = threading.local()
        self._lock = threading.Lock()

    @property
    def generation(self) -> int:
        """How many times the file was replaced under this store (0: never)."""
        return len(self._retired)

    def _fresh(self) -> _Generation:
        """The generation for the file now at the path (opening it if a rebuild replaced it)."""
        current = self._current
        seen = signature(self.path)
        if seen in (current.signature, self._refused, None):
            return current
        with self._lock:
            if self._current.signature == seen or self._refused == seen:
                return self._current
            try:
                opened = _Generation(self.path, self._read_only)
            except CatalogError as error:  # a broken rebuild must not stop the desk: keep the old file
                log.warning("%s; still using the catalog opened before", error)
                self._refused = seen
                return self._current
            self._retire(self._current)
            self._current = opened
            log.info("catalog %s was rebuilt; new queries use the new file", self.path)
            return opened

    def _retire(self, old: _Generation) -> None:
        """Keep the replaced file open for queries still running on it; close the one before."""
        self._retired.append(old)
        if len(self._retired) > 1:
            self._retired[-2].connection.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the current catalog file (created on first use, and anew after a
        rebuild)."""
        generation = self._fresh()
        local = self._local
        if getattr(local, "generation", None) is not generation:
            local.cursor, local.generation = generation.cursor(), generation
        return local.cursor

    def derived(self, name: str, build: Callable[[CatalogStore], T]) -> T:
        """A structure computed from this catalog once (a search index), then shared by all threads.

        It lives as long as the catalog file it was built from: after a rebuild it is built again.
        Each name has its own lock, taken only to build: a slow build (a free-text index) never
        holds up threads reading another structure, and one structure may build on another.
        """
        generation = self._fresh()
        if name in generation.derived:
            return generation.derived[name]
        with self._lock:
            lock = generation.locks.setdefault(name, threading.Lock())
        with lock:
            if name not in generation.derived:
                generation.derived[name] = build(self)
        return generation.derived[name]

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
        for generation in [*self._retired[-1:], self._current]:
            generation.connection.close()
