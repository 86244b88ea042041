"""The metrics page's refresh (``MetricsView.refresh``: every chart's data from one read of the
ledger, then shown), all time, on ledgers of 300 and 3,000 orders (the sample emails, each made
unique by a footer), with the time it took to write them for scale.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from common import summary, table, timed_ms

from dashboard.components.metrics_view import MetricsView
from pipeline.config import Settings
from pipeline.context import open_runner
from pipeline.manager import ManagerMetrics

SAMPLES = sorted(Path("data/samples").glob("*.txt"))
SIZES = (300, 3_000)
REPEAT = 10


def _ledger(size: int, folder: Path) -> Path:
    settings = replace(Settings.from_env(), data_dir=folder, ledger_path=folder / "ledger.sqlite")
    runner = open_runner(settings)
    for n in range(size):
        sample = SAMPLES[n % len(SAMPLES)]
        runner.process(f"m{n}.txt", sample.read_bytes() + f"\n\n-- ref {n}\n".encode())
    return settings.ledger_path


def main() -> None:
    rows = []
    for size in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            path = _ledger(size, Path(tmp))
            written = time.perf_counter() - started
            view = MetricsView(metrics=ManagerMetrics(path))
            stats = summary(timed_ms(view.refresh, REPEAT))
            rows.append([f"{size:,}", f"{written:.1f}", f"{stats['median']:.0f}", f"{stats['p95']:.0f}"])
    print(f"Metrics page refresh, all time, {REPEAT} reads each; load average {os.getloadavg()[0]:.2f}\n")
    print(table(["orders", "ledger written in s", "refresh median ms", "refresh p95 ms"], rows))


if __name__ == "__main__":
    main()
