"""``customers list|approve|load-samples``: the customer master table (accounts and new prospects)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from pipeline.cli.orders_cmd import default_actor
from pipeline.config import Settings
from pipeline.context import open_ledger
from pipeline.customers.directory import CustomerDirectory
from pipeline.customers.samples import SAMPLE_CUSTOMERS, load_sample_customers


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("customers", help="list customers; approve a prospect; load demo ones")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every customer with terms, credit limit and discount")
    listing.add_argument("--status", choices=("active", "prospect", "on_hold"))
    listing.add_argument("--json", action="store_true", help="one JSON object per customer")
    listing.set_defaults(func=_list)
    approve = actions.add_parser("approve", help="make a prospect an active customer")
    approve.add_argument("customer_id")
    approve.add_argument("--by", default=default_actor())
    approve.add_argument("--credit-limit", type=float, help="credit limit to grant (default: unchanged)")
    approve.add_argument("--terms", help="payment terms, e.g. NET30 (default: unchanged)")
    approve.set_defaults(func=_approve)
    samples = actions.add_parser("load-samples", help="add the sample emails' customers (demo data)")
    samples.set_defaults(func=_load_samples)


def _directory() -> CustomerDirectory:
    settings = Settings.from_env()
    return CustomerDirectory(open_ledger(settings), settings.pricing)


def _list(args: argparse.Namespace) -> int:
    customers = _directory().all(status=args.status)
    if args.json:
        for customer in customers:
            print(json.dumps(asdict(customer)))
        return 0
    print(
        f"{'id':<11} {'name':<30} {'status':<9} {'terms':<11} {'credit limit':>13} {'open':>11}"
        f" {'disc':>5}  domains"
    )
    for c in customers:
        print(
            f"{c.customer_id:<11} {c.name[:30]:<30} {c.status:<9} {c.terms:<11} {c.credit_limit:>13,.2f}"
            f" {c.open_balance:>11,.2f} {c.discount_pct:>4g}%  {' '.join(c.email_domains)}"
        )
    return 0


def _approve(args: argparse.Namespace) -> int:
    record = _directory().approve(
        args.customer_id, actor=args.by, credit_limit=args.credit_limit, terms=args.terms
    )
    print(
        f"{record.customer_id} {record.name}: active, {record.terms}, credit limit {record.credit_limit:,.2f}"
    )
    return 0


def _load_samples(args: argparse.Namespace) -> int:
    ledger = open_ledger()
    added = load_sample_customers(ledger)
    print(f"{added} of {len(SAMPLE_CUSTOMERS)} sample customers added to {ledger.path}")
    return 0
