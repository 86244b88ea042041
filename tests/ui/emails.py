"""Order emails for browser tests: the samples, made unique per test so a shared ledger never dedups them.

The ledger may answer a second upload of the same bytes with the first job (issue 5), so each
test tags the subject line; ``expected_orders`` runs ``process --json`` on the very same files.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from tests.ui.harness import ROOT

SAMPLES = ROOT / "data" / "samples"


def tagged_copy(sample: Path, folder: Path, tag: str | None = None) -> Path:
    """``sample`` written to ``folder`` with a unique tag in its subject line (or first line)."""
    tag = tag or uuid.uuid4().hex[:10]
    text = sample.read_text(encoding="utf-8")
    if "\nSubject: " in text or text.startswith("Subject: "):
        text = text.replace("Subject: ", f"Subject: [ref {tag}] ", 1)
    else:
        text = f"Ref {tag}\n{text}"
    target = folder / f"{sample.stem}-{tag}{sample.suffix}"
    target.write_text(text, encoding="utf-8")
    return target


def ledger_copy(served_ledger: Path, folder: Path) -> Path:
    """A copy of the served ledger as it is now, to run the CLI against.

    The customers an order is priced for live in the ledger (an unknown sender becomes a prospect
    the first time), so the same bytes give the same order only against the same customer master:
    copy it before the server sees the emails.
    """
    copy = folder / f"cli-{uuid.uuid4().hex[:8]}.sqlite"
    with sqlite3.connect(served_ledger) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


def expected_orders(files: list[Path], catalog: Path, ledger: Path) -> dict[str, dict[str, Any]]:
    """What ``python -m pipeline process --json`` says about each file (by file name) on ``ledger``
    (a ``ledger_copy``), run in the files' folder so each ``source.path`` is the bare name an upload has."""
    folder = files[0].parent
    env = os.environ | {
        "ORDERDESK_CATALOG": str(catalog),
        "ORDERDESK_LEDGER": str(ledger),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    names = [file.name for file in files]
    command = [sys.executable, "-m", "pipeline", "process", *names, "--json"]
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    results = [json.loads(line) for line in done.stdout.splitlines()]
    return dict(zip(names, results, strict=True))


def comparable(order: dict[str, Any]) -> dict[str, Any]:
    """An order without what legitimately differs between two runs: how long the stages took."""
    return {key: value for key, value in order.items() if key != "timings_ms"}


ITEMS = (
    'Stainless Steel 304 Sheet - 4ft x 8ft x 0.125" thick - Quantity: {n} sheets',
    'Aluminum 6061 Round Bar - 2" diameter x 12ft length - Quantity: {n} bars',
    'Carbon Steel 1018 Plate - 12" x 12" x 0.5" thick - Quantity: {n} pieces',
    'Brass 360 Hex Bar - 1" hex x 6ft length - Quantity: {n} bars',
)


def long_order(folder: Path, name: str, lines: int) -> Path:
    """An order email with ``lines`` numbered lines, written like sample_order_1: a job that takes a while."""
    body = "\n".join(f"{n}. {ITEMS[n % len(ITEMS)].format(n=n)}" for n in range(1, lines + 1))
    text = (
        f"From: buyer@acme-manufacturing.com\nSubject: Stock order {name} [ref {uuid.uuid4().hex[:10]}]\n\n"
        f"Please quote and ship:\n\n{body}\n\nThanks,\nJohn Smith\nACME Manufacturing Co.\n"
    )
    target = folder / f"{name}.txt"
    target.write_text(text, encoding="utf-8")
    return target
