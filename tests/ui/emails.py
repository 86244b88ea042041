"""Order emails for browser tests: the samples, made unique per test so a shared ledger never dedups them.

The ledger may answer a second upload of the same bytes with the first job (issue 5), so each
test tags the subject line; ``expected_orders`` runs ``process --json`` on the very same files.
"""

from __future__ import annotations

import json
import os
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


def expected_orders(files: list[Path], catalog: Path, ledger: Path) -> dict[str, dict[str, Any]]:
    """What ``python -m pipeline process --json`` says about each file (by file name), run in its folder
    so each ``source.path`` is the bare name an upload has."""
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
