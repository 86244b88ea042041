"""``python -m dashboard serve [--address A] [--port P] [--workers N] [--processes]`` and
``python -m dashboard hash-password NAME`` (a ``name:hash`` line for ``ORDERDESK_USERS_FILE``).

See ``dashboard.server`` and ``dashboard.access``.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from dashboard import jobs
from dashboard.access import hash_password
from dashboard.server import ServeOptions, serve
from pipeline.errors import OrderDeskError


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Order Desk dashboard server")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the pages and the HTTP API")
    run.add_argument("--address", default="127.0.0.1", help="beyond loopback only with login configured")
    run.add_argument("--port", type=int, default=5006)
    run.add_argument("--workers", type=int, default=jobs.DEFAULT_WORKERS, help="jobs run at once")
    run.add_argument(
        "--processes", action="store_true", help="run jobs in worker processes instead of threads"
    )
    run.add_argument(
        "--allow-websocket-origin", action="append", default=[], metavar="HOST:PORT", help="repeatable"
    )
    hashing = commands.add_parser(
        "hash-password", help="print NAME:HASH for the users file (the password is read, never echoed)"
    )
    hashing.add_argument("name")
    return parser


def read_password() -> str:
    """From the terminal twice (hidden), or one line of stdin when piped."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if first != getpass.getpass("again: "):
        raise OrderDeskError("the two passwords differ")
    return first


def hash_command(name: str) -> int:
    if ":" in name or "," in name:
        raise OrderDeskError("a user name cannot contain ':' or ','")
    password = read_password()
    if not password:
        raise OrderDeskError("an empty password cannot log in")
    print(f"{name}:{hash_password(password)}")  # noqa: T201 - the line to put in the users file
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "hash-password":
            return hash_command(args.name)
        origins = args.allow_websocket_origin
        serve(ServeOptions(args.address, args.port, args.workers, args.processes, origins))
    except OrderDeskError as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201 - the user's one-line answer
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
