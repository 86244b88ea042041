"""Run ``python -m pipeline`` as users and scripts do: a fresh process, the repo as working dir."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(
    args: list[str],
    env: dict[str, str],
    stdin: str | None = None,
    preexec_fn: Callable[[], None] | None = None,  # e.g. a resource limit for the child alone
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | env,
        timeout=120,
        preexec_fn=preexec_fn,
    )
