"""``batch INPUTS... [--since DATE] [--force] [--workers N] [--scheduler ADDRESS] [--report PATH]``."""

from __future__ import annotations

import argparse
import sys

from pipeline.batch import open_executor, run_batch
from pipeline.config import Settings

from .cluster_options import add_cluster_options, report_paths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="process many emails on Dask (files, folders, globs, or stored emails with --since)",
        description="Process order emails in parallel into the ledger. Emails already done are skipped"
        " (resumable) unless --force; locked orders (approved, auto-approved, rejected, exported) are never"
        " re-run.",
    )
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="files, folders or globs ('data/corpus/*.eml')"
    )
    parser.add_argument("--force", action="store_true", help="run emails again even if they are done")
    parser.add_argument("--chunk-size", type=int, metavar="N", help="emails per task (default: automatic)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_cluster_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.inputs and args.since is None:
        print("error: give files, folders or globs to process, or --since DATE", file=sys.stderr)
        return 2
    settings = Settings.from_env()
    with open_executor(args.workers, args.scheduler) as executor:
        report = run_batch(
            args.inputs,
            settings=settings,
            since=args.since,
            force=args.force,
            executor=executor,
            chunk_size=args.chunk_size,
            progress=not args.no_progress and sys.stderr.isatty(),
        )
    print(report.text())
    for path in report_paths(args.report, settings, "batch"):
        print(f"report: {report.write(path)}")
    return 1 if report.failed else 0
