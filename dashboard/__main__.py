"""``python -m dashboard serve [--address A] [--port P] [--workers N] [--processes]``.

See ``dashboard.server``.
"""

from __future__ import annotations

import argparse
import logging
import sys

from dashboard import jobs
from dashboard.server import ServeOptions, serve
from pipeline.errors import OrderDeskError


def parse(argv: list[str]) -> ServeOptions:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Order Desk dashboard server")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the pages and the HTTP API")
    run.add_argument("--address", default="127.0.0.1")
    run.add_argument("--port", type=int, default=5006)
    run.add_argument("--workers", type=int, default=jobs.DEFAULT_WORKERS, help="jobs run at once")
    run.add_argument(
        "--processes", action="store_true", help="run jobs in worker processes instead of threads"
    )
    run.add_argument(
        "--allow-websocket-origin", action="append", default=[], metavar="HOST:PORT", help="repeatable"
    )
    args = parser.parse_args(argv)
    return ServeOptions(args.address, args.port, args.workers, args.processes, args.allow_websocket_origin)


def main(argv: list[str] | None = None) -> int:
    options = parse(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        serve(options)
    except OrderDeskError as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201 - the user's one-line answer
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
