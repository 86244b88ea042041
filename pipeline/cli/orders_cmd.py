"""``orders list|show|approve|reject|quote|export|report``: the review queue for the desk's scripts."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict, replace
from pathlib import Path

from pipeline.config import Settings
from pipeline.context import open_ledger, open_order_service
from pipeline.erp import ADAPTERS, ErpExporter, adapter_from_settings
from pipeline.erp.csv_export import order_csv
from pipeline.erp.payload import erp_order
from pipeline.errors import OrderDeskError
from pipeline.orders.report import touchless_report
from pipeline.orders.store import LOCKED_STATUSES, OrderStore, StoredOrder

STATUSES = ("needs_review", "auto_approved", "no_order_found", *sorted(LOCKED_STATUSES - {"auto_approved"}))


def default_actor() -> str:
    return os.environ.get("USER") or os.environ.get("LOGNAME") or "cli"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "orders", help="list, show, approve, reject, export orders; touchless report"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="the orders queue, newest change first")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--customer", help="only this customer id")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--json", action="store_true", help="one JSON object per order")
    listing.set_defaults(func=_list)

    show = actions.add_parser("show", help="one order with its lines, review reasons and audit trail")
    show.add_argument("order_id")
    show.add_argument(
        "--json", action="store_true", help="the order as JSON (process --json fields + status)"
    )
    show.set_defaults(func=_show)

    helps = {
        "approve": "approve an order in review",
        "reject": "reject an order in review",
        "quote": "quote a request for quote in review: its quotation goes to the customer",
    }
    for name, needs_comment in (("approve", False), ("reject", True), ("quote", False)):
        decide = actions.add_parser(name, help=helps[name])
        decide.add_argument("order_id")
        decide.add_argument("--by", default=default_actor(), help="who decides (default: $USER)")
        decide.add_argument("--comment", required=needs_comment, default="", help="why (required to reject)")
        decide.set_defaults(func=_decide, decision=name)

    export = actions.add_parser("export", help="send approved orders to the ERP (once), or write a CSV")
    export.add_argument("order_ids", nargs="*", metavar="ORDER_ID")
    export.add_argument("--all-approved", action="store_true", help="every approved order not yet sent")
    export.add_argument("--adapter", choices=ADAPTERS, help="override the configured ERP adapter")
    export.add_argument("--csv", type=Path, metavar="FILE", help="write the order's CSV here; sends nothing")
    export.add_argument("--by", default=default_actor())
    export.set_defaults(func=_export)

    report = actions.add_parser("report", help="touchless rate and the reasons that block orders most")
    report.add_argument("--json", action="store_true")
    report.set_defaults(func=_report)


def _list(args: argparse.Namespace) -> int:
    summaries = OrderStore(open_ledger()).summaries(
        status=args.status, customer_id=args.customer, limit=args.limit
    )
    if args.json:
        for summary in summaries:
            print(json.dumps(asdict(summary)))
        return 0
    print(f"{'order':<16} {'status':<15} {'v':>3} {'customer':<34} {'lines':>5} {'total':>13}  updated")
    for s in summaries:
        customer = f"{s.customer_id or '-'} {s.customer_name or ''}"[:34]
        print(
            f"{s.order_id:<16} {s.status:<15} {s.version:>3} {customer:<34} {s.line_count:>5}"
            f" {s.total:>13,.2f}  {s.updated_at[:19]}"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    store = OrderStore(open_ledger())
    stored = store.load(args.order_id)
    if args.json:
        print(
            json.dumps(stored.to_dict() | {"audit": [asdict(entry) for entry in store.audit(args.order_id)]})
        )
        return 0
    print(_describe(stored))
    print("audit:")
    for entry in store.audit(args.order_id):
        line = f" line {entry.line_no}" if entry.line_no else ""
        comment = f" — {entry.comment}" if entry.comment else ""
        print(f"  v{entry.version} {entry.at[:19]} {entry.actor}: {entry.action}{line}{comment}")
    return 0


def _describe(stored: StoredOrder) -> str:
    order = stored.order
    account = order.account
    totals = order.totals
    text = [
        f"{order.order_id}  {stored.status}  version {stored.version}",
        f"customer: {account.customer_id} {account.name} ({account.status}, {account.terms},"
        f" by {account.matched_by})"
        if account
        else "customer: unknown",
        f"PO {order.header.po_number or '-'}  requested {order.header.requested_date or '-'}"
        f"  {order.header.urgency}",
    ]
    for line in order.lines:
        match = line.match
        why = f": {line.no_match}" if line.no_match else ""
        part = f"{match.part_number} ({match.confidence:.2f})" if match else f"no match{why}"
        price = (
            f"{line.sold_quantity:g} {match.uom} = {line.extended_price:,.2f}" if line.extended_price else ""
        )
        text.append(f"  {line.item.line_no:>2}. {line.item.source_text[:56]:<56} → {part} {price}")
        text += [f"        ! {reason.message}" for reason in line.gate_reasons]
    if totals:
        text.append(
            f"subtotal {totals.subtotal:,.2f}  discount {totals.discount:,.2f}"
            f"  charge {totals.small_order_charge:,.2f}  tax {totals.tax:,.2f}"
            f"  total {totals.total:,.2f} {totals.currency}"
        )
    text += [
        f"! {reason.message}"
        for reason in (order.review.details if order.review else [])
        if not reason.line_no
    ]
    return "\n".join(text)


def _decide(args: argparse.Namespace) -> int:
    service = open_order_service()
    if args.decision == "approve":
        stored = service.approve(args.order_id, actor=args.by, comment=args.comment)
    elif args.decision == "quote":
        stored = service.quote(args.order_id, actor=args.by, comment=args.comment)
    else:
        stored = service.reject(args.order_id, actor=args.by, comment=args.comment)
    print(f"{stored.order_id}: {stored.status} by {stored.decided_by} (version {stored.version})")
    return 0


def _export(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    ledger = open_ledger(settings)
    if args.csv:
        if len(args.order_ids) != 1:
            print("error: --csv writes one order: give exactly one ORDER_ID", file=sys.stderr)
            return 2
        args.csv.write_text(
            order_csv(erp_order(OrderStore(ledger).load(args.order_ids[0]))), encoding="utf-8"
        )
        print(f"wrote {args.csv}")
        return 0
    if args.adapter:
        settings = replace(settings, erp=replace(settings.erp, adapter=args.adapter))
    exporter = ErpExporter(ledger, adapter_from_settings(settings))
    if args.all_approved:
        sent, errors = exporter.export_approved(actor=args.by)
    elif args.order_ids:
        sent, errors = [], []
        for order_id in args.order_ids:
            try:
                sent.append(exporter.export(order_id, actor=args.by))
            except OrderDeskError as error:
                errors.append(f"{order_id}: {error}")
    else:
        print("error: name the orders to export, or --all-approved", file=sys.stderr)
        return 2
    for submission in sent:
        print(f"{submission.order_id}: {submission.status} as {submission.erp_id} via {submission.adapter}")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


def _report(args: argparse.Namespace) -> int:
    report = touchless_report(open_ledger())
    if args.json:
        print(json.dumps(asdict(report) | {"touchless_rate": report.touchless_rate}))
        return 0
    print(
        f"orders: {report.orders}   auto-approved: {report.auto_approved}"
        f"   touchless rate: {report.touchless_rate:.1%}"
    )
    print("by status: " + ", ".join(f"{status} {count}" for status, count in report.by_status.items()))
    print("\n| reason | orders blocked | share of orders | occurrences |\n|---|---|---|---|")
    for blocker in report.blockers:
        share = blocker.orders / report.orders
        print(f"| {blocker.code} | {blocker.orders} | {share:.0%} | {blocker.occurrences} |")
    return 0
