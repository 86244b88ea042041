"""``eval LABELS... [--details] [--fail-under F1]``: score extraction against labelled emails."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.evaluate import Counts, Report, evaluate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="precision/recall/F1 of extraction on labelled emails")
    parser.add_argument("labels", nargs="+", type=Path, metavar="LABELS", help="label .json files or folders")
    parser.add_argument("--details", action="store_true", help="also list every mismatch")
    parser.add_argument(
        "--fail-under", type=float, default=None, metavar="F1", help="exit 1 if line or header F1 is below"
    )
    parser.set_defaults(func=run)


def _row(name: str, counts: Counts) -> str:
    return (
        f"| {name} | {counts.tp} | {counts.fp} | {counts.fn} | {counts.precision:.3f} | {counts.recall:.3f}"
        f" | {counts.f1:.3f} |"
    )


def format_report(report: Report) -> str:
    """Markdown tables: header fields, line fields, and the totals the targets are set on."""
    head = "| field | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|"
    lines = [f"{report.files} labelled files\n", "Header fields\n", head]
    lines += [_row(name, counts) for name, counts in report.header.items()]
    lines += ["", "Line fields (lines paired by best agreement)\n", head]
    lines += [_row(name, counts) for name, counts in report.line_fields.items()]
    lines += ["", "Totals\n", head]
    lines += [
        _row("**lines** (grade, form, quantity, dimensions ±2%)", report.lines),
        _row("**header fields** (all of the above)", report.header_total),
        _row("expected refusals (bad input)", report.errors),
    ]
    lines.append(f"\ncrashes: {len(report.crashes)}")
    lines += [f"  {crash}" for crash in report.crashes]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    report = evaluate(args.labels)
    print(format_report(report))
    if args.details and report.mismatches:
        print("\nMismatches\n")
        print("\n".join(f"- {mismatch}" for mismatch in report.mismatches))
    if report.crashes:
        return 1
    if args.fail_under is not None and min(report.lines.f1, report.header_total.f1) < args.fail_under:
        return 1
    return 0
