"""``rematch --catalog NEW [--since DATE] [--workers N] [--scheduler ADDRESS] [--report PATH]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.batch import open_executor
from pipeline.batch.rematch import rematch
from pipeline.config import Settings

from .cluster_options import add_cluster_options, report_paths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rematch",
        help="report which stored order lines another catalog would match differently",
        description="Re-run matching on the stored orders against CATALOG and report lines whose part,"
        " price or confidence would change. Locked orders (approved, auto-approved, rejected, exported) are"
        " left out; nothing is written to the"
        " ledger (apply with `ORDERDESK_CATALOG=NEW python -m pipeline batch --since DATE --force`).",
    )
    parser.add_argument("--catalog", type=Path, required=True, help="the new catalog (DuckDB file)")
    add_cluster_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    with open_executor(args.workers, args.scheduler) as executor:
        report = rematch(settings, args.catalog, since=args.since, executor=executor)
    print(report.text())
    for path in report_paths(args.report, settings, "rematch"):
        print(f"report: {report.write(path)}")
    return 1 if report.failures else 0
