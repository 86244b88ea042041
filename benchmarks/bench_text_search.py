"""Free-text search options on the same customer phrasings: quality (a right part in the top 10)
and latency, so the choice in pipeline/catalog/search/text.py rests on figures from this machine.

Options: the in-memory BM25 index (numpy postings), BM25 written in plain SQL over a token table
in DuckDB (the fts extension cannot be installed here), DuckDB ILIKE with every token ANDed, and
rapidfuzz token_set_ratio over every description.
"""

from __future__ import annotations

import time

import duckdb
import pandas as pd
from common import summary, table, timed_ms
from rapidfuzz import fuzz, process

from pipeline.catalog.search.text import K1, B, TextIndex, query_tokens, text_index, tokens
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.corpus.requests import request_set

QUERIES = 200
TOP = 10
BM25_SQL = f"""
WITH q AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS token),
     hit AS (SELECT t.doc, t.token, t.tf, d.df FROM tf t JOIN q USING (token) JOIN df d USING (token))
SELECT hit.doc,
       sum(ln(1 + (s.n - hit.df + 0.5) / (hit.df + 0.5))
           * hit.tf * ({K1} + 1) / (hit.tf + {K1} * (1 - {B} + {B} * l.len / s.avgdl))) AS score
FROM hit JOIN doclen l USING (doc), stats s
GROUP BY hit.doc ORDER BY score DESC, hit.doc LIMIT {TOP}
"""


def _token_tables(parts: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the same tokens the numpy index uses, as tf/df/length tables."""
    rows = []
    for doc, (number, text) in enumerate(zip(parts["part_number"], parts["document"], strict=True)):
        words = [*tokens(text), number.lower(), *number.lower().split("-")]
        rows += [(doc, word) for word in words]
    connection = duckdb.connect()
    connection.register("raw", pd.DataFrame(rows, columns=["doc", "token"]))
    connection.execute("CREATE TABLE tf AS SELECT doc, token, count(*) AS tf FROM raw GROUP BY ALL")
    connection.execute("CREATE TABLE df AS SELECT token, count(*) AS df FROM tf GROUP BY token")
    connection.execute("CREATE TABLE doclen AS SELECT doc, count(*) AS len FROM raw GROUP BY doc")
    connection.execute("CREATE TABLE stats AS SELECT count(*)::DOUBLE AS n, avg(len) AS avgdl FROM doclen")
    connection.unregister("raw")
    return connection


def _ilike(connection: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    words = [w for w in query_tokens(text) if len(w) > 1]
    where = " AND ".join("description ILIKE ?" for _ in words) or "TRUE"
    sql = f"SELECT part_number FROM parts WHERE {where} ORDER BY part_number LIMIT {TOP}"
    return [row[0] for row in connection.execute(sql, [f"%{w}%" for w in words]).fetchall()]


def main() -> None:
    store = CatalogStore(Settings.from_env().catalog_path)
    parts = (
        store.cursor()
        .execute(
            "SELECT *, concat_ws(' ', description, grade, replace(family, '_', ' '), replace(form, '_', ' '))"
            " AS document FROM parts ORDER BY part_number"
        )
        .df()
    )
    requests = [r for r in request_set(parts, QUERIES * 2, seed=11) if r.accept][:QUERIES]
    numbers = parts["part_number"].tolist()
    started = time.perf_counter()
    index: TextIndex = text_index(store)
    built = {"in-memory BM25 (numpy)": time.perf_counter() - started}
    started = time.perf_counter()
    tables = _token_tables(parts)
    built["BM25 in SQL over a token table"] = time.perf_counter() - started
    descriptions = parts["description"].tolist()
    options = {
        "in-memory BM25 (numpy)": lambda text: [hit.part_number for hit in index.search(text, TOP)],
        "BM25 in SQL over a token table": lambda text: [
            numbers[row[0]] for row in tables.execute(BM25_SQL, [query_tokens(text)]).fetchall()
        ],
        "DuckDB ILIKE, all tokens ANDed": lambda text: _ilike(store.cursor(), text),
        "rapidfuzz token_set_ratio, all descriptions": lambda text: [
            numbers[i]
            for _, _, i in process.extract(text, descriptions, scorer=fuzz.token_set_ratio, limit=TOP)
        ],
    }
    rows = []
    for name, search in options.items():
        found = sum(bool(set(search(r.text)) & r.accept) for r in requests)
        latency = [timed_ms(lambda text=r.text, search=search: search(text), repeat=1)[0] for r in requests]
        stats = summary(latency)
        build = f"{built[name]:.1f} s" if name in built else "-"
        rows.append((name, f"{found}/{len(requests)}", stats["median"], stats["p99"], build))
    print(f"Free-text search: {len(requests)} customer phrasings, {len(parts):,} parts\n")
    print(table(["option", "right in top 10", "median ms", "p99 ms", "build"], rows))


if __name__ == "__main__":
    main()
