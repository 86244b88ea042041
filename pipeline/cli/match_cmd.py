"""``match [--json]`` and ``search TEXT``: the search engine's command-line interfaces."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from pipeline.catalog.search import search_line
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.extract.lines import Segment, parse_item
from pipeline.match import rank
from pipeline.models import Candidate


def register(subparsers: argparse._SubParsersAction) -> None:
    match = subparsers.add_parser("match", help="match request lines read from stdin to catalog parts")
    match.add_argument("--json", action="store_true", help="one JSON object per input line")
    match.set_defaults(func=run_match)
    search = subparsers.add_parser("search", help="search the catalog for a free-text request")
    search.add_argument("text", nargs="+")
    search.add_argument("--limit", type=int, default=10)
    search.set_defaults(func=run_search)


def match_text(store: CatalogStore, text: str) -> tuple[dict[str, Any], list[Candidate]]:
    """Parse one request line and rank its top-5 candidates."""
    item = parse_item(1, Segment(text, 0))
    request = asdict(item)
    request.pop("span"), request.pop("evidence")
    return request, rank(item, search_line(store, item))


def _candidate_json(candidate: Candidate) -> dict[str, Any]:
    return {
        "part_number": candidate.part_number,
        "description": candidate.description,
        "grade": candidate.grade,
        "form": candidate.form,
        "dimensions": candidate.dimensions,
        "confidence": candidate.confidence,
        "reasons": candidate.reasons,
    }


def run_match(args: argparse.Namespace) -> int:
    store = CatalogStore(Settings.from_env().catalog_path)
    for raw in sys.stdin:
        text = raw.strip()
        if not text:
            continue
        request, ranked = match_text(store, text)
        if args.json:
            print(json.dumps({"request": request, "candidates": [_candidate_json(c) for c in ranked]}))
        else:
            print(text)
            for candidate in ranked:
                print(f"  {candidate.confidence:.2f}  {candidate.part_number}  {candidate.description}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    store = CatalogStore(Settings.from_env().catalog_path)
    _, ranked = match_text(store, " ".join(args.text))
    if not ranked:
        print("no parts found")
        return 0
    print(f"{'conf':>5}  {'part number':<28} {'price':>10} {'uom':<3} {'stock':>6}  description")
    for candidate in ranked[: args.limit]:
        print(
            f"{candidate.confidence:>5.2f}  {candidate.part_number:<28} {candidate.unit_price:>10.2f}"
            f" {candidate.uom:<3} {candidate.stock_qty:>6}  {candidate.description}"
        )
    return 0
