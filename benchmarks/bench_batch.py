"""Batch throughput: emails per second in one process vs a LocalCluster of 2 workers, on the
1,000-email corpus and the 50,000-part catalog; task granularity; memory per worker; where the
time of one email goes.

The machine is shared, so each configuration runs several times, interleaved with the others,
and the table shows the best and the median run; the load average is printed beside them.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path

from common import table

from pipeline.batch import BatchReport, Executor, InProcessExecutor, open_executor, run_batch
from pipeline.batch.batch_ledger import BatchLedger
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.corpus import generate_corpus
from pipeline.ledger import Ledger
from pipeline.runner import Runner

EMAILS = 1000
REPEATS = 3
CHUNK_SIZES = (1, 5, 25, 100)
_runs = count()


def load() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def batch(
    catalog: Path, corpus: Path, folder: Path, executor: Executor, chunk: int | None = None
) -> BatchReport:
    """One run into a fresh ledger."""
    settings = Settings(folder, catalog, folder / f"run{next(_runs)}.sqlite")
    return run_batch([corpus], settings=settings, executor=executor, chunk_size=chunk)


def interleaved(
    configs: dict[str, Callable[[], BatchReport]], repeats: int = REPEATS
) -> dict[str, list[BatchReport]]:
    """Each configuration ``repeats`` times, round-robin, so a busy spell hits all of them alike."""
    runs: dict[str, list[BatchReport]] = {name: [] for name in configs}
    for _ in range(repeats):
        for name, run in configs.items():
            runs[name].append(run())
    return runs


def rates(reports: list[BatchReport]) -> tuple[float, float, float]:
    per_second = [report.summary()["emails_per_second"] for report in reports]
    return max(per_second), statistics.median(per_second), 1000 / max(per_second)


def throughput(catalog: Path, corpus: Path, folder: Path) -> None:
    started = time.perf_counter()
    with open_executor(workers=2) as cluster:
        startup = time.perf_counter() - started
        runs = interleaved(
            {
                "1 process (in-process)": lambda: batch(catalog, corpus, folder, InProcessExecutor()),
                "LocalCluster(2 workers)": lambda: batch(catalog, corpus, folder, cluster),
            }
        )
        memory = runs["LocalCluster(2 workers)"][-1].memory
    rows = [(name, len(reports), *rates(reports)) for name, reports in runs.items()]
    print(f"\n{EMAILS:,} emails, {CatalogStore(catalog).count():,}-part catalog, ledger writes included;")
    print(f"cluster start {startup:.2f} s (not included); {load()}\n")
    print(table(["where", "runs", "best emails/s", "median emails/s", "ms per email (best)"], rows))
    print("\nmemory per worker process (RSS after a run)\n")
    print(table(["worker", "RSS MB"], [(name, rss / 2**20) for name, rss in memory.items()]))
    stage_costs(runs["1 process (in-process)"][-1])


def stage_costs(report: BatchReport) -> None:
    """Median ms per stage, from the timings each order carries."""
    ledger = BatchLedger(report.ledger)
    timings = [job.result["timings_ms"] for job in ledger.latest_done()]
    rows = [(stage, statistics.median(t[stage] for t in timings)) for stage in timings[0]]
    rows.append(("all stages", statistics.median(sum(t.values()) for t in timings)))
    pipeline = statistics.median(outcome.pipeline_ms for outcome in report.processed)
    rows.append(("whole email, ledger writes included", pipeline))
    print("\nwhere one email's time goes (in-process run, medians)\n")
    print(table(["stage", "median ms"], rows))


def ledger_writes(catalog: Path, corpus: Path, folder: Path) -> None:
    """Commit per event (as the dashboard writes) vs a job's history in one commit (batch workers)."""
    files = [(path.name, path.read_bytes()) for path in sorted(corpus.glob("order_*"))[:200]]
    kinds = {"Ledger (commit per event)": Ledger, "BatchLedger (held per job)": BatchLedger}
    timings: dict[str, list[float]] = {name: [] for name in kinds}
    for repeat in range(REPEATS):
        for name, kind in kinds.items():
            runner = Runner(
                catalog=CatalogStore(catalog), ledger=kind(folder / f"{kind.__name__}{repeat}.sqlite")
            )
            started = time.perf_counter()
            for filename, data in files:
                runner.process(filename, data)
            timings[name].append(1000 * (time.perf_counter() - started) / len(files))
    print(f"\nledger writes, one process, {len(files)} emails; {load()}\n")
    rows = [(name, min(samples), statistics.median(samples)) for name, samples in timings.items()]
    print(table(["ledger", "best ms per email", "median ms per email"], rows))


def granularity(catalog: Path, corpus: Path, folder: Path) -> None:
    with open_executor(workers=2) as cluster:
        runs = interleaved(
            {
                f"{size} per task": lambda size=size: batch(catalog, corpus, folder, cluster, size)
                for size in CHUNK_SIZES
            },
            repeats=2,
        )
    rows = [
        (name, -(-EMAILS // size), *rates(reports))
        for (name, reports), size in zip(runs.items(), CHUNK_SIZES, strict=True)
    ]
    print(f"\ntask granularity on LocalCluster(2 workers); {load()}\n")
    print(
        table(["emails per task", "tasks", "best emails/s", "median emails/s", "ms per email (best)"], rows)
    )


def main() -> None:
    catalog = Settings.from_env().catalog_path
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = generate_corpus(catalog, folder / "corpus", EMAILS).folder
        throughput(catalog, corpus, folder)
        ledger_writes(catalog, corpus, folder)
        granularity(catalog, corpus, folder)


if __name__ == "__main__":  # Dask starts workers by spawning: they re-import this file
    main()
