"""``process FILE... [--json]``: run the whole pipeline on each file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pipeline.context import open_runner
from pipeline.errors import IngestError
from pipeline.ingest.limits import check_size
from pipeline.runner import Runner


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("process", help="run the pipeline on order files (.txt, .eml, .pdf)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    parser.add_argument(
        "--force", action="store_true", help="process again even if the same file was processed before"
    )
    parser.set_defaults(func=run)


def process_file(runner: Runner, path: Path, force: bool = False) -> dict[str, Any]:
    """The ``process --json`` object for one file; unreadable files give ``{"error": ...}``.

    A file processed before gives its stored order (reviewed edits included) unless ``force``.
    """
    try:
        check_size(str(path), path.stat().st_size, runner.settings.intake)  # before reading it
        data = path.read_bytes()
    except OSError as error:
        return {"source": {"path": str(path)}, "error": f"cannot read {path}: {error.strerror}"}
    except IngestError as error:
        return {"source": {"path": str(path)}, "error": str(error)}
    state = runner.process(str(path), data, force=force)
    if state.order is None:
        record = runner.ledger.job(state.job_id)
        error = record.error or f"job {record.job_id} is still {record.status} in another process"
        return {"source": {"path": str(path)}, "error": error}
    return state.order.to_dict()


def _summary(result: dict[str, Any]) -> str:
    source = result["source"]["path"]
    if "error" in result:
        return f"{source}: FAILED — {result['error']}"
    lines = [
        f"{source}: {result['order_id']}  {result['review']['status']}  ${result['totals']['subtotal']:,.2f}"
    ]
    for line in result["lines"]:
        match = line["match"]
        part = f"{match['part_number']} ({match['confidence']:.2f})" if match else "no match"
        lines.append(f"  {line['line_no']:>2}. {line['source_text'][:60]:<60} → {part}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    runner = open_runner()
    failed = 0
    for path in args.files:
        result = process_file(runner, path, force=args.force)
        failed += "error" in result
        print(json.dumps(result, allow_nan=False) if args.json else _summary(result), flush=True)
    if failed:
        print(f"{failed} of {len(args.files)} files failed", file=sys.stderr)
    return 1 if failed else 0
