"""Run every benchmark script in this folder, in order, each in its own process.

Each ``bench_*.py`` prints its own markdown tables; figures are never asserted in tests
(these machines are shared and noisy), only reported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    # The repository root on the path: bench_ui drives the server with the browser tests' harness.
    path = os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n## {script.stem}\n", flush=True)
        if subprocess.run(
            [sys.executable, str(script)], cwd=HERE.parent, env=os.environ | {"PYTHONPATH": path}
        ).returncode:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
