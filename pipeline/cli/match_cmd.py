"""``match [--json]`` and ``search TEXT``: the search engine's command-line interfaces.

``match --json`` is a contract read by scripts: one object per non-empty stdin line with
``request`` (the parsed line) and ``candidates`` (top 5: part_number, grade, form, dimensions,
confidence, …). Keys are only ever added: ``status``, ``explanation`` and ``alternatives`` say
when nothing fits and what is offered instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from pipeline.catalog.search import attribute_index, search_text
from pipeline.catalog.store import CatalogStore
from pipeline.context import open_catalog
from pipeline.match import MatchResult
from pipeline.match.lookup import lookup
from pipeline.match.reading import match_texts
from pipeline.models import Candidate, LineItem, candidate_dict

BATCH = 50  # stdin lines matched together (an order's worth) when stdin is not a terminal


def register(subparsers: argparse._SubParsersAction) -> None:
    match = subparsers.add_parser("match", help="match request lines read from stdin to catalog parts")
    match.add_argument("--json", action="store_true", help="one JSON object per input line")
    match.set_defaults(func=run_match)
    search = subparsers.add_parser("search", help="search the catalog for a request line or free text")
    search.add_argument("text", nargs="+")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--text", action="store_true", dest="free_text", help="rank by free text only (BM25)")
    search.set_defaults(func=run_search)


def result_json(item: LineItem, result: MatchResult) -> dict[str, Any]:
    request = asdict(item)
    for private in ("span", "evidence"):
        request.pop(private, None)
    return {
        "request": request,
        "candidates": [candidate_dict(c) for c in result.candidates],
        "status": result.status,
        "explanation": result.explanation,
        "alternatives": [candidate_dict(c) for c in result.alternatives],
    }


def _print_text(text: str, result: MatchResult) -> None:
    print(text)
    if result.explanation:
        print(f"  {result.status}: {result.explanation}")
    for candidate in result.candidates or result.alternatives:
        print(f"  {candidate.confidence:.2f}  {candidate.part_number}  {candidate.description}")


def run_match(args: argparse.Namespace) -> int:
    store = open_catalog()
    interactive = sys.stdin.isatty()
    pending: list[str] = []
    for raw in sys.stdin:
        if text := raw.strip():
            pending.append(text)
        if pending and (interactive or len(pending) == BATCH):
            _emit(store, pending, args.json)
            pending = []
    if pending:
        _emit(store, pending, args.json)
    return 0


def _emit(store: CatalogStore, texts: list[str], as_json: bool) -> None:
    for text, (item, result) in zip(texts, match_texts(store, texts), strict=True):
        if as_json:
            print(json.dumps(result_json(item, result)), flush=True)
        else:
            _print_text(text, result)


def _table(rows: list[tuple[float, str, Candidate]]) -> None:
    print(f"{'conf':>5}  {'kind':<11} {'part number':<34} {'price':>10} {'uom':<3} {'stock':>6}  description")
    for confidence, kind, c in rows:
        price = f"{c.unit_price:>10.2f} {c.uom:<3} {c.stock_qty:>6}"
        print(f"{confidence:>5.2f}  {kind:<11} {c.part_number:<34} {price}  {c.description}")


def run_search(args: argparse.Namespace) -> int:
    store = open_catalog()
    text = " ".join(args.text)
    if not args.free_text:
        found = lookup(store, text)
        if found.understood:
            if found.explanation:
                print(f"{found.status}: {found.explanation}")
            _table([(c.confidence, c.match_kind, c) for c in found.ranked[: args.limit]])
            return 0
    index = attribute_index(store)
    hits = search_text(store, text, args.limit)
    if not hits:
        print("no parts found")
        return 0
    best = hits[0].score
    _table([(hit.score / best, "text", index.candidate(hit.row)) for hit in hits])
    return 0
