"""``orders`` and ``customers`` commands, and the whole desk: process → review → approve → outbox."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.context import open_order_service
from pipeline.customers.samples import SAMPLE_CUSTOMERS
from pipeline.orders.crossref import CROSS_REFERENCE_REASON
from tests.cli import run_cli as _cli

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))


@pytest.fixture
def env(small_catalog_path: Path, tmp_path: Path) -> dict[str, str]:
    values = {
        "ORDERDESK_DATA_DIR": str(tmp_path),
        "ORDERDESK_CATALOG": str(small_catalog_path),
        "ORDERDESK_LEDGER": str(tmp_path / "ledger.sqlite"),
    }
    assert _cli(["customers", "load-samples"], values).stdout.startswith(f"{len(SAMPLE_CUSTOMERS)} of ")
    assert _cli(["process", *map(str, SAMPLES)], values).returncode == 0
    return values


def _orders(env: dict[str, str], *args: str) -> list[dict]:
    result = _cli(["orders", "list", "--json", *args], env)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_orders_list_shows_every_processed_email_and_filters(env: dict[str, str]) -> None:
    everything = _orders(env)
    assert len(everything) == len(SAMPLES)
    assert {o["status"] for o in everything} <= {"needs_review", "auto_approved", "no_order_found"}
    in_review = _orders(env, "--status", "needs_review")
    assert in_review and all(o["status"] == "needs_review" for o in in_review)
    acme = _orders(env, "--customer", "C-1001")
    assert [o["customer_name"] for o in acme] == ["ACME Manufacturing Co."]
    table = _cli(["orders", "list"], env).stdout.splitlines()
    assert table[0].split()[:2] == ["order", "status"] and len(table) == len(SAMPLES) + 1


def test_show_approve_export_and_report(env: dict[str, str], tmp_path: Path) -> None:
    order_id = next(o["order_id"] for o in _orders(env, "--customer", "C-1003"))  # sample_order_3
    shown = json.loads(_cli(["orders", "show", order_id, "--json"], env).stdout)
    assert shown["order_id"] == order_id and shown["audit"][0]["action"] == "created"
    assert shown["status"] == "needs_review"  # on the small catalog one line is matched below 0.9
    approved = _cli(["orders", "approve", order_id, "--by", "dana", "--comment", "checked"], env)
    assert approved.returncode == 0 and f"{order_id}: approved by dana" in approved.stdout
    exported = _cli(["orders", "export", order_id, "--by", "cron"], env)
    assert exported.returncode == 0, exported.stderr
    assert f"{order_id}: submitted as OUTBOX-{order_id} via outbox" in exported.stdout
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == [f"orderdesk-{order_id}.json"]
    assert _cli(["orders", "export", order_id], env).returncode == 0  # again: still one file
    assert len(list((tmp_path / "outbox").iterdir())) == 1
    assert _cli(["orders", "export", order_id, "--csv", str(tmp_path / "o.csv")], env).returncode == 0
    assert (tmp_path / "o.csv").read_text().splitlines()[0].startswith("order_id,po_number,customer_id")
    text = _cli(["orders", "show", order_id], env).stdout
    assert f"{order_id}  exported" in text and "cron: export" in text

    report = json.loads(_cli(["orders", "report", "--json"], env).stdout)
    assert report["orders"] == len(SAMPLES)
    assert sum(report["by_status"].values()) == len(SAMPLES)
    assert report["touchless_rate"] == report["auto_approved"] / report["orders"]
    assert report["blockers"] == sorted(
        report["blockers"], key=lambda b: (-b["orders"], -b["occurrences"], b["code"])
    )
    table = _cli(["orders", "report"], env).stdout
    assert "touchless rate" in table and "| reason | orders blocked |" in table


def test_rejection_needs_a_comment_and_errors_are_one_line(env: dict[str, str]) -> None:
    order_id = _orders(env, "--status", "needs_review")[0]["order_id"]
    assert _cli(["orders", "reject", order_id], env).returncode == 2  # argparse: --comment required
    rejected = _cli(["orders", "reject", order_id, "--by", "dana", "--comment", "duplicate"], env)
    assert rejected.returncode == 0 and "rejected by dana" in rejected.stdout
    again = _cli(["orders", "approve", order_id], env)
    assert again.returncode == 2
    assert (
        again.stderr.strip()
        == f"error: order {order_id} is rejected and cannot change: reopen it first (audited)"
    )
    missing = _cli(["orders", "show", "OD-NOPE"], env)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    unready = _cli(["orders", "export", order_id], env)
    assert unready.returncode == 1 and "is rejected; approve it first" in unready.stderr


def test_customers_list_and_prospect_approval(env: dict[str, str]) -> None:
    listed = [json.loads(line) for line in _cli(["customers", "list", "--json"], env).stdout.splitlines()]
    prospects = [c for c in listed if c["status"] == "prospect"]
    assert len(listed) == 10 + len(prospects) and len(prospects) == 2  # eurotech and the unsigned test email
    prospect = prospects[0]["customer_id"]
    approved = _cli(["customers", "approve", prospect, "--credit-limit", "5000", "--terms", "NET30"], env)
    assert approved.returncode == 0, approved.stderr
    assert f"{prospect}" in approved.stdout and "active, NET30, credit limit 5,000.00" in approved.stdout
    table = _cli(["customers", "list", "--status", "prospect"], env).stdout
    assert prospect not in table and "C-1001" not in table


def test_the_desk_end_to_end(env: dict[str, str], tmp_path: Path) -> None:
    """Process → review edits → approve → outbox, with the audit trail and the cross-reference learned."""
    ledger, catalog = Path(env["ORDERDESK_LEDGER"]), Path(env["ORDERDESK_CATALOG"])
    service = open_order_service(Settings(data_dir=tmp_path, catalog_path=catalog, ledger_path=ledger))
    order_id = next(o["order_id"] for o in _orders(env, "--customer", "C-1001"))
    order = service.get(order_id).order
    line = next(line for line in order.lines if line.alternatives)
    chosen = line.alternatives[0].part_number
    service.choose_alternative(order_id, line.item.line_no, chosen, actor="ann", remember=True)
    for short in service.get(order_id).order.lines:
        if short.gate_reasons:
            service.edit_line(order_id, short.item.line_no, actor="ann", quantity=1)
    assert _cli(["orders", "approve", order_id, "--by", "dana"], env).returncode == 0
    assert _cli(["orders", "export", "--all-approved", "--by", "cron"], env).returncode == 0
    payload = json.loads((tmp_path / "outbox" / f"orderdesk-{order_id}.json").read_text())
    assert payload["approved_by"] == "dana"
    assert chosen in [sent["part_number"] for sent in payload["lines"]]
    actions = [(entry.actor, entry.action) for entry in service.audit_log(order_id)]
    assert actions[0] == ("order desk", "created") and actions[-2:] == [
        ("dana", "approve"),
        ("cron", "export"),
    ]
    assert ("ann", "choose_alternative") in actions

    reorder = tmp_path / "reorder.txt"
    wording = re.sub(r"Quantity: \d+", "Quantity: 9", line.item.source_text.split(". ", 1)[1])
    reorder.write_text(f"From: john.smith@acme-manufacturing.com\nSubject: again\n\n1. {wording}\n")
    again = json.loads(_cli(["process", str(reorder), "--json"], env).stdout)
    match = again["lines"][0]["match"]
    assert (match["part_number"], match["confidence"]) == (chosen, 0.99)
    assert again["lines"][0]["quantity"] == 9
    assert match["reasons"][0] == CROSS_REFERENCE_REASON
