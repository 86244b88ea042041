"""``python -m pipeline``: argument parsing only; each command module calls library functions.

A command module exposes ``register(subparsers)`` which adds its parser and sets ``func``;
``func(args)`` returns the exit status. Expected failures (``OrderDeskError``) print one line
to stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pipeline.errors import OrderDeskError

from . import (
    batch_cmd,
    catalog_cmd,
    corpus_cmd,
    customers_cmd,
    eval_cmd,
    inbox_cmd,
    match_cmd,
    orders_cmd,
    process_cmd,
    rematch_cmd,
)

COMMANDS = (
    process_cmd,
    match_cmd,
    catalog_cmd,
    eval_cmd,
    orders_cmd,
    customers_cmd,
    batch_cmd,
    rematch_cmd,
    corpus_cmd,
    inbox_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Order Desk: turn order emails into ERP-ready orders.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except OrderDeskError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `... | head`
        return 0
