"""What must hold after any input: strict JSON, no traceback, a sound ledger, the other orders usable."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.cli import run_cli


class NotStrictJSON(ValueError):
    """A NaN or Infinity in JSON: not JSON as the standard (and every other parser) has it."""


def strict_json(text: str | bytes) -> Any:
    """``text`` parsed as standard JSON; raises on NaN/Infinity and anything else that is not JSON."""

    def refuse(constant: str) -> None:
        raise NotStrictJSON(f"{constant} in JSON: {text[:200]!r}")

    return json.loads(text, parse_constant=refuse)


def assert_no_traceback(text: str, where: str) -> None:
    assert "Traceback (most recent call last)" not in text, f"a traceback in {where}:\n{text[-3000:]}"


def integrity(ledger: Path) -> str:
    with sqlite3.connect(ledger) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


@dataclass
class LogWatch:
    """The text a server added to its log since the last look."""

    path: Path
    offset: int = 0

    def new(self) -> str:
        with self.path.open("rb") as log:
            log.seek(self.offset)
            text = log.read()
        self.offset += len(text)
        return text.decode(errors="replace")


def assert_desk_intact(env: dict[str, str], ledger: Path, bystander: str, outbox: Path) -> None:
    """The ledger passes its integrity check; ``orders list --json`` lists every order as strict JSON,
    the approved ``bystander`` among them; ``orders export --all-approved`` sends it (an order it
    cannot send is one ``error:`` line, never a traceback)."""
    assert integrity(ledger) == "ok"
    listed = run_cli(["orders", "list", "--json", "--limit", "1000000"], env)
    assert listed.returncode == 0, listed.stderr
    orders = [strict_json(line) for line in listed.stdout.splitlines()]
    with sqlite3.connect(ledger) as connection:
        stored = connection.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
    assert len(orders) == stored and bystander in {order["order_id"] for order in orders}
    exported = run_cli(["orders", "export", "--all-approved", "--adapter", "outbox"], env)
    assert exported.returncode in (0, 1), exported.stderr
    assert_no_traceback(exported.stderr, "orders export")
    assert all(line.startswith("error:") for line in exported.stderr.splitlines()), exported.stderr
    assert any(bystander in path.name for path in outbox.iterdir()), exported.stdout
    assert integrity(ledger) == "ok"


def approved_bystander(env: dict[str, str], sample: Path) -> str:
    """An order of ``sample`` processed and approved through the command line: the one every probe
    must leave listable and exportable. The sample customers are loaded first: only an approved
    customer's order is approved."""
    loaded = run_cli(["customers", "load-samples"], env)
    assert loaded.returncode == 0, loaded.stderr
    processed = run_cli(["process", str(sample), "--json"], env)
    assert processed.returncode == 0, processed.stderr
    order_id = strict_json(processed.stdout)["order_id"]
    approved = run_cli(["orders", "approve", order_id, "--by", "probe"], env)
    assert approved.returncode == 0, approved.stderr
    return order_id
