"""``corpus generate --count N --out DIR [--seed S]`` and ``corpus evaluate DIR``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.config import Settings
from pipeline.corpus import generate_corpus, read_labels
from pipeline.corpus.evaluate import evaluate_ledger
from pipeline.corpus.generator import DEFAULT_SEED, EML_SHARE


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "corpus", help="generate labelled order emails; score results against them"
    )
    commands = parser.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    generate = commands.add_parser(
        "generate", help="write N order emails and labels.jsonl from catalog parts"
    )
    generate.add_argument("--count", type=int, default=1000, metavar="N")
    generate.add_argument("--out", type=Path, default=Path("data/corpus"), metavar="DIR")
    generate.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S")
    generate.add_argument(
        "--eml-share", type=float, default=EML_SHARE, metavar="F", help="share of .eml files"
    )
    generate.add_argument(
        "--catalog", type=Path, help="catalog to draw parts from (default: the configured one)"
    )
    generate.set_defaults(func=run_generate)
    score = commands.add_parser("evaluate", help="score the ledger's orders for a corpus against its labels")
    score.add_argument("corpus", type=Path, metavar="DIR")
    score.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    score.set_defaults(func=run_evaluate)


def run_generate(args: argparse.Namespace) -> int:
    catalog = args.catalog or Settings.from_env().catalog_path
    summary = generate_corpus(catalog, args.out, args.count, seed=args.seed, eml_share=args.eml_share)
    print(
        f"wrote {summary.emails:,} emails ({summary.eml:,} .eml) with {summary.lines:,} lines"
        f" to {summary.folder}; labels in {summary.labels_path}"
    )
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    result = evaluate_ledger(read_labels(args.corpus), Settings.from_env().ledger_path)
    summary = result.summary()
    if args.json:
        print(json.dumps(summary))
        return 0
    for name, value in summary.items():
        print(f"{name:<20} {value:.3f}" if isinstance(value, float) else f"{name:<20} {value}")
    print("\nitem accuracy by form (worst first)")
    print(result.by_form().to_string(float_format=lambda value: f"{value:.3f}"))
    return 0
