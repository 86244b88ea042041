"""``catalog build|import|stats``."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("catalog", help="build, import or describe the parts catalog")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser("build", help="generate the deterministic parts catalog")
    build.set_defaults(func=lambda args: 0)
