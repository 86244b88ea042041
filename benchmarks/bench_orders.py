"""Orders: the touchless rate of the samples, review-action latency, and ledger writers in parallel.

Touchless rate = orders the pipeline approved on its own / all orders, on the configured catalog
(50,000 parts by default); the blockers table says which gate reasons stop orders most.
Review actions are timed through ``OrderService`` on a real ledger file; the parallel table
compares one process against four writing the same ledger (SQLite WAL, BEGIN IMMEDIATE).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from common import summary, table, timed_ms

from pipeline.config import Settings
from pipeline.context import open_order_service, open_runner
from pipeline.erp import ErpExporter, OutboxAdapter
from pipeline.orders.report import touchless_report

SAMPLES = sorted(Path("data/samples").glob("*.txt"))
ORDER_1 = Path("data/samples/sample_order_1.txt")
REPEAT = 40

# One writer process: `edits` quantity edits on its own order (an email made unique by a footer).
WRITER = """
import sys
from pathlib import Path
from pipeline.config import Settings
from pipeline.context import open_order_service, open_runner
settings = Settings(Path(sys.argv[1]).parent, Path(sys.argv[2]), Path(sys.argv[1]))
text = Path("data/samples/sample_order_1.txt").read_text() + f"\\nwriter {sys.argv[3]}\\n"
runner = open_runner(settings)
order_id = runner.process(f"w{sys.argv[3]}.txt", text.encode()).order.order_id
service = open_order_service(runner=runner)
print("ready", flush=True)
sys.stdin.readline()
for n in range(int(sys.argv[4])):
    service.edit_line(order_id, 1, actor=f"w{sys.argv[3]}", quantity=n % 5 + 1)
"""


def touchless(settings: Settings) -> None:
    runner = open_runner(settings)
    rows = []
    for path in SAMPLES:
        order = runner.process(path.name, path.read_bytes()).order
        codes = sorted({reason.code for reason in order.review.details})
        rows.append((path.name, order.review.status, ", ".join(codes) or "-"))
    report = touchless_report(runner.ledger)
    print(f"Touchless rate of the {report.orders} sample emails, {runner.catalog.count():,}-part catalog:")
    print(f"**{report.auto_approved} of {report.orders} = {report.touchless_rate:.1%}** auto-approved\n")
    print(table(["email", "status", "gate reasons"], rows))
    print()
    blockers = [(b.code, b.orders, f"{b.orders / report.orders:.0%}", b.occurrences) for b in report.blockers]
    print(table(["reason", "orders blocked", "share of orders", "occurrences"], blockers))


def review_actions(settings: Settings) -> None:
    runner = open_runner(settings)
    service = open_order_service(runner=runner)
    order_id = runner.process(ORDER_1.name, ORDER_1.read_bytes()).order.order_id
    second = service.get(order_id).order.lines[1]
    parts = (second.alternatives[0].part_number, second.match.part_number)
    count = iter(range(10**6))
    actions = {
        "edit quantity (re-price, re-check)": lambda: service.edit_line(
            order_id, 1, actor="bench", quantity=next(count) % 7 + 1
        ),
        "edit grade (search + re-match)": lambda: service.edit_line(
            order_id, 1, actor="bench", grade=("316L", "304")[next(count) % 2]
        ),
        "choose alternative": lambda: service.choose_alternative(
            order_id, 2, parts[next(count) % 2], actor="bench"
        ),
        "accept line": lambda: service.accept_line(order_id, 3, actor="bench"),
        "approve + reopen": lambda: (
            service.approve(order_id, actor="bench"),
            service.reopen(order_id, actor="bench", comment="bench"),
        ),
    }
    rows = [(name, *summary(timed_ms(action, REPEAT)).values()) for name, action in actions.items()]
    rows.append(("export to outbox (schema check, fsync)", *summary(_exports(settings)).values()))
    print(f"\nReview actions through OrderService, {REPEAT} each (one ledger transaction per action)\n")
    print(table(["action", "median ms", "p95 ms", "p99 ms", "max ms"], rows))


def _exports(settings: Settings) -> list[float]:
    """Milliseconds to export each of REPEAT approved orders (emails made unique by a footer)."""
    runner = open_runner(settings)
    service = open_order_service(runner=runner)
    approved = []
    for n in range(REPEAT):
        text = ORDER_1.read_text() + f"\nreference {n}\n"
        order_id = runner.process(f"e{n}.txt", text.encode()).order.order_id
        for line in service.get(order_id).order.lines:
            service.accept_line(order_id, line.item.line_no, actor="bench")
        approved.append(service.approve(order_id, actor="bench").order_id)
    exporter = ErpExporter(runner.ledger, OutboxAdapter(settings.outbox_dir))
    ids = iter(approved)
    return timed_ms(lambda: exporter.export(next(ids), actor="bench"), REPEAT)


def parallel_writers(settings: Settings, processes: int, edits: int) -> float:
    """Edits per second of ``processes`` writer processes sharing one ledger."""
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")]))
    }
    args = [str(settings.ledger_path), str(settings.catalog_path)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, *args, f"{processes}-{n}", str(edits)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(processes)
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        proc.wait()
        assert proc.returncode == 0
    return processes * edits / (time.perf_counter() - started)


def main() -> None:
    base = Settings.from_env()
    with tempfile.TemporaryDirectory() as tmp:
        settings = replace(base, data_dir=Path(tmp), ledger_path=Path(tmp) / "ledger.sqlite")
        touchless(settings)
        review_actions(settings)
        rows = [(n, n * 60, round(parallel_writers(settings, n, 60), 1)) for n in (1, 4)]
    print("\nLedger writers in parallel: quantity edits (re-price, re-check, audit) on one SQLite file\n")
    print(table(["processes", "edits", "edits per second"], rows))


if __name__ == "__main__":
    main()
